package event

// nounListGoesOn reports whether the comma at token j sits inside a list of things that make
// up one object and after which the object's prepositional phrase follows: "fired tear gas,
// rubber bullets and water cannon at demonstrators", "sent food, tents, and medicine to the
// survivors". Each further item is one to three lower-case words naming no actor, the last
// after "and" or "or", and a preposition must come right after the last item.
func (s *sentence) nounListGoesOn(j int) bool {
	words, conj := 0, false
	for k := j + 1; k < len(s.toks) && k <= j+maxReach; k++ {
		t := s.toks[k]
		switch {
		case t.mention >= 0, s.c.boundary[t.low], t.low == ".":
			return false
		case t.low == "and" || t.low == "or":
			if conj || (words == 0 && s.toks[k-1].low != ",") {
				return false
			}
			conj, words = true, 0
		case t.low == ",":
			if words == 0 || conj {
				return false
			}
			words = 0
		case s.c.prep[t.low]:
			return conj && words > 0
		case s.c.det[t.low]:
		case !isLetterStart(t.low) || startsUpper(s.doc.Text[t.start:t.end]) || s.c.be[t.low] || s.c.aux[t.low]:
			return false
		default:
			words++
			if words > 3 {
				return false
			}
		}
	}
	return false
}

// countAt reports whether token j belongs to a count before a noun ("at least 12", "more than
// 200", "up to 30 people"): its "at", "than" or "to" is no preposition of the phrase.
func (s *sentence) countAt(j int) bool {
	prev, next := "", ""
	if j > 0 {
		prev = s.toks[j-1].low
	}
	if j+1 < len(s.toks) {
		next = s.toks[j+1].low
	}
	switch s.toks[j].low {
	case "at":
		return next == "least" || next == "most"
	case "least", "most":
		return prev == "at"
	case "than":
		return prev == "more" || prev == "fewer" || prev == "less"
	case "up":
		return next == "to" && j+2 < len(s.toks) && isDigitStart(s.toks[j+2].low)
	case "to":
		return prev == "up" && isDigitStart(next)
	}
	return false
}
