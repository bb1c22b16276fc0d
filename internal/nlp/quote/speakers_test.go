package quote

import (
	"strings"
	"testing"
)

// TestSpeakers checks attributions that depend on the words around the cue rather than on the
// actor stage.
func TestSpeakers(t *testing.T) {
	// many short words and marks: more tokens than the bytes read back would suggest
	dense := strings.Repeat("At 9, 10 or 11 we go. ", 60)
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{"a cue after a paragraph of dense text", dense + `Ana Ruiz, the mayor, said the city "will not give in to the pressure."`,
			[]wantQuote{{"will not give in to the pressure.", "Ana Ruiz", "said"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := annotate(tt.text)
			if len(doc.Quotes) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(doc.Quotes), doc.Quotes, len(tt.want))
			}
			for i, w := range tt.want {
				q := doc.Quotes[i]
				if q.Text != w.text || q.SpeakerName != w.speaker || q.Cue != w.cue {
					t.Errorf("quote %d: got (%q, %q, %q), want (%q, %q, %q)", i, q.Text, q.SpeakerName, q.Cue, w.text, w.speaker, w.cue)
				}
			}
		})
	}
}
