package event

import "github.com/tidings-news/tidings/internal/model"

// titleStart returns the first token of the title before the person mention that starts at
// token b ("outgoing Canadian Prime Minister Justin Trudeau"): capitalised words that are no
// mention, the person's own state before them, and one modifier right after a conjunction.
// It returns b when no title stands there, or when the mention is no person.
func (s *sentence) titleStart(b int) int {
	a := &s.doc.Actors[s.ments[s.toks[b].mention].actor]
	if a.Kind != model.KindPerson {
		return b
	}
	n := b
	for n > 0 && b-n < 4 && s.toks[n-1].mention < 0 && s.capitalised(n-1) {
		n--
	}
	if n == b {
		return b
	}
	if n > 0 && s.toks[n-1].mention >= 0 && !s.toks[n-1].partial {
		o := &s.doc.Actors[s.ments[s.toks[n-1].mention].actor]
		if o.Kind == model.KindCountry && o.Country == a.Country {
			n = s.mentionStart(n - 1)
		}
	}
	if n > 1 {
		w, before := s.toks[n-1].low, s.toks[n-2].low
		if (before == "and" || before == ",") && isLetterStart(w) && !s.c.det[w] && !s.c.prep[w] && !s.c.boundary[w] && !s.c.be[w] && !s.c.aux[w] {
			n-- // "and outgoing Canadian Prime Minister ..."
		}
	}
	return n
}
