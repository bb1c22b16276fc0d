// Package timex finds time expressions in an article and gives each its TIMEX3 value, anchored
// on the article's publication time.
//
// The text is cut into tokens once; at each token a set of small hand-written matchers (date,
// weekday, year, deictic, quarter, duration, set, clock time, fixed phrases) is tried and the
// longest match wins. Values are resolved against the publication time (Document.Published,
// else Document.Now); the tense of the clause around an expression decides between the past
// and the future occurrence of "Friday" or "March 3". See docs/timex.md.
package timex

import (
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/lowercase"
)

// Tagger finds and normalises time expressions. It is safe for concurrent use.
type Tagger struct {
	lx *lexicon
	// scratch holds *scratch values between documents.
	scratch sync.Pool
}

// scratch is the reusable state of one Find call.
type scratch struct {
	toks []token
	low  lowercase.Text
}

// maxPooledTokens: token buffers grown past this are left to the garbage collector.
const maxPooledTokens = 1 << 16

// New returns a Tagger with the embedded lexicon.
func New() *Tagger {
	lx, err := parseLexicon(lexiconTSV)
	if err != nil {
		// The lexicon is embedded and covered by tests; a broken one is a build defect.
		slog.Error("timex lexicon", "err", err)
		lx = &lexicon{words: map[string]*entry{}, phrases: map[string][]phrase{}}
	}
	return &Tagger{lx: lx}
}

// Name is the stage's name.
func (*Tagger) Name() string { return "times" }

// Annotate fills doc.Times from the text and doc.FieldTimes from the header stamps and the
// dateline. The header's stamps are read against the moment the article was read, when it is
// known ("Updated 10 hours ago"), else against the publication time, when a stamp counted back
// from the reading ("... ago") is left without a value; the dateline is read against the
// publication time.
func (t *Tagger) Annotate(doc *model.Document) {
	doc.Times = t.Find(doc.Text, doc.Published, doc.Now, doc.Sentences)
	doc.FieldTimes = nil
	for _, f := range [...]struct{ name, text, ref, now string }{
		{model.FieldHeader, doc.Header, doc.Now, doc.Published},
		{model.FieldDateline, doc.Dateline, doc.Published, doc.Now},
	} {
		if f.text == "" {
			continue
		}
		for _, tm := range t.Find(f.text, f.ref, f.now, nil) {
			if f.name == model.FieldHeader && doc.Now == "" && countsBack(tm.Text) {
				tm.Value = ""
			}
			tm.Field = f.name
			doc.FieldTimes = append(doc.FieldTimes, tm)
		}
	}
}

// countsBack reports an expression counted back from the moment of reading: "10 hours ago".
func countsBack(text string) bool {
	return strings.HasSuffix(strings.ToLower(text), " ago")
}

// Find returns the time expressions of text, resolved against published (or now when
// published is empty); sentences (byte spans, may be nil) bound the context used for tense.
func (t *Tagger) Find(text, published, now string, sentences []model.Span) []model.Time {
	r := run{lx: t.lx, text: text, sents: sentences, qTok: -1 << 30}
	for _, s := range []string{published, now} {
		if s == "" {
			continue
		}
		if ref, _, err := model.ParseTime(s); err == nil {
			r.ref, r.hasRef = ref, true
			break
		}
	}
	sc, _ := t.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{toks: make([]token, 0, len(text)/5+16)}
	}
	defer t.done(sc)
	sc.low.Reset(text)
	r.toks = tokenize(text, &sc.low, sc.toks)
	sc.toks = r.toks
	var out []model.Time
	for i := 0; i < len(r.toks); {
		c, ok := r.best(i)
		if !ok || c.j <= i {
			i++
			continue
		}
		s, e := r.toks[i].s, r.toks[c.j-1].e
		val := c.val
		if !r.hasRef && c.rel {
			val = ""
		}
		out = append(out, model.Time{Span: model.Span{Start: s, End: e}, Text: text[s:e], Type: c.typ, Value: val, Mod: c.mod})
		if c.wday > 0 && r.wdays[c.wday].IsZero() {
			r.wdays[c.wday] = c.t
		}
		if c.g != gNone && r.hasRef && !c.derived {
			r.anc, r.ancG, r.ancTok = c.t, c.g, i
			if c.g == gQuarter {
				r.qAnc, r.qTok = c.t, i
			}
		}
		i = c.j
	}
	return out
}

// done returns sc to the pool.
func (t *Tagger) done(sc *scratch) {
	if cap(sc.toks) > maxPooledTokens {
		return
	}
	clear(sc.toks) // let the text go
	sc.toks = sc.toks[:0]
	sc.low.Clear()
	t.scratch.Put(sc)
}

// cand is one match: tokens [i, j) of the text.
type cand struct {
	j             int
	typ, val, mod string
	t             time.Time // the resolved calendar point, for expressions that anchor on it
	g             byte      // its granularity; gNone when it is no calendar point
	rel           bool      // the value depends on the reference time
	derived       bool      // the value was computed from an earlier expression
	wday          int       // a bare weekday (1..7) resolved by the tense of its clause, else 0
}

// run is the state of one Find call.
type run struct {
	lx     *lexicon
	text   string
	toks   []token
	sents  []model.Span
	ref    time.Time
	hasRef bool
	// the last calendar point found, for "a year earlier", "the next day"
	anc    time.Time
	ancG   byte
	ancTok int
	// the last quarter found, for "a year ago" in a report of quarterly results
	qAnc time.Time
	qTok int
	// the day each bare weekday (index 1..7) was first resolved to: an article that names
	// "Tuesday" twice means the same day
	wdays [8]time.Time
}

func (r *run) word(i int) string {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != kWord {
		return ""
	}
	return r.toks[i].w
}

func (r *run) ent(i int) *entry {
	w := r.word(i)
	if w == "" {
		return nil
	}
	return r.lx.words[w]
}

func (r *run) punct(i int, p string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == kPunct && r.toks[i].w == p
}

// glued reports whether token i follows token i-1 with no space.
func (r *run) glued(i int) bool {
	return i > 0 && i < len(r.toks) && !r.toks[i].space
}

// numAt returns the plain number at token i (no glued letters), or -1.
func (r *run) numAt(i int) (int, int) {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != kNum || r.toks[i].suf != "" || len(r.toks[i].w) > 9 {
		return -1, 0
	}
	n, _ := strconv.Atoi(r.toks[i].w)
	return n, len(r.toks[i].w)
}

// best returns the longest match starting at token i.
func (r *run) best(i int) (cand, bool) {
	var b cand
	ok := false
	try := func(c cand, good bool) {
		if good && c.j > i && (!ok || c.j > b.j) {
			b, ok = c, true
		}
	}
	tk := &r.toks[i]
	if tk.kind == kPunct || tk.kind == kWord && !r.lx.starts[tk.w] {
		return b, false
	}
	try(r.mPhrase(i))
	try(r.mMod(i))
	try(r.mApprox(i))
	try(r.core(i))
	return b, ok
}

// core tries every expression that can follow a modifier.
func (r *run) core(i int) (cand, bool) {
	var b cand
	ok := false
	try := func(c cand, good bool) {
		if good && c.j > i && (!ok || c.j > b.j) {
			b, ok = c, true
		}
	}
	if i >= len(r.toks) {
		return b, false
	}
	try(r.mDate(i))
	try(r.mWeekday(i))
	try(r.mYear(i))
	try(r.mRel(i))
	try(r.mDeictic(i))
	try(r.mQuarter(i))
	try(r.mAmount(i))
	try(r.mSet(i))
	try(r.mTime(i))
	try(r.mHolidayPhrase(i))
	return b, ok
}
