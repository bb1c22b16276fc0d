// Command train-syntax trains tidings' part-of-speech tagger and dependency parser on
// Universal Dependencies treebanks and writes the weights that internal/nlp/syntax embeds.
//
//	go run ./cmd/train-syntax tagger [flags]
//	go run ./cmd/train-syntax parser [flags]
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: train-syntax tagger|parser [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "tagger":
		err = trainTagger(ctx, log, os.Args[2:])
	case "parser":
		err = trainParser(ctx, log, os.Args[2:])
	default:
		fmt.Fprintf(os.Stderr, "train-syntax: unknown model %q (tagger or parser)\n", os.Args[1])
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-syntax:", err)
		os.Exit(1)
	}
}

// readTreebanks reads the comma-separated CoNLL-U files of paths, in order, into one list.
func readTreebanks(log *slog.Logger, paths string) ([]syntax.Sentence, error) {
	var sents []syntax.Sentence
	for _, p := range splitList(paths) {
		s, err := syntax.ReadCoNLLUFile(p)
		if err != nil {
			return nil, err
		}
		log.Info("read treebank", "path", p, "sentences", len(s))
		sents = append(sents, s...)
	}
	return sents, nil
}
