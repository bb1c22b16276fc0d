package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/tidings-news/tidings/internal/demo"
	"github.com/tidings-news/tidings/internal/pipeline"
)

// defaultDemoDB is the database the demo fills when --db is not given.
const defaultDemoDB = "tidings-demo.db"

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", defaultDemoDB, "the SQLite database `FILE` to load the demo articles into (created when absent)")
	var sf serveFlags
	sf.register(fs)
	loadOnly := fs.Bool("load-only", false, "load the demo articles and exit without serving")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings demo [flags]\n\nLoads the sample articles built into tidings into a database (again and again: nothing is\nstored twice) and serves the web pages and the API over it.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	st, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return err
	}
	res, err := demo.Load(ctx, st, p)
	if err != nil {
		return fmt.Errorf("loading the demo articles: %w", err)
	}
	e.log.Info("demo articles loaded", "db", *db, "added", res.Added, "already_present", res.Present)
	if *loadOnly {
		return nil
	}
	return sf.serve(ctx, e, st, p)
}
