package event

import (
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// maxReach bounds how far (in tokens) arguments are looked for around a trigger.
const maxReach = 18

// build turns a pattern match into an event, or reports false when the match is not one: no
// actor with a country, a negation, an infinitive that is only the content of another act.
func (s *sentence) build(m match) (model.Event, bool) {
	p := m.p
	// head is the token whose clause and modality govern the event: the trigger itself, or for
	// a noun the light verb that carries it ("issued threats").
	head := m.start
	var src, tgt []int // mention indices
	var passive, byState bool
	if p.Kind == KindVerb && s.participleAfterVerb(m.start) {
		return model.Event{}, false // "Iran released kidnapped sailors": whoever kidnapped them
	}
	if p.Kind == KindVerb && s.titleBetween(m.start, m.end) {
		return model.Event{}, false // "VOA host Masih Alinejad": a title, no hosting
	}
	switch p.Kind {
	case KindVerb:
		passive = s.isPassive(m.start)
		if passive && m.start > 0 && s.toks[m.start-1].mention < 0 && !s.c.be[s.toks[m.start-1].low] &&
			!s.c.aux[s.toks[m.start-1].low] && !strings.HasSuffix(s.toks[m.start-1].low, "ly") {
			src = s.byAgent(m.end) // "a meeting requested by X": the noun before is the recipient
		} else if passive {
			tgt = s.subjectFrom(m.start, false)
			src = s.byAgent(m.end)
			if len(src) == 0 && p.FromSource {
				src = s.fromActor(m.end)
			}
			byState = len(src) == 0 && !s.c.ouster[s.toks[m.start].lemma] && !s.c.ouster[s.toks[m.start].wide] && s.stateAgent(p.Type, tgt)
		} else {
			src = s.participleSubject(m.start)
			if len(src) == 0 {
				src = s.subject(m.start)
			}
			if len(src) == 0 {
				src = s.parseSubject(s.toks[m.start].start)
			}
			if len(src) == 0 {
				src = s.documentIssuer(m.start) // "The statement threatened sanctions"
			}
			tgt = s.profferer(p.Type, src, s.object(p, m.end), m.end)
			if len(tgt) == 0 && p.Type == "REJECT" {
				tgt = s.proposer(src, m.start)
			}
			if len(tgt) == 0 && (p.Type == "SUPPORT" || p.Type == "AGREE" || p.Type == "REJECT") {
				tgt = s.caller(src, m.end) // "Greece also supported the call"
			}
			if len(tgt) == 0 && refusal(p) {
				tgt = s.refusedPartner(m.end) // "pulled out of the talks with Kyiv"
			}
		}
		if p.Inverse {
			src, tgt = tgt, src
		}
	case KindNoun:
		pre := s.premodifier(m.start)
		if s.placeModifier(pre, p.Type) {
			pre = nil // "the Doha agreement", "the Singapore summit": where, not who
		}
		if lv := s.lightVerb(m.start); lv >= 0 {
			head = lv
		}
		if p.PossTarget {
			tgt = pre
			if head != m.start {
				src = s.subject(head)
			}
			if len(src) == 0 {
				src = s.byAgent(m.end)
			}
		} else {
			src = pre
			if len(src) == 0 && head != m.start {
				src = s.subject(head)
			}
			tgt = s.object(p, m.end)
		}
		if len(src) == 0 && !p.PossTarget && m.end < len(s.toks) && s.toks[m.end].low == "by" {
			src = s.byAgent(m.end) // "a visit by Indian Prime Minister Narendra Modi to Mauritius"
		}
		if len(src) == 0 && p.allows("between") {
			if g := s.betweenGroup(m.end); len(g) > 1 {
				src, tgt = g[:1], g[1:]
			}
		}
		if len(src) == 0 && p.Type == "CONSULT" && head == m.start {
			var obj []int
			if src, obj = s.occasion(m.start); len(tgt) == 0 {
				tgt = obj
			}
		}
		if len(src) == 0 && p.Loc {
			src = s.place(m.start, m.end)
		}
		if len(src) == 0 && head == m.start && !p.PossTarget {
			src = s.relativeCarrier(m.end)
		}
		if len(src) == 0 && !p.PossTarget {
			// "Following talks with X, Modi...", "In announcing the sanctions on X, Blinken..."
			src = s.frontedSubject(head, m.end)
		}
	case KindJudgement:
		if len(p.Words) == 1 && s.c.predicative[p.Words[0]] && !s.predicate(m.start, m.end) {
			return model.Event{}, false // "illegal mining", "dangerous roads"
		}
		src, tgt = s.judgement(m.start, m.end, s.c.prep[p.Words[len(p.Words)-1]])
	}
	if len(src) == 0 && !byState {
		return model.Event{}, false
	}
	if p.Type == "CONSULT" && p.Kind == KindVerb && s.metWithReaction(m.end) {
		return model.Event{}, false // "the plan met with criticism": a reception, no meeting
	}
	if p.Kind == KindVerb && m.end < len(s.toks) && (s.toks[m.end].low == "no" || s.toks[m.end].low == "nothing") {
		return model.Event{}, false // "offered no evidence"
	}
	if m.end+1 < len(s.toks) && s.toks[m.end].low == "to" && s.c.noComment[s.toks[m.end+1].low] {
		return model.Event{}, false // "refused to comment"
	}
	typ, mode := p.Type, p.Mode
	cert, attributed, ok := s.certainty(head, m, src)
	if !ok {
		return model.Event{}, false
	}
	if cert == "negated" {
		// a refused agreement is a rejection; other negated events did not happen
		if typ != "AGREE" && typ != "SUPPORT" {
			return model.Event{}, false
		}
		typ, mode, cert = "REJECT", "", model.CertaintyAsserted
	}
	if cert == model.CertaintyFuture {
		switch typ {
		case "CONSULT", "SUPPORT", "COOPERATE", "AID":
			typ, mode = "AGREE", ""
		}
	}
	if cert == model.CertaintyHypothetical {
		// "Beijing hinted that it could retaliate with tariffs": force held out is a threat
		// of it (a decision announced for later, "would cease aid", stays what it is)
		switch typ {
		case "SANCTION", "COERCE", "ASSAULT":
			typ, mode = "THREATEN", ""
		}
	}
	ev := model.Event{
		Type:         typ,
		Mode:         mode,
		Certainty:    cert,
		AttributedTo: attributed,
		Sentence:     s.span,
		Trigger:      model.Span{Start: s.toks[m.start].start, End: s.toks[m.end-1].end},
	}
	ev.Source = s.actorIDs(src)
	if byState {
		ev.Source = []string{s.doc.Actors[s.home].ID}
	}
	ev.Target = s.actorIDs(tgt)
	// events need an actor with a country; a recipient that is only a regional construct
	// ("the West") makes no event
	ev.Source = s.withCountry(ev.Source)
	if len(ev.Source) == 0 {
		return model.Event{}, false
	}
	hadTarget := len(ev.Target) > 0
	if len(s.withCountry(ev.Target)) == 0 && (typ == "COERCE" || typ == "ASSAULT") && p.Kind == KindVerb && !passive {
		// "the security forces have arrested at least 2,400 people": its own people
		if id := s.ownPeople(ev.Source, m.end); id != "" {
			ev.Target = []string{id}
			hadTarget = true
		}
	}
	unnamedStates := s.unnamedStates(ev.Target)
	ev.Target = s.withCountry(ev.Target)
	if hadTarget && len(ev.Target) == 0 && !unnamedStates {
		return model.Event{}, false
	}
	if typ == "CONSULT" && s.civilians(ev.Source) {
		return model.Event{}, false // tourists visiting a country hold no consultation
	}
	ev.Target = slices.DeleteFunc(ev.Target, func(id string) bool { return slices.Contains(ev.Source, id) })
	if hadTarget && len(ev.Target) == 0 {
		s.selfAimed[ev.Trigger] = true
	}
	if len(ev.Target) == 0 && !hadTarget && p.Kind == KindVerb && !passive && p.Obj && s.unnamedSides(m.end) {
		unnamedStates = true // "called on all sides to stop": a real demand, of no one named
	}
	if len(ev.Target) == 0 && !unnamedStates && !p.Optional && !s.aimedAtHome(&ev) && (p.Solo || !reciprocalType(typ) || !s.severalCountries(ev.Source)) {
		return model.Event{}, false // a joint event ("Putin and Trump met") needs no recipient
	}
	ev.Date = s.date(head, m.start, m.end)
	ev.Score = s.c.score(ev.Type, ev.Mode)
	return ev, true
}

// stateAgent reports whether a passive sanction or coercion that names no agent ("Gachagua
// was impeached", "two journalists were arrested on Monday") was done by the state of a story
// about one country: its recipients are all that country's own people or bodies. Verbs of
// losing power ("was ousted", the ouster cue set) are left out.
func (s *sentence) stateAgent(typ string, tgt []int) bool {
	if s.home < 0 || len(tgt) == 0 || typ != "SANCTION" && typ != "COERCE" {
		return false
	}
	home := &s.doc.Actors[s.home]
	for _, mi := range tgt {
		if a := &s.doc.Actors[s.ments[mi].actor]; a.Country != home.Country || a.ID == home.ID {
			return false
		}
	}
	return true
}

// unnamedSides reports whether the direct object after token e is the parties to a dispute,
// unnamed: "all sides", "the parties concerned", "both warring factions" (the sides cue set).
func (s *sentence) unnamedSides(e int) bool {
	for j := e; j < len(s.toks) && j < e+4; j++ {
		t := &s.toks[j]
		switch {
		case t.mention >= 0:
			return false
		case s.c.sides[t.low]:
			return true
		case s.c.det[t.low] || t.low == "relevant" || t.low == "warring" || t.low == "each" || t.low == "other":
		default:
			return false
		}
	}
	return false
}

// severalCountries reports whether the actors belong to more than one country.
func (s *sentence) severalCountries(ids []string) bool {
	first := ""
	for _, id := range ids {
		if a := s.doc.Actor(id); a != nil && a.Country != "" {
			if first != "" && a.Country != first {
				return true
			}
			first = a.Country
		}
	}
	return false
}

// placeModifier reports whether a single modifier before a noun names a place rather than an
// actor: a capital ("the Doha agreement"), or for a meeting any country named by its name
// ("the Singapore summit"; "Russian talks" and "Russia's talks" still name a side).
func (s *sentence) placeModifier(pre []int, typ string) bool {
	if len(pre) != 1 {
		return false
	}
	m := s.ments[pre[0]]
	a := &s.doc.Actors[m.actor]
	if a.Kind != model.KindCountry {
		return false
	}
	rest := s.doc.Text[m.End:]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "-") {
		return false
	}
	return m.via == "capital" || typ == "CONSULT" && m.via != "demonym"
}

// civilians reports whether every actor is a group of civilians.
func (s *sentence) civilians(ids []string) bool {
	for _, id := range ids {
		if a := s.doc.Actor(id); a == nil || a.Kind != model.KindGroup || a.Sector != "CVL" {
			return false
		}
	}
	return len(ids) > 0
}

// actorIDs maps mention indices to distinct actor ids, in order.
func (s *sentence) actorIDs(ms []int) []string {
	var out []string
	for _, mi := range ms {
		m := &s.ments[mi]
		for k := -1; k < len(m.also); k++ {
			ai := m.actor
			if k >= 0 {
				ai = m.also[k]
			}
			if id := s.doc.Actors[ai].ID; id != "" && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// ownPeople returns the state the source acts for, as an actor of the article, when the
// verb's object is people the text does not say whose they are ("arrested at least 2,400
// people", "killed dozens of protesters"); "" otherwise.
func (s *sentence) ownPeople(source []string, from int) string {
	j := from
	for ; j < len(s.toks) && j < from+6; j++ {
		w := s.toks[j].low
		if s.toks[j].mention >= 0 && !s.c.victims[w] {
			return ""
		}
		digits := w != "" && w[0] >= '0' && w[0] <= '9'
		// "2,400" may come as 2 , 400
		grouping := (w == "," || w == ".") && j > from && j+1 < len(s.toks) && isDigitStart(s.toks[j-1].low) && isDigitStart(s.toks[j+1].low)
		if !(s.c.det[w] || s.c.quantity[w] || w == "of" || w == "than" || digits || grouping ||
			w == "dozens" || w == "scores" || w == "hundreds" || w == "thousands") {
			break
		}
	}
	if j == from || j >= len(s.toks) || !s.c.victims[s.toks[j].low] {
		return ""
	}
	country := ""
	for _, id := range source {
		if a := s.doc.Actor(id); a != nil && a.Country != "" {
			if country != "" && a.Country != country {
				return ""
			}
			country = a.Country
		}
	}
	if country == "" {
		return ""
	}
	for i := range s.doc.Actors {
		if a := &s.doc.Actors[i]; a.Kind == model.KindCountry && a.Country == country {
			return a.ID
		}
	}
	return ""
}

func isDigitStart(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// unnamedStates reports whether the actors are all governments or forces of no named state
// ("foreign powers", "world powers"): an event aimed at them is real, with an unknown
// recipient, unlike one aimed at a region ("the West").
func (s *sentence) unnamedStates(ids []string) bool {
	for _, id := range ids {
		a := s.doc.Actor(id)
		if a == nil || a.Country != "" || a.Kind != model.KindGroup || a.Sector != "GOV" && a.Sector != "MIL" {
			return false
		}
	}
	return len(ids) > 0
}

func (s *sentence) withCountry(ids []string) []string {
	out := ids[:0]
	for _, id := range ids {
		if a := s.doc.Actor(id); a != nil && a.Country != "" {
			out = append(out, id)
		}
	}
	return out
}

// mentionStart returns the first token of the mention that token j belongs to.
func (s *sentence) mentionStart(j int) int {
	m := s.toks[j].mention
	for j > 0 && s.toks[j-1].mention == m {
		j--
	}
	return j
}

func (s *sentence) mentionEnd(j int) int {
	m := s.toks[j].mention
	for j+1 < len(s.toks) && s.toks[j+1].mention == m {
		j++
	}
	return j
}

// prepBefore returns the preposition that governs the mention starting at token k, skipping
// determiners and one modifier ("with his Iranian counterpart"), or "" when none does.
func (s *sentence) prepBefore(k int) string {
	skipped := 0
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := s.toks[j].low
		switch {
		case s.c.prep[w]:
			return w
		case w == "and" || w == "or":
			// a later conjunct shares the preposition of the first: "on the US and Israel"
			for b := j - 1; b >= 0 && b >= j-3; b-- {
				if s.toks[b].mention >= 0 {
					return s.prepBefore(s.mentionStart(b))
				}
				if !s.c.det[s.toks[b].low] {
					break
				}
			}
			return ""
		case s.c.det[w]:
			continue
		case s.toks[j].mention < 0 && isLetterStart(w) && skipped == 0 && !s.c.light[w] && !s.c.boundary[w] && !s.c.aux[w] && !s.c.be[w] && s.toks[j].lemma == w && !s.capitalised(j):
			skipped++
			continue
		}
		return ""
	}
	return ""
}

// betweenCommas reports a mention [k, end] set off by commas, an apposition of the word
// before it ("met in the capital, Bangui, and signed"): no subject of a later verb.
func (s *sentence) betweenCommas(k, end int) bool {
	return k > 0 && end+1 < len(s.toks) && s.toks[k-1].low == "," && s.toks[end+1].low == ","
}

func (s *sentence) isPossessive(end int) bool {
	return end+1 < len(s.toks) && s.toks[end+1].low == "'s"
}

// subject finds the actor of the verb at token i: the nearest mention to its left in the same
// clause that is not inside a prepositional phrase and not a possessive, with the mentions
// coordinated with it. A relative pronoun ("forces, which attacked") sends the search on to
// its antecedent; first-person pronouns in a quote stand for the speaker.
func (s *sentence) subject(i int) []int { return s.subjectFrom(i, true) }

// subjectFrom is subject; followThat says whether a relative "that" after a plain noun may
// send the search on (not for a passive, whose subject is that noun).
func (s *sentence) subjectFrom(i int, followThat bool) []int {
	if a := s.relativeAntecedent(i); a >= 0 {
		return s.group(s.countryHead(s.mentionStart(a), a))
	}
	fallback := -1
	pronoun := false
	// "a court sentenced Dodik and banned him": the second verb shares the first one's subject,
	// so objects of verbs are passed over
	coordinated := i > 0 && (s.toks[i-1].low == "and" || s.toks[i-1].low == "but")
	for j := i - 1; j >= 0 && j >= i-3*maxReach; j-- {
		t := s.toks[j]
		if t.partial {
			continue
		}
		if t.mention < 0 {
			if a := s.partitiveAntecedent(j); a >= 0 {
				return s.group(s.countryHead(s.mentionStart(a), a)) // "demonstrators, some of whom threw rocks"
			}
			if s.c.boundary[t.low] || s.c.subjectStop[t.low] {
				if s.c.relative[t.low] && fallback < 0 {
					continue
				}
				// "The United States announced that it would cease...": an unresolved pronoun
				// right after "that" stands for the subject of the verb before it
				if t.low == "that" && pronoun && fallback < 0 {
					pronoun = false
					continue
				}
				// "Canada and Belgium are among countries that have banned...": a relative
				// "that" after a plain noun sends the search on to the noun's subject
				if followThat && t.low == "that" && fallback < 0 && j > 0 && s.reducedRelative(j-1) && !strings.HasSuffix(s.toks[j-1].low, "ly") {
					continue
				}
				break
			}
			if t.low == "it" || t.low == "they" || t.low == "he" || t.low == "she" {
				// "forces say they killed", "X announced that it would"
				if j > 0 && s.c.say[s.toks[j-1].low] && fallback < 0 {
					continue
				}
				pronoun = j > 0 && s.toks[j-1].low == "that"
			}
			if s.c.pronoun[t.low] && (t.low == "we" || t.low == "i") {
				if m := s.speakerMention(t.start); m >= 0 {
					return []int{m}
				}
			}
			continue
		}
		k := s.mentionStart(j)
		prep := s.prepBefore(k)
		if coordinated && (s.isObject(k) || s.betweenCommas(k, j)) {
			j = k
			continue
		}
		switch {
		case s.isPossessive(j):
			if fallback < 0 {
				fallback = j
			}
		case prep == "":
			return s.group(s.countryHead(k, j))
		case s.c.ofprep[prep]:
			if fallback < 0 {
				fallback = j
			}
		}
		j = k
	}
	if fallback >= 0 {
		return s.group(s.mentionStart(fallback), fallback)
	}
	return nil
}

// partitiveAntecedent returns the last token of the mention that a partitive relative at
// token j stands for ("Palestinian demonstrators, some of whom threw rocks": the
// demonstrators), or -1.
func (s *sentence) partitiveAntecedent(j int) int {
	if j < 4 || s.toks[j].low != "whom" && s.toks[j].low != "which" || s.toks[j-1].low != "of" || s.toks[j-3].low != "," {
		return -1
	}
	if s.toks[j-2].mention >= 0 || !isLetterStart(s.toks[j-2].low) || s.toks[j-4].mention < 0 {
		return -1
	}
	return j - 4
}

// relativeAntecedent returns the last token of the mention a comma-closed relative clause
// right before the verb at i describes ("Mhlanga, who faces two charges relating to
// “transmitting data messages,” denies the charges": Mhlanga denies), or -1.
func (s *sentence) relativeAntecedent(i int) int {
	k := i - 1
	for k >= 0 && (s.toks[k].low == "\"" || s.toks[k].low == "”" || s.toks[k].low == "’") {
		k--
	}
	if k < 0 || s.toks[k].low != "," {
		return -1
	}
	for j := k - 1; j >= 2 && j >= k-3*maxReach; j-- {
		w := s.toks[j].low
		if w == ";" || w == ":" || s.toks[j].mention < 0 && s.c.say[w] {
			return -1
		}
		if w != "who" && w != "which" {
			continue
		}
		if s.toks[j-1].low == "," && s.toks[j-2].mention >= 0 {
			return j - 2
		}
		return -1
	}
	return -1
}

// relativeCarrier returns the subject of a relative clause without "that" whose light verb
// carries the noun ending before token e: "the sanctions Washington has imposed on Moscow",
// "the strikes Russia launched on Kyiv".
func (s *sentence) relativeCarrier(e int) []int {
	if e >= len(s.toks) || s.toks[e].mention < 0 {
		return nil
	}
	end := s.mentionEnd(e)
	j := end + 1
	for j < len(s.toks) && j <= end+3 && (s.c.aux[s.toks[j].low] || s.c.be[s.toks[j].low]) {
		j++
	}
	if j >= len(s.toks) || !s.c.light[s.toks[j].lemma] || s.toks[j].mention >= 0 {
		return nil
	}
	return s.group(e, end)
}

// isObject reports whether the mention starting at k follows a verb directly (determiners
// aside): the object of that verb.
func (s *sentence) isObject(k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := s.toks[j].low
		// determiners and counts: "rescued more than 190 passengers"
		if s.c.det[w] || s.c.quantity[w] || w != "" && w[0] >= '0' && w[0] <= '9' {
			continue
		}
		return s.toks[j].mention < 0 && isLetterStart(w) && (s.c.lem.isPastForm(w) || s.triggerAt(j))
	}
	return false
}

// countryHead takes a subject mention [k, j] whose actor has no country ("diplomats",
// "foreign ministers") to the actor that gives it one: a modifier just before it ("G7 foreign
// ministers") or an "of"/"from" phrase just after it ("diplomats from the Group of Seven").
func (s *sentence) countryHead(k, j int) (int, int) {
	if s.hasCountry(s.toks[j].mention) || s.doc.Actors[s.ments[s.toks[j].mention].actor].Kind == model.KindPerson {
		return k, j
	}
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		t := s.toks[b]
		if t.mention < 0 && (s.triggerAt(b) || s.c.light[t.lemma]) {
			break
		}
		if t.mention >= 0 {
			if s.hasCountry(t.mention) && !s.isPossessive(b) {
				return s.mentionStart(b), b
			}
			break
		}
		if !isLetterStart(t.low) || s.c.prep[t.low] || s.c.boundary[t.low] || s.c.lem.isPastForm(t.low) {
			break
		}
	}
	for e := j + 1; e < len(s.toks) && e <= j+4; e++ {
		t := s.toks[e]
		if e == j+1 && t.low != "from" && t.low != "of" && t.low != "in" {
			break
		}
		if t.mention >= 0 {
			if s.hasCountry(t.mention) {
				return e, s.mentionEnd(e)
			}
			break
		}
	}
	return k, j
}

func (s *sentence) hasCountry(mi int) bool { return s.doc.Actors[s.ments[mi].actor].Country != "" }

// speakerMention returns a mention of the speaker of the quote that holds byte offset off.
func (s *sentence) speakerMention(off int) int {
	for _, q := range s.doc.Quotes {
		if q.Start <= off && off < q.End && q.Speaker != "" {
			for mi, m := range s.ments {
				if s.doc.Actors[m.actor].ID == q.Speaker {
					return mi
				}
			}
		}
	}
	return -1
}

// group returns the mention spanning tokens [k, j] and the mentions coordinated with it
// ("the US and Israel", "Putin and Pezeshkian").
func (s *sentence) group(k, j int) []int {
	out := []int{s.toks[j].mention}
	// to the right
	for e := j; ; {
		n := e + 1
		conj := false
		for n < len(s.toks) && n <= e+3 && s.toks[n].mention < 0 {
			w := s.toks[n].low
			if w == "," || w == "and" || w == "or" {
				conj = true
			} else if !s.c.det[w] {
				break
			}
			n++
		}
		if !conj || n >= len(s.toks) || s.toks[n].mention < 0 || s.isPossessiveAt(n) {
			break
		}
		if !s.conjunctionBetween(e+1, n) && !s.listGoesOn(s.mentionEnd(n)) {
			break // "Mauritius, an Indian navy contingent participated": an apposition or a new clause
		}
		if ne := s.mentionEnd(n) + 1; ne < len(s.toks) {
			if w := s.toks[ne].low; s.c.say[w] || s.c.aux[w] || s.c.be[w] {
				break // "fighting the army, and the United Nations says": the subject of a new clause
			}
		}
		out = append(out, s.toks[n].mention)
		e = s.mentionEnd(n)
	}
	// to the left
	for b := k; ; {
		t0 := s.titleStart(b)
		n := t0 - 1
		conj := false
		for n >= 0 && n >= t0-3 && s.toks[n].mention < 0 {
			w := s.toks[n].low
			if w == "," || w == "and" || w == "or" || w == "both" {
				conj = conj || w != "both"
			} else if !s.c.det[w] {
				break
			}
			n--
		}
		if !conj || n < 0 || s.toks[n].mention < 0 {
			break
		}
		if !s.conjunctionBetween(n+1, b) && len(out) < 2 {
			break // "Beyond Ukraine, G7 ministers": no list without a conjunction
		}
		st := s.mentionStart(n)
		out = append(out, s.toks[n].mention)
		b = st
	}
	return out
}

func (s *sentence) conjunctionBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if w := s.toks[j].low; w == "and" || w == "or" {
			return true
		}
	}
	return false
}

// listGoesOn reports whether the mention ending at token e is followed by a further list
// item: a comma or a conjunction and then another mention.
func (s *sentence) listGoesOn(e int) bool {
	for j := e + 1; j < len(s.toks) && j <= e+3; j++ {
		w := s.toks[j].low
		if s.toks[j].mention >= 0 {
			return j > e+1
		}
		if w != "," && w != "and" && w != "or" && !s.c.det[w] {
			return false
		}
	}
	return false
}

func (s *sentence) isPossessiveAt(n int) bool { return s.isPossessive(s.mentionEnd(n)) }

// object finds the recipient to the right of a trigger ending before token e: the direct
// object when the pattern allows one (the first noun phrase), else the object of one of the
// pattern's prepositions, with coordinated mentions.
func (s *sentence) object(p *Pattern, e int) []int {
	prep := ""
	np := 0
	// owner is a possessive inside the recipient's phrase ("commitment to Israel's
	// security"): the recipient when the phrase names no other actor.
	var owner []int
	for j := e; j < len(s.toks) && j < e+maxReach; j++ {
		t := s.toks[j]
		if t.mention >= 0 {
			end := s.mentionEnd(j)
			if end+1 < len(s.toks) && s.toks[end+1].low == "-" && s.toks[end+1].start == s.toks[end].end {
				j = end // "the U.S.-proposed plan": a compound modifier
				np++
				continue
			}
			if (prep != "" || np > 0) && (s.isPossessive(end) || (end+1 < len(s.toks) && s.toks[end+1].low == "'")) {
				// "the United States' biggest trading partners": the head comes later
				if owner == nil && prep != "" && p.allows(prep) {
					owner = s.group(j, end)
				}
				j = end
				continue
			}
			if (prep == "" && p.Obj && np <= 2) || (prep != "" && p.allows(prep)) {
				return s.group(j, end)
			}
			j = end
			np++
			continue
		}
		if t.low == "the" && j+1 < len(s.toks) && (s.toks[j+1].low == "country" || s.toks[j+1].low == "nation") &&
			((prep == "" && p.Obj && np == 0) || (prep != "" && p.allows(prep))) {
			// "threats against the country": the country named last
			if m := s.lastCountryBefore(s.span.Start); m >= 0 {
				return []int{m}
			}
		}
		switch {
		case t.low == "that" && p.Obj && prep == "" && np <= 3:
			// "welcomed the announcement that Ukraine had agreed": the clause's subject; but
			// not after a claim or a fear ("rejected claims that Russia had supplied drones")
			if j > e && s.c.hearsay[s.toks[j-1].lemma] {
				return nil
			}
			for k := j + 1; k < len(s.toks) && k <= j+3; k++ {
				if s.toks[k].mention >= 0 {
					if s.prepBefore(k) == "" {
						return s.group(k, s.mentionEnd(k))
					}
					break
				}
			}
			return nil
		case s.c.boundary[t.low] || t.low == "." || t.low == "and" && prep == "" && np > 0 && len(p.Preps) == 0:
			return owner
		case t.low == "to" && j+1 < len(s.toks) && s.toks[j+1].mention < 0 && !s.c.det[s.toks[j+1].low] &&
			isLetterStart(s.toks[j+1].low) && !s.capitalised(j+1):
			if p.Kind == KindVerb && p.Type == "REJECT" && prep == "" && np == 0 {
				return s.refusedObject(p, j+2) // "refused to attend a hearing by the court"
			}
			if p.Kind == KindVerb {
				return nil // "offered to pay X": the rest belongs to the infinitive
			}
			prep = "to-infinitive" // "threats to use force against Iran": look on for the PP
		case t.low == "of" && (prep != "" && p.allows(prep) || prep == "" && p.Obj && np > 0 && np <= 3):
			// "condemned the brutality of the Myanmar military": the object goes on
			// "tariffs on $20 billion worth of U.S. exports": still the same phrase
		case prep == "" && s.countAt(j):
			// "killed at least 12 soldiers", "arrested more than 200 people": a count
		case s.c.prep[t.low]:
			if owner != nil {
				return owner
			}
			prep, np = t.low, 0
		case t.low == ",":
			if np > 0 && prep == "" && s.nounListGoesOn(j) {
				continue // a list of things, then the phrase that names the recipient
			}
			if np > 0 || prep != "" {
				return owner // the phrase ended without naming an actor
			}
		case t.low == "”" && j > 0 && (s.toks[j-1].low == "," || s.toks[j-1].low == "."):
			return owner // the quotation ends: what follows is its speaker ("were meeting,” he said")
		case isQuoteOrOpen(t.low) || t.low == "’":
		case s.c.det[t.low]:
		default:
			np++
		}
	}
	return owner
}

// byAgent finds the "by" phrase of a passive verb or a nominalisation ("the arrest of X by
// police").
func (s *sentence) byAgent(e int) []int {
	for j := e; j < len(s.toks) && j < e+maxReach; j++ {
		t := s.toks[j]
		if t.mention < 0 && s.c.boundary[t.low] {
			return nil
		}
		if t.low != "by" {
			continue
		}
		for k := j + 1; k < len(s.toks) && k <= j+4; k++ {
			if s.toks[k].mention >= 0 {
				return s.group(k, s.mentionEnd(k))
			}
			if s.c.prep[s.toks[k].low] || s.c.boundary[s.toks[k].low] {
				return nil
			}
		}
		return nil
	}
	return nil
}

// fromActor finds the actor of a passive named by "from" right after the verb ("was expelled
// from the ruling party"): the first mention within a few words of "from", before any other
// preposition or clause boundary.
func (s *sentence) fromActor(e int) []int {
	if e >= len(s.toks) || s.toks[e].low != "from" {
		return nil
	}
	for k := e + 1; k < len(s.toks) && k <= e+4; k++ {
		if s.toks[k].mention >= 0 {
			return s.group(k, s.mentionEnd(k))
		}
		if s.c.prep[s.toks[k].low] || s.c.boundary[s.toks[k].low] {
			return nil
		}
	}
	return nil
}

// isPassive reports whether the verb at i is a past participle after a form of "to be".
func (s *sentence) isPassive(i int) bool {
	if !s.c.lem.isPastForm(s.toks[i].low) {
		return false
	}
	if i+1 < len(s.toks) && s.toks[i+1].low == "by" && i > 0 && s.toks[i-1].mention < 0 && !s.c.aux[s.toks[i-1].low] {
		return true // "a meeting requested by the United States"
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := s.toks[j].low
		if s.c.be[w] {
			return w != "'s" || j+1 == i
		}
		if s.c.aux[w] || s.c.negation[w] || strings.HasSuffix(w, "ly") {
			continue
		}
		return false
	}
	return false
}

// premodifier finds an actor named just before a noun: a possessive ("Pakistan's
// allegation") or a modifier ("the US threats", "India's naval cooperation").
func (s *sentence) premodifier(i int) []int {
	skipped := 0
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := s.toks[j]
		if t.mention >= 0 {
			if skipped > 1 {
				return nil
			}
			k := s.mentionStart(j)
			g := s.group(k, j)
			// "U.S.-Ukraine talks": both sides of a hyphenated pair
			if k >= 2 && s.toks[k-1].low == "-" && s.toks[k-1].end == s.toks[k].start && s.toks[k-2].mention >= 0 &&
				s.toks[k-2].end == s.toks[k-1].start && !slices.Contains(g, s.toks[k-2].mention) {
				g = append(g, s.toks[k-2].mention)
			}
			return g
		}
		switch {
		case t.low == "'s" || s.c.det[t.low] || t.low == "“" || t.low == "\"":
			continue
		case skipped < 2 && isLetterStart(t.low) && !s.c.prep[t.low] && !s.c.light[t.low] && !s.c.boundary[t.low] &&
			!s.c.be[t.low] && !s.c.aux[t.low] && !s.c.negation[t.low] && !s.c.lem.isPastForm(t.low) && !s.triggerAt(j):
			skipped++
			continue
		}
		return nil
	}
	return nil
}

// lightVerb returns the token of a light verb whose object is the noun at i ("held a phone
// call", "issued several threats"), or -1.
func (s *sentence) lightVerb(i int) int {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		t := s.toks[j]
		if t.mention >= 0 {
			continue
		}
		if s.c.light[t.lemma] || s.c.light[t.low] {
			if j > 0 && (s.c.det[s.toks[j-1].low] || s.toks[j-1].low == "'s") {
				return -1 // "the start of protests": a noun, not a light verb
			}
			return j
		}
		if s.c.lem.isPastForm(t.low) || s.triggerAt(j) || s.c.aux[t.low] || s.c.be[t.low] {
			return -1 // another verb governs the noun
		}
		if s.c.det[t.low] || t.low == "'s" || t.low == "of" || t.low == "than" || t.low == "“" || t.low == "\"" ||
			(isLetterStart(t.low) && !s.c.prep[t.low] && !s.c.boundary[t.low] && !s.c.be[t.low]) {
			continue
		}
		return -1
	}
	return -1
}

// betweenGroup returns the mentions of a "between X and Y" phrase after the trigger.
func (s *sentence) betweenGroup(e int) []int {
	for j := e; j < len(s.toks) && j < e+4; j++ {
		if s.toks[j].low != "between" {
			continue
		}
		for k := j + 1; k < len(s.toks) && k <= j+3; k++ {
			if s.toks[k].mention >= 0 {
				return s.group(k, s.mentionEnd(k))
			}
		}
	}
	return nil
}

// place finds the country where an event without a named actor happens ("protests in Iran",
// "the unrest broke out"): a country mention after the trigger in the clause, else the nearest
// one before it in the sentence, else in the two sentences before.
func (s *sentence) place(i, e int) []int {
	for j := e; j < len(s.toks) && j < e+maxReach; j++ {
		t := s.toks[j]
		if t.mention >= 0 {
			k := s.mentionStart(j)
			switch s.prepBefore(k) {
			case "in", "across", "at", "throughout", "inside":
				return []int{t.mention}
			case "":
				if s.c.relative[s.toks[max(k-1, 0)].low] || s.isCountry(t.mention) {
					return []int{t.mention}
				}
			}
			j = s.mentionEnd(j)
			continue
		}
		if t.low == ";" || t.low == "." {
			break
		}
	}
	for j := i - 1; j >= 0; j-- {
		if m := s.toks[j].mention; m >= 0 && s.isCountry(m) {
			return []int{m}
		}
	}
	// the sentences before: the nearest country mentioned
	from := s.span.Start
	lo := from
	if s.index >= 2 {
		lo = s.sents[s.index-2].Start
	} else if s.index == 1 {
		lo = s.sents[0].Start
	}
	for mi := len(s.ments) - 1; mi >= 0; mi-- {
		m := s.ments[mi]
		if m.End > from {
			continue
		}
		if m.Start < lo {
			break
		}
		if s.isCountry(mi) {
			return []int{mi}
		}
	}
	return nil
}

// lastCountryBefore returns the last mention of a country before byte offset off, or -1.
func (s *sentence) lastCountryBefore(off int) int {
	for mi := len(s.ments) - 1; mi >= 0; mi-- {
		if s.ments[mi].End <= off && s.isCountry(mi) {
			return mi
		}
	}
	return -1
}

func (s *sentence) isCountry(mi int) bool {
	a := &s.doc.Actors[s.ments[mi].actor]
	return a.Kind == model.KindCountry && a.Country != ""
}

// frontedSubject finds the actor of a noun in a fronted phrase ("Following talks with X,
// Modi announced..."): the subject of the main clause after the comma.
func (s *sentence) frontedSubject(i, e int) []int {
	for j := i - 1; j >= 0; j-- {
		if s.toks[j].mention >= 0 || s.toks[j].low == "," {
			return nil
		}
	}
	if i > 3 {
		return nil
	}
	for j := e; j < len(s.toks) && j < e+maxReach; j++ {
		if s.toks[j].low != "," {
			continue
		}
		for k := j + 1; k < len(s.toks) && k <= j+4; k++ {
			if s.toks[k].mention >= 0 && s.prepBefore(k) == "" {
				return s.group(k, s.mentionEnd(k))
			}
		}
		return nil
	}
	return nil
}

// mentionBefore reports whether an actor not inside a prepositional phrase is named before
// token i in the sentence.
func (s *sentence) mentionBefore(i int) bool {
	for j := 0; j < i; j++ {
		if s.toks[j].mention >= 0 && s.prepBefore(s.mentionStart(j)) == "" {
			return true
		}
	}
	return false
}

// judgement finds who judges whom in "X described Y as unacceptable": the actor is the first
// actor of the sentence (or the speaker of the quote), the recipient the next one before the
// judgement.
func (s *sentence) judgement(i, e int, after bool) (src, tgt []int) {
	speaker := s.speakerMention(s.toks[i].start)
	if speaker >= 0 && !s.mentionBefore(i) {
		src = []int{speaker}
	}
	// "“Vladimir Putin is the aggressor,” X said": the speaker judges the subject
	if speaker >= 0 && len(src) == 0 {
		j := i - 1
		for j >= 0 && s.c.det[s.toks[j].low] {
			j--
		}
		if j > 0 && s.c.be[s.toks[j].low] && s.toks[j-1].mention >= 0 &&
			s.ments[s.toks[j-1].mention].actor != s.ments[speaker].actor {
			return []int{speaker}, s.group(s.mentionStart(j-1), j-1)
		}
	}
	start, srcEnd := 0, -1
	for j := i - 1; j >= 0; j-- {
		if s.toks[j].low == ";" {
			start = j + 1
			break
		}
	}
	for j := start; j < i; j++ {
		t := s.toks[j]
		if t.mention < 0 {
			continue
		}
		k, e := j, s.mentionEnd(j)
		j = e
		// "cooperation between Russia and North Korea is dangerous": the pair is judged
		if pb := s.prepBefore(k); pb != "" && (pb != "of" || len(src) > 0) && (pb != "between" || len(src) == 0) {
			continue
		}
		if len(src) == 0 || s.modifies(srcEnd, k) {
			// "French President Emmanuel Macron called ...": the person, not the
			// country that names their office, judges
			src, srcEnd = s.group(k, e), e
			continue
		}
		if after {
			break // "concerned about X": the recipient follows
		}
		if slices.Contains(src, t.mention) || s.doc.Actors[s.ments[t.mention].actor].ID == s.doc.Actors[s.ments[src[0]].actor].ID {
			continue
		}
		if s.prepBefore(k) == "between" {
			return src, s.pair(k, e)
		}
		return src, s.group(k, e)
	}
	if len(src) == 0 {
		return nil, nil
	}
	// "concerned with China's build-up": the recipient follows the judgement
	for j := e; j < len(s.toks) && j < e+5; j++ {
		t := s.toks[j]
		if t.mention >= 0 {
			if s.doc.Actors[s.ments[t.mention].actor].ID == s.doc.Actors[s.ments[src[0]].actor].ID {
				return nil, nil
			}
			return src, s.group(j, s.mentionEnd(j))
		}
		if s.c.boundary[t.low] || t.low == "," || t.low == "." {
			break
		}
	}
	return nil, nil
}

// pair is the group of the mention at [k, e] in a "between" phrase, with the second of the
// pair even when a verb follows it ("between Russia and North Korea is dangerous").
func (s *sentence) pair(k, e int) []int {
	g := s.group(k, e)
	if n := e + 2; len(g) == 1 && n < len(s.toks) && s.toks[e+1].low == "and" && s.toks[n].mention >= 0 {
		g = append(g, s.toks[n].mention)
	}
	return g
}

// predicate reports whether the judgement word at [i, e) is the predicate of its clause, not a
// noun's modifier: after a form of "be" or "as", or a list of such words after one ("is
// dangerous, illegal and"), and followed by no lower-case noun.
func (s *sentence) predicate(i, e int) bool {
	if e < len(s.toks) {
		if w := s.toks[e].low; isLetterStart(w) && w != "and" && w != "or" && !s.c.prep[w] && !s.c.boundary[w] {
			return false
		}
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		w := s.toks[j].low
		switch {
		case s.c.be[w] || w == "as":
			return true
		case w == "," || w == "and" || w == "or" || strings.HasSuffix(w, "ly") || s.c.predicative[s.toks[j].lemma] || s.c.predicative[w]:
		default:
			return false
		}
	}
	return false
}

// modifies reports whether the mention ending at token end is a country that modifies the
// mention starting at token k, with only capitalised words of a title between ("French
// President Emmanuel Macron", "Chinese Commerce Minister Wang Wentao").
func (s *sentence) modifies(end, k int) bool {
	if end < 0 || k <= end || k-end > 4 || s.toks[end].mention < 0 {
		return false
	}
	a := &s.doc.Actors[s.ments[s.toks[end].mention].actor]
	if a.Kind != model.KindCountry || s.doc.Actors[s.ments[s.toks[k].mention].actor].Country != a.Country {
		return false
	}
	for j := end + 1; j < k; j++ {
		if w := s.doc.Text[s.toks[j].start:s.toks[j].end]; !startsUpper(w) {
			return false
		}
	}
	return true
}

// participleAfterVerb reports a past form at token i right after another past form that is
// no auxiliary ("released kidnapped sailors", "freed detained protesters"): a participle
// before its noun, describing the object of the verb before it, not an act of that verb's
// subject.
func (s *sentence) participleAfterVerb(i int) bool {
	if i == 0 || !strings.HasSuffix(s.toks[i].low, "ed") {
		return false
	}
	prev := s.toks[i-1]
	return prev.mention < 0 && len(prev.low) >= 5 && strings.HasSuffix(prev.low, "ed") &&
		!s.c.aux[prev.low] && !s.c.be[prev.low] && prev.low != "reported"
}

// titleBetween reports a trigger [i, e) in its base form between an organisation and a
// person ("the VOA host Masih Alinejad", "CNN anchor ..."): a title before a name, as a
// singular body would take the -s form of a verb.
func (s *sentence) titleBetween(i, e int) bool {
	if i == 0 || e >= len(s.toks) || e != i+1 || s.toks[i].low != s.toks[i].lemma {
		return false
	}
	before, after := s.toks[i-1].mention, s.toks[e].mention
	if before < 0 || after < 0 {
		return false
	}
	return s.doc.Actors[s.ments[before].actor].Kind == model.KindOrganization &&
		s.doc.Actors[s.ments[after].actor].Kind == model.KindPerson
}
