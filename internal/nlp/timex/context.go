package timex

import "strings"

// Tense of the clause around an expression.
const (
	tUnknown = 0
	tPast    = -1
	tFuture  = 1
)

// futureWords and pastWords are tense cues of a clause.
var futureWords = map[string]bool{
	"will": true, "shall": true, "gonna": true, "tomorrow": true, "upcoming": true, "scheduled": true,
	"planned": true, "plans": true, "plan": true, "expected": true, "expects": true, "due": true,
	"intends": true, "would": true, "next": true, "'ll": true, "wo": true, "aims": true, "hopes": true,
	"set": true, "slated": true, "must": true, "should": true, "later": true, "coming": true, "until": true, "before": true,
}

var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "ago": true,
	"yesterday": true, "met": true, "went": true, "came": true, "took": true, "gave": true,
	"made": true, "held": true, "began": true, "saw": true, "left": true, "fell": true, "rose": true,
	"won": true, "lost": true, "sent": true, "spoke": true, "wrote": true, "became": true,
	"found": true, "brought": true, "thought": true, "led": true, "struck": true, "hit": true,
	"got": true, "ran": true, "paid": true, "sold": true, "bought": true, "broke": true, "knew": true,
	"felt": true, "kept": true, "shot": true, "fought": true, "flew": true, "drew": true, "grew": true,
	"threw": true, "wore": true, "chose": true, "froze": true, "swore": true, "stood": true,
	"earlier": true, "last": true, "since": true, "been": true, "tried": true, "died": true,
	"quit": true, "dropped": true, "closed": true, "ended": true, "says": false,
}

// clauseWords open a clause of their own.
var clauseWords = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whose": true,
	"where": true, "while": true, "because": true, "although": true, "though": true, "if": true, "unless": true,
	"whether": true}

// notPast are words ending in -ed that are no past-tense verbs.
var notPast = map[string]bool{
	"need": true, "speed": true, "indeed": true, "hundred": true, "red": true, "bed": true,
	"seed": true, "feed": true, "proceed": true, "exceed": true, "succeed": true, "breed": true,
	"united": true, "limited": true, "based": true, "related": true, "alleged": true, "armed": true,
	"proposed": true, "detailed": true, "advanced": true, "supposed": true, "concerned": true,
	"interested": true, "experienced": true, "fixed": true, "used": true, "called": true,
	"so-called": true, "embed": true, "shed": true, "bred": true, "led": false, "skilled": true,
	"talked": false, "biased": true, "beloved": true, "naked": true, "wicked": true,
}

func (r *run) tenseWord(k int) int {
	t := &r.toks[k]
	if t.kind != kWord {
		return tUnknown
	}
	w := t.w
	if futureWords[w] {
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
	if pastWords[w] {
		return tPast
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w] {
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
		if clauseWords[r.word(k)] {
			hi = k
			break
		}
	}
	for k := i - 1; k >= lo; k-- {
		if clauseWords[r.word(k)] {
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
