package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/storetest"
)

// FuzzQueries feeds user-typed filters to every query: none may fail or panic.
func FuzzQueries(f *testing.F) {
	for _, s := range []string{"iran", `"unbalanced`, "NEAR(a b)", "a* OR b", "col:x", "%_\\", "ÉMILIE", "\x00\xff"} {
		f.Add(s)
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(f.TempDir(), "f.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.SaveArticle(ctx, storetest.Sample(&testing.T{})); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, _, err := s.Articles(ctx, store.ArticleQuery{Text: q, Actor: q, Country: q}); err != nil {
			t.Errorf("Articles(%q): %v", q, err)
		}
		if _, _, err := s.Events(ctx, store.EventQuery{Type: q, Source: q, Target: q, Certainty: q, ArticleID: q}); err != nil {
			t.Errorf("Events(%q): %v", q, err)
		}
		if _, _, err := s.Actors(ctx, store.ActorQuery{Name: q, Country: q, Kind: q}); err != nil {
			t.Errorf("Actors(%q): %v", q, err)
		}
		if _, _, err := s.Quotes(ctx, store.QuoteQuery{Speaker: q, Text: q, ArticleID: q}); err != nil {
			t.Errorf("Quotes(%q): %v", q, err)
		}
		if _, err := s.Dyads(ctx, store.DyadQuery{Source: q, Target: q}); err != nil {
			t.Errorf("Dyads(%q): %v", q, err)
		}
	})
}
