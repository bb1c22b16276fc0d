package actor

import (
	"github.com/tidings-news/tidings/internal/model"
)

// maxCollectiveBack bounds how many tokens a collective reference looks back for its states.
const maxCollectiveBack = 200

// collectives ties references to several states or to a bloc back to what they stand for:
// "the three military-led nations", "the trio", "both countries" to the last list of that many
// states ("Burkina Faso, Mali and Niger"); "the bloc", "the regional body" to the last
// international body named (ECOWAS). The reference becomes a mention of each state.
func (st *state) collectives() {
	for i := 0; i < len(st.toks); i++ {
		t := &st.toks[i]
		if st.used[i] >= 0 || !t.is(tWord) {
			continue
		}
		the := t.lower == "the"
		if !the && !st.g.is(gBoth, t) {
			continue
		}
		if n, end := st.countedStates(i); n > 0 && st.spend(maxCollectiveBack) {
			if ents := st.stateList(i, n); ents != nil {
				for _, e := range ents {
					st.mention(e, i, end, viaRole)
				}
				i = end - 1
			}
			continue
		}
		if the {
			if end := st.blocRef(i); end > 0 && st.spend(maxCollectiveBack) {
				if e := st.lastBloc(i); e != nil {
					st.mention(e, i, end, viaRole)
					i = end - 1
				}
			}
		}
	}
}

// countOf returns the number a count word stands for, or 0.
func (st *state) countOf(t *token) int {
	switch {
	case st.g.is(gCount2, t):
		return 2
	case st.g.is(gCount3, t):
		return 3
	case st.g.is(gCount4, t):
		return 4
	}
	return 0
}

// countedStates reads a collective reference to states at token i: "both countries", "the
// two nations", "the three military-led nations", "the trio". It returns how many states it
// names and the end of the phrase, or 0.
func (st *state) countedStates(i int) (int, int) {
	k := i
	n := 0
	if st.g.is(gBoth, &st.toks[k]) && st.toks[k].lower != "two" {
		n = 2 // "both countries"
	} else {
		k++
		if k >= len(st.toks) || !st.sameSeg(i, k) {
			return 0, 0
		}
		if n = st.countOf(&st.toks[k]); n == 0 {
			return 0, 0
		}
		if st.g.is(gStateGroup, &st.toks[k]) {
			return n, k + 1 // "the trio"
		}
	}
	// up to two lower-case modifiers: "the three military-led nations"
	for x := k + 1; x < len(st.toks) && x <= k+3 && st.sameSeg(i, x); x++ {
		w := &st.toks[x]
		if !w.is(tWord) || st.used[x] >= 0 {
			return 0, 0
		}
		if st.g.is(gStateGroup, w) {
			return n, x + 1
		}
		if w.is(tCap) && x > k+1 || w.is(tDigit) {
			return 0, 0
		}
	}
	return 0, 0
}

// stateList finds the nearest list of exactly n distinct states before token i ("Burkina Faso,
// Mali and Niger"), joined by commas and "and", within the sentence and the ones before.
func (st *state) stateList(i, n int) []*entity {
	var cur []*entity
	last := -1 // first token of the list's current first item
	for k := i - 1; k >= 0 && k >= i-maxCollectiveBack; k-- {
		u := st.used[k]
		if u >= 0 && st.ents[u].a.Kind == model.KindCountry {
			e := st.ents[u]
			start := k
			for start > 0 && st.used[start-1] == u {
				start--
			}
			joined := last >= 0 && st.joins(start, last)
			if !joined {
				if len(cur) == n {
					return cur
				}
				cur = cur[:0]
			}
			dup := false
			for _, c := range cur {
				dup = dup || c == e
			}
			if !dup {
				cur = append(cur, e)
			}
			last = start
			k = start
			continue
		}
	}
	if len(cur) == n {
		return cur
	}
	return nil
}

// joins reports whether the state mention starting at token a is joined to the list item that
// starts at token b by nothing but commas, "and" or "or".
func (st *state) joins(a, b int) bool {
	e := a
	for e < b && st.used[e] == st.used[a] {
		e++
	}
	if e == b || b-e > 2 {
		return false
	}
	for x := e; x < b; x++ {
		w := st.toks[x].lower
		if w != "," && w != "and" && w != "or" {
			return false
		}
	}
	return st.sameSeg(a, b)
}

// blocRef reads "the bloc", "the regional bloc", "the regional body" at token i and returns
// the end of the phrase, or 0.
func (st *state) blocRef(i int) int {
	adj := false
	for x := i + 1; x < len(st.toks) && x <= i+3 && st.sameSeg(i, x); x++ {
		w := &st.toks[x]
		if st.used[x] >= 0 || !w.is(tWord) || w.is(tCap) {
			return 0
		}
		if st.g.is(gBlocNoun, w) {
			if w.lower == "body" && !adj {
				return 0
			}
			if x+1 < len(st.toks) && st.toks[x+1].is(tWord) && !st.toks[x+1].is(tCap) && st.g.is(gBlocNoun|gStateGroup, &st.toks[x+1]) {
				return 0 // "the alliance members"
			}
			return x + 1
		}
		if !st.g.is(gBlocAdj, w) {
			return 0
		}
		adj = true
	}
	return 0
}

// lastBloc returns the international body (IGO or EUR) a bloc reference at token i stands
// for: of those named in the stretch before it, the one the text names most (the main body of
// the story, not a newer one it is compared with), the latest on a tie.
func (st *state) lastBloc(i int) *entity {
	var best *entity
	for k := i - 1; k >= 0 && k >= i-maxCollectiveBack; k-- {
		u := st.used[k]
		if u < 0 {
			continue
		}
		e := st.ents[u]
		if e.a.Kind != model.KindOrganization || (e.a.Country != "IGO" && e.a.Country != "EUR") {
			continue
		}
		if best == nil || len(e.mentions) > len(best.mentions) {
			best = e
		}
	}
	return best
}
