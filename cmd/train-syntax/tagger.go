package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func trainTagger(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("tagger", flag.ContinueOnError)
	train := fs.String("train", "../shared/ud/en_ewt-train.conllu.gz,../shared/ud/en_gum-train.conllu.gz", "training treebanks, comma-separated (CoNLL-U, optionally gzip'd)")
	dev := fs.String("dev", "../shared/ud/en_ewt-dev.conllu.gz", "treebank to choose the epoch on")
	epochs := fs.Int("epochs", 8, "maximum number of training epochs")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	out := fs.String("o", "internal/nlp/syntax/tagger.model.gz", "where to write the model")
	eval := fs.String("eval", "", "score the model (-model, default the embedded one) on this CoNLL-U file instead of training")
	tokeval := fs.String("tokeval", "", "score the tokenizer on this CoNLL-U file's raw text instead of training")
	modelPath := fs.String("model", "", "model file for -eval (default: the embedded model)")
	coarse := fs.Int("coarse", 64, "number of coarse word classes (0: no word classes)")
	fine := fs.Int("fine", 256, "number of fine word classes")
	folds := fs.Int("folds", 0, "train the second pass on first-pass tags from this many folds (0: the first pass's own tags)")
	passes := fs.Int("passes", 15, "passes of the word class algorithm")
	minCount := fs.Int("mincount", 2, "least frequency of a word given a class")
	margin := fs.Int("margin", 4000, "the first pass's lead in hundredths by which a word keeps its label without the second pass (0: always the second pass); with -eval, when given, it replaces the model's")
	rewrite := fs.Bool("rewrite", false, "write the model (-model, default the embedded one) to -o with -margin instead of training")
	stories := fs.String("text", "../shared/corpus/voa-stories.jsonl", "JSON-lines stories whose \"text\" adds to the treebanks' own text for the word classes (\"\" for none)")
	textDirs := fs.String("text-dirs", "", "folders, comma-separated, whose .txt files add to the text for the word classes")
	exclude := fs.String("exclude", "", "ids, comma-separated, of stories in -text to leave out of the word classes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *tokeval != "" {
		sents, err := syntax.ReadCoNLLUFile(*tokeval)
		if err != nil {
			return err
		}
		p, r, f := tokenF1(sents)
		fmt.Printf("tokens: P %.4f R %.4f F1 %.4f\n", p, r, f)
		return nil
	}
	if *rewrite {
		t, err := loadModel(*modelPath)
		if err != nil {
			return err
		}
		t.Margin = int32(max(0, *margin))
		return writeTagger(log, t, *out)
	}
	if *eval != "" {
		t, err := loadModel(*modelPath)
		if err != nil {
			return err
		}
		if isSet(fs, "margin") {
			t.Margin = int32(max(0, *margin))
		}
		sents, err := syntax.ReadCoNLLUFile(*eval)
		if err != nil {
			return err
		}
		s := score(t, sents)
		fmt.Printf("%s: UPOS %.4f XPOS %.4f UFeats %.4f Lemma %.4f (%d tokens)\n", *eval, s.upos, s.xpos, s.feats, s.lemma, s.n)
		return nil
	}
	sents, err := readTreebanks(log, *train)
	if err != nil {
		return err
	}
	devSents, err := syntax.ReadCoNLLUFile(*dev)
	if err != nil {
		return err
	}
	var classes map[string]string
	if *coarse > 0 {
		text, err := classText(sents, *stories, splitList(*textDirs), splitList(*exclude))
		if err != nil {
			return err
		}
		c := syntax.WordClasses(text, *coarse, *minCount, *passes)
		f := syntax.WordClasses(text, *fine, *minCount, *passes)
		classes = make(map[string]string, len(c))
		for w, k := range c {
			classes[w] = fmt.Sprintf("%d %d", k, f[w])
		}
		log.Info("word classes", "sentences", len(text), "words", len(classes))
	}
	var best *syntax.Tagger
	bestAcc := -1.0
	check := func(ep int, t *syntax.Tagger) {
		s := score(t, devSents)
		log.Info("epoch", "epoch", ep, "dev_upos", s.upos, "dev_xpos", s.xpos, "features", len(t.Second.Names))
		if s.upos > bestAcc {
			best, bestAcc = t, s.upos
		}
	}
	_, err = syntax.TrainTaggerWith(sents, syntax.TaggerTraining{Epochs: *epochs, Seed: *seed, Classes: classes, Folds: *folds, Check: check})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("training interrupted: %w", err)
	}
	best.Margin = int32(max(0, *margin))
	log.Info("chosen epoch", "dev_upos", bestAcc, "margin", best.Margin, "dev_upos_with_margin", score(best, devSents).upos)
	return writeTagger(log, best, *out)
}

// writeTagger writes t to the file path.
func writeTagger(log *slog.Logger, t *syntax.Tagger, path string) error {
	var buf bytes.Buffer
	if err := t.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	log.Info("wrote model", "path", path, "bytes", buf.Len(), "margin", t.Margin)
	return nil
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func loadModel(path string) (*syntax.Tagger, error) {
	if path == "" {
		return syntax.LoadTagger()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the model: %w", err)
	}
	defer f.Close()
	return syntax.ReadTagger(f)
}

type scores struct {
	upos, xpos, feats, lemma float64
	n                        int
}

// score tags the treebank's gold tokens and compares with its gold annotation.
func score(t *syntax.Tagger, sents []syntax.Sentence) scores {
	var s scores
	var u, x, f, l int
	for _, sent := range sents {
		toks := make([]model.Token, len(sent.Tokens))
		for i, g := range sent.Tokens {
			toks[i] = model.Token{Form: g.Form}
		}
		t.Tag(toks)
		for i, g := range sent.Tokens {
			s.n++
			if toks[i].UPOS == g.UPOS {
				u++
			}
			if toks[i].XPOS == g.XPOS {
				x++
			}
			if toks[i].Feats == g.Feats {
				f++
			}
			if toks[i].Lemma == g.Lemma {
				l++
			}
		}
	}
	if s.n == 0 {
		return s
	}
	n := float64(s.n)
	s.upos, s.xpos, s.feats, s.lemma = float64(u)/n, float64(x)/n, float64(f)/n, float64(l)/n
	return s
}

// tokenF1 tokenises each sentence's "# text" and compares token spans (in bytes of the text)
// with the gold tokens, located in the text in order.
func tokenF1(sents []syntax.Sentence) (p, r, f float64) {
	var tp, np, ng int
	for _, s := range sents {
		gold := map[[2]int]bool{}
		pos := 0
		for _, g := range s.Tokens {
			k := strings.Index(s.Text[pos:], g.Form)
			if k < 0 {
				continue
			}
			gold[[2]int{pos + k, pos + k + len(g.Form)}] = true
			pos += k + len(g.Form)
		}
		pred := syntax.Tokenize(s.Text)
		for _, t := range pred {
			if gold[[2]int{t.Start, t.End}] {
				tp++
			}
		}
		np += len(pred)
		ng += len(s.Tokens)
	}
	if np == 0 || ng == 0 {
		return 0, 0, 0
	}
	p, r = float64(tp)/float64(np), float64(tp)/float64(ng)
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

// classText returns the lower-cased words of the treebank sentences, of the stories in the
// JSON-lines file at path (when not "") whose id is not in exclude, and of the .txt files in
// the folders dirs, split into sentences at final punctuation.
func classText(sents []syntax.Sentence, path string, dirs, exclude []string) ([][]string, error) {
	var out [][]string
	for _, s := range sents {
		ws := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			ws[i] = strings.ToLower(t.Form)
		}
		out = append(out, ws)
	}
	for _, dir := range dirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return nil, fmt.Errorf("listing %s: %w", dir, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("no .txt files in %s", dir)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("reading the text: %w", err)
			}
			out = appendTextSentences(out, string(b))
		}
	}
	if path == "" {
		return out, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the stories: %w", err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for {
		var story struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := dec.Decode(&story); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading the stories in %s: %w", path, err)
		}
		if slices.Contains(exclude, story.ID) {
			continue
		}
		out = appendTextSentences(out, story.Text)
	}
	return out, nil
}

// appendTextSentences appends the lower-cased words of text to out, a sentence ending at
// each final punctuation mark.
func appendTextSentences(out [][]string, text string) [][]string {
	var ws []string
	for _, t := range syntax.Tokenize(text) {
		w := strings.ToLower(t.Form)
		ws = append(ws, w)
		if w == "." || w == "?" || w == "!" {
			out = append(out, ws)
			ws = nil
		}
	}
	if len(ws) > 0 {
		out = append(out, ws)
	}
	return out
}

// splitList returns the comma-separated items of s, none for "".
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
