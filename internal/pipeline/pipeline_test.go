package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/source"
)

// The syntax stage runs right after the sentences, so every later stage can read the tokens.
func TestSyntaxStageOrder(t *testing.T) {
	p, err := New(Config{Reader: reader.Options{Now: benchNow, NowHasZone: true}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range p.Annotators() {
		names = append(names, a.Name())
	}
	want := []string{"sentences", "syntax", "times", "actors", "quotes", "events"}
	if !slices.Equal(names, want) {
		t.Errorf("stages = %v, want %v", names, want)
	}
}

// processFile runs the whole pipeline over testdata/name, the syntax stage tagging when tags
// is set.
func processFile(t *testing.T, name string, tags bool) *model.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(Config{Reader: reader.Options{Now: benchNow, NowHasZone: true}, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.Process(source.Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Every sentence gets its tokens, tagged, with spans inside the sentence and in order.
func TestSyntaxTokensFilled(t *testing.T) {
	doc := processFile(t, "layer.txt", true)
	if len(doc.Sentences) == 0 || len(doc.Tokens) != len(doc.Sentences) {
		t.Fatalf("%d sentences, %d token lists", len(doc.Sentences), len(doc.Tokens))
	}
	forms := map[string]string{}
	for i, sent := range doc.Tokens {
		if len(sent) == 0 {
			t.Errorf("sentence %d %q has no tokens", i, doc.Text[doc.Sentences[i].Start:doc.Sentences[i].End])
		}
		prev := doc.Sentences[i].Start
		for _, tk := range sent {
			if tk.Start < prev || tk.End > doc.Sentences[i].End || doc.Text[tk.Start:tk.End] != tk.Form {
				t.Fatalf("sentence %d: token %q at %v out of place", i, tk.Form, tk.Span)
			}
			if tk.UPOS == "" || tk.Lemma == "" {
				t.Errorf("token %q has no tag or lemma: %+v", tk.Form, tk)
			}
			prev = tk.End
			forms[tk.Form] = tk.UPOS
		}
	}
	for form, upos := range map[string]string{"Erdoğan": "PROPN", "met": "VERB", "n’t": "PART", "hours": "NOUN"} {
		if forms[form] != upos {
			t.Errorf("%q tagged %q, want %s", form, forms[form], upos)
		}
	}
}

// Without Tags the stage tokenises alone: the same tokens, no tags.
func TestSyntaxTokensOnly(t *testing.T) {
	tagged, plain := processFile(t, "layer.txt", true), processFile(t, "layer.txt", false)
	if len(plain.Tokens) != len(tagged.Tokens) {
		t.Fatalf("%d token lists untagged, %d tagged", len(plain.Tokens), len(tagged.Tokens))
	}
	for i, sent := range plain.Tokens {
		if len(sent) != len(tagged.Tokens[i]) {
			t.Fatalf("sentence %d: %d tokens untagged, %d tagged", i, len(sent), len(tagged.Tokens[i]))
		}
		for j, tk := range sent {
			if tk.Span != tagged.Tokens[i][j].Span || tk.Form != tagged.Tokens[i][j].Form {
				t.Errorf("sentence %d token %d: %+v untagged, %+v tagged", i, j, tk, tagged.Tokens[i][j])
			}
			if tk.UPOS != "" || tk.Lemma != "" || tk.Head != -1 {
				t.Errorf("untagged token %+v has an analysis", tk)
			}
		}
	}
}
