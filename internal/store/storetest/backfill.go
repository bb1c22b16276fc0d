package storetest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// undoGroups undoes, in SQL both stores take, the migration that added the events' reports
// (SQLite version 4, PostgreSQL version 3) and the one before it, which added near-duplicate
// signatures and event groups (SQLite version 3, PostgreSQL version 2).
var undoGroups = []string{
	`ALTER TABLE events DROP COLUMN reports`,
	`DROP INDEX events_group`,
	`ALTER TABLE events DROP COLUMN group_id`,
	`DROP TABLE article_bands`,
	`DROP INDEX articles_near_dup_of`,
	`ALTER TABLE articles DROP COLUMN signature`,
	`ALTER TABLE articles DROP COLUMN near_dup_of`,
	`ALTER TABLE articles DROP COLUMN similarity`,
}

// Backfill stores five rewritten copies of one story in s, takes db (s's database) back to
// the schema before near-duplicate signatures and event groups, records the old version with
// the statement setVersion, and calls migrate, as opening an old store does. It then checks
// that reprocessing every article (ForEachArticle, then ReplaceAnnotations, oldest first, as
// `tidings reprocess` does) signs the articles and groups their events: before it, the
// copies are five stories whose events count once each; after it, one story whose four
// events count once.
func Backfill(t *testing.T, s store.Store, db *sql.DB, setVersion string, migrate func(context.Context) error) {
	t.Helper()
	ctx := context.Background()
	docs := copies(t)
	ids := save(t, s, docs[:5]...)
	for _, q := range append(undoGroups, setVersion) {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("bringing the store back to the old schema: %s: %v", q, err)
		}
	}
	if err := migrate(ctx); err != nil {
		t.Fatalf("migrating the old schema: %v", err)
	}

	check := func(when string, want store.Stats, copies, mentions int) {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want.Actors, want.Quotes, want.Feeds = st.Actors, st.Quotes, st.Feeds
		if st != want {
			t.Errorf("%s: Stats = %+v, want %+v", when, st, want)
		}
		story, err := s.Story(ctx, ids[0])
		if err != nil {
			t.Fatal(err)
		}
		if len(story.Copies) != copies {
			t.Errorf("%s: the first copy has %d near-duplicates, want %d", when, len(story.Copies), copies)
		}
		err = s.Export(ctx, store.ExportQuery{}, func(it store.ExportItem) error {
			for _, e := range it.Doc.Events {
				if g := it.Groups[e.ID]; g.Mentions != mentions {
					t.Errorf("%s: event %s of %s in group %+v, want %d mentions", when, e.ID, it.Doc.ID, g, mentions)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check("migrated, not reprocessed", store.Stats{Articles: 5, Stories: 5, Events: 20, Mentions: 20}, 0, 1)

	var stored []*model.Document
	if err := s.ForEachArticle(ctx, func(d *model.Document) error { stored = append(stored, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(stored) != 5 {
		t.Fatalf("ForEachArticle gave %d articles, want 5", len(stored))
	}
	for _, d := range stored {
		if err := s.ReplaceAnnotations(ctx, d); err != nil {
			t.Fatalf("reprocessing %s: %v", d.ID, err)
		}
	}
	check("reprocessed", store.Stats{Articles: 5, Stories: 1, Events: 4, Mentions: 20}, 4, 5)

	// a second run finds everything signed and changes nothing
	for _, d := range stored {
		if err := s.ReplaceAnnotations(ctx, d); err != nil {
			t.Fatalf("reprocessing %s again: %v", d.ID, err)
		}
	}
	check("reprocessed twice", store.Stats{Articles: 5, Stories: 1, Events: 4, Mentions: 20}, 4, 5)
}
