package syntax

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// outputDigest tags and parses the sentences from their forms and returns the SHA-256 of
// every token's lemma, tags, features, head and relation.
func outputDigest(t *testing.T, tg *Tagger, p *Parser, sents []Sentence) string {
	t.Helper()
	h := sha256.New()
	for _, s := range sents {
		toks := formsOnly(s.Tokens)
		tg.Tag(toks)
		p.Parse(toks)
		for _, k := range toks {
			fmt.Fprintf(h, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", k.Form, k.Lemma, k.UPOS, k.XPOS, k.Feats, k.Head, k.Rel)
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// The digests of the embedded models' tags and parses. A change meant only to make tagging
// or parsing faster must leave them as they are; a new model or a new rule (such as the
// attachment of punctuation after the parse) changes them, and then they are measured again.
var outputDigests = []struct{ path, digest string }{
	{"testdata/trees.conllu", "e42f06348f2c4b9f61926ce0bbb9f3ddc2140c44f43c844a2ccb8f4d6c92313c"},
	{"../../../../shared/ud/en_ewt-dev.conllu.gz", "dbef6052aa5a3a770830f13fba1a7ff37b2be395e51b4906150f288a2e349f11"},
	{"../../../../shared/ud/en_ewt-test.conllu.gz", "1cbbe0e240742f56a0f5214a5e965ffbe98488d3559466b071faac4896281f2e"},
	{"../../../../shared/ud/en_gum-test.conllu.gz", "2253f5bf448864f258eb00a49b6c78d8f7d685fd39d4d962568150ac58dfd52c"},
}

func TestTagAndParseOutputUnchanged(t *testing.T) {
	tg, p := loadTestModels(t)
	for _, c := range outputDigests {
		t.Run(c.path, func(t *testing.T) {
			if _, err := os.Stat(c.path); err != nil {
				t.Skipf("the treebank %s is not here; the test needs ../shared", c.path)
			}
			if testing.Short() && c.path != "testdata/trees.conllu" {
				t.Skip("the treebank comparison is slow; run without -short")
			}
			sents, err := ReadCoNLLUFile(c.path)
			if err != nil {
				t.Fatal(err)
			}
			if got := outputDigest(t, tg, p, sents); got != c.digest {
				t.Errorf("tags and parses of %s have digest %s, want %s", c.path, got, c.digest)
			}
		})
	}
}

// TestParserRowsKeepWeights checks that the move weights repacked on loading unpack to
// those of the model file, as Write and Pruned need them.
func TestParserRowsKeepWeights(t *testing.T) {
	_, p := loadTestModels(t)
	var file Parser
	if err := readModel(bytes.NewReader(parserModel), "parser", &file); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.moves(), file.Moves) {
		t.Error("the move weights unpacked from the rows differ from the model file's")
	}
	for _, v := range []int16{0, 1, -1, 255, -256, 32767, -32768} {
		if got := unbiased(biased(v)); got != v {
			t.Errorf("weight %d unpacks to %d", v, got)
		}
	}
}

// TestFeatureHashZeroReadsAsOne checks that a feature hash of 0, which h1, h2 and h3 may
// give where f1, f2 and f3 give 1, reads the same weights.
func TestFeatureHashZeroReadsAsOne(t *testing.T) {
	if key32(0) != key32(1) {
		t.Errorf("key32(0) = %d, key32(1) = %d", key32(0), key32(1))
	}
	for _, bits := range []uint8{1, 12, 22, 30} {
		if moveRow(0, bits) != moveRow(1, bits) {
			t.Errorf("with %d bits, hash 0 reads row %d and hash 1 row %d", bits, moveRow(0, bits), moveRow(1, bits))
		}
	}
	for _, c := range []struct{ t, a, b uint64 }{{1, 0, 0}, {2, 7, 9}, {45, noneValue, rootValue}} {
		if g, w := h1(c.t, c.a), f1(c.t, c.a); g != w && !(g == 0 && w == 1) {
			t.Errorf("h1(%d, %d) = %d, f1 = %d", c.t, c.a, g, w)
		}
		if g, w := h2(c.t, c.a, c.b), f2(c.t, c.a, c.b); g != w && !(g == 0 && w == 1) {
			t.Errorf("h2(%d, %d, %d) = %d, f2 = %d", c.t, c.a, c.b, g, w)
		}
	}
}

// treeDigest parses the sentences from their gold forms, lemmas and tags, so that the
// tagger does not enter, and returns the SHA-256 of every token's head and relation.
func treeDigest(p *Parser, sents []Sentence) string {
	h := sha256.New()
	for _, s := range sents {
		toks := make([]model.Token, len(s.Tokens))
		for i, g := range s.Tokens {
			toks[i] = model.Token{Form: g.Form, Lemma: g.Lemma, UPOS: g.UPOS, XPOS: g.XPOS}
		}
		p.Parse(toks)
		for _, k := range toks {
			fmt.Fprintf(h, "%d\t%s\n", k.Head, k.Rel)
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// The digests of the embedded parsers' trees of EWT dev with gold tags. A change meant only
// to make parsing faster must leave them as they are; a new parser model changes them.
var treeDigests = []struct {
	beam   bool
	digest string
}{
	{false, "4e1903a0040328b5c54260e561d5726ea480bd7be9b65cad6254dd229b93fa1a"},
	{true, "377e4c2f3d0ae838b6c86122a76f2b28b323977f9e3ba5b4472db72a894c3d6b"},
}

func TestParserTreesUnchanged(t *testing.T) {
	path := "../../../../shared/ud/en_ewt-dev.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the treebank %s is not here; the test needs ../shared", path)
	}
	if testing.Short() {
		t.Skip("the treebank comparison is slow; run without -short")
	}
	sents, err := ReadCoNLLUFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range treeDigests {
		p, err := LoadParserFor(c.beam)
		if err != nil {
			t.Fatal(err)
		}
		if got := treeDigest(p, sents); got != c.digest {
			t.Errorf("beam %v: trees of %s have digest %s, want %s", c.beam, path, got, c.digest)
		}
	}
}
