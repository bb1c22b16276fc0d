package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// idLen is how many hex digits of the content hash make an article id.
const idLen = 16

// SaveArticle stores doc and its annotations in one transaction, unless the same article (by
// canonical URL or content hash) is already there.
func (s *Store) SaveArticle(ctx context.Context, doc *model.Document) (string, bool, error) {
	if err := checkSavable(doc); err != nil {
		return "", false, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	defer tx.Rollback()
	if err := s.lockForSave(ctx, tx); err != nil {
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	id, created, err := s.saveInTx(ctx, tx, doc)
	if err != nil || !created {
		return id, created, err
	}
	if err := tx.Commit(); err != nil {
		doc.ID = ""
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	return id, true, nil
}

// SaveArticles stores several articles in one transaction, each behind a savepoint so that
// one that fails is left out and the others are kept. It saves the per-transaction cost that
// dominates a long ingest. The results are in the order of docs.
func (s *Store) SaveArticles(ctx context.Context, docs []*model.Document) ([]store.SaveResult, error) {
	res := make([]store.SaveResult, len(docs))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	defer tx.Rollback()
	if err := s.lockForSave(ctx, tx); err != nil {
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	created := false
	for i, doc := range docs {
		if err := checkSavable(doc); err != nil {
			res[i].Err = err
			continue
		}
		if _, err := tx.ExecContext(ctx, "SAVEPOINT one_article"); err != nil {
			return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
		}
		res[i].ID, res[i].Created, res[i].Err = s.saveInTx(ctx, tx, doc)
		undo := "RELEASE SAVEPOINT one_article"
		if res[i].Err != nil {
			undo = "ROLLBACK TO SAVEPOINT one_article"
		}
		if _, err := tx.ExecContext(ctx, undo); err != nil {
			return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
		}
		created = created || res[i].Created
	}
	if !created {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		for _, doc := range docs {
			if doc != nil {
				doc.ID = ""
			}
		}
		return nil, fmt.Errorf("saving %d articles: %w", len(docs), err)
	}
	return res, nil
}

func checkSavable(doc *model.Document) error {
	if doc == nil {
		return errors.New("saving article: no article given")
	}
	if strings.TrimSpace(doc.Text) == "" {
		return fmt.Errorf("saving article %s: the article has no text", name(doc))
	}
	return nil
}

func (s *Store) lockForSave(ctx context.Context, tx *tx) error {
	if s.d.SaveLock == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.d.SaveLock)
	return err
}

// saveInTx stores doc inside tx unless a copy is there; it returns the stored id and whether
// doc was new.
func (s *Store) saveInTx(ctx context.Context, tx *tx, doc *model.Document) (string, bool, error) {
	hash := store.ContentHash(doc.Text)
	canon := store.CanonicalURL(doc.URL)
	if canon == "" {
		canon = store.CanonicalURL(doc.Source)
	}
	var canonArg any
	if canon != "" {
		canonArg = canon
	}
	var existing string
	err := tx.QueryRowContext(ctx, `
SELECT id FROM articles WHERE content_hash = ? OR canonical_url = CAST(? AS TEXT) LIMIT 1`,
		hash, canonArg).Scan(&existing)
	switch {
	case err == nil:
		doc.ID = existing
		return existing, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return "", false, fmt.Errorf("saving article %s: looking for a copy: %w", name(doc), err)
	}

	id := hash[:idLen]
	doc.ID = id
	blob, err := json.Marshal(doc)
	if err != nil {
		doc.ID = ""
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	args := []any{id, doc.URL, canonArg, hash, doc.Source, doc.Title, doc.Published,
		nullString(store.PublishedDay(doc.Published)), doc.Text,
		s.now().UTC().Format(time.RFC3339Nano),
		len(doc.Events), len(doc.Actors), len(doc.Quotes), s.docArg(blob)}
	if s.d.IndexColumn != "" {
		args = append(args, s.d.IndexArg(doc.Title, doc.Text))
	}
	var seq int64
	err = tx.QueryRowContext(ctx, s.sql.insertArticle, args...).Scan(&seq)
	if err != nil {
		doc.ID = ""
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	if s.d.IndexInsert != "" {
		if _, err := tx.ExecContext(ctx, s.d.IndexInsert, seq, doc.Title, doc.Text); err != nil {
			doc.ID = ""
			return "", false, fmt.Errorf("saving article %s: indexing its text: %w", name(doc), err)
		}
	}
	if err := s.signArticle(ctx, tx, seq, doc.Text); err != nil {
		doc.ID = ""
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	if err := s.insertAnnotations(ctx, tx, seq, doc); err != nil {
		doc.ID = ""
		return "", false, fmt.Errorf("saving article %s: %w", name(doc), err)
	}
	return id, true, nil
}

// ReplaceAnnotations swaps the stored annotations of doc.ID for doc's.
func (s *Store) ReplaceAnnotations(ctx context.Context, doc *model.Document) error {
	if doc == nil || doc.ID == "" {
		return errors.New("replacing annotations: the article has no id")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
	}
	defer tx.Rollback()
	var seq int64
	var text string
	var signed bool
	err = tx.QueryRowContext(ctx, `SELECT seq, text, signature IS NOT NULL FROM articles WHERE id = ?`, doc.ID).
		Scan(&seq, &text, &signed)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
	}
	if text != s.clean(doc.Text) {
		return fmt.Errorf("replacing annotations of %s: the text differs from the stored one, so the offsets would not fit", doc.ID)
	}
	for _, q := range []string{
		`DELETE FROM event_actors WHERE article_seq = ?`,
		`DELETE FROM events WHERE article_seq = ?`,
		`DELETE FROM actors WHERE article_seq = ?`,
		`DELETE FROM quotes WHERE article_seq = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, seq); err != nil {
			return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
		}
	}
	if !signed {
		if err := s.signArticle(ctx, tx, seq, text); err != nil {
			return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
		}
	}
	if err := s.insertAnnotations(ctx, tx, seq, doc); err != nil {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
	}
	blob, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `
UPDATE articles SET n_events = ?, n_actors = ?, n_quotes = ?, doc = ? WHERE seq = ?`,
		len(doc.Events), len(doc.Actors), len(doc.Quotes), s.docArg(blob), seq); err != nil {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replacing annotations of %s: %w", doc.ID, err)
	}
	return nil
}

// insertAnnotations writes the queryable rows of doc's actors, events and quotes.
func (s *Store) insertAnnotations(ctx context.Context, tx *tx, seq int64, doc *model.Document) error {
	actors := make(map[string]*model.Actor, len(doc.Actors))
	if len(doc.Actors) > 0 {
		st, err := tx.PrepareContext(ctx, s.sql.insertActor)
		if err != nil {
			return fmt.Errorf("storing actors: %w", err)
		}
		defer st.Close()
		for i := range doc.Actors {
			a := &doc.Actors[i]
			actors[a.ID] = a
			if _, err := st.ExecContext(ctx, seq, a.ID, a.Name, nameKey(a.Name), a.Kind,
				strings.ToUpper(a.Country), a.Sector, a.Role, len(a.Mentions)); err != nil {
				return fmt.Errorf("storing actor %q: %w", a.Name, err)
			}
		}
	}
	if len(doc.Events) > 0 {
		ev, err := tx.PrepareContext(ctx, `
INSERT INTO events (article_seq, n, event_id, type, mode, certainty, attributed_to, date_value,
	date_text, day, score, sentence_start, sentence_end, trigger_start, trigger_end, evidence, trigger_text,
	group_id, reports)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("storing events: %w", err)
		}
		defer ev.Close()
		ea, err := tx.PrepareContext(ctx, `
INSERT INTO event_actors (article_seq, event_n, role, pos, actor_id, name, name_key, kind, country, node)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("storing events: %w", err)
		}
		defer ea.Close()
		pubDay := store.PublishedDay(doc.Published)
		for n, e := range doc.Events {
			day := store.Day(e.Date.Value)
			if day == "" {
				day = pubDay
			}
			if _, err := ev.ExecContext(ctx, seq, n, e.ID, e.Type, e.Mode, e.Certainty, e.AttributedTo,
				e.Date.Value, e.Date.Text, nullString(day), e.Score,
				e.Sentence.Start, e.Sentence.End, e.Trigger.Start, e.Trigger.End,
				slice(doc.Text, e.Sentence), slice(doc.Text, e.Trigger),
				groupID(&e, actors, day, doc.ID, n), e.Reports()); err != nil {
				return fmt.Errorf("storing event %s: %w", e.ID, err)
			}
			for _, side := range []struct {
				role string
				ids  []string
			}{{"s", e.Source}, {"t", e.Target}} {
				for pos, aid := range side.ids {
					var nm, kind, country string
					if a := actors[aid]; a != nil {
						nm, kind, country = a.Name, a.Kind, strings.ToUpper(a.Country)
					}
					node := country
					if node == "" && nm != "" {
						node = "actor:" + nm
					}
					if _, err := ea.ExecContext(ctx, seq, n, side.role, pos, aid, nm, nameKey(nm), kind,
						country, node); err != nil {
						return fmt.Errorf("storing the actors of event %s: %w", e.ID, err)
					}
				}
			}
		}
	}
	if len(doc.Quotes) > 0 {
		st, err := tx.PrepareContext(ctx, `
INSERT INTO quotes (article_seq, n, text, q_start, q_end, speaker_id, speaker_name, speaker_actor,
	speaker_country, cue, kind, speaker_start, speaker_end, cue_start, cue_end)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("storing quotes: %w", err)
		}
		defer st.Close()
		for n, q := range doc.Quotes {
			var actorName, country string
			if a := actors[q.Speaker]; a != nil {
				actorName, country = a.Name, strings.ToUpper(a.Country)
			}
			if _, err := st.ExecContext(ctx, seq, n, q.Text, q.Start, q.End, q.Speaker, q.SpeakerName,
				actorName, country, q.Cue, q.Kind, q.SpeakerSpan.Start, q.SpeakerSpan.End,
				q.CueSpan.Start, q.CueSpan.End); err != nil {
				return fmt.Errorf("storing quote %d: %w", n, err)
			}
		}
	}
	return nil
}

// docArg is the stored form of the document JSON.
func (s *Store) docArg(blob []byte) any {
	if s.d.DocText {
		return string(blob)
	}
	return blob
}

// nameKey is the form names are matched in.
func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// slice returns the text of sp, or "" when sp does not fit the text.
func slice(text string, sp model.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return ""
	}
	return text[sp.Start:sp.End]
}

// name says which article an error is about.
func name(doc *model.Document) string {
	switch {
	case doc.URL != "":
		return doc.URL
	case doc.Source != "":
		return doc.Source
	case doc.Title != "":
		return fmt.Sprintf("%q", doc.Title)
	}
	return "(untitled)"
}
