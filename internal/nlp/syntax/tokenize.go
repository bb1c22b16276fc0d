package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// abbreviations keep their final period (UD English Web Treebank convention).
var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "st.": true, "jr.": true,
	"sr.": true, "inc.": true, "ltd.": true, "co.": true, "corp.": true, "vs.": true, "etc.": true,
	"e.g.": true, "i.e.": true, "u.s.": true, "u.k.": true, "jan.": true, "feb.": true, "mar.": true,
	"apr.": true, "aug.": true, "sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true,
	"gen.": true, "gov.": true, "sen.": true, "rep.": true, "no.": true, "a.m.": true, "p.m.": true,
	"mt.": true, "ft.": true, "lt.": true, "col.": true, "capt.": true, "sgt.": true, "rev.": true,
}

// clitics are split off the end of a word: "don't" → "do" "n't", "it's" → "it" "'s".
var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m"}

// Tokenize splits text into words following the UD English conventions: punctuation apart,
// clitics split, URLs, e-mail addresses, abbreviations and numbers such as "1,000.5" whole.
// Spans are byte offsets into text.
func Tokenize(text string) []model.Token {
	return AppendTokens(nil, text, 0, len(text))
}

// AppendTokens tokenises text[start:end] as Tokenize does and appends the tokens to toks,
// their spans byte offsets into text (not into the part). Nothing past end is looked at.
func AppendTokens(toks []model.Token, text string, start, end int) []model.Token {
	text = text[:end]
	i := start
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		// A whitespace-delimited chunk.
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		toks = splitChunk(text, i, j, toks)
		i = j
	}
	return toks
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func add(toks []model.Token, text string, s, e int) []model.Token {
	if s >= e {
		return toks
	}
	return append(toks, model.Token{Span: model.Span{Start: s, End: e}, Form: text[s:e], Head: -1})
}

// splitChunk tokenises text[s:e], which has no space in it.
func splitChunk(text string, s, e int, toks []model.Token) []model.Token {
	chunk := text[s:e]
	if hasPrefixFold(chunk, "http://") || hasPrefixFold(chunk, "https://") || hasPrefixFold(chunk, "www.") ||
		(strings.Contains(chunk, "@") && strings.Contains(chunk, ".") && len(chunk) > 4) {
		// Keep the address whole, less trailing punctuation.
		k := e
		for k > s && strings.ContainsRune(".,;:!?)\"'”’", rune(text[k-1])) {
			k--
		}
		toks = add(toks, text, s, k)
		for p := k; p < e; p++ {
			toks = add(toks, text, p, p+1)
		}
		return toks
	}
	// Leading punctuation.
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if isWordRune(r) {
			break
		}
		if (r == '\'' || r == '’') && s+n < e && (text[s+n] == 's' || text[s+n] == 'S') &&
			(s+n+1 == e || !isWordRune(rune(text[s+n+1]))) {
			// a possessive set apart from its noun ("the Jairan 's data") is still the clitic
			toks = add(toks, text, s, s+n+1)
			s += n + 1
			continue
		}
		if (r == '$' || r == '#' || r == '@') && s+n < e {
			toks = add(toks, text, s, s+n)
			s += n
			continue
		}
		// runs of the same punctuation ("...", "--") stay together
		k := s + n
		for k < e {
			r2, n2 := utf8.DecodeRuneInString(text[k:])
			if r2 != r {
				break
			}
			k += n2
		}
		toks = add(toks, text, s, k)
		s = k
	}
	if s >= e {
		return toks
	}
	// Trailing punctuation, collected in reverse.
	var tail []model.Span
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if isWordRune(r) {
			break
		}
		if r == '.' && (isAbbreviation(text[s:e]) || isInitials(text[s:e]) || isInitials(afterHyphen(text[s:e]))) {
			break // "U.S.", and "Kenya-U.S.", "(D-N.Y.)"
		}
		k := e - n
		for k > s {
			r2, n2 := utf8.DecodeLastRuneInString(text[s:k])
			if r2 != r {
				break
			}
			k -= n2
		}
		tail = append(tail, model.Span{Start: k, End: e})
		e = k
	}
	toks = splitWord(text, s, e, toks)
	for k := len(tail) - 1; k >= 0; k-- {
		toks = add(toks, text, tail[k].Start, tail[k].End)
	}
	return toks
}

// hasPrefixFold reports whether s begins with prefix, an ASCII lower-case string, in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// longestAbbreviation is the length in bytes of the longest of abbreviations.
const longestAbbreviation = 6

// isAbbreviation reports whether w, in lower case, is one of abbreviations, without making a
// lower-case copy of every word.
func isAbbreviation(w string) bool {
	if len(w) > longestAbbreviation || len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	var b [longestAbbreviation]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return abbreviations[string(b[:len(w)])]
}

// afterHyphen is what follows w's last hyphen, or "" when it has none.
func afterHyphen(w string) string {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		return w[i+1:]
	}
	return ""
}

// isInitials reports "U.S." and "J." shapes: letters each followed by a period.
func isInitials(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i, r := range w {
		if i%2 == 0 && !(r < utf8.RuneSelf && unicode.IsLetter(r)) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// splitWord splits a word that starts and ends with a letter or digit at inner punctuation,
// keeping hyphenated words, numbers ("1,000", "3.5", "10:30") and clitics apart.
func splitWord(text string, s, e int, toks []model.Token) []model.Token {
	w := text[s:e]
	if isAbbreviation(w) || isInitials(w) {
		return add(toks, text, s, e)
	}
	// every clitic has an apostrophe in its last five bytes (strings.ContainsAny is slow with
	// a non-ASCII set)
	if tail := w[max(0, len(w)-5):]; strings.IndexByte(tail, '\'') >= 0 || strings.Contains(tail, "’") {
		for _, c := range clitics {
			if len(w) > len(c) && strings.EqualFold(w[len(w)-len(c):], c) {
				cut := e - len(c)
				if strings.EqualFold(w, "can't") || strings.EqualFold(w, "can’t") ||
					strings.EqualFold(w, "won't") || strings.EqualFold(w, "won’t") {
					cut = s + 2
				}
				toks = splitWord(text, s, cut, toks)
				return add(toks, text, cut, e)
			}
		}
	}
	// Split at inner punctuation that is not between digits or a hyphen/apostrophe/period inside a word.
	start := s
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) || r == '-' || r == '\'' || r == '’' || r == '&' {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[s:i])
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		if (r == ',' || r == '.' || r == ':') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
			i += n
			continue
		}
		if r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(next) {
			i += n // domain names, "e.g"
			continue
		}
		if r == '.' && i+n == e && (isInitials(text[start:e]) || isInitials(afterHyphen(text[start:e]))) {
			i += n // "Kenya-U.S.", and "U.S." after "U.K.-"
			continue
		}
		if r == '.' && next == '-' && (isInitials(text[start:i+n]) || isAbbreviation(text[start:i+n])) {
			// "U.S.-led": the abbreviation keeps its period, the hyphen stands apart
			toks = add(toks, text, start, i+n)
			toks = add(toks, text, i+n, i+n+1)
			i += n + 1
			start = i
			continue
		}
		toks = add(toks, text, start, i)
		toks = add(toks, text, i, i+n)
		i += n
		start = i
	}
	return add(toks, text, start, e)
}
