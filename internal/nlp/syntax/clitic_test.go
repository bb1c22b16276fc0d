package syntax

import (
	"strings"
	"testing"
)

func TestCliticOf(t *testing.T) {
	tests := []struct {
		form string
		want Clitics
	}{
		{"n't", Negation}, {"N'T", Negation}, {"n’t", Negation},
		{"'s", Possessive}, {"’S", Possessive},
		{"'re", Contraction}, {"’ve", Contraction}, {"'LL", Contraction}, {"'d", Contraction}, {"’m", Contraction},
		{"'", 0}, {"’", 0}, {"s", 0}, {"nt", 0}, {"'t", 0}, {"'em", 0}, {"don't", 0}, {"", 0}, {"’x", 0},
	}
	for _, tc := range tests {
		if got := CliticOf(tc.form); got != tc.want {
			t.Errorf("CliticOf(%q) = %v, want %v", tc.form, got, tc.want)
		}
	}
}

func TestGlue(t *testing.T) {
	tests := []struct {
		in    string
		kinds Clitics
		want  string
	}{
		{"They didn't say it's over.", AllClitics, "They|didn't|say|it's|over|."},
		{"They didn't say it's over.", Negation | Contraction, "They|didn't|say|it|'s|over|."},
		{"We're sure they'd go.", Contraction, "We're|sure|they'd|go|."},
		{"We're sure they'd go.", Negation, "We|'re|sure|they|'d|go|."},
		{"I can't, he won't", AllClitics, "I|can't|,|he|won't"},
		{"the envoys’ talks", AllClitics, "the|envoys|’|talks"},
		{"the envoys’ talks", PluralPossessive, "the|envoys’|talks"},
		{"the envoys' 5 talks", PluralPossessive, "the|envoys|'|5|talks"},
		{"the Jairan 's data", AllClitics, "the|Jairan|'s|data"},
		{"", AllClitics, ""},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		var words []string
		for k := 0; k < len(toks); {
			end, next := Glue(tc.in, toks, k, tc.kinds)
			if next <= k {
				t.Fatalf("Glue(%q, %d) did not move on: next %d", tc.in, k, next)
			}
			words = append(words, tc.in[toks[k].Start:end])
			k = next
		}
		if got := strings.Join(words, "|"); got != tc.want {
			t.Errorf("Glue over %q with %v = %s, want %s", tc.in, tc.kinds, got, tc.want)
		}
	}
}
