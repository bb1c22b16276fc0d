package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"",
		`"Hello," she said.`,
		"\u201cOpen\n\n\u201cAnd on,\u201d said Jo.",
		`''typewriter,'' Mr. Abe said. ''Yes.''`,
		`Iran's '90s 'a term' don't "x`,
		"\"\"\"''''``\u201c\u201d\u2018\u2019\u00ab\u00bb",
		"According to a statement published by the, \u201c\u201d",
		"\u2015 \u2014 - \"a\" \u2015 B C",
		"\xff\"bad\xfe utf8\" said X",
		strings.Repeat(`"a," he said, `, 50),
		"Ann Lee, who said the plan failed, was right.",
		"Officials, who, said",
	} {
		f.Add(s)
	}
	finder := New()
	f.Fuzz(func(t *testing.T, text string) {
		doc := &model.Document{Text: text}
		finder.Annotate(doc)
		checkSpans(t, doc)
	})
}

// FuzzAnnotateWithLayer runs the stage as the pipeline does, after the sentences and the
// shared tokens, so that reported speech is read from the layer.
func FuzzAnnotateWithLayer(f *testing.F) {
	for _, s := range []string{
		"",
		"Guterres’ spokesman said the convoy had reached the city.",
		"The strike killed two, officials said. C.A.R.’s minister says it's over.",
		"\xff officials said \xfe the 'bad' utf8 was fine, he said.",
		strings.Repeat("They said that it's what they'd said, ", 300),
	} {
		f.Add(s)
	}
	finder, layer := New(), syntax.NewAnnotator(nil, syntax.Options{})
	f.Fuzz(func(t *testing.T, text string) {
		doc := &model.Document{Text: text}
		sentence.New().Annotate(doc)
		layer.Annotate(doc)
		finder.Annotate(doc)
		checkSpans(t, doc)
	})
}

// checkSpans fails unless every span of the quotations and reports lies in the text, on rune
// boundaries when the text is UTF-8, and each quotation's text is the text under its span.
func checkSpans(t *testing.T, doc *model.Document) {
	t.Helper()
	text := doc.Text
	valid := utf8.ValidString(text)
	for _, q := range append(doc.Quotes, doc.Reported...) {
		for _, s := range []model.Span{q.Span, q.SpeakerSpan, q.CueSpan} {
			if s == (model.Span{}) {
				continue // not given
			}
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("span %v outside the text (%d bytes)", s, len(text))
			}
			if !valid {
				continue // no rune boundaries to keep in bytes that are not UTF-8
			}
			if s.Start < len(text) && !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
				t.Fatalf("span %v does not fall on rune boundaries", s)
			}
		}
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("quote text %q differs from its span %q", q.Text, text[q.Start:q.End])
		}
	}
}
