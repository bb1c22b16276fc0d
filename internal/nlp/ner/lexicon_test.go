package ner

import (
	"math"
	"strings"
	"testing"
)

// mapLexicon is a Lexicon over a fixed map of words.
type mapLexicon map[string]uint8

func (m mapLexicon) WordClasses(word string) uint8 { return m[word] }

func TestKindsSumToOne(t *testing.T) {
	f := loadFinder(t)
	words := strings.Fields("Officials of the United Nations met Angela Merkel in Geneva .")
	probs := f.Kinds(nil, words, 0, len(words))
	if len(probs) != len(words) {
		t.Fatalf("Kinds gave %d rows for %d words", len(probs), len(words))
	}
	for i, p := range probs {
		if sum := p.Person + p.Organization + p.Place + p.Group + p.None; math.Abs(sum-1) > 1e-6 {
			t.Errorf("word %q: probabilities sum to %v", words[i], sum)
		}
	}
	if got := f.Kinds(nil, words, 3, 2); len(got) != 0 {
		t.Errorf("an empty range gave %d rows", len(got))
	}
}

// TestLexiconClasses checks that the gazetteers' word classes move the model: the same unknown
// pair of words reads more as a place when the lexicon calls its words a place's, and more as
// a person when it calls the first a given name.
func TestLexiconClasses(t *testing.T) {
	base := loadFinder(t)
	words := strings.Fields("Reporters waited outside Velmora Dask on Tuesday .")
	tests := []struct {
		name  string
		lex   mapLexicon
		kind  func(KindProbs) float64
		label string
	}{
		{"place words", mapLexicon{"Velmora": ClassPlace, "Dask": ClassPlace}, func(p KindProbs) float64 { return p.Place }, "place"},
		{"given name", mapLexicon{"Velmora": ClassGiven}, func(p KindProbs) float64 { return p.Person }, "person"},
		{"organisation head", mapLexicon{"Dask": ClassOrgHead}, func(p KindProbs) float64 { return p.Organization + p.Place }, "organisation or place"},
	}
	before := base.Kinds(nil, words, 3, 5)
	for _, tt := range tests {
		after := base.WithLexicon(tt.lex).Kinds(nil, words, 3, 5)
		var b, a float64
		for i := range after {
			b += tt.kind(before[i])
			a += tt.kind(after[i])
		}
		if a <= b {
			t.Errorf("%s: %s probability %.3f with the lexicon, %.3f without", tt.name, tt.label, a/2, b/2)
		}
	}
}

func TestRunContext(t *testing.T) {
	info := describe(strings.Fields("In New York City , Joe met us"), nil, nil)
	tests := []struct {
		i           int
		first, last int
		pos         byte
	}{
		{0, 0, 3, 'B'}, // a sentence's first word is capitalised too
		{2, 0, 3, 'I'},
		{3, 0, 3, 'L'},
		{5, 5, 5, 'U'},
		{6, -1, -1, 0},
	}
	for _, tt := range tests {
		w := &info[tt.i]
		if w.runFirst != tt.first || w.runLast != tt.last {
			t.Errorf("word %d %q: run [%d, %d], want [%d, %d]", tt.i, w.word, w.runFirst, w.runLast, tt.first, tt.last)
			continue
		}
		if tt.pos != 0 {
			if got := runPosition(w, tt.i); got != tt.pos {
				t.Errorf("word %d %q: position %c, want %c", tt.i, w.word, got, tt.pos)
			}
		}
	}
}
