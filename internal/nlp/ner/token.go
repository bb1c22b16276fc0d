package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a sentence. Start and End are offsets in Unicode code
// points into the text the token was cut from.
type Token struct {
	Start, End int
	Text       string
}

// MaxTokens bounds the tokens read from one text; the rest of a giant input is ignored.
const MaxTokens = 100000

// abbreviations keep their final dot ("Mr.", "Gen.", "Inc.").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "prof": true,
	"gen": true, "col": true, "lt": true, "capt": true, "sgt": true, "maj": true, "adm": true, "cmdr": true,
	"sen": true, "rep": true, "gov": true, "pres": true, "rev": true, "hon": true, "messrs": true,
	"inc": true, "co": true, "corp": true, "ltd": true, "bros": true, "no": true, "vs": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "ave": true,
}

// contractions are the endings split off a word as tokens of their own, as the Universal
// Dependencies treebanks do ("Russia's" → "Russia" "'s").
var contractions = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}

// Tokenize splits text into tokens the way the English Universal Dependencies treebanks do:
// punctuation apart, possessive and contracted endings apart, dotted abbreviations ("U.S.",
// "Mr.") and inner hyphens and apostrophes ("al-Shabab", "O'Brien") kept in the word.
func Tokenize(text string) []Token {
	return appendTokens(nil, text)
}

// appendTokens appends text's tokens to out.
func appendTokens(out []Token, text string) []Token {
	// Walk the whitespace-separated chunks, tracking code-point offsets.
	cp := 0
	i := 0
	for i < len(text) && len(out) < MaxTokens {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r) {
			i += n
			cp++
			continue
		}
		j, cpEnd := i, cp
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r) {
				break
			}
			j += n
			cpEnd++
		}
		out = splitChunk(out, text[i:j], cp)
		i, cp = j, cpEnd
	}
	if len(out) > MaxTokens {
		out = out[:MaxTokens]
	}
	return out
}

// splitChunk appends the tokens of one whitespace-free chunk starting at code point cp.
func splitChunk(out []Token, s string, cp int) []Token {
	// Leading punctuation, one mark at a time.
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if isWordRune(r) {
			break
		}
		out = append(out, Token{Start: cp, End: cp + 1, Text: s[:n]})
		s = s[n:]
		cp++
	}
	if s == "" {
		return out
	}
	// Trailing punctuation, collected from the end.
	var tail []Token
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if isWordRune(r) {
			break
		}
		if r == '.' && keepsDot(s) {
			break
		}
		s = s[:len(s)-n]
		tail = append(tail, Token{Text: string(r)})
	}
	wordLen := utf8.RuneCountInString(s)
	// Split a contraction or possessive ending.
	if end := contractionEnd(s); end > 0 && end < len(s) {
		head, rest := s[:end], s[end:]
		hn := utf8.RuneCountInString(head)
		out = append(out, Token{Start: cp, End: cp + hn, Text: head})
		out = append(out, Token{Start: cp + hn, End: cp + wordLen, Text: rest})
	} else {
		out = append(out, Token{Start: cp, End: cp + wordLen, Text: s})
	}
	cp += wordLen
	for k := len(tail) - 1; k >= 0; k-- {
		t := tail[k]
		t.Start, t.End = cp, cp+1
		cp++
		out = append(out, t)
	}
	return out
}

// contractionEnd returns the byte offset at which s's contracted ending starts, or 0.
func contractionEnd(s string) int {
	norm := s
	if strings.ContainsRune(s, '’') {
		norm = strings.ReplaceAll(s, "’", "'")
	}
	low := strings.ToLower(norm)
	for _, c := range contractions {
		if strings.HasSuffix(low, c) && len(low) > len(c) {
			// The ending's offset in s: count back the same number of runes.
			k := len(s)
			for range utf8.RuneCountInString(c) {
				_, n := utf8.DecodeLastRuneInString(s[:k])
				k -= n
			}
			return k
		}
	}
	// "Paris'" keeps its apostrophe as the possessive too.
	if strings.HasSuffix(low, "s'") && len(low) > 2 {
		return len(s) - 1
	}
	return 0
}

// keepsDot tells whether s, ending in a dot, is an abbreviation that keeps it.
func keepsDot(s string) bool {
	w := strings.TrimSuffix(s, ".")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S., a.m.
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) { // an initial: "George W."
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

// isWordRune tells whether r belongs in a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
