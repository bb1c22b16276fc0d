package main

import (
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/ner"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

func TestGUMSentence(t *testing.T) {
	tok := func(form, upos, xpos string) model.Token { return model.Token{Form: form, UPOS: upos, XPOS: xpos} }
	s := syntax.Sentence{
		Tokens: []model.Token{
			tok("The", "DET", "DT"), tok("University", "PROPN", "NNP"), tok("of", "ADP", "IN"), tok("Chicago", "PROPN", "NNP"),
			tok("hired", "VERB", "VBD"), tok("a", "DET", "DT"), tok("Swiss", "ADJ", "JJ"), tok("mathematician", "NOUN", "NN"),
			tok("and", "CCONJ", "CC"), tok("the", "DET", "DT"), tok("Kurds", "PROPN", "NNPS"),
		},
		Misc: []string{
			"Entity=(1-organization-new-nnnnn-cf1-2-sgl", "", "", "Entity=(2-place-new-nnnnn-cf2-1-sgl)1)",
			"", "Entity=(3-person-new-nnnnn-cf3-3-sgl", "", "Entity=3)",
			"", "Entity=(4-person-new-nnnnn-cf4-2-sgl", "SpaceAfter=No|Entity=4)",
		},
	}
	got := gumSentence(s)
	want := []ner.Name{{Start: 1, End: 4, Kind: ner.KindOrganization}, {Start: 10, End: 11, Kind: ner.KindGroup}}
	if len(got.Names) != len(want) {
		t.Fatalf("names %+v, want %+v", got.Names, want)
	}
	for i := range want {
		if got.Names[i] != want[i] {
			t.Errorf("name %d = %+v, want %+v", i, got.Names[i], want[i])
		}
	}
}

func TestParseEntities(t *testing.T) {
	tests := []struct {
		misc []string
		want []entity
	}{
		{[]string{"Entity=(1-person-new-sssss-cf1-1,2-coref-Daniel_Bernoulli", "Entity=1)"},
			[]entity{{start: 0, end: 2, etype: "person", minspan: []int{0, 1}}}},
		{[]string{"Entity=(11-abstract-new-nnnnn-cf3-2-sgl(1-person-giv-s-cf1-1-ana-X)", "Entity=11)"},
			[]entity{{start: 0, end: 1, etype: "person", minspan: []int{0}}, {start: 0, end: 2, etype: "abstract", minspan: []int{1}}}},
		{[]string{"Entity=9)", "Entity=(("}, nil},
	}
	for _, tt := range tests {
		got := parseEntities(tt.misc)
		if len(got) != len(tt.want) {
			t.Errorf("parseEntities(%q) = %+v, want %+v", tt.misc, got, tt.want)
			continue
		}
		for i := range got {
			g, w := got[i], tt.want[i]
			if g.start != w.start || g.end != w.end || g.etype != w.etype || len(g.minspan) != len(w.minspan) {
				t.Errorf("parseEntities(%q)[%d] = %+v, want %+v", tt.misc, i, g, w)
			}
		}
	}
}

func FuzzParseEntities(f *testing.F) {
	f.Add("Entity=(1-person-new-sssss-cf1-1,2-coref-X", "Entity=1)")
	f.Add("Entity=(2-place-a-b-c-1)3)", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, e := range parseEntities([]string{a, b}) {
			if e.start < 0 || e.end > 2 || e.start >= e.end {
				t.Fatalf("bad mention %+v", e)
			}
		}
	})
}
