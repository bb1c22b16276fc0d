package syntax

import "github.com/tidings-news/tidings/internal/model"

// DepParser fills Head and Rel of a tagged sentence's tokens in place.
type DepParser interface {
	Parse(sent []model.Token)
}

// Options configure an Annotator.
type Options struct {
	// Parser, when not nil, gives every sentence its dependency tree.
	Parser DepParser
}

// Annotator fills Document.Tokens: each sentence tokenised, tagged, lemmatised and, with a
// parser, parsed.
type Annotator struct {
	tagger *Tagger
	opts   Options
}

// NewAnnotator returns an Annotator with the given tagger.
func NewAnnotator(t *Tagger, opts Options) *Annotator {
	return &Annotator{tagger: t, opts: opts}
}

// Name is the stage's name.
func (*Annotator) Name() string { return "syntax" }

// Annotate fills d.Tokens, one slice for each of d.Sentences, with spans into d.Text. A
// sentence whose span lies outside the text gets no tokens. It is safe for concurrent use.
func (a *Annotator) Annotate(d *model.Document) {
	d.Tokens = make([][]model.Token, len(d.Sentences))
	for i, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			continue
		}
		toks := Tokenize(d.Text[s.Start:s.End])
		for j := range toks {
			toks[j].Start += s.Start
			toks[j].End += s.Start
		}
		a.TagSentence(toks)
		d.Tokens[i] = toks
	}
}

// TagSentence tags, lemmatises and (with a parser) parses tokens in place.
func (a *Annotator) TagSentence(toks []model.Token) {
	a.tagger.Tag(toks)
	for i := range toks {
		toks[i].Head, toks[i].Rel = -1, ""
	}
	if a.opts.Parser != nil && len(toks) > 0 {
		a.opts.Parser.Parse(toks)
	}
}
