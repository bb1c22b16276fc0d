package event

import (
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

// Tagger fills the part-of-speech tags of a sentence's tokens in place.
type Tagger interface {
	Tag(toks []model.Token)
}

// Options configure a Coder. With both a Tagger and a Parser the Coder tags and parses the
// sentences that hold a trigger, once each, and reads arguments the word-window heuristics
// miss from the dependency tree.
type Options struct {
	Tagger Tagger
	Parser syntax.DepParser
}

// WithOptions sets the Coder's options and returns it.
func (c *Coder) WithOptions(o Options) *Coder {
	c.opts = o
	return c
}

// deps returns the sentence's parsed tokens: the document's for the same sentence index when
// already parsed, or the
// sentence tokenised, tagged and parsed on first use. It returns nil without a parser.
func (s *sentence) deps() []model.Token {
	if s.parsed {
		return s.tree
	}
	s.parsed = true
	if s.c.opts.Parser == nil || s.c.opts.Tagger == nil {
		return nil
	}
	// Tokens[i] are the words of Sentences[i]
	if s.index < len(s.doc.Tokens) && len(s.doc.Tokens) == len(s.doc.Sentences) {
		if sent := s.doc.Tokens[s.index]; len(sent) > 0 && sent[0].Start >= s.span.Start && sent[len(sent)-1].End <= s.span.End && sent[0].Rel != "" {
			s.tree = sent
			return s.tree
		}
	}
	own := syntax.AppendTokens(nil, s.doc.Text, s.span.Start, s.span.End)
	if len(own) == 0 || len(own) > 2*maxSentenceTokens {
		return nil
	}
	s.c.opts.Tagger.Tag(own)
	s.c.opts.Parser.Parse(own)
	s.tree = own
	return s.tree
}

// treeToken returns the index of the parsed token that starts at byte offset off, or -1.
func treeToken(tree []model.Token, off int) int {
	for i, t := range tree {
		if t.Start <= off && off < t.End {
			return i
		}
	}
	return -1
}

// parseSubject returns the mention that the dependency tree makes the subject of the word
// at byte offset off: its nsubj, or the nsubj of the clause it is an xcomp or conj of.
func (s *sentence) parseSubject(off int) []int {
	tree := s.deps()
	h := treeToken(tree, off)
	for range 3 {
		if h < 0 {
			return nil
		}
		for _, t := range tree {
			if t.Head == h && t.Rel == "nsubj" {
				if m := s.mentionAt(t.Span); m >= 0 {
					return []int{m}
				}
				return nil
			}
		}
		if r := tree[h].Rel; r != "xcomp" && r != "conj" {
			return nil
		}
		h = tree[h].Head
	}
	return nil
}

// mentionAt returns the index of the mention that covers sp, or -1.
func (s *sentence) mentionAt(sp model.Span) int {
	for i := range s.toks {
		t := &s.toks[i]
		if t.mention >= 0 && t.start < sp.End && sp.Start < t.end {
			return t.mention
		}
	}
	return -1
}
