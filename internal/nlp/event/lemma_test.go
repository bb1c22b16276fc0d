package event

import "testing"

func TestLemmaKnownBeforeIrregular(t *testing.T) {
	l := NewLemmatiser(
		map[string]string{"left": "leave", "fought": "fight", "met": "meet"},
		map[string]bool{"left": true, "leave": true, "fight": true, "meet": true, "attack": true},
	)
	for _, tc := range []struct{ in, want string }{
		{"left", "left"},       // a known word is its own lemma
		{"fought", "fight"},    // an irregular form
		{"met", "meet"},        // an irregular form
		{"attacked", "attack"}, // a rule
		{"attacks", "attack"},  // a rule
		{"unknown", "unknown"}, // nothing applies
		{",", ","},             // punctuation
		{"meeting", "meet"},    // a rule on a known stem
	} {
		if got := l.Lemma(tc.in); got != tc.want {
			t.Errorf("Lemma(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
