package actor

import (
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

// TestNamedHeads checks that "the court" is the body named last before it
// with that head word, and keeps the home state when no such body was named.
func TestNamedHeads(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, word, want string // the last mention with text word belongs to an actor of state want
	}{
		{
			name: "the court after the International Court of Justice",
			text: "Kenya refused to attend a hearing at the International Court of Justice. Kenya said the court was unfair. Kenya will not attend.",
			word: "court", want: "UNO",
		},
		{
			name: "the court after a UN court named by a possessive",
			text: "Kenya wrote to the United Nations' top court. Kenya said the court was biased. Kenya will not attend.",
			word: "court", want: "UNO",
		},
		{
			name: "a court with no named court before it is the home state's",
			text: "Kenya arrested an activist. Kenya said the court would try him. Kenya will not free him.",
			word: "court", want: "KEN",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &model.Document{Text: tc.text}
			sentence.New().Annotate(doc)
			r.Annotate(doc)
			got, last := "", -1
			for _, a := range doc.Actors {
				for _, m := range a.Mentions {
					if m.Text == tc.word && m.Start > last {
						got, last = a.Country, m.Start
					}
				}
			}
			if last < 0 {
				t.Fatalf("no mention %q; actors %+v", tc.word, doc.Actors)
			}
			if got != tc.want {
				t.Errorf("%q belongs to state %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}
