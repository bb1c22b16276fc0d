// Package event codes the events of an article with the PLOVER ontology: who did what to whom,
// when, and how sure the reporter was. Patterns (verbs, nouns, judgements and the roles of
// their arguments) are data files embedded in the binary; see docs/events.md for their format.
//
// The coder needs the sentences, times, actors (with their mentions, pronouns included) and
// quotes of the document: it runs after those stages and fills doc.Events.
package event

import (
	"fmt"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/lowercase"
)

// maxSentenceTokens bounds the work done on one sentence: longer runs (tables, lists without
// punctuation) are cut into pieces of this size.
const maxSentenceTokens = 200

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	opts     Options
	patterns []Pattern
	// index maps a first word to the hand-written patterns that start with it, longest
	// first; imported does the same for the imported lexicon, which is only looked at where
	// no hand-written pattern matches.
	index    map[string][]int
	imported map[string][]int
	// next narrows imported's long lists (see narrow).
	next map[string]*nextIndex
	lem  *Lemmatiser
	// wide lemmatises for the imported patterns: it knows their words too, which lem must
	// not (a known word changes which lemma the suffix rules settle on).
	wide   *Lemmatiser
	scores map[string]float64

	light, prep, ofprep, boundary, relative, det, negation, be, aux map[string]bool
	future, hypothetical, reported, alleged, deny, say, pronoun     map[string]bool
	subjectStop, noComment, quantity, penalty, victims, ouster      map[string]bool
	proffer, propose, predicative, intent, wish, sides, document    map[string]bool
	hearsay                                                         map[string]bool

	// scratch holds *scratch values between documents.
	scratch sync.Pool
}

// scratch is the reusable memory of one Annotate call.
type scratch struct {
	toks []token
	low  lowercase.Text
}

// maxPooledTokens: token buffers grown past this are left to the garbage collector.
const maxPooledTokens = 1 << 12

// New loads the embedded pattern files and returns a Coder.
func New() (*Coder, error) {
	read := func(name string, parse func(r io.Reader) error) error {
		f, err := openData(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := parse(f); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	var (
		pats   []Pattern
		sets   map[string]map[string]bool
		irr    map[string]string
		scores map[string]float64
	)
	err := read("patterns.tsv", func(r io.Reader) (err error) {
		pats, err = ParsePatterns(r)
		return err
	})
	if err == nil {
		err = read("cameo.tsv", func(r io.Reader) error {
			imported, err := ParsePatterns(r)
			pats = MergePatterns(pats, imported)
			return err
		})
	}
	if err == nil {
		err = read("cues.tsv", func(r io.Reader) (err error) {
			sets, err = parseSets(r)
			return err
		})
	}
	if err == nil {
		err = read("irregular.tsv", func(r io.Reader) (err error) {
			irr, err = parsePairs(r)
			return err
		})
	}
	if err == nil {
		err = read("scores.tsv", func(r io.Reader) (err error) {
			scores, err = parseScores(r)
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("loading event patterns: %w", err)
	}
	return NewWith(pats, sets, irr, scores), nil
}

// NewWith builds a Coder from parsed data; New uses it with the embedded files.
// NewParsed returns a Coder as New does that also tags and parses, with the embedded models,
// the sentences holding a trigger, and takes a verb's subject from the tree when the word
// windows find none.
func NewParsed() (*Coder, error) {
	c, err := New()
	if err != nil {
		return nil, err
	}
	tagger, err := syntax.LoadTagger()
	if err != nil {
		return nil, fmt.Errorf("loading the tagger for event arguments: %w", err)
	}
	parser, err := syntax.LoadParser()
	if err != nil {
		return nil, fmt.Errorf("loading the parser for event arguments: %w", err)
	}
	return c.WithOptions(Options{Tagger: tagger, Parser: parser}), nil
}

func NewWith(pats []Pattern, sets map[string]map[string]bool, irregular map[string]string, scores map[string]float64) *Coder {
	c := &Coder{patterns: pats, index: map[string][]int{}, imported: map[string][]int{}, scores: scores}
	get := func(name string) map[string]bool {
		if s := sets[name]; s != nil {
			return s
		}
		return map[string]bool{}
	}
	c.light, c.prep, c.ofprep, c.boundary = get("light"), get("prep"), get("ofprep"), get("boundary")
	c.relative, c.det, c.negation, c.be, c.aux = get("relative"), get("det"), get("negation"), get("be"), get("aux")
	c.future, c.hypothetical, c.reported = get("future"), get("hypothetical"), get("reported")
	c.alleged, c.deny, c.say, c.pronoun = get("alleged"), get("deny"), get("say"), get("pronoun")
	c.subjectStop, c.noComment, c.quantity = get("subjectstop"), get("nocomment"), get("quantity")
	c.penalty, c.victims, c.ouster = get("penalty"), get("victims"), get("ouster")
	c.proffer, c.propose, c.predicative = get("proffer"), get("propose"), get("predicative")
	c.intent, c.wish, c.sides, c.document = get("intent"), get("wish"), get("sides"), get("document")
	c.hearsay = get("hearsay")

	known, wide := map[string]bool{}, map[string]bool{}
	for i, p := range pats {
		idx := c.index
		if p.Imported {
			idx = c.imported
		}
		idx[p.Words[0]] = append(idx[p.Words[0]], i)
		for _, w := range p.Words {
			wide[w] = true
			if !p.Imported {
				known[w] = true
			}
		}
	}
	for w := range c.light {
		known[w] = true
	}
	for _, v := range irregular {
		known[v] = true
	}
	for _, idx := range []map[string][]int{c.index, c.imported} {
		for _, list := range idx {
			sort.SliceStable(list, func(a, b int) bool { return len(pats[list[a]].Words) > len(pats[list[b]].Words) })
		}
	}
	c.next = buildNext(pats, c.imported)
	c.lem = NewLemmatiser(irregular, known)
	for w := range known {
		wide[w] = true
	}
	c.wide = NewLemmatiser(irregular, wide)
	return c
}

// Name is the stage's name.
func (*Coder) Name() string { return "events" }

// Patterns returns the loaded patterns (for tools that list or check them).
func (c *Coder) Patterns() []Pattern { return c.patterns }

// mention is one actor mention, in text order.
type mention struct {
	model.Span
	actor int // index into doc.Actors
	// also lists further actors mentioned over exactly the same span: "both leaders" is a
	// mention of each leader.
	also []int
	via  string
}

// Annotate fills doc.Events.
func (c *Coder) Annotate(doc *model.Document) {
	doc.Events = doc.Events[:0]
	if doc.Text == "" {
		return
	}
	ments := collectMentions(doc)
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = []model.Span{{Start: 0, End: len(doc.Text)}}
	}
	seen := map[string]bool{}
	sc, _ := c.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	sc.low.Reset(doc.Text)
	toks := sc.toks
	home := homeCountry(doc)
	selfAimed := map[model.Span]bool{}
	for si, sp := range sents {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End {
			continue
		}
		if isQuestion(doc.Text[sp.Start:sp.End]) {
			continue // a question asserts no event
		}
		toks = sentenceTokens(doc, si, sp, toks[:0])
		for from := 0; from < len(toks); from += maxSentenceTokens {
			to := min(from+maxSentenceTokens, len(toks))
			s := &sentence{c: c, doc: doc, low: &sc.low, ments: ments, toks: toks[from:to], span: sp, index: si, sents: sents, home: home, selfAimed: selfAimed}
			s.prepare()
			s.code(seen)
		}
	}
	if cap(toks) <= maxPooledTokens {
		clear(toks[:cap(toks)]) // let the text go
		sc.toks = toks[:0]
		sc.low.Clear()
		c.scratch.Put(sc)
	}
	answerAccusations(doc)
	aimAtHome(doc, home, selfAimed)
	doc.Events = mergeRepeats(doc.Events)
	for i := range doc.Events {
		doc.Events[i].ID = "e" + strconv.Itoa(i+1)
	}
}

// answerAccusations gives a rejection without a recipient ("a charge New Delhi rejected",
// "we reject the baseless allegations") the accuser of the rejecting side: the actor of the
// latest earlier accusation or demand aimed at the rejecter's country, or of the latest earlier
// sanction of the rejecter itself ("the US sanctioned Berisha ...; Berisha rejected the
// allegations"), or of a demand of another state naming no one in the same sentence or the one
// before ("the House voted, urging an inquiry. Islamabad rejected the resolution").
func answerAccusations(doc *model.Document) {
	country := func(id string) string {
		if a := doc.Actor(id); a != nil {
			return a.Country
		}
		return ""
	}
	for i := range doc.Events {
		e := &doc.Events[i]
		if e.Type != "REJECT" || len(e.Target) > 0 || len(e.Source) == 0 {
			continue
		}
		rc := country(e.Source[0])
		for j := i - 1; j >= 0; j-- {
			a := &doc.Events[j]
			if a.Type != "ACCUSE" && a.Type != "SANCTION" && a.Type != "REQUEST" || slices.ContainsFunc(a.Source, func(id string) bool { return country(id) == rc }) {
				continue
			}
			if a.Type == "REQUEST" && len(a.Target) == 0 && len(a.Source) > 0 && country(a.Source[0]) != "" && adjacent(doc, a.Sentence, e.Sentence) {
				e.Target = slices.Clone(a.Source) // "X urged an inquiry. Y rejected the resolution."
				break
			}
			if a.Type == "SANCTION" && !slices.Contains(a.Target, e.Source[0]) {
				continue // a sanction carries a charge only for the one it names
			}
			if slices.ContainsFunc(a.Target, func(id string) bool { return country(id) == rc }) {
				e.Target = slices.Clone(a.Source)
				break
			}
		}
	}
}

// adjacent reports whether sentence b is sentence a or the one right after it.
func adjacent(doc *model.Document, a, b model.Span) bool {
	if a == b {
		return true
	}
	i, ok := slices.BinarySearchFunc(doc.Sentences, a.Start, func(s model.Span, start int) int { return s.Start - start })
	return ok && i+1 < len(doc.Sentences) && doc.Sentences[i+1] == b
}

// isQuestion reports whether a sentence ends with a question mark (closing quotes aside).
func isQuestion(s string) bool {
	s = strings.TrimRight(s, " \n\t\"”’'")
	return strings.HasSuffix(s, "?")
}

// collectMentions lists every actor mention in text order, dropping mentions that lie inside
// a longer one.
func collectMentions(doc *model.Document) []mention {
	var ms []mention
	for ai, a := range doc.Actors {
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
				continue
			}
			ms = append(ms, mention{Span: m.Span, actor: ai, via: m.Via})
		}
	}
	slices.SortFunc(ms, func(a, b mention) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].End > m.Start {
			if p := &out[n-1]; p.Span == m.Span && p.actor != m.actor && !slices.Contains(p.also, m.actor) {
				p.also = append(p.also, m.actor)
			}
			continue // inside or overlapping the previous, longer-or-earlier mention
		}
		out = append(out, m)
	}
	return out
}

// sentence is the working state for one sentence.
type sentence struct {
	c     *Coder
	doc   *model.Document
	low   *lowercase.Text // doc.Text in lower case
	ments []mention
	toks  []token
	span  model.Span
	index int
	sents []model.Span
	// home is the index in doc.Actors of the country the article is about, or -1.
	home int
	// selfAimed collects the triggers of events whose only recipient was their own actor
	// ("Tehran rejected its offer" with "its" read as Tehran): aimAtHome leaves them alone.
	selfAimed map[model.Span]bool
	// tree is the sentence parsed, filled on first use when parsed is set.
	tree   []model.Token
	parsed bool
	// cand is narrow's scratch space.
	cand []int
}

// prepare sets each token's lower-case form, lemma and mention.
func (s *sentence) prepare() {
	mi := sort.Search(len(s.ments), func(i int) bool { return s.ments[i].End > s.span.Start })
	for i := range s.toks {
		t := &s.toks[i]
		t.low = s.low.Of(s.doc.Text, t.start, t.end)
		if strings.Contains(t.low, "’") {
			t.low = strings.ReplaceAll(t.low, "’", "'")
		}
		t.lemma = s.c.lem.Lemma(t.low)
		if len(s.c.imported) > 0 {
			t.wide = s.c.wide.Lemma(t.low)
		}
		for mi < len(s.ments) && s.ments[mi].End <= t.start {
			mi++
		}
		if mi < len(s.ments) && s.ments[mi].Start < t.end && t.start < s.ments[mi].End {
			t.mention = mi
			// a mention that is only the first part of a compound ("Iran-backed") is no subject
			t.partial = s.ments[mi].End < t.end && strings.Contains(s.doc.Text[s.ments[mi].End:t.end], "-")
		}
	}
}

// match is one pattern found at a token.
type match struct {
	p          *Pattern
	start, end int // token range [start, end)
}

// code finds the triggers of the sentence and turns them into events.
func (s *sentence) code(seen map[string]bool) {
	refused := -1 // the token after the latest refusal's trigger
	for i := 0; i < len(s.toks); i++ {
		m, ok := s.matchAt(i)
		if !ok {
			continue
		}
		if m.p.Type == NoEvent || s.refusedMeeting(m, refused) {
			i = m.end - 1
			continue
		}
		if refusal(m.p) {
			refused = m.end
		}
		if ev, ok := s.build(m); ok {
			evs := s.reciprocal(ev, m.p.Mutual)
			if t, ok := s.ultimatum(ev, m.end); ok {
				evs = append(evs, t)
			}
			for _, e := range evs {
				key := eventKey(&e)
				if !seen[key] {
					seen[key] = true
					s.doc.Events = append(s.doc.Events, e)
				}
			}
		} else if m.p.Imported {
			continue // a hand-written pattern inside its words may still code them
		}
		i = m.end - 1
	}
}

// refusal reports whether a pattern turns down or leaves what follows it: a rejection, a
// withdrawal, a boycott.
func refusal(p *Pattern) bool {
	return p.Type == "REJECT" || p.Type == "RETREAT" || p.Mode == "Withdraw" || p.Mode == "Boycott"
}

// refusedMeeting reports whether a meeting trigger is what the refusal ending before token
// refused turns down: "walked out of talks with X", "pulled out of the peace talks",
// "rejected negotiations" report no meeting. Up to three determiners or modifiers may stand
// between, after the "of" or "from" of a verb of leaving ("pulled out of").
func (s *sentence) refusedMeeting(m match, refused int) bool {
	if refused < 0 || m.p.Type != "CONSULT" || m.start < refused || m.start-refused > 4 {
		return false
	}
	for j := refused; j < m.start; j++ {
		t := &s.toks[j]
		if t.mention >= 0 || !isLetterStart(t.low) || s.c.prep[t.low] && t.low != "of" && t.low != "from" || s.c.boundary[t.low] {
			return false
		}
	}
	return true
}

// refusedPartner returns the other side of a meeting that a refusal ending before token e
// turns down ("pulled out of the peace talks with Ukraine": Ukraine), or nil.
func (s *sentence) refusedPartner(e int) []int {
	for j := e; j < len(s.toks) && j <= e+3; j++ {
		if m := s.bestAt(j, s.c.index, false); m.p != nil {
			if s.refusedMeeting(m, e) {
				return s.object(m.p, m.end)
			}
			return nil
		}
	}
	return nil
}

// metWithReaction reports whether "with" after a verb of meeting ending before token e opens
// a reaction, not a partner: a lower-case noun that starts a pattern of another type ("met
// with criticism", "was met with Ukrainian protests"), after at most a few modifiers.
func (s *sentence) metWithReaction(e int) bool {
	if e >= len(s.toks) || s.toks[e].low != "with" {
		return false
	}
	for j := e + 1; j < len(s.toks) && j <= e+4; j++ {
		t := &s.toks[j]
		if t.mention >= 0 && s.mentionEnd(j)+1 < len(s.toks) && !s.capitalised(s.mentionEnd(j)+1) {
			j = s.mentionEnd(j) // "met with Ukrainian criticism": the name modifies the noun
			continue
		}
		if t.mention >= 0 || !isLetterStart(t.low) || s.capitalised(j) {
			return false
		}
		if m := s.bestAt(j, s.c.index, false); m.p != nil {
			return m.p.Kind == KindNoun && m.p.Type != "CONSULT" && m.p.Type != NoEvent
		}
	}
	return false
}

// ultimatum reads a demand that names the price of refusing ("urged Russia to accept the
// ceasefire or face further sanctions"): the demand is a threat too, made by the same actors
// to the same recipients. The "or" must come in the demand's clause, after the trigger.
func (s *sentence) ultimatum(ev model.Event, from int) (model.Event, bool) {
	if ev.Type != "REQUEST" || len(ev.Target) == 0 {
		return model.Event{}, false
	}
	for j := from; j+1 < len(s.toks) && j < from+maxReach*3; j++ {
		w := s.toks[j].low
		if s.c.boundary[w] && w != "that" {
			break
		}
		if w == "or" && (s.c.penalty[s.toks[j+1].low] || s.c.penalty[s.toks[j+1].lemma]) {
			t := ev
			t.Type, t.Mode = "THREATEN", ""
			t.Trigger = model.Span{Start: s.toks[j].start, End: s.toks[j+1].end}
			t.Score = s.c.score(t.Type, t.Mode)
			return t, true
		}
	}
	return model.Event{}, false
}

// reciprocal splits a joint event ("Putin and Pezeshkian reaffirmed their commitment",
// "the two armies clashed") whose actors belong to several countries and which names no
// recipient into one event per actor, each directed at the others: the dyads a reader of
// the data expects from a meeting or a clash between two sides.
func (s *sentence) reciprocal(ev model.Event, mutual bool) []model.Event {
	if len(ev.Target) > 0 || len(ev.Source) < 2 {
		return []model.Event{ev}
	}
	if !reciprocalType(ev.Type) && !mutual {
		return []model.Event{ev}
	}
	countries := map[string]bool{}
	for _, id := range ev.Source {
		countries[s.doc.Actor(id).Country] = true
	}
	if len(countries) < 2 {
		return []model.Event{ev}
	}
	out := make([]model.Event, 0, len(ev.Source))
	for _, id := range ev.Source {
		e := ev
		e.Source = []string{id}
		e.Target = nil
		for _, o := range ev.Source {
			if o != id {
				e.Target = append(e.Target, o)
			}
		}
		out = append(out, e)
	}
	return out
}

// reciprocalType reports whether events of the type are done together by their actors
// (meetings, agreements, cooperation, clashes).
func reciprocalType(t string) bool {
	switch t {
	case "CONSULT", "AGREE", "COOPERATE", "SUPPORT", "ASSAULT":
		return true
	}
	return false
}

func eventKey(e *model.Event) string {
	return e.Type + "|" + strings.Join(e.Source, ",") + "|" + strings.Join(e.Target, ",") + "|" + strconv.Itoa(e.Sentence.Start)
}

// matchAt returns the longest pattern that starts at token i, choosing between a verb and a
// noun reading of the same word from its neighbours.
func (s *sentence) matchAt(i int) (match, bool) {
	t := &s.toks[i]
	if t.mention >= 0 {
		return s.mentionOpens(i) // "military drills": a common noun that is an actor too
	}
	if len(t.low) < 2 || !isLetterStart(t.low) {
		return match{}, false
	}
	if i > 0 && startsUpper(s.doc.Text[t.start:t.end]) && (i > 1 || !isQuoteOrOpen(s.toks[i-1].low)) {
		return match{}, false // a capitalised word inside a sentence is part of a name or a title
	}
	if i > 0 && s.toks[i-1].low == "as" && s.c.lem.isPastForm(t.low) {
		return match{}, false // "as opposed to", "as agreed"
	}
	if s.speechTag(i) && s.relativeAntecedent(i) < 0 {
		return match{}, false // '"...," warned the analyst': a verb of saying after a quotation
	}
	if i > 0 && s.toks[i-1].low == "-" && s.toks[i-1].start == s.toks[i].start-1 {
		return match{}, false // a compound modifier ("U.S.-proposed", "Iran-backed")
	}
	best := s.bestAt(i, s.c.index, false)
	if best.p == nil && len(s.c.imported) > 0 {
		best = s.importedAt(i)
	}
	if best.p == nil {
		return match{}, false
	}
	if best.end-best.start == 1 && !s.fitsKind(i, best.p.Kind) {
		return match{}, false
	}
	if best.p.Kind == KindVerb && i > 0 && s.toks[i-1].low != "to" && s.c.prep[s.toks[i-1].low] && t.low == t.lemma {
		return match{}, false // "barred from travel to": a noun after a preposition
	}
	if best.p.Kind == KindVerb && strings.HasSuffix(t.low, "ing") && i > 0 && s.reducedRelative(i-1) {
		return match{}, false // "an email requesting comment": the noun, not an actor, requests
	}
	return best, true
}

// importedAt returns the imported pattern at token i, if it is read as a verb ("the conflict
// between" is no verb, nor "for increased cooperation") and does not leave its words to the
// hand-written patterns (yieldsToHand).
func (s *sentence) importedAt(i int) match {
	m := s.bestAt(i, s.c.imported, true)
	if m.p == nil || !s.fitsKind(i, m.p.Kind) || !s.verbForm(i) || s.participleModifier(i) || s.yieldsToHand(m) {
		return match{}
	}
	return m
}

// verbForm reports whether the word at i reads as a verb: a past or -ing form, or a bare or
// -s form right after its subject, an auxiliary, "to", a negation or an adverb. A noun
// after an adjective ("the three-year conflict between", "a power struggle between") is none.
func (s *sentence) verbForm(i int) bool {
	t := &s.toks[i]
	if s.c.lem.isPastForm(t.low) || strings.HasSuffix(t.low, "ing") && t.low != t.lemma {
		return true
	}
	if i == 0 {
		return false
	}
	p := &s.toks[i-1]
	return p.mention >= 0 || s.c.pronoun[p.low] || s.c.relative[p.low] || s.c.aux[p.low] || s.c.be[p.low] ||
		s.c.future[p.low] || s.c.negation[p.low] || p.low == "to" || p.low == "they" || p.low == "he" ||
		p.low == "she" || p.low == "it" || p.low == "we" || (strings.HasSuffix(p.low, "ly") && len(p.low) > 3)
}

// bestAt returns the longest pattern of index that starts at token i, choosing between a
// verb and a noun reading of the same word from its neighbours; best.p is nil when none does.
// With wide, words are read by their lemmas in the imported patterns' lemmatiser (token.wide).
func (s *sentence) bestAt(i int, index map[string][]int, wide bool) match {
	t := &s.toks[i]
	var best match
	keys := [4]string{t.low, t.lemma}
	if wide {
		keys[1] = t.wide
	}
	if k := strings.LastIndexByte(t.low, '-'); k > 0 && k+1 < len(t.low) {
		keys[2] = s.c.lem.Lemma(t.low[k+1:]) // "tariff-trade wars": the head of a compound
	}
	// "has been fighting": after an auxiliary, the -ing form of a verb that is also a noun
	// pattern
	if i > 0 && (s.c.be[s.toks[i-1].low] || s.c.aux[s.toks[i-1].low]) {
		keys[3] = s.c.lem.IngVerb(t.low)
	}
	for ki, key := range keys {
		if key == "" || (ki > 0 && key == t.low) {
			continue
		}
		list := index[key]
		if wide {
			list = s.narrow(list, s.c.next[key], i)
		}
		for _, pi := range list {
			p := &s.c.patterns[pi]
			if ki == 2 && p.Kind != KindNoun {
				continue // "Iran-backed": a compound modifier, not a verb
			}
			if ki == 3 && p.Kind != KindVerb {
				continue
			}
			end, ok := s.matchWords(p, i, wide)
			if !ok {
				continue
			}
			if best.p != nil && end-i < best.end-best.start {
				continue
			}
			if best.p != nil && end-i == best.end-best.start && best.p.Kind != p.Kind {
				if s.preferNoun(i) == (p.Kind == KindNoun) {
					best = match{p: p, start: i, end: end}
				}
				continue
			}
			if best.p == nil || end-i > best.end-best.start {
				best = match{p: p, start: i, end: end}
			}
		}
	}
	return best
}

// reducedRelative reports whether token j is a plain noun that an -ing form after it modifies.
func (s *sentence) reducedRelative(j int) bool {
	t := s.toks[j]
	w := t.low
	return t.mention < 0 && isLetterStart(w) && !s.c.aux[w] && !s.c.be[w] && !s.c.prep[w] && !s.c.boundary[w] &&
		!s.c.light[t.lemma] && !s.c.det[w] && !s.c.negation[w] && !strings.HasSuffix(w, "ly") && w != "and" && w != "or" &&
		!s.c.say[w] && !s.c.lem.isPastForm(w) && len(s.c.index[t.lemma]) == 0
}

// speechTag reports whether the word at i directly follows a closing quotation and comma.
func (s *sentence) speechTag(i int) bool {
	j := i - 1
	for j >= 0 && (s.toks[j].low == "," || s.toks[j].low == "”" || s.toks[j].low == "\"" || s.toks[j].low == "’") {
		if s.toks[j].low == "\"" && j == i-1 && s.toks[j].end == s.toks[i].start && (j == 0 || s.toks[j-1].end < s.toks[j].start) {
			return false // an opening straight quote: 'called the subsidies "unbearable."'
		}
		if s.toks[j].low != "," {
			return true
		}
		j--
	}
	return false
}

// matchWords matches the pattern's further words after token i; it returns the end token.
func (s *sentence) matchWords(p *Pattern, i int, wide bool) (int, bool) {
	if p.Slot > 0 {
		return s.slotMatch(p, i, wide)
	}
	j := i + 1
	for _, w := range p.Words[1:] {
		// "upgraded their ties", "held a phone call", "imposed 25% tariffs": determiners and
		// amounts may stand between the words
		for skip := 0; skip < 3 && j < len(s.toks) && s.skippable(j) && s.toks[j].low != w; skip++ {
			j++
		}
		if j >= len(s.toks) {
			return 0, false
		}
		t := &s.toks[j]
		if t.mention >= 0 && !s.wordMention(j) || (t.low != w && t.lemma != w && (!wide || t.wide != w)) {
			return 0, false
		}
		j++
	}
	return j, true
}

// skippable reports whether token j may stand between the words of a pattern: a determiner,
// or an amount ("25", "%", "percent") that is no actor mention.
func (s *sentence) skippable(j int) bool {
	t := &s.toks[j]
	if s.c.det[t.low] {
		return true
	}
	if t.mention >= 0 || t.low == "" {
		return false
	}
	return t.low[0] >= '0' && t.low[0] <= '9' || t.low == "%" || t.low == "percent"
}

// fitsKind rejects a single-word pattern whose word is plainly used as the other part of
// speech: a verb pattern after a determiner or before "of" ("the backs of"), a noun pattern
// after an auxiliary or "to", or in a past form ("talked").
func (s *sentence) fitsKind(i int, kind byte) bool {
	t := &s.toks[i]
	var prev string
	if i > 0 {
		prev = s.toks[i-1].low
	}
	switch kind {
	case KindVerb:
		if prev == "the" || prev == "a" || prev == "an" || prev == "as" && !s.c.lem.isPastForm(t.low) {
			return false // "the proposed plan", "an alleged plot", "as host country"
		}
		if prev == "of" && strings.HasSuffix(t.low, "ing") {
			return false // "accused X of supporting...": the content of another act
		}
		if t.lemma == "back" && i > 0 && s.c.lem.isPastForm(prev) {
			return false // "sent back": a particle
		}
		if s.c.lem.isPastForm(t.low) {
			return true
		}
		if s.c.det[prev] || prev == "'s" || (i+1 < len(s.toks) && s.toks[i+1].low == "of") {
			return false
		}
		if i > 0 && s.toks[i-1].mention >= 0 && s.mentionIsPremodifier(i-1) && !s.verbOnlyS(i) {
			return false
		}
		if i > 0 && strings.HasSuffix(t.low, "s") && t.lemma != t.low && s.reducedRelative(i-1) {
			return false // "food supplies": a plural noun after a noun
		}
	case KindNoun:
		if s.c.lem.isPastForm(t.low) || strings.HasSuffix(t.low, "ing") && t.lemma != t.low {
			return false
		}
		if prev == "to" || s.c.aux[prev] || s.c.negation[prev] && prev != "no" {
			return false
		}
	}
	return true
}

// verbOnlyS reports whether the word at i is the -s form of a word no noun pattern starts
// with: after "the U.S." or "the EU" it is the verb of that subject ("the U.S. warns"), not a
// noun the name modifies ("the US threats").
func (s *sentence) verbOnlyS(i int) bool {
	t := &s.toks[i]
	if !strings.HasSuffix(t.low, "s") || t.lemma == t.low || strings.HasSuffix(t.low, "ss") {
		return false
	}
	for _, w := range [2]string{t.low, t.lemma} {
		for _, pi := range s.c.index[w] {
			if s.c.patterns[pi].Kind == KindNoun {
				return false
			}
		}
	}
	return true
}

// preferNoun tells whether the word at i reads as a noun rather than a verb.
func (s *sentence) preferNoun(i int) bool {
	t := &s.toks[i]
	if s.c.lem.isPastForm(t.low) {
		return false
	}
	if i+1 < len(s.toks) && s.toks[i+1].low == "of" {
		return true
	}
	if i == 0 {
		return true
	}
	prev := s.toks[i-1]
	switch {
	case s.c.det[prev.low] || prev.low == "'s":
		return true
	case prev.low == "to" || s.c.aux[prev.low] || s.c.be[prev.low] || s.c.negation[prev.low] || strings.HasSuffix(prev.low, "ly"):
		return false
	case prev.mention >= 0 || s.c.pronoun[prev.low] || prev.low == "he" || prev.low == "she" || prev.low == "they" || prev.low == "it":
		// "Russia attacks", but "the Russian attack" has a determiner before the mention
		if strings.HasSuffix(t.low, "ing") {
			return false
		}
		return s.mentionIsPremodifier(i - 1)
	case strings.HasSuffix(t.low, "ing"):
		return false
	}
	return true
}

// mentionIsPremodifier reports whether the mention ending at token j is preceded by a
// determiner, which makes it a modifier of the next noun ("the US threats"); "that" before a
// name is a conjunction ("said that Russia supports the plan").
func (s *sentence) mentionIsPremodifier(j int) bool {
	m := s.toks[j].mention
	k := j
	for k > 0 && s.toks[k-1].mention == m {
		k--
	}
	if k == 0 {
		return false
	}
	// "said that Russia supports": "that" before a name opens a clause, it is no determiner
	if w := s.toks[k-1].low; w == "that" && s.capitalised(k) {
		return false
	}
	return s.c.det[s.toks[k-1].low] || s.c.prep[s.toks[k-1].low]
}

func isLetterStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// capitalised reports whether token i is written with a capital first letter.
func (s *sentence) capitalised(i int) bool {
	return startsUpper(s.doc.Text[s.toks[i].start:s.toks[i].end])
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isQuoteOrOpen(s string) bool {
	switch s {
	case "\"", "“", "‘", "'", "(", "[", ":", "—", "–":
		return true
	}
	return false
}
