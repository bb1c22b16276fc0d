package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tidings-news/tidings/internal/nlp/event/cameo"
)

// The committed cameo.tsv is what the generator makes from the shared CAMEO dictionary and
// PLOVER table with the committed review: nobody edited it by hand, and a change to the
// generator or the review that changes it is seen.
func TestRegenerateCommittedLexicon(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "reference")
	cameoPath := filepath.Join(shared, "petrarch2", "CAMEO.2.0.txt.gz")
	ploverPath := filepath.Join(shared, "plover", "CAMEO2PLOVER-2021.txt")
	for _, p := range []string{cameoPath, ploverPath} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("the shared reference data is not here (%v): cannot regenerate cameo.tsv", err)
		}
	}
	committed := filepath.Join("..", "..", "internal", "nlp", "event", "data", "cameo.tsv")
	out := filepath.Join(t.TempDir(), "cameo.tsv")
	if err := run(cameo.Options{}, cameoPath, ploverPath, "review.tsv", filepath.Join("..", "..", "internal", "nlp", "event", "data", "scores.tsv"), out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		line, i := 1, 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			if got[i] == '\n' {
				line++
			}
			i++
		}
		t.Errorf("regenerated cameo.tsv (%d bytes) differs from the committed file (%d bytes) from line %d: regenerate it with the command in docs/events.md and review the difference", len(got), len(want), line)
	}
}
