// Package sqlstore is the store.Store over database/sql that the SQLite and PostgreSQL backends
// share: query building, scanning, saving and feed state, written once with ? placeholders and
// parameterised by a small Dialect for what the two databases spell differently. A backend
// opens the connection, brings its schema up to date and hands both to New.
package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/tidings-news/tidings/internal/store"
)

// Dialect says how one database spells what the shared queries need.
type Dialect struct {
	// Rebind rewrites the ? placeholders of a query for the driver ($1, $2...); nil keeps them.
	Rebind func(query string) string
	// Clean makes a string argument storable (valid UTF-8, no NUL...); nil stores strings as
	// they are.
	Clean func(string) string
	// Like is the case-insensitive LIKE operator: "LIKE" or "ILIKE".
	Like string
	// Search gives the full-text parts of an article query for the words a user typed
	// (at least one, split on anything that is not a letter or digit).
	Search func(words []string) Search
	// SaveLock, when not "", is run first in every transaction that saves an article, so that
	// two copies saved at once are seen as copies.
	SaveLock string
	// IndexColumn, when not "", is a column of articles filled on insert with IndexValue, an
	// SQL expression with one ? that is given IndexArg(title, text).
	IndexColumn string
	IndexValue  string
	IndexArg    func(title, text string) any
	// IndexInsert, when not "", is run after an article row is inserted, with its seq, title
	// and text (an external full-text index).
	IndexInsert string
	// ReplaceActors makes a second actor with the id of one already stored for the article
	// replace it; otherwise the first is kept.
	ReplaceActors bool
	// DocText stores the document JSON as text rather than bytes.
	DocText bool
}

// Search is the full-text part of an article query.
type Search struct {
	// Join is appended to "articles a" in the FROM clause.
	Join string
	// Cond is the condition that an article holds the words, with its arguments.
	Cond     string
	CondArgs []any
	// Snippet is the expression for the listed snippet, with its arguments.
	Snippet     string
	SnippetArgs []any
}

// Store is a store.Store over a database/sql connection pool.
type Store struct {
	db  db
	d   Dialect
	sql statements
	now func() time.Time
}

// statements are the queries that depend on the dialect, built once.
type statements struct {
	insertArticle, insertActor string
}

func newStatements(d *Dialect) statements {
	cols := "id, url, canonical_url, content_hash, source, title, published, published_day, " +
		"text, stored, n_events, n_actors, n_quotes, doc"
	vals := "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
	if d.IndexColumn != "" {
		cols += ", " + d.IndexColumn
		vals += ", " + d.IndexValue
	}
	// a second actor with the id of one already stored for the article
	conflict := `ON CONFLICT DO NOTHING`
	if d.ReplaceActors {
		conflict = `ON CONFLICT (article_seq, actor_id) DO UPDATE SET name = excluded.name,
	name_key = excluded.name_key, kind = excluded.kind, country = excluded.country,
	sector = excluded.sector, role = excluded.role, mentions = excluded.mentions`
	}
	return statements{
		insertArticle: `INSERT INTO articles (` + cols + `) VALUES (` + vals + `) RETURNING seq`,
		insertActor: `
INSERT INTO actors (article_seq, actor_id, name, name_key, kind, country, sector, role, mentions)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ` + conflict,
	}
}

var _ store.Store = (*Store)(nil)

// New returns the Store over sqldb, whose schema must be up to date. now stamps stored
// articles; nil means time.Now. Close closes sqldb.
func New(sqldb *sql.DB, d Dialect, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	if d.Like == "" {
		d.Like = "LIKE"
	}
	return &Store{db: db{DB: sqldb, d: &d}, d: d, sql: newStatements(&d), now: now}
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.DB.Close(); err != nil {
		return fmt.Errorf("closing database: %w", err)
	}
	return nil
}

// clean makes s storable as the dialect needs.
func (s *Store) clean(str string) string {
	if s.d.Clean == nil {
		return str
	}
	return s.d.Clean(str)
}

// words splits what a user typed into the words full-text search looks for.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// likePattern escapes s for a LIKE ... ESCAPE '\' that matches s anywhere.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// db, tx and stmt let the queries be written once with ? placeholders: they rebind them and
// clean the string arguments as the dialect says.
type db struct {
	*sql.DB
	d *Dialect
}

func (d db) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, d.d.rebind(q), d.d.cleanArgs(args)...)
}

func (d db) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, d.d.rebind(q), d.d.cleanArgs(args)...)
}

func (d db) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.DB.ExecContext(ctx, d.d.rebind(q), d.d.cleanArgs(args)...)
}

func (d db) BeginTx(ctx context.Context, opts *sql.TxOptions) (*tx, error) {
	t, err := d.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &tx{Tx: t, d: d.d}, nil
}

type tx struct {
	*sql.Tx
	d *Dialect
}

func (t *tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.d.rebind(q), t.d.cleanArgs(args)...)
}

func (t *tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.d.rebind(q), t.d.cleanArgs(args)...)
}

func (t *tx) PrepareContext(ctx context.Context, q string) (*stmt, error) {
	st, err := t.Tx.PrepareContext(ctx, t.d.rebind(q))
	if err != nil {
		return nil, err
	}
	return &stmt{Stmt: st, d: t.d}, nil
}

type stmt struct {
	*sql.Stmt
	d *Dialect
}

func (s *stmt) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return s.Stmt.ExecContext(ctx, s.d.cleanArgs(args)...)
}

func (d *Dialect) rebind(q string) string {
	if d.Rebind == nil {
		return q
	}
	return d.Rebind(q)
}

func (d *Dialect) cleanArgs(args []any) []any {
	if d.Clean == nil {
		return args
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = d.Clean(s)
		}
	}
	return args
}
