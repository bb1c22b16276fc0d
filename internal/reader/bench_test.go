package reader

import (
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/bench/samples"
)

// BenchmarkRead reads the sample articles: plain text, and a web page with its navigation,
// metadata and scripts around the article.
func BenchmarkRead(b *testing.B) {
	opts := Options{Now: time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC), NowHasZone: true}
	for _, set := range []struct {
		name string
		docs []samples.Sample
	}{{"text", samples.Texts()}, {"html", samples.Pages()}} {
		b.Run(set.name, func(b *testing.B) {
			if len(set.docs) == 0 {
				b.Fatal("no sample articles")
			}
			var size int64
			for _, s := range set.docs {
				size += int64(len(s.Data))
			}
			b.ReportAllocs()
			b.SetBytes(size / int64(len(set.docs)))
			i := 0
			for b.Loop() {
				s := set.docs[i%len(set.docs)]
				i++
				doc, err := Read(s.Data, opts)
				if err != nil {
					b.Fatal(err)
				}
				if doc.Text == "" {
					b.Fatalf("%s: no text", s.Name)
				}
			}
		})
	}
}
