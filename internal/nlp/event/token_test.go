package event

import (
	"strings"
	"testing"
	"unicode"
)

func TestHasNegSuffix(t *testing.T) {
	for _, w := range []string{"don't", "DON'T", "Didn'T", "can’t", "CAN’T", "won’t", "n't", "nt", "t", "", "isn’", "cant", "İn't", "Kn’t", "don’t’", "x’n't"} {
		for _, apos := range []string{"'", "’"} {
			want := strings.HasSuffix(strings.ToLower(w), "n"+apos+"t")
			if got := hasNegSuffix(w, apos); got != want {
				t.Errorf("hasNegSuffix(%q, %q) = %v, want %v", w, apos, got, want)
			}
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}
