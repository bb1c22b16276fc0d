package actor

// desc is a description of a person or body: a title before a name ("Russian Foreign Ministry
// spokeswoman"), an apposition after it ("the U.N. special envoy for Syria"), or a reference on
// its own ("the Russian leader").
type desc struct {
	i, j      int    // tokens
	country   string // PLOVER code of the first state or body named in it
	states    []stateRef
	hasRole   bool
	roleI     int // first token of the role text
	sector    string
	rank      string
	noun      string // nounLeader, nounCounterpart or nounPerson when the head is such a word
	plural    bool
	gender    byte
	owner     *entity // "Trump's special envoy": the person whose office it is
	roleEntry int     // index of the last role, -1 when none
}

// stateRef is a state named inside a description or title.
type stateRef struct {
	ci   int
	i, j int
	via  string
	hyph *hyphenCountry
}

const maxDesc = 14

// descClass says what a token is to a description walker: 0 stop, 1 filler that may sit
// inside (connectors, determiners, modifiers, unknown capitalised words), 2 a lexicon phrase.
func (st *state) fillerWord(t *token) bool {
	if t.is(tPoss) {
		return true
	}
	if !t.is(tWord) {
		return false
	}
	g := st.g
	return g.is(gConnector, t) || g.is(gDeterminer, t) || g.is(gModifier, t) || g.is(gPossessive, t)
}

// Head nouns of a description that are grammar words, not lexicon roles.
const (
	nounLeader      = "leader"
	nounCounterpart = "counterpart"
	nounPerson      = "personnoun"
)

// roleWord reports whether token i is a role-like noun from the grammar (leader, counterpart,
// a person noun such as director) and which.
func (st *state) roleWord(i int) (string, bool) {
	t := &st.toks[i]
	switch {
	case st.g.is(gLeader, t):
		return nounLeader, true
	case st.g.is(gCounterpart, t):
		return nounCounterpart, true
	case st.g.is(gPersonNoun, t):
		return nounPerson, true
	}
	return "", false
}

// describeBack walks back from token end (exclusive) over a title or description and analyses
// it. It stops at punctuation, at a lower-case word outside the grammar, and after a person
// who owns the office ("Trump's").
func (st *state) describeBack(end int) desc {
	i := end
	var owner *entity
	for i > 0 && end-i < maxDesc && st.sameSeg(i-1, end-1) {
		t := &st.toks[i-1]
		if s, _, ok := st.lexEnding(i); ok && !st.personSpan(s, i) {
			i = s
			continue
		}
		if t.is(tPoss) && i-2 >= 0 && st.used[i-2] >= 0 {
			e := st.ents[st.used[i-2]]
			if e.a.Kind == "person" {
				owner = e
				k := i - 2
				for k > 0 && st.used[k-1] == st.used[i-2] {
					k--
				}
				i = k
				break
			}
		}
		if st.fillerWord(t) {
			i--
			continue
		}
		if _, ok := st.roleWord(i - 1); ok {
			i--
			continue
		}
		if t.is(tWord) && t.is(tCap) && !t.is(tAllCaps) && st.used[i-1] < 0 && !st.lx.nonNames[t.lower] {
			i--
			continue
		}
		if t.is(tWord) && st.hyph[i-1] != nil {
			i--
			continue
		}
		if st.plainBeforeRole(i-1, 1) {
			i--
			continue
		}
		break
	}
	d := st.analyse(i, end)
	if owner != nil {
		d.owner = owner
		if d.country == "" {
			d.country = owner.a.Country
		}
	}
	return d
}

// describeForward walks forward from token start over an apposition and analyses it.
func (st *state) describeForward(start int) desc {
	j := start
	for j < len(st.toks) && j-start < maxDesc && st.sameSeg(start, j) {
		t := &st.toks[j]
		if sp, ok := st.lexAt(j); ok {
			if _, isP := has(sp.entries, ePerson); !isP {
				j = sp.j
				continue
			}
		}
		if st.fillerWord(t) || st.hyph[j] != nil {
			j++
			continue
		}
		if _, ok := st.roleWord(j); ok {
			j++
			continue
		}
		if t.is(tWord) && t.is(tCap) && !st.lx.nonNames[t.lower] {
			if st.roleEndsAt(j) {
				// "U.S. Secretary of State Marco Rubio": a name after a title ends the
				// description; it is a title, not an apposition.
				break
			}
			j++
			continue
		}
		if st.plainBeforeRole(j, 1) {
			j++
			continue
		}
		break
	}
	return st.analyse(start, j)
}

// personSpan reports whether tokens [i, j) are a listed person.
func (st *state) personSpan(i, j int) bool {
	sp, ok := st.lexAt(i)
	if !ok {
		return false
	}
	_, isP := has(sp.entries, ePerson)
	return isP
}

// analyse reads the states, bodies and roles of tokens [i, j), after trimming grammar words
// at both ends.
func (st *state) analyse(i, j int) desc {
	for i < j && (st.g.is(gConnector, &st.toks[i]) || st.toks[i].is(tPoss)) {
		i++
	}
	for j > i && (st.g.is(gConnector, &st.toks[j-1]) || st.g.is(gDeterminer, &st.toks[j-1]) || st.g.is(gPossessive, &st.toks[j-1])) {
		j--
	}
	d := desc{i: i, j: j, roleI: -1, roleEntry: -1}
	lead := true // still in the leading determiners and state words
	orgCountry := ""
	for k := i; k < j; {
		t := &st.toks[k]
		if sp, ok := st.lexAt(k); ok && sp.j <= j {
			next := sp.j
			isState := false
			for _, e := range sp.entries {
				switch {
				case isStateKind(e.kind):
					if !isState {
						d.states = append(d.states, stateRef{ci: e.idx, i: k, j: next, via: viaFor(e.kind)})
						if d.country == "" && orgCountry == "" {
							d.country = st.lx.countries[e.idx].code
						}
					}
					isState = true
				case e.kind == eOrg:
					o := st.lx.orgs[e.idx]
					if d.country == "" && orgCountry == "" && o.country != "" {
						orgCountry = o.country
					}
					if d.sector == "" {
						d.sector = o.sector
					}
				case e.kind == eOrgType:
					if d.sector == "" {
						d.sector = st.lx.orgTypes[e.idx].sector
					}
				case e.kind == eRole:
					r := st.lx.roles[e.idx]
					d.hasRole = true
					d.roleEntry = e.idx
					d.sector = r.sector
					d.rank = r.rank
				}
			}
			if lead && !isState {
				lead = false
				d.roleI = k
			}
			if !isState && st.genderOf(k, next) != 0 {
				d.gender = st.genderOf(k, next)
			}
			k = next
			continue
		}
		if w, ok := st.roleWord(k); ok {
			d.hasRole = true
			d.noun = w
			d.plural = t.lower[len(t.lower)-1] == 's'
			if w == nounLeader {
				d.rank = "head"
			}
		}
		if hs := st.hyph[k]; hs != nil {
			for x := range hs {
				h := hs[x]
				d.states = append(d.states, stateRef{ci: h.code, i: k, j: k, via: h.via, hyph: &hs[x]})
				if d.country == "" && orgCountry == "" {
					d.country = st.lx.countries[h.code].code
				}
			}
		}
		if g := st.genderOf(k, k+1); g != 0 {
			d.gender = g
		}
		if lead && !st.g.is(gDeterminer, t) && !st.g.is(gPossessive, t) && !t.is(tPoss) && !st.g.is(gBoth, t) {
			lead = false
			d.roleI = k
		}
		k++
	}
	if d.country == "" {
		d.country = orgCountry
	}
	if d.roleI < 0 {
		d.roleI = j
	}
	return d
}

// genderOf tells a woman's or a man's title among tokens [i, j).
func (st *state) genderOf(i, j int) byte {
	for k := i; k < j; k++ {
		t := &st.toks[k]
		if st.g.is(gFemale, t) {
			return 'f'
		}
		if st.g.is(gMale, t) {
			return 'm'
		}
	}
	return 0
}

// titleText is the role of a title before a name: from its last role word, back over the
// bodies, modifiers and capitalised words joined to it, to the end ("Foreign Ministry
// spokeswoman", not "Russian Foreign Ministry spokeswoman"; "Prime Minister", not "government
// of Malaysian Prime Minister"; "permanent representative to the United Nations").
func (st *state) titleText(d desc) string {
	last := -1
	for k := d.i; k < d.j; {
		if sp, ok := st.lexAt(k); ok && sp.j <= d.j {
			if _, isRole := has(sp.entries, eRole); isRole {
				last = k
			}
			k = sp.j
			continue
		}
		if _, ok := st.roleWord(k); ok {
			last = k
		}
		k++
	}
	if last < 0 {
		return st.roleText(d)
	}
	k := last
	for k > d.i {
		if s, sp, ok := st.lexEnding(k); ok && s >= d.i {
			if _, state := st.stateOf(sp); state != "" {
				break
			}
			k = s
			continue
		}
		t := &st.toks[k-1]
		if t.is(tWord) && (t.is(tCap) || st.g.is(gModifier, t)) && st.hyph[k-1] == nil && !st.g.is(gConnector, t) {
			k--
			continue
		}
		if _, ok := st.roleWord(k - 1); ok {
			k--
			continue
		}
		break
	}
	for k < d.j && st.g.is(gDeterminer, &st.toks[k]) {
		k++
	}
	return st.span(k, d.j)
}

// roleText is the description's role as printed, without its leading state words.
func (st *state) roleText(d desc) string {
	if d.roleI < 0 || d.roleI >= d.j {
		return ""
	}
	return st.span(d.roleI, d.j)
}

// plainBeforeRole reports a plain lower-case word at token k that a role follows within n
// more plain words ("acting country director", "information director").
func (st *state) plainBeforeRole(k, n int) bool {
	for x := k; x <= k+n && x < len(st.toks) && st.sameSeg(k, x); x++ {
		t := &st.toks[x]
		if sp, ok := st.lexAt(x); ok {
			_, isRole := has(sp.entries, eRole)
			return isRole && x > k
		}
		if _, ok := st.roleWord(x); ok && x > k {
			return true
		}
		if !t.is(tWord) || t.is(tCap) || st.g.is(gAux, t) || st.g.is(gSpeech, t) {
			return false
		}
	}
	return false
}

// roleEndsAt reports whether a role (a lexicon title or a role word) ends just before token j.
func (st *state) roleEndsAt(j int) bool {
	if _, sp, ok := st.lexEnding(j); ok {
		_, isRole := has(sp.entries, eRole)
		return isRole
	}
	if j > 0 {
		_, ok := st.roleWord(j - 1)
		return ok
	}
	return false
}
