package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func runParse(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	conllu := fs.Bool("conllu", false, "read CoNLL-U, keep its tokens and sentences, and predict the rest")
	beam := fs.Bool("beam", false, "parse with the beam parser: more accurate trees, several times slower")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tidings parse [--conllu] [--beam] PATH|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{fmt.Errorf("want one PATH or -, got %d arguments", fs.NArg())}
	}
	var in io.Reader = e.stdin
	if p := fs.Arg(0); p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("opening the input: %w", err)
		}
		defer f.Close()
		in = f
	}
	tagger, err := syntax.LoadTagger()
	if err != nil {
		return err
	}
	parser, err := syntax.LoadParserFor(*beam)
	if err != nil {
		return err
	}
	a := syntax.NewAnnotator(tagger, syntax.Options{Parser: parser})
	var sents []syntax.Sentence
	if *conllu {
		sents, err = syntax.ReadCoNLLU(in)
		if err != nil {
			return fmt.Errorf("reading CoNLL-U: %w", err)
		}
		for i := range sents {
			if err := ctx.Err(); err != nil {
				return err
			}
			toks := sents[i].Tokens
			for j := range toks {
				toks[j] = model.Token{Form: toks[j].Form}
			}
			a.TagSentence(toks)
		}
	} else {
		b, err := io.ReadAll(in)
		if err != nil {
			return fmt.Errorf("reading the input: %w", err)
		}
		d := &model.Document{Text: strings.ToValidUTF8(string(b), "\uFFFD")}
		sentence.New().Annotate(d)
		a.Annotate(d)
		for i, s := range d.Sentences {
			toks := d.Tokens[i]
			misc := make([]string, len(toks))
			for j := 0; j+1 < len(toks); j++ {
				if toks[j].End == toks[j+1].Start {
					misc[j] = "SpaceAfter=No"
				}
			}
			sents = append(sents, syntax.Sentence{ID: fmt.Sprint(i + 1), Text: d.Text[s.Start:s.End], Tokens: toks, Misc: misc})
		}
	}
	if err := syntax.WriteCoNLLU(e.stdout, sents); err != nil {
		return fmt.Errorf("writing CoNLL-U: %w", err)
	}
	return nil
}
