package event

import (
	"testing"
	"time"
)

// maxLoad bounds event.New, which parses the hand-written patterns and the 42,000 imported
// ones: a process pays it once at start. It is measured at about 0.1 s on one loaded core;
// the bound leaves room for slow machines and the race detector.
const maxLoad = 3 * time.Second

func TestNewLoadTime(t *testing.T) {
	start := time.Now()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > maxLoad {
		t.Errorf("New took %v, more than %v", d, maxLoad)
	}
	if n := len(c.Patterns()); n < 40000 {
		t.Errorf("New loaded %d patterns, want the imported lexicon too (over 40,000)", n)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
