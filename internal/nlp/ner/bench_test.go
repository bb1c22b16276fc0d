package ner

import (
	"strings"
	"testing"
)

func BenchmarkFind(b *testing.B) {
	f := loadFinder(b)
	text := strings.Repeat("Russian President Vladimir Putin has held a phone call with his Iranian counterpart Masoud Pezeshkian, the Kremlin said on Friday. ", 20)
	toks := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		f.Find(text)
	}
	b.ReportMetric(float64(toks*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
