package syntax

import "github.com/tidings-news/tidings/internal/model"

// attachPunct gives every punctuation token (UPOS PUNCT, not the root) the head that the
// Universal Dependencies guidelines give it, from the tree of the other words: the lower of
// the highest node on its left whose subtree ends before it and the highest on its right
// whose subtree starts after it, each climbed to from its nearest word, so that no arc
// crosses it; a pair of brackets or quotation marks around a phrase with one head takes that
// head. Words that the parse attached to punctuation go to the punctuation's nearest
// ancestor that is a word. The tree stays a projective tree with the same root when it was
// one; punct, sub and spans are scratch space of len(sent), reused across calls.
func attachPunct(sent []model.Token, sc *punctScratch) {
	n := len(sent)
	sc.reset(n)
	isP := sc.isP
	any := false
	for i, t := range sent {
		if t.UPOS == "PUNCT" && t.Head >= 0 {
			isP[i] = true
			any = true
		}
	}
	if !any {
		return
	}
	// words under punctuation go up to the nearest word above it
	for i := range sent {
		if isP[i] {
			continue
		}
		h := sent[i].Head
		for steps := 0; h >= 0 && isP[h] && steps < n; steps++ {
			h = sent[h].Head
		}
		if h >= 0 && !isP[h] {
			sent[i].Head = h
		}
	}
	// the span of each word's subtree of words
	lo, hi := sc.lo, sc.hi
	for i := range sent {
		lo[i], hi[i] = int32(i), int32(i)
	}
	for i := range sent {
		if isP[i] {
			continue
		}
		for h, steps := sent[i].Head, 0; h >= 0 && steps < n; h, steps = sent[h].Head, steps+1 {
			lo[h], hi[h] = min(lo[h], int32(i)), max(hi[h], int32(i))
		}
	}
	descends := func(a, b int) bool { // a is b or below it
		for steps := 0; a >= 0 && steps <= n; steps++ {
			if a == b {
				return true
			}
			a = sent[a].Head
		}
		return false
	}
	left := -1
	for i := range sent {
		if !isP[i] {
			left = i
			continue
		}
		l := left
		for steps := 0; l >= 0 && steps < n; steps++ {
			h := sent[l].Head
			if h < 0 || h > i || hi[l] > int32(i) {
				break
			}
			l = h
		}
		r := -1
		for j := i + 1; j < n; j++ {
			if !isP[j] {
				r = j
				break
			}
		}
		for steps := 0; r >= 0 && steps < n; steps++ {
			h := sent[r].Head
			if h < 0 || h < i || lo[r] < int32(i) {
				break
			}
			r = h
		}
		switch {
		case l >= 0 && (r < 0 || descends(l, r) || !descends(r, l)):
			sent[i].Head = l
		case r >= 0:
			sent[i].Head = r
		default:
			continue
		}
		sent[i].Rel = "punct"
	}
	attachPairs(sent, isP)
}

// punctScratch is attachPunct's scratch space.
type punctScratch struct {
	isP    []bool
	lo, hi []int32
}

func (s *punctScratch) reset(n int) {
	if cap(s.isP) < n {
		s.isP, s.lo, s.hi = make([]bool, n), make([]int32, n), make([]int32, n)
	}
	s.isP, s.lo, s.hi = s.isP[:n], s.lo[:n], s.hi[:n]
	clear(s.isP)
}

// closing returns the mark that closes opening mark o, or "" when o opens nothing.
func closing(o string) string {
	switch o {
	case "(":
		return ")"
	case "[":
		return "]"
	case "{":
		return "}"
	case "\u201c":
		return "\u201d"
	case "\"":
		return "\""
	}
	return ""
}

// attachPairs attaches both marks of a pair of brackets or quotation marks to the head of the
// words between them, when they have exactly one.
func attachPairs(sent []model.Token, isP []bool) {
	quotes := 0
	for o := range sent {
		c := closing(sent[o].Form)
		if c == "\"" {
			// straight quotation marks open and close in turn
			if quotes++; quotes%2 == 0 {
				continue
			}
		}
		if c == "" || !isP[o] {
			continue
		}
		e := -1
		for j, depth := o+1, 0; j < len(sent); j++ {
			f := sent[j].Form
			if f == c {
				if depth == 0 {
					e = j
					break
				}
				depth--
			} else if f == sent[o].Form {
				depth++
			}
		}
		if e < 0 || !isP[e] {
			continue
		}
		head := -1
		for j := o + 1; j < e; j++ {
			if isP[j] {
				continue
			}
			if h := sent[j].Head; h < o || h > e {
				if head >= 0 {
					head = -2
					break
				}
				head = j
			}
		}
		if head >= 0 {
			sent[o].Head, sent[e].Head = head, head
		}
	}
}

// newWordState returns the parse state of the words of sent, those not marked in skip, with
// the punctuation marks right before and after each word as its lp and rp, and each word's
// index in sent. The words' Head fields are sent's mapped to the words' indices, -1 for the
// root and for a head that is skipped.
func newWordState(sent []model.Token, skip []bool, classes wordClasses) (*parseState, []model.Token, []int32) {
	idx := make([]int32, 0, len(sent))
	pos := make([]int32, len(sent))
	for i := range sent {
		pos[i] = -1
		if !skip[i] {
			pos[i] = int32(len(idx))
			idx = append(idx, int32(i))
		}
	}
	words := make([]model.Token, len(idx))
	for j, i := range idx {
		words[j] = sent[i]
		if h := sent[i].Head; h >= 0 && h < len(sent) {
			words[j].Head = int(pos[h])
		}
	}
	s := newParseState(words, classes)
	s.punct = true
	for j, i := range idx {
		if i > 0 && skip[i-1] {
			s.lp[j] = strHash(sent[i-1].Form)
		}
		if int(i)+1 < len(sent) && skip[i+1] {
			s.rp[j] = strHash(sent[i+1].Form)
		}
	}
	return s, words, idx
}
