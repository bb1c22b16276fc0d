package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// firstOfGroup is the condition that the event e is its group's first stored mention; the
// queries that count events keep only those rows, so an event reported by several articles
// counts once.
const firstOfGroup = `NOT EXISTS (SELECT 1 FROM events o WHERE o.group_id = e.group_id
	AND (o.article_seq < e.article_seq OR (o.article_seq = e.article_seq AND o.n < e.n)))`

// groupIDLen is how many hex digits of the group key's hash make a group id.
const groupIDLen = 16

// groupID names the group of the event e, the n-th of the article articleID: its type, the
// sorted keys of its source and target actors (country code, else the lower-case name) and
// its day. An event with no day or no known actor cannot be told apart from other events of
// its type and is a group of its own.
func groupID(e *model.Event, actors map[string]*model.Actor, day, articleID string, n int) string {
	src, tgt := sideKeys(e.Source, actors), sideKeys(e.Target, actors)
	if day == "" || (len(src) == 0 && len(tgt) == 0) {
		return "u:" + articleID + ":" + strconv.Itoa(n)
	}
	key := strings.Join([]string{strings.ToUpper(e.Type), strings.Join(src, ","), strings.Join(tgt, ","), day}, "|")
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])[:groupIDLen]
}

// sideKeys returns the sorted, distinct keys of the actors ids.
func sideKeys(ids []string, actors map[string]*model.Actor) []string {
	var keys []string
	for _, id := range ids {
		a := actors[id]
		if a == nil {
			continue
		}
		k := strings.ToUpper(a.Country)
		if k == "" {
			k = "n:" + nameKey(a.Name)
		}
		if k != "n:" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// fillGroups sets the mention and article counts of each row's group.
func (s *Store) fillGroups(ctx context.Context, out []store.EventRow) error {
	if len(out) == 0 {
		return nil
	}
	var args []any
	seen := map[string]bool{}
	for _, r := range out {
		if !seen[r.GroupID] {
			seen[r.GroupID] = true
			args = append(args, r.GroupID)
		}
	}
	rows, err := s.db.QueryContext(ctx, `
SELECT group_id, COUNT(*), COUNT(DISTINCT article_seq) FROM events
WHERE group_id IN (`+placeholders(len(args))+`) GROUP BY group_id`, args...)
	if err != nil {
		return fmt.Errorf("counting the mentions of events: %w", err)
	}
	defer rows.Close()
	type counts struct{ mentions, articles int }
	byGroup := make(map[string]counts, len(args))
	for rows.Next() {
		var g string
		var c counts
		if err := rows.Scan(&g, &c.mentions, &c.articles); err != nil {
			return fmt.Errorf("counting the mentions of events: %w", err)
		}
		byGroup[g] = c
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("counting the mentions of events: %w", err)
	}
	for i := range out {
		c := byGroup[out[i].GroupID]
		out[i].Mentions, out[i].Articles = c.mentions, c.articles
	}
	return nil
}
