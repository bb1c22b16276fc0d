package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store/sqlite"
	"github.com/tidings-news/tidings/internal/web"
	"github.com/tidings-news/tidings/internal/web/webtest"
)

// TestNearDuplicatePages stores the seed article and another outlet's copy of it: the copy's
// page links to the seed, the seed's page to the copy, and event lists give mention counts.
func TestNearDuplicatePages(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seedID := save(t, st, webtest.SeedDoc)
	copyID := save(t, st, func() (*model.Document, error) {
		d, err := webtest.SeedDoc()
		if err == nil {
			d.Title = "Putin and Pezeshkian speak by phone"
			d.Text += "\n\nAdditional reporting by our Moscow bureau."
		}
		return d, err
	})
	pages, err := web.New(st, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pages)
	t.Cleanup(srv.Close)
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
		}
		return string(b)
	}
	tests := []struct {
		path string
		want []string
	}{
		{"/articles/" + copyID, []string{`A near-duplicate of <a href="/articles/` + seedID + `">Putin talks to Iranian president</a>`,
			`2 mentions in 2 articles`}},
		{"/articles/" + seedID, []string{`1 near-duplicate of this article: <a href="/articles/` + copyID + `">Putin and Pezeshkian speak by phone</a>`}},
		{"/timeline", []string{`2 mentions in 2 articles`}},
	}
	for _, tt := range tests {
		body := get(tt.path)
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", tt.path, w)
			}
		}
	}
	if body := get("/articles/" + seedID); strings.Contains(body, "A near-duplicate of") {
		t.Error("the first copy is called a near-duplicate")
	}
}
