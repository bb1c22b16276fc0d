// Package sqlite is the Store kept in one SQLite file (pure Go, no cgo): write-ahead logging
// so readers never wait for the writer, a busy timeout, ordered migrations with a schema version
// check, and FTS5 full-text search over titles and texts.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a store.Store in a SQLite file.
type Store struct {
	*sqlstore.Store
	db *sql.DB
	// busy is how long opening waits for another process's lock.
	busy time.Duration
}

var _ store.Store = (*Store)(nil)

// Options tune Open.
type Options struct {
	// BusyTimeout is how long a writer waits for the lock; zero means 10 seconds.
	BusyTimeout time.Duration
	// Now stamps stored articles; nil means time.Now.
	Now func() time.Time
}

// Open opens (creating when absent) the database at path and brings its schema up to date.
// A database written by a newer tidings, with a schema this one does not know, is refused.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("opening database: no path given")
	}
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = 10 * time.Second
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	s := &Store{Store: sqlstore.New(db, dialect(), opts.Now), db: db, busy: busy}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	return s, nil
}

// dialect is how SQLite spells what the shared queries need: FTS5 in an external-content
// table filled on insert, ASCII-only case-insensitive LIKE, the document JSON as a blob.
func dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Like:          "LIKE",
		Search:        search,
		IndexInsert:   `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`,
		ReplaceActors: true,
	}
}

// search matches articles holding every word, each quoted so that FTS5 reads no operators
// the user did not mean.
func search(words []string) sqlstore.Search {
	return sqlstore.Search{
		Join:     " JOIN articles_fts ON articles_fts.rowid = a.seq",
		Cond:     "articles_fts MATCH ?",
		CondArgs: []any{`"` + strings.Join(words, `" "`) + `"`},
		Snippet:  "snippet(articles_fts, 1, '', '', '…', 24)",
	}
}

// SchemaVersion is the schema version this package writes.
func SchemaVersion() int { return len(migrations()) }

// connect returns a connection, retrying while another process holds the lock its set-up
// pragmas need: switching a new file to WAL answers "database is locked" at once, without
// waiting for the busy timeout, when another process opens the same new file at that moment.
func (s *Store) connect(ctx context.Context, wait time.Duration) (*sql.Conn, error) {
	deadline := time.Now().Add(wait)
	pause := 5 * time.Millisecond
	for {
		conn, err := s.db.Conn(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return conn, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, plain or extended.
func isBusy(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == 5
}

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.connect(ctx, s.busy)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer conn.Close()
	var version int
	if err := conn.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("reading schema version (is this a SQLite database?): %w", err)
	}
	ms := migrations()
	if version > len(ms) {
		return fmt.Errorf("the database has schema version %d but this tidings knows only up to %d: upgrade tidings", version, len(ms))
	}
	// Each step takes the write lock first and reads the version again under it, so that two
	// processes opening one file at once do not both apply the same migration.
	for version < len(ms) {
		if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
			return fmt.Errorf("starting migration %d: %w", version+1, err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
			conn.ExecContext(ctx, `ROLLBACK`)
			return fmt.Errorf("reading schema version: %w", err)
		}
		if version >= len(ms) {
			if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
				return fmt.Errorf("ending schema check: %w", err)
			}
			break
		}
		if _, err := conn.ExecContext(ctx, ms[version]); err != nil {
			conn.ExecContext(ctx, `ROLLBACK`)
			return fmt.Errorf("migrating schema to version %d: %w", version+1, err)
		}
		// PRAGMA takes no parameters; version is an int we control
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, version+1)); err != nil {
			conn.ExecContext(ctx, `ROLLBACK`)
			return fmt.Errorf("recording schema version %d: %w", version+1, err)
		}
		if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
			conn.ExecContext(ctx, `ROLLBACK`)
			return fmt.Errorf("committing migration %d: %w", version+1, err)
		}
		version++
	}
	return nil
}
