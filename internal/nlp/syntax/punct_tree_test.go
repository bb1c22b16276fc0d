package syntax

import (
	"os"
	"slices"
	"testing"
)

// TestAttachPunctOnTreebankTrees checks that on EWT dev's own trees of words the marks get
// the heads the treebank gives them, nearly always (96.7% when measured).
func TestAttachPunctOnTreebankTrees(t *testing.T) {
	const path = "../../../../shared/ud/en_ewt-dev.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the treebank %s is not here; the test needs ../shared", path)
	}
	sents, err := ReadCoNLLUFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var sc punctScratch
	n, right := 0, 0
	for _, s := range sents {
		toks := slices.Clone(s.Tokens)
		for i := range toks {
			// the marks are the tokens with the relation punct, hung from the first word
			if toks[i].Rel == "punct" {
				toks[i].UPOS, toks[i].Head = "PUNCT", 0
			} else if toks[i].UPOS == "PUNCT" {
				toks[i].UPOS = "SYM"
			}
		}
		attachPunct(toks, &sc)
		for i, g := range s.Tokens {
			if g.Rel == "punct" {
				n++
				if toks[i].Head == g.Head {
					right++
				}
			}
		}
	}
	if acc := float64(right) / float64(n); acc < 0.96 {
		t.Errorf("%d of %d marks (%.3f) get the treebank's head, want at least 0.96", right, n, acc)
	}
}
