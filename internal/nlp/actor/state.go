package actor

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tidings-news/tidings/internal/model"
)

// Ways a mention is tied to its actor (model.Mention.Via).
const (
	viaName    = "name"
	viaAlias   = "alias"
	viaSurname = "surname"
	viaDemonym = "demonym"
	viaCapital = "capital"
	viaSeat    = "seat"
	viaEpithet = "epithet"
	viaRole    = "role"
	viaPronoun = "pronoun"
)

// lexSpan is a lexicon phrase found at a token: it ends before token j.
type lexSpan struct {
	j       int
	entries []entry
}

// hyphenCountry is a state named inside a hyphenated word ("U.S.-backed", "Russia-Ukraine").
type hyphenCountry struct {
	code  int // index into lexicon.countries
	start int // byte span of the part
	end   int
	via   string
}

// entity is one actor being built.
type entity struct {
	key      string
	a        model.Actor
	rank     string
	gender   byte // 'm', 'f' or 0 when unknown
	nameToks []string
	roleSet  bool
	mentions []ment
}

// ment is one mention of an entity, in tokens and bytes.
type ment struct {
	i, j int // tokens [i, j); j == i for a part of a hyphenated token
	span model.Span
	via  string
}

// state is the work on one document.
type state struct {
	lx      *lexicon
	g       grammar
	doc     *model.Document
	text    string
	toks    []token
	seg     []int32 // segment (sentence or line) of each token
	lex     []int32 // index into spans of the phrase starting at a token, or -1
	in      []int32 // index into spans of the phrase covering a token, or -1
	spans   []lexSpan
	hyph    map[int][]hyphenCountry
	used    []int32 // entity holding a mention over a token, or -1
	ents    []*entity
	byKey   map[string]int
	date    string
	runs    []run  // capitalised runs that were not taken as a new person
	timeTok []bool // tokens inside a time expression
	nameTok []bool // tokens inside a person's name
	bodyTok []bool // tokens inside an unlisted organisation's name
	seen    map[mentionKey]bool
	budget  int
	// bySurnameKey finds the people of two or more words by the forms of their surname.
	bySurnameKey map[string][]*entity
	credits      map[int32]bool // credit-line verdict of each segment
	// places are the runs the text puts after "in", "at", "near" (lower case).
	places map[string]bool
	// speakers are the capitalised words that speak alone ("said Nawa"), built on first use.
	speakers map[string]bool
	// lowerWords are the words the text prints in lower case, built on first use.
	lowerWords map[string]bool
	lowerBuilt bool        // lowerWords holds the document's words (it may come empty from a scratch)
	finder     *finderMemo // the name finder's work, made on first use (finder.go)
}

// run is a capitalised run of tokens that may be a name.
type run struct{ i, j int }

// newState tokenizes doc into sc's buffers; sc must not be reused until the state is done.
// A nil sc allocates fresh buffers.
func newState(lx *lexicon, doc *model.Document, sc *scratch) *state {
	if sc == nil {
		sc = &scratch{}
	}
	st := &state{lx: lx, g: lx.g, doc: doc, text: doc.Text, byKey: map[string]int{}}
	st.date = doc.Published
	if sc.toks == nil {
		sc.toks = make([]token, 0, len(doc.Text)/5+1)
	}
	sc.low.Reset(doc.Text)
	sc.toks, sc.shared = docTokens(doc, &sc.low, sc.shared, sc.toks[:0])
	st.toks = sc.toks
	st.lowerWords = sc.lowerWords
	n := len(st.toks)
	if cap(sc.ints) < 4*n {
		sc.ints = make([]int32, 4*n)
	}
	ints := sc.ints[:4*n]
	st.seg = ints[0:n:n]
	st.lex = ints[n : 2*n : 2*n]
	st.in = ints[2*n : 3*n : 3*n]
	st.used = ints[3*n : 4*n : 4*n]
	clear(st.seg)
	for i := range st.lex {
		st.lex[i], st.in[i], st.used[i] = -1, -1, -1
	}
	if cap(sc.bools) < 3*n {
		sc.bools = make([]bool, 3*n)
	}
	bools := sc.bools[:3*n]
	clear(bools)
	st.timeTok = bools[0:n:n]
	st.nameTok = bools[n : 2*n : 2*n]
	st.bodyTok = bools[2*n : 3*n : 3*n]
	st.seen = map[mentionKey]bool{}
	st.bySurnameKey = map[string][]*entity{}
	st.credits = map[int32]bool{}
	st.budget = 64*n + 4096
	for _, tm := range doc.Times {
		k := sort.Search(n, func(k int) bool { return st.toks[k].end > tm.Start })
		for ; k < n && st.toks[k].start < tm.End; k++ {
			st.timeTok[k] = true
		}
	}
	st.segments()
	return st
}

// segments numbers the sentences: a new segment starts at each sentence of doc.Sentences and
// at each line break.
func (st *state) segments() {
	sents := st.doc.Sentences
	si := 0
	var seg int32
	prevEnd := 0
	for k := range st.toks {
		t := &st.toks[k]
		newSeg := false
		if k > 0 && strings.ContainsRune(st.text[prevEnd:t.start], '\n') {
			newSeg = true
		}
		for si < len(sents) && t.start >= sents[si].End {
			si++
			newSeg = true
		}
		if k > 0 && newSeg {
			seg++
		}
		st.seg[k] = seg
		prevEnd = t.end
	}
}

func (st *state) sameSeg(a, b int) bool {
	return a >= 0 && b >= 0 && a < len(st.toks) && b < len(st.toks) && st.seg[a] == st.seg[b]
}

func (st *state) segStart(i int) bool { return i == 0 || st.seg[i-1] != st.seg[i] }

func (st *state) run() {
	st.scanLexicon()
	st.findPeople()
	st.namedBodies()
	st.findStatesAndBodies()
	st.mergePeople()
	st.surnames()
	st.descriptions()
	st.chiefs()
	st.spokespeople()
	st.pronouns()
	st.plurals()
	st.collectives()
	st.namedHeads()
	st.bodyHeads()
	st.leaderBodies()
	st.ownedBodies()
	st.homeState()
	st.peerState()
}

// scanLexicon marks the longest lexicon phrase at each token, left to right, without overlap.
func (st *state) scanLexicon() {
	toks := st.toks
	for i := 0; i < len(toks); {
		j, es := st.lx.phrases.longest(toks, i)
		if j > i && len(es) > 0 && !st.sameSeg(i, j-1) {
			j, es = i, nil
		}
		if j > i && len(es) > 0 {
			es = st.dropGeo(es, i, j)
		}
		if j > i && len(es) > 0 {
			st.spans = append(st.spans, lexSpan{j: j, entries: es})
			k := int32(len(st.spans) - 1)
			st.lex[i] = k
			for x := i; x < j; x++ {
				st.in[x] = k
			}
			i = j
			continue
		}
		// a hyphen, ASCII or non-breaking (strings.ContainsAny is slow with a non-ASCII set)
		if toks[i].is(tWord) && (strings.IndexByte(toks[i].text, '-') >= 0 || strings.Contains(toks[i].text, "‑")) {
			st.hyphenParts(i)
		}
		i++
	}
}

// dropGeo removes state readings of a phrase at tokens [i, j) that names a place, not the
// state: followed by a geographic head ("Taiwan Strait", "Indian and Pacific Ocean"), after one
// ("Gulf of Guinea"), or a name that is also a place or a given name next to an unknown name
// ("Alabama and Georgia", "Jordan Bardella").
func (st *state) dropGeo(es []entry, i, j int) []entry {
	toks := st.toks
	geo := j < len(toks) && st.g.is(gGeoHead, &toks[j])
	if !geo && j+2 < len(toks) && toks[j].lower == "and" && toks[j+1].is(tCap) && st.g.is(gGeoHead, &toks[j+2]) {
		geo = true
	}
	if !geo && i >= 2 && toks[i-1].lower == "of" && st.g.is(gGeoHead, &toks[i-2]) {
		geo = true
	}
	if !geo && j-i == 1 && st.g.is(gAmbiguous, &toks[i]) {
		unknown := func(k int) bool {
			if k < 0 || k >= len(toks) || !st.sameSeg(i, k) || !toks[k].is(tCap) || toks[k].is(tAllCaps) {
				return false
			}
			_, es := st.lx.phrases.longest(toks, k)
			return len(es) == 0 && !st.lx.nonNames[toks[k].lower]
		}
		switch {
		case unknown(j), i >= 1 && st.sameSeg(i-1, i) && st.lx.first[toks[i-1].text]:
			// "Jordan Bardella", "Chuck Jordan"
			geo = true
		case i >= 2 && (toks[i-1].lower == "and" || toks[i-1].lower == "or" || toks[i-1].text == ",") && unknown(i-2):
			geo = true
		case j+1 < len(toks) && (toks[j].lower == "and" || toks[j].lower == "or") && unknown(j+1):
			geo = true
		}
	}
	if !geo && st.insideName(i) {
		// "New South Wales", "National Congress Party": the end of a longer name.
		out := es[:0:0]
		for _, e := range es {
			if e.kind != eCountry && e.kind != eOrg {
				out = append(out, e)
			}
		}
		return out
	}
	if !geo {
		return es
	}
	out := es[:0:0]
	for _, e := range es {
		if !isStateKind(e.kind) {
			out = append(out, e)
		}
	}
	return out
}

// insideName reports a capitalised word before token i, in the same sentence, that is no
// lexicon phrase, grammar word or sentence opener: a phrase at i then ends a longer name.
func (st *state) insideName(i int) bool {
	if i < 1 || !st.sameSeg(i-1, i) || st.segStart(i-1) || st.in[i-1] >= 0 {
		return false
	}
	t := &st.toks[i-1]
	if !t.is(tWord) || !t.is(tCap) || t.is(tAllCaps) {
		return false
	}
	// "Southern Syria" is the state; "New South Wales" is not.
	if st.lx.nonNames[t.lower] && !(i >= 2 && st.sameSeg(i-2, i) && st.toks[i-2].is(tCap) && st.toks[i-2].is(tWord) && !st.segStart(i-2)) {
		return false
	}
	if st.g.is(gDeterminer|gPossessive|gConnector|gModifier|gAux|gSpeech|gTitle|gNonName|gPersonNoun|gLeader, t) {
		return false
	}
	if i >= 2 && st.toks[i-2].text == "“" || i >= 2 && st.toks[i-2].text == "\"" {
		return false
	}
	return true
}

func isStateKind(k entryKind) bool {
	return k == eCountry || k == eDemonym || k == eCapital || k == eSeat || k == eEpithet
}

// hyphenParts looks for a state in each part of a hyphenated word.
func (st *state) hyphenParts(i int) {
	t := &st.toks[i]
	partStart := 0
	for k, r := range t.text + "-" {
		if r != '-' && r != '‑' {
			continue
		}
		part := t.text[partStart:min(k, len(t.text))]
		base := t.start + partStart
		partStart = k + len(string(r))
		if part == "" {
			continue
		}
		ps := tokenize(part, base, nil, nil, nil)
		if len(ps) != 1 {
			continue
		}
		_, es := st.lx.phrases.longest(ps, 0)
		for _, e := range es {
			if isStateKind(e.kind) {
				if st.hyph == nil {
					st.hyph = map[int][]hyphenCountry{}
				}
				st.hyph[i] = append(st.hyph[i], hyphenCountry{code: e.idx, start: ps[0].start, end: ps[0].end, via: viaFor(e.kind)})
				break
			}
		}
	}
}

func viaFor(k entryKind) string {
	switch k {
	case eDemonym:
		return viaDemonym
	case eCapital:
		return viaCapital
	case eSeat:
		return viaSeat
	case eEpithet:
		return viaEpithet
	}
	return viaName
}

// lexAt returns the phrase starting at token i.
func (st *state) lexAt(i int) (lexSpan, bool) {
	if i < 0 || i >= len(st.toks) || st.lex[i] < 0 {
		return lexSpan{}, false
	}
	return st.spans[st.lex[i]], true
}

// lexEnding returns the start of the phrase that ends just before token j.
func (st *state) lexEnding(j int) (int, lexSpan, bool) {
	if j <= 0 || j > len(st.toks) || st.in[j-1] < 0 {
		return 0, lexSpan{}, false
	}
	k := st.in[j-1]
	sp := st.spans[k]
	if sp.j != j {
		return 0, lexSpan{}, false
	}
	i := j - 1
	for i > 0 && st.in[i-1] == k {
		i--
	}
	return i, sp, true
}

// entity returns the entity for key, creating it with the given actor fields.
func (st *state) entity(key string, a model.Actor) *entity {
	if k, ok := st.byKey[key]; ok {
		return st.ents[k]
	}
	e := &entity{key: key, a: a}
	st.byKey[key] = len(st.ents)
	st.ents = append(st.ents, e)
	return e
}

func (st *state) entIndex(e *entity) int32 { return int32(st.byKey[e.key]) }

// mention adds a mention of e over tokens [i, j).
func (st *state) mention(e *entity, i, j int, via string) {
	if i >= j {
		return
	}
	sp := model.Span{Start: st.toks[i].start, End: st.toks[j-1].end}
	k := st.entIndex(e)
	if !st.newMention(k, sp) {
		return
	}
	e.mentions = append(e.mentions, ment{i: i, j: j, span: sp, via: via})
	named := e.a.Kind == model.KindPerson && via != viaRole && via != viaPronoun
	for x := i; x < j; x++ {
		if st.used[x] < 0 {
			st.used[x] = k
		}
		if named {
			st.nameTok[x] = true
		}
	}
}

// newMention records that entity k is mentioned over sp and reports whether it was new.
func (st *state) newMention(k int32, sp model.Span) bool {
	key := mentionKey{k, sp}
	if st.seen[key] {
		return false
	}
	st.seen[key] = true
	return true
}

// mentionKey identifies one mention of one entity.
type mentionKey struct {
	ent  int32
	span model.Span
}

// spend takes n units from the document's work budget and reports whether any were left;
// the coreference passes stop when it runs out, so odd inputs cannot make them quadratic.
func (st *state) spend(n int) bool {
	st.budget -= n
	return st.budget >= 0
}

// mentionBytes adds a mention inside one token (a part of a hyphenated word).
func (st *state) mentionBytes(e *entity, tok int, start, end int, via string) {
	sp := model.Span{Start: start, End: end}
	if !st.newMention(st.entIndex(e), sp) {
		return
	}
	e.mentions = append(e.mentions, ment{i: tok, j: tok, span: sp, via: via})
}

// countryEntity returns the actor of the state with lexicon index ci.
func (st *state) countryEntity(ci int) *entity {
	c := st.lx.countries[ci]
	return st.entity("c:"+c.code, model.Actor{Name: c.name, Kind: model.KindCountry, Country: c.code})
}

// result turns the entities into actors: ordered by first mention, mentions sorted.
func (st *state) result() []model.Actor {
	type item struct {
		e     *entity
		first int
	}
	var items []item
	for _, e := range st.ents {
		if len(e.mentions) == 0 {
			continue
		}
		sort.Slice(e.mentions, func(a, b int) bool {
			if e.mentions[a].span.Start != e.mentions[b].span.Start {
				return e.mentions[a].span.Start < e.mentions[b].span.Start
			}
			return e.mentions[a].span.End > e.mentions[b].span.End
		})
		items = append(items, item{e, e.mentions[0].span.Start})
	}
	sort.SliceStable(items, func(a, b int) bool { return items[a].first < items[b].first })
	out := make([]model.Actor, 0, len(items))
	for n, it := range items {
		a := it.e.a
		a.ID = "a" + itoa(n+1)
		if a.Kind == model.KindPerson {
			a.Name = st.printedName(a.Name, it.e.mentions)
		}
		a.Mentions = make([]model.Mention, 0, len(it.e.mentions))
		for k, m := range it.e.mentions {
			via := m.via
			if k == 0 && (via == viaName) {
				via = ""
			}
			a.Mentions = append(a.Mentions, model.Mention{Span: m.span, Text: st.text[m.span.Start:m.span.End], Via: via})
		}
		out = append(out, a)
	}
	return out
}

// printedName is the name as the text prints it when that differs from the lexicon's only
// in accents ("Antonio Guterres" for "António Guterres"), or, when the article never writes
// the lexicon's surname, the fullest name it does write for the person (a spelling variant
// such as "Vassily Nebenzia" for "Vasily Nebenzya", or a name the person goes by), so that
// the name reads as the article wrote it; else name.
func (st *state) printedName(name string, ms []ment) string {
	if v := st.variantName(name, ms); v != "" {
		return v
	}
	if isASCII(name) {
		return name
	}
	want := foldAccents(name)
	for _, m := range ms {
		t := st.text[m.span.Start:m.span.End]
		if isASCII(t) && strings.EqualFold(t, want) {
			return t
		}
	}
	return name
}

// variantName returns the longest mention by name or alias of two or more capitalised words
// when no mention holds the surname of name, or "".
func (st *state) variantName(name string, ms []ment) string {
	sur := surnameOf(name)
	if sur == "" {
		return ""
	}
	best := ""
	for _, m := range ms {
		if m.via != viaName && m.via != viaAlias {
			continue
		}
		t := st.text[m.span.Start:m.span.End]
		if strings.Contains(strings.ToLower(apostropheFold(foldAccents(t))), sur) {
			return ""
		}
		if len(t) > len(best) && capitalisedWords(t) >= 2 {
			best = t
		}
	}
	return best
}

// surnameOf is the lower-case surname of a person's name (nameTokens' last word, past a
// suffix such as "Jr."), with accents and curly apostrophes folded.
func surnameOf(name string) string {
	ws := nameTokens(name)
	if len(ws) == 0 {
		return ""
	}
	return apostropheFold(foldAccents(ws[len(ws)-1]))
}

// capitalisedWords counts the words of s, or 0 when one of them is not capitalised.
func capitalisedWords(s string) int {
	ws := strings.Fields(s)
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return 0
		}
	}
	return len(ws)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldAccents drops the combining marks of s once decomposed: "António" gives "Antonio".
func foldAccents(s string) string {
	if isASCII(s) {
		return s // nothing to fold: spares the decomposition for every English name
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// text of tokens [i, j) as printed.
func (st *state) span(i, j int) string {
	if i >= j {
		return ""
	}
	return st.text[st.toks[i].start:st.toks[j-1].end]
}
