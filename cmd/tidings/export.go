package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/export"
	"github.com/tidings-news/tidings/internal/store"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	dbPath := dbFlag(fset)
	format := fset.String("format", export.CSV, "what to write: csv (one row per event), jsonl (one document per article) or plover (one PLOVER record per event)")
	out := fset.String("out", "", "write to `FILE` (replaced whole only when the export succeeds); default standard output")
	var q store.ExportQuery
	fset.StringVar(&q.Type, "type", "", "PLOVER event types, comma-separated (CONSULT,ACCUSE)")
	fset.StringVar(&q.Source, "source", "", "source actors: country codes or names, comma-separated")
	fset.StringVar(&q.Target, "target", "", "target actors: country codes or names, comma-separated")
	fset.StringVar(&q.Actor, "actor", "", "an actor (country code or name) on either side")
	fset.StringVar(&q.Country, "country", "", "a country code of an actor on either side")
	fset.StringVar(&q.Certainty, "certainty", "", "asserted, reported, alleged, denied, hypothetical or future")
	fset.StringVar(&q.ArticleID, "article", "", "only the article with this `ID`")
	from := fset.String("from", "", "first event day, YYYY-MM-DD (inclusive)")
	to := fset.String("to", "", "last event day, YYYY-MM-DD (inclusive)")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings export [flags]\n\n"+
			"Writes the stored events that match the filters (all of them without filters) as CSV,\n"+
			"JSON Lines of documents or PLOVER JSON records. Columns and fields: docs/export.md.")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return usageError{err}
	}
	if err := noArgs(fset); err != nil {
		return err
	}
	var err error
	if q.From, err = parseDay("--from", *from); err != nil {
		return usageError{err}
	}
	if q.To, err = parseDay("--to", *to); err != nil {
		return usageError{err}
	}
	if _, err := export.New(io.Discard, *format); err != nil {
		return usageError{err}
	}
	if !strings.Contains(*dbPath, "://") {
		if _, err := os.Stat(*dbPath); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("no database %s (give --db)", *dbPath)
		}
	}
	st, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	write := func(w io.Writer) error { return exportTo(ctx, st, q, *format, w) }
	if *out == "" {
		return write(e.stdout)
	}
	return writeAtomic(*out, write)
}

// exportTo writes the export of q in format to w.
func exportTo(ctx context.Context, st store.Store, q store.ExportQuery, format string, w io.Writer) error {
	ew, err := export.New(w, format)
	if err != nil {
		return err
	}
	if err := st.Export(ctx, q, ew.Write); err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	return ew.Close()
}

// parseDay reads a YYYY-MM-DD flag value; empty is the zero time, an open end.
func parseDay(name, v string) (time.Time, error) {
	if v = strings.TrimSpace(v); v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want a day as YYYY-MM-DD", name, v)
	}
	return t, nil
}

// writeAtomic writes path through a temporary file beside it, renamed over path only when
// write and the flush to disk succeed, so a failed export leaves no half-written file.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
