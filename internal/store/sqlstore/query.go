package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// where gathers the conditions and arguments of a query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dayRange adds inclusive bounds on a YYYY-MM-DD column.
func (w *where) dayRange(col string, from, to time.Time) {
	if f := store.DayBound(from); f != "" {
		w.add(col+" >= ?", f)
	}
	if t := store.DayBound(to); t != "" {
		w.add(col+" <= ?", t)
	}
}

// side adds the condition that some actor on one side of the event e matches v, a country
// code or a name.
func (w *where) side(role, v string) {
	vals := store.SplitList(v)
	if len(vals) == 0 {
		return
	}
	codes := make([]any, len(vals))
	names := make([]any, len(vals))
	for i, x := range vals {
		codes[i], names[i] = strings.ToUpper(x), nameKey(x)
	}
	args := append(append([]any{role}, codes...), names...)
	w.add(`EXISTS (SELECT 1 FROM event_actors x WHERE x.article_seq = e.article_seq AND x.event_n = e.n
	AND x.role = ? AND (x.country IN (`+placeholders(len(vals))+`) OR x.name_key IN (`+placeholders(len(vals))+`)))`, args...)
}

// types adds the condition that the event's type is one of a comma-separated list.
func (w *where) types(v string) {
	vals := store.SplitList(v)
	if len(vals) == 0 {
		return
	}
	args := make([]any, len(vals))
	for i, x := range vals {
		args[i] = strings.ToUpper(x)
	}
	w.add("e.type IN ("+placeholders(len(vals))+")", args...)
}

// placeholders returns n question marks separated by commas.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Article returns one article with every annotation.
func (s *Store) Article(ctx context.Context, id string) (*model.Document, error) {
	var blob []byte
	err := s.db.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %q: %w", id, err)
	}
	doc := new(model.Document)
	if err := json.Unmarshal(blob, doc); err != nil {
		return nil, fmt.Errorf("reading article %q: %w", id, err)
	}
	doc.ID = id
	return doc, nil
}

// Articles lists articles, newest publication first.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) ([]store.ArticleSummary, int, error) {
	var w where
	from := "articles a"
	snippet := "substr(a.text, 1, 240)"
	var snippetArgs []any
	if ws := words(q.Text); len(ws) > 0 && s.d.Search != nil {
		fts := s.d.Search(ws)
		from += fts.Join
		w.add(fts.Cond, fts.CondArgs...)
		snippet = fts.Snippet
		snippetArgs = fts.SnippetArgs
	}
	if v := strings.TrimSpace(q.Actor); v != "" {
		w.add(`EXISTS (SELECT 1 FROM actors x WHERE x.article_seq = a.seq AND (x.name_key = ? OR x.country = ?))`,
			nameKey(v), strings.ToUpper(v))
	}
	if v := strings.TrimSpace(q.Country); v != "" {
		w.add(`EXISTS (SELECT 1 FROM actors x WHERE x.article_seq = a.seq AND x.country = ?)`, strings.ToUpper(v))
	}
	w.dayRange("a.published_day", q.From, q.To)

	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+from+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting articles: %w", err)
	}
	args := append(append(snippetArgs, w.args...), store.ClampLimit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `
SELECT a.id, a.url, a.source, a.title, a.published, a.stored, `+snippet+`, a.n_events, a.n_actors, a.n_quotes,
	COALESCE(a.near_dup_of, ''), a.similarity
FROM `+from+w.String()+`
ORDER BY a.published_day DESC NULLS LAST, a.published DESC, a.seq DESC
LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing articles: %w", err)
	}
	defer rows.Close()
	var out []store.ArticleSummary
	for rows.Next() {
		var a store.ArticleSummary
		var stored string
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Published, &stored, &a.Snippet,
			&a.Events, &a.Actors, &a.Quotes, &a.NearDupOf, &a.Similarity); err != nil {
			return nil, 0, fmt.Errorf("listing articles: %w", err)
		}
		a.Stored, _ = time.Parse(time.RFC3339Nano, stored)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("listing articles: %w", err)
	}
	return out, total, nil
}

// eventKey names one event row.
type eventKey struct {
	seq int64
	n   int
}

// Events lists events, newest day first.
func (s *Store) Events(ctx context.Context, q store.EventQuery) ([]store.EventRow, int, error) {
	var w where
	w.types(q.Type)
	if v := strings.TrimSpace(q.Certainty); v != "" {
		w.add("e.certainty = ?", strings.ToLower(v))
	}
	if v := strings.TrimSpace(q.ArticleID); v != "" {
		w.add("a.id = ?", v)
	} else {
		w.add(firstOfGroup)
	}
	w.side("s", q.Source)
	w.side("t", q.Target)
	w.dayRange("e.day", q.From, q.To)
	from := " FROM events e JOIN articles a ON a.seq = e.article_seq"

	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+from+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting events: %w", err)
	}
	args := append(w.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `
SELECT e.article_seq, e.n, a.id, a.title, a.url, a.published, e.event_id, e.type, e.mode, e.certainty,
	e.attributed_to, e.date_value, e.date_text, COALESCE(e.day, ''), e.score, e.sentence_start,
	e.sentence_end, e.trigger_start, e.trigger_end, e.evidence, e.trigger_text, e.group_id, e.reports`+from+w.String()+`
ORDER BY e.day DESC NULLS LAST, a.seq DESC, e.n
LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing events: %w", err)
	}
	defer rows.Close()
	var out []store.EventRow
	var keys []eventKey
	for rows.Next() {
		var r store.EventRow
		var k eventKey
		e := &r.Event
		if err := rows.Scan(&k.seq, &k.n, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.Published,
			&e.ID, &e.Type, &e.Mode, &e.Certainty, &e.AttributedTo, &e.Date.Value, &e.Date.Text, &r.Day,
			&e.Score, &e.Sentence.Start, &e.Sentence.End, &e.Trigger.Start, &e.Trigger.End,
			&r.Evidence, &r.TriggerText, &r.GroupID, &r.Reports); err != nil {
			return nil, 0, fmt.Errorf("listing events: %w", err)
		}
		out = append(out, r)
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("listing events: %w", err)
	}
	rows.Close()
	if err := s.fillEventActors(ctx, out, keys); err != nil {
		return nil, 0, err
	}
	if err := s.fillGroups(ctx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// fillEventActors sets the source and target ids, names and countries of each row.
func (s *Store) fillEventActors(ctx context.Context, out []store.EventRow, keys []eventKey) error {
	if len(out) == 0 {
		return nil
	}
	index := make(map[eventKey]int, len(keys))
	seqs := make(map[int64]bool)
	for i, k := range keys {
		index[k] = i
		seqs[k.seq] = true
	}
	ph := make([]string, 0, len(seqs))
	args := make([]any, 0, len(seqs))
	for seq := range seqs {
		ph = append(ph, "?")
		args = append(args, seq)
	}
	rows, err := s.db.QueryContext(ctx, `
SELECT article_seq, event_n, role, actor_id, name, country FROM event_actors
WHERE article_seq IN (`+strings.Join(ph, ",")+`) ORDER BY article_seq, event_n, role, pos`, args...)
	if err != nil {
		return fmt.Errorf("listing the actors of events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k eventKey
		var role, id, nm, country string
		if err := rows.Scan(&k.seq, &k.n, &role, &id, &nm, &country); err != nil {
			return fmt.Errorf("listing the actors of events: %w", err)
		}
		i, ok := index[k]
		if !ok {
			continue
		}
		r := &out[i]
		if role == "s" {
			r.Event.Source = append(r.Event.Source, id)
			r.SourceNames = appendName(r.SourceNames, nm)
			r.SourceCountries = appendUnique(r.SourceCountries, country)
		} else {
			r.Event.Target = append(r.Event.Target, id)
			r.TargetNames = appendName(r.TargetNames, nm)
			r.TargetCountries = appendUnique(r.TargetCountries, country)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("listing the actors of events: %w", err)
	}
	return nil
}

func appendName(list []string, v string) []string {
	if v == "" {
		return list
	}
	return append(list, v)
}

func appendUnique(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// Actors lists actors across articles, most mentioned first.
func (s *Store) Actors(ctx context.Context, q store.ActorQuery) ([]store.ActorRow, int, error) {
	var w where
	if v := strings.TrimSpace(q.Name); v != "" {
		w.add(`name `+s.d.Like+` ? ESCAPE '\'`, likePattern(v))
	}
	if v := strings.TrimSpace(q.Country); v != "" {
		w.add("country = ?", strings.ToUpper(v))
	}
	if v := strings.TrimSpace(q.Kind); v != "" {
		w.add("kind = ?", strings.ToLower(v))
	}
	group := " FROM actors" + w.String() + " GROUP BY name_key, kind, country"
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1`+group+`) g`, w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting actors: %w", err)
	}
	args := append(w.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `
SELECT MAX(name), kind, country, MAX(sector), SUM(mentions) AS m, COUNT(DISTINCT article_seq)`+group+`
ORDER BY m DESC, name_key LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing actors: %w", err)
	}
	defer rows.Close()
	var out []store.ActorRow
	for rows.Next() {
		var a store.ActorRow
		if err := rows.Scan(&a.Name, &a.Kind, &a.Country, &a.Sector, &a.Mentions, &a.Articles); err != nil {
			return nil, 0, fmt.Errorf("listing actors: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("listing actors: %w", err)
	}
	return out, total, nil
}

// Dyads returns the event series from q.Source to q.Target.
func (s *Store) Dyads(ctx context.Context, q store.DyadQuery) ([]store.DyadPoint, error) {
	week := false
	switch strings.ToLower(q.Interval) {
	case "", store.IntervalDay:
	case store.IntervalWeek:
		week = true
	default:
		return nil, fmt.Errorf("dyad series: interval %q: want day or week", q.Interval)
	}
	var w where
	w.add("e.day IS NOT NULL")
	w.add(firstOfGroup)
	w.types(q.Type)
	if v := strings.TrimSpace(q.Certainty); v != "" {
		w.add("e.certainty = ?", strings.ToLower(v))
	}
	w.side("s", q.Source)
	w.side("t", q.Target)
	w.dayRange("e.day", q.From, q.To)
	rows, err := s.db.QueryContext(ctx, `
SELECT e.day, e.type, COUNT(*), SUM(e.score) FROM events e`+w.String()+`
GROUP BY e.day, e.type ORDER BY e.day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("dyad series: %w", err)
	}
	defer rows.Close()
	type acc struct {
		p   store.DyadPoint
		sum float64
	}
	byPeriod := map[string]*acc{}
	var order []string
	for rows.Next() {
		var day, typ string
		var n int
		var sum float64
		if err := rows.Scan(&day, &typ, &n, &sum); err != nil {
			return nil, fmt.Errorf("dyad series: %w", err)
		}
		period := day
		if week {
			if period = store.WeekStart(day); period == "" {
				continue
			}
		}
		a := byPeriod[period]
		if a == nil {
			a = &acc{p: store.DyadPoint{Period: period, CountByType: map[string]int{}}}
			byPeriod[period] = a
			order = append(order, period)
		}
		a.p.Count += n
		a.p.CountByType[typ] += n
		a.sum += sum
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dyad series: %w", err)
	}
	sort.Strings(order)
	out := make([]store.DyadPoint, 0, len(order))
	for _, p := range order {
		a := byPeriod[p]
		if a.p.Count > 0 {
			a.p.MeanScore = a.sum / float64(a.p.Count)
		}
		out = append(out, a.p)
	}
	return out, nil
}

// Quotes lists quotations, newest article first.
func (s *Store) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRow, int, error) {
	var w where
	if v := strings.TrimSpace(q.Speaker); v != "" {
		p := likePattern(v)
		w.add(`(q.speaker_name `+s.d.Like+` ? ESCAPE '\' OR q.speaker_actor `+s.d.Like+` ? ESCAPE '\')`, p, p)
	}
	if v := strings.TrimSpace(q.ArticleID); v != "" {
		w.add("a.id = ?", v)
	}
	if v := strings.TrimSpace(q.Text); v != "" {
		w.add(`q.text `+s.d.Like+` ? ESCAPE '\'`, likePattern(v))
	}
	from := " FROM quotes q JOIN articles a ON a.seq = q.article_seq"
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+from+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting quotes: %w", err)
	}
	args := append(w.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `
SELECT a.id, a.title, a.published, q.text, q.q_start, q.q_end, q.speaker_id, q.speaker_name, q.cue, q.kind,
	q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, q.speaker_country`+from+w.String()+`
ORDER BY a.published_day DESC NULLS LAST, a.seq DESC, q.n
LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing quotes: %w", err)
	}
	defer rows.Close()
	var out []store.QuoteRow
	for rows.Next() {
		var r store.QuoteRow
		qt := &r.Quote
		if err := rows.Scan(&r.ArticleID, &r.ArticleTitle, &r.Published, &qt.Text, &qt.Start, &qt.End,
			&qt.Speaker, &qt.SpeakerName, &qt.Cue, &qt.Kind, &qt.SpeakerSpan.Start, &qt.SpeakerSpan.End,
			&qt.CueSpan.Start, &qt.CueSpan.End, &r.SpeakerCountry); err != nil {
			return nil, 0, fmt.Errorf("listing quotes: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("listing quotes: %w", err)
	}
	return out, total, nil
}

// ActorGraph returns the busiest source→target edges and their nodes.
func (s *Store) ActorGraph(ctx context.Context, q store.GraphQuery) ([]store.GraphNode, []store.GraphEdge, error) {
	var w where
	w.types(q.Type)
	w.dayRange("e.day", q.From, q.To)
	w.add("s.node <> '' AND t.node <> '' AND s.node <> t.node")
	w.add(firstOfGroup)
	rows, err := s.db.QueryContext(ctx, `
SELECT s.node, t.node, COUNT(*) AS c, AVG(e.score)
FROM events e
JOIN (SELECT DISTINCT article_seq, event_n, node FROM event_actors WHERE role = 's') s
	ON s.article_seq = e.article_seq AND s.event_n = e.n
JOIN (SELECT DISTINCT article_seq, event_n, node FROM event_actors WHERE role = 't') t
	ON t.article_seq = e.article_seq AND t.event_n = e.n`+w.String()+`
GROUP BY s.node, t.node ORDER BY c DESC, s.node, t.node LIMIT ?`,
		append(w.args, store.ClampLimit(q.Limit))...)
	if err != nil {
		return nil, nil, fmt.Errorf("actor graph: %w", err)
	}
	defer rows.Close()
	var edges []store.GraphEdge
	events := map[string]int{}
	var ids []string
	for rows.Next() {
		var e store.GraphEdge
		if err := rows.Scan(&e.Source, &e.Target, &e.Count, &e.MeanScore); err != nil {
			return nil, nil, fmt.Errorf("actor graph: %w", err)
		}
		edges = append(edges, e)
		for _, id := range []string{e.Source, e.Target} {
			if _, ok := events[id]; !ok {
				ids = append(ids, id)
			}
			events[id] += e.Count
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("actor graph: %w", err)
	}
	rows.Close()
	nodes := make([]store.GraphNode, 0, len(ids))
	for _, id := range ids {
		n := store.GraphNode{ID: id, Label: id, Kind: model.KindCountry, Events: events[id]}
		if nm, ok := strings.CutPrefix(id, "actor:"); ok {
			n.Label = nm
			n.Kind = ""
		}
		nodes = append(nodes, n)
	}
	if err := s.labelNodes(ctx, nodes); err != nil {
		return nil, nil, err
	}
	return nodes, edges, nil
}

// labelNodes names country nodes after their country actor and gives actor nodes their kind.
func (s *Store) labelNodes(ctx context.Context, nodes []store.GraphNode) error {
	if len(nodes) == 0 {
		return nil
	}
	ph := make([]string, len(nodes))
	args := make([]any, len(nodes))
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		ph[i], args[i] = "?", n.ID
		index[n.ID] = i
	}
	rows, err := s.db.QueryContext(ctx, `
SELECT node, MAX(CASE WHEN kind = 'country' THEN name END), MAX(kind)
FROM event_actors WHERE node IN (`+strings.Join(ph, ",")+`) GROUP BY node`, args...)
	if err != nil {
		return fmt.Errorf("actor graph: naming nodes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var node string
		var countryName sql.NullString
		var kind string
		if err := rows.Scan(&node, &countryName, &kind); err != nil {
			return fmt.Errorf("actor graph: naming nodes: %w", err)
		}
		n := &nodes[index[node]]
		if n.Kind == model.KindCountry {
			if countryName.Valid && countryName.String != "" {
				n.Label = countryName.String
			}
		} else {
			n.Kind = kind
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("actor graph: naming nodes: %w", err)
	}
	return nil
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `
SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM articles WHERE near_dup_of IS NULL),
	(SELECT COUNT(DISTINCT group_id) FROM events), (SELECT COUNT(*) FROM events),
	(SELECT COUNT(*) FROM (SELECT 1 FROM actors GROUP BY name_key, kind, country) g),
	(SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM feeds)`).
		Scan(&st.Articles, &st.Stories, &st.Events, &st.Mentions, &st.Actors, &st.Quotes, &st.Feeds)
	if err != nil {
		return st, fmt.Errorf("counting the store: %w", err)
	}
	return st, nil
}

// forEachPage is how many articles ForEachArticle reads at a time.
const forEachPage = 64

// ForEachArticle calls fn with every article, oldest stored first. It reads in pages, so fn
// may write to the store.
func (s *Store) ForEachArticle(ctx context.Context, fn func(*model.Document) error) error {
	last := int64(0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		type item struct {
			seq  int64
			id   string
			blob []byte
		}
		rows, err := s.db.QueryContext(ctx, `SELECT seq, id, doc FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`,
			last, forEachPage)
		if err != nil {
			return fmt.Errorf("reading articles: %w", err)
		}
		var page []item
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.seq, &it.id, &it.blob); err != nil {
				rows.Close()
				return fmt.Errorf("reading articles: %w", err)
			}
			page = append(page, it)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("reading articles: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, it := range page {
			last = it.seq
			doc := new(model.Document)
			if err := json.Unmarshal(it.blob, doc); err != nil {
				return fmt.Errorf("reading article %q: %w", it.id, err)
			}
			doc.ID = it.id
			if err := fn(doc); err != nil {
				return err
			}
		}
	}
}
