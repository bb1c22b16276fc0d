package event

import "slices"

// nextIndex narrows the imported patterns that start with one word by the word after it.
// The imported lexicon lists up to a few hundred patterns under a common verb; trying each
// on every occurrence of the verb was a fifth of the event stage's time.
type nextIndex struct {
	// single holds the positions, in the first word's list, of the one-word patterns.
	single []int
	// bySecond maps a second word to the positions of the patterns that have it.
	bySecond map[string][]int
}

// minNarrowed is the shortest list worth a nextIndex.
const minNarrowed = 8

// buildNext makes a nextIndex for every list of idx with at least minNarrowed patterns.
func buildNext(pats []Pattern, idx map[string][]int) map[string]*nextIndex {
	next := map[string]*nextIndex{}
	for first, list := range idx {
		if len(list) < minNarrowed {
			continue
		}
		nx := &nextIndex{bySecond: map[string][]int{}}
		for pos, pi := range list {
			if w := pats[pi].Words; len(w) == 1 {
				nx.single = append(nx.single, pos)
			} else {
				nx.bySecond[w[1]] = append(nx.bySecond[w[1]], pos)
			}
		}
		next[first] = nx
	}
	return next
}

// narrow returns the patterns of list, in list's order, that can match at token i: the
// one-word ones, and those whose second word is a form of a token that matchWords can reach
// (the next token, or one after up to three skippable ones). It returns list itself when
// nx is nil. The result is reused by the next call.
func (s *sentence) narrow(list []int, nx *nextIndex, i int) []int {
	if nx == nil {
		return list
	}
	pos := append(s.cand[:0], nx.single...)
	for j := i + 1; j < len(s.toks) && j <= i+4; j++ {
		t := &s.toks[j]
		pos = append(pos, nx.bySecond[t.low]...)
		if t.lemma != t.low {
			pos = append(pos, nx.bySecond[t.lemma]...)
		}
		if t.wide != t.low && t.wide != t.lemma {
			pos = append(pos, nx.bySecond[t.wide]...)
		}
		if !s.skippable(j) {
			break
		}
	}
	slices.Sort(pos)
	pos = slices.Compact(pos)
	for k, p := range pos {
		pos[k] = list[p]
	}
	s.cand = pos
	return pos
}
