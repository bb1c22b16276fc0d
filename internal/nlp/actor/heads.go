package actor

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// namedHeads hands a definite one-word generic body of no state ("the court") to the
// body named last before it whose name has the same head word: after "the United Nations'
// highest court" or "the International Court of Justice", "the court" is that court, not a
// court of the article's home state. A bare head with no such body before it is left to the
// home state.
func (st *state) namedHeads() {
	for _, e := range st.ents {
		phrase, generic := strings.CutPrefix(e.key, "g::")
		if !generic || strings.Contains(phrase, " ") {
			continue // only one-word generic bodies of no state
		}
		kept := e.mentions[:0]
		for _, m := range e.mentions {
			if m.j == m.i+1 && m.i > 0 && st.toks[m.i-1].lower == "the" {
				if o := st.lastHeaded(phrase, m.i, e); o != nil {
					st.moveMention(o, m)
					continue
				}
			}
			kept = append(kept, m)
		}
		e.mentions = kept
	}
}

// lastHeaded returns the entity with a state, other than self, mentioned last before token i
// by a name whose head word is head: the last word of the name, or the word before its "of"
// ("International Court of Justice").
func (st *state) lastHeaded(head string, i int, self *entity) *entity {
	var best *entity
	bestEnd := -1
	for _, o := range st.ents {
		if o == self || o.a.Country == "" || o.a.Kind == model.KindPerson || headWord(o.a.Name) != head {
			continue
		}
		for _, m := range o.mentions {
			if m.j <= i && m.j > bestEnd {
				best, bestEnd = o, m.j
			}
		}
	}
	return best
}

// headWord returns the lower-case head of a body's name: the word before a first "of", else
// the last word.
func headWord(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	for k, w := range ws {
		if w == "of" && k > 0 {
			return ws[k-1]
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// bodyHeads gives a person of no state named in apposition to a body's office the body's
// state: in "the court's president, Judge Joan Donoghue", after the court was found to be the
// International Court of Justice, Donoghue is the court's (UNO), not the home state's.
func (st *state) bodyHeads() {
	for _, e := range st.ents {
		if e.a.Kind != model.KindPerson || e.a.Country != "" || len(e.mentions) == 0 {
			continue
		}
		if o := st.officeOwner(e.mentions[0].i); o != nil {
			e.a.Country = o.a.Country
		}
	}
}

// officeOwner returns the body whose office stands in apposition before token i: "<body>'s
// <office>, <title> NAME", the office one or two lower-case words; nil when there is none.
func (st *state) officeOwner(i int) *entity {
	k := i - 1
	for n := 0; n < 3 && k >= 0 && st.used[k] < 0 && st.toks[k].is(tCap); n++ {
		k-- // the title: "Judge"
	}
	if k < 0 || st.toks[k].text != "," {
		return nil
	}
	k--
	for n := 0; n < 2 && k >= 0 && st.used[k] < 0 && st.toks[k].is(tWord) && !st.toks[k].is(tCap) && !st.toks[k].is(tPoss); n++ {
		k-- // the office: "president", "chief judge"
	}
	if k == i-1 || k < 1 || !st.toks[k].is(tPoss) || st.used[k-1] < 0 || !st.sameSeg(k-1, i) {
		return nil
	}
	o := st.ents[st.used[k-1]]
	if o.a.Kind == model.KindPerson || o.a.Country == "" {
		return nil
	}
	return o
}
