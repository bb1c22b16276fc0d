package actor

import (
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

// TestNamedBodies checks bodies news names by a phrase of diplomatic or political usage: "the
// European side" in talks is the European Union, "the Communist leadership" of a story about
// one communist state is that state's government, and the Alliance of Democracies is a
// non-governmental body.
func TestNamedBodies(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, mention, country, sector string
	}{
		{"Vietnam cut rates. Hanoi held talks with Brussels, and the European side asked for more access.", "European side", "EUR", "GOV"},
		{"Vietnam is growing. Vietnam's exports rose, and the Communist leadership in Hanoi welcomed the figures.", "Communist leadership", "VNM", "GOV"},
		{"The Alliance of Democracies held a summit in Copenhagen on Tuesday.", "Alliance of Democracies", "NGO", "SOC"},
	}
	for _, tc := range tests {
		t.Run(tc.mention, func(t *testing.T) {
			doc := &model.Document{Text: tc.text}
			sentence.New().Annotate(doc)
			r.Annotate(doc)
			for _, a := range doc.Actors {
				for _, m := range a.Mentions {
					if m.Text == tc.mention || m.Text == "the "+tc.mention || m.Text == "The "+tc.mention {
						if a.Country != tc.country || a.Sector != tc.sector {
							t.Errorf("%q: %s %s, want %s %s", tc.mention, a.Country, a.Sector, tc.country, tc.sector)
						}
						return
					}
				}
			}
			t.Errorf("%q not found among %d actors", tc.mention, len(doc.Actors))
		})
	}
}
