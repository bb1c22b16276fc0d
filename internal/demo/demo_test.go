package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

func TestArticles(t *testing.T) {
	articles, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(articles); n < 20 || n > 30 {
		t.Errorf("%d demo articles, want 20 to 30", n)
	}
	seen := map[string]bool{}
	for _, a := range articles {
		if seen[a.Name] {
			t.Errorf("%s listed twice", a.Name)
		}
		seen[a.Name] = true
		doc, err := Read(a)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		if doc.Title == "" || len(doc.Text) < 400 {
			t.Errorf("%s: title %q and %d bytes of text: not read as an article", a.Name, doc.Title, len(doc.Text))
		}
		if !strings.HasPrefix(doc.Published, "2026-") {
			t.Errorf("%s: published %q, want a day in 2026", a.Name, doc.Published)
		}
		if !strings.HasPrefix(doc.Published, a.Published[:10]) {
			t.Errorf("%s: the reader dates it %q but the index says %q", a.Name, doc.Published, a.Published)
		}
	}
	// Every article file is listed in the index.
	files, err := corpus.ReadDir("articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !seen[f.Name()] {
			t.Errorf("%s is not listed in articles.tsv", f.Name())
		}
	}
}

func TestParseIndex(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
		wantErr  string
	}{
		{"comments and blanks", "# a comment\n\n01-a.txt\t2026-01-08\n  \n02-b.txt\t2026-01-09T10:00\n", 2, ""},
		{"windows line ends", "01-a.txt\t2026-01-08\r\n", 1, ""},
		{"no tab", "01-a.txt 2026-01-08\n", 0, "line 1"},
		{"no date", "# x\n01-a.txt\t\n", 0, "line 2"},
		{"bad date", "01-a.txt\tsoon\n", 0, "not an ISO 8601"},
		{"path", "../secret.txt\t2026-01-08\n", 0, "not a .txt file name"},
		{"not text", "a.html\t2026-01-08\n", 0, "not a .txt file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseIndex([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(got) != tt.want {
				t.Fatalf("got %d entries, %v; want %d", len(got), err, tt.want)
			}
		})
	}
}

func FuzzParseIndex(f *testing.F) {
	f.Add("01-a.txt\t2026-01-08\n# c\n")
	f.Add("\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := parseIndex([]byte(in))
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.Name == "" || strings.ContainsAny(e.Name, `/\`) {
				t.Fatalf("accepted bad name %q", e.Name)
			}
			if _, _, err := model.ParseTime(e.Published); err != nil {
				t.Fatalf("accepted bad time %q", e.Published)
			}
		}
	})
}

// countingAnnotator records how many documents it saw.
type countingAnnotator struct{ n int }

func (c *countingAnnotator) Annotate(*model.Document) { c.n++ }

func TestLoadIsIdempotent(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	articles, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	ann := &countingAnnotator{}
	res, err := Load(ctx, st, ann)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != len(articles) || res.Present != 0 || ann.n != len(articles) {
		t.Errorf("first load: %+v after %d annotations, want %d added", res, ann.n, len(articles))
	}
	res, err = Load(ctx, st, ann)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Present != len(articles) {
		t.Errorf("second load: %+v, want every article already present", res)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != len(articles) {
		t.Errorf("store holds %d articles, want %d", stats.Articles, len(articles))
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Load(cctx, st, ann); err == nil {
		t.Errorf("Load with a cancelled context succeeded")
	}
}
