package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Clitics is a set of the kinds of word ending the tokenizer splits off and Glue can join
// back to their word.
type Clitics uint8

// The kinds of clitic.
const (
	Negation    Clitics = 1 << iota // n't
	Possessive                      // 's
	Contraction                     // 're 've 'll 'd 'm
	// PluralPossessive is the apostrophe of a plural possessive written before its noun
	// ("the ministers’ talks"), which the tokenizer sets apart as punctuation.
	PluralPossessive
)

// AllClitics are Negation, Possessive and Contraction: every clitic the tokenizer splits off.
const AllClitics = Negation | Possessive | Contraction

// CliticOf returns the kind of clitic form is, in any case and with either apostrophe, or 0.
func CliticOf(form string) Clitics {
	if len(form) < 2 || len(form) > 5 {
		return 0
	}
	switch form[0] {
	case 'n', 'N':
		if strings.EqualFold(form, "n't") || strings.EqualFold(form, "n’t") {
			return Negation
		}
		return 0
	case '\'':
		form = form[1:]
	default:
		if !strings.HasPrefix(form, "’") {
			return 0
		}
		form = form[len("’"):]
	}
	switch strings.ToLower(form) {
	case "s":
		return Possessive
	case "re", "ve", "ll", "d", "m":
		return Contraction
	}
	return 0
}

// Glue returns the end of the word that begins with sent[k], the clitics of kinds that are
// written against it glued on ("did" "n't" → "didn't"), and the index of the token after
// them. A token with no clitic after it ends at its own end; then next is k+1. text is the
// text the spans point into.
func Glue(text string, sent []model.Token, k int, kinds Clitics) (end, next int) {
	end, next = sent[k].End, k+1
	for next < len(sent) && sent[next].Start == end && sent[next].End <= len(text) {
		if CliticOf(sent[next].Form)&kinds == 0 && (kinds&PluralPossessive == 0 || !pluralPossessive(text, sent, next)) {
			break
		}
		end = sent[next].End
		next++
	}
	return end, next
}

// pluralPossessive reports whether sent[k] is an apostrophe after a word ending in s and
// before a word one space on, as in "Guterres’ spokesman".
func pluralPossessive(text string, sent []model.Token, k int) bool {
	f := sent[k].Form
	if (f != "'" && f != "’") || k == 0 || k+1 >= len(sent) {
		return false
	}
	prev := sent[k-1].Form
	if prev == "" || prev[len(prev)-1] != 's' && prev[len(prev)-1] != 'S' {
		return false
	}
	next := sent[k+1]
	if next.Start != sent[k].End+1 || sent[k].End >= len(text) || text[sent[k].End] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Form)
	return unicode.IsLetter(r)
}
