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
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.text, tt.want) })
	}
}
