package syntax

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// tree makes tokens from "form/head" pairs (head -1 for the root); forms that are
// punctuation marks get UPOS PUNCT and head 0.
func tree(t *testing.T, spec string) []model.Token {
	t.Helper()
	var toks []model.Token
	for _, f := range strings.Fields(spec) {
		form, head, ok := strings.Cut(f, "/")
		tok := model.Token{Form: form, UPOS: "PUNCT", Rel: "dep"}
		if ok {
			tok.UPOS = "X"
			for _, c := range strings.TrimPrefix(head, "-") {
				tok.Head = tok.Head*10 + int(c-'0')
			}
			if strings.HasPrefix(head, "-") {
				tok.Head, tok.Rel = -tok.Head, "root"
			}
		}
		toks = append(toks, tok)
	}
	return toks
}

func TestAttachPunct(t *testing.T) {
	cases := []struct {
		name, spec string
		want       []int
	}{
		{"comma before a conjunct, full stop to the root",
			"He/1 left/-1 , and/5 she/5 stayed/1 .", []int{1, -1, 5, 5, 5, 1, 1}},
		{"quotation marks around a clause",
			`She/1 said/-1 " go/1 home/3 " .`, []int{1, -1, 3, 1, 3, 3, 1}},
		{"brackets around a phrase",
			"Sales/-1 ( 40/4 per/4 cent/0 ) rose/0", []int{-1, 4, 4, 4, 0, 4, 0}},
		{"a comma inside a relative clause's span goes to the lower word",
			"The/1 man/6 , who/4 left/1 , smiled/-1 .", []int{1, 6, 4, 4, 1, 1, -1, 6}},
		{"a word hung from a mark goes up to the mark's head",
			"Hello/-1 , world/1", []int{-1, 2, 0}},
		{"no words", "! ?", []int{0, 0}},
	}
	var sc punctScratch
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := tree(t, c.spec)
			attachPunct(toks, &sc)
			got := make([]int, len(toks))
			for i, k := range toks {
				got[i] = k.Head
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("heads %v, want %v", got, c.want)
			}
		})
	}
}
