package event

import "strings"

// participleSubject finds the actor of a participle that opens a clause after a comma
// ("senators sent a letter to Rubio about the scheme, urging him to act", "the House voted,
// calling for a probe"): the subject of the sentence, the first actor named before the comma
// outside a prepositional phrase, not a possessive and not a verb's object. It returns nil when
// the trigger at i is no such participle or no such subject stands before it.
func (s *sentence) participleSubject(i int) []int {
	if i < 2 || s.toks[i-1].low != "," || !strings.HasSuffix(s.toks[i].low, "ing") {
		return nil
	}
	for j := 0; j < i-1; j++ {
		t := s.toks[j]
		if t.mention < 0 {
			if s.c.boundary[t.low] && t.low != "," {
				return nil // "..., who said that X, urging": another clause
			}
			continue
		}
		k := s.mentionStart(j)
		e := s.mentionEnd(j)
		if s.prepBefore(k) == "" && !s.isPossessive(e) && !s.isObject(k) {
			return s.group(s.countryHead(k, e))
		}
		j = e
	}
	return nil
}
