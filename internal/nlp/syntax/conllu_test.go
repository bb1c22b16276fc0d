package syntax

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# sent_id = s1
# text = He didn't go.
1	He	he	PRON	PRP	Case=Nom	3	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Tense=Past	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	VerbForm=Inf	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadWriteCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(strings.Replace(sample, "1\tHe\the\tPRON\tPRP\tCase=Nom\t3", "1\tHe\the\tPRON\tPRP\tCase=Nom\t4", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Tokens) != 5 {
		t.Fatalf("got %d sentences, %+v", len(sents), sents)
	}
	s := sents[0]
	if s.ID != "s1" || s.Text != "He didn't go." {
		t.Errorf("comments: %q %q", s.ID, s.Text)
	}
	if tok := s.Tokens[3]; tok.Form != "go" || tok.Head != -1 || tok.Rel != "root" || s.Misc[3] != "SpaceAfter=No" {
		t.Errorf("root token: %+v", tok)
	}
	if tok := s.Tokens[0]; tok.Head != 3 || tok.Rel != "nsubj" || tok.Feats != "Case=Nom" {
		t.Errorf("first token: %+v", tok)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := ReadCoNLLU(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || len(again[0].Tokens) != 5 || again[0].Tokens[2] != s.Tokens[2] {
		t.Errorf("round trip lost tokens: %+v", again)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	for name, in := range map[string]string{
		"columns":   "1\tHe\the\n",
		"order":     "2\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n",
		"head past": "1\tHe\the\tPRON\tPRP\t_\t5\troot\t_\t_\n",
		"bad head":  "1\tHe\the\tPRON\tPRP\t_\tx\troot\t_\t_\n",
	} {
		if _, err := ReadCoNLLU(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add(sample)
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, tok := range s.Tokens {
				if tok.Head < -1 || tok.Head >= len(s.Tokens) {
					t.Fatalf("head %d outside a sentence of %d", tok.Head, len(s.Tokens))
				}
			}
		}
	})
}
