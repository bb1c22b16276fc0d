package event

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// documentIssuer returns the issuer of a document that is the subject of the verb at token i
// ("The statement threatened sanctions", "Their joint communique also urged"): an actor
// named before the document noun in the sentence ("the ministry's statement"), else the actor
// named nearest the same noun in one of the two sentences before ("X issued a statement
// Tuesday ... The statement threatened"). It returns nil when the subject is no document.
func (s *sentence) documentIssuer(i int) []int {
	j := i - 1
	for j >= 0 && (s.c.aux[s.toks[j].low] || strings.HasSuffix(s.toks[j].low, "ly")) {
		j--
	}
	if j < 0 || s.toks[j].mention >= 0 || !s.c.document[s.toks[j].lemma] && !s.c.document[s.toks[j].low] {
		return nil
	}
	if pre := s.premodifier(j); len(pre) > 0 {
		return pre
	}
	k := j - 1
	for k >= 0 && (s.c.det[s.toks[k].low] || s.toks[k].low == "joint" || s.toks[k].low == "written") {
		k--
	}
	if k >= 0 && isLetterStart(s.toks[k].low) {
		return nil // "a draft statement", "said in a statement": not the document's first mention
	}
	noun := s.toks[j].low
	for back := 1; back <= 2 && s.index-back >= 0; back++ {
		if mi := s.nearestIssuer(s.sents[s.index-back], noun); mi >= 0 {
			return []int{mi}
		}
	}
	return nil
}

// nearestIssuer returns the mention of an actor with a country nearest before the first
// occurrence of noun in the sentence sp, else nearest after it, or -1 when the noun or such a
// mention is missing.
func (s *sentence) nearestIssuer(sp model.Span, noun string) int {
	text := s.low.Of(s.doc.Text, sp.Start, sp.End)
	at := -1
	for off := 0; ; {
		k := strings.Index(text[off:], noun)
		if k < 0 {
			break
		}
		k += off
		if (k == 0 || !isWordRune(rune(text[k-1]))) && (k+len(noun) == len(text) || !isWordRune(rune(text[k+len(noun)]))) {
			at = sp.Start + k
			break
		}
		off = k + len(noun)
	}
	if at < 0 {
		return -1
	}
	before, after := -1, -1
	for mi, m := range s.ments {
		if m.Start < sp.Start || m.End > sp.End || s.doc.Actors[m.actor].Country == "" {
			continue
		}
		if m.End <= at {
			before = mi
		} else if after < 0 {
			after = mi
		}
	}
	if before >= 0 {
		return before
	}
	return after
}
