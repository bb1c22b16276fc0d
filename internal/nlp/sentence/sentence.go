// Package sentence splits an article's text into sentences.
package sentence

import "github.com/tidings-news/tidings/internal/model"

// Splitter finds sentence boundaries.
type Splitter struct{}

// New returns a Splitter.
func New() *Splitter { return &Splitter{} }

// Name is the stage's name.
func (*Splitter) Name() string { return "sentences" }

// Annotate fills doc.Sentences.
func (s *Splitter) Annotate(doc *model.Document) { doc.Sentences = Split(doc.Text) }

// Split returns the sentences of text as byte spans.
func Split(text string) []model.Span {
	var out []model.Span
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			out = append(out, model.Span{Start: start, End: i + 1})
			start = i + 1
			for start < len(text) && (text[start] == ' ' || text[start] == '\n') {
				start++
			}
		}
	}
	if start < len(text) {
		out = append(out, model.Span{Start: start, End: len(text)})
	}
	return out
}
