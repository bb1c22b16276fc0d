package timex

import "strings"

// Tense of the clause around an expression.
const (
	tUnknown = 0
	tPast    = -1
	tFuture  = 1
)

// tenseWord returns the tense that token k speaks for, and whether it is a verb cue (a
// modal, an auxiliary or a finite verb) rather than a weak one (a preposition or adverb such
// as "until", "next", "since", which counts only when the clause has no verb cue).
func (r *run) tenseWord(k int) (int, bool) {
	t := &r.toks[k]
	if t.kind != kWord {
		return tUnknown, false
	}
	w := t.w
	strong := !r.lx.is(w, cWeak)
	if r.lx.is(w, cFuture) {
		next := r.word(k + 1)
		// "set to", "due to", "plans to" are future; "vacation plans", "next to" are not
		if r.lx.is(w, cWithTo) && next != "to" || w == "next" && next == "to" {
			return tUnknown, false
		}
		// "had been due to expire", "had been scheduled for": a plan that lies in the past
		if p := r.word(k - 1); p == "had" || p == "been" && r.word(k-2) == "had" {
			return tPast, true
		}
		return tFuture, strong
	}
	if strings.HasSuffix(w, "'ll") {
		return tFuture, true
	}
	// "is to resume", "are to meet"
	if r.lx.is(w, cBeTo) && r.word(k+1) == "to" {
		return tFuture, true
	}
	participle := len(w) >= 5 && strings.HasSuffix(w, "ed") && !r.lx.is(w, cNotPast)
	if r.lx.is(w, cPast) || participle {
		// a participle after "be" takes its tense from the verb before it ("will be held"); after
		// an article or the like it is an adjective ("a still unspecified date")
		if p := r.word(k - 1); p == "be" || p == "being" || r.lx.is(p, cAttrib) {
			return tUnknown, false
		}
		// "were planning to", "was expected to": a plan made in the past for what is to come
		if r.lx.is(w, cAux) {
			for m := k + 1; m <= k+3; m++ {
				n := r.word(m)
				if n == "not" || n == "also" || n == "still" {
					continue
				}
				if r.lx.is(n, cFuture) && r.word(m+1) == "to" {
					return tFuture, true
				}
				break
			}
		}
		return tPast, strong
	}
	return tUnknown, false
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

// tense returns the tense of the clause around tokens [i, j): the nearest verb cue wins (a
// cue to the left wins a tie); without one, the nearest weak cue. A relative pronoun, a
// subordinating conjunction or a quotation mark closes the clause; a lead such as "as early
// as" or "since" just before the expression decides alone, unless the clause is in the
// pluperfect.
func (r *run) tense(i, j int) int {
	lo, hi := r.bounds(i)
	for k := j; k < hi; k++ {
		if r.lx.is(r.word(k), cClause) || r.quote(k) {
			hi = k
			break
		}
	}
	comma := -1
	for k := i - 1; k >= lo; k-- {
		if comma < 0 && r.punct(k, ",") {
			comma = k
		}
		if r.lx.is(r.word(k), cClause) || r.quote(k) {
			lo = k + 1
			// "The sale, which had been expected, is due by February": a clause the comma
			// closed is not the one the expression is in
			if comma > k && r.lx.is(r.word(k), cClause) && r.verbIn(comma+1, i) {
				lo = comma + 1
			}
			break
		}
	}
	for _, l := range r.lx.leads {
		if n := len(l.words); i-n >= lo && r.seq(i-n, l.words) {
			// a pluperfect looks back from a past point: "had filed by Wednesday"
			for k := lo; k < hi; k++ {
				if r.word(k) == "had" {
					return tPast
				}
			}
			return l.tense
		}
	}
	weak := tUnknown
	for d := 1; d < 40; d++ {
		for _, k := range [2]int{i - d, j - 1 + d} {
			if k < lo || k >= hi {
				continue
			}
			t, strong := r.tenseWord(k)
			if t == tUnknown {
				continue
			}
			// "agreed to meet again in June": the time lies in the clause the verb looks ahead to
			if strong && t == tPast && k < i && r.lx.is(r.word(k), cAhead) && r.word(k+1) == "to" {
				return tFuture
			}
			if strong {
				return t
			}
			if weak == tUnknown {
				weak = t
			}
		}
		if i-d < lo && j-1+d >= hi {
			break
		}
	}
	return weak
}

// verbIn reports whether tokens [a, b) hold a finite verb: a tense cue or a present form.
func (r *run) verbIn(a, b int) bool {
	for k := a; k < b; k++ {
		if t, strong := r.tenseWord(k); t != tUnknown && strong || r.lx.is(r.word(k), cPresent) {
			return true
		}
	}
	return false
}

// quote reports whether token k is a quotation mark: a double quote (straight or curly), a
// backquote, or one of two single quotes in a row.
func (r *run) quote(k int) bool {
	if k < 0 || k >= len(r.toks) || r.toks[k].kind != kPunct {
		return false
	}
	switch r.toks[k].w {
	case "\"", "“", "”", "`":
		return true
	case "'":
		return r.punct(k-1, "'") && r.glued(k) || r.punct(k+1, "'") && r.glued(k+1)
	}
	return false
}

// presentBe reports whether the clause before token i has "is" or "are" (or "there's",
// "it's") for its verb: a statement in the present tense.
func (r *run) presentBe(i int) bool {
	lo, _ := r.bounds(i)
	for k := i - 1; k >= lo; k-- {
		w := r.word(k)
		if r.lx.is(w, cClause) || r.quote(k) || r.punct(k, ",") {
			return false
		}
		switch w {
		case "is", "are":
			return true
		case "s":
			if r.possessiveAt(k - 1) {
				switch r.word(k - 2) {
				case "there", "it", "that":
					return true
				}
			}
		}
	}
	return false
}

// possessiveAt reports a straight apostrophe at token k followed by "s": the ending of
// "Monday's", "year's", or the "'s" of "there's".
func (r *run) possessiveAt(k int) bool { return r.punct(k, "'") && r.word(k+1) == "s" }
