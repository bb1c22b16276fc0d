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
		if st.used[i] >= 0 || !t.is(tWord) {
			continue
		}
		both := st.g.is(gBoth, t)
		definite := t.lower == "the" || t.lower == "this" || t.lower == "that"
		if !both && !definite && !st.g.is(gPossessive, t) {
			continue
		}
		k := i + 1
		ci := -1
		var stateI, stateJ int
		if sp, ok := st.lexAt(k); ok && st.sameSeg(i, k) {
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
		if ci >= 0 {
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
		for _, p := range st.lx.phrases[sing] {
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
			if title == "" || !(role == title || strings.HasSuffix(role, " "+title) || strings.HasPrefix(role, title+" ") && !strings.Contains(role, " of ")) {
				continue
			}
		}
		out = append(out, e)
	}
	return out
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
		i   int
		seg int32
		e   *entity
	}
	var ms []pm
	for _, e := range st.ents {
		if e.a.Kind != model.KindPerson {
			continue
		}
		for _, m := range e.mentions {
			if m.via != viaPronoun && m.j > m.i {
				ms = append(ms, pm{m.i, st.seg[m.i], e})
			}
		}
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].i < ms[b].i })
	inQuote := st.quoted()
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
		pick := func(lo, hi int, seg int32) *entity {
			for x := lo; x < hi; x++ {
				if ms[x].seg != seg {
					continue
				}
				e := ms[x].e
				if e.gender == 0 || e.gender == g {
					return e
				}
			}
			return nil
		}
		var found *entity
		seg := st.seg[i]
		// Same sentence, first compatible person before the pronoun.
		lo := mi
		for lo > 0 && mi-lo < 50 && ms[lo-1].seg == seg {
			lo--
		}
		found = pick(lo, mi, seg)
		for back := int32(1); found == nil && back <= 3 && seg-back >= 0; back++ {
			s := seg - back
			a := lo
			for a > 0 && lo-a < 50 && ms[a-1].seg >= s {
				a--
			}
			b := a
			for b < len(ms) && b-a < 50 && ms[b].seg == s {
				b++
			}
			found = pick(a, b, s)
		}
		if found == nil {
			continue
		}
		if found.gender == 0 {
			found.gender = g
		}
		found.mentions = append(found.mentions, ment{i: i, j: i + 1, span: model.Span{Start: t.start, End: t.end}, via: viaPronoun})
		st.used[i] = st.entIndex(found)
	}
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
