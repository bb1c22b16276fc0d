package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sync"

	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/queue"
	"github.com/tidings-news/tidings/internal/source"
	"github.com/tidings-news/tidings/internal/store"
)

func runWork(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("work", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var pf pipelineFlags
	pf.register(fs)
	dbPath := dbFlag(fs)
	queueURL := fs.String("queue", "", "the NATS JetStream work queue at `URL` (nats://host:4222) that tidings ingest --queue fills")
	stream := fs.String("stream", queue.DefaultStream, "the work queue's JetStream stream `NAME`, as given to tidings ingest")
	workers := fs.Int("workers", 0, "articles annotated at once (default: one per CPU)")
	drain := fs.Bool("drain", false, "stop once the queue is empty instead of waiting for more")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings work --queue URL [flags]\n\n"+
			"Takes articles from the work queue, annotates them and stores them in the database, until\n"+
			"interrupted (or, with --drain, until the queue is empty). Run as many as you like, on as\n"+
			"many machines, against one PostgreSQL database (--db postgres://...).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *queueURL == "" {
		fs.Usage()
		return usageError{errors.New("--queue: name the work queue (nats://host:4222)")}
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	st, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queue.Open(ctx, *queueURL, queue.Options{Stream: *stream})
	if err != nil {
		return err
	}
	defer q.Close()

	w := &worker{log: e, p: p, st: st}
	w.lookup, _ = st.(store.Lookup)
	n := *workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	e.log.Info("working", "queue", *queueURL, "workers", n, "db", *dbPath)
	err = q.Work(ctx, queue.WorkOptions{Workers: n, Drain: *drain}, w.handle, w.failed)
	fmt.Fprintf(e.stderr, "work: %d stored, %d already present, %d failed\n", w.stored, w.present, w.failedN)
	if err != nil {
		return err
	}
	if ctx.Err() != nil && !*drain {
		return nil // interrupted: the normal way to stop a worker
	}
	return ctx.Err()
}

// worker annotates and stores the jobs of the work queue.
type worker struct {
	log    *env
	p      *pipeline.Pipeline
	st     store.Store
	lookup store.Lookup

	mu                       sync.Mutex
	stored, present, failedN int
}

// handle reads, annotates and stores one job. An input that is no article fails for good; a
// store that fails is tried again later.
func (w *worker) handle(ctx context.Context, j queue.Job) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = queue.Permanent(fmt.Errorf("%s: internal error while annotating (please report it): %v", j.Name, r))
		}
	}()
	doc, found, err := readAndAnnotate(ctx, w.p, w.lookup, source.Input{Name: j.Name, URL: j.URL, Data: j.Data}, j.Title, j.Published)
	if err != nil {
		return queue.Permanent(fmt.Errorf("%s: %w", j.Name, err))
	}
	if found != "" {
		w.count(&w.present)
		w.log.log.Info("already stored", "input", j.Name, "id", found)
		return nil
	}
	id, created, err := w.st.SaveArticle(ctx, doc)
	if err != nil {
		w.log.log.Warn("saving failed; the article goes back to the queue", "input", j.Name, "err", err)
		return fmt.Errorf("%s: %w", j.Name, err)
	}
	if !created {
		w.count(&w.present)
		w.log.log.Info("already stored", "input", j.Name, "id", id)
		return nil
	}
	w.count(&w.stored)
	w.log.log.Info("stored", "input", j.Name, "id", id, "events", len(doc.Events), "actors", len(doc.Actors), "quotes", len(doc.Quotes))
	return nil
}

// failed reports a job dropped for good.
func (w *worker) failed(j queue.Job, err error) {
	w.count(&w.failedN)
	fmt.Fprintf(w.log.stderr, "tidings work: %v\n", err)
}

func (w *worker) count(n *int) {
	w.mu.Lock()
	*n++
	w.mu.Unlock()
}
