package syntax

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

func TestLemmatize(t *testing.T) {
	tests := []struct{ form, upos, xpos, want string }{
		{"cities", "NOUN", "NNS", "city"},
		{"boxes", "NOUN", "NNS", "box"},
		{"dogs", "NOUN", "NNS", "dog"},
		{"stopped", "VERB", "VBD", "stop"},
		{"running", "VERB", "VBG", "run"},
		{"was", "AUX", "VBD", "be"},
		{"children", "NOUN", "NNS", "child"},
		{"Paris", "PROPN", "NNP", "Paris"},
		{"The", "DET", "DT", "the"},
		{"happier", "ADJ", "JJR", "happy"},
	}
	for _, tc := range tests {
		if got := Lemmatize(tc.form, tc.upos, tc.xpos); got != tc.want {
			t.Errorf("Lemmatize(%q, %s, %s) = %q, want %q", tc.form, tc.upos, tc.xpos, got, tc.want)
		}
	}
}

func loadTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := LoadTagger()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTag(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct{ text, want string }{
		{"The president said he would visit Moscow.", "DET NOUN VERB PRON AUX VERB PROPN PUNCT"},
		{"Protesters were arrested in Tehran on Friday.", "NOUN AUX VERB ADP PROPN ADP PROPN PUNCT"},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.text)
		tg.Tag(toks)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.UPOS)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, g, tc.want)
		}
	}
}

type rootParser struct{}

func (rootParser) Parse(toks []model.Token) {
	for i := range toks {
		toks[i].Head, toks[i].Rel = 0, "dep"
	}
	toks[0].Head, toks[0].Rel = -1, "root"
}

func TestAnnotator(t *testing.T) {
	text := "Putin called Pezeshkian. They didn't agree."
	d := &model.Document{Text: text, Sentences: []model.Span{{Start: 0, End: 24}, {Start: 25, End: len(text)}}}
	a := NewAnnotator(loadTagger(t), Options{Parser: rootParser{}})
	a.Annotate(d)
	if len(d.Tokens) != 2 || len(d.Tokens[1]) != 5 {
		t.Fatalf("tokens: %+v", d.Tokens)
	}
	for _, s := range d.Tokens {
		for _, tk := range s {
			if text[tk.Start:tk.End] != tk.Form || tk.UPOS == "" || tk.Lemma == "" || tk.Rel == "" {
				t.Errorf("bad token %+v", tk)
			}
		}
	}
	if l := d.Tokens[1][2].Lemma; l != "not" {
		t.Errorf("lemma of n't = %q", l)
	}
}

func FuzzAnnotate(f *testing.F) {
	tg := loadTagger(f)
	a := NewAnnotator(tg, Options{})
	for _, s := range []string{"", "?!.,;", "Hello, world.", "Привет мир 東京 don't", strings.Repeat("word ", 10000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &model.Document{Text: s, Sentences: []model.Span{{Start: 0, End: len(s)}}}
		a.Annotate(d)
		if len(d.Tokens) != 1 {
			t.Fatalf("%d token slices for one sentence", len(d.Tokens))
		}
	})
}

func BenchmarkTag(b *testing.B) {
	tg := loadTagger(b)
	toks := Tokenize("Russian President Vladimir Putin has held a phone call with his Iranian counterpart, the Kremlin said on Friday, amid mass protests in the Islamic Republic.")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(toks)
	}
	b.ReportMetric(float64(b.N*len(toks))/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoadTagger(b *testing.B) {
	for b.Loop() {
		loadTagger(b)
	}
}

func TestWordClasses(t *testing.T) {
	var sents [][]string
	for _, n := range []string{"cat", "dog", "bird", "horse"} {
		for _, v := range []string{"runs", "sleeps", "eats", "sings"} {
			for _, d := range []string{"the", "a"} {
				sents = append(sents, []string{d, n, v})
			}
		}
	}
	c := WordClasses(sents, 3, 1, 20)
	same := func(a, b string) bool { return c[a] == c[b] }
	if !same("cat", "dog") || !same("bird", "horse") || !same("runs", "sings") || !same("the", "a") {
		t.Errorf("words in the same contexts in different classes: %v", c)
	}
	if same("cat", "runs") || same("the", "cat") || same("the", "runs") {
		t.Errorf("words in different contexts in one class: %v", c)
	}
}

// stringTag tags as Tag does by building every feature as a string and looking it up by
// name: the way the tagger was first written, which Tag must match exactly.
func stringTag(t *Tagger, index [2]map[string]int32, toks []model.Token) {
	words := make([]string, len(toks))
	lows := make([]string, len(toks))
	for i := range toks {
		words[i] = toks[i].Form
		lows[i] = strings.ToLower(toks[i].Form)
	}
	scores := make([]float32, len(t.Labels))
	cls := t.classes(lows)
	lead := make([]float32, len(words))
	pass := func(w *Weights, index map[string]int32, right []string) []string {
		out := make([]string, len(words))
		p1, p2 := "<s>", "<s>"
		for i := range words {
			lab, ok := t.Dict[lows[i]]
			switch {
			case ok:
			case right != nil && t.Margin > 0 && lead[i] >= float32(t.Margin):
				out[i] = right[i]
			default:
				clear(scores)
				for _, f := range features(nil, words, lows, cls, i, p1, p2, right) {
					if k, ok := index[f]; ok {
						for j := w.Off[k]; j < w.Off[k+1]; j++ {
							scores[w.Lab[j]] += float32(w.Val[j])
						}
					}
				}
				lab = argmaxScore(scores)
				if right == nil {
					next := float32(math.Inf(-1))
					for j, v := range scores {
						if j != lab {
							next = max(next, v)
						}
					}
					lead[i] = scores[lab] - next
				}
			}
			if out[i] == "" {
				out[i] = t.Labels[lab]
			}
			p2, p1 = p1, out[i]
		}
		return out
	}
	labs := pass(&t.Second, index[1], pass(&t.First, index[0], nil))
	for i := range toks {
		l := labs[i]
		u, x, _ := strings.Cut(l, " ")
		toks[i].UPOS, toks[i].XPOS = u, x
		key := lows[i] + " " + l
		if f, ok := t.Feats[key]; ok {
			toks[i].Feats = f
		} else {
			toks[i].Feats = t.Feats[l]
		}
		if lm, ok := t.Lemmas[key]; ok {
			toks[i].Lemma = lm
		} else {
			toks[i].Lemma = Lemmatize(toks[i].Form, u, x)
		}
	}
}

func nameIndex(t *Tagger) [2]map[string]int32 {
	var out [2]map[string]int32
	for p, w := range []*Weights{&t.First, &t.Second} {
		out[p] = make(map[string]int32, len(w.Names))
		for i, n := range w.Names {
			out[p][n] = int32(i)
		}
	}
	return out
}

// sameTags reports the first sentence that Tag and stringTag tag differently.
func sameTags(t *testing.T, tg *Tagger, index [2]map[string]int32, sents [][]string) {
	t.Helper()
	for _, words := range sents {
		a := make([]model.Token, len(words))
		b := make([]model.Token, len(words))
		for i, w := range words {
			a[i].Form, b[i].Form = w, w
		}
		tg.Tag(a)
		stringTag(tg, index, b)
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("%q word %d: Tag gives %+v, the string features %+v", words, i, a[i], b[i])
			}
		}
	}
}

func TestTagMatchesStringFeatures(t *testing.T) {
	tg := loadTagger(t)
	index := nameIndex(tg)
	sents := [][]string{
		{},
		{"Hello"},
		{"The", "U.S.-backed", "forces", "re-entered", "Aleppo", "on", "Friday", "."},
		{"Москва", "and", "Zürich", "ÉTATS-UNIS", "東京", "naïve", "café", "-", "--", "a-", "-b"},
		{"bad\xffbyte", "\xc3", "x\x00y", "İstanbul", "ǅemal", "KELVIN\u212a"},
		{"He", "said", "it", "was", "n't", "true", "'s", "3,000", "1990s", "@user", "http://x.y/z"},
		{"RUNNING", "Running", "running", "quickly", "happier", "children", "boxes"},
	}
	for _, sent := range Tokenize("Russian President Vladimir Putin has held a phone call with his Iranian counterpart, the Kremlin said on Friday, amid mass protests in the Islamic Republic.") {
		sents[1] = append(sents[1], sent.Form)
	}
	trees, err := ReadCoNLLUFile("testdata/trees.conllu")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range trees {
		var ws []string
		for _, tk := range s.Tokens {
			ws = append(ws, tk.Form)
		}
		sents = append(sents, ws)
	}
	sameTags(t, tg, index, sents)
}

// TestTagMatchesStringFeaturesUD checks the same on whole treebanks, when they are there.
func TestTagMatchesStringFeaturesUD(t *testing.T) {
	if testing.Short() {
		t.Skip("the treebank comparison is slow; run without -short")
	}
	tg := loadTagger(t)
	index := nameIndex(tg)
	for _, name := range []string{"en_ewt-dev", "en_ewt-test", "en_gum-test"} {
		path := "../../../../shared/ud/" + name + ".conllu.gz"
		if _, err := os.Stat(path); err != nil {
			t.Skipf("the treebank %s is not here (%v); the test needs ../shared", path, err)
		}
		treebank, err := ReadCoNLLUFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var sents [][]string
		for _, s := range treebank {
			ws := make([]string, len(s.Tokens))
			for i, tk := range s.Tokens {
				ws[i] = tk.Form
			}
			sents = append(sents, ws)
		}
		sameTags(t, tg, index, sents)
		t.Logf("%s: %d sentences tagged the same", name, len(sents))
	}
}

// BenchmarkTagTrees tags the test trees' sentences in turn, so that the weights they need
// are not all in the cache as when one sentence is tagged again and again.
func BenchmarkTagTrees(b *testing.B) {
	trees, err := ReadCoNLLUFile("testdata/trees.conllu")
	if err != nil {
		b.Fatal(err)
	}
	benchTag(b, trees)
}

// BenchmarkTagDev tags EWT dev's sentences (the test trees without ../shared) in turn: a
// realistic spread of words, whose weights do not all stay in the cache.
func BenchmarkTagDev(b *testing.B) {
	benchTag(b, benchSentences(b))
}

// benchTag tags the words of sents in turn and reports tokens per second.
func benchTag(b *testing.B, sents []Sentence) {
	tg := loadTagger(b)
	var toks [][]model.Token
	n := 0
	for _, s := range sents {
		toks = append(toks, formsOnly(s.Tokens))
		n += len(s.Tokens)
	}
	// collect the garbage of loading the model now, not while tagging
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range toks {
			tg.Tag(s)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "tokens/s")
}

func TestWeightsBuild(t *testing.T) {
	tests := []struct {
		names []string
		ok    bool
	}{
		{[]string{"b", "w=the", "r2=NOUN NN"}, true},
		{nil, true},
		// one name twice stands for two names with one hash
		{[]string{"w=the", "s1=e", "w=the"}, false},
	}
	for _, tc := range tests {
		w := Weights{Names: tc.names}
		for i := range tc.names {
			w.Off = append(w.Off, int32(i))
			w.Lab = append(w.Lab, uint8(i))
			w.Val = append(w.Val, int16(100*(i+1)))
		}
		w.Off = append(w.Off, int32(len(tc.names)))
		err := w.build()
		if (err == nil) != tc.ok {
			t.Errorf("%q: build error %v, want ok %v", tc.names, err, tc.ok)
			continue
		}
		if !tc.ok {
			continue
		}
		for i, n := range tc.names {
			var scores [256]int32
			st := &tagState{feats: []uint64{mix(fnvOffset, n), mix(fnvOffset, n+"?")}}
			w.score(&scores, st)
			if scores[i] != int32(100*(i+1)) {
				t.Errorf("%q: score of label %d = %d, want %d", n, i, scores[i], 100*(i+1))
			}
		}
	}
}

// TestTrainTagger trains a small model without word classes on the test trees and checks
// that it learns them and that Tag matches the string features with it too.
func TestTrainTagger(t *testing.T) {
	trees, err := ReadCoNLLUFile("testdata/trees.conllu")
	if err != nil {
		t.Fatal(err)
	}
	tg, err := TrainTagger(trees, 6, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sents [][]string
	right, n := 0, 0
	for _, s := range trees {
		toks := make([]model.Token, len(s.Tokens))
		ws := make([]string, len(s.Tokens))
		for i, tk := range s.Tokens {
			toks[i].Form, ws[i] = tk.Form, tk.Form
		}
		tg.Tag(toks)
		for i, tk := range s.Tokens {
			n++
			if toks[i].UPOS == tk.UPOS {
				right++
			}
		}
		sents = append(sents, ws)
	}
	if right*10 < n*9 {
		t.Errorf("the model tags %d of its %d training words right", right, n)
	}
	sameTags(t, tg, nameIndex(tg), sents)
}

// FuzzTagMatchesStringFeatures compares Tag with the string features on any words,
// invalid UTF-8 included.
func FuzzTagMatchesStringFeatures(f *testing.F) {
	tg := loadTagger(f)
	index := nameIndex(tg)
	for _, s := range []string{"The U.S.-led talks", "Zürich ÉTATS-UNIS", "bad\xff byte \xc3", "a - -b c-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameTags(t, tg, index, [][]string{strings.Fields(s)})
	})
}

// TestWeightsScoreLanes checks that rows added whole in 16-bit lanes, many at once, sum to
// the same scores as the weights one by one, with weights at the edge of the lanes' range,
// rows too large for them and more rows than one batch of lanes holds.
func TestWeightsScoreLanes(t *testing.T) {
	tests := []struct {
		name string
		row  func(f, l int) int16 // feature f's weight for label l, 0 for none
	}{
		{"small weights", func(f, l int) int16 { return int16((f*7+l*3)%41 - 20) }},
		{"the lanes' edges", func(f, l int) int16 { return int16([]int{laneBias - 1, 1 - laneBias, 0, 5}[(f+l)%4]) }},
		{"one row too large for lanes", func(f, l int) int16 {
			if f == 3 && l == 2 {
				return laneBias
			}
			return int16(l%5 - 2)
		}},
		{"sparse rows", func(f, l int) int16 {
			if l%9 != f%9 {
				return 0
			}
			return -300
		}},
	}
	const labels, feats = 107, 3*laneRows + 2
	for _, tc := range tests {
		var w Weights
		var want [256]int32
		st := &tagState{}
		for f := range feats {
			n := fmt.Sprintf("f=%d", f)
			w.Names = append(w.Names, n)
			w.Off = append(w.Off, int32(len(w.Lab)))
			for l := range labels {
				if v := tc.row(f, l); v != 0 {
					w.Lab, w.Val = append(w.Lab, uint8(l)), append(w.Val, v)
					want[l] += int32(v)
				}
			}
			st.feats = append(st.feats, mix(fnvOffset, n))
		}
		w.Off = append(w.Off, int32(len(w.Lab)))
		if err := w.build(); err != nil {
			t.Fatal(err)
		}
		var got [256]int32
		w.score(&got, st)
		if got != want {
			t.Errorf("%s: scores %v, want %v", tc.name, got[:labels], want[:labels])
		}
	}
}

func TestArgmaxLead(t *testing.T) {
	tests := []struct {
		scores []int32
		best   int
		lead   int32
	}{
		{[]int32{5}, 0, math.MaxInt32},
		{[]int32{1, 9, 4}, 1, 5},
		{[]int32{9, 1, 4}, 0, 5},
		{[]int32{-3, -8, -1}, 2, 2},
		{[]int32{7, 7, 2}, 0, 0},
		{[]int32{2, 7, 7}, 1, 0},
	}
	for _, tc := range tests {
		b, lead := argmaxLead(tc.scores)
		if b != tc.best || lead != tc.lead {
			t.Errorf("argmaxLead(%v) = %d, %d; want %d, %d", tc.scores, b, lead, tc.best, tc.lead)
		}
	}
}

// TestMarginSkipsSecondPass checks that a margin no lead reaches gives the two passes' tags
// and one every lead reaches the first pass's alone.
func TestMarginSkipsSecondPass(t *testing.T) {
	tg := loadTagger(t)
	words := strings.Fields("The ministry said on Tuesday that talks would resume next week in Geneva .")
	tagWith := func(margin int32, w *Weights) []string {
		c := *tg
		c.Margin = margin
		if w != nil {
			return c.labels(w, words)
		}
		toks := make([]model.Token, len(words))
		for i, f := range words {
			toks[i].Form = f
		}
		c.Tag(toks)
		out := make([]string, len(toks))
		for i, tk := range toks {
			out[i] = tk.UPOS + " " + tk.XPOS
		}
		return out
	}
	first := tagWith(0, &tg.First)
	if got := tagWith(1, nil); !slices.Equal(got, first) {
		t.Errorf("with margin 1 the tags are %v, want the first pass's %v", got, first)
	}
	if got, want := tagWith(math.MaxInt32, nil), tagWith(0, nil); !slices.Equal(got, want) {
		t.Errorf("with the largest margin the tags are %v, want both passes' %v", got, want)
	}
}
