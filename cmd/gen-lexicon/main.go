// Command gen-lexicon writes internal/nlp/event/data/cameo.tsv: the verb patterns of the CAMEO
// 2.0 verb dictionary (PETRARCH2, MIT licence) mapped to PLOVER with the CAMEO-to-PLOVER
// table of the PLOVER manual, in the tidings pattern format, less what review.tsv drops.
//
//	go run ./cmd/gen-lexicon -cameo CAMEO.2.0.txt.gz -plover CAMEO2PLOVER-2021.txt \
//	    -review cmd/gen-lexicon/review.tsv -scores internal/nlp/event/data/scores.tsv \
//	    -out internal/nlp/event/data/cameo.tsv
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/tidings-news/tidings/internal/nlp/event/cameo"
)

func main() {
	var o cameo.Options
	cameoPath := flag.String("cameo", "", "the CAMEO verb dictionary (.txt or .txt.gz)")
	ploverPath := flag.String("plover", "", "the CAMEO to PLOVER conversion table")
	reviewPath := flag.String("review", "cmd/gen-lexicon/review.tsv", "the review decisions")
	scoresPath := flag.String("scores", "internal/nlp/event/data/scores.tsv", "the PLOVER scores file (modes it lacks are dropped)")
	out := flag.String("out", "", "where to write the patterns (default: standard output)")
	flag.Parse()
	if *cameoPath == "" || *ploverPath == "" {
		fmt.Fprintln(os.Stderr, "usage: gen-lexicon -cameo FILE -plover FILE [-review FILE] [-scores FILE] [-out FILE]")
		os.Exit(2)
	}
	if err := run(o, *cameoPath, *ploverPath, *reviewPath, *scoresPath, *out); err != nil {
		slog.Error("gen-lexicon", "err", err)
		os.Exit(1)
	}
}

func run(o cameo.Options, cameoPath, ploverPath, reviewPath, scoresPath, outPath string) error {
	dict, err := withFile(cameoPath, func(r io.Reader) (*cameo.Dictionary, error) { return cameo.Read(r) })
	if err != nil {
		return err
	}
	table, err := withFile(ploverPath, func(r io.Reader) (map[string]cameo.Plover, error) { return cameo.ReadMapping(r) })
	if err != nil {
		return err
	}
	o.Review, err = withFile(reviewPath, func(r io.Reader) (*cameo.Review, error) { return cameo.ReadReview(r) })
	if err != nil {
		return err
	}
	o.Modes, err = withFile(scoresPath, func(r io.Reader) (map[string]string, error) { return cameo.ReadModes(r) })
	if err != nil {
		return err
	}
	rows, stats := cameo.Convert(dict, table, o)
	if outPath == "" {
		if err := cameo.Write(os.Stdout, rows); err != nil {
			return fmt.Errorf("writing the patterns: %w", err)
		}
	} else {
		f, err := os.Create(outPath)
		if err != nil {
			return fmt.Errorf("creating the pattern file: %w", err)
		}
		err = cameo.Write(f, rows)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing the pattern file %s: %w", outPath, err)
		}
	}
	slog.Info("patterns written", "patterns", len(rows), "dropped_by_review", stats.Reviewed,
		"no_plover_type", stats.Unmapped, "inexpressible", stats.Skipped)
	return nil
}

// withFile opens path (gunzipping a .gz file) and hands it to read.
func withFile[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return zero, fmt.Errorf("reading %s: %w", path, err)
		}
		defer z.Close()
		r = z
	}
	v, err := read(r)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
