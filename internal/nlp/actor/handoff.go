package actor

// handoff reports whether the name at tokens s..e is a reporter handed the story in a
// broadcast or web hand-off, whose name is the newsroom's as in a credit line: a sentence that
// is only "Jane Doe has more from Nairobi.", "Jane Doe has this report." or "Jane Doe reports
// from Nairobi.", or an embed label "WATCH: Jane Doe's video report".
func (st *state) handoff(s, e int) bool {
	toks := st.toks
	if s >= 2 && st.sameSeg(s-2, s) && toks[s-1].text == ":" && (toks[s-2].lower == "watch" || toks[s-2].lower == "listen") {
		k := e
		if k < len(toks) && toks[k].is(tPoss) {
			k++
			if k < len(toks) && (toks[k].lower == "video" || toks[k].lower == "audio") {
				k++
			}
			return k < len(toks) && toks[k].lower == "report"
		}
	}
	if s > 0 && st.sameSeg(s-1, s) || e+1 >= len(toks) || !st.sameSeg(s, e+1) {
		return false
	}
	end := e
	for end < len(toks) && st.sameSeg(s, end) {
		end++
	}
	const maxHandoff = 7 // words after the name: "has more from the capital, Nairobi."
	if end-e > maxHandoff {
		return false
	}
	v, n := toks[e].lower, toks[e+1].lower
	switch {
	case v == "has" && n == "more":
		return true
	case v == "has" && (n == "this" || n == "the") && e+2 < end && (toks[e+2].lower == "report" || toks[e+2].lower == "story"):
		return true
	case v == "reports" && n == "from":
		return true
	}
	return false
}
