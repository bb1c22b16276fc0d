package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/nlp/lowercase"
)

// Token flags.
const (
	tWord    uint8 = 1 << iota // letters or digits
	tCap                       // starts with an upper-case letter
	tAllCaps                   // two or more letters, all upper case (NATO, ISIS)
	tPoss                      // the possessive ending 's or ’s
	tDigit                     // starts with a digit
	tGram                      // gram holds the token's grammar classes
)

// token is one word or punctuation mark. text and lower slice or copy the source; start and end
// are byte offsets into it.
type token struct {
	start, end int
	text       string
	lower      string
	flags      uint8
	gram       gclass
}

func (t *token) is(f uint8) bool { return t.flags&f != 0 }

// maxTokens bounds the work done on one text; the rest of a giant input is ignored.
const maxTokens = 200000

// tokenize splits s into words and punctuation marks. A word keeps inner hyphens and apostrophes
// (al-Shabab, O'Brien, Rufay'i), dotted abbreviations (U.S., U.N.) and a single initial's dot
// (C.); the possessive 's is a token of its own. low, when not nil, is s lower-cased by
// low.Reset(s), from which each token's lower form is cut without an allocation.
func tokenize(s string, base int, low *lowercase.Text, out []token) []token {
	// curly tells whether a lower form cut from low may hold a curly apostrophe to fold.
	curly := low != nil && strings.Contains(s, "’")
	i := 0
	for i < len(s) && len(out) < maxTokens {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 && !unicode.IsPrint(r) {
			i += n
			continue
		}
		if isApos(r) && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && boundaryAt(s, i+n+1) {
			out = append(out, mkToken(s, low, curly, base, i, i+n+1, tPoss))
			i += n + 1
			continue
		}
		if !isWordRune(r) {
			out = append(out, mkToken(s, low, curly, base, i, i+n, 0))
			i += n
			continue
		}
		start := i
		seg := 0 // letters in the current dot-separated segment
		dotted := true
		i += n
		seg++
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) || r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) { // no ASCII rune is a mark
				i += n
				seg++
				continue
			}
			next, m := rune(0), 0
			if i+n < len(s) {
				next, m = utf8.DecodeRuneInString(s[i+n:])
			}
			_ = m
			switch {
			case r == '.' && dotted && seg == 1 && unicode.IsLetter(next):
				i += n // U.S, U.N
				seg = 0
				continue
			case r == '.' && dotted && seg == 1:
				i += n // the final dot of U.S. or an initial C.
			case (r == '-' || r == '‑') && isWordRune(next):
				dotted = false
				i += n
				continue
			case isApos(r) && unicode.IsLetter(next) && !((next == 's' || next == 'S') && boundaryAt(s, i+n+1)):
				dotted = false
				i += n
				continue
			}
			break
		}
		var f uint8 = tWord
		first, _ := utf8.DecodeRuneInString(s[start:i])
		if unicode.IsUpper(first) {
			f |= tCap
		}
		if unicode.IsDigit(first) {
			f |= tDigit
		}
		if allCaps(s[start:i]) {
			f |= tAllCaps
		}
		out = append(out, mkToken(s, low, curly, base, start, i, f))
	}
	return out
}

func mkToken(s string, low *lowercase.Text, curly bool, base, a, b int, f uint8) token {
	t := s[a:b]
	var l string
	if low == nil {
		l = lowerOf(t)
	} else {
		l = low.Of(s, a, b)
		if curly && strings.Contains(l, "’") {
			l = strings.ReplaceAll(l, "’", "'")
		}
	}
	return token{start: base + a, end: base + b, text: t, lower: l, flags: f}
}

// lowerOf lower-cases s, without allocating when it already is, and folds curly apostrophes.
func lowerOf(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func boundaryAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// words tokenizes a lexicon phrase.
func words(s string) []token { return tokenize(s, 0, nil, nil) }
