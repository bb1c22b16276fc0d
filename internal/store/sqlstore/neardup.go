package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/neardup"
	"github.com/tidings-news/tidings/internal/store"
)

// QueryContext runs a query inside the transaction.
func (t *tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.d.rebind(q), t.d.cleanArgs(args)...)
}

// signArticle signs the text of the article just stored as seq and points it at the first
// copy of its story when one is stored; otherwise the article is the first copy, and its band
// keys are recorded so later copies find it. Only articles stored before it are candidates,
// so that reprocessing, which signs articles stored before signatures existed, oldest first,
// finds the same first copies. Only first copies have band keys: a story
// reported a thousand times costs each new copy one candidate, not a thousand. A text too
// short to sign is left alone.
func (s *Store) signArticle(ctx context.Context, tx *tx, seq int64, text string) error {
	sig, ok := neardup.Sign(text)
	if !ok {
		return nil
	}
	keys := neardup.BandKeys(sig)
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := tx.QueryContext(ctx, `
SELECT a.id, a.signature FROM articles a
WHERE a.seq IN (SELECT article_seq FROM article_bands WHERE band_key IN (`+placeholders(len(keys))+`))
	AND a.seq < ?
ORDER BY a.seq`, append(args, seq)...)
	if err != nil {
		return fmt.Errorf("looking for near-duplicates: %w", err)
	}
	defer rows.Close()
	var best struct {
		id  string
		sim float64
	}
	for rows.Next() {
		var id string
		var csig sql.NullString
		if err := rows.Scan(&id, &csig); err != nil {
			return fmt.Errorf("looking for near-duplicates: %w", err)
		}
		other, err := neardup.Parse(csig.String)
		if err != nil {
			return fmt.Errorf("looking for near-duplicates: article %s: %w", id, err)
		}
		if sim := neardup.Similarity(sig, other); sim >= neardup.Threshold && sim > best.sim {
			best.sim, best.id = sim, id
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("looking for near-duplicates: %w", err)
	}
	rows.Close()
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET signature = ?, near_dup_of = ?, similarity = ? WHERE seq = ?`,
		sig.String(), nullString(best.id), best.sim, seq); err != nil {
		return fmt.Errorf("recording the near-duplicate signature: %w", err)
	}
	if best.id != "" {
		return nil
	}
	bandArgs := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		bandArgs = append(bandArgs, k, seq)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_bands (band_key, article_seq) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, ?),", len(keys)), ",")+` ON CONFLICT DO NOTHING`, bandArgs...); err != nil {
		return fmt.Errorf("recording the near-duplicate signature: %w", err)
	}
	return nil
}

// Story says which article id is a near-duplicate of, and which are near-duplicates of it.
func (s *Store) Story(ctx context.Context, id string) (store.Story, error) {
	var st store.Story
	var of string
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(near_dup_of, ''), similarity FROM articles WHERE id = ?`, id).
		Scan(&of, &st.Similarity)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("reading the copies of article %q: %w", id, err)
	}
	if of != "" {
		ref := store.ArticleRef{ID: of, Similarity: st.Similarity}
		err := s.db.QueryRowContext(ctx, `SELECT title, source FROM articles WHERE id = ?`, of).Scan(&ref.Title, &ref.Source)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return st, fmt.Errorf("reading the copies of article %q: %w", id, err)
		}
		st.NearDupOf = &ref
		return st, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, source, similarity FROM articles WHERE near_dup_of = ? ORDER BY seq`, id)
	if err != nil {
		return st, fmt.Errorf("reading the copies of article %q: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r store.ArticleRef
		if err := rows.Scan(&r.ID, &r.Title, &r.Source, &r.Similarity); err != nil {
			return st, fmt.Errorf("reading the copies of article %q: %w", id, err)
		}
		st.Copies = append(st.Copies, r)
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("reading the copies of article %q: %w", id, err)
	}
	return st, nil
}
