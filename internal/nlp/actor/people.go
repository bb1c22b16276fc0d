package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// nameKind says how a token may take part in a person's name.
const (
	nkNone    = iota
	nkName    // a capitalised word
	nkWeak    // a city or seat that can also be a surname (Washington): only after a given name
	nkPerson  // inside a listed person's name
	nkOrgHead // a capitalised word that makes the run an organisation or a place
)

// nameKind classifies token i.
func (st *state) nameKind(i int) int {
	t := &st.toks[i]
	if !t.is(tWord) || t.is(tDigit) || st.timeTok[i] {
		return nkNone
	}
	if k := st.in[i]; k >= 0 {
		sp := st.spans[k]
		if _, ok := has(sp.entries, ePerson); ok {
			return nkPerson
		}
		weak := true
		for _, e := range sp.entries {
			if e.kind != eCapital && e.kind != eSeat {
				weak = false
			}
		}
		if weak && sp.j-1 == i && (i == 0 || st.lex[i] >= 0) {
			return nkWeak
		}
		return nkNone
	}
	if t.is(tAllCaps) {
		return nkNone
	}
	if st.g.is(gTitle, t) || st.g.is(gPersonNoun, t) || st.g.is(gLeader, t) || st.g.is(gCounterpart, t) {
		return nkNone
	}
	if st.commonCompound(t) || contraction(t.lower) || len(t.text) == 1 {
		// A lone capital letter ("I", "A") is no name; an initial keeps its dot ("C.").
		return nkNone
	}
	if t.is(tCap) {
		if st.g.is(gOrgHead, t) {
			return nkOrgHead
		}
		if st.g.is(gSpeech|gHe|gShe|gThey|gDeterminer|gPossessive|gAux, t) {
			return nkNone
		}
		return nkName
	}
	if st.particlePrefixed(t.text) {
		return nkName
	}
	return nkNone
}

// particlePrefixed reports a name such as al-Sudani or el-Sisi: a name particle of the
// grammar, a hyphen, a capital ("co-CEO" is no name).
func (st *state) particlePrefixed(s string) bool {
	k := strings.IndexByte(s, '-')
	if k < 1 || k > 4 || k+1 >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[k+1:])
	return unicode.IsUpper(r) && st.g.fold[strings.ToLower(s[:k])]&gParticle != 0
}

// commonCompound reports a hyphenated word with a part the text prints as an ordinary word
// ("Twenty-year-old"); names such as Tima-Weeyne or Ching-te have none.
func (st *state) commonCompound(t *token) bool {
	if !strings.ContainsRune(t.text, '-') || st.particlePrefixed(t.text) {
		return false
	}
	_, rest, _ := strings.Cut(t.lower, "-")
	for rest != "" {
		var p string
		p, rest, _ = strings.Cut(rest, "-")
		if len(p) > 2 && st.isLowerWord(p) {
			return true
		}
	}
	return false
}

// contraction reports a word such as I'm, we're, they'll, don't.
func contraction(w string) bool {
	k := strings.LastIndexByte(w, '\'')
	if k < 0 {
		return false
	}
	switch w[k+1:] {
	case "m", "re", "ve", "ll", "d", "t":
		return true
	}
	return false
}

// isLowerWord reports whether the text prints w in lower case somewhere.
func (st *state) isLowerWord(w string) bool {
	if !st.lowerBuilt {
		st.lowerBuilt = true
		if st.lowerWords == nil {
			st.lowerWords = map[string]bool{}
		}
		for k := range st.toks {
			if x := &st.toks[k]; x.is(tWord) && !x.is(tCap) {
				st.lowerWords[x.lower] = true
			}
		}
	}
	return st.lowerWords[w]
}

func (st *state) particle(i int) bool {
	t := &st.toks[i]
	return t.is(tWord) && !t.is(tCap) && st.g.is(gParticle, t)
}

func (st *state) nonName(i int) bool {
	return st.lx.nonNames[st.toks[i].lower] || st.g.is(gNonName, &st.toks[i])
}

// ordinary reports a capitalised word that opens a sentence and is an ordinary word: a grammar
// word, or a word the text also prints in lower case ("But", "Survivors").
func (st *state) ordinary(i int) bool {
	if !st.segStart(i) && !(i > 0 && !st.toks[i-1].is(tWord) && st.segStart(i-1)) {
		return false
	}
	t := &st.toks[i]
	if st.g.is(gDeterminer|gPossessive|gConnector|gAux|gSpeech|gHe|gShe|gThey|gBoth, t) {
		return true
	}
	// "Injecting Clinton into ...": a sentence opening with a verb form.
	if len(t.lower) > 5 && strings.HasSuffix(t.lower, "ing") && !st.lx.first[t.text] {
		return true
	}
	return st.isLowerWord(t.lower)
}

// nameRun returns the end of the capitalised run that starts at token s, or s when none starts
// there. orgy reports a word in it that names an organisation or place.
func (st *state) nameRun(s int) (e int, orgy bool) {
	k := st.nameKind(s)
	if k == nkNone || k == nkWeak || st.particle(s) {
		return s, false
	}
	if k != nkPerson && (st.nonName(s) || st.ordinary(s)) {
		return s, false
	}
	orgy = k == nkOrgHead
	e = s + 1
	for e < len(st.toks) && e-s < 7 && st.sameSeg(s, e) {
		k := st.nameKind(e)
		switch {
		case k == nkName || k == nkPerson:
			e++
		case k == nkOrgHead:
			orgy = true
			e++
		case k == nkWeak && st.lx.first[st.toks[s].text]:
			e++
		case st.particle(e) && e+1 < len(st.toks) && st.sameSeg(e, e+1) && st.nameKind(e+1) == nkName:
			e += 2
		case st.innerTitle(e):
			// Hassan Sheikh Mohamud: a one-word title between two names is part of the name.
			e++
		default:
			return st.trimRun(s, e), orgy
		}
	}
	return st.trimRun(s, e), orgy
}

// nameFollows reports a capitalised name at token j.
func (st *state) nameFollows(j int) bool {
	return j < len(st.toks) && (st.nameKind(j) == nkName || st.nameKind(j) == nkPerson || st.used[j] >= 0 && st.ents[st.used[j]].a.Kind == model.KindPerson)
}

// innerTitle reports a one-word capitalised title at token e followed by a name.
func (st *state) innerTitle(e int) bool {
	if e < 1 || e+1 >= len(st.toks) || !st.sameSeg(e, e+1) || st.nameKind(e+1) != nkName || !st.toks[e].is(tCap) {
		return false
	}
	// "Charlotte Mayor Jennifer Roberts": a title before a name of two words or more starts
	// a new name; "Hassan Sheikh Mohamud" ends with one.
	if !st.lx.first[st.toks[e-1].text] {
		return false
	}
	if e+2 < len(st.toks) && st.sameSeg(e, e+2) && st.nameKind(e+2) == nkName {
		return false
	}
	sp, ok := st.lexAt(e)
	if !ok || sp.j != e+1 {
		return false
	}
	for _, en := range sp.entries {
		if en.kind != eRole {
			return false
		}
	}
	return true
}

func (st *state) trimRun(s, e int) int {
	for e > s+1 && (st.nonName(e-1) || initial(st.toks[e-1].text)) && st.nameKind(e-1) != nkPerson {
		e--
	}
	return e
}

// initial reports a one-letter initial such as "G.".
func initial(w string) bool {
	return len(w) == 2 && w[1] == '.'
}

// findPeople takes every capitalised run of the text and decides whether it names a person.
// A run of two or more words that was left alone is a person after all when its last word
// speaks elsewhere in the text ("Oaitse Nawa of the Elephant Protection Society ... said Nawa").
func (st *state) findPeople() {
	st.placeRuns()
	var left []run
	for i := 0; i < len(st.toks); {
		e, orgy := st.nameRun(i)
		if e == i {
			i++
			continue
		}
		if !st.person(i, e, orgy) {
			st.runs = append(st.runs, run{i, e})
			if e-i >= 2 && !orgy && !st.nextIsOrgHead(e) && st.speaks(st.toks[e-1].lower) {
				left = append(left, run{i, e})
			}
		}
		i = e
	}
	for _, r := range left {
		if !st.anyUsed(r.i, r.j) {
			st.addPerson(r.i, r.j, nil, desc{}, false, desc{}, false)
		}
	}
}

func (st *state) nextIsOrgHead(e int) bool {
	return e > 0 && e < len(st.toks) && st.sameSeg(e-1, e) && st.nameKind(e) == nkOrgHead
}

// orgHeadInListed reports whether every head word of the run [s, e) lies inside a listed
// person's name.
func (st *state) orgHeadInListed(s, e int) bool {
	for k := s; k < e; k++ {
		if st.nameKind(k) == nkOrgHead {
			return false
		}
	}
	return true
}

// speaks reports whether the word w (lower case) stands alone as a speaker in the text:
// "said W", "W said", "W told". The set of such words is built on first use.
func (st *state) speaks(w string) bool {
	if st.speakers == nil {
		st.speakers = map[string]bool{}
		for k := range st.toks {
			t := &st.toks[k]
			if !t.is(tCap) || k > 0 && st.toks[k-1].is(tCap) || k+1 < len(st.toks) && st.toks[k+1].is(tCap) && st.toks[k+1].is(tWord) {
				continue
			}
			if k+1 < len(st.toks) && st.sameSeg(k, k+1) && st.g.is(gSpeech, &st.toks[k+1]) ||
				k > 0 && st.sameSeg(k-1, k) && st.g.is(gSpeech, &st.toks[k-1]) {
				st.speakers[t.lower] = true
			}
		}
	}
	return st.speakers[w]
}

// person decides whether the run [s, e) is a person and records it. It reports false when
// the run was left alone.
func (st *state) person(s, e int, orgy bool) bool {
	toks := st.toks
	// A listed person.
	// A listed person, named by the whole run: "Melania Trump" is not the listed "Trump".
	var listed []int
	if sp, ok := st.lexAt(s); ok && sp.j == e {
		for _, en := range sp.entries {
			if en.kind == ePerson {
				listed = append(listed, en.idx)
			}
		}
	}
	// "Mwanza District Hospital", "Queen Elizabeth Central": a place or body named after
	// someone. Only a head word inside a listed name keeps the run.
	if orgy && !st.orgHeadInListed(s, e) {
		return false
	}
	// "Council of Non-Governmental Organisations": the rest of an organisation's name.
	if s >= 2 && len(listed) == 0 && st.sameSeg(s-2, s) && (toks[s-1].lower == "of" || toks[s-1].lower == "for") && st.nameKind(s-2) == nkOrgHead {
		return false
	}
	if st.nextIsOrgHead(e) {
		return false
	}
	var before, after desc
	hasBefore, hasAfter := false, false
	if s > 0 && st.sameSeg(s-1, s) {
		if _, sp, ok := st.lexEnding(s); ok {
			if _, isRole := has(sp.entries, eRole); isRole {
				hasBefore = true
			}
		} else if _, ok := st.roleWord(s - 1); ok {
			hasBefore = true
		}
		if hasBefore {
			before = st.describeBack(s)
			// "the spokesperson for Pakistan's Ministry of Foreign Affairs, Ambassador Shafqat Ali Khan"
			if before.country == "" && before.i > 1 && toks[before.i-1].text == "," {
				if d := st.describeBack(before.i - 1); d.hasRole {
					before.country = d.country
					before.states = append(before.states, d.states...)
				}
			}
		} else if toks[s-1].text == "," && s > 1 {
			if d := st.describeBack(s - 1); d.hasRole && d.j == s-1 && d.i < d.j {
				hasBefore = true
				before = d
			}
		}
	}
	if e < len(toks) && toks[e].text == "," && st.sameSeg(s, e) {
		// "..., both leaders reaffirmed": a phrase that opens with "both" names several
		// people, so it is the subject of a new clause, not an apposition.
		if d := st.describeForward(e + 1); d.hasRole && d.i == e+1 && !st.nameFollows(d.j) && !st.g.is(gBoth, &toks[e+1]) {
			hasAfter = true
			after = d
		}
	}
	n := e - s
	speech := false
	if n >= 2 {
		if e < len(toks) && st.sameSeg(s, e) && st.g.is(gSpeech, &toks[e]) {
			speech = true
		}
		if s > 0 && st.sameSeg(s-1, s) && st.g.is(gSpeech, &toks[s-1]) {
			speech = true
		}
		if s > 1 && toks[s-1].lower == "to" && toks[s-2].lower == "according" {
			speech = true
		}
	}
	if st.creditSeg(s) || st.handoff(s, e) {
		return false
	}
	given := n >= 2 && st.lx.first[toks[s].text] && !st.places[strings.ToLower(st.span(s, e))]
	if len(listed) == 0 && !hasBefore && !hasAfter && !speech && !given && !st.finderPerson(s, e) {
		return false
	}
	// "Jim Crow laws": a given name alone does not make a run before a plain noun a person.
	if given && len(listed) == 0 && !hasBefore && !hasAfter && !speech && st.attributiveNext(e) {
		return false
	}
	if n == 1 && len(listed) == 0 && (!hasBefore || st.isLowerWord(toks[s].lower)) {
		// One word is a name only after a title ("President Trump"), and not when the text
		// prints it as an ordinary word elsewhere ("Farmer Tariff").
		return false
	}
	if len(listed) == 0 {
		// "Kremlin spokesperson", "chief Brexit negotiator": a run before a title is a
		// modifier, not a name.
		if e < len(toks) && st.sameSeg(s, e) && st.roleStarts(e) {
			return false
		}
		// "official Twitter account": a lone word before a plain noun.
		if n == 1 && st.attributiveNext(e) {
			return false
		}
		// "Healthcare Asia said": without a title or a known given name, a run that opens
		// with an ordinary word is a name of something else.
		if !given && !hasBefore && st.isLowerWord(toks[s].lower) {
			return false
		}
	}
	if len(listed) == 0 && st.allNonNames(s, e) {
		return false
	}
	st.addPerson(s, e, listed, before, hasBefore, after, hasAfter)
	return true
}

func (st *state) allNonNames(s, e int) bool {
	for k := s; k < e; k++ {
		if !st.nonName(k) {
			return false
		}
	}
	return true
}

// addPerson records the person named by tokens [s, e) with what its title and apposition say.
func (st *state) addPerson(s, e int, listed []int, before desc, hasBefore bool, after desc, hasAfter bool) {
	name := st.span(s, e)
	country, role, sector, rank := "", "", "", ""
	var lp *person
	if len(listed) > 0 {
		lp = st.pickListed(listed)
		name = lp.name
		country = lp.country
		if lp.inOffice(st.date) {
			role, sector = lp.role, lp.sector
		}
	}
	var gender byte
	for _, d := range []desc{before, after} {
		if d.gender != 0 {
			gender = d.gender
		}
	}
	if hasBefore {
		if before.country != "" {
			country = before.country
		}
		if r := st.titleText(before); r != "" {
			role = r
		}
		if before.sector != "" {
			sector = before.sector
		}
		rank = before.rank
	}
	if hasAfter {
		if country == "" || !hasBefore && lp == nil {
			if after.country != "" {
				country = after.country
			}
		}
		if role == "" {
			role = st.roleText(after)
		}
		if sector == "" {
			sector = after.sector
		}
		if rank == "" {
			rank = after.rank
		}
	}
	// "Ukrainian Foreign Minister Andrii Sybiha; Defense Minister Rustem Umerov": a title in a
	// list takes the state of the title before it.
	if country == "" && hasBefore {
		country = st.listCountry(before.i)
	}
	// "his Iranian counterpart, Masoud Pezeshkian": the office of the person met.
	if (hasBefore && before.noun == nounCounterpart) || (hasAfter && after.noun == nounCounterpart && !hasBefore) {
		if anchor := st.subjectBefore(s); anchor != nil && anchor.roleSet {
			role, sector, rank = anchor.a.Role, anchor.a.Sector, anchor.rank
		}
	}
	nameToks := nameTokens(name)
	var ent *entity
	if len(nameToks) == 1 && lp == nil {
		ent = st.bySurname(nameToks[0], country)
	}
	if ent == nil {
		key := "p:" + personKey(name)
		_, known := st.byKey[key]
		ent = st.entity(key, model.Actor{Name: name, Kind: model.KindPerson})
		if !known {
			ent.nameToks = nameToks
			if len(nameToks) >= 2 {
				for _, k := range surnameKeys(nameToks[len(nameToks)-1]) {
					st.bySurnameKey[k] = append(st.bySurnameKey[k], ent)
				}
			}
		}
	}
	if ent.a.Country == "" {
		ent.a.Country = country
	}
	if !ent.roleSet && role != "" {
		ent.a.Role, ent.roleSet = role, true
		if sector != "" {
			ent.a.Sector = sector
		}
		ent.rank = rank
	}
	if ent.a.Sector == "" {
		ent.a.Sector = sector
	}
	if ent.rank == "" {
		ent.rank = rank
	}
	if ent.gender == 0 {
		ent.gender = gender
	}
	via := viaName
	if len(listed) > 0 && !strings.EqualFold(st.span(s, e), name) {
		via = viaAlias
	} else if len(nameToks) == 1 && len(ent.nameToks) > 1 {
		via = viaSurname
	}
	st.mention(ent, s, e, via)
	for _, d := range []desc{before, after} {
		st.stateMentions(d)
	}
	// The description is a mention of the person too when it stands apart from the name
	// ("his Iranian counterpart, Masoud Pezeshkian").
	if hasBefore && before.j < s && before.i < before.j {
		st.mention(ent, before.i, before.j, viaRole)
	}
	if hasAfter && after.i < after.j {
		st.mention(ent, after.i, after.j, viaRole)
	}
	// Bodies named in the description are actors too: their mentions are added by
	// findStatesAndBodies, which skips what this person's mentions cover.
}

// pickListed chooses among the listed people a phrase matched: the one in office at the
// publication date, else the first.
func (st *state) pickListed(idx []int) *person {
	for _, k := range idx {
		if st.lx.people[k].inOffice(st.date) {
			return &st.lx.people[k]
		}
	}
	return &st.lx.people[idx[0]]
}

// stateMentions adds a mention of every state a description names.
func (st *state) stateMentions(d desc) {
	for _, r := range d.states {
		e := st.countryEntity(r.ci)
		if r.hyph != nil {
			st.mentionBytes(e, r.i, r.hyph.start, r.hyph.end, r.via)
			continue
		}
		st.mention(e, r.i, r.j, r.via)
	}
}

// nameTokens splits a name into lower-case words.
func nameTokens(name string) []string {
	ts := words(name)
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.is(tWord) {
			out = append(out, t.lower)
		}
	}
	// "John G. Roberts Jr.": the surname is the word before the generational suffix.
	for len(out) > 2 {
		switch strings.TrimSuffix(out[len(out)-1], ".") {
		case "jr", "sr", "ii", "iii", "iv":
			out = out[:len(out)-1]
			continue
		}
		break
	}
	return out
}

// surnameKeys are the forms a person's surname may take alone: the last word, and without a
// particle (al-Sudani, Sudani).
func surnameKeys(last string) []string {
	keys := []string{last}
	if k := strings.IndexByte(last, '-'); k > 0 && k <= 4 && k+1 < len(last) {
		keys = append(keys, last[k+1:])
	}
	return keys
}

// bySurname finds the person whose surname is w (lower case), preferring one of country.
func (st *state) bySurname(w, country string) *entity {
	var found *entity
	for _, key := range []string{w, strings.TrimPrefix(w, "al-")} {
		for _, e := range st.bySurnameKey[key] {
			if found == nil || country != "" && e.a.Country == country && found.a.Country != country {
				found = e
			}
		}
	}
	return found
}

// mergePeople folds a person known only by a surname into the one full name that ends with it.
func (st *state) mergePeople() {
	for _, e := range st.ents {
		if e.a.Kind != model.KindPerson || len(e.nameToks) == 0 || len(e.mentions) == 0 {
			continue
		}
		full := st.bySurname(e.nameToks[len(e.nameToks)-1], e.a.Country)
		if full == nil || full == e || len(full.nameToks) <= len(e.nameToks) || !suffixWords(full.nameToks, e.nameToks) {
			continue
		}
		k := st.entIndex(full)
		for _, m := range e.mentions {
			m.via = viaSurname
			full.mentions = append(full.mentions, m)
			for x := m.i; x < m.j; x++ {
				st.used[x] = k
			}
		}
		e.mentions = nil
		if full.a.Country == "" {
			full.a.Country = e.a.Country
		}
		if !full.roleSet && e.roleSet {
			full.a.Role, full.a.Sector, full.rank, full.roleSet = e.a.Role, e.a.Sector, e.rank, true
		}
		if full.gender == 0 {
			full.gender = e.gender
		}
	}
}

// subjectBefore returns the first person named in token i's sentence before it (looking
// back at most 60 tokens).
func (st *state) subjectBefore(i int) *entity {
	var best *entity
	for k := i - 1; k >= 0 && k >= i-60 && st.sameSeg(k, i); k-- {
		if st.nameTok[k] && st.used[k] >= 0 {
			best = st.ents[st.used[k]]
		}
	}
	return best
}

// listCountry returns the country of the person named just before token i in a list ("A; B",
// "A, B and C"), or "".
func (st *state) listCountry(i int) string {
	k := i
	semi := false
	for k > 0 && k > i-3 && st.sameSeg(k-1, i) && (st.toks[k-1].text == ";" || st.toks[k-1].text == "," || st.toks[k-1].lower == "and") {
		semi = semi || st.toks[k-1].text == ";"
		k--
	}
	if !semi || k == 0 || st.used[k-1] < 0 {
		return ""
	}
	e := st.ents[st.used[k-1]]
	if e.a.Kind != model.KindPerson || !e.roleSet {
		return ""
	}
	return e.a.Country
}

// roleStarts reports a title or role word at token j.
func (st *state) roleStarts(j int) bool {
	if sp, ok := st.lexAt(j); ok {
		_, isRole := has(sp.entries, eRole)
		return isRole
	}
	_, ok := st.roleWord(j)
	return ok
}

// attributiveNext reports a plain lower-case noun at token j: not a verb form, not a grammar
// word.
func (st *state) attributiveNext(j int) bool {
	if j >= len(st.toks) || !st.sameSeg(j-1, j) {
		return false
	}
	n := &st.toks[j]
	if !n.is(tWord) || n.is(tCap) || n.is(tDigit) {
		return false
	}
	if st.g.is(gAux, n) || st.g.is(gSpeech, n) || st.g.is(gConnector, n) || st.g.is(gDeterminer, n) {
		return false
	}
	for _, suffix := range []string{"ed", "s", "ly", "ing"} {
		if strings.HasSuffix(n.lower, suffix) {
			return false // a verb form or an adverb
		}
	}
	return true
}

// placeRuns notes the capitalised runs the text puts after "in", "at" or "near": such a run
// is a place, not a person, unless a title or a speech verb says otherwise ("the base in
// Diego Garcia").
func (st *state) placeRuns() {
	st.places = map[string]bool{}
	for k := 1; k < len(st.toks); k++ {
		switch st.toks[k-1].lower {
		case "in", "at", "near":
		default:
			continue
		}
		if !st.sameSeg(k-1, k) {
			continue
		}
		if e, _ := st.nameRun(k); e > k+1 && !(e < len(st.toks) && st.toks[e].is(tPoss)) {
			st.places[strings.ToLower(st.span(k, e))] = true
		}
	}
}

// creditSeg reports a credit line ("Margaret Besheer contributed to this report"): its names
// are the newsroom's, not the story's.
func (st *state) creditSeg(i int) bool {
	seg := st.seg[i]
	if v, ok := st.credits[seg]; ok {
		return v
	}
	for i > 0 && st.seg[i-1] == seg {
		i--
	}
	contributed, report := false, false
	for k := i; k >= 0 && st.seg[k] == seg; k-- {
		contributed = contributed || st.g.is(gCredit, &st.toks[k])
	}
	for k := i; k < len(st.toks) && st.seg[k] == seg; k++ {
		contributed = contributed || st.g.is(gCredit, &st.toks[k])
		report = report || st.g.is(gCreditObject, &st.toks[k])
	}
	st.credits[seg] = contributed && report
	return contributed && report
}

// suffixWords reports whether short is the end of long ("van voorhis" of "chandler van
// voorhis"), a last word matching without its particle.
func suffixWords(long, short []string) bool {
	off := len(long) - len(short)
	for k, w := range short {
		lw := long[off+k]
		if w == lw {
			continue
		}
		if k == len(short)-1 {
			match := false
			for _, key := range surnameKeys(lw) {
				match = match || key == w || strings.TrimPrefix(w, "al-") == key
			}
			if match {
				continue
			}
		}
		return false
	}
	return true
}

// personKey is the identity of a full name: lower case, without middle initials, so "Loretta
// E. Lynch" and "Loretta Lynch" are one person.
func personKey(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if initial(w) && b.Len() > 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
