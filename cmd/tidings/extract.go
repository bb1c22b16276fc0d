package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/source"
)

// stringList is a flag that may be given more than once.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// pipelineFlags are the flags every command that reads articles shares.
type pipelineFlags struct {
	now, published, format, url string
	actors                      stringList
	maxBytes                    int64
}

func (pf *pipelineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.now, "now", "", "the moment the page was read (ISO 8601); relative stamps resolve against it (default: the current time)")
	fs.StringVar(&pf.published, "published", "", "publication time (ISO 8601) when the article does not say; wins over the article")
	fs.StringVar(&pf.format, "format", "", "input format: text or html (default: guessed from the content)")
	fs.StringVar(&pf.url, "url", "", "where the page came from")
	fs.Var(&pf.actors, "actors", "a lexicon `FILE` of extra actors (may be repeated; see docs/lexicons.md)")
	fs.Int64Var(&pf.maxBytes, "max-bytes", source.DefaultMaxBytes, "largest input read, in bytes")
}

// pipeline builds the pipeline the flags describe.
func (pf *pipelineFlags) pipeline() (*pipeline.Pipeline, error) {
	cfg, err := pf.config()
	if err != nil {
		return nil, err
	}
	return pipeline.New(cfg)
}

func (pf *pipelineFlags) config() (pipeline.Config, error) {
	cfg := pipeline.Config{ActorFiles: pf.actors}
	cfg.Reader.Format = pf.format
	cfg.Reader.URL = pf.url
	switch pf.format {
	case "", reader.FormatText, reader.FormatHTML:
	default:
		return cfg, usageError{fmt.Errorf("--format %q: want text or html", pf.format)}
	}
	if pf.now != "" {
		t, zone, err := model.ParseTime(pf.now)
		if err != nil {
			return cfg, usageError{fmt.Errorf("--now: %w", err)}
		}
		cfg.Reader.Now, cfg.Reader.NowHasZone = t, zone
	}
	if pf.published != "" {
		if _, _, err := model.ParseTime(pf.published); err != nil {
			return cfg, usageError{fmt.Errorf("--published: %w", err)}
		}
		cfg.Reader.Published = strings.TrimSpace(pf.published)
	}
	return cfg, nil
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var pf pipelineFlags
	pf.register(fs)
	pretty := fs.Bool("pretty", false, "indent the JSON")
	workers := fs.Int("workers", 0, "articles annotated at once (default: one per CPU); output keeps the input order")
	explain := fs.Bool("explain", false, "print each event as a line a person reads, under its evidence sentence, instead of JSON")
	tokens := fs.Bool("tokens", false, "add the \"tokens\" view: each sentence's words with lemma, tags, features and dependency (see docs/contract.md)")
	beam := fs.Bool("beam", false, "with --tokens, parse with the beam parser: more accurate trees, several times slower")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings extract [flags] PATH|-...\n\nReads articles (files, folders, - for standard input) and prints one JSON document per article.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{errors.New("name at least one article (a path, a folder, or - for standard input)")}
	}
	cfg, err := pf.config()
	if err != nil {
		return err
	}
	cfg.Tags = *tokens // the view is what the tags are for
	cfg.Beam = *beam
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	failed := 0
	files := source.Files(ctx, fs.Args(), source.Options{MaxBytes: pf.maxBytes, Stdin: e.stdin})
	err = p.Run(ctx, files, *workers, nil, func(r pipeline.Result) error {
		if r.Err != nil {
			failed++
			var se *source.Error
			if errors.As(r.Err, &se) {
				fmt.Fprintf(e.stderr, "tidings extract: %v\n", r.Err)
			} else {
				fmt.Fprintf(e.stderr, "tidings extract: %s: %v\n", r.Name, r.Err)
			}
			return nil
		}
		var v any = r.Doc
		if *tokens {
			v = model.WithTokens{Doc: r.Doc}
		}
		if *explain {
			writeExplain(out, r.Doc)
		} else if err := enc.Encode(v); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}
