package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/tidings-news/tidings/internal/bench"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/reader"
)

func runBench(ctx context.Context, e *env, args []string) (err error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var pf pipelineFlags
	pf.register(fs)
	workers := fs.Int("workers", 0, "articles annotated at once (default: one per CPU)")
	repeat := fs.Int("repeat", 1, "cycle the corpus `N` times")
	limit := fs.Int("limit", 0, "stop after `N` articles (0: no limit)")
	save := fs.Bool("store", false, "also save every article into SQLite and time the store stage")
	db := fs.String("db", "", "the SQLite database `FILE` --store writes to (default: a temporary one, removed after)")
	html := fs.Bool("html", false, "read every input as a web page (same as --format html)")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `FILE` (see go tool pprof)")
	memProfile := fs.String("memprofile", "", "write an allocation profile to `FILE` at the end")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings bench [flags] CORPUS...\n\n"+
			"Runs the whole extraction over a corpus in one process and prints articles per second,\n"+
			"MB per second, CPU time, allocations and peak memory, overall and per stage. CORPUS is\n"+
			"files or folders of .txt and .html (optionally .gz), or .jsonl files with one article\n"+
			"per line (title, text, published, url).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{errors.New("name at least one corpus (a file, a folder or a .jsonl file)")}
	}
	if *repeat < 1 || *limit < 0 || *workers < 0 {
		return usageError{errors.New("--repeat must be at least 1, --limit and --workers not negative")}
	}
	if *html {
		if pf.format != "" && pf.format != reader.FormatHTML {
			return usageError{errors.New("--html and --format text contradict each other")}
		}
		pf.format = reader.FormatHTML
	}
	cfg, err := pf.config()
	if err != nil {
		return err
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	opts := bench.Options{
		CorpusOptions: bench.CorpusOptions{Repeat: *repeat, Limit: *limit, MaxBytes: pf.maxBytes},
		Workers:       *workers,
		Reader:        cfg.Reader,
	}
	if *save {
		path := *db
		if path == "" {
			dir, err := os.MkdirTemp("", "tidings-bench-")
			if err != nil {
				return fmt.Errorf("making a temporary database: %w", err)
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "bench.db")
		}
		st, err := openDB(ctx, path)
		if err != nil {
			return fmt.Errorf("opening the database %s: %w", path, err)
		}
		defer func() {
			if cerr := st.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("closing the database: %w", cerr)
			}
		}()
		opts.Store = st
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("creating the CPU profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("starting the CPU profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	rep, err := bench.Run(ctx, p, fs.Args(), opts)
	if err != nil {
		return err
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
	} else if err := rep.WriteText(e.stdout); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if rep.Articles == 0 && rep.Failed > 0 {
		return fmt.Errorf("no article could be read: %s", rep.FirstError)
	}
	return nil
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating the allocation profile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("writing the allocation profile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing the allocation profile: %w", err)
	}
	return nil
}
