package ner

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	fd := loadFinder(f)
	for _, s := range []string{"Vladimir Putin met Joe Biden.", "", "'s", "U.S.", "[person X]", "\xff\xfe", strings.Repeat("A. ", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, sp := range fd.Find(s) {
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > n || sp.Score < 0 || sp.Score > 1 || kindIndex(sp.Kind) < 0 {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
		}
		_, _ = ParseAnnotated(s)
	})
}

func TestHugeInput(t *testing.T) {
	fd := loadFinder(t)
	text := strings.Repeat("President Joe Biden met Xi Jinping in Beijing and ", 40000) // 2 MB, no sentence end
	start := time.Now()
	spans := fd.Find(text)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Find on 2 MB took %v", d)
	}
	if len(spans) == 0 {
		t.Errorf("no names in a huge text")
	}
}
