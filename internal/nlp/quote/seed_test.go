package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// sharedDir finds the shared folder beside the repository root, walking up from the test's
// working directory; it skips the test when there is none.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(shared); err == nil && fi.IsDir() {
				return shared
			}
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	t.Skip("no ../shared folder beside the repository: the seed article is not available")
	return ""
}

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
