package store

import (
	"context"

	"github.com/tidings-news/tidings/internal/model"
)

// Batch gathers articles and saves them together, size at a time, on stores that can
// (BatchSaver); on others it saves each as it comes. done hears of every article once, in the
// order they were added. A Batch is not safe for concurrent use.
type Batch struct {
	st   Store
	bs   BatchSaver
	size int
	docs []*model.Document
	done func(doc *model.Document, r SaveResult)
}

// NewBatch returns a Batch over st that saves size articles at a time.
func NewBatch(st Store, size int, done func(*model.Document, SaveResult)) *Batch {
	b := &Batch{st: st, size: max(size, 1), done: done}
	b.bs, _ = st.(BatchSaver)
	return b
}

// Add queues doc, saving the queue when it is full.
func (b *Batch) Add(ctx context.Context, doc *model.Document) {
	if b.bs == nil {
		var r SaveResult
		r.ID, r.Created, r.Err = b.st.SaveArticle(ctx, doc)
		b.done(doc, r)
		return
	}
	b.docs = append(b.docs, doc)
	if len(b.docs) >= b.size {
		b.Flush(ctx)
	}
}

// Flush saves what is queued.
func (b *Batch) Flush(ctx context.Context) {
	if len(b.docs) == 0 {
		return
	}
	docs := b.docs
	b.docs = b.docs[:0:0]
	res, err := b.bs.SaveArticles(ctx, docs)
	for i, doc := range docs {
		r := SaveResult{Err: err}
		if err == nil {
			r = res[i]
		}
		b.done(doc, r)
	}
}
