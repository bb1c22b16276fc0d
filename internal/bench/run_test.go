package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/bench/samples"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

// tinyCorpus writes the sample articles, a broken file and a JSON lines file into a folder.
func tinyCorpus(t *testing.T) (dir string, good int) {
	t.Helper()
	dir = t.TempDir()
	for _, s := range append(samples.Texts(), samples.Pages()...) {
		if err := os.WriteFile(filepath.Join(dir, s.Name), s.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		good++
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	lines := `{"title":"Talks resume","text":"Envoys from Qatar met in Doha on Tuesday.","published":"2026-01-13 09:00:00Z"}` + "\n" +
		`{"title":"Aid","text":"The World Food Programme said on Monday that aid arrived."}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "wire.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, good + 2
}

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{Reader: reader.Options{Now: time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRun(t *testing.T) {
	dir, good := tinyCorpus(t)
	p := newPipeline(t)
	tests := []struct {
		name         string
		opts         Options
		articles     int
		failed       int
		store        bool
		wantedStages []string
	}{
		{"once", Options{Workers: 2}, good, 1, false,
			[]string{"read", "sentences", "syntax", "times", "actors", "quotes", "events"}},
		{"repeat and limit", Options{Workers: 1, CorpusOptions: CorpusOptions{Repeat: 3, Limit: 2*(good+1) + 1}}, 2*good + 1, 2, false, nil},
		{"many workers", Options{Workers: 1 << 20}, good, 1, false, nil},
		{"store", Options{CorpusOptions: CorpusOptions{Repeat: 2}}, 2 * good, 2, true,
			[]string{"read", "sentences", "syntax", "times", "actors", "quotes", "events", "store"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			if tc.store {
				st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"), sqlite.Options{})
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				opts.Store = st
			}
			rep, err := Run(context.Background(), p, []string{dir}, opts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Articles != tc.articles || rep.Failed != tc.failed {
				t.Fatalf("%d articles, %d failed (%s); want %d and %d", rep.Articles, rep.Failed, rep.FirstError, tc.articles, tc.failed)
			}
			if tc.wantedStages != nil && strings.Join(rep.Order, ",") != strings.Join(tc.wantedStages, ",") {
				t.Errorf("stages %v, want %v", rep.Order, tc.wantedStages)
			}
			if len(rep.Stages) != len(rep.Order) {
				t.Errorf("%d stages measured, %d listed", len(rep.Stages), len(rep.Order))
			}
			if rep.Bytes <= 0 || rep.Seconds <= 0 || rep.ArticlesPerSecond <= 0 || rep.Mallocs == 0 || rep.PeakHeapMB <= 0 {
				t.Errorf("missing figures: %+v", rep)
			}
			if perStage := rep.Stages["actors"].MallocsPerArticle > 0; perStage != (opts.Workers == 1 && !tc.store) {
				t.Errorf("allocations per stage counted: %v, want them with one worker and no store only", perStage)
			}
			if tc.store {
				stats, err := opts.Store.Stats(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if stats.Articles != tc.articles {
					t.Errorf("store holds %d articles, want %d: repeats must not be taken for copies", stats.Articles, tc.articles)
				}
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	dir, _ := tinyCorpus(t)
	rep, err := Run(context.Background(), newPipeline(t), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"articles", "seconds", "articles_per_second", "mb_per_second", "peak_rss_mb",
		"cpu_seconds", "mallocs_per_article", "alloc_bytes_per_article", "stages"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON report lacks %q: %s", k, raw)
		}
	}
	stages, _ := m["stages"].(map[string]any)
	read, _ := stages["read"].(map[string]any)
	for _, k := range []string{"seconds", "share", "articles_per_second"} {
		if _, ok := read[k]; !ok {
			t.Errorf("stage read lacks %q: %v", k, read)
		}
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "articles per CPU second") || !strings.Contains(text.String(), "events") {
		t.Errorf("text report:\n%s", text.String())
	}
}

func TestRunStops(t *testing.T) {
	dir, _ := tinyCorpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, newPipeline(t), []string{dir}, Options{CorpusOptions: CorpusOptions{Repeat: 1000}}); err == nil {
		t.Error("a cancelled run reported no error")
	}
}
