package syntax

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

func TestLemmatize(t *testing.T) {
	tests := []struct{ form, upos, xpos, want string }{
		{"cities", "NOUN", "NNS", "city"},
		{"boxes", "NOUN", "NNS", "box"},
		{"dogs", "NOUN", "NNS", "dog"},
		{"stopped", "VERB", "VBD", "stop"},
		{"running", "VERB", "VBG", "run"},
		{"was", "AUX", "VBD", "be"},
		{"children", "NOUN", "NNS", "child"},
		{"Paris", "PROPN", "NNP", "Paris"},
		{"The", "DET", "DT", "the"},
		{"happier", "ADJ", "JJR", "happy"},
	}
	for _, tc := range tests {
		if got := Lemmatize(tc.form, tc.upos, tc.xpos); got != tc.want {
			t.Errorf("Lemmatize(%q, %s, %s) = %q, want %q", tc.form, tc.upos, tc.xpos, got, tc.want)
		}
	}
}

func loadTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := LoadTagger()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTag(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct{ text, want string }{
		{"The president said he would visit Moscow.", "DET NOUN VERB PRON AUX VERB PROPN PUNCT"},
		{"Protesters were arrested in Tehran on Friday.", "NOUN AUX VERB ADP PROPN ADP PROPN PUNCT"},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.text)
		tg.Tag(toks)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.UPOS)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, g, tc.want)
		}
	}
}

type rootParser struct{}

func (rootParser) Parse(toks []model.Token) {
	for i := range toks {
		toks[i].Head, toks[i].Rel = 0, "dep"
	}
	toks[0].Head, toks[0].Rel = -1, "root"
}

func TestAnnotator(t *testing.T) {
	text := "Putin called Pezeshkian. They didn't agree."
	d := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: 24}, {Start: 25, End: len(text)}}}
	a := NewAnnotator(loadTagger(t), Options{Parser: rootParser{}})
	a.Annotate(d)
	if len(d.Tokens) != 2 || len(d.Tokens[1]) != 5 {
		t.Fatalf("tokens: %+v", d.Tokens)
	}
	for _, s := range d.Tokens {
		for _, tk := range s {
			if text[tk.Start:tk.End] != tk.Form || tk.UPOS == "" || tk.Lemma == "" || tk.Rel == "" {
				t.Errorf("bad token %+v", tk)
			}
		}
	}
	if l := d.Tokens[1][2].Lemma; l != "not" {
		t.Errorf("lemma of n't = %q", l)
	}
}

func FuzzAnnotate(f *testing.F) {
	tg := loadTagger(f)
	a := NewAnnotator(tg, Options{})
	for _, s := range []string{"", "?!.,;", "Hello, world.", "Привет мир 東京 don't", strings.Repeat("word ", 10000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &model.Document{Text: s, Sentences: []model.Span{{Start: 0, End: len(s)}}}
		a.Annotate(d)
		if len(d.Tokens) != 1 {
			t.Fatalf("%d token slices for one sentence", len(d.Tokens))
		}
	})
}

func BenchmarkTag(b *testing.B) {
	tg := loadTagger(b)
	toks := Tokenize("Russian President Vladimir Putin has held a phone call with his Iranian counterpart, the Kremlin said on Friday, amid mass protests in the Islamic Republic.")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(toks)
	}
	b.ReportMetric(float64(b.N*len(toks))/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoadTagger(b *testing.B) {
	for b.Loop() {
		loadTagger(b)
	}
}

func TestWordClasses(t *testing.T) {
	var sents [][]string
	for _, n := range []string{"cat", "dog", "bird", "horse"} {
		for _, v := range []string{"runs", "sleeps", "eats", "sings"} {
			for _, d := range []string{"the", "a"} {
				sents = append(sents, []string{d, n, v})
			}
		}
	}
	c := WordClasses(sents, 3, 1, 20)
	same := func(a, b string) bool { return c[a] == c[b] }
	if !same("cat", "dog") || !same("bird", "horse") || !same("runs", "sings") || !same("the", "a") {
		t.Errorf("words in the same contexts in different classes: %v", c)
	}
	if same("cat", "runs") || same("the", "cat") || same("the", "runs") {
		t.Errorf("words in different contexts in one class: %v", c)
	}
}
