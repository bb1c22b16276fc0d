package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/pipeline"
)

func runReprocess(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(fs)
	var actors stringList
	fs.Var(&actors, "actors", "a lexicon `FILE` of extra actors (may be repeated; see docs/lexicons.md)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings reprocess [flags]\n\n"+
			"Runs the annotators again over every stored article and replaces its annotations,\n"+
			"for example after an upgrade or with new lexicons. Texts and metadata are kept.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
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
	var articles, before, after int
	err = st.ForEachArticle(ctx, func(doc *model.Document) error {
		before += len(doc.Events)
		reannotate(p, doc)
		after += len(doc.Events)
		if err := st.ReplaceAnnotations(ctx, doc); err != nil {
			return err
		}
		articles++
		if pr.tty {
			pr.line(fmt.Sprintf("%d articles reprocessed", articles))
		}
		return nil
	})
	pr.done()
	if err != nil {
		return fmt.Errorf("after %d articles: %w", articles, err)
	}
	fmt.Fprintf(e.stderr, "reprocess: %d articles, %d events before, %d after\n", articles, before, after)
	return nil
}

// reannotate drops doc's annotations and runs the annotators again over its text.
func reannotate(p *pipeline.Pipeline, doc *model.Document) {
	doc.Sentences, doc.Times, doc.Actors, doc.Quotes, doc.Events = nil, nil, nil, nil, nil
	p.Annotate(doc)
}
