package pipeline

import (
	"encoding/json"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// The tokens view counts code points, as every offset of the contract: the text sliced by
// them in code points gives back each token's form, on text with characters of every UTF-8
// length, and reading the JSON back gives the byte spans the layer made.
func TestTokensViewOffsets(t *testing.T) {
	doc := processFile(t, "layer.txt", true)
	out, err := json.Marshal(model.WithTokens{Doc: doc})
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Text      string
		Sentences []struct{ Start, End int }
		Tokens    [][]struct {
			Start, End                     int
			Form, Lemma, UPOS, XPOS, Feats string
			Head                           *int
			Rel                            *string
		}
	}
	if err := json.Unmarshal(out, &w); err != nil {
		t.Fatal(err)
	}
	if len(w.Tokens) != len(w.Sentences) || len(w.Tokens) < 3 {
		t.Fatalf("%d token lists for %d sentences", len(w.Tokens), len(w.Sentences))
	}
	text := []rune(w.Text)
	seen := map[string]bool{}
	for i, sent := range w.Tokens {
		prev := w.Sentences[i].Start
		roots := 0
		for _, tk := range sent {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > w.Sentences[i].End {
				t.Fatalf("sentence %d: token %q at [%d, %d) out of place", i, tk.Form, tk.Start, tk.End)
			}
			if got := string(text[tk.Start:tk.End]); got != tk.Form {
				t.Errorf("text[%d:%d] in code points = %q, form %q", tk.Start, tk.End, got, tk.Form)
			}
			if tk.UPOS == "" || tk.XPOS == "" || tk.Lemma == "" {
				t.Errorf("token %q has no tags or lemma", tk.Form)
			}
			if tk.Head == nil || tk.Rel == nil || *tk.Head < -1 || *tk.Head >= len(sent) {
				t.Errorf("token %q: head %v, rel %v: want a head in the sentence and a relation", tk.Form, tk.Head, tk.Rel)
			} else if *tk.Head == -1 {
				roots++
			}
			prev = tk.End
			seen[tk.Form] = true
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots, want 1", i, roots)
		}
	}
	for _, f := range []string{"Erdoğan", "Москва", "東京", "n’t", "😀", "3.5"} {
		if !seen[f] {
			t.Errorf("no token %q", f)
		}
	}

	var back model.Document
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Tokens) != len(doc.Tokens) {
		t.Fatalf("read back %d token lists, want %d", len(back.Tokens), len(doc.Tokens))
	}
	for i := range doc.Tokens {
		for j, tk := range doc.Tokens[i] {
			if back.Tokens[i][j] != tk {
				t.Errorf("token %d.%d read back as %+v, want %+v", i, j, back.Tokens[i][j], tk)
			}
		}
	}

	// the document's own JSON, as stored, has no tokens
	plain, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(plain, &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["tokens"]; ok {
		t.Error("the plain document has a tokens field")
	}
}
