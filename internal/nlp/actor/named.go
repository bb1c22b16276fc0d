package actor

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// namedBodies finds organisations the lexicons do not list, by the shape of their names: a
// capitalised run that holds a body head word ("Observer Research Foundation", "Distilled
// Spirits Council of the United States", "Somali National News Agency"). The state comes from
// a demonym or possessive before the name or a state named inside it. An acronym in brackets
// after the name ("Syrian Democratic Forces (SDF)") is a name of the same body.
func (st *state) namedBodies() {
	acronyms := map[string]*entity{}
	for i := 0; i < len(st.toks); i++ {
		if st.in[i] >= 0 && st.lex[i] < 0 {
			continue // inside a lexicon phrase
		}
		s, e, code, ok := st.bodyRun(i)
		if !ok {
			// No name starts inside a capitalised run that does not start one.
			started := st.bodyWord(i)
			if sp, isLex := st.lexAt(i); isLex {
				i = sp.j - 1
			}
			for started && i+1 < len(st.toks) && st.sameSeg(i, i+1) && st.bodyWord(i+1) {
				i++
			}
			continue
		}
		for s < e && st.g.is(gDeterminer, &st.toks[s]) {
			s++
		}
		name := st.span(s, e)
		sector := ""
		for k := s; k < e; k++ {
			if sp, ok := st.lexAt(k); ok {
				if en, isType := has(sp.entries, eOrgType); isType && sector == "" {
					sector = st.lx.orgTypes[en.idx].sector
				}
			}
		}
		ent := st.entity("u:"+strings.ToLower(name), model.Actor{Name: name, Kind: model.KindOrganization, Country: code, Sector: sector})
		st.mention(ent, s, e, viaName)
		for k := s; k < e; k++ {
			st.bodyTok[k] = true
		}
		if e+2 < len(st.toks) && st.toks[e].text == "(" && st.toks[e+2].text == ")" && st.toks[e+1].is(tAllCaps) {
			acronyms[st.toks[e+1].text] = ent
			st.mention(ent, e+1, e+2, viaAlias)
			st.bodyTok[e+1] = true
		}
		i = e - 1
	}
	if len(acronyms) == 0 {
		return
	}
	for k := range st.toks {
		t := &st.toks[k]
		if ent, ok := acronyms[t.text]; ok && st.used[k] < 0 && st.in[k] < 0 {
			st.mention(ent, k, k+1, viaAlias)
			st.bodyTok[k] = true
		}
	}
}

// bodyWord reports a capitalised word that may sit in an organisation's name.
func (st *state) bodyWord(k int) bool {
	t := &st.toks[k]
	if !t.is(tWord) || !t.is(tCap) || st.nameTok[k] || st.timeTok[k] || t.is(tDigit) {
		return false
	}
	if sp, ok := st.lexAt(k); ok || st.in[k] >= 0 {
		if !ok {
			sp = st.spans[st.in[k]]
		}
		if _, state := st.stateOf(sp); state != "" {
			return false
		}
		if _, isPerson := has(sp.entries, ePerson); isPerson {
			return false
		}
		if _, isRole := has(sp.entries, eRole); isRole {
			return false // "High Court judge" is a person's title
		}
	}
	return !st.g.is(gDeterminer|gPossessive|gConnector|gAux|gSpeech|gHe|gShe|gThey, t)
}

// stateAt returns the state a phrase starting at token k names, and the phrase's end.
func (st *state) stateAt(k int) (string, int) {
	if sp, ok := st.lexAt(k); ok {
		if _, code := st.stateOf(sp); code != "" {
			return code, sp.j
		}
	}
	return "", k
}

// bodyRun reads an organisation's name starting at token i: [s, e) and its state.
func (st *state) bodyRun(i int) (s, e int, code string, ok bool) {
	s, k := i, i
	// A state before the name: "Somali National News Agency", "Somalia's National ...".
	if c, j := st.stateAt(i); c != "" {
		if j < len(st.toks) && st.toks[j].is(tPoss) {
			code, k, s = c, j+1, j+1
		} else {
			code, k = c, j
		}
	}
	if k >= len(st.toks) || !st.sameSeg(i, k) || !st.bodyWord(k) {
		return 0, 0, "", false
	}
	if code == "" && (st.ordinary(k) || st.segStart(k) && st.lx.nonNames[st.toks[k].lower]) && !st.g.is(gOrgHead, &st.toks[k]) {
		return 0, 0, "", false
	}
	// A listed organisation opening the name lends its code: "U.N. Human Rights Office".
	if sp, ok := st.lexAt(k); ok && code == "" {
		if en, isOrg := has(sp.entries, eOrg); isOrg {
			if o := st.lx.orgs[en.idx]; o.sector != "JRN" {
				code = o.country
			}
		}
	}
	if code == "" && k > 0 && st.hyph[k] == nil && k-1 >= 0 && st.hyph[k-1] != nil && st.sameSeg(k-1, k) {
		// "Germany-based Kurdish Center": the state of the hyphenated word before.
		code = st.lx.countries[st.hyph[k-1][0].code].code
	}
	e = k
	head := false
	complement := false // an "of" or "for" has been read
	for e < len(st.toks) && st.sameSeg(i, e) && e-s < 14 {
		t := &st.toks[e]
		if st.hyph[e] != nil && code == "" {
			code = st.lx.countries[st.hyph[e][0].code].code
		}
		if st.bodyWord(e) {
			if st.g.is(gOrgHead, t) && !st.g.is(gGeoHead, t) {
				head = head || st.bodyHead(t)
			}
			if sp, ok := st.lexAt(e); ok {
				e = sp.j
			} else {
				e++
			}
			continue
		}

		// "of", "for", "and", "&" joining two capitalised parts, or "of the United States".
		joins := t.lower == "of" || t.lower == "for"
		// "and" joins parts of one name only inside its complement ("Center for Studies and
		// Research"), not two bodies ("WFP and the Department").
		if (t.lower == "and" || t.text == "&") && complement && e > 0 && !st.g.is(gBodyHead, &st.toks[e-1]) {
			joins = true
		}
		if joins {
			complement = complement || t.lower != "and"
			x := e + 1
			if x < len(st.toks) && st.toks[x].lower == "the" {
				x++
			}
			if x < len(st.toks) && st.sameSeg(e, x) {
				if c, j := st.stateAt(x); c != "" && t.lower != "and" {
					if code == "" {
						code = c
					}
					e = j
					break
				}
				if st.bodyWord(x) {
					e = x
					continue
				}
			}
		}
		break
	}
	// A title after the name belongs to a person: "European Commission President".
	for e > k && st.roleStarts(e-1) {
		e--
	}
	head = false
	for x := k; x < e; x++ {
		head = head || st.g.is(gBodyHead, &st.toks[x])
	}
	if !head || e-k < 2 && code == "" {
		return 0, 0, "", false
	}
	// The whole run is one lexicon phrase: the lexicon names it already.
	if sp, ok := st.lexAt(k); ok && sp.j == e {
		return 0, 0, "", false
	}
	if e-k < 2 {
		return 0, 0, "", false
	}
	return s, e, code, true
}

// bodyHead reports a head word that names a body that acts (a council, a ministry, an
// agency), not a thing or a place (a hospital, a street, an act).
func (st *state) bodyHead(t *token) bool {
	return st.g.is(gBodyHead, t)
}
