package event

import (
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/model"
)

// TestLargeInputBoundedWork codes 16 KB runs of odd tokens with dense overlapping mentions
// and one quote spanning everything: the work must stay bounded.
func TestLargeInputBoundedWork(t *testing.T) {
	c := testCoder(t)
	words := []string{"Russia", "attacked", "and", "the", ",", "to", "by", "was", "that", "which", "“", "”", "'s", "Ukraine", "talks", "with", "held", "not", "we", "it", "said", "denied", "according", "?", ".", "-", "of", "a"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20; n++ {
		var b strings.Builder
		for b.Len() < 16000 {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteByte(' ')
		}
		text := b.String()
		doc := &model.Document{Text: text}
		for k := 0; k < 3; k++ {
			var ms []model.Mention
			for off := 0; off < len(text)-10; off += 7 + r.Intn(50) {
				ms = append(ms, model.Mention{Span: model.Span{Start: off, End: off + 3 + r.Intn(8)}})
			}
			doc.Actors = append(doc.Actors, model.Actor{ID: string(rune('a' + k)), Country: "RUS", Mentions: ms})
		}
		doc.Quotes = []model.Quote{{Span: model.Span{Start: 0, End: len(text)}, Speaker: "a"}}
		start := time.Now()
		c.Annotate(doc)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("slow: %v for %d events", d, len(doc.Events))
		}
	}
}
