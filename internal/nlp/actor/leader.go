package actor

import "github.com/tidings-news/tidings/internal/model"

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
