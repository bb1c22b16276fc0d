package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tidings-news/tidings/internal/store"
)

// FeedState returns what earlier polls learnt of the feed at url.
func (s *Store) FeedState(ctx context.Context, url string) (store.FeedState, error) {
	st := store.FeedState{URL: url}
	var polled string
	err := s.db.QueryRowContext(ctx, `
SELECT etag, last_modified, last_polled, errors, last_error FROM feeds WHERE url = ?`, url).
		Scan(&st.ETag, &st.LastModified, &polled, &st.Errors, &st.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("reading the state of feed %s: %w", url, err)
	}
	if polled != "" {
		st.LastPolled, _ = time.Parse(time.RFC3339Nano, polled)
	}
	return st, nil
}

// SaveFeedState records the outcome of a poll.
func (s *Store) SaveFeedState(ctx context.Context, st store.FeedState) error {
	if st.URL == "" {
		return errors.New("saving feed state: the feed has no address")
	}
	polled := ""
	if !st.LastPolled.IsZero() {
		polled = st.LastPolled.UTC().Format(time.RFC3339Nano)
	}
	_, err := s.db.ExecContext(ctx, `
INSERT INTO feeds (url, etag, last_modified, last_polled, errors, last_error) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
	last_polled = excluded.last_polled, errors = excluded.errors, last_error = excluded.last_error`,
		st.URL, st.ETag, st.LastModified, polled, st.Errors, st.LastError)
	if err != nil {
		return fmt.Errorf("saving the state of feed %s: %w", st.URL, err)
	}
	return nil
}

var _ store.Lookup = (*Store)(nil)

// ArticleByURL returns the id of the article stored under url's canonical form.
func (s *Store) ArticleByURL(ctx context.Context, url string) (string, error) {
	canon := store.CanonicalURL(url)
	if canon == "" {
		return "", fmt.Errorf("article at %q: %w", url, store.ErrNotFound)
	}
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE canonical_url = ?`, canon).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article at %q: %w", url, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("looking up %q: %w", url, err)
	}
	return id, nil
}

// ArticleByText returns the id of the article stored with the same normalised text.
func (s *Store) ArticleByText(ctx context.Context, text string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE content_hash = ?`, store.ContentHash(text)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article with this text: %w", store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("looking up an article by its text: %w", err)
	}
	return id, nil
}
