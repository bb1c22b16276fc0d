package actor

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// chiefs ties "the X chief" (X one to three capitalised words: a department, an agency, an
// organisation) to the person named before it whose role holds X: "the Commerce chief" after
// "Commerce Secretary Howard Lutnick", "the U.N. chief" after "U.N. Secretary-General Antonio
// Guterres". Of several such people the most recently mentioned is taken.
func (st *state) chiefs() {
	for i := 0; i+2 < len(st.toks); i++ {
		// "The U.N." may be the body's own mention, article included.
		if st.toks[i].lower != "the" || st.used[i] >= 0 && st.ents[st.used[i]].a.Kind == model.KindPerson {
			continue
		}
		k := i + 1
		for k < len(st.toks) && k-i <= 3 && st.sameSeg(i, k) && st.toks[k].is(tCap) && !st.toks[k].is(tPoss) {
			k++
		}
		if k == i+1 || k-i > 3 || k >= len(st.toks) || !st.sameSeg(i, k) || !isChiefHead(st.toks[k].lower) {
			continue
		}
		end := k + 1
		// "the U.N. chief Antonio Guterres": a title before a name is not a reference.
		if end < len(st.toks) && st.sameSeg(k, end) && (st.nameTok[end] || st.nameKind(end) == nkName) {
			continue
		}
		words := make([]string, 0, k-i-1)
		for x := i + 1; x < k; x++ {
			words = append(words, roleWord(st.toks[x].lower))
		}
		var cands []*entity
		for _, e := range st.ents {
			if e.a.Kind == model.KindPerson && len(e.mentions) > 0 && roleHolds(e.a.Role, words) {
				cands = append(cands, e)
			}
		}
		if picked := st.recent(st.mentionedBefore(cands, i), i, 1); len(picked) == 1 {
			st.mention(picked[0], i, end, viaRole)
			i = end - 1
		}
	}
}

// isChiefHead reports the nouns that make "the Commerce chief", "the U.N. chief" or "the
// IAEA head" a reference to the person at the head of the body named before them.
func isChiefHead(w string) bool { return w == "chief" || w == "head" || w == "boss" }

// roleWord is a lower-case word of a role without its dots ("u.n." → "un").
func roleWord(w string) string { return strings.ReplaceAll(w, ".", "") }

// roleHolds reports whether role holds the words in a row ("Commerce Secretary" holds
// "commerce"; "U.N. Secretary-General" holds "un").
func roleHolds(role string, words []string) bool {
	rs := strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return r == ' ' || r == '-' })
	for i := range rs {
		rs[i] = roleWord(rs[i])
	}
	for s := 0; s+len(words) <= len(rs); s++ {
		ok := true
		for n, w := range words {
			if rs[s+n] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
