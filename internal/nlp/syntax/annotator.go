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

// NewAnnotator returns an Annotator with the given tagger. With a nil tagger it only
// tokenises: tags, features and lemmas stay empty and no parser runs (a parser reads the tags).
func NewAnnotator(t *Tagger, opts Options) *Annotator {
	return &Annotator{tagger: t, opts: opts}
}

// Name is the stage's name.
func (*Annotator) Name() string { return "syntax" }

// Annotate fills d.Tokens, one slice for each of d.Sentences, with spans into d.Text. A
// sentence whose span lies outside the text gets no tokens. The sentences' tokens share one
// array, each slice capped at its own end. It is safe for concurrent use.
func (a *Annotator) Annotate(d *model.Document) {
	d.Tokens = make([][]model.Token, len(d.Sentences))
	// news text has about one token for every five bytes (at most one in 4.3 over 840
	// PolNeAR articles): room for one in four seldom grows
	all := make([]model.Token, 0, len(d.Text)/4+8)
	ends := make([]int, len(d.Sentences))
	for i, s := range d.Sentences {
		if s.Start >= 0 && s.End <= len(d.Text) && s.Start <= s.End {
			all = AppendTokens(all, d.Text, s.Start, s.End)
		}
		ends[i] = len(all)
	}
	start := 0
	for i, end := range ends {
		if end > start {
			d.Tokens[i] = all[start:end:end]
			a.TagSentence(d.Tokens[i])
		}
		start = end
	}
}

// TagSentence tags, lemmatises and (with a parser) parses tokens in place; without a tagger
// it only clears the dependencies.
func (a *Annotator) TagSentence(toks []model.Token) {
	for i := range toks {
		toks[i].Head, toks[i].Rel = -1, ""
	}
	if a.tagger == nil {
		return
	}
	a.tagger.Tag(toks)
	if a.opts.Parser != nil && len(toks) > 0 {
		a.opts.Parser.Parse(toks)
	}
}
