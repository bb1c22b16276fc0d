// Package quote finds quotations and reported speech in an article, and who said them.
//
// One scan of the text finds the quotation marks (double and single, straight and curly, the
// typewriter ” and “), tells apostrophes from marks by the characters around them, and pairs
// the marks paragraph by paragraph; a quotation left open at a paragraph end continues when the
// next paragraph opens with a mark. The speaker comes from the attribution around each
// quotation: a cue word (said, told, wrote, according to...) and the phrase that names its
// subject, resolved to an actor of the document when an actor mention covers it. A quotation
// without an attribution of its own belongs to the speaker of the quotation before it.
package quote

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Finder finds quotes. It holds only read-only word lists and is safe for concurrent use.
type Finder struct {
	lex *lexicon
	// scratch holds *work values between documents.
	scratch sync.Pool
}

// New returns a Finder with the embedded word lists.
func New() *Finder {
	lx, err := parseLexicon(wordsTSV)
	if err != nil {
		// the word list is embedded in the binary and checked by the tests
		panic("quote: embedded word list: " + err.Error())
	}
	return &Finder{lex: lx}
}

// Name is the stage's name.
func (*Finder) Name() string { return "quotes" }

// Kinds of quote.
const (
	KindDirect   = "direct"
	KindIndirect = "indirect"
)

// attribution is what the text around one quotation says about who said it.
type attribution struct {
	who      phrase
	cue      byteRange
	cueText  string
	explicit bool // the speaker is named around this quotation (not carried over)
	hasCue   bool
	work     bool // the words before the marks make them a title or a term
	post     bool // the attribution follows the quotation at once ("...," he said)
	// sameSentence: the quotation goes on the sentence of the quotation before it
	// (a “coalition of the willing” to provide the “security architecture”).
	sameSentence bool
}

// speaker is a resolved speaker.
type speaker struct {
	id, name string
	person   bool
	para     int
	// at is where the speaker was named (the end of the name), for choosing between the last
	// speaker and a person named since.
	at int
}

// maxShortWords: a quotation of at most this many words needs an attribution to count.
const maxShortWords = 4

// Annotate fills doc.Quotes with the direct quotations of doc.Text and doc.Reported with its
// reported speech.
func (f *Finder) Annotate(doc *model.Document) {
	doc.Quotes, doc.Reported = nil, nil
	if doc.Text == "" {
		return
	}
	idx := newActorIndex(doc)
	w := f.work(doc.Text)
	doc.Quotes = w.direct(doc, idx)
	doc.Reported = w.reported(doc, idx, doc.Quotes)
	f.done(w)
}

// direct finds the quotations in marks.
func (f *work) direct(doc *model.Document, idx actorIndex) []model.Quote {
	text := doc.Text
	paras, marks := scanMarks(text)
	pieces := pair(text, paras, marks)
	if len(pieces) == 0 {
		return nil
	}
	dropUnclosedChains(pieces)
	attrs := make([]attribution, len(pieces))
	for i := range pieces {
		attrs[i] = f.attribute(text, paras, pieces, i)
	}
	var st state
	out := make([]model.Quote, 0, len(pieces))
	spk := make([]speaker, len(pieces))
	kept := make([]int, len(pieces)) // index into out, or -1
	for i, pc := range pieces {
		kept[i] = -1
		a := attrs[i]
		check := a
		if a.sameSentence && i > 0 && kept[i-1] >= 0 && (attrs[i-1].hasCue || attrs[i-1].explicit) {
			check.hasCue = true // the speech of the quotation before goes on in this sentence
		}
		if !a.hasCue && a.who.kind == npNone && i+1 < len(pieces) {
			// may take “necessary measures” to stop ships into “territorial waters,” the law
			// says: the attribution after the last quotation of a sentence is the whole sentence's
			if b := attrs[i+1]; b.sameSentence && b.post && b.hasCue && b.explicit {
				a, check = b, b
				a.post = false
			}
		}
		if pc.dropped || f.notSpeech(text, pc, check) {
			continue
		}
		var s speaker
		if a.who.kind == npPronoun && a.who.plural && idx.at(a.who.start, a.who.end) == nil {
			// "Nine rights groups called for his release. “...,” they said": the subject of the
			// sentence before, when it was named after the last speaker
			if p := f.previousSubject(text, pc.open.start); p.kind != npNone && p.end > st.last.at {
				a.who = p
			}
		}
		if a.who.kind != npNone {
			s = f.resolve(text, idx, &st, a.who)
		} else if pc.prev >= 0 && kept[pc.prev] >= 0 {
			s = spk[pc.prev]
		} else if p, at := f.previousSentenceSpeaker(text, pc.open.start); p.kind != npNone && at > st.last.at {
			s = f.resolve(text, idx, &st, p)
		} else if st.last.name != "" {
			s = st.last
		}
		s.para = pc.para
		spk[i] = s
		st.remember(s, a.who.kind == npName)
		q := model.Quote{
			Span: model.Span{Start: pc.inner.start, End: pc.inner.end}, Text: text[pc.inner.start:pc.inner.end],
			Speaker: s.id, SpeakerName: s.name, Kind: KindDirect,
		}
		if a.hasCue {
			q.Cue = a.cueText
			q.CueSpan = model.Span{Start: a.cue.start, End: a.cue.end}
		}
		if a.explicit {
			q.SpeakerSpan = model.Span{Start: a.who.nameSpan.start, End: a.who.nameSpan.end}
		}
		kept[i] = len(out)
		out = append(out, q)
	}
	// a quotation running over paragraphs takes its speaker from the piece that names one
	for i := len(pieces) - 1; i >= 0; i-- {
		p := pieces[i].prev
		if p < 0 || kept[i] < 0 || kept[p] < 0 || attrs[p].explicit || !attrs[i].explicit {
			continue
		}
		src, dst := &out[kept[i]], &out[kept[p]]
		dst.Speaker, dst.SpeakerName = src.Speaker, src.SpeakerName
	}
	return out
}

// previousSentenceSpeaker returns the speaker of the sentence before pos when that sentence
// reports speech ("Alasow confirmed that the siege ended. “Our forces ...”"), and where the
// speaker is named.
func (f *work) previousSentenceSpeaker(text string, pos int) (phrase, int) {
	defer f.rewind(len(f.toks))
	ts, _ := f.sentenceBefore(text, pos)
	for c := len(ts) - 1; c >= 0; c-- {
		if ts[c].punct == '"' {
			break // the sentence holds a quotation of its own
		}
		if n := f.cueAt(ts, c); n > 0 && !ts[c].capital {
			// a pronoun adds nothing to the previous speaker
			if p := f.subjectBefore(text, ts, c); p.kind == npName || p.kind == npRole {
				return p, p.end
			}
			return phrase{}, -1
		}
	}
	return phrase{}, -1
}

// sentenceBefore tokenizes the last sentence that ends before pos (the caller rewinds), and
// reports whether its start is in view.
func (f *work) sentenceBefore(text string, pos int) ([]tok, bool) {
	ts := f.tokenize(text, max(0, pos-nameWindow), pos, true)
	end := len(ts) - 1
	for end >= 0 && !sentenceEnd(ts[end]) {
		end--
	}
	if end < 0 {
		return nil, false
	}
	out := afterLastSentenceEnd(ts[:end])
	return out, len(out) < end || pos-nameWindow <= 0
}

// previousSubject returns the subject of the sentence before pos when it can stand for
// "they": a name or a plural role ("Nine press freedom and rights groups", "three members of
// the U.S. Senate").
func (f *work) previousSubject(text string, pos int) phrase {
	defer f.rewind(len(f.toks))
	ts, whole := f.sentenceBefore(text, pos)
	if len(ts) == 0 || !whole {
		return phrase{} // the sentence's start is not in view
	}
	for len(ts) > 0 && ts[0].punct == '"' {
		ts = ts[1:] // the closing mark of the sentence before
	}
	// a quotation that ends its own sentence ("... to be persecuted." Meanwhile, three
	// senators ...) is the sentence before this one's
	for x := len(ts) - 1; x > 0; x-- {
		if p := ts[x-1].punct; ts[x].punct == '"' && (p == '.' || p == '?' || p == '!') && x+1 < len(ts) && ts[x+1].capital {
			ts = ts[x+1:]
			break
		}
	}
	for _, t := range ts {
		if t.punct == '"' {
			return phrase{}
		}
	}
	p := f.firstChunkSubject(text, ts)
	if p.kind == npName || p.kind == npRole && p.plural {
		return p
	}
	return phrase{}
}

// recentSpeaker returns the last speaker named with a cue, outside quotation marks, in the
// text before pos ("Trump contended in a post that ..."), and where it is named.
func (f *work) recentSpeaker(text string, pos int) (phrase, int) {
	defer f.rewind(len(f.toks))
	ts := f.tokenize(text, max(0, pos-nameWindow), pos, true)
	inQuote := false
	for c := len(ts) - 1; c >= 0; c-- {
		if ts[c].punct == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote || ts[c].capital {
			continue
		}
		n := f.cueAt(ts, c)
		if n == 0 || ts[c].lower == "according" {
			continue
		}
		// the subject is read within the cue's sentence
		s0 := c
		for s0 > 0 && !sentenceEnd(ts[s0-1]) {
			s0--
		}
		p := f.subjectBefore(text, ts[s0:], c-s0)
		if p.kind == npNone {
			p = f.phraseAfter(text, ts, c+n)
		}
		if p.kind == npName {
			return p, p.end
		}
	}
	return phrase{}, -1
}

// nameWindow is how far back, in bytes, a pronoun looks for the person it stands for.
const nameWindow = 600

// nearestPerson returns the last name of a person (two or more capitalised words, none of
// them an organisation word) in the text before pos, and where it ends.
func (f *work) nearestPerson(text string, pos int) (string, int) {
	return f.personBefore(text, pos, "")
}

// personBefore is nearestPerson for a person whose title, written before the name, fits the
// head of a role description ("the mayor": "Mayor Bill de Blasio"; "the US leader": "US
// President Donald Trump"); any person when head is empty.
func (f *work) personBefore(text string, pos int, head string) (string, int) {
	defer f.rewind(len(f.toks))
	lo := max(0, pos-nameWindow)
	ts := f.tokenize(text, lo, pos, true)
	end := len(ts)
	for end > 0 {
		// find the last run of capitalised words
		for end > 0 && !ts[end-1].capital {
			end--
		}
		start := end
		for start > 0 && ts[start-1].capital {
			start--
		}
		run := ts[start:end]
		for len(run) > 0 && (f.lex.title[run[0].lower] || determiners[run[0].lower] ||
			conjunctions[run[0].lower] || f.lex.opener[run[0].lower]) {
			run = run[1:]
		}
		run = f.trimTitles(run)
		ok := len(run) >= 2
		for _, t := range run {
			if f.lex.org[strings.TrimSuffix(strings.TrimSuffix(t.lower, "'s"), "’s")] || f.cueAt(run, 0) > 0 {
				ok = false
			}
		}
		if ok && head != "" {
			ok = false
			for x := max(0, start-3); x < len(ts) && ts[x].start < run[0].start; x++ {
				if titleFits(head, ts[x].lower) {
					ok = true
				}
			}
		}
		if ok {
			return text[run[0].start:run[len(run)-1].end], run[len(run)-1].end
		}
		end = start
	}
	return "", -1
}

// trimTitles drops the titles and roles that open a run of capitalised words ("Chief
// Inspector Maria Lund" gives "Maria Lund") and keeps at most three words.
func (f *Finder) trimTitles(run []tok) []tok {
	for k := len(run) - 2; k >= 0; k-- {
		if f.lex.role[run[k].lower] {
			run = run[k+1:]
			break
		}
	}
	if len(run) > 3 {
		run = run[len(run)-3:]
	}
	return run
}

// dropUnclosedChains marks the pieces of quotations whose marks never close: an opening mark
// at a paragraph start continued paragraph after paragraph but never closed is a transcript or
// a stray mark, not a quotation.
func dropUnclosedChains(pieces []piece) {
	next := make([]int, len(pieces))
	for i := range next {
		next[i] = -1
	}
	for i, pc := range pieces {
		if pc.prev >= 0 {
			next[pc.prev] = i
		}
	}
	for i := len(pieces) - 1; i >= 0; i-- {
		if pieces[i].unclosed && (next[i] < 0 || pieces[next[i]].dropped) {
			pieces[i].dropped = true
		}
	}
}

// state is what the finder remembers while it reads the quotations in order.
type state struct {
	last   speaker // the speaker of the previous quotation
	person speaker // the last speaker named by a name
	names  []string
}

func (st *state) remember(s speaker, named bool) {
	if s.name == "" {
		return
	}
	st.last = s
	if named || s.person {
		st.person = s
	}
	if named && len(st.names) < 256 {
		st.names = append(st.names, s.name)
	}
}

// attribute reads the text around pieces[i] for its speaker and cue.
func (f *work) attribute(text string, paras []paragraph, pieces []piece, i int) attribution {
	a, same := f.attributeIn(text, paras, pieces, i)
	a.sameSentence = same
	return a
}

// endsSentence reports whether a quotation ends with a full stop, question or exclamation
// mark inside its marks.
func endsSentence(text string, pc piece) bool {
	if pc.inner.end <= pc.inner.start {
		return false
	}
	c := text[pc.inner.end-1]
	return c == '.' || c == '?' || c == '!'
}

func (f *work) attributeIn(text string, paras []paragraph, pieces []piece, i int) (attribution, bool) {
	defer f.rewind(len(f.toks))
	pc := pieces[i]
	para := paras[pc.para]
	lo, hi := para.start, para.end
	// a title in marks before the quotation ("Fox News’ “Sunday Morning Futures” show") is part
	// of the attribution's words, not a quotation that bounds them
	k := i - 1
	for k >= 0 && pieces[k].para == pc.para && titleCase(text[pieces[k].inner.start:pieces[k].inner.end]) {
		k--
	}
	if k >= 0 && pieces[k].para == pc.para {
		lo = pieces[k].close.end
	} else if k < i-1 {
		lo = para.start
	}
	if i+1 < len(pieces) && pieces[i+1].para == pc.para {
		hi = pieces[i+1].open.start
	}
	all := f.tokenize(text, lo, pc.open.start, true)
	before := afterLastSentenceEnd(all)
	same := i > 0 && pieces[i-1].para == pc.para && len(before) == len(all) && !endsSentence(text, pieces[i-1])
	if len(before) == 0 && lo == para.start && pc.para > 0 {
		// a block quotation introduced by the paragraph before: "Carl Bialik wrote:"
		prev := paras[pc.para-1]
		if ts := f.tokenize(text, prev.start, prev.end, true); len(ts) > 0 && ts[len(ts)-1].punct == ':' {
			before = afterLastSentenceEnd(ts[:len(ts)-1])
		}
	}
	after := beforeFirstSentenceEnd(f.tokenize(text, pc.close.end, hi, false))

	// "...," said Trump / "...," Trump said / "...," the official, who ..., said
	t := after
	for len(t) > 0 && (t[0].punct == ',' || t[0].punct == '\u2014' || t[0].punct == '-') {
		t = t[1:]
	}
	// a quotation that ends its sentence inside the marks ("... partnership.") is followed by a
	// new sentence unless a lower-case word goes on ("..." she said)
	if len(t) > 0 && !(t[0].isWord() && !t[0].capital) {
		switch text[pc.inner.end-1] {
		case '.':
			t = nil
		case '?', '!':
			if c := f.firstCue(t, 6); c < 0 {
				t = nil
			}
		}
	}
	if n := f.cueAt(t, 0); n > 0 {
		if p := f.phraseAfter(text, t, n); p.kind != npNone {
			a := f.attr(text, p, t[0], t[n-1])
			a.post = true
			return a, same
		}
	}
	if c := f.firstCue(t, 30); c > 0 {
		if p := f.postSubject(text, t[:c]); p.kind != npNone {
			a := f.attr(text, p, t[c], t[c+f.cueAt(t, c)-1])
			a.post = c <= 3
			return a, same
		}
	}
	// "..." ― Sonya Herridge
	if len(after) > 1 && (after[0].punct == '\u2014' || after[0].punct == '\u2015' || after[0].punct == '\u2013' || after[0].punct == '-') {
		k := 1
		for k < len(after) && after[k].punct == '-' {
			k++
		}
		if p := f.classify(text, f.leadingPhrase(after[k:])); p.kind == npName {
			return attribution{who: p, explicit: true}, same
		}
	}
	// Trump said: "..." / Zakharova said that Moscow "..." / According to X, "..."
	first := -1 // the cue nearest the quotation
	for c := len(before) - 1; c >= 0; c-- {
		n := f.cueAt(before, c)
		if n == 0 || before[c].capital && before[c].lower != "according" {
			continue
		}
		if first < 0 {
			first = c
		}
		var p phrase
		if before[c].lower == "according" {
			p = f.phraseAfter(text, before, c+n)
		} else {
			p = f.subjectBefore(text, before, c)
		}
		if p.kind == npNone && coordinated(before, c) {
			continue // "X said ... and called it": the subject is the earlier cue's
		}
		if o, ok := f.outerReport(text, pc, before, c); ok {
			p, first = o.who, o.cue
		}
		a := f.attr(text, p, before[first], before[first+f.cueAt(before, first)-1])
		if p.kind == npNone {
			a.explicit = false
		}
		return a, same
	}
	if first >= 0 {
		// "Trump dodged a question ..., but said, “...”": the clause's subject
		if coordinated(before, first) {
			if p := f.firstChunkSubject(text, before[:first]); p.kind == npName || p.kind == npPronoun {
				return f.attr(text, p, before[first], before[first+f.cueAt(before, first)-1]), same
			}
		}
		return attribution{cue: byteRange{before[first].start, before[first].end}, cueText: before[first].lower, hasCue: true}, same
	}
	// an inverted cue opening the sentence: "Stated Stone:", "Said Trump,"
	if len(before) >= 2 && before[0].capital && f.cueAt(before, 0) == 1 && before[0].lower != "according" {
		if p := f.phraseAfter(text, before, 1); p.kind == npName {
			return f.attr(text, p, before[0], before[0]), same
		}
	}
	// a document brought in before the quotation: "Trump issued a statement, “...”"
	if n := len(before); n >= 3 && (before[n-1].punct == ',' || before[n-1].punct == ':') {
		for k := n - 2; k >= max(0, n-4); k-- {
			if f.lex.medium[before[k].lower] {
				if p := f.firstChunkSubject(text, before[:k]); p.kind == npName || p.kind == npPronoun {
					return attribution{who: p, explicit: true}, same
				}
				break
			}
		}
	}
	// a label: "Pollsters agree - Carl Bialik: “...”"
	if n := len(before); n >= 2 && before[n-1].punct == ':' {
		if p := f.subjectBefore(text, before, n-1); p.kind == npName {
			return attribution{who: p, explicit: true}, same
		}
	}
	// a cue later in the sentence: "..." is what Trump said; not when the quotation ended its
	// sentence and a new one starts ("...heal.” The head of MSF told the council that ...")
	newSentence := len(after) > 0 && text[pc.inner.end-1] == '.' && after[0].isWord() && after[0].capital
	if c := f.firstCue(after, len(after)); c >= 0 && !newSentence {
		p := f.subjectBefore(text, after, c)
		// "..." strategy to assert its claims, said Alexander Vuving: a cue after a comma with a
		// name after it is inverted
		if q := f.phraseAfter(text, after, c+f.cueAt(after, c)); p.kind == npNone || q.kind == npName && c > 0 && after[c-1].punct == ',' {
			p = q
		}
		a := f.attr(text, p, after[c], after[c+f.cueAt(after, c)-1])
		if p.kind == npNone {
			a.explicit = false
		}
		return a, same
	}
	// the words right before the mark may make it a title: the film "Dune", so-called "reforms"
	if f.workBefore(before) {
		return attribution{work: true}, same
	}
	return attribution{}, same
}

// coordinated reports whether the cue at ts[c] is a verb coordinated with an earlier one,
// without a subject of its own: "and called", ", but said".
func coordinated(ts []tok, c int) bool {
	return c > 0 && (ts[c-1].lower == "and" || ts[c-1].lower == "but")
}

// postSubject reads the speaker in the words between a quotation and its cue: the first
// phrase, which must not be a clause ("...," Rep. Elijah E. Cummings (D-Md.) said).
func (f *Finder) postSubject(text string, ts []tok) phrase {
	end := 0
	for end < len(ts) && ts[end].punct != ',' && ts[end].punct != '(' && ts[end].punct != '\u2014' {
		if !ts[end].capital && (f.lex.stop[ts[end].lower] || f.cueAt(ts, end) > 0) {
			return phrase{}
		}
		end++
	}
	p := f.classify(text, ts[:end])
	// a role with the name after it: "...," Guterres' spokesman, Stephane Dujarric, told
	if (p.kind == npRole || p.kind == npNone) && end < len(ts) && ts[end].punct == ',' {
		next := end + 1
		stop := next
		for stop < len(ts) && ts[stop].punct != ',' && ts[stop].punct != '(' && ts[stop].punct != '\u2014' {
			stop++
		}
		if stop < len(ts) && ts[stop].punct == ',' && stop+1 == len(ts) || stop == len(ts) {
			if q := f.classify(text, ts[next:stop]); q.kind == npName {
				return q
			}
		}
	}
	return p
}

// firstCue returns the index of the first cue among the first limit tokens of ts, stopping at
// a colon, a semicolon or a quotation mark; -1 when there is none.
func (f *Finder) firstCue(ts []tok, limit int) int {
	for i := 0; i < len(ts) && i < limit; i++ {
		if ts[i].punct == ':' || ts[i].punct == ';' || ts[i].punct == '"' {
			return -1
		}
		if !ts[i].capital && f.cueAt(ts, i) > 0 {
			return i
		}
	}
	return -1
}

func (f *Finder) attr(text string, p phrase, first, last tok) attribution {
	return attribution{who: p, cue: byteRange{first.start, last.end}, cueText: text[first.start:last.end],
		explicit: p.kind != npNone, hasCue: true}
}

// workBefore reports whether the words before a quotation make it a title or a term.
func (f *Finder) workBefore(before []tok) bool {
	n := len(before)
	if n == 0 {
		return false
	}
	if f.lex.work[before[n-1].lower] {
		return true
	}
	return n >= 2 && f.lex.workPair[before[n-2].lower+" "+before[n-1].lower]
}

// notSpeech reports whether a quotation is a title, a name or a scare-quoted term rather than
// words someone said.
func (f *Finder) notSpeech(text string, pc piece, a attribution) bool {
	inner := text[pc.inner.start:pc.inner.end]
	words, letters := 0, false
	inWord := false
	for _, r := range inner {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				words++
			}
			inWord = true
			letters = letters || unicode.IsLetter(r)
		} else if r != '\'' && r != '\u2019' && r != '-' {
			inWord = false
		}
	}
	if !letters {
		return true
	}
	if a.work {
		return true
	}
	if words == 1 && a.post {
		return false // "Absolutely," he said
	}
	if titleCase(inner) || transcriptTurn(inner) || shouted(inner) {
		return true
	}
	if words > maxShortWords {
		return false
	}
	if a.hasCue || a.explicit {
		return false
	}
	// a short full sentence is speech; a short phrase with nobody saying it is a term
	first, _ := utf8.DecodeRuneInString(inner)
	last := inner[len(inner)-1]
	return !(unicode.IsUpper(first) && (last == '.' || last == '!' || last == '?'))
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "and": true, "or": true, "but": true,
	"by": true, "with": true, "from": true, "as": true, "is": true, "vs.": true, "de": true}

// maxTitleWords bounds a title in quotation marks ("Fox News Sunday", "A Change Is Gonna Come").
const maxTitleWords = 8

// titleCase reports whether s is a short run of capitalised words: a title or a name, not speech.
func titleCase(s string) bool {
	words, caps := 0, 0
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ".,;:!?()[]\"'\u2018\u2019\u201c\u201d")
		if w == "" {
			continue
		}
		words++
		if words > maxTitleWords {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case smallWords[strings.ToLower(w)]:
		default:
			return false
		}
	}
	if words == 1 {
		// one capitalised word is a name or a title ("Hannity,", "Sherlock.") unless it is
		// exclaimed or asked
		last := s[len(s)-1]
		return caps == 1 && last != '!' && last != '?'
	}
	return caps > 0 && words > 0 && strings.Count(s, ". ") == 0
}

// shouted reports whether s is written in capitals throughout, three words or more: a
// headline, not speech.
func shouted(s string) bool {
	words, upper := 0, true
	for w := range strings.FieldsSeq(s) {
		words++
		if strings.ContainsFunc(w, unicode.IsLower) {
			upper = false
			break
		}
	}
	return upper && words >= 3 && strings.ContainsFunc(s, unicode.IsUpper)
}

// transcriptTurn reports whether s opens with a speaker label in capitals ("WALLACE: ...").
func transcriptTurn(s string) bool {
	label, _, ok := strings.Cut(s, ":")
	if !ok || len(label) < 2 || len(label) > 30 {
		return false
	}
	for _, r := range label {
		if unicode.IsLower(r) {
			return false
		}
	}
	return strings.ContainsFunc(label, unicode.IsUpper)
}

// actorIndex finds the actors whose mentions cover a span: the mentions sorted by start.
type actorIndex struct {
	doc      *model.Document
	mentions []indexed
}

type indexed struct {
	start, end int
	actor      int // index into doc.Actors
	mention    int // index into the actor's Mentions
}

// maxMentionBytes bounds how far before a span a mention that overlaps it may start.
const maxMentionBytes = 256

func newActorIndex(doc *model.Document) actorIndex {
	x := actorIndex{doc: doc}
	n := 0
	for i := range doc.Actors {
		n += len(doc.Actors[i].Mentions)
	}
	x.mentions = make([]indexed, 0, n)
	for i := range doc.Actors {
		for j, m := range doc.Actors[i].Mentions {
			if m.End > m.Start {
				x.mentions = append(x.mentions, indexed{m.Start, m.End, i, j})
			}
		}
	}
	slices.SortStableFunc(x.mentions, func(a, b indexed) int { return cmp.Compare(a.start, b.start) })
	return x
}

// overlapping calls fn for each mention overlapping [start, end).
func (x actorIndex) overlapping(start, end int, fn func(a *model.Actor, m model.Mention)) {
	lo, _ := slices.BinarySearchFunc(x.mentions, start-maxMentionBytes, func(e indexed, t int) int { return cmp.Compare(e.start, t) })
	for _, e := range x.mentions[lo:] {
		if e.start >= end {
			break
		}
		if start < e.end {
			a := &x.doc.Actors[e.actor]
			fn(a, a.Mentions[e.mention])
		}
	}
}

// at returns the actor with a mention overlapping [start, end), the one nearest the end
// when there are several; nil when none.
func (x actorIndex) at(start, end int) *model.Actor {
	a, _ := x.mentionAt(start, end)
	return a
}

// mentionAt is at with the mention that matched.
func (x actorIndex) mentionAt(start, end int) (*model.Actor, model.Mention) {
	var best *model.Actor
	var bm model.Mention
	bestEnd := -1
	x.overlapping(start, end, func(a *model.Actor, m model.Mention) {
		if m.End > bestEnd {
			best, bm, bestEnd = a, m, m.End
		}
	})
	return best, bm
}

// allIn returns the distinct people with a mention overlapping [start, end): the speakers of
// "Putin and Pezeshkian" or "Both presidents".
func (x actorIndex) allIn(start, end int) []*model.Actor {
	var out []*model.Actor
	x.overlapping(start, end, func(a *model.Actor, m model.Mention) {
		if m.Via == "pronoun" || a.Kind != model.KindPerson || slices.Contains(out, a) {
			return
		}
		out = append(out, a)
	})
	return out
}

// bySurname returns the person actor whose name ends with the given word; nil when none.
func (x actorIndex) bySurname(word string) *model.Actor {
	for i := range x.doc.Actors {
		a := &x.doc.Actors[i]
		if a.Kind != model.KindPerson {
			continue
		}
		if strings.EqualFold(lastWord(a.Name), word) {
			return a
		}
	}
	return nil
}

func lastWord(s string) string {
	s = strings.TrimRight(s, ".,")
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// resolve turns a speaker phrase into a speaker: an actor when a mention covers the phrase,
// else the name the text gives, the previous speaker for a pronoun or a plural role.
func (f *work) resolve(text string, idx actorIndex, st *state, p phrase) speaker {
	// several speakers: "Putin and Pezeshkian", "Both presidents"
	if p.plural {
		if as := idx.allIn(p.nameSpan.start, p.nameSpan.end); len(as) > 1 {
			names := make([]string, 0, len(as))
			for _, a := range as {
				names = append(names, a.Name)
			}
			return speaker{id: as[0].ID, name: strings.Join(names, " and "), at: p.end}
		}
	}
	// a person named with where they work: "Huseyin Bagci of the Foreign Policy Institute",
	// "Advisor Mesut Casin of Istanbul's Yeditepe University"
	if p.kind == npName {
		var who *model.Actor
		idx.overlapping(p.start, p.nameSpan.end, func(a *model.Actor, m model.Mention) {
			if who == nil && a.Kind == model.KindPerson && m.End < p.nameSpan.end {
				if rest := text[m.End:p.nameSpan.end]; strings.HasPrefix(rest, " of ") || strings.HasPrefix(rest, " from ") {
					who = a
				}
			}
		})
		if who != nil {
			return speaker{id: who.ID, name: who.Name, person: true, at: p.end}
		}
	}
	// "the rights group" after "The Cambodian League for ... issued a statement"
	if a := namedBody(text, idx, p); a != nil {
		return speaker{id: a.ID, name: a.Name, at: p.end}
	}
	// the mention must cover the phrase's last word: "His surrogates" is not the man "His" is
	if a, m := idx.mentionAt(max(p.nameSpan.start, p.nameSpan.end-1), p.nameSpan.end); a != nil {
		if s, ok := f.speakerSince(text, idx, st, p, a, m); ok {
			return s
		}
		name := a.Name
		if a.Kind == model.KindCountry && (m.Via == "seat" || m.Via == "capital" || m.Via == "demonym") && m.Text != "" {
			// the Kremlin speaks for Russia, and is named as the text names it; "Mexicans say"
			// is the people, not the state
			name = m.Text
		}
		if !strings.ContainsFunc(a.Name, unicode.IsUpper) && p.kind == npRole && strings.ContainsFunc(p.name, unicode.IsUpper) {
			// a body the actor stage knows only by a common noun is named as the text names
			// it: "Prime Minister Shehbaz Sharif's administration", not "administration"
			name = p.name
		}
		return speaker{id: a.ID, name: name, person: a.Kind == model.KindPerson, at: p.end}
	}
	switch p.kind {
	case npName:
		if p.plural {
			return speaker{name: p.name, at: p.end}
		}
		sur := lastWord(p.name)
		if a := idx.bySurname(sur); a != nil {
			return speaker{id: a.ID, name: a.Name, person: true, at: p.end}
		}
		for i := len(st.names) - 1; i >= 0; i-- {
			n := st.names[i]
			if len(n) > len(p.name) && strings.EqualFold(lastWord(n), sur) && !strings.Contains(n, ".") {
				return speaker{name: n, person: true, at: p.end}
			}
		}
		return speaker{name: p.name, at: p.end}
	case npPronoun:
		switch strings.ToLower(p.name) {
		case "he", "she", "i", "who":
			// the person last said to speak, the last speaker, the person last named
			if q, at := f.recentSpeaker(text, p.start); q.kind == npName && at > st.person.at {
				s := f.resolve(text, idx, st, q)
				s.person = true
				return s
			}
			if st.person.name != "" {
				return st.person
			}
			if n, at := f.nearestPerson(text, p.start); n != "" {
				return speaker{name: n, person: true, at: at}
			}
		default:
			if st.last.name != "" {
				return st.last
			}
		}
		return speaker{name: p.name}
	case npRole:
		if p.plural && (p.determiner == "both" || p.determiner == "two") && st.last.name != "" {
			return st.last
		}
		// "the US leader", "the top diplomat": the person named last before
		if head := lastWord(strings.ToLower(p.name)); p.determiner == "the" && !p.plural && f.lex.role[head] {
			if n, at := f.personBefore(text, p.start, head); n != "" {
				return speaker{name: n, person: true, at: at}
			}
		}
		return speaker{name: p.name, at: p.end}
	}
	return speaker{}
}

// bodyHeads are the nouns of a description that names an organisation ("the group", "the
// ministry").
var bodyHeads = map[string]bool{"group": true, "association": true, "organization": true,
	"organisation": true, "league": true, "union": true, "ministry": true, "agency": true,
	"committee": true, "council": true, "coalition": true, "alliance": true, "network": true,
	"foundation": true, "institute": true, "watchdog": true, "commission": true, "movement": true}

// namedBody resolves a singular description of an organisation, "the rights group", to the
// organisation named last before it by its own name, in the window a pronoun looks back over:
// one whose name holds the head noun, else one named at the start of a sentence (its subject).
func namedBody(text string, idx actorIndex, p phrase) *model.Actor {
	if p.kind != npRole || p.determiner != "the" || p.plural || !bodyHeads[strings.ToLower(lastWord(p.name))] {
		return nil
	}
	head := strings.ToLower(lastWord(p.name))
	var best *model.Actor
	idx.overlapping(max(0, p.start-nameWindow), p.start, func(a *model.Actor, m model.Mention) {
		if a.Kind != model.KindOrganization || m.End > p.start || !strings.ContainsFunc(a.Name, unicode.IsUpper) {
			return
		}
		lead := strings.TrimSuffix(strings.TrimRight(text[max(0, m.Start-8):m.Start], " "), "The")
		lead = strings.TrimRight(lead, " \"\u201d\u2019'")
		subject := lead == "" || strings.HasSuffix(lead, ".") || strings.HasSuffix(lead, "\n")
		if strings.Contains(strings.ToLower(a.Name), head) || subject {
			best = a
		}
	})
	return best
}

// speakerSince overrides the actor stage's reading of a pronoun when someone was said to speak
// after the last name of the person it gave: in "Nop Vy told VOA the release was a “good
// sign.” He called for ..." he is Nop Vy, whom the actor stage may not know, rather than a
// person named before.
func (f *work) speakerSince(text string, idx actorIndex, st *state, p phrase, a *model.Actor, m model.Mention) (speaker, bool) {
	if p.kind != npPronoun || m.Via != "pronoun" || a.Kind != model.KindPerson {
		return speaker{}, false
	}
	antecedent := -1
	for _, am := range a.Mentions {
		if am.Via != "pronoun" && am.End <= p.start && am.End > antecedent {
			antecedent = am.End
		}
	}
	q, at := f.recentSpeaker(text, p.start)
	if q.kind != npName || at <= antecedent {
		return speaker{}, false
	}
	if b := idx.at(max(q.nameSpan.start, q.nameSpan.end-1), q.nameSpan.end); b != nil {
		return speaker{}, false // a known actor: the actor stage has weighed it
	}
	s := f.resolve(text, idx, st, q)
	s.person = true
	return s, true
}

// titleFits reports whether a title written before a name fits the head of a role
// description: the same word, or a head of government for "leader".
func titleFits(head, title string) bool {
	title = strings.TrimSuffix(title, ".")
	if head == title {
		return true
	}
	switch head {
	case "leader":
		return title == "president" || title == "minister" || title == "premier" || title == "chancellor" || title == "king"
	case "senator":
		return title == "sen"
	case "governor":
		return title == "gov"
	case "diplomat":
		return title == "secretary" || title == "minister" || title == "ambassador" || title == "envoy"
	}
	return false
}

// speechVerbs are the cues whose subject is the speaker of any words in marks after them,
// even inside the reported content of another cue ("Lee said the minister told him “...”").
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true,
	"wrote": true, "writes": true, "added": true, "asked": true, "stated": true, "replied": true}

// outer is the reporting cue whose content holds a nearer cue.
type outer struct {
	who phrase
	cue int
}

// outerReport finds, for a short fragment in marks after the cue before[c], a reporting cue
// earlier in the same clause whose content holds before[c]: in "A court alleged the journalist
// had posted “provocative” messages" the word in marks is the court's, not the journalist's.
// A fragment opens with a lower-case letter and has at most four words; a cue that only says
// (said, told) keeps its own subject.
func (f *work) outerReport(text string, pc piece, before []tok, c int) (outer, bool) {
	inner := text[pc.inner.start:pc.inner.end]
	r, _ := utf8.DecodeRuneInString(inner)
	if !unicode.IsLower(r) || len(strings.Fields(inner)) > 4 || speechVerbs[before[c].lower] {
		return outer{}, false
	}
	for k := c - 1; k >= 1; k-- {
		t := before[k]
		if !t.isWord() {
			if t.punct == ',' || t.punct == ';' || t.punct == ':' || t.punct == '"' || t.punct == '(' {
				return outer{}, false
			}
			continue
		}
		if t.capital || !f.lex.report[t.lower] || f.cueAt(before, k) == 0 {
			continue
		}
		p := f.subjectBefore(text, before, k)
		if p.kind == npNone {
			return outer{}, false
		}
		return outer{who: p, cue: k}, true
	}
	return outer{}, false
}
