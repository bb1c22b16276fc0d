package syntax

import (
	"bytes"
	"slices"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

func TestClassLists(t *testing.T) {
	tests := []struct {
		name    string
		in      map[string]string
		words   []string
		coarse  []uint16
		fine    []uint16
		wantErr bool
	}{
		{"none", nil, []string{}, []uint16{}, []uint16{}, false},
		{"sorted", map[string]string{"talks": "3 40", "minister": "1 200", "the": "0 7"},
			[]string{"minister", "talks", "the"}, []uint16{1, 3, 0}, []uint16{200, 40, 7}, false},
		{"one number", map[string]string{"talks": "3"}, nil, nil, nil, true},
		{"not a number", map[string]string{"talks": "3 x"}, nil, nil, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, c, f, err := classLists(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			if !slices.Equal(w, tc.words) || !slices.Equal(c, tc.coarse) || !slices.Equal(f, tc.fine) {
				t.Errorf("got %v %v %v, want %v %v %v", w, c, f, tc.words, tc.coarse, tc.fine)
			}
		})
	}
}

func TestParseStateWordClasses(t *testing.T) {
	wc, err := newWordClasses([]string{"minister", "president", "resigned"}, []uint16{1, 1, 2}, []uint16{10, 10, 20})
	if err != nil {
		t.Fatal(err)
	}
	toks := []model.Token{{Form: "The"}, {Form: "Minister"}, {Form: "resigned"}, {Form: "President"}}
	s := newParseState(toks, wc)
	tests := []struct {
		name       string
		a, b       int
		sameCoarse bool
		sameFine   bool
	}{
		{"one class whatever the case", 1, 3, true, true},
		{"different classes", 1, 2, false, false},
		{"unknown word", 0, 2, false, false},
		{"root", 0, len(toks), false, false},
	}
	for _, tc := range tests {
		if got := s.c[tc.a] == s.c[tc.b]; got != tc.sameCoarse {
			t.Errorf("%s: same coarse class %v, want %v", tc.name, got, tc.sameCoarse)
		}
		if got := s.k[tc.a] == s.k[tc.b]; got != tc.sameFine {
			t.Errorf("%s: same fine class %v, want %v", tc.name, got, tc.sameFine)
		}
	}
	if s.c[0] != unknownClass || s.k[0] != unknownClass {
		t.Error("a word without a class does not get the unknown class")
	}
	if _, err := newWordClasses([]string{"a"}, nil, nil); err == nil {
		t.Error("lists of different lengths gave no error")
	}
}

func TestParserKeepsWordClasses(t *testing.T) {
	sents, err := ReadCoNLLUFile("testdata/trees.conllu")
	if err != nil {
		t.Fatal(err)
	}
	classes := map[string]string{"the": "0 1", "minister": "1 2", "said": "2 3"}
	p, _, err := TrainParser(sents, ParserOptions{Epochs: 2, Seed: 1, Explore: 0.9, Bits: 12, MinWeight: 0.01, Classes: classes}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := ReadParser(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.ClassWords, []string{"minister", "said", "the"}) || len(q.classes) != 3 {
		t.Errorf("read back classes %v (%d in the lookup)", q.ClassWords, len(q.classes))
	}
	pr, err := q.Pruned(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(pr.classes) != 3 {
		t.Errorf("the pruned parser has %d word classes, want 3", len(pr.classes))
	}
}

// TestEmbeddedParserClassesAreTaggers checks that the embedded parsers carry the embedded
// tagger's word classes: a parser trained with an older tagger keeps that tagger's classes,
// and with them text they were computed from that the tagger's leave out.
func TestEmbeddedParserClassesAreTaggers(t *testing.T) {
	tg, err := LoadTagger()
	if err != nil {
		t.Fatal(err)
	}
	words, coarse, fine, err := classLists(tg.Classes)
	if err != nil {
		t.Fatal(err)
	}
	if len(words) == 0 {
		t.Fatal("the embedded tagger has no word classes")
	}
	for _, beam := range []bool{false, true} {
		p, err := LoadParserFor(beam)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.ClassWords, words) || !slices.Equal(p.ClassCoarse, coarse) || !slices.Equal(p.ClassFine, fine) {
			t.Errorf("beam %v: the parser's %d word classes are not the tagger's %d", beam, len(p.ClassWords), len(words))
		}
	}
}
