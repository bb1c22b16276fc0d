package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func trainParser(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("parser", flag.ContinueOnError)
	train := fs.String("train", "../shared/ud/en_ewt-train.conllu.gz,../shared/ud/en_gum-train.conllu.gz", "training treebanks, comma-separated (CoNLL-U, optionally gzip'd)")
	dev := fs.String("dev", "../shared/ud/en_ewt-dev.conllu.gz", "treebank to choose the epoch on")
	epochs := fs.Int("epochs", 12, "maximum number of training epochs")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	out := fs.String("o", "internal/nlp/syntax/parser.model.gz", "where to write the model")
	tagged := fs.String("tagged", "", "cache of the training treebanks with jackknifed predicted tags: read when it exists, written when not")
	folds := fs.Int("folds", 4, "jackknife folds for the training tags")
	tagEpochs := fs.Int("tag-epochs", 8, "tagger epochs for each jackknife fold")
	explore := fs.Float64("explore", 0.9, "probability of following the model's own mistakes after the first epoch")
	minWeight := fs.Float64("min-weight", 1, "drop averaged weights smaller than this (a smaller, faster model)")
	punctApart := fs.Bool("punct-apart", false, "parse the words without the punctuation marks, which are attached after the parse")
	beam := fs.Int("beam", 0, "configurations kept at each step, trained globally with early updates (0 or 1: greedy, with the dynamic oracle); with -eval, the beam to parse with instead of the model's")
	bits := fs.Uint("bits", 22, "bits of the index of a move weight row: 1<<bits rows of hashed features")
	eval := fs.String("eval", "", "score the model (-model, default the embedded one) on this CoNLL-U file instead of training")
	modelPath := fs.String("model", "", "parser model file for -eval (default: the embedded model)")
	prune := fs.Float64("prune", 0, "with -eval and -model, drop weights smaller than this first and write the result to -o")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tagger, err := syntax.LoadTagger()
	if err != nil {
		return err
	}
	if *eval != "" {
		p, err := loadParserModel(*modelPath)
		if err != nil {
			return err
		}
		if *prune > 0 {
			if p, err = p.Pruned(*prune); err != nil {
				return err
			}
			if err := writeParser(p, *out); err != nil {
				return err
			}
			log.Info("wrote pruned model", "path", *out, "features", p.Features(), "weights", len(p.Val))
		}
		if *beam > 0 {
			p.Beam = *beam
		}
		sents, err := syntax.ReadCoNLLUFile(*eval)
		if err != nil {
			return err
		}
		s := scoreParser(p, tagSentences(tagger, sents))
		fmt.Printf("%s: UAS %.4f LAS %.4f (universal relations) LAS %.4f (full relations) (%d tokens)\n", *eval, s.uas, s.las, s.lasFull, s.n)
		return nil
	}
	sents, err := jackknifed(ctx, log, *train, *tagged, *folds, *tagEpochs, *seed, tagger)
	if err != nil {
		return err
	}
	devSents, err := syntax.ReadCoNLLUFile(*dev)
	if err != nil {
		return err
	}
	devTagged := tagSentences(tagger, devSents)
	var writeErr error
	bestLAS, bestEpoch := -1.0, 0
	opts := syntax.ParserOptions{Epochs: *epochs, Seed: *seed, Explore: *explore, MinWeight: *minWeight, Bits: uint8(min(*bits, 30)), Classes: tagger.Classes, PunctApart: *punctApart, Beam: *beam}
	_, st, err := syntax.TrainParser(sents, opts, func(ep int, p *syntax.Parser) {
		s := scoreParser(p, devTagged)
		log.Info("epoch", "epoch", ep, "dev_uas", s.uas, "dev_las", s.las, "features", p.Features(), "weights", len(p.Val))
		if s.las > bestLAS {
			bestLAS, bestEpoch = s.las, ep
			// The only write of the model, at once, so that a long training stopped early
			// keeps its best epoch; a failed write ends the run with its error once
			// training is over.
			if err := writeParser(p, *out); err != nil {
				log.Error("writing the model", "epoch", ep, "err", err)
				writeErr = cmp.Or(writeErr, err)
			}
		}
	})
	if err != nil {
		return err
	}
	log.Info("trained", "sentences", st.Sentences, "skipped_nonprojective", st.NonProjective, "skipped_malformed", st.Malformed)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("training interrupted: %w", err)
	}
	if writeErr != nil {
		return writeErr
	}
	log.Info("wrote model", "path", *out, "epoch", bestEpoch, "dev_las", bestLAS)
	return nil
}

func writeParser(p *syntax.Parser, path string) error {
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	return nil
}

func loadParserModel(path string) (*syntax.Parser, error) {
	if path == "" {
		return syntax.LoadParser()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the model: %w", err)
	}
	defer f.Close()
	return syntax.ReadParser(f)
}

// tagSentences returns copies of the sentences with the gold tokens and trees and the
// tagger's tags, lemmas and features: the parser is scored on predicted tags.
func tagSentences(t *syntax.Tagger, sents []syntax.Sentence) []syntax.Sentence {
	out := make([]syntax.Sentence, len(sents))
	for i, s := range sents {
		toks := make([]model.Token, len(s.Tokens))
		for j, g := range s.Tokens {
			toks[j] = model.Token{Form: g.Form}
		}
		t.Tag(toks)
		for j, g := range s.Tokens {
			toks[j].Head, toks[j].Rel = g.Head, g.Rel
		}
		out[i] = syntax.Sentence{ID: s.ID, Text: s.Text, Tokens: toks}
	}
	return out
}

type parseScores struct {
	uas, las, lasFull float64
	n                 int
}

// scoreParser parses copies of the tagged sentences and compares heads and relations with
// theirs, punctuation included. LAS compares the universal part of the relation (CoNLL 2018);
// lasFull the whole relation with its subtype.
func scoreParser(p *syntax.Parser, sents []syntax.Sentence) parseScores {
	var s parseScores
	var u, l, lf int
	for _, sent := range sents {
		toks := slices.Clone(sent.Tokens)
		p.Parse(toks)
		for i, g := range sent.Tokens {
			s.n++
			if toks[i].Head != g.Head {
				continue
			}
			u++
			pu, _, _ := strings.Cut(toks[i].Rel, ":")
			gu, _, _ := strings.Cut(g.Rel, ":")
			if pu == gu {
				l++
			}
			if toks[i].Rel == g.Rel {
				lf++
			}
		}
	}
	if s.n == 0 {
		return s
	}
	n := float64(s.n)
	s.uas, s.las, s.lasFull = float64(u)/n, float64(l)/n, float64(lf)/n
	return s
}

// jackknifed reads the training treebanks and replaces their tags, lemmas and features by
// those of a tagger trained on the other folds, so that the parser learns from tags as
// wrong as the ones it will see. Each fold's tagger has the word classes and margin of
// like (the tagger the parser is trained for), so that its mistakes are of the same kind
// and no fold's tags come from classes that saw text like's did not. With cache set, the result is read from there when the file exists and written
// there when not.
func jackknifed(ctx context.Context, log *slog.Logger, paths, cache string, folds, epochs int, seed uint64, like *syntax.Tagger) ([]syntax.Sentence, error) {
	if cache != "" {
		if _, err := os.Stat(cache); err == nil {
			s, err := syntax.ReadCoNLLUFile(cache)
			if err != nil {
				return nil, err
			}
			log.Info("read jackknifed training tags", "path", cache, "sentences", len(s))
			return s, nil
		}
	}
	sents, err := readTreebanks(log, paths)
	if err != nil {
		return nil, err
	}
	if folds < 2 {
		return nil, fmt.Errorf("jackknifing needs at least 2 folds, got %d", folds)
	}
	out := make([]syntax.Sentence, len(sents))
	for k := range folds {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("jackknifing interrupted: %w", err)
		}
		var rest []syntax.Sentence
		for i, s := range sents {
			if i%folds != k {
				rest = append(rest, s)
			}
		}
		t, err := syntax.TrainTaggerWith(rest, syntax.TaggerTraining{Epochs: epochs, Seed: seed + uint64(k), Classes: like.Classes})
		if err != nil {
			return nil, fmt.Errorf("jackknife fold %d: %w", k+1, err)
		}
		t.Margin = like.Margin
		n, right := 0, 0
		for i, s := range sents {
			if i%folds != k {
				continue
			}
			toks := make([]model.Token, len(s.Tokens))
			for j, g := range s.Tokens {
				toks[j] = model.Token{Form: g.Form}
			}
			t.Tag(toks)
			for j, g := range s.Tokens {
				if toks[j].XPOS == g.XPOS {
					right++
				}
				n++
				toks[j].Head, toks[j].Rel = g.Head, g.Rel
			}
			out[i] = syntax.Sentence{ID: s.ID, Text: s.Text, Tokens: toks}
		}
		log.Info("jackknife fold", "fold", k+1, "of", folds, "xpos", float64(right)/float64(max(n, 1)))
	}
	if cache != "" {
		if err := writeCoNLLUFile(cache, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func writeCoNLLUFile(path string, sents []syntax.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing the tagged treebank: %w", err)
	}
	zw := gzip.NewWriter(f)
	if err := syntax.WriteCoNLLU(zw, sents); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("writing the tagged treebank: %w", err)
	}
	return f.Close()
}
