package ner

import (
	"fmt"
	"strings"
)

// Score counts names: gold, predicted, and predicted with the gold's exact tokens and kind.
type Score struct {
	Gold, Pred, Correct int
}

// Precision is the share of predicted names that are right.
func (s Score) Precision() float64 { return ratio(s.Correct, s.Pred) }

// Recall is the share of gold names found.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.Pred) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate tags sents with f and scores the names by exact span and kind: a Score per kind and
// "all" over every kind.
func Evaluate(f *Finder, sents []Sentence) map[string]Score {
	out := make(map[string]Score)
	for _, sent := range sents {
		pred, _ := f.Tag(sent.Words)
		Compare(sent.Names, pred, out)
	}
	return out
}

// Compare adds to scores the counts of pred against gold, per kind and under "all".
func Compare(gold, pred []Name, scores map[string]Score) {
	add := func(kind string, g, p, c int) {
		s := scores[kind]
		s.Gold += g
		s.Pred += p
		s.Correct += c
		scores[kind] = s
	}
	want := make(map[Name]bool, len(gold))
	for _, g := range gold {
		want[g] = true
		add(g.Kind, 1, 0, 0)
		add("all", 1, 0, 0)
	}
	for _, p := range pred {
		c := 0
		if want[p] {
			c = 1
			delete(want, p)
		}
		add(p.Kind, 0, 1, c)
		add("all", 0, 1, c)
	}
}

// ParseAnnotated reads a sentence annotated by hand, names in brackets with their kind's first
// letters: "[person Vladimir Putin] spoke to [organization NATO] in [place Brussels] ." Words are
// separated by spaces as the tokenizer would cut them; a bracket holds at least one word, and
// a closing bracket outside a name is a word.
func ParseAnnotated(line string) (Sentence, error) {
	var sent Sentence
	open := -1
	kind := ""
	for _, w := range strings.Fields(line) {
		switch {
		case strings.HasPrefix(w, "[") && len(w) > 1:
			if open >= 0 {
				return Sentence{}, fmt.Errorf("a name opens inside another at word %d", len(sent.Words)+1)
			}
			kind = w[1:]
			if kindIndex(kind) < 0 {
				return Sentence{}, fmt.Errorf("unknown kind %q at word %d", kind, len(sent.Words)+1)
			}
			open = len(sent.Words)
		case strings.HasSuffix(w, "]") && open >= 0:
			if word := w[:len(w)-1]; word != "" {
				sent.Words = append(sent.Words, word)
			}
			if open == len(sent.Words) {
				return Sentence{}, fmt.Errorf("a bracket closes no name at word %d", len(sent.Words)+1)
			}
			sent.Names = append(sent.Names, Name{Start: open, End: len(sent.Words), Kind: kind})
			open = -1
		default:
			sent.Words = append(sent.Words, w)
		}
	}
	if open >= 0 {
		return Sentence{}, fmt.Errorf("the name opened at word %d is not closed", open+1)
	}
	return sent, nil
}
