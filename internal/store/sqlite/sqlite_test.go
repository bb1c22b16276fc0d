package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, open)
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	// a name with characters that mean something in a URL
	path := filepath.Join(t.TempDir(), "my news #1?.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not where it was asked for: %v", err)
	}
	doc := storetest.Sample(t)
	if _, _, err := s.SaveArticle(ctx, doc); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer s.Close()
	if st, err := s.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("after reopening: %+v, %v", st, err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path, Options{}); err == nil || !strings.Contains(err.Error(), "upgrade tidings") {
		t.Errorf("opening a newer database: %v, want a request to upgrade", err)
	}
}

func TestRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), path, Options{}); err == nil {
		t.Error("opened a text file as a database")
	}
}

// TestMigratesVersion1 opens a database written with the first schema, whose quote offsets
// were named start and end, and finds its quotes and their offsets.
func TestMigratesVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		migrations()[0],
		`INSERT INTO articles (seq, id, content_hash, title, text, stored, n_quotes, doc)
		VALUES (1, 'a1', 'h1', 'Talks', 'He said "we agree" today.', '2026-01-17T06:00:00Z', 1, '{}')`,
		`INSERT INTO quotes (article_seq, n, text, start, end, speaker_name) VALUES (1, 0, 'we agree', 9, 17, 'He')`,
		`PRAGMA user_version = 1`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("writing a version 1 database: %v", err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("opening a version 1 database: %v", err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil || version != SchemaVersion() {
		t.Errorf("schema version %d (%v), want %d", version, err, SchemaVersion())
	}
	qs, total, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "he"})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(qs) != 1 {
		t.Fatalf("got %d quotes (total %d), want 1", len(qs), total)
	}
	if q := qs[0].Quote; q.Text != "we agree" || q.Start != 9 || q.End != 17 {
		t.Errorf("quote %q at %d-%d, want \"we agree\" at 9-17", q.Text, q.Start, q.End)
	}
}
