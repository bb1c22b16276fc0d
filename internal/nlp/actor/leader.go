package actor

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// leaderBodies gives a government body named after the leader who heads it that leader's
// state: "the Biden administration", "the first Trump administration", "the Sharif
// government" and "Prime Minister Shehbaz Sharif's administration" are the government of
// that state, not a bare administration the home state would claim.
func (st *state) leaderBodies() {
	st.giveOwnersState(leaderHeaded, st.leaderBefore)
}

// leaderHeaded reports whether a body phrase is one news names after its head.
func leaderHeaded(phrase string) bool {
	switch phrase {
	case "administration", "government", "cabinet", "regime":
		return true
	}
	return false
}

// leaderBefore returns the government person named just before token i, with or without a
// possessive ending: "Biden" in "the Biden administration", "Sharif" in "Sharif's government".
func (st *state) leaderBefore(i int) *entity {
	k := i - 1
	if k >= 0 && st.toks[k].is(tPoss) {
		k--
	}
	if k < 0 || st.used[k] < 0 || !st.sameSeg(k, i) {
		return nil
	}
	o := st.ents[st.used[k]]
	if o.a.Kind != model.KindPerson || o.a.Country == "" || o.a.Sector != "GOV" {
		return nil
	}
	return o
}

// beforePossessive returns the token where a name before token k ends when a possessive
// ending, and at most two lower-case words, stand between them ("the United Nations'
// highest court", "the UN's nuclear watchdog"), else k. A bare apostrophe counts only right
// after a word ending in s.
func (st *state) beforePossessive(k int) int {
	x := k
	for n := 0; n < 2 && x > 0 && st.sameSeg(x-1, k); n++ {
		t := &st.toks[x-1]
		if !t.is(tWord) || t.is(tCap) || t.is(tPoss) || st.g.is(gDeterminer, t) || st.g.is(gConnector, t) || st.g.is(gAux, t) {
			break
		}
		x--
	}
	if x < 2 {
		return k
	}
	p, w := &st.toks[x-1], &st.toks[x-2]
	switch {
	case p.is(tPoss) && st.sameSeg(x-2, x-1):
		return x - 1
	case (p.text == "'" || p.text == "’") && p.start == w.end && strings.HasSuffix(w.lower, "s"):
		return x - 1
	}
	return k
}
