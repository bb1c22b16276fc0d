package actor

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// findStatesAndBodies turns the lexicon phrases outside people's names into actors: states,
// named organisations, and groups or bodies named by a generic head ("Iranian authorities").
func (st *state) findStatesAndBodies() {
	for i := 0; i < len(st.toks); i++ {
		if hs := st.hyph[i]; hs != nil && !st.nameTok[i] {
			for _, h := range hs {
				st.mentionBytes(st.countryEntity(h.code), i, h.start, h.end, h.via)
			}
		}
		sp, ok := st.lexAt(i)
		if !ok {
			continue
		}
		if st.usedByPerson(i, sp.j) {
			i = sp.j - 1
			continue
		}
		for _, e := range sp.entries {
			if isStateKind(e.kind) {
				st.mention(st.countryEntity(e.idx), i, sp.j, viaFor(e.kind))
				break
			}
		}
		if st.bodyTok[i] {
			// Inside an unlisted organisation's name: only its states are actors.
			i = sp.j - 1
			continue
		}
		if en, ok := has(sp.entries, eOrg); ok && !st.credit(i, sp.j) {
			o := st.lx.orgs[en.idx]
			c := o.country
			if o.sector == "JRN" {
				// A news outlet stands for itself, not for its state.
				c = ""
			}
			ent := st.entity("o:"+strings.ToLower(o.name), model.Actor{Name: o.name, Kind: kindOr(o.kind, model.KindOrganization), Country: c, Sector: o.sector})
			via := viaName
			if !strings.EqualFold(st.span(i, sp.j), o.name) {
				via = viaAlias
			}
			st.mention(ent, i, sp.j, via)
		}
		if en, ok := has(sp.entries, eOrgType); ok && !st.title(i) && !st.attributive(i, sp.j) && !st.attitude(i, sp.j) {
			st.body(i, sp.j, st.lx.orgTypes[en.idx])
		}
		i = sp.j - 1
	}
}

func kindOr(k, def string) string {
	if k == "" {
		return def
	}
	return k
}

// usedByPerson reports whether a person's name covers tokens [i, j).
func (st *state) usedByPerson(i, j int) bool {
	for k := i; k < j; k++ {
		if st.nameTok[k] {
			return true
		}
	}
	return false
}

// title reports whether token i is inside a person's title ("Russian Foreign Ministry
// spokeswoman Maria Zakharova"): a generic body there is the person's office, not an actor.
func (st *state) title(i int) bool {
	for k := i; k < len(st.toks) && k < i+8 && st.sameSeg(i, k); k++ {
		if u := st.used[k]; u >= 0 && st.ents[u].a.Kind == model.KindPerson {
			return true
		}
		t := &st.toks[k]
		if !t.is(tWord) {
			return false
		}
		if sp, ok := st.lexAt(k); ok {
			if _, isRole := has(sp.entries, eRole); isRole {
				continue
			}
			k = sp.j - 1
			continue
		}
		if !t.is(tCap) && !st.g.is(gModifier, t) {
			return false
		}
	}
	return false
}

// credit reports a news agency credited in parentheses, "(Reuters)", which is no actor.
func (st *state) credit(i, j int) bool {
	return i > 0 && j < len(st.toks) && st.toks[i-1].text == "(" && st.toks[j].text == ")"
}

// body records the group or organisation named by the generic head at tokens [i, j), with the
// state that a word before it or an "of" phrase after it names.
func (st *state) body(i, j int, ot orgType) {
	start := i
	ci := -1
	k := i
	for n := 0; n < 3 && k > 0 && st.sameSeg(k-1, i); n++ {
		t := &st.toks[k-1]
		if t.is(tWord) && !t.is(tCap) && st.g.is(gModifier, t) {
			k--
			continue
		}
		break
	}
	if s, sp, ok := st.lexEnding(k); ok && !st.usedByPerson(s, k) {
		if c, code := st.stateOf(sp); code != "" {
			ci, start = c, s
		}
	} else if k > 1 && st.toks[k-1].is(tPoss) {
		if s, sp, ok := st.lexEnding(k - 1); ok {
			if c, code := st.stateOf(sp); code != "" {
				ci, start = c, s
			}
		}
	} else if k > 0 && st.hyph[k-1] != nil {
		ci, start = st.hyph[k-1][0].code, k-1
	}
	end := j
	if ci < 0 && j+1 < len(st.toks) && st.toks[j].lower == "of" {
		x := j + 1
		if x < len(st.toks) && st.toks[x].lower == "the" {
			x++
		}
		if sp, ok := st.lexAt(x); ok && st.sameSeg(i, x) {
			if c, code := st.stateOf(sp); code != "" {
				ci, end = c, sp.j
			}
		}
	}
	code := ""
	if ci >= 0 {
		code = st.lx.countries[ci].code
	}
	// An organisation named before the head lends its state ("Taliban foreign ministry").
	if ci < 0 {
		if s, sp, ok := st.lexEnding(st.beforePossessive(k)); ok {
			if en, isOrg := has(sp.entries, eOrg); isOrg {
				o := st.lx.orgs[en.idx]
				_, state := st.lx.byCode[o.country]
				if o.country != "" && o.sector != "JRN" && (state || !peopleOf(ot.sector)) {
					// A state's body takes the state; a UN or EU body lends its code to bodies
					// ("UN aid agencies"), not to the people it serves ("U.N. children's agency").
					code, start = o.country, s
				}
			}
		}
	}
	for start < i && st.g.is(gDeterminer, &st.toks[start]) {
		start++
	}
	if code == "" && ot.fallback == namedOnly {
		return // "the other side": a side is an actor only when its state is named
	}
	if code == "" && ot.fallback != "" {
		code = ot.fallback
		start = i
	}
	key := "g:" + code + ":" + strings.ToLower(ot.phrase)
	name := st.span(start, end)
	country := code
	switch code {
	case "":
		name = st.span(i, j)
	case noState:
		// of no state by nature ("foreign powers"): the key keeps the article's home state away
		country = ""
	}
	ent := st.entity(key, model.Actor{Name: name, Kind: kindOr(ot.kind, model.KindGroup), Country: country, Sector: ot.sector})
	st.mention(ent, start, end, viaName)
}

// noState in the fallback column of orgtypes.tsv marks a group that belongs to no state by
// nature ("foreign powers", "world powers"), which is not given the article's home state.
const noState = "-"

// namedOnly in the fallback column of orgtypes.tsv marks a head that names a body only with
// its state before it: "the Chinese side" is China's government, "the other side" no one.
const namedOnly = "NAMED"

// attitude reports a one-word head printed in lower case that names an attitude, not a body:
// "opposition to the plan", "met with opposition from China".
func (st *state) attitude(i, j int) bool {
	t := &st.toks[i]
	if j-i != 1 || t.is(tCap) || !st.g.is(gAttitude, t) || j >= len(st.toks) || !st.sameSeg(i, j) {
		return false
	}
	w := st.toks[j].lower
	return w == "to" || w == "from"
}

// peopleOf reports the sectors of ordinary people (civilians, refugees): a body named before
// them is who they belong to or are served by, not whose they are.
func peopleOf(sector string) bool { return sector == "CVL" || sector == "REF" }

// stateOf returns the state a phrase names, if it names one.
func (st *state) stateOf(sp lexSpan) (int, string) {
	for _, e := range sp.entries {
		if isStateKind(e.kind) {
			return e.idx, st.lx.countries[e.idx].code
		}
	}
	return -1, ""
}

// attributive reports a bare one-word head used as an adjective before a noun ("military
// action", "government spending"): a lower-case word follows that is neither a verb form nor a
// grammar word, and no state word precedes.
func (st *state) attributive(i, j int) bool {
	if j-i != 1 || j >= len(st.toks) || !st.sameSeg(i, j) {
		return false
	}
	if _, _, ok := st.lexEnding(i); ok {
		return false
	}
	if i > 0 && st.toks[i-1].is(tPoss) {
		return false
	}
	n := &st.toks[j]
	if !n.is(tWord) || n.is(tCap) || n.is(tDigit) {
		return false
	}
	if st.g.is(gAux, n) || st.g.is(gSpeech, n) || st.g.is(gConnector, n) {
		return false
	}
	if strings.HasSuffix(n.lower, "ed") || strings.HasSuffix(n.lower, "s") || strings.HasSuffix(n.lower, "ly") {
		return false
	}
	if _, isLex := st.lexAt(j); isLex {
		return false
	}
	return true
}

// ownedBodies gives a body named after a possessive pronoun the state of the person the
// pronoun stands for: "his administration" after Trump is the US administration.
func (st *state) ownedBodies() {
	st.giveOwnersState(func(string) bool { return true }, func(i int) *entity {
		if owner := st.pronounOwner(i); owner != nil && owner.a.Country != "" {
			return owner
		}
		return nil
	})
}

// giveOwnersState moves each mention of a generic body of no state whose phrase passes
// phraseOK, and whose owner before token i owner finds, to the body of the owner's state.
func (st *state) giveOwnersState(phraseOK func(string) bool, owner func(i int) *entity) {
	for _, e := range st.ents {
		phrase, generic := strings.CutPrefix(e.key, "g::")
		if !generic || !phraseOK(phrase) {
			continue // only generic bodies of no state
		}
		kept := e.mentions[:0]
		for _, m := range e.mentions {
			if o := owner(m.i); o != nil {
				to := st.entity("g:"+o.a.Country+":"+phrase, model.Actor{Name: e.a.Name, Kind: e.a.Kind, Country: o.a.Country, Sector: e.a.Sector})
				st.moveMention(to, m)
				continue
			}
			kept = append(kept, m)
		}
		e.mentions = kept
	}
}

// pronounOwner returns the person of a possessive pronoun just before token i.
func (st *state) pronounOwner(i int) *entity {
	if i < 1 || !st.g.is(gPossessive, &st.toks[i-1]) || st.used[i-1] < 0 {
		return nil
	}
	if o := st.ents[st.used[i-1]]; o.a.Kind == model.KindPerson {
		return o
	}
	return nil
}

// moveMention gives mention m to entity to.
func (st *state) moveMention(to *entity, m ment) {
	k := st.entIndex(to)
	if !st.newMention(k, m.span) {
		return
	}
	to.mentions = append(to.mentions, m)
	for x := m.i; x < m.j; x++ {
		st.used[x] = k
	}
}

// stateSectors are the sectors of a state's own bodies, which belong to the article's home
// state when the text names no other.
func stateSector(s string) bool {
	switch s {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
		return true
	}
	return false
}

// homeSector reports whether an actor of this sector, named with no state, belongs to the
// article's home state. News media stand for themselves, but a reporter or publisher the
// text names gives no state of their own is local like anyone else ("prominent journalist
// Jose Ruben Zamora" in a story about Guatemala); businesses, analysts and civic
// organisations are as often foreign or international as local; anyone else the text leaves
// without a state is taken to be local ("Chris Mhike, who represents Mhlanga", "opposition
// lawmakers", "protesters").
func homeSector(sector, kind string) bool {
	switch sector {
	case "JRN":
		return kind == model.KindPerson
	case "BUS", "SOC", "MNC":
		return false
	case "":
		return kind == model.KindPerson
	}
	return true
}

// homeState gives the article's home state to the people, bodies and groups the text
// leaves without one (see homeSector) ("the military said", "District Commissioner Omar Osman Alasow"). The
// home state is the one mentioned most, by a clear margin (half as many again as the next);
// without one, they keep no state.
func (st *state) homeState() {
	code := st.homeCode()
	if code == "" {
		return
	}
	for _, e := range st.ents {
		if e.a.Country != "" || len(e.mentions) == 0 || !homeSector(e.a.Sector, e.a.Kind) {
			continue
		}
		st.giveState(e, code)
	}
}

// giveState gives a person or a generic body the state code; a body whose phrase the state
// already has ("U.S. lawmakers" for "lawmakers") hands its mentions over to it. Named
// organisations of no state keep none.
func (st *state) giveState(e *entity, code string) {
	switch e.a.Kind {
	case model.KindPerson:
		e.a.Country = code
	case model.KindGroup, model.KindOrganization:
		if !strings.HasPrefix(e.key, "g::") {
			return
		}
		phrase := strings.TrimPrefix(e.key, "g::")
		if k, ok := st.byKey["g:"+code+":"+phrase]; ok {
			to := st.ents[k]
			for _, m := range e.mentions {
				st.moveMention(to, m)
			}
			e.mentions = nil
			return
		}
		e.a.Country = code
	}
}

// peerSector reports the sectors of domestic institutions whose members in one story mostly
// sit in one state's institution: legislators, parties, the opposition, courts, police.
func peerSector(s string) bool {
	switch s {
	case "LEG", "PTY", "OPP", "JUD", "COP":
		return true
	}
	return false
}

// peerState gives people and groups of a domestic institution left without a state the state
// of the others of their sector, when all of those that have a state share one ("Republican
// lawmakers" and "Representative Jason Crow" beside "U.S. lawmakers" and "Michael McCaul,
// former chairman of the House Foreign Affairs Committee").
func (st *state) peerState() {
	var peer [32]struct {
		code  string
		mixed bool
	}
	sectors := map[string]int{}
	for _, e := range st.ents {
		if len(e.mentions) == 0 || !peerSector(e.a.Sector) || e.a.Country == "" {
			continue
		}
		if _, state := st.lx.byCode[e.a.Country]; !state {
			continue
		}
		k, ok := sectors[e.a.Sector]
		if !ok {
			if len(sectors) == len(peer) {
				continue
			}
			k = len(sectors)
			sectors[e.a.Sector] = k
			peer[k].code = e.a.Country
		}
		if peer[k].code != e.a.Country {
			peer[k].mixed = true
		}
	}
	for _, e := range st.ents {
		// People and groups of people only: a bare "Parliament" or "court" may be another
		// state's.
		if e.a.Country != "" || len(e.mentions) == 0 || e.a.Kind == model.KindOrganization {
			continue
		}
		k, ok := sectors[e.a.Sector]
		if !ok || peer[k].mixed {
			continue
		}
		st.giveState(e, peer[k].code)
	}
}
