package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/testshared"
)

// sharedDir finds the shared folder beside the repository root, walking up from the test's
func sharedDir(t *testing.T) string { return testshared.Dir(t, "the seed test") }

// TestSeed checks the seed article's seven quotations and their speakers against its gold file.
func TestSeed(t *testing.T) {
	shared := sharedDir(t)
	raw, err := os.ReadFile(filepath.Join(shared, "gold", "dev", "seed-putin-iran.json"))
	if err != nil {
		t.Fatalf("reading the seed's gold file: %v", err)
	}
	var gold struct {
		TextFile string `json:"text_file"`
		Quotes   []struct {
			Text    string   `json:"text"`
			Speaker []string `json:"speaker"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("reading the seed's gold file: %v", err)
	}
	text, err := os.ReadFile(filepath.Join(shared, gold.TextFile))
	if err != nil {
		t.Fatalf("reading the seed article: %v", err)
	}
	doc := &model.Document{Text: string(text)}
	New().Annotate(doc)
	if len(doc.Quotes) != len(gold.Quotes) {
		t.Errorf("got %d quotes, want %d", len(doc.Quotes), len(gold.Quotes))
	}
	for _, g := range gold.Quotes {
		found := false
		for _, q := range doc.Quotes {
			if q.Text != g.Text {
				continue
			}
			found = true
			ok := false
			for _, s := range g.Speaker {
				ok = ok || strings.Contains(q.SpeakerName, s)
			}
			if !ok {
				t.Errorf("quote %.40q: speaker %q, want one of %q", g.Text, q.SpeakerName, g.Speaker)
			}
		}
		if !found {
			t.Errorf("quote %.40q not found", g.Text)
		}
	}
}
