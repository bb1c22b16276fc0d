package timex

import "strings"

// Tense of the clause around an expression.
const (
	tUnknown = 0
	tPast    = -1
	tFuture  = 1
)

func (r *run) tenseWord(k int) int {
	t := &r.toks[k]
	if t.kind != kWord {
		return tUnknown
	}
	w := t.w
	if r.lx.is(w, cFuture) {
		if w == "set" || w == "due" || w == "next" || w == "later" {
			// "set to", "due to" are future; "next" and "later" are weak cues
			if w == "set" || w == "due" {
				if r.word(k+1) != "to" {
					return tUnknown
				}
			}
		}
		return tFuture
	}
	if strings.HasSuffix(w, "'ll") {
		return tFuture
	}
	if r.lx.is(w, cPast) {
		return tPast
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !r.lx.is(w, cNotPast) {
		// a participle after "be" takes its tense from the verb before it ("will be returned")
		if p := r.word(k - 1); p == "be" || p == "being" {
			return tUnknown
		}
		return tPast
	}
	return tUnknown
}

// bounds returns the token range of the sentence around token i.
func (r *run) bounds(i int) (int, int) {
	const reach = 40
	lo, hi := i, i+1
	if len(r.sents) > 0 {
		off := r.toks[i].s
		a, b := 0, len(r.sents)
		si := -1
		for a < b {
			m := (a + b) / 2
			s := r.sents[m]
			switch {
			case off < s.Start:
				b = m
			case off >= s.End:
				a = m + 1
			default:
				si, a = m, b
			}
		}
		if si >= 0 {
			s := r.sents[si]
			for lo > 0 && i-lo < reach && r.toks[lo-1].s >= s.Start {
				lo--
			}
			for hi < len(r.toks) && hi-i < reach && r.toks[hi].e <= s.End {
				hi++
			}
			return lo, hi
		}
	}
	for lo > 0 && i-lo < reach && !r.toks[lo].para && !isStop(r.toks[lo-1]) {
		lo--
	}
	for hi < len(r.toks) && hi-i < reach && !r.toks[hi].para && !isStop(r.toks[hi-1]) {
		hi++
	}
	return lo, hi
}

func isStop(t token) bool {
	return t.kind == kPunct && (t.w == "." || t.w == "!" || t.w == "?" || t.w == ";")
}

// tense returns the tense of the clause around tokens [i, j): the nearest cue wins, and a
// cue to the left wins a tie.
func (r *run) tense(i, j int) int {
	lo, hi := r.bounds(i)
	// a relative clause or a subordinate conjunction starts another clause
	for k := j; k < hi; k++ {
		if r.lx.is(r.word(k), cClause) {
			hi = k
			break
		}
	}
	for k := i - 1; k >= lo; k-- {
		if r.lx.is(r.word(k), cClause) {
			lo = k + 1
			break
		}
	}
	for d := 1; d < 40; d++ {
		if k := i - d; k >= lo {
			if t := r.tenseWord(k); t != tUnknown {
				return t
			}
		}
		if k := j - 1 + d; k < hi {
			if t := r.tenseWord(k); t != tUnknown {
				return t
			}
		}
		if i-d < lo && j-1+d >= hi {
			break
		}
	}
	return tUnknown
}
