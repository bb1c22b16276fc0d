package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/lowercase"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
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

// tokenize gives s's words and punctuation marks as the actor grammar reads them: the shared
// tokens of the syntax layer (syntax.AppendTokens) refined by refine. shared, when not nil,
// holds those tokens already, with spans into s; low, when not nil, is s lower-cased by
// low.Reset(s), from which each token's lower form is cut without an allocation.
func tokenize(s string, base int, low *lowercase.Text, shared []model.Token, out []token) []token {
	if shared == nil {
		// a name or a lexicon phrase: a few words, tokenised without a heap allocation
		var room [12]model.Token
		shared = syntax.AppendTokens(room[:0], s, 0, len(s))
	}
	for k := 0; k < len(shared) && len(out) < maxTokens; k++ {
		t := &shared[k]
		if t.Start < 0 || t.End > len(s) || t.Start >= t.End {
			continue
		}
		// "don't", "we're": the grammar reads a contraction as one word; the possessive 's
		// stays a token of its own
		end, next := syntax.Glue(s, shared, k, syntax.Negation|syntax.Contraction)
		k = next - 1
		out = refine(s, t.Start, end, base, low, out)
	}
	return out
}

// docTokens appends the tokens of doc.Text to out, read from the syntax layer's tokens in
// doc.Tokens where the document has them (the text between sentences, if any, tokenised
// apart) and from the syntax tokenizer otherwise. buf is room for the tokens it makes itself;
// it returns the tokens and buf for reuse.
func docTokens(doc *model.Document, low *lowercase.Text, buf []model.Token, out []token) ([]token, []model.Token) {
	text := doc.Text
	ok := len(doc.Tokens) == len(doc.Sentences) && len(doc.Sentences) > 0
	pos := 0
	for i, s := range doc.Sentences {
		if !ok {
			break
		}
		if s.Start < pos || s.End > len(text) || s.Start > s.End ||
			len(doc.Tokens[i]) == 0 && strings.TrimSpace(text[s.Start:s.End]) != "" {
			ok = false // sentences out of order or not tokenised: read the text afresh
		}
		pos = s.End
	}
	if !ok {
		buf = syntax.AppendTokens(buf[:0], text, 0, len(text))
		return tokenize(text, 0, low, buf, out), buf
	}
	pos = 0
	for i, s := range doc.Sentences {
		if strings.TrimSpace(text[pos:s.Start]) != "" {
			buf = syntax.AppendTokens(buf[:0], text, pos, s.Start)
			out = tokenize(text, 0, low, buf, out)
		}
		out = tokenize(text, 0, low, doc.Tokens[i], out)
		pos = s.End
	}
	if strings.TrimSpace(text[pos:]) != "" {
		buf = syntax.AppendTokens(buf[:0], text, pos, len(text))
		out = tokenize(text, 0, low, buf, out)
	}
	return out, buf
}

// refine splits the shared token s[a:b] where the actor grammar reads its parts apart: an
// abbreviation's final period (Mr .), the separators of numbers (1 , 000) and addresses, and
// runs of punctuation (' '). A word keeps inner hyphens and apostrophes (al-Shabab, O'Brien,
// Rufay'i), dotted abbreviations (U.S., U.N.) and a single initial's dot (C.); the possessive
// 's is a token of its own.
func refine(s string, a, b, base int, low *lowercase.Text, out []token) []token {
	full := s // the lower forms are cut from the whole text
	s = s[:b]
	i := a
	for i < len(s) && len(out) < maxTokens {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 && !unicode.IsPrint(r) {
			i += n
			continue
		}
		if isApos(r) && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && boundaryAt(s, i+n+1) {
			out = append(out, mkToken(full, low, base, i, i+n+1, tPoss))
			i += n + 1
			continue
		}
		if !isWordRune(r) {
			out = append(out, mkToken(full, low, base, i, i+n, 0))
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
			next := rune(0)
			if i+n < len(s) {
				next, _ = utf8.DecodeRuneInString(s[i+n:])
			}
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
		out = append(out, mkToken(full, low, base, start, i, f))
	}
	return out
}

func mkToken(s string, low *lowercase.Text, base, a, b int, f uint8) token {
	t := s[a:b]
	var l string
	if low == nil {
		l = lowerOf(t)
	} else {
		l = low.Of(s, a, b)
		if strings.Contains(l, "’") {
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
func words(s string) []token { return tokenize(s, 0, nil, nil, nil) }
