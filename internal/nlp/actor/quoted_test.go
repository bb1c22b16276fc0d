package actor

import (
	"slices"
	"testing"
)

// TestPronounSkipsQuotedNames checks that a name inside quotation marks is not the person a
// pronoun outside them stands for.
func TestPronounSkipsQuotedNames(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		name, text, speaker, quoted string
	}{
		{
			name:    "he added after a quotation naming someone else",
			text:    "Analyst Mark Hecker spoke on Monday. “You have never heard Vladimir Putin say that,” he added.",
			speaker: "Mark Hecker", quoted: "Vladimir Putin",
		},
		{
			name:    "he said after a quotation naming the president",
			text:    "Diplomat Thomas Countryman sees a shift. “I think Joe Biden has been clear,” he said.",
			speaker: "Thomas Countryman", quoted: "Joe Biden",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := annotate(r, tc.text, "2026-01-16")
			s, q := find(doc, tc.speaker), find(doc, tc.quoted)
			if s == nil || q == nil {
				t.Fatalf("actors missing in %s", dump(doc))
			}
			if !slices.Contains(mentionTexts(s), "he") {
				t.Errorf("%q: mentions %q lack the pronoun", tc.speaker, mentionTexts(s))
			}
			if slices.Contains(mentionTexts(q), "he") {
				t.Errorf("%q, named inside the quotation, took the pronoun", tc.quoted)
			}
		})
	}
}
