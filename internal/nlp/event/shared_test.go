package event

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// TestSharedMention checks that a span the actor stage gives to several people ("both
// leaders") makes each of them an actor of the event.
func TestSharedMention(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text, phrase string
		want               []string
	}{
		{"joint commitment", "Both leaders reaffirmed their commitment to dialogue.", "Both leaders",
			[]string{"AGREE RUS>USA", "AGREE USA>RUS"}},
		{"joint request", "Both presidents urged Iran to release the prisoners.", "Both presidents",
			[]string{"REQUEST RUS>IRN", "REQUEST USA>IRN"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.text, testActors...)
			s := strings.Index(tc.text, tc.phrase)
			sp := model.Span{Start: s, End: s + len(tc.phrase)}
			for i := range doc.Actors {
				if id := doc.Actors[i].ID; id == "putin" || id == "trump" {
					doc.Actors[i].Mentions = append(doc.Actors[i].Mentions, model.Mention{Span: sp, Text: tc.phrase})
				}
			}
			c.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tc.want) {
				t.Errorf("%q\n got %v\nwant %v", tc.text, got, tc.want)
			}
		})
	}
}
