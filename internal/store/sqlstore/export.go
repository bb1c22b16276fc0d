package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// exportPage is how many articles Export reads at a time.
const exportPage = 64

// exportWhere builds the conditions of q over events e joined to articles a, with the
// helpers the search queries use.
func exportWhere(q store.ExportQuery) where {
	var w where
	w.types(q.Type)
	for _, f := range []struct{ cond, v string }{
		{"e.certainty = ?", strings.ToLower(q.Certainty)},
		{"a.id = ?", q.ArticleID},
		{"x.country = ?", strings.ToUpper(q.Country)},
	} {
		v := strings.TrimSpace(f.v)
		switch {
		case v == "":
		case strings.HasPrefix(f.cond, "x."):
			w.add(`EXISTS (SELECT 1 FROM event_actors x WHERE x.article_seq = e.article_seq AND x.event_n = e.n
	AND `+f.cond+`)`, v)
		default:
			w.add(f.cond, v)
		}
	}
	for _, side := range []struct{ role, v string }{{"s", q.Source}, {"t", q.Target}} {
		w.side(side.role, side.v)
	}
	// Actor is either side: the two conditions side builds, joined by OR
	var s, t where
	s.side("s", q.Actor)
	t.side("t", q.Actor)
	if len(s.conds) == 1 && len(t.conds) == 1 {
		w.add("("+s.conds[0]+" OR "+t.conds[0]+")", append(s.args, t.args...)...)
	}
	w.dayRange("e.day", q.From, q.To)
	return w
}

// Export calls fn with every article that has an event matching q, oldest stored first,
// reading exportPage articles at a time.
func (s *Store) Export(ctx context.Context, q store.ExportQuery, fn func(store.ExportItem) error) error {
	all := q.IsZero()
	w := exportWhere(q)
	last := int64(0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		seqs, err := s.exportSeqs(ctx, all, w, last)
		if err != nil {
			return err
		}
		if len(seqs) == 0 {
			return nil
		}
		lo, hi := seqs[0], seqs[len(seqs)-1]
		matched, err := s.exportEvents(ctx, all, w, lo, hi)
		if err != nil {
			return err
		}
		docs, err := s.exportDocs(ctx, seqs)
		if err != nil {
			return err
		}
		groups, err := s.exportGroups(ctx, seqs)
		if err != nil {
			return err
		}
		for _, seq := range seqs {
			last = seq
			doc, ok := docs[seq]
			if !ok {
				continue // deleted between the two reads
			}
			item := store.ExportItem{Doc: doc, Groups: groups[seq]}
			for _, m := range matched[seq] {
				if m.n >= 0 && m.n < len(doc.Events) && doc.Events[m.n].ID == m.id {
					item.Events = append(item.Events, doc.Events[m.n])
					continue
				}
				for _, e := range doc.Events {
					if e.ID == m.id {
						item.Events = append(item.Events, e)
						break
					}
				}
			}
			if err := fn(item); err != nil {
				return err
			}
		}
	}
}

// exportSeqs returns the next page of article sequence numbers after last.
func (s *Store) exportSeqs(ctx context.Context, all bool, w where, last int64) ([]int64, error) {
	query := `SELECT seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`
	args := []any{last, exportPage}
	if !all {
		w.add("e.article_seq > ?", last)
		query = `SELECT DISTINCT e.article_seq FROM events e JOIN articles a ON a.seq = e.article_seq` +
			w.String() + ` ORDER BY e.article_seq LIMIT ?`
		args = append(w.args, exportPage)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("export: listing articles: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			return nil, fmt.Errorf("export: listing articles: %w", err)
		}
		out = append(out, seq)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: listing articles: %w", err)
	}
	return out, nil
}

// exportEvent names one matching event by its position and id in its article.
type exportEvent struct {
	n  int
	id string
}

// exportEvents returns the matching events of the articles lo..hi by article.
func (s *Store) exportEvents(ctx context.Context, all bool, w where, lo, hi int64) (map[int64][]exportEvent, error) {
	if all {
		w = where{}
	}
	w.add("e.article_seq >= ? AND e.article_seq <= ?", lo, hi)
	rows, err := s.db.QueryContext(ctx, `SELECT e.article_seq, e.n, e.event_id
FROM events e JOIN articles a ON a.seq = e.article_seq`+w.String()+` ORDER BY e.article_seq, e.n`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("export: listing events: %w", err)
	}
	defer rows.Close()
	out := map[int64][]exportEvent{}
	for rows.Next() {
		var seq int64
		var e exportEvent
		if err := rows.Scan(&seq, &e.n, &e.id); err != nil {
			return nil, fmt.Errorf("export: listing events: %w", err)
		}
		out[seq] = append(out[seq], e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: listing events: %w", err)
	}
	return out, nil
}

// exportDocs reads the documents of the articles seqs.
func (s *Store) exportDocs(ctx context.Context, seqs []int64) (map[int64]*model.Document, error) {
	args := make([]any, len(seqs))
	for i, seq := range seqs {
		args[i] = seq
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, id, doc FROM articles WHERE seq IN (`+placeholders(len(seqs))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("export: reading articles: %w", err)
	}
	defer rows.Close()
	out := map[int64]*model.Document{}
	for rows.Next() {
		var seq int64
		var id string
		var blob []byte
		if err := rows.Scan(&seq, &id, &blob); err != nil {
			return nil, fmt.Errorf("export: reading articles: %w", err)
		}
		doc := new(model.Document)
		if err := json.Unmarshal(blob, doc); err != nil {
			return nil, fmt.Errorf("export: reading article %q: %w", id, err)
		}
		doc.ID = id
		out[seq] = doc
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: reading articles: %w", err)
	}
	return out, nil
}

// exportGroups returns the group and its number of mentions of every event of the articles
// seqs, by article and event id.
func (s *Store) exportGroups(ctx context.Context, seqs []int64) (map[int64]map[string]store.EventGroup, error) {
	args := make([]any, len(seqs))
	for i, seq := range seqs {
		args[i] = seq
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.article_seq, e.event_id, e.group_id,
	(SELECT COUNT(*) FROM events o WHERE o.group_id = e.group_id)
FROM events e WHERE e.article_seq IN (`+placeholders(len(seqs))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("export: counting the mentions of events: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[string]store.EventGroup{}
	for rows.Next() {
		var seq int64
		var id string
		var g store.EventGroup
		if err := rows.Scan(&seq, &id, &g.ID, &g.Mentions); err != nil {
			return nil, fmt.Errorf("export: counting the mentions of events: %w", err)
		}
		if out[seq] == nil {
			out[seq] = map[string]store.EventGroup{}
		}
		out[seq][id] = g
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: counting the mentions of events: %w", err)
	}
	return out, nil
}
