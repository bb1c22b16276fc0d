package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"sync"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/store"
)

func runReprocess(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(fs)
	workers := fs.Int("workers", 0, "articles annotated at once (default: one per CPU)")
	var actors stringList
	fs.Var(&actors, "actors", "a lexicon `FILE` of extra actors (may be repeated; see docs/lexicons.md)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings reprocess [flags]\n\n"+
			"Runs the annotators again over every stored article and replaces its annotations,\n"+
			"for example after an upgrade or with new lexicons. Texts and metadata are kept.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected arguments %q: reprocess works on the whole database", fs.Args())}
	}
	p, err := pipeline.New(pipeline.Config{ActorFiles: actors})
	if err != nil {
		return err
	}
	st, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	pr := newProgress(e.stderr)
	failed := 0
	articles, before, after, err := reprocessAll(ctx, st, p, *workers, func(n int) {
		pr.line(fmt.Sprintf("%d articles reprocessed", n))
	}, func(err error) {
		failed++
		pr.clear()
		fmt.Fprintf(e.stderr, "tidings reprocess: %v (its annotations are left as they were)\n", err)
	})
	pr.done()
	if err != nil {
		return fmt.Errorf("after %d articles: %w", articles, err)
	}
	fmt.Fprintf(e.stderr, "reprocess: %d articles, %d events before, %d after, %d failed\n", articles, before, after, failed)
	if failed > 0 {
		return errFailed
	}
	return nil
}

// reprocessAll re-annotates every stored article on workers goroutines (one per CPU when
// workers <= 0) and writes the results back one at a time. An article the annotators fail on
// goes to failed and is left as it was; a store error stops the run.
func reprocessAll(ctx context.Context, st store.Store, p *pipeline.Pipeline, workers int,
	progress func(done int), failed func(error)) (articles, before, after int, err error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		doc    *model.Document
		before int
		err    error
	}
	jobs := make(chan *model.Document, workers)
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for doc := range jobs {
				r := result{doc: doc, before: len(doc.Events)}
				r.err = reannotate(p, doc)
				results <- r
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- st.ForEachArticle(ctx, func(doc *model.Document) error {
			select {
			case jobs <- doc:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		if err != nil {
			continue // drain
		}
		if r.err != nil {
			failed(r.err)
			continue
		}
		if r.err = st.ReplaceAnnotations(ctx, r.doc); r.err != nil {
			err = r.err
			cancel()
			continue
		}
		articles++
		before += r.before
		after += len(r.doc.Events)
		progress(articles)
	}
	if rerr := <-readErr; err == nil && rerr != nil {
		err = rerr
	}
	return articles, before, after, err
}

// reannotate drops doc's annotations and runs the annotators again over its text. An
// annotator that panics fails this article with an error instead of ending the process.
func reannotate(p *pipeline.Pipeline, doc *model.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("article %s: internal error while annotating (please report it): %v", doc.ID, r)
		}
	}()
	doc.Sentences, doc.Times, doc.FieldTimes, doc.Actors, doc.Quotes, doc.Events = nil, nil, nil, nil, nil, nil
	p.Annotate(doc)
	return nil
}
