package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tidings-news/tidings/internal/web"
	"github.com/tidings-news/tidings/internal/web/webtest"
)

func BenchmarkHighlight(b *testing.B) {
	doc, err := webtest.SeedDoc()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		web.Highlight(doc)
	}
}

func BenchmarkPages(b *testing.B) {
	s := newSite(b)
	for _, path := range []string{"/articles/" + s.seedID, "/", "/timeline", "/dyads?source=USA&target=IRN", "/graph"} {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
