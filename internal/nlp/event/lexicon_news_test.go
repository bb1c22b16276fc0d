package event

import "testing"

// TestNewsWording checks the broadened news patterns at the end of patterns.tsv: each
// sentence must code its type, actor and recipient, and the mode where one is given.
func TestNewsWording(t *testing.T) {
	tests := []struct {
		text, want, mode string
	}{
		{"France struck a deal with Ukraine on Monday.", "AGREE FRA>UKR", ""},
		{"Iran reached an agreement with Russia on grain.", "AGREE IRN>RUS", ""},
		{"Putin sat down with Trump in Helsinki.", "CONSULT RUS>USA", ""},
		{"Trump telephoned Putin on Friday.", "CONSULT USA>RUS", "Phone"},
		{"Trump flew to Moscow on Tuesday.", "CONSULT USA>RUS", "Visit"},
		{"Nigeria sided with France on the issue.", "SUPPORT NGA>FRA", ""},
		{"Britain relaxed sanctions on Iran.", "CONCEDE GBR>IRN", ""},
		{"Russia offered an apology to France.", "CONCEDE RUS>FRA", ""},
		{"Ukraine teamed up with Britain to build the port.", "COOPERATE UKR>GBR", ""},
		{"France sent weapons to Ukraine.", "AID FRA>UKR", ""},
		{"Russian forces pulled back from Ukraine.", "RETREAT RUS>UKR", "Withdraw"},
		{"Ukraine sought help from France.", "REQUEST UKR>FRA", ""},
		{"Ukraine lashed out at Russia.", "ACCUSE UKR>RUS", "Disapprove"},
		{"Iran turned down the offer of France.", "REJECT IRN>FRA", ""},
		{"Trump threatened to use force against Iran.", "THREATEN USA>IRN", "Violence"},
		{"Russia raised tariffs on Ukraine.", "SANCTION RUS>UKR", ""},
		{"Nigeria severed relations with France.", "SANCTION NGA>FRA", "Discontinue"},
		{"Russia launched missiles at Ukraine on Sunday.", "ASSAULT RUS>UKR", "Heavy-weapons"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			checkTriples(t, c, tt.text, []string{tt.want})
			if tt.mode == "" {
				return
			}
			doc := buildDoc(tt.text, testActors...)
			c.Annotate(doc)
			if len(doc.Events) == 0 || doc.Events[0].Mode != tt.mode {
				t.Errorf("%q: mode of %v, want %s", tt.text, doc.Events, tt.mode)
			}
		})
	}
}
