package actor

import (
	"sort"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// surnames ties capitalised runs that were not taken as new people to a person already named:
// "Putin" → Vladimir Putin, "Sudani" → Mohammed Shia al-Sudani, "Van Orden" → Derrick Van Orden.
func (st *state) surnames() {
	for _, r := range st.runs {
		if st.anyUsed(r.i, r.j) {
			continue
		}
		if e := st.suffixOf(r.i, r.j); e != nil {
			st.mention(e, r.i, r.j, viaSurname)
			continue
		}
		// A sentence-initial word before the surname ("Later Putin said").
		if r.j-r.i == 2 && st.segStart(r.i) {
			if e := st.suffixOf(r.i+1, r.j); e != nil {
				st.mention(e, r.i+1, r.j, viaSurname)
			}
		}
	}
}

func (st *state) anyUsed(i, j int) bool {
	for k := i; k < j; k++ {
		if st.used[k] >= 0 {
			return true
		}
	}
	return false
}

// suffixOf returns the person whose name ends with tokens [i, j), the most recently
// mentioned one when several do.
func (st *state) suffixOf(i, j int) *entity {
	var best *entity
	bestPos := -1
	last := st.toks[j-1].lower
	var cands []*entity
	for _, key := range []string{last, strings.TrimPrefix(last, "al-")} {
		cands = append(cands, st.bySurnameKey[key]...)
		if key == last && len(cands) > 0 {
			break
		}
	}
	for _, e := range cands {
		if len(e.mentions) == 0 || !st.endsWith(e.nameToks, i, j) || e == best {
			continue
		}
		if len(cands) == 1 {
			return e
		}
		pos := -1
		if !st.spend(len(e.mentions)) {
			return nil
		}
		for _, m := range e.mentions {
			if m.i < i && m.i > pos {
				pos = m.i
			}
		}
		if best == nil || pos > bestPos {
			best, bestPos = e, pos
		}
	}
	return best
}

// endsWith reports whether name (lower-case words) ends with tokens [i, j).
func (st *state) endsWith(name []string, i, j int) bool {
	n := j - i
	if n >= len(name) {
		return false // the full name is matched as a name, not a surname
	}
	for k := 0; k < n; k++ {
		w := name[len(name)-n+k]
		t := st.toks[i+k].lower
		if w == t {
			continue
		}
		if k == n-1 && n == 1 {
			ok := false
			for _, key := range surnameKeys(w) {
				if key == t || strings.TrimPrefix(t, "al-") == key {
					ok = true
				}
			}
			if ok {
				continue
			}
		}
		return false
	}
	return true
}

// descriptions ties role references to the people they stand for: "the Russian leader",
// "his Iranian counterpart", "the US leader", "the president" (when only one is in play),
// "both presidents" (a mention of each).
func (st *state) descriptions() {
	for i := 0; i < len(st.toks); i++ {
		t := &st.toks[i]
		if !t.is(tWord) || st.used[i] >= 0 && !st.stateWord(i) {
			continue
		}
		both := st.g.is(gBoth, t)
		definite := t.lower == "the" || t.lower == "this" || t.lower == "that"
		k := i + 1
		ci := -1
		var stateI, stateJ int
		if st.used[i] >= 0 || !both && !definite && !st.g.is(gPossessive, t) {
			// "Washington's envoy", "North Korea's ambassador": a state's own role holder
			sp, ok := st.lexAt(i)
			if !ok || sp.j+1 >= len(st.toks) || !st.toks[sp.j].is(tPoss) || !st.sameSeg(i, sp.j+1) {
				continue
			}
			c, code := st.stateOf(sp)
			if code == "" {
				continue
			}
			ci, stateI, stateJ = c, i, sp.j
			k = sp.j + 1
			definite = true
		}
		// "the top U.S. diplomat": modifiers may come before the state too.
		for n := 0; n < 2 && k+1 < len(st.toks) && st.sameSeg(i, k+1) && st.g.is(gModifier, &st.toks[k]) && st.lex[k] < 0 && st.lex[k+1] >= 0; n++ {
			k++
		}
		if sp, ok := st.lexAt(k); ok && ci < 0 && st.sameSeg(i, k) {
			if c, code := st.stateOf(sp); code != "" {
				ci, stateI, stateJ = c, k, sp.j
				k = sp.j
			}
		}
		for n := 0; n < 2 && k < len(st.toks) && st.sameSeg(i, k) && st.g.is(gModifier, &st.toks[k]) && st.lex[k] < 0; n++ {
			k++
		}
		if k >= len(st.toks) || !st.sameSeg(i, k) || st.used[k] >= 0 {
			continue
		}
		head, end, plural, roleIdx := st.refHead(k)
		if head == "" {
			continue
		}
		// A title before a name is not a reference of its own.
		if end < len(st.toks) && st.sameSeg(k, end) && (st.used[end] >= 0 || st.nameKind(end) == nkName) {
			continue
		}
		code := ""
		if ci >= 0 {
			code = st.lx.countries[ci].code
		}
		cands := st.refCandidates(head, roleIdx, code)
		if len(cands) == 0 && code != "" && !both && !plural {
			// "the Pakistani envoy" after "Pakistan's permanent representative ..., Munir
			// Akram": the latest person of that state in the three sentences before.
			if e := st.recentOf(code, i); e != nil {
				cands = []*entity{e}
			} else if head == "role" && roleIdx >= 0 {
				// "Washington's envoy" for the U.S. deputy ambassador named further back, else
				// the envoy named in the next sentence ("North Korea's envoy defended the
				// treaty. ... Ambassador Song Kim said")
				title := strings.ToLower(st.lx.roles[roleIdx].title)
				if cands = st.envoys(title, code); len(cands) == 0 {
					if e := st.nextEnvoy(title, code, end); e != nil {
						cands = []*entity{e}
					}
				}
			}
		}
		if len(cands) == 0 && head == "role" && !both && !plural {
			// "the president", "the foreign minister of Iran": the office holder of the
			// state on the article's date.
			if e := st.officeHolder(roleIdx, code, end); e != nil {
				cands = []*entity{e}
				if code == "" {
					code = e.a.Country
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		if both || plural {
			if !both && !st.g.is(gDeterminer, t) {
				continue
			}
			picked := st.recent(st.mentionedBefore(cands, i), i, 2)
			if len(picked) < 2 {
				continue
			}
			for _, e := range picked {
				st.mention(e, i, end, viaRole)
			}
		} else {
			picked := st.recent(cands, i, 1)
			if len(picked) == 0 || (code == "" && head != nounCounterpart && len(cands) > 1) {
				continue
			}
			if head == nounCounterpart && code == "" {
				continue
			}
			st.mention(picked[0], i, end, viaRole)
		}
		if ci >= 0 && st.used[stateI] < 0 {
			st.mention(st.countryEntity(ci), stateI, stateJ, viaDemonym)
		}
		i = end - 1
	}
}

// refHead reads a reference's head noun at token k: a role of the lexicon, a leader or
// counterpart word, in the singular or the plural. It returns the head's class ("role",
// leader, counterpart), its end, whether it is plural, and the role's index.
func (st *state) refHead(k int) (string, int, bool, int) {
	if sp, ok := st.lexAt(k); ok {
		if en, isRole := has(sp.entries, eRole); isRole {
			return "role", sp.j, false, en.idx
		}
		return "", 0, false, -1
	}
	t := &st.toks[k]
	if w, ok := st.roleWord(k); ok {
		if w == nounPerson {
			w = "noun:" + strings.TrimSuffix(t.lower, "s")
		}
		return w, k + 1, strings.HasSuffix(t.lower, "s"), -1
	}
	if t.is(tWord) && len(t.lower) > 3 && strings.HasSuffix(t.lower, "s") {
		sing := t.lower[:len(t.lower)-1]
		for _, p := range st.lx.phrases.byFirst[sing] {
			if len(p.toks) != 1 {
				continue
			}
			if en, isRole := has(p.entries, eRole); isRole {
				return "role", k + 1, true, en.idx
			}
		}
	}
	return "", 0, false, -1
}

// refCandidates lists the people a reference may stand for.
func (st *state) refCandidates(head string, roleIdx int, code string) []*entity {
	var out []*entity
	if !st.spend(len(st.ents)) {
		return nil
	}
	var title string
	if roleIdx >= 0 {
		title = strings.ToLower(st.lx.roles[roleIdx].title)
	} else if w, ok := strings.CutPrefix(head, "noun:"); ok {
		title = w
	}
	for _, e := range st.ents {
		if e.a.Kind != model.KindPerson || len(e.mentions) == 0 {
			continue
		}
		if code != "" && e.a.Country != code {
			continue
		}
		switch head {
		case nounLeader:
			if e.rank != "head" && !strings.Contains(strings.ToLower(e.a.Role), "leader") {
				continue
			}
		case nounCounterpart:
			if e.a.Country == "" {
				continue
			}
		default:
			role := strings.ToLower(e.a.Role)
			if title == "" || !(role == title || strings.HasSuffix(role, " "+title) && !st.otherRank(role, title) || strings.HasPrefix(role, title+" ") && !strings.Contains(role, " of ")) {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// envoys lists the people of state code whose role is an envoy's like the reference's
// lower-case title.
func (st *state) envoys(title, code string) []*entity {
	var out []*entity
	for _, e := range st.ents {
		if e.a.Kind == model.KindPerson && len(e.mentions) > 0 && e.a.Country == code && st.sameEnvoy(strings.ToLower(e.a.Role), title) {
			out = append(out, e)
		}
	}
	return out
}

// nextEnvoy returns the first person named after token j, within its sentence and the next,
// whose role is an envoy's like the reference's lower-case title, and who is of state code or
// of none known.
func (st *state) nextEnvoy(title, code string, j int) *entity {
	for k := j; k < len(st.toks) && k < j+200 && st.seg[k] <= st.seg[j]+1; k++ {
		if !st.nameTok[k] || st.used[k] < 0 {
			continue
		}
		e := st.ents[st.used[k]]
		if e.a.Kind == model.KindPerson && (e.a.Country == code || e.a.Country == "") && st.sameEnvoy(strings.ToLower(e.a.Role), title) {
			return e
		}
	}
	return nil
}

// stateWord reports whether token i is taken by a country: the state of "Washington's envoy".
func (st *state) stateWord(i int) bool {
	return st.ents[st.used[i]].a.Kind == model.KindCountry
}

// sameEnvoy reports a role and a title that both name one who represents a state abroad:
// "envoy" for "deputy ambassador", "ambassador" for "permanent representative".
func (st *state) sameEnvoy(role, title string) bool {
	r, t := strings.Fields(role), strings.Fields(title)
	return len(r) > 0 && len(t) > 0 && st.g.isWord(gEnvoy, r[len(r)-1]) && st.g.isWord(gEnvoy, t[len(t)-1])
}

// otherRank reports a role that ends with title but is another office: its word before the
// title is an otherrank word of the grammar ("prime minister" for "the minister").
func (st *state) otherRank(role, title string) bool {
	w := strings.Fields(strings.TrimSuffix(role, " "+title))
	if len(w) == 0 {
		return false
	}
	return st.g.isWord(gOtherRank, w[len(w)-1])
}

// recent picks up to n candidates: the most recently mentioned before token i first, then the
// ones first mentioned after it.
func (st *state) recent(cands []*entity, i, n int) []*entity {
	type scored struct {
		e     *entity
		last  int // last mention before i, -1 when none
		first int
	}
	var ss []scored
	for _, e := range cands {
		if !st.spend(len(e.mentions)) {
			return nil
		}
		s := scored{e: e, last: -1, first: 1 << 30}
		for _, m := range e.mentions {
			if m.i < i && m.i > s.last {
				s.last = m.i
			}
			if m.i < s.first {
				s.first = m.i
			}
		}
		ss = append(ss, s)
	}
	sort.SliceStable(ss, func(a, b int) bool {
		if (ss[a].last >= 0) != (ss[b].last >= 0) {
			return ss[a].last >= 0
		}
		if ss[a].last >= 0 {
			return ss[a].last > ss[b].last
		}
		return ss[a].first < ss[b].first
	})
	var out []*entity
	for _, s := range ss {
		if len(out) == n {
			break
		}
		out = append(out, s.e)
	}
	return out
}

// pronouns ties he, she and their forms to the person they most likely refer to: in the same
// sentence, the first person named before the pronoun; else, in the nearest of the three
// sentences before, the first person named. A person whose gender is known only takes the
// matching pronouns; a pronoun teaches the gender of the person it was tied to. Pronouns inside
// quotations are left alone: they speak of someone the quoted speaker means.
func (st *state) pronouns() {
	type pm struct {
		i       int
		seg     int32
		e       *entity
		poss    bool // "Mhlanga's arrest"
		speaker bool // "Mhike told VOA", "said Nawa"
	}
	var ms []pm
	inQuote := st.quoted()
	for _, e := range st.ents {
		if e.a.Kind != model.KindPerson {
			continue
		}
		for _, m := range e.mentions {
			// a name inside quotation marks is the quoted speaker's subject, not the narrator's:
			// in “... President Putin ...,” he added, "he" is the speaker
			if m.via != viaPronoun && m.j > m.i && !inQuote[m.i] {
				poss := m.j < len(st.toks) && st.toks[m.j].is(tPoss)
				// "He said Trump's tariffs ...": a possessive after a speech verb is not its speaker
				speaker := !poss && (st.speechNext(m.i, m.j) || st.appositionSpeaks(m.j))
				ms = append(ms, pm{m.i, st.seg[m.i], e, poss, speaker})
			}
		}
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].i < ms[b].i })
	var prons, win []pm
	mi := 0
	for i := range st.toks {
		for mi < len(ms) && ms[mi].i < i {
			mi++
		}
		t := &st.toks[i]
		var g byte
		switch {
		case st.g.is(gHe, t):
			g = 'm'
		case st.g.is(gShe, t):
			g = 'f'
		default:
			continue
		}
		if st.used[i] >= 0 || inQuote[i] {
			continue
		}
		seg := st.seg[i]
		// The window: this sentence and the three before it, at most 50 names and 50
		// pronouns back, in text order.
		lo := mi
		for lo > 0 && mi-lo < 50 && ms[lo-1].seg >= seg-3 {
			lo--
		}
		plo := len(prons)
		for plo > 0 && len(prons)-plo < 50 && prons[plo-1].seg >= seg-3 {
			plo--
		}
		win = win[:0]
		a, b := lo, plo
		for a < mi || b < len(prons) {
			if b >= len(prons) || a < mi && ms[a].i < prons[b].i {
				win = append(win, ms[a])
				a++
			} else {
				win = append(win, prons[b])
				b++
			}
		}
		ok := func(x int) bool { e := win[x].e; return e.gender == 0 || e.gender == g }
		var found *entity
		// "he added": the last speaker.
		speaks := st.speechNext(i, i+1)
		if speaks {
			for x := len(win) - 1; x >= 0 && found == nil && win[x].seg >= seg-1; x-- {
				if win[x].speaker && ok(x) {
					found = win[x].e
				}
			}
		}
		// Else the first person of the nearest sentence that has one, not a possessive when
		// another will do.
		for s := seg; found == nil && s >= seg-3 && s >= 0; s-- {
			var poss *entity
			for x := range win {
				if win[x].seg != s || !ok(x) {
					continue
				}
				if !win[x].poss {
					found = win[x].e
					break
				}
				if poss == nil {
					poss = win[x].e
				}
			}
			if found == nil {
				found = poss
			}
		}
		if found == nil {
			continue
		}
		possessive := t.lower == "his" || t.lower == "her" || t.lower == "hers"
		prons = append(prons, pm{i, seg, found, possessive, speaks})
		if found.gender == 0 {
			found.gender = g
		}
		found.mentions = append(found.mentions, ment{i: i, j: i + 1, span: model.Span{Start: t.start, End: t.end}, via: viaPronoun})
		st.used[i] = st.entIndex(found)
	}
}

// appositionSpeaks reports an apposition at token j that a speech verb ends: "Siyoka
// Simasiku, director at the coalition, says ...".
func (st *state) appositionSpeaks(j int) bool {
	if j >= len(st.toks) || st.toks[j].text != "," {
		return false
	}
	for k := j + 1; k < len(st.toks) && k < j+20 && st.sameSeg(j, k); k++ {
		t := &st.toks[k]
		if st.g.is(gSpeech, t) {
			return true
		}
		if st.nameTok[k] || t.text == "\"" || t.text == "“" || t.text == "”" {
			return false
		}
	}
	return false
}

// speechNext reports a speech verb just after tokens [i, j) ("Mhike told", "he added") or just
// before them ("said Nawa").
func (st *state) speechNext(i, j int) bool {
	if j < len(st.toks) && st.sameSeg(i, j) && st.g.is(gSpeech, &st.toks[j]) {
		return true
	}
	return i > 0 && st.sameSeg(i-1, i) && st.g.is(gSpeech, &st.toks[i-1])
}

// quoted marks the tokens inside quotation marks. Straight double quotes alternate; curly ones
// open and close; a line break closes any open quotation.
func (st *state) quoted() []bool {
	out := make([]bool, len(st.toks))
	open := false
	prevEnd := 0
	for k := range st.toks {
		t := &st.toks[k]
		if strings.ContainsRune(st.text[prevEnd:t.start], '\n') {
			open = false
		}
		prevEnd = t.end
		switch t.text {
		case "“", "«", "„":
			open = true
			continue
		case "”", "»":
			open = false
			continue
		case "\"":
			open = !open
			continue
		}
		out[k] = open
	}
	return out
}

// mentionedBefore keeps the candidates mentioned before token i when at least two are.
func (st *state) mentionedBefore(cands []*entity, i int) []*entity {
	var out []*entity
	for _, e := range cands {
		if !st.spend(len(e.mentions)) {
			return cands
		}
		for _, m := range e.mentions {
			if m.i < i {
				out = append(out, e)
				break
			}
		}
	}
	if len(out) < 2 {
		return cands
	}
	return out
}

// recentOf returns the person of state code named last before token i within its sentence
// and the three before it (looking back at most 300 tokens).
func (st *state) recentOf(code string, i int) *entity {
	for k := i - 1; k >= 0 && k >= i-300 && st.seg[k] >= st.seg[i]-3; k-- {
		if st.nameTok[k] && st.used[k] >= 0 {
			if e := st.ents[st.used[k]]; e.a.Country == code {
				return e
			}
		}
	}
	return nil
}

// plurals ties a subject "they" to the body or group it most likely stands for: the first
// group or organisation named earlier in its sentence, else in the sentence before. Only a
// "they" that opens a clause is tied (after a sentence start, a comma or "and"), and never
// inside a quotation.
func (st *state) plurals() {
	inQuote := st.quoted()
	for i := range st.toks {
		t := &st.toks[i]
		if t.lower != "they" || st.used[i] >= 0 || inQuote[i] {
			continue
		}
		if !st.segStart(i) && !(i > 0 && (st.toks[i-1].text == "," || st.toks[i-1].lower == "and")) {
			continue
		}
		seg := st.seg[i]
		var found *entity
		for s := seg; found == nil && s >= seg-1 && s >= 0; s-- {
			for k := i - 1; k >= 0 && k >= i-120 && st.seg[k] >= s; k-- {
				if st.seg[k] != s || st.used[k] < 0 || inQuote[k] {
					continue
				}
				e := st.ents[st.used[k]]
				if e.a.Kind == model.KindGroup || e.a.Kind == model.KindOrganization {
					found = e // keep going back: the first one of the sentence wins
				}
			}
		}
		if found == nil {
			continue
		}
		found.mentions = append(found.mentions, ment{i: i, j: i + 1, span: model.Span{Start: t.start, End: t.end}, via: viaPronoun})
		st.used[i] = st.entIndex(found)
	}
}
