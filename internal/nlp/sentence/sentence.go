// Package sentence splits an article's text into sentences.
//
// A sentence ends at a paragraph break, or at '.', '!', '?' or '…' (with any closing quotes
// and brackets after it) followed by white space and something that can start a sentence. A
// full stop does not end a sentence after a known abbreviation ("Dept.", "Gen.", "Jan."), an
// initial ("John F. Kennedy"), or inside a number ("3.5"). After an abbreviation that may
// also close a sentence ("U.S.", "Inc.", "a.m."), the next word decides: a word that usually
// opens a sentence ("The", "He", "But") starts a new one.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Splitter finds sentence boundaries.
type Splitter struct {
	// abbrev: abbreviations (lower case, without the final dot) after which a full stop never ends a sentence.
	abbrev map[string]bool
	// closing: abbreviations that may close a sentence too.
	closing map[string]bool
	// starters: words that usually open a sentence.
	starters map[string]bool
}

// New returns a Splitter.
func New() *Splitter {
	s := &Splitter{abbrev: map[string]bool{}, closing: map[string]bool{}, starters: map[string]bool{}}
	for _, w := range strings.Fields(abbreviations) {
		s.abbrev[w] = true
	}
	for _, w := range strings.Fields(closingAbbreviations) {
		s.closing[w] = true
	}
	for _, w := range strings.Fields(sentenceStarters) {
		s.starters[w] = true
	}
	return s
}

// abbreviations never end a sentence: titles, months, and the like.
const abbreviations = `mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt brig gov sen rep rev fr hon
pres supt insp det atty amb sec dept st mt ft no nos vol art fig para ch sec vs v jan feb mar apr jun jul aug sep sept
oct nov dec messrs mme mlle sr jr est approx ca cf al univ assn bros gens reps sens lts cols govs`

// closingAbbreviations may end a sentence: the next word decides.
const closingAbbreviations = `inc corp co ltd llc plc jr sr etc u.s u.k u.n e.u a.m p.m d.c u.s.a n.y l.a s.a ph.d
b.c a.d i.e e.g`

// sentenceStarters are words that open sentences far more often than they follow "U.S." or "Inc.".
const sentenceStarters = `the a an he she it they we i you his her its their our this that these those there
but and yet so however meanwhile still also in on at after before when while if as for since although though
what who why how where mr mrs ms dr some many most all no one two three several other another each both such
earlier later last next then now today yesterday tomorrow according despite during under`

// Name is the stage's name.
func (*Splitter) Name() string { return "sentences" }

// Annotate fills doc.Sentences.
func (s *Splitter) Annotate(doc *model.Document) { doc.Sentences = s.Split(doc.Text) }

// Split returns the sentences of text as byte spans, trimmed of white space.
func (s *Splitter) Split(text string) []model.Span {
	if text == "" {
		return nil
	}
	// news sentences run to about 100 bytes: one allocation for most articles
	out := make([]model.Span, 0, min(len(text)/96+1, 1<<14))
	start := 0
	emit := func(end int) {
		a, b := trim(text, start, end)
		if b > a {
			out = append(out, model.Span{Start: a, End: b})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			// a blank line (or a single line break between long lines) ends the sentence
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' || s.lineBreakEnds(text, start, i, j) {
				emit(i)
			}
			i = j
		case c == '.' || c == '!' || c == '?' || c == 0xE2 && strings.HasPrefix(text[i:], "…"):
			end := i + 1
			if c == 0xE2 {
				end = i + len("…")
			}
			for end < len(text) && text[end] == '.' { // ellipsis as dots
				end++
			}
			end = skipClosers(text, end)
			if s.endsHere(text, i, end) {
				emit(end)
			}
			i = end
		default:
			i++
		}
	}
	emit(len(text))
	if len(out) == 0 {
		return nil
	}
	return out
}

// lineBreakEnds: a single line break ends a sentence when the line before it ends a sentence
// or has no terminal punctuation at all and the next line starts with a capital (a list item,
// a heading).
func (s *Splitter) lineBreakEnds(text string, start, i, next int) bool {
	if next >= len(text) {
		return true
	}
	line := strings.TrimSpace(text[start:i])
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[next:])
	last, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpener(r) {
		return false
	}
	return !unicode.IsLetter(last) && last != ',' && last != ';' || strings.IndexByte(line, ' ') < 0 || len(line) < 80
}

func skipClosers(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '"' || r == '\'' || r == ')' || r == ']' || r == '’' || r == '”' || r == '»' {
			i += n
			continue
		}
		break
	}
	return i
}

func isOpener(r rune) bool {
	return r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '[' || r == '«' || r == '—' || r == '-'
}

// endsHere decides whether the terminator at text[i] (closers running to end) ends a sentence.
func (s *Splitter) endsHere(text string, i, end int) bool {
	if end >= len(text) {
		return true
	}
	// what follows: white space, then the next word
	j := end
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == 0xC2 && j+1 < len(text) && text[j+1] == 0xA0) {
		if text[j] == 0xC2 {
			j++
		}
		j++
	}
	if j == end {
		return false // "3.5", "U.S.-led", "example.com"
	}
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if text[i] != '.' {
		// ? ! …: a lower-case word after a quote's end continues the sentence ("Why?" he asked.)
		return !unicode.IsLower(next)
	}
	if unicode.IsLower(next) {
		return false
	}
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !isOpener(next) {
		return false
	}
	if end > i+1 && text[i+1] == '.' {
		return true // an ellipsis before a capital
	}
	word := wordBefore(text, i)
	if word == "" {
		return true
	}
	nextWord := wordAt(text, j)
	switch {
	case inLower(s.closing, word):
		return inLower(s.starters, nextWord)
	case inLower(s.abbrev, word):
		return false
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(word[0])):
		// an initial inside a name ("John F. Kennedy") never ends a sentence; a lone
		// capital after an ordinary word does before a word that opens sentences
		// ("posted on X. The ministry ...")
		return inLower(s.starters, nextWord) && !capitalBefore(text, i-1)
	case strings.Contains(word, ".") && !strings.ContainsAny(word, "0123456789"):
		// other dotted abbreviations: "U.S.A.", "a.m."
		return inLower(s.starters, nextWord)
	}
	return true
}

// inLower reports whether set holds word in lower case, without allocating for a short
// ASCII word.
func inLower(set map[string]bool, word string) bool {
	var buf [32]byte
	if len(word) > len(buf) {
		return set[strings.ToLower(word)]
	}
	b := buf[:len(word)]
	for k := 0; k < len(word); k++ {
		c := word[k]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(word)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return set[string(b)]
}

// wordBefore returns the word (letters, digits, inner dots) that ends at text[i].
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && j-n > 0 && j != i {
			j -= n
			continue
		}
		break
	}
	return strings.Trim(text[j:i], ".")
}

func wordAt(text string, j int) string {
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += n
	}
	return text[j:k]
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func trim(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// capitalBefore reports whether the word before byte offset i (skipping spaces) starts with a capital.
func capitalBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	w := wordBefore(text, j)
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
