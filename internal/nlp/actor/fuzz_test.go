package actor

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"",
		"Russian President Vladimir Putin said on Friday. He left.",
		"Geir Pedersen, the U.N. special envoy for Syria, said al-Rufay’i was killed.",
		"U.S.-backed forces; Iran's \"Islamic Republic\" — both presidents, his Iranian counterpart, Masoud Pezeshkian.",
		"\xff\xfe bad bytes Al-\u0301 C. D. 's ’s - -- 'Iran'",
		strings.Repeat("Mohammed bin ", 50),
	} {
		f.Add(s)
	}
	r, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	split := sentence.New()
	f.Fuzz(func(t *testing.T, text string) {
		// The input's first line is also the title, its second the standfirst.
		lines := strings.SplitN(text, "\n", 3)
		doc := &model.Document{Text: text, Published: "2026-01-16", Title: lines[0]}
		if len(lines) > 1 {
			doc.Standfirst = lines[1]
		}
		doc.Sentences = split.Split(text)
		r.Annotate(doc)
		for _, a := range doc.Actors {
			for _, m := range a.LeadMentions {
				field := doc.Title
				if m.Field == model.FieldStandfirst {
					field = doc.Standfirst
				}
				if m.Start < 0 || m.End > len(field) || m.Start >= m.End || field[m.Start:m.End] != m.Text {
					t.Fatalf("lead mention %+v (%q) outside its field %q", m.Span, m.Text, field)
				}
			}
		}
		// Rune boundaries as Go's range over a string sees them: an invalid byte is a rune.
		starts := map[int]bool{len(text): true}
		for i := range text {
			starts[i] = true
		}
		for _, a := range doc.Actors {
			for _, m := range a.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("mention %+v outside the text", m.Span)
				}
				if !starts[m.Start] || !starts[m.End] {
					t.Fatalf("mention %+v not on rune boundaries", m.Span)
				}
			}
		}
	})
}
