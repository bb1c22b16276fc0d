package event

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

func TestParsedSubject(t *testing.T) {
	c, err := NewParsed()
	if err != nil {
		t.Fatal(err)
	}
	plain := testCoder(t)
	tests := []struct {
		name, text    string
		want, without []string
	}{
		{"subject beyond a relative clause with two verbs",
			"Donald Trump, who left the party leadership in 2019 but kept his seat, rejected the allegations on Thursday.",
			[]string{"REJECT USA>-"}, []string{"REJECT USA>-"}},
		{"subject beyond an apposition with a coordination",
			"Donald Trump, once the party's leader but now a backbencher with no seat, rejected the allegations on Thursday.",
			[]string{"REJECT USA>-"}, nil},
		{"subject found by the windows stays", "Russia attacked Ukraine on Monday.", []string{"ASSAULT RUS>UKR"}, []string{"ASSAULT RUS>UKR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := buildDoc(tt.text, testActors...)
			c.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tt.want) {
				t.Errorf("parsed: got %v, want %v", got, tt.want)
			}
			doc = buildDoc(tt.text, testActors...)
			plain.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tt.without) {
				t.Errorf("without the parse: got %v, want %v", got, tt.without)
			}
		})
	}
}

// countingParser counts the sentences it is asked to tag and parse.
type countingParser struct{ n int }

func (p *countingParser) Tag([]model.Token)   { p.n++ }
func (p *countingParser) Parse([]model.Token) { p.n++ }

// TestDepsReusesDocumentParse: a sentence the syntax stage already parsed is read from
// Document.Tokens at its own index, not parsed again.
func TestDepsReusesDocumentParse(t *testing.T) {
	text := "Ukraine is calm. Donald Trump, having left the party leadership in 2019 but kept his seat, rejected the allegations on Thursday."
	doc := buildDoc(text, testActors...)
	// a hand-made tree: "Trump" is the nsubj of "rejected", the root
	at := func(w string) model.Span { i := strings.Index(text, w); return model.Span{Start: i, End: i + len(w)} }
	tree := []model.Token{{Span: at("Trump"), Head: 1, Rel: "nsubj"}, {Span: at("rejected"), Head: -1, Rel: "root"}}
	doc.Tokens = [][]model.Token{{{Span: doc.Sentences[0], Head: -1, Rel: "root"}}, tree}
	if second := doc.Sentences[1]; tree[0].Start < second.Start || tree[1].End > second.End {
		t.Fatal("the tree is outside its sentence")
	}
	p := &countingParser{}
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c.WithOptions(Options{Tagger: p, Parser: p})
	c.Annotate(doc)
	if p.n != 0 {
		t.Errorf("parsed %d times; want the document's tree reused", p.n)
	}
	if got := triples(doc); !slices.Equal(got, []string{"REJECT USA>-"}) {
		t.Errorf("got %v, want the subject from the document's tree", got)
	}
}
