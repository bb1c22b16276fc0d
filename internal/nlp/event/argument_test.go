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
