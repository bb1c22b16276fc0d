package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

// tok is a word or a punctuation character of the text around a quotation.
type tok struct {
	start, end int
	// lower is the word in lower case ("" for punctuation).
	lower string
	// punct is the punctuation character (0 for words).
	punct rune
	// capital: the word begins with an upper-case letter.
	capital bool
	// stop: a full stop, question or exclamation mark that ends a sentence.
	stop bool
}

func (t tok) isWord() bool { return t.punct == 0 }

// maxTokens bounds the words read around one quotation.
const maxTokens = 120

// tokenize splits text[a:b] into words and punctuation, at most maxTokens of them; from the
// end when fromEnd is set. Quotation marks come out as punctuation '"'.
// The tokens go on f's stack (see work.rewind); the run returned cannot grow into it.
func (f *work) tokenize(text string, a, b int, fromEnd bool) []tok {
	base := len(f.toks)
	i := a
	if fromEnd && b-a > maxTokens*12 {
		i = b - maxTokens*12
		// move to a rune boundary and past a partial word
		for i < b && !utf8.RuneStart(text[i]) {
			i++
		}
		for i < b {
			r, w := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += w
		}
	}
	for i < b {
		r, w := utf8.DecodeRuneInString(text[i:b])
		switch {
		case unicode.IsSpace(r):
			i += w
			continue
		case isWordRune(r):
			j := i + w
			for j < b {
				r2, w2 := utf8.DecodeRuneInString(text[j:b])
				if isWordRune(r2) || r2 >= firstMark && unicode.Is(unicode.Mn, r2) {
					j += w2
					continue
				}
				if r2 == '\'' || r2 == '\u2019' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == '/' {
					if j+w2 < b {
						r3, _ := utf8.DecodeRuneInString(text[j+w2 : b])
						if isWordRune(r3) {
							j += w2
							continue
						}
						// a plural possessive: "Guterres’ spokesman", "the countries' envoys"
						if (r2 == '\'' || r2 == '\u2019') && (text[j-1] == 's' || text[j-1] == 'S') && r3 == ' ' {
							if r4, _ := utf8.DecodeRuneInString(text[j+w2+1 : b]); unicode.IsLetter(r4) {
								j += w2
							}
						}
					}
				}
				break
			}
			word := text[i:j]
			// a period that belongs to the word: an initial, an abbreviation, U.S.
			if j < b && text[j] == '.' {
				lw := f.low.Of(text, i, j+1) // the period is its own lower case
				if strings.Contains(word, ".") || f.lex.abbrev[lw] || f.lex.title[lw] ||
					utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r) {
					j++
					word = text[i:j]
				}
			}
			capital := unicode.IsUpper(r)
			if !capital {
				// al-Sudani, el-Sisi
				if k := strings.IndexByte(word, '-'); k > 0 && k <= 3 && k+1 < len(word) {
					r2, _ := utf8.DecodeRuneInString(word[k+1:])
					capital = unicode.IsUpper(r2)
				}
			}
			f.toks = append(f.toks, tok{start: i, end: j, lower: f.low.Of(text, i, j), capital: capital})
			i = j
		default:
			f.toks = append(f.toks, punctTok(text, i, w, r, b))
			i += w
		}
		if n := len(f.toks) - base; n >= maxTokens*2 {
			if !fromEnd {
				break
			}
			// read from the end: keep the last tokens and go on to b, however dense the text
			// (short words and punctuation put more than maxTokens*2 tokens in the bytes read)
			copy(f.toks[base:], f.toks[base+n-maxTokens:])
			f.toks = f.toks[:base+maxTokens]
		}
	}
	if n := len(f.toks) - base; n > maxTokens {
		if fromEnd {
			copy(f.toks[base:], f.toks[base+n-maxTokens:])
		}
		f.toks = f.toks[:base+maxTokens]
	}
	return f.toks[base:len(f.toks):len(f.toks)]
}

// firstMark is the first non-spacing mark (category Mn) of Unicode.
const firstMark = '\u0300'

// sentenceEnd reports whether token t ends a sentence.
func sentenceEnd(t tok) bool { return t.stop }

// afterLastSentenceEnd returns the tokens after the last sentence end in ts.
func afterLastSentenceEnd(ts []tok) []tok {
	for i := len(ts) - 1; i >= 0; i-- {
		if sentenceEnd(ts[i]) {
			return ts[i+1:]
		}
	}
	return ts
}

// beforeFirstSentenceEnd returns the tokens before the first sentence end in ts.
func beforeFirstSentenceEnd(ts []tok) []tok {
	for i, t := range ts {
		if sentenceEnd(t) {
			return ts[:i]
		}
	}
	return ts
}

// cueAt reports whether a cue starts at ts[i] and how many tokens it takes.
func (f *Finder) cueAt(ts []tok, i int) int {
	if i >= len(ts) || !ts[i].isWord() {
		return 0
	}
	nexts, ok := f.lex.cues[ts[i].lower]
	if !ok {
		return 0
	}
	best := 0
	for _, n := range nexts {
		if n == "" {
			best = max(best, 1)
		} else if i+1 < len(ts) && ts[i+1].lower == n {
			best = 2
		}
	}
	if best == 1 && f.pluralNoun(ts, i) {
		return 0
	}
	return best
}

// nounDeterminers open a noun phrase: a cue written after one is a noun ("its claims").
var nounDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "my": true, "your": true, "these": true, "those": true,
	"such": true, "whose": true, "any": true, "no": true}

// pluralNoun reports whether the cue ts[i], written like a verb in the third person ("claims",
// "reports", "states"), is a plural noun: after a determiner ("the claims were false") or
// before a comma and another cue ("to assert its sea claims, said Vuving").
func (f *Finder) pluralNoun(ts []tok, i int) bool {
	w := ts[i].lower
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	if i > 0 && ts[i-1].isWord() && nounDeterminers[ts[i-1].lower] {
		return true
	}
	return i+2 < len(ts) && ts[i+1].punct == ',' && f.cueAt(ts, i+2) > 0
}

// fromLayer appends to f's stack the tokens of one sentence of the shared layer
// (Document.Tokens), read the way tokenize reads text, and returns them: a clitic glued to its
// word ("did" "n't" → "didn't"), a plural possessive's apostrophe to its noun, punctuation
// one character a token, quotation marks as '"'. At most maxTokens, from the sentence's
// start. b is the end of the sentence.
func (f *work) fromLayer(text string, sent []model.Token, b int) []tok {
	base := len(f.toks)
	for k := 0; k < len(sent) && len(f.toks)-base < maxTokens; k++ {
		lt := sent[k]
		if lt.Start < 0 || lt.End > len(text) || lt.Start >= lt.End {
			continue
		}
		r, w := utf8.DecodeRuneInString(text[lt.Start:lt.End])
		if isWordRune(r) {
			end, next := syntax.Glue(text, sent, k, syntax.AllClitics|syntax.PluralPossessive)
			k = next - 1
			capital := unicode.IsUpper(r)
			if !capital {
				if i := strings.IndexByte(lt.Form, '-'); i > 0 && i <= 3 && i+1 < len(lt.Form) {
					r2, _ := utf8.DecodeRuneInString(lt.Form[i+1:])
					capital = unicode.IsUpper(r2)
				}
			}
			f.toks = append(f.toks, tok{start: lt.Start, end: end, lower: f.low.Of(text, lt.Start, end), capital: capital})
			continue
		}
		for i := lt.Start; i < lt.End; i += w {
			r, w = utf8.DecodeRuneInString(text[i:lt.End])
			f.toks = append(f.toks, punctTok(text, i, w, r, b))
		}
	}
	if n := len(f.toks) - base; n > maxTokens {
		f.toks = f.toks[:base+maxTokens]
	}
	return f.toks[base:len(f.toks):len(f.toks)]
}

// punctTok is the token of punctuation character r at text[i:i+w], in a run that ends at b.
func punctTok(text string, i, w int, r rune, b int) tok {
	p := r
	if isQuoteRune(r) {
		p = '"'
	}
	t := tok{start: i, end: i + w, punct: p}
	if p == '.' || p == '!' || p == '?' {
		// a sentence ends where the mark is followed by a space and not a lower-case word
		t.stop = i+w == b
		if !t.stop {
			r2, w2 := utf8.DecodeRuneInString(text[i+w : b])
			if unicode.IsSpace(r2) {
				r3, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[i+w+w2:b], " \t"))
				t.stop = !unicode.IsLower(r3)
			}
		}
	}
	return t
}
