package event

import (
	"strings"
	"testing"
	"unicode"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func TestHasNegSuffix(t *testing.T) {
	for _, w := range []string{"don't", "DON'T", "Didn'T", "can’t", "CAN’T", "won’t", "n't", "nt", "t", "", "isn’", "cant", "İn't", "Kn’t", "don’t’", "x’n't"} {
		for _, apos := range []string{"'", "’"} {
			want := strings.HasSuffix(strings.ToLower(w), "n"+apos+"t")
			if got := hasNegSuffix(w, apos); got != want {
				t.Errorf("hasNegSuffix(%q, %q) = %v, want %v", w, apos, got, want)
			}
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestFromLayerMatchesTokenize(t *testing.T) {
	for _, text := range []string{
		"They didn't say we're done, and it's over.",
		"The envoys’ talks can't go on; IT’S late.",
		"Mr. Ruto paid $1,000 at 10:30 to AT&T in the U.S.-led talks.",
		"US-Ukraine ties and pro-democracy groups gained 3.5.",
		"She has a Ph.D. from the U.N. agency.",
		"The Jairan 's data... “We won’t,” she said!",
		"Visit www.example.org/news-today or write to desk@example.org.",
		"",
	} {
		want := tokenize(text, 0, len(text), nil)
		got := fromLayer(text, syntax.Tokenize(text), len(text), nil)
		if g, w := spans(text, got), spans(text, want); g != w {
			t.Errorf("fromLayer(%q) = %s, want %s", text, g, w)
		}
	}
}

func TestSentenceTokensFallsBack(t *testing.T) {
	text := "We're here. They aren't."
	doc := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: 11}, {Start: 12, End: len(text)}}}
	want := "They|are|n't|."
	if got := spans(text, sentenceTokens(doc, 1, doc.Sentences[1], nil)); got != want {
		t.Errorf("without the layer: %s, want %s", got, want)
	}
	// the layer's tokens are read when the document has them
	doc.Tokens = [][]model.Token{syntax.AppendTokens(nil, text, 0, 11), syntax.AppendTokens(nil, text, 12, len(text))}
	doc.Tokens[1] = doc.Tokens[1][:2] // "They" "are": a layer that says otherwise is believed
	if got, want := spans(text, sentenceTokens(doc, 1, doc.Sentences[1], nil)), "They|are"; got != want {
		t.Errorf("with the layer: %s, want %s", got, want)
	}
}

func spans(text string, toks []token) string {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(text[tk.start:tk.end])
	}
	return b.String()
}

func TestIsASCIIWord(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"Ruto", true}, {"G20", true}, {"1990", true}, {"", true},
		{"U.S", false}, {"pro-democracy", false}, {"it's", false}, {"Zürich", false}, {"a@b", false}, {"x[", false}, {"`", false},
	} {
		if got := isASCIIWord(tc.w); got != tc.want {
			t.Errorf("isASCIIWord(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
