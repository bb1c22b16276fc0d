package reader

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tidings-news/tidings/internal/testshared"
)

// sharedDir finds the project's shared folder: a sibling "shared" of the repository root,
func sharedDir(t testing.TB) string { return testshared.Dir(t, "scoring the benchmark pages") }

type benchPage struct {
	id, url, gold string
	html          []byte
}

func loadBenchPages(t testing.TB, limit int) []benchPage {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "bench", "extraction")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Skipf("no extraction benchmark: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		t.Fatalf("ground-truth.json: %v", err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var pages []benchPage
	for _, id := range ids {
		if limit > 0 && len(pages) >= limit {
			break
		}
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			continue
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			t.Fatalf("%s: %v", id, err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		pages = append(pages, benchPage{id: id, url: gt[id].URL, gold: gt[id].ArticleBody, html: b})
	}
	return pages
}

// wordShingles are the word 4-grams of s as the benchmark's scorer counts them.
func wordShingles(s string) map[string]int {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
	out := map[string]int{}
	if len(words) < 4 {
		for _, w := range words {
			out[w]++
		}
		return out
	}
	for i := 0; i+4 <= len(words); i++ {
		out[strings.Join(words[i:i+4], " ")]++
	}
	return out
}

func pagePR(pred, gold string) (p, r float64) {
	ps, gs := wordShingles(pred), wordShingles(gold)
	np, ng, tp := 0, 0, 0
	for k, v := range ps {
		np += v
		tp += min(v, gs[k])
	}
	for _, v := range gs {
		ng += v
	}
	switch {
	case np == 0 && ng == 0:
		return 1, 1
	case np == 0:
		return 0, 0
	case ng == 0:
		return 0, 1
	}
	return float64(tp) / float64(np), float64(tp) / float64(ng)
}

// scoreExtraction runs the reader over pages and returns macro precision, recall and F1.
func scoreExtraction(t testing.TB, lx *htmlLexicon, pages []benchPage, cfg htmlExtraction, list bool) (float64, float64, float64) {
	var sp, sr float64
	type row struct {
		id, url string
		p, r    float64
	}
	var rows []row
	for _, pg := range pages {
		doc, err := lx.read(pg.html, Options{URL: pg.url, Now: time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)}, cfg)
		text := ""
		if err == nil {
			text = doc.Text
		}
		p, r := pagePR(text, pg.gold)
		sp += p
		sr += r
		rows = append(rows, row{pg.id, pg.url, p, r})
	}
	n := float64(len(pages))
	mp, mr := sp/n, sr/n
	f1 := 0.0
	if mp+mr > 0 {
		f1 = 2 * mp * mr / (mp + mr)
	}
	if list {
		sort.Slice(rows, func(i, j int) bool { return rows[i].p+rows[i].r < rows[j].p+rows[j].r })
		for _, r := range rows[:min(len(rows), 40)] {
			t.Logf("P %.3f R %.3f %s %s", r.p, r.r, r.id[:12], r.url)
		}
	}
	return mp, mr, f1
}

// TestExtractionPages scores the body text of the first pages of the extraction benchmark
// (all of them with TIDINGS_BENCH_PAGES=0) and fails when F1 falls under a floor.
func TestExtractionPages(t *testing.T) {
	limit := 10
	if s := os.Getenv("TIDINGS_BENCH_PAGES"); s != "" {
		if n, err := strconv.Atoi(s); err == nil {
			limit = n
		}
	}
	if testing.Short() {
		t.Skip("skipping the benchmark pages in -short mode")
	}
	pages := loadBenchPages(t, limit)
	if len(pages) == 0 {
		t.Skip("no benchmark pages")
	}
	lx, err := loadHTMLLexicon()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p, r, f1 := scoreExtraction(t, lx, pages, defaultHTMLExtraction(), os.Getenv("TIDINGS_BENCH_LIST") != "")
	t.Logf("%d pages: precision %.3f recall %.3f F1 %.3f, %.1f ms/page", len(pages), p, r, f1,
		float64(time.Since(start).Milliseconds())/float64(len(pages)))
	if f1 < 0.9 {
		t.Errorf("F1 %.3f on %d benchmark pages, want at least 0.90", f1, len(pages))
	}
}
