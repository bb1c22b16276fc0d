package event

// occasionPrep reports the prepositions that make a meeting the occasion of another act:
// "said during a visit to Beijing", "told Trump in phone conversations", "announced on a
// visit to Paris".
func occasionPrep(w string) bool { return w == "during" || w == "in" || w == "on" }

// occasion finds the actors of a meeting noun at token i inside a prepositional phrase that
// sets the occasion of another verb: the actor is that verb's subject ("Sanchez said during a
// visit to Beijing"); a direct object of the verb right before the phrase is the recipient
// ("Sheinbaum told Trump in a phone call"). It returns nil when the noun stands in no such
// phrase.
func (s *sentence) occasion(i int) (src, obj []int) {
	p := i - 1
	for n := 0; p >= 0 && n < 3; n++ {
		t := s.toks[p]
		if t.mention >= 0 || s.c.prep[t.low] || s.c.boundary[t.low] || !isLetterStart(t.low) {
			break
		}
		p-- // determiners and modifiers: "during a brief state visit"
	}
	if p < 1 || !occasionPrep(s.toks[p].low) {
		return nil, nil
	}
	k := p - 1
	if s.toks[k].mention < 0 {
		if !isLetterStart(s.toks[k].low) || s.c.prep[s.toks[k].low] || s.c.det[s.toks[k].low] {
			return nil, nil
		}
		return s.subject(p), nil
	}
	start := s.mentionStart(k)
	if !s.isObject(start) {
		return nil, nil
	}
	return s.subject(start), s.group(start, k)
}
