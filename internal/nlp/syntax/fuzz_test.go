package syntax

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

// hardTexts are inputs the layer must survive in bounded time: nothing, one sentence of
// 10,000 tokens, punctuation alone, several scripts, broken UTF-8.
func hardTexts() map[string]string {
	return map[string]string{
		"empty":           "",
		"spaces":          " \n\n\t ",
		"10,000 tokens":   strings.Repeat("word, ", 5000),
		"10,000 letters":  strings.Repeat("x", 10000),
		"punctuation":     strings.Repeat("!?.,;:\"'()[]—…“”‘’ ", 500),
		"one run":         strings.Repeat(".", 10000),
		"clitics":         strings.Repeat("n't's're ", 1000),
		"mixed scripts":   "Путин встретился с 習近平 в Пекине. مرحبا بالعالم! 😀👍🏽 e\u0301te\u0301 don’t U.S.",
		"invalid UTF-8":   "Bad \xff\xfe bytes \xc3 here. And \xe2\x80 there.",
		"URLs and mails":  "See https://x.example/a?b=1, www.y.example and a@b.example. " + strings.Repeat("http://", 100),
		"numbers":         strings.Repeat("1,000.50 3:30 $5 #1 @x ", 300),
		"NUL and control": "a\x00b\x01c\x7f d.",
	}
}

// checkTokens fails unless every sentence's tokens lie in it, in order, not empty, each the
// text under its span.
func checkTokens(t *testing.T, d *model.Document, tagged bool) {
	t.Helper()
	if len(d.Tokens) != len(d.Sentences) {
		t.Fatalf("%d token lists for %d sentences", len(d.Tokens), len(d.Sentences))
	}
	for i, sent := range d.Tokens {
		prev := d.Sentences[i].Start
		for _, tk := range sent {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > d.Sentences[i].End {
				t.Fatalf("sentence %d %v: token %q at %v out of place", i, d.Sentences[i], tk.Form, tk.Span)
			}
			if d.Text[tk.Start:tk.End] != tk.Form {
				t.Fatalf("token %q at %v is %q in the text", tk.Form, tk.Span, d.Text[tk.Start:tk.End])
			}
			if tagged && (tk.UPOS == "" || tk.XPOS == "") {
				t.Fatalf("token %q untagged", tk.Form)
			}
			if tk.Head != -1 || tk.Rel != "" {
				t.Fatalf("token %q has a dependency without a parser: %d %q", tk.Form, tk.Head, tk.Rel)
			}
			prev = tk.End
		}
	}
}

func annotateTimed(t *testing.T, a *Annotator, text string) *model.Document {
	t.Helper()
	d := &model.Document{Text: text}
	sentence.New().Annotate(d)
	start := time.Now()
	a.Annotate(d)
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("took %v on %d bytes", took, len(text))
	}
	return d
}

func TestAnnotateHardInput(t *testing.T) {
	tagged, plain := NewAnnotator(loadTagger(t), Options{}), NewAnnotator(nil, Options{})
	for name, text := range hardTexts() {
		t.Run(name, func(t *testing.T) {
			checkTokens(t, annotateTimed(t, tagged, text), true)
			checkTokens(t, annotateTimed(t, plain, text), false)
		})
	}
	// one sentence of 10,000 tokens, given as one span
	text := hardTexts()["10,000 tokens"]
	d := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: len(text)}}}
	tagged.Annotate(d)
	if n := len(d.Tokens[0]); n != 10000 {
		t.Errorf("%d tokens, want 10,000", n)
	}
	checkTokens(t, d, true)
}

// Sentence spans that do not fit the text give those sentences no tokens, and no panic.
func TestAnnotateBadSpans(t *testing.T) {
	d := &model.Document{Text: "One two. Three.", Sentences: []model.Span{{Start: 0, End: 8}, {Start: 9, End: 99}, {Start: 5, End: 2}, {Start: -1, End: 3}, {Start: 9, End: 15}}}
	NewAnnotator(nil, Options{}).Annotate(d)
	want := []int{3, 0, 0, 0, 2}
	for i, n := range want {
		if len(d.Tokens[i]) != n {
			t.Errorf("sentence %d %v: %d tokens, want %d", i, d.Sentences[i], len(d.Tokens[i]), n)
		}
	}
	// a sentence's slice is capped: appending to it cannot overwrite the next sentence
	d.Tokens[0] = append(d.Tokens[0], model.Token{Form: "x"})
	if d.Tokens[4][0].Form != "Three" {
		t.Errorf("appending to sentence 0 changed sentence 4: %+v", d.Tokens[4])
	}
}

// A sentence boundary inside a word: the tokens of the first sentence stop at its end.
func TestAnnotateSplitInsideWord(t *testing.T) {
	text := "He said it.Then left"
	d := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: 11}, {Start: 11, End: len(text)}}}
	NewAnnotator(nil, Options{}).Annotate(d)
	checkTokens(t, d, false)
	var forms []string
	for _, tk := range d.Tokens[0] {
		forms = append(forms, tk.Form)
	}
	if got := strings.Join(forms, "|"); got != "He|said|it|." {
		t.Errorf("first sentence = %s, want He|said|it|.", got)
	}
}

// FuzzAnnotateDocument splits the text into sentences as the pipeline does and checks every
// token against its sentence and the text (FuzzAnnotate gives the whole text as one sentence).
func FuzzAnnotateDocument(f *testing.F) {
	for _, s := range hardTexts() {
		f.Add(s)
	}
	f.Add("The president didn't call. \"Why?\" she asked — twice.")
	a := NewAnnotator(loadTagger(f), Options{})
	f.Fuzz(func(t *testing.T, s string) {
		d := annotateTimed(t, a, s)
		checkTokens(t, d, true)
		if !utf8.ValidString(s) {
			return
		}
		for _, sent := range d.Tokens {
			for _, tk := range sent {
				if !utf8.ValidString(tk.Form) {
					t.Fatalf("token %q of valid text is not valid UTF-8", tk.Form)
				}
			}
		}
	})
}
