package event

import "slices"

// profferer reads the owner of what a rejection or accusation is aimed at when it is
// something one side puts to another and a possessive pronoun names the owner: in "the
// United States warned Iran ..., as Tehran rejected its offer", "its" is the United States,
// not Tehran, since a side rarely rejects its own offer. When the object is such a phrase and
// the pronoun is unresolved or resolved to the actor's own state, the owner is the nearest
// earlier actor of another state, in this sentence or the one before; with none, tgt stays.
// e is the token after the trigger.
func (s *sentence) profferer(typ string, src, tgt []int, e int) []int {
	if typ != "REJECT" && typ != "ACCUSE" || len(src) == 0 || len(tgt) > 1 || !s.proffered(e) {
		return tgt
	}
	own := map[string]bool{}
	for _, mi := range src {
		own[s.doc.Actors[s.ments[mi].actor].Country] = true
	}
	if len(tgt) == 1 && !own[s.doc.Actors[s.ments[tgt[0]].actor].Country] {
		return tgt // the pronoun already stands for another side
	}
	from := s.span.Start
	if s.index > 0 {
		from = s.sents[s.index-1].Start
	}
	for k := slices.Min(src); k >= 0 && s.ments[k].Start >= from; k-- {
		if c := s.doc.Actors[s.ments[k].actor].Country; c != "" && !own[c] {
			return []int{k}
		}
	}
	return tgt
}

// proffered reports whether the tokens from e are a possessive pronoun and, within three
// words, a noun of the proffer cue set ("its offer", "their latest proposal").
func (s *sentence) proffered(e int) bool {
	if e >= len(s.toks) {
		return false
	}
	switch s.toks[e].low {
	case "its", "their":
	default:
		return false
	}
	for j := e + 1; j < len(s.toks) && j <= e+3; j++ {
		t := s.toks[j]
		if s.c.proffer[t.low] {
			return true
		}
		if t.mention >= 0 || !isLetterStart(t.low) {
			return false
		}
	}
	return false
}

// refusedObject finds the recipient of a refusal in the infinitive it refuses, from token e
// after its verb: the side one refuses to meet, recognise or face is the one refused ("Kenya
// has refused to attend a hearing by the court", "declined to meet with Trump").
func (s *sentence) refusedObject(p *Pattern, e int) []int {
	q := *p
	q.Kind, q.Obj, q.Preps = KindNoun, true, []string{"by", "with"}
	return s.object(&q, e)
}

// proposer finds whom a refusal with no recipient answers: the subject of a verb of proposing
// earlier in the sentence, when it is of another state than the one refusing ("the Chinese
// side proposed a minimum price, but the European side refused"). i is the refusal's verb.
func (s *sentence) proposer(src []int, i int) []int {
	if len(src) == 0 {
		return nil
	}
	own := s.doc.Actors[s.ments[src[0]].actor].Country
	for j := i - 1; j >= 0; j-- {
		if t := s.toks[j]; t.mention >= 0 || !s.c.propose[t.lemma] {
			continue
		}
		if by := s.subject(j); len(by) > 0 {
			if c := s.doc.Actors[s.ments[by[0]].actor].Country; c != "" && c != own {
				return by
			}
		}
		return nil
	}
	return nil
}
