package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

func TestBatchSavesEveryArticleOnceInOrder(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var order []string
	created := 0
	b := store.NewBatch(st, 4, func(doc *model.Document, r store.SaveResult) {
		if r.Err != nil {
			t.Errorf("%s: %v", doc.Title, r.Err)
		}
		if r.Created {
			created++
		}
		order = append(order, doc.Title)
	})
	for i := range 10 {
		b.Add(ctx, &model.Document{Title: fmt.Sprint(i), Text: fmt.Sprintf("Article number %d.", i%7)})
	}
	if len(order) != 8 {
		t.Errorf("%d articles reported before Flush, want 8 (two full batches)", len(order))
	}
	b.Flush(ctx)
	if len(order) != 10 || created != 7 {
		t.Fatalf("reported %d, created %d; want 10 and 7 (three are copies)", len(order), created)
	}
	for i, title := range order {
		if title != fmt.Sprint(i) {
			t.Fatalf("reported out of order: %v", order)
		}
	}
}
