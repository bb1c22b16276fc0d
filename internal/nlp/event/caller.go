package event

import "strings"

// callStem returns, for a noun of a demand or proposal that "supported the call" or "backed
// the proposal" points back to, the start its verb shares ("called", "proposed"); "" for
// other nouns.
func callStem(noun string) string {
	switch noun {
	case "call", "appeal", "request", "demand", "offer", "proposal", "initiative", "plea":
		if len(noun) > 5 {
			return noun[:5]
		}
		return noun
	}
	return ""
}

// caller returns the recipient of a stance on "the call" or "the proposal" right after the
// verb ending before token e ("Greece and Panama supported the call"): the subject of the verb
// that made it ("France called a meeting"), earlier in the sentence or in one of the two
// sentences before, when it is of another state than the actors src. nil otherwise.
func (s *sentence) caller(src []int, e int) []int {
	if e+1 >= len(s.toks) || s.toks[e].low != "the" {
		return nil
	}
	stem := callStem(s.toks[e+1].low)
	if stem == "" || len(src) == 0 {
		return nil
	}
	if e+2 < len(s.toks) && (s.toks[e+2].low == "by" || s.toks[e+2].low == "of" || s.toks[e+2].low == "from" || s.toks[e+2].low == "for") {
		return nil // the phrase names its maker, or what it is for, itself
	}
	own := s.doc.Actors[s.ments[src[0]].actor].Country
	if by := s.stemSubject(stem, own, e); len(by) > 0 {
		return by
	}
	for back := 1; back <= 2 && s.index-back >= 0; back++ {
		si := s.index - back
		p := &sentence{c: s.c, doc: s.doc, low: s.low, ments: s.ments, span: s.sents[si], index: si, sents: s.sents, home: s.home, selfAimed: s.selfAimed}
		p.toks = sentenceTokens(s.doc, si, p.span, nil)
		if len(p.toks) > maxSentenceTokens {
			continue
		}
		p.prepare()
		if by := p.stemSubject(stem, own, len(p.toks)); len(by) > 0 {
			return by
		}
	}
	return nil
}

// stemSubject returns the subject of the last verb before token end that starts with stem
// and is no mention ("called", "proposed"), when that subject is of a state other than own.
func (s *sentence) stemSubject(stem, own string, end int) []int {
	for j := end - 1; j >= 0; j-- {
		t := &s.toks[j]
		if t.mention >= 0 || !strings.HasPrefix(t.low, stem) || t.low == stem && j > 0 && s.c.det[s.toks[j-1].low] {
			continue
		}
		by := s.subject(j)
		if len(by) == 0 {
			return nil
		}
		if c := s.doc.Actors[s.ments[by[0]].actor].Country; c == "" || c == own {
			return nil
		}
		return by
	}
	return nil
}
