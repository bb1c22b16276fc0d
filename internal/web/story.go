package web

import (
	"context"

	"github.com/tidings-news/tidings/internal/store"
)

// groupCount is how many mentions and articles the group of one of an article's events has.
type groupCount struct{ Mentions, Articles int }

// storyOf returns the near-duplicate links of the article id and, by event id, the group
// counts of its events.
func (w *Web) storyOf(ctx context.Context, id string) (store.Story, map[string]groupCount, error) {
	st, err := w.st.Story(ctx, id)
	if err != nil {
		return st, nil, err
	}
	rows, _, err := w.st.Events(ctx, store.EventQuery{ArticleID: id, Limit: store.MaxLimit})
	if err != nil {
		return st, nil, err
	}
	counts := make(map[string]groupCount, len(rows))
	for _, r := range rows {
		counts[r.Event.ID] = groupCount{r.Mentions, r.Articles}
	}
	return st, counts, nil
}
