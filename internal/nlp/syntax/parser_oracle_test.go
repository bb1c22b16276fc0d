package syntax

import (
	"os"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// oracleParse follows the cheapest legal action of the dynamic oracle from the start and
// returns the heads and relations it builds.
func oracleParse(toks []model.Token, labels []string) ([]int, []string) {
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	n := len(toks)
	gh, gr := goldArcs(toks, index)
	s := newParseState(toks, nil)
	inStack := make([]bool, n+1)
	inStack[n] = true
	cost := make([]int, 1+2*len(labels))
	root := index["root"]
	for !s.done() {
		s.costs(cost, gh, gr, inStack)
		best := -1
		for a := range cost {
			if s.legal(a, root) && (best < 0 || cost[a] < cost[best]) {
				best = a
			}
		}
		if best == 0 {
			inStack[s.b] = true
		} else {
			inStack[s.st(0)] = false
		}
		s.apply(best)
	}
	heads := make([]int, n)
	rels := make([]string, n)
	for i := range n {
		heads[i] = int(s.head[i])
		if heads[i] == n {
			heads[i] = -1
		}
		rels[i] = labels[s.rel[i]]
	}
	return heads, rels
}

func treeLabels(sents []Sentence) []string {
	seen := map[string]bool{"root": true}
	labels := []string{"root"}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if !seen[t.Rel] {
				seen[t.Rel] = true
				labels = append(labels, t.Rel)
			}
		}
	}
	return labels
}

// checkOracle reports whether the oracle rebuilds every projective tree and returns how
// many it checked.
func checkOracle(t *testing.T, sents []Sentence) int {
	t.Helper()
	labels := treeLabels(sents)
	checked := 0
	for _, s := range sents {
		if !isTree(s.Tokens) || !IsProjective(s.Tokens) {
			continue
		}
		checked++
		heads, rels := oracleParse(s.Tokens, labels)
		for i, g := range s.Tokens {
			if heads[i] != g.Head || rels[i] != g.Rel {
				t.Errorf("sentence %s token %d %q: oracle gives head %d %s, gold %d %s", s.ID, i+1, g.Form, heads[i]+1, rels[i], g.Head+1, g.Rel)
				break
			}
		}
	}
	return checked
}

func TestOracleRebuildsProjectiveTrees(t *testing.T) {
	sents, err := ReadCoNLLUFile("testdata/trees.conllu")
	if err != nil {
		t.Fatal(err)
	}
	projective := map[string]bool{}
	for _, s := range sents {
		projective[s.ID] = IsProjective(s.Tokens)
	}
	if projective["nonprojective"] {
		t.Error("the crossing arcs of sentence nonprojective were not seen")
	}
	if got := checkOracle(t, sents); got != len(sents)-1 {
		t.Errorf("checked %d projective trees, want %d", got, len(sents)-1)
	}
}

func TestOracleRebuildsTreebankTrees(t *testing.T) {
	const path = "../../../../shared/ud/en_ewt-dev.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skip("the UD English EWT treebank (../shared/ud) is not here")
	}
	sents, err := ReadCoNLLUFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := checkOracle(t, sents); n < len(sents)*9/10 {
		t.Errorf("only %d of %d EWT dev trees are projective trees", n, len(sents))
	}
}
