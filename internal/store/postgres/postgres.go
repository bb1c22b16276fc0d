// Package postgres is the Store kept in a PostgreSQL database, for several writers and
// large archives. It passes the same conformance suite as the SQLite store; full-text search
// uses a tsvector of the accent-folded title and text with a GIN index.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"golang.org/x/text/unicode/norm"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlstore"
)

// Store is a store.Store in PostgreSQL.
type Store struct {
	*sqlstore.Store
	db *sql.DB
}

var _ store.Store = (*Store)(nil)

// Options tune Open.
type Options struct {
	// Now stamps stored articles; nil means time.Now.
	Now func() time.Time
}

// Open connects to the database at url (postgres://user:pass@host/db?search_path=...) and
// brings its schema up to date. A schema newer than this tidings knows is refused.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	if url == "" {
		return nil, errors.New("opening database: no address given")
	}
	sqldb, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("opening database: %w", err)
	}
	sqldb.SetMaxOpenConns(16)
	s := &Store{Store: sqlstore.New(sqldb, dialect(), opts.Now), db: sqldb}
	if err := s.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("opening database: %w", err)
	}
	return s, nil
}

// dialect is how PostgreSQL spells what the shared queries need: numbered placeholders,
// cleaned strings, ILIKE, and a tsvector of the accent-folded title and text.
func dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Rebind: rebind,
		Clean:  clean,
		Like:   "ILIKE",
		Search: search,
		// one writer at a time, so two copies of an article saved at once are seen as copies
		SaveLock:    `SELECT pg_advisory_xact_lock(7402911)`,
		IndexColumn: "search",
		IndexValue:  "to_tsvector('simple', ?)",
		IndexArg:    func(title, text string) any { return fold(title + "\n" + text) },
		DocText:     true,
	}
}

// search matches articles holding every word, accent-folded; plainto_tsquery reads no
// operators.
func search(words []string) sqlstore.Search {
	q := fold(strings.Join(words, " "))
	return sqlstore.Search{
		Cond:        "a.search @@ plainto_tsquery('simple', ?)",
		CondArgs:    []any{q},
		Snippet:     "ts_headline('simple', a.text, plainto_tsquery('simple', ?), 'StartSel=\"\",StopSel=\"\",MaxWords=35,MinWords=15')",
		SnippetArgs: []any{q},
	}
}

// SchemaVersion is the schema version this package writes.
func SchemaVersion() int { return len(migrations()) }

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer tx.Rollback()
	// one migrator at a time
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7402910)`); err != nil {
		return fmt.Errorf("locking the schema: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS tidings_schema (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	var version int
	err = tx.QueryRowContext(ctx, `SELECT version FROM tidings_schema`).Scan(&version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, `INSERT INTO tidings_schema (version) VALUES (0)`); err != nil {
			return fmt.Errorf("recording schema version: %w", err)
		}
	case err != nil:
		return fmt.Errorf("reading schema version: %w", err)
	}
	ms := migrations()
	if version > len(ms) {
		return fmt.Errorf("the database has schema version %d but this tidings knows only up to %d: upgrade tidings", version, len(ms))
	}
	for i := version; i < len(ms); i++ {
		if _, err := tx.ExecContext(ctx, ms[i]); err != nil {
			return fmt.Errorf("migrating schema to version %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE tidings_schema SET version = $1`, len(ms)); err != nil {
		return fmt.Errorf("recording schema version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing the schema: %w", err)
	}
	return nil
}

// rebind numbers the ? placeholders of q ($1, $2...). The shared queries hold no ?
// inside string literals.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// clean makes s storable in a PostgreSQL text column: invalid UTF-8 becomes U+FFFD, as the
// JSON of the document has it, and NUL becomes U+FFFD too.
func clean(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// fold lower-cases s and strips its accents, the form full-text search indexes and queries.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var it norm.Iter
	it.InitString(norm.NFKD, clean(s))
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
