package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/nlp/lowercase"
)

// Token kinds.
const (
	kWord  = 'w'
	kNum   = 'n'
	kPunct = 'p'
)

// token is one word, number or punctuation mark of the text.
type token struct {
	s, e  int    // byte span in the text
	w     string // lower-cased word, the digits of a number, or the punctuation mark
	suf   string // letters glued after a number ("s" in 1990s, "th" in 16th), lower-cased
	kind  byte
	cap   bool // starts with an upper-case letter
	space bool // white space (or the start of the text) before it
	para  bool // a blank line before it
}

// maxTokens bounds the work on one document.
const maxTokens = 2_000_000

// tokenize splits text into tokens in one pass, appending them to toks[:0]; low is text in
// lower case.
func tokenize(text string, low *lowercase.Text, toks []token) []token {
	toks = toks[:0]
	space, para := true, false
	nl := 0
	for i := 0; i < len(text) && len(toks) < maxTokens; {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case c == '\n':
				space = true
				nl++
				if nl >= 2 {
					para = true
				}
				i++
				continue
			}
		}
		nl = 0
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		t := token{s: i, space: space, para: para}
		space, para = false, false
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			t.kind, t.w = kNum, text[i:j]
			k := j
			for k < len(text) && isASCIILetter(text[k]) {
				k++
			}
			if k > j && k-j <= 3 {
				t.suf = low.Of(text, j, k)
				j = k
			}
			t.e = j
		case isLetter(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isLetter(r2) {
					j += s2
					continue
				}
				// an apostrophe inside a word: year's, o'clock
				if r2 == '\'' || r2 == '’' {
					if j+s2 < len(text) {
						r3, s3 := utf8.DecodeRuneInString(text[j+s2:])
						// the possessive 's is a token of its own: Friday's, year's
						if (r3 == 's' || r3 == 'S') && (j+s2+s3 >= len(text) || !isLetterAt(text, j+s2+s3)) {
							break
						}
						if isLetter(r3) {
							j += s2
							continue
						}
					}
				}
				break
			}
			t.kind = kWord
			t.cap = unicode.IsUpper(r)
			// a.m. and p.m.
			if j-i == 1 && (c == 'a' || c == 'p' || c == 'A' || c == 'P') && j+1 < len(text) && text[j] == '.' && (text[j+1] == 'm' || text[j+1] == 'M') {
				t.w = "am"
				if c|0x20 == 'p' {
					t.w = "pm"
				}
				j += 2
				if j < len(text) && text[j] == '.' {
					j++
				}
			} else {
				t.w = low.Of(text, i, j)
			}
			t.e = j
			if strings.ContainsRune(t.w, '’') {
				t.w = strings.ReplaceAll(t.w, "’", "'")
			}
		default:
			t.kind, t.w, t.e = kPunct, text[i:i+size], i+size
			if r == '’' || r == '‘' {
				t.w = "'"
			}
		}
		toks = append(toks, t)
		i = t.e
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isLetter(r)
}
