package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	start, end int // byte offsets into the document text
	low        string
	lemma      string
	wide       string // the lemma in the imported patterns' lemmatiser (Coder.wide)
	mention    int    // index into the sentence's mentions, -1 when none
	partial    bool
}

// tokenize splits text[start:end] into tokens. Words keep inner hyphens, periods between
// letters ("U.S.") and apostrophes; a possessive 's and a negating n't are tokens of their own.
// Every other non-space character is a token by itself.
func tokenize(text string, start, end int, out []token) []token {
	out, _ = split(text, start, end, end, out)
	return out
}

// sentenceTokens appends the tokens of doc's sentence si, whose span is sp: read from the
// syntax layer when the document has it for that sentence (fromLayer), else tokenised afresh.
func sentenceTokens(doc *model.Document, si int, sp model.Span, out []token) []token {
	if len(doc.Tokens) == len(doc.Sentences) && si < len(doc.Tokens) {
		if sent := doc.Tokens[si]; len(sent) > 0 && sent[0].Start >= sp.Start && sent[len(sent)-1].End <= sp.End {
			return fromLayer(doc.Text, sent, sp.End, out)
		}
	}
	return tokenize(doc.Text, sp.Start, sp.End, out)
}

// fromLayer appends the tokens of one sentence of the syntax layer (Document.Tokens) as
// tokenize reads them: every clitic glued back to its word and the word split again the way
// tokenize splits it ("did" "n't" → "didn't" → "did" "n't", "we" "'re" → "we're"), each layer
// token split where tokenize splits it ("1,000" → "1" "," "000", "Mr." → "Mr" "."), and a
// short dotted word taking the period the layer sets apart ("Ph.D" "." → "Ph.D."). end is
// the end of the sentence.
func fromLayer(text string, sent []model.Token, end int, out []token) []token {
	pos := 0 // where the last word read stopped
	for k := 0; k < len(sent); {
		a := max(sent[k].Start, pos)
		b, next := syntax.Glue(text, sent, k, syntax.AllClitics)
		switch {
		case a >= b || b > end:
		case a == sent[k].Start && next == k+1 && isASCIIWord(text[a:b]):
			// most words: letters and digits alone, which split leaves whole
			out = append(out, token{start: a, end: b, mention: -1})
			pos = b
		default:
			out, pos = split(text, a, b, end, out)
		}
		k = next
	}
	return out
}

// isASCIIWord reports whether w is ASCII letters and digits alone.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; !('a' <= c && c <= 'z') && !('0' <= w[i] && w[i] <= '9') {
			return false
		}
	}
	return true
}

// split is tokenize with a limit past end: a dotted word that stops at end takes the period
// at text[end] when end < limit. It returns the tokens and where it stopped.
func split(text string, start, end, limit int, out []token) ([]token, int) {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{start: i, end: i + size, mention: -1})
			i += size
			continue
		}
		j := i + size
		for j < end {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' {
				if j+s2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					// "pro-democracy" is one word, "US-Ukraine" two names
					if isWordRune(r3) && !(r2 == '-' && unicode.IsUpper(r3)) {
						j += s2
						continue
					}
				}
			}
			break
		}
		// "U.S." keeps its final period when the word is dotted.
		if j < limit && text[j] == '.' && strings.Contains(text[i:j], ".") && j-i <= 5 {
			j++
		}
		w := text[i:j]
		// split possessive 's / ’s and n't
		if k := possessiveAt(w); k > 0 {
			out = append(out, token{start: i, end: i + k, mention: -1})
			out = append(out, token{start: i + k, end: j, mention: -1})
		} else if len(w) > 3 && hasNegSuffix(w, "'") {
			out = append(out, token{start: i, end: j - 3, mention: -1})
			out = append(out, token{start: j - 3, end: j, mention: -1})
		} else if len(w) > 5 && hasNegSuffix(w, "’") {
			out = append(out, token{start: i, end: j - 5, mention: -1})
			out = append(out, token{start: j - 5, end: j, mention: -1})
		} else {
			out = append(out, token{start: i, end: j, mention: -1})
		}
		i = j
	}
	return out, i
}

// hasNegSuffix reports whether w ends in n't in any case, with apos as the apostrophe. Only N
// and T lower-case to n and t, so this is strings.HasSuffix(strings.ToLower(w), "n"+apos+"t")
// without the lower-cased copy.
func hasNegSuffix(w, apos string) bool {
	k := len(w) - len(apos) - 2
	if k < 0 {
		return false
	}
	n, t := w[k], w[len(w)-1]
	return (n == 'n' || n == 'N') && (t == 't' || t == 'T') && w[k+1:len(w)-1] == apos
}

func possessiveAt(w string) int {
	if len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S")) {
		return len(w) - 2
	}
	if len(w) > 4 && strings.HasSuffix(w, "’s") {
		return len(w) - 4
	}
	return 0
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
