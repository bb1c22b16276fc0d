package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/storetest"
)

func BenchmarkSaveArticle(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "b.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	t := &testing.T{}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		doc := storetest.Sample(t)
		doc.URL = fmt.Sprintf("https://news.example/%d", i)
		doc.Text += fmt.Sprintf(" Story %d.", i)
		if _, _, err := s.SaveArticle(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "b.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	t := &testing.T{}
	for i := 0; i < 2000; i++ {
		doc := storetest.Sample(t)
		doc.URL = fmt.Sprintf("https://news.example/%d", i)
		doc.Text += fmt.Sprintf(" Story %d.", i)
		if _, _, err := s.SaveArticle(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Events(ctx, store.EventQuery{Source: "USA", Target: "IRN", Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}
