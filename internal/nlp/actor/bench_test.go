package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

const benchText = `Russian President Vladimir Putin has held a phone call with his Iranian counterpart, Masoud Pezeshkian, amid mass protests that have gripped the Islamic Republic in recent weeks. The Iranian authorities have blamed the riots on the US and Israel. According to a statement published by the Kremlin on Friday, Pezeshkian briefed Vladimir Putin on the Iranian government's efforts. Both presidents called for the de-escalation of tensions. Russian Foreign Ministry spokeswoman Maria Zakharova said this week that Moscow resolutely condemns foreign interference in Iran's domestic affairs. She accused foreign powers of attempting to turn a peaceful protest into unrest. Geir Pedersen, the U.N. special envoy for Syria, said the talks in Geneva would go on, and Iraqi Prime Minister Mohammed Shia al-Sudani announced a strike on Islamic State fighters. Sudani, posting on X, called it a success. "We will stay," said Lucy Mtilatila, director of Malawi's Department of Climate Change.`

func BenchmarkAnnotate(b *testing.B) {
	r, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	sents := sentence.New().Split(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &model.Document{Text: benchText, Sentences: sents, Published: "2026-01-16"}
		r.Annotate(doc)
	}
}

// BenchmarkAnnotateDev annotates the PolNeAR dev texts of the evaluation kit (../shared, next
// to the repository), split and tokenised beforehand, once per iteration.
func BenchmarkAnnotateDev(b *testing.B) {
	files, _ := filepath.Glob("../../../../shared/bench/quotes/dev/text/*")
	if len(files) == 0 {
		b.Skip("no evaluation kit next to the repository")
	}
	r, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []model.Document
	sp := sentence.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := model.Document{Text: string(data), Sentences: sp.Split(string(data)), Published: "2026-01-16"}
		for _, s := range d.Sentences {
			d.Tokens = append(d.Tokens, syntax.AppendTokens(nil, d.Text, s.Start, s.End))
		}
		docs = append(docs, d)
	}
	for b.Loop() {
		for _, d := range docs {
			doc := d
			r.Annotate(&doc)
		}
	}
}

// TestBoundedWork feeds inputs built to make naive coreference quadratic; each must finish
// quickly.
func TestBoundedWork(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		strings.Repeat("Mohammed bin ", 20000),
		strings.Repeat("said John Smith and the president, ", 10000),
		strings.Repeat("Putin ", 50000),
		strings.Repeat("Russian President Vladimir Putin met both presidents; he ", 5000),
		strings.Repeat("A B C D E F G ", 20000),
	}
	for _, in := range inputs {
		doc := &model.Document{Text: in, Published: "2026-01-16"}
		r.Annotate(doc)
	}
}

// BenchmarkNew measures loading every embedded lexicon, the imported actors included.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
