package event

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// maxWish bounds how far before the governing verb a verb of wishing may stand to make the
// event only wished for ("hopes that Iran will soon free them").
const maxWish = 6

// certainty reads the modality of the event whose governing verb is at head: it returns the
// certainty ("negated" when a negation cancels it), who the event is attributed to, and false
// when the trigger is only the content of another act.
func (s *sentence) certainty(head int, m match, src []int) (string, string, bool) {
	cert := model.CertaintyAsserted
	attributed := ""
	if s.coordinatedInfinitive(head) {
		return "", "", false
	}
	// "refrain from discussing", "barred from meeting", "stopped them from attacking": a
	// gerund after "from" is kept from happening
	if m.p.Kind == KindVerb && head == m.start && head > 0 && s.toks[head-1].low == "from" && strings.HasSuffix(s.toks[head].low, "ing") {
		return "", "", false
	}
	// the auxiliary chain before the governing verb: "has not", "will", "could", "to"
	for j := head - 1; j >= 0 && j >= head-5; j-- {
		w := s.toks[j].low
		switch {
		case s.c.negation[w]:
			if w == "no" && m.p.Kind == KindVerb && head == m.start {
				return "", "", false // "no signs": a noun after all
			}
			return "negated", "", true
		case w == "longer" && j > 0 && s.toks[j-1].low == "no":
			return "negated", "", true // "will no longer recognize"
		case w == "to":
			if j == 0 {
				return "", "", false
			}
			prev := s.toks[j-1]
			if prev.low == "first" || prev.low == "last" || prev.low == "only" {
				goto chainDone // "was the first to reject": it happened
			}
			if s.c.intent[prev.lemma] || s.c.intent[prev.low] || s.c.be[prev.low] {
				cert = model.CertaintyFuture
				goto chainDone
			}
			// "agree to", "call on X to": only the content of the other act
			return "", "", false
		case w == "will" || w == "shall" || w == "'ll" || w == "would":
			cert = model.CertaintyFuture
		case w == "could" || w == "might" || w == "may":
			cert = model.CertaintyHypothetical
		case s.c.aux[w] || s.c.be[w] || strings.HasSuffix(w, "ly"):
		default:
			if s.toks[j].mention >= 0 {
				goto chainDone
			}
			if s.c.det[w] && m.p.Kind == KindNoun && head == m.start {
				continue
			}
			goto chainDone
		}
	}
chainDone:
	// "no talks", "without sanctions"
	if m.p.Kind == KindNoun && head == m.start {
		for j := m.start - 1; j >= 0 && j >= m.start-3; j-- {
			w := s.toks[j].low
			if w == "no" || w == "without" {
				return "negated", "", true
			}
			if !s.c.det[w] && isLetterStart(w) && s.toks[j].mention < 0 {
				continue
			}
			break
		}
	}
	// the rest of the clause before the trigger: hedges, conditionals, denials, attribution
	for j := head - 1; j >= 0; j-- {
		w := s.toks[j].low
		if w == ";" {
			break
		}
		switch {
		case s.c.wish[w] && head-j <= maxWish:
			return "", "", false // "we hope we'll round up the cartels": a wish, no act
		case w == "if" || w == "unless":
			if cert == model.CertaintyAsserted {
				cert = model.CertaintyHypothetical
			}
		case s.c.deny[w] && j < m.start && !s.isTriggerDeny(m):
			cert = model.CertaintyDenied
		case w == "allegedly" || w == "alleged" || w == "purportedly" ||
			j < m.start && (s.toks[j].lemma == "accuse" || s.toks[j].lemma == "allege") && j != m.start:
			if cert == model.CertaintyAsserted {
				cert = model.CertaintyAlleged
			}
		case w == "reportedly":
			if cert == model.CertaintyAsserted {
				cert = model.CertaintyReported
			}
		}
	}
	for j := m.end; j < len(s.toks) && j < m.end+4; j++ {
		w := s.toks[j].low
		if w == "allegedly" {
			cert = model.CertaintyAlleged
		} else if w == "reportedly" {
			cert = model.CertaintyReported
		}
	}
	// "according to X"
	for j := 0; j+1 < len(s.toks); j++ {
		if s.toks[j].low == "according" && s.toks[j+1].low == "to" {
			attributed = s.attribution(j + 2)
			if cert == model.CertaintyAsserted {
				cert = model.CertaintyReported
			}
			break
		}
	}
	// "X said (that) Y did Z": reported by X when X is not the actor
	if attributed == "" {
		if who, ok := s.sayer(head, src); ok {
			attributed = who
			if cert == model.CertaintyAsserted {
				cert = model.CertaintyReported
			}
		}
	}
	return cert, attributed, true
}

// coordinatedInfinitive reports whether the base-form verb at head is the second half of an
// infinitive that is only the content of a request ("urge Afghanistan to hold them
// accountable and cooperate with Pakistan").
func (s *sentence) coordinatedInfinitive(head int) bool {
	t := s.toks[head]
	if head == 0 || t.low != t.lemma || s.toks[head-1].low != "and" && s.toks[head-1].low != "or" {
		return false
	}
	for j := head - 2; j >= 0 && j >= head-16; j-- {
		w := s.toks[j].low
		if w == "to" && j > 0 {
			prev := s.toks[j-1]
			return !s.c.intent[prev.lemma] && !s.c.be[prev.low]
		}
		if s.c.boundary[w] || s.c.say[w] || s.c.lem.isPastForm(w) && s.toks[j].mention < 0 {
			return false
		}
	}
	return false
}

func (s *sentence) isTriggerDeny(m match) bool {
	return s.c.deny[s.toks[m.start].low]
}

// attribution returns the source named after "according to": an actor mention in the phrase,
// else the words up to the next comma.
func (s *sentence) attribution(from int) string {
	end := from
	for end < len(s.toks) && end < from+12 && s.toks[end].low != "," && s.toks[end].low != "." {
		end++
	}
	for j := from; j < end; j++ {
		if s.toks[j].mention >= 0 {
			k := s.mentionEnd(j)
			txt := s.doc.Text[s.toks[j].start:s.toks[k].end]
			if j > from && s.toks[j-1].low == "the" {
				txt = "the " + txt
			}
			return txt
		}
	}
	if end == from {
		return ""
	}
	return s.doc.Text[s.toks[from].start:s.toks[end-1].end]
}

// sayer finds a verb of saying before the governing verb whose subject is not the event's
// actor: it returns that subject's words.
func (s *sentence) sayer(head int, src []int) (string, bool) {
	srcActors := map[int]bool{}
	for _, mi := range src {
		srcActors[s.ments[mi].actor] = true
	}
	for j := head - 1; j >= 0; j-- {
		t := s.toks[j]
		if t.mention >= 0 || !s.c.say[t.low] {
			continue
		}
		subj := s.subject(j)
		if len(subj) == 0 {
			return "", false
		}
		if srcActors[s.ments[subj[0]].actor] {
			return "", false
		}
		m := s.ments[subj[0]]
		return s.doc.Text[m.Start:m.End], true
	}
	return "", false
}

// date dates the event whose trigger covers tokens [trig, end): a time expression of its
// clause, else of its sentence, else the publication date. A time inside an infinitive after
// the trigger dates what was agreed, planned or sought ("agreed to meet again in June"), not
// the event, and is passed over.
func (s *sentence) date(head, trig, end int) model.EventDate {
	var best *model.Time
	bestDist := 1 << 30
	lo, hi := s.clause(min(head, trig))
	content := s.infinitiveAfter(end-1, hi)
	for i := range s.doc.Times {
		t := &s.doc.Times[i]
		if t.Start < s.span.Start || t.End > s.span.End || !usableDate(t) {
			continue
		}
		if t.Start >= content && t.End <= hi {
			continue
		}
		d := abs(t.Start - s.toks[trig].start)
		if t.Start >= lo && t.End <= hi {
			d -= 1 << 20 // within the clause: preferred
		}
		if d < bestDist {
			best, bestDist = t, d
		}
	}
	if best != nil {
		return model.EventDate{Value: best.Value, Text: best.Text}
	}
	v := s.doc.Published
	if len(v) > 10 {
		v = v[:10]
	}
	return model.EventDate{Value: v}
}

// infinitiveAfter returns the byte offset of the first "to" from token k on, before byte hi,
// that opens an infinitive (a word follows that is neither a name nor a determiner: "to meet",
// not "to the ceasefire" or "to Russia"); the end of the sentence when there is none.
func (s *sentence) infinitiveAfter(k, hi int) int {
	for j := max(k, 0); j+1 < len(s.toks) && s.toks[j+1].end <= hi; j++ {
		if s.toks[j].low != "to" {
			continue
		}
		n := &s.toks[j+1]
		if n.mention < 0 && !s.c.det[n.low] && isLetterStart(n.low) && !startsUpper(s.doc.Text[n.start:n.end]) && !s.c.quantity[n.low] {
			return s.toks[j].start
		}
	}
	return s.span.End
}

// clause returns the byte range of the clause around token i.
func (s *sentence) clause(i int) (int, int) {
	lo, hi := s.toks[0].start, s.toks[len(s.toks)-1].end
	for j := i - 1; j >= 0; j-- {
		if w := s.toks[j].low; w == ";" || s.c.boundary[w] && !s.c.relative[w] && w != "that" {
			lo = s.toks[j].end
			break
		}
	}
	for j := i + 1; j < len(s.toks); j++ {
		if w := s.toks[j].low; w == ";" || s.c.boundary[w] && !s.c.relative[w] && w != "that" {
			hi = s.toks[j].start
			break
		}
	}
	return lo, hi
}

func usableDate(t *model.Time) bool {
	if t.Type == "DURATION" || t.Type == "SET" || t.Value == "" {
		return false
	}
	c := t.Value[0]
	return c >= '0' && c <= '9'
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// score returns the PLOVER conflict-cooperation score of a type and mode.
func (c *Coder) score(typ, mode string) float64 {
	if v, ok := c.scores[typ+"/"+strings.ToLower(mode)]; ok {
		return v
	}
	return c.scores[typ+"/"]
}
