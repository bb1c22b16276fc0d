package reader

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/model"
)

// FuzzReadHTML reads arbitrary bytes as a web page: it must not panic, must finish in bounded
// time, and what it returns must have the body's shape.
func FuzzReadHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"<",
		"<p>one</p>",
		"<meta charset=utf-16><p>x</p>",
		"<script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-02-30T25:61\"}]}</script><p>x</p>",
		"<time datetime='9999-99-99'>x</time><div class=date>Published 99 March 2025 99:99 PM</div>",
		"<h1>t</h1><p>t</p>\n\n<p>\u00a0</p><br><br><br>",
		"\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add([]byte(s))
	}
	lx, err := loadHTMLLexicon()
	if err != nil {
		f.Fatal(err)
	}
	now := time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		doc, err := lx.read(data, Options{Now: now, URL: "https://news.example/2025/03/14/x"}, defaultHTMLExtraction())
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("reading %d bytes took %v", len(data), el)
		}
		if err != nil {
			return
		}
		checkBodyShape(t, doc.Text)
		for _, v := range []string{doc.Published, doc.Updated} {
			if v == "" {
				continue
			}
			if _, _, err := parseISO(v); err != nil {
				t.Errorf("date %q is not ISO 8601: %v", v, err)
			}
		}
	})
}

func parseISO(s string) (time.Time, bool, error) { return model.ParseTime(s) }
