package event

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

func FuzzParsePatterns(f *testing.F) {
	f.Add("v\tattack\tASSAULT\t-\tobj pp=on\n")
	f.Add("# c\nn\tphone call\tCONSULT\tPhone\tpp=with,to opt\n")
	f.Add("a\tunacceptable\tACCUSE\t-\t-")
	f.Add("v\t\t\t\t")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePatterns(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, p := range ps {
			if len(p.Words) == 0 || !IsType(p.Type) {
				t.Fatalf("accepted a bad pattern: %+v", p)
			}
		}
	})
}

// FuzzAnnotate codes arbitrary text with actors mentioned at arbitrary places: it must not
// panic and every event must point inside the text.
func FuzzAnnotate(f *testing.F) {
	f.Add("Russia attacked Ukraine. Putin met Trump and they agreed to talk.", 0, 6, 16, 23)
	f.Add("“We reject it,” he said; the U.S.-backed forces were attacked by Iran’s army?", 3, 9, 60, 64)
	f.Add("", 0, 0, 0, 0)
	f.Add("and and and , , , to to to by by by the the the", 0, 3, 4, 40)
	c := testCoder(f)
	f.Fuzz(func(t *testing.T, text string, a, b, x, y int) {
		if !utf8.ValidString(text) || len(text) > 1<<14 {
			return
		}
		doc := &model.Document{Text: text, Published: "2026-01-16"}
		doc.Sentences = splitSentences(text)
		doc.Actors = []model.Actor{
			{ID: "a1", Kind: model.KindCountry, Country: "RUS", Mentions: []model.Mention{{Span: model.Span{Start: a, End: b}}}},
			{ID: "a2", Kind: model.KindPerson, Country: "UKR", Mentions: []model.Mention{{Span: model.Span{Start: x, End: y}}, {Span: model.Span{Start: a, End: y}}}},
		}
		doc.Times = []model.Time{{Span: model.Span{Start: x, End: b}, Value: "2026", Type: "DATE"}}
		doc.Quotes = []model.Quote{{Span: model.Span{Start: a, End: y}, Speaker: "a1"}}
		c.Annotate(doc)
		for _, e := range doc.Events {
			if e.Trigger.Start < 0 || e.Trigger.End > len(text) || e.Trigger.Start > e.Trigger.End {
				t.Fatalf("trigger %v outside text of %d bytes", e.Trigger, len(text))
			}
			if !IsType(e.Type) || len(e.Source) == 0 {
				t.Fatalf("bad event %+v", e)
			}
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	c := testCoder(b)
	text := strings.Repeat("Russian President Vladimir Putin has held a phone call with Trump amid protests in Ukraine. "+
		"The Iranian authorities have blamed the riots on the United States and France. "+
		"Trump has issued several threats against Iran, calling on Iranian protesters to act. ", 10)
	doc := buildDoc(text, testActors...)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c.Annotate(doc)
	}
}
