package actor

import "github.com/tidings-news/tidings/internal/model"

// spokespeople ties an unnamed spokesperson to the body or state they speak for: "a
// government spokesman", "a Kremlin spokeswoman", "a spokesman for the ministry of defence".
// The whole phrase becomes a mention of that actor, so the quotes and events it opens are the
// body's. A spokesperson with a name after them ("spokeswoman Maria Zakharova") is a title,
// left to the people finder.
func (st *state) spokespeople() {
	for i := range st.toks {
		if st.used[i] >= 0 || !st.g.is(gSpokes, &st.toks[i]) {
			continue
		}
		if n := i + 1; n < len(st.toks) && st.sameSeg(i, n) && (st.nameKind(n) == nkName || st.usedBy(n, model.KindPerson)) {
			continue
		}
		start, end := i, i+1
		var target *entity
		if p := i - 1; p >= 0 && st.sameSeg(p, i) && st.usedBody(p) {
			target = st.ents[st.used[p]]
			start = p
			for _, m := range target.mentions {
				if m.i <= p && p < m.j && m.i < start {
					start = m.i
				}
			}
		} else if f := i + 1; f+1 < len(st.toks) && st.sameSeg(i, f+1) && st.toks[f].lower == "for" {
			x := f + 1
			if st.toks[x].lower == "the" && x+1 < len(st.toks) && st.sameSeg(x, x+1) {
				x++
			}
			if st.usedBody(x) {
				target = st.ents[st.used[x]]
				end = x + 1
				for _, m := range target.mentions {
					if m.i <= x && x < m.j && m.j > end {
						end = m.j
					}
				}
			}
		}
		if target == nil {
			continue
		}
		if d := start - 1; d >= 0 && st.sameSeg(d, start) {
			switch st.toks[d].lower {
			case "a", "an", "the":
				start = d
			}
		}
		st.mention(target, start, end, viaRole)
	}
}

// usedBody reports whether token i is part of a mention of a state, an organisation or a
// group.
func (st *state) usedBody(i int) bool {
	if st.used[i] < 0 {
		return false
	}
	switch st.ents[st.used[i]].a.Kind {
	case model.KindCountry, model.KindOrganization, model.KindGroup:
		return true
	}
	return false
}

// usedBy reports whether token i is part of a mention of an actor of kind k.
func (st *state) usedBy(i int, k string) bool {
	return st.used[i] >= 0 && st.ents[st.used[i]].a.Kind == k
}
