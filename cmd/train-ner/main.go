// Command train-ner trains tidings' name finder (internal/nlp/ner) on the entity annotations of
// the GUM corpus and writes the model that package embeds; with -eval it scores a model instead.
//
//	go run ./cmd/train-ner [-ud ../shared/ud] [-out internal/nlp/ner/model.bin.gz]
//	go run ./cmd/train-ner -eval [-test]
//
// Training uses GUM train; the pass kept is the best on GUM dev. -eval prints span F1 per kind
// on GUM dev (and, with -test, on GUM test) and on the hand-annotated news sentences.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/nlp/actor"
	"github.com/tidings-news/tidings/internal/nlp/ner"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(ctx, log, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	ud := fs.String("ud", "../shared/ud", "folder of en_gum-{train,dev,test}.conllu.gz")
	out := fs.String("out", filepath.Join("internal", "nlp", "ner", ner.ModelFile), "where to write the model")
	news := fs.String("news", filepath.Join("internal", "nlp", "ner", "testdata", "news.txt"), "hand-annotated news sentences")
	epochs := fs.Int("epochs", 12, "most training passes")
	seed := fs.Uint64("seed", 1, "seed of the sentence order")
	step := fs.Float64("step", 0.05, "weights are rounded to multiples of this in the model file")
	eval := fs.Bool("eval", false, "score the model at -out instead of training")
	test := fs.Bool("test", false, "with -eval, also score GUM test (report it once, after choosing on dev)")
	noLex := fs.Bool("no-lexicon", false, "train and score without the actor gazetteers' word classes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var lex ner.Lexicon
	if !*noLex {
		rec, err := actor.New(actor.Options{})
		if err != nil {
			return fmt.Errorf("loading the actor gazetteers: %w", err)
		}
		lex = rec.NameLexicon()
	}
	dev, err := readGUM(filepath.Join(*ud, "en_gum-dev.conllu.gz"))
	if err != nil {
		return err
	}
	if *eval {
		f, err := readModel(*out)
		if err != nil {
			return err
		}
		f = f.WithLexicon(lex)
		report(stdout, "GUM dev", ner.Evaluate(f, dev))
		if *test {
			testSents, err := readGUM(filepath.Join(*ud, "en_gum-test.conllu.gz"))
			if err != nil {
				return err
			}
			report(stdout, "GUM test", ner.Evaluate(f, testSents))
		}
		newsSents, err := readAnnotated(*news)
		if err != nil {
			return err
		}
		report(stdout, "news (hand-annotated)", ner.Evaluate(f, newsSents))
		return nil
	}
	train, err := readGUM(filepath.Join(*ud, "en_gum-train.conllu.gz"))
	if err != nil {
		return err
	}
	log.Info("training", "sentences", len(train), "dev_sentences", len(dev))
	f, epoch, err := ner.Train(ctx, train, ner.TrainOptions{Epochs: *epochs, Seed: *seed, Dev: dev, Lexicon: lex, Log: log})
	if err != nil {
		return fmt.Errorf("training: %w", err)
	}
	if err := writeModel(f, *out, float32(*step)); err != nil {
		return err
	}
	// Score the model as written, rounded weights and all.
	g, err := readModel(*out)
	if err != nil {
		return err
	}
	g = g.WithLexicon(lex)
	log.Info("model written", "path", *out, "pass", epoch)
	report(stdout, "GUM dev", ner.Evaluate(g, dev))
	return nil
}

func readGUM(path string) ([]ner.Sentence, error) {
	sents, err := syntax.ReadCoNLLUFile(path)
	if err != nil {
		return nil, err
	}
	out := make([]ner.Sentence, len(sents))
	for i, s := range sents {
		out[i] = gumSentence(s)
	}
	return out, nil
}

// readAnnotated reads hand-annotated sentences, one a line (ner.ParseAnnotated); blank lines
// and lines starting with # are skipped.
func readAnnotated(path string) ([]ner.Sentence, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the annotated sentences: %w", err)
	}
	defer fh.Close()
	var out []ner.Sentence
	sc := bufio.NewScanner(fh)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		sent, err := ner.ParseAnnotated(s)
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, line, err)
		}
		out = append(out, sent)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}

func readModel(path string) (*ner.Finder, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the model: %w", err)
	}
	defer fh.Close()
	return ner.ReadFinder(fh)
}

func writeModel(f *ner.Finder, path string, step float32) error {
	tmp := path + ".tmp"
	fh, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	if err := f.WriteTo(fh, step); err != nil {
		fh.Close()
		return err
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	return nil
}

// report prints span precision, recall and F1 per kind and overall.
func report(w io.Writer, title string, scores map[string]ner.Score) {
	fmt.Fprintf(w, "%s\n%-14s %6s %6s %7s %6s %6s\n", title, "kind", "gold", "pred", "P", "R", "F1")
	kinds := make([]string, 0, len(scores))
	for k := range scores {
		if k != "all" {
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	for _, k := range append(kinds, "all") {
		s := scores[k]
		fmt.Fprintf(w, "%-14s %6d %6d %7.3f %6.3f %6.3f\n", k, s.Gold, s.Pred, s.Precision(), s.Recall(), s.F1())
	}
	fmt.Fprintln(w)
}
