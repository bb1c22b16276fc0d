package event

import "testing"

// TestReach checks argument rules that reach past the nearest words: appositions set off by
// commas, participles, prepositional phrases and the like.
func TestReach(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text string
		want       []string // "TYPE SRC>TGT" over countries, sorted
	}{
		{"an apposition between commas is no subject of the next verb",
			"Russia and France met in the Iranian capital, Tehran, and signed a pact.",
			[]string{"CONSULT FRA>RUS", "CONSULT RUS>FRA", "SUPPORT FRA>RUS", "SUPPORT RUS>FRA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkTriples(t, c, tt.text, tt.want) })
	}
}
