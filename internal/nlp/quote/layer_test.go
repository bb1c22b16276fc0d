package quote

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

// The shared layer's tokens, read by fromLayer, are the tokens tokenize makes of the same
// sentence: clitics and plural possessives glued back to their words, punctuation one
// character a token, quotation marks as '"', the same sentence stops. (Numbers are the one
// difference, see TestFromLayerNumbers.)
func TestFromLayerMatchesTokenize(t *testing.T) {
	f, err := os.Open("testdata/layer.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fd := New()
	layer := syntax.NewAnnotator(nil, syntax.Options{})
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := sc.Text()
		doc := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: len(text)}}}
		layer.Annotate(doc)
		w := fd.work(text)
		own := w.tokenize(text, 0, len(text), false)
		shared := w.fromLayer(text, doc.Tokens[0], len(text))
		if len(own) != len(shared) {
			t.Errorf("%q: %d tokens from the layer, %d from tokenize:\n%v\n%v", text, len(shared), len(own), shared, own)
		} else {
			for i := range own {
				if own[i] != shared[i] {
					t.Errorf("%q: token %d is %+v from the layer, %+v from tokenize", text, i, shared[i], own[i])
				}
			}
		}
		fd.done(w)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// The layer keeps "1,200" and "10:30" whole where tokenize splits them at the comma and the
// colon: a thousands comma is not the comma before a reporting clause.
func TestFromLayerNumbers(t *testing.T) {
	text := "Prices rose to $1,200 at 10:30, the bank said."
	doc := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: len(text)}}}
	syntax.NewAnnotator(nil, syntax.Options{}).Annotate(doc)
	fd := New()
	w := fd.work(text)
	defer fd.done(w)
	var got []string
	for _, tk := range w.fromLayer(text, doc.Tokens[0], len(text)) {
		got = append(got, text[tk.start:tk.end])
	}
	if s := strings.Join(got, "|"); s != "Prices|rose|to|$|1,200|at|10:30|,|the|bank|said|." {
		t.Errorf("tokens = %s", s)
	}
}

// Reported speech from the layer's tokens is what the quote stage's own tokens give, and one
// more: the possessive of an abbreviation ("C.A.R.’s minister") is one word on the layer, where
// the stage's own tokenize reads a period that ends the sentence.
func TestReportedFromLayer(t *testing.T) {
	text := "Guterres’ spokesman said the convoy had reached the city.\n\nThe strike killed two commanders near the border, officials said.\n\nBruno Yapande, C.A.R.’s territorial administration minister, says the government has ordered its military to seal the border areas where rebels cross."
	doc := &model.Document{Text: text}
	sentence.New().Annotate(doc)
	New().Annotate(doc)
	own := doc.Reported
	syntax.NewAnnotator(nil, syntax.Options{}).Annotate(doc)
	New().Annotate(doc)
	if len(doc.Reported) != 3 {
		t.Fatalf("%d reports from the layer, want 3: %+v", len(doc.Reported), doc.Reported)
	}
	if len(own) != 2 {
		t.Fatalf("%d reports from the stage's own tokens, want 2: %+v", len(own), own)
	}
	for i, r := range own {
		if doc.Reported[i] != r {
			t.Errorf("report %d from the layer %+v, from the stage's tokens %+v", i, doc.Reported[i], r)
		}
	}
	if r := doc.Reported[2]; r.SpeakerName != "Bruno Yapande" || r.Cue != "says" {
		t.Errorf("third report: %+v, want Bruno Yapande says", r)
	}
}
