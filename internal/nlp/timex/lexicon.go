package timex

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
)

//go:embed lexicon.tsv
var lexiconTSV string

// entry is everything the lexicon knows about one word.
type entry struct {
	month     int  // 1..12, 0 when not a month
	monthWeak bool // a month only with date context ("may", "march")
	wday      int  // 1 (Monday) .. 7 (Sunday), 0 when not a weekday
	wdayWeak  bool
	unit      string // Y, Q, M, W, D, H, MIN, S, DE, CE, ML, WE
	num       int    // cardinal value; -1 for a vague amount
	isNum     bool
	ord       int    // ordinal value
	pod       string // part of day: MO, AF, EV, NI or a clock hour "12", "24"
	season    string
	set       string
	zone      bool
}

// phrase is a fixed multi-word (or one-word) expression.
type phrase struct {
	words []string
	value string
	typ   string // DATE, DURATION, SET, or HOLIDAY (value is then a holiday rule)
}

// Cue kinds of the "cue" class.
const (
	cFuture = 1 << iota
	cPast
	cNotPast
	cClause
	cFullMonth
	cMonthContext
	cNotYearAfter
	cNotYearBefore
	cWeak
	cWithTo
	cBeTo
	cAux
	cAttrib
	cBeforeUnit
	cWorkdays
	cRelation
	cSpan
	cSeasonMod
	cPresent
	cAhead
)

// modifier is a word or words before a date or an amount, with its TIMEX3 mod.
type modifier struct {
	words []string
	mod   string
}

// lead is a phrase that, just before an expression, decides its tense ("as early as Tuesday").
type lead struct {
	words []string
	tense int
}

// lexicon is the parsed lexicon.tsv.
type lexicon struct {
	words   map[string]*entry
	phrases map[string][]phrase // keyed by first word, longest first
	cues    map[string]uint32
	deictic map[string]int
	long    map[string]string
	decade  map[string]int
	mods    []modifier // before a date, longest first
	approx  []modifier // before an amount, longest first
	leads   []lead
	// starts holds every word that can begin an expression, so that other words are skipped at once
	starts map[string]bool
}

// is reports whether w is a cue of kind c.
func (lx *lexicon) is(w string, c uint32) bool { return lx.cues[w]&c != 0 }

func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{words: map[string]*entry{}, phrases: map[string][]phrase{}, cues: map[string]uint32{},
		deictic: map[string]int{}, long: map[string]string{}, decade: map[string]int{}, starts: map[string]bool{}}
	get := func(w string) *entry {
		e := lx.words[w]
		if e == nil {
			e = &entry{}
			lx.words[w] = e
		}
		return e
	}
	cueKinds := map[string]uint32{"future": cFuture, "past": cPast, "notpast": cNotPast, "clause": cClause,
		"fullmonth": cFullMonth, "monthcontext": cMonthContext, "notyearafter": cNotYearAfter, "notyearbefore": cNotYearBefore,
		"weak": cWeak, "withto": cWithTo, "beto": cBeTo, "aux": cAux, "attrib": cAttrib,
		"beforeunit": cBeforeUnit, "workdays": cWorkdays,
		"relation": cRelation, "span": cSpan, "seasonmod": cSeasonMod,
		"present": cPresent, "ahead": cAhead}
	err := lexfile.EachString(src, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return fmt.Errorf("lexicon line %d: want CLASS, WORDS and VALUE separated by tabs, got %q", n, line)
		}
		class, words, val := f[0], f[1], f[2]
		weak := strings.HasSuffix(val, "*")
		val = strings.TrimSuffix(val, "*")
		atoi := func() (int, error) {
			v, err := strconv.Atoi(val)
			if err != nil {
				return 0, fmt.Errorf("lexicon line %d: %q is not a number: %w", n, val, err)
			}
			return v, nil
		}
		switch class {
		case "month":
			v, err := atoi()
			if err != nil {
				return err
			}
			e := get(words)
			e.month, e.monthWeak = v, weak
		case "weekday":
			v, err := atoi()
			if err != nil {
				return err
			}
			e := get(words)
			e.wday, e.wdayWeak = v, weak
		case "unit":
			get(words).unit = val
		case "number":
			e := get(words)
			e.isNum = true
			if val == "X" {
				e.num = -1
			} else {
				v, err := atoi()
				if err != nil {
					return err
				}
				e.num = v
			}
		case "ordinal":
			v, err := atoi()
			if err != nil {
				return err
			}
			get(words).ord = v
		case "pod":
			get(words).pod = val
		case "season":
			get(words).season = val
		case "set":
			get(words).set = val
		case "zone":
			get(words).zone = true
		case "phrase", "holiday":
			var ws []string
			for _, w := range strings.Fields(words) {
				if base, ok := strings.CutSuffix(w, "'s"); ok {
					ws = append(ws, base, "'", "s")
					continue
				}
				ws = append(ws, w)
			}
			p := phrase{words: ws, value: val, typ: "DATE"}
			if class == "holiday" {
				p.typ = "HOLIDAY"
			} else if len(f) > 3 && f[3] != "" {
				p.typ = f[3]
			}
			if p.value == "-" {
				p.value = ""
			}
			k := p.words[0]
			lx.phrases[k] = append(lx.phrases[k], p)
		case "cue":
			k, ok := cueKinds[val]
			if !ok {
				return fmt.Errorf("lexicon line %d: unknown cue kind %q", n, val)
			}
			lx.cues[words] |= k
		case "lead":
			l := lead{words: strings.Fields(words)}
			switch val {
			case "future":
				l.tense = tFuture
			case "past":
				l.tense = tPast
			default:
				return fmt.Errorf("lexicon line %d: lead tense %q is neither future nor past", n, val)
			}
			lx.leads = append(lx.leads, l)
		case "deictic":
			v, err := atoi()
			if err != nil {
				return err
			}
			lx.deictic[words] = v
		case "long":
			lx.long[words] = val
		case "decade":
			v, err := atoi()
			if err != nil {
				return err
			}
			lx.decade[words] = v
		case "mod", "approx":
			m := modifier{words: strings.Fields(words), mod: val}
			if m.mod == "-" {
				m.mod = ""
			}
			if class == "mod" {
				lx.mods = append(lx.mods, m)
			} else {
				lx.approx = append(lx.approx, m)
			}
		default:
			return fmt.Errorf("lexicon line %d: unknown class %q", n, class)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, ps := range lx.phrases {
		// longest first, so the first phrase that matches is the longest
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		lx.phrases[k] = ps
	}
	for _, ms := range [][]modifier{lx.mods, lx.approx} {
		sort.SliceStable(ms, func(a, b int) bool { return len(ms[a].words) > len(ms[b].words) })
		for _, m := range ms {
			lx.starts[m.words[0]] = true
		}
	}
	for w, e := range lx.words {
		lx.starts[w] = true
		if e.wday > 0 {
			lx.starts[w+"s"] = true // Fridays
		}
	}
	for _, m := range []map[string]int{lx.deictic, lx.decade} {
		for w := range m {
			lx.starts[w] = true
		}
	}
	for w := range lx.phrases {
		lx.starts[w] = true
	}
	for w := range lx.long {
		lx.starts[w] = true
	}
	for _, w := range []string{"the", "fiscal", "fy", "every", "each", "per", "recent", "future", "year", "mid", "today",
		"tonight", "yesterday", "tomorrow", "nineteen", "eighteen"} {
		lx.starts[w] = true
	}
	return lx, nil
}
