package event

import "testing"

// TestArgumentStructure checks how the coder reads the arguments around a trigger: what a
// refusal turns down, what a collective recipient leaves unnamed, whom a document stands for.
func TestArgumentStructure(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"walking out of talks is no meeting", "Iran walked out of talks with the United States on Monday.",
			[]string{"REJECT IRN>USA"}},
		{"pulling out of peace talks is no meeting", "Russia pulled out of the peace talks with Ukraine.",
			[]string{"RETREAT RUS>UKR"}},
		{"talks held after a refusal are still a meeting", "Iran rejected the offer, and held talks with Russia.",
			[]string{"CONSULT IRN>RUS", "REJECT IRN>-"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkTriples(t, c, tc.text, tc.want) })
	}
}

// TestUnnamedSides checks that a demand of the parties to a dispute, unnamed, is coded with no
// recipient, and that a demand of no one is not coded.
func TestUnnamedSides(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Russia called on all sides to stop the fighting.", []string{"REQUEST RUS>-"}},
		{"France calls on parties concerned to show restraint.", []string{"REQUEST FRA>-"}},
		{"Britain called on both warring factions to return to talks.", []string{"REQUEST GBR>-"}},
		{"Britain called on the public to stay calm.", nil},
		{"Britain called on Russia and all sides to stop the fighting.", []string{"REQUEST GBR>RUS"}},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}
