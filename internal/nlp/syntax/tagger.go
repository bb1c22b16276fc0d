package syntax

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Tagger is an averaged-perceptron part-of-speech tagger. Each label is a UPOS and Penn
// Treebank tag pair ("NOUN NN"); frequent unambiguous words are tagged from a dictionary.
type Tagger struct {
	Labels []string
	// First tags left to right from the words and the tags on the left; Second tags again
	// with the first pass's tags of the two words on the right as well.
	First, Second Weights
	// Dict maps frequent unambiguous lower-cased words to their label index.
	Dict map[string]int
	// Feats maps "lower-cased word label" and, as a fallback, "label" to the most frequent
	// CoNLL-U features; Lemmas maps "lower-cased word label" to the lemma seen in training.
	Feats  map[string]string
	Lemmas map[string]string
	// Classes maps lower-cased words to their distributional classes, coarse and fine
	// ("12 301"), computed by WordClasses from unlabelled text.
	Classes map[string]string
}

// Weights are a perceptron's sparse weights, in hundredths: feature Names[i] has weight
// Val[k] for label Lab[k], for k in Off[i]..Off[i+1].
type Weights struct {
	Names []string
	Off   []int32
	Lab   []uint8
	Val   []int16
	index map[string]int32
}

func (w *Weights) build() {
	w.index = make(map[string]int32, len(w.Names))
	for i, n := range w.Names {
		w.index[n] = int32(i)
	}
}

// newWeights keeps the weights of m that round to a non-zero number of hundredths.
func newWeights(m map[string][]float32) Weights {
	var w Weights
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		start := len(w.Lab)
		for l, v := range m[n] {
			if q := int16(max(-32000, min(32000, v*100))); q != 0 {
				w.Lab = append(w.Lab, uint8(l))
				w.Val = append(w.Val, q)
			}
		}
		if len(w.Lab) > start {
			w.Names = append(w.Names, n)
			w.Off = append(w.Off, int32(start))
		}
	}
	w.Off = append(w.Off, int32(len(w.Lab)))
	w.build()
	return w
}

//go:embed tagger.model.gz
var taggerModel []byte

// LoadTagger reads the embedded tagger model.
func LoadTagger() (*Tagger, error) {
	return ReadTagger(bytes.NewReader(taggerModel))
}

// ReadTagger reads a gzip'd tagger model written by Tagger.Write.
func ReadTagger(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading the tagger model: %w", err)
	}
	defer zr.Close()
	var t Tagger
	if err := gob.NewDecoder(zr).Decode(&t); err != nil {
		return nil, fmt.Errorf("decoding the tagger model: %w", err)
	}
	t.First.build()
	t.Second.build()
	return &t, nil
}

// Write writes the model gzip'd.
func (t *Tagger) Write(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(t); err != nil {
		return fmt.Errorf("encoding the tagger model: %w", err)
	}
	return zw.Close()
}

func shape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

func suffix(w string, n int) string {
	if utf8.RuneCountInString(w) <= n {
		return w
	}
	r := []rune(w)
	return string(r[len(r)-n:])
}

func prefix(w string, n int) string {
	r := []rune(w)
	if len(r) <= n {
		return w
	}
	return string(r[:n])
}

// at returns xs[k], or a sentence boundary mark when k is outside xs.
func at(xs []string, k int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(xs) {
		return "</s>"
	}
	return xs[k]
}

// features appends the features of word i given the labels of the two words before it.
// With right (the first pass's labels), the labels of the two words after it too.
func features(buf []string, words, lows []string, cls [][2]string, i int, p1, p2 string, right []string) []string {
	return tagFeatures(wordFeatures(buf[:0], words, lows, cls, i), words, lows, cls, i, p1, p2, right)
}

// cls returns the class (j: 0 coarse, 1 fine) of word k, or a boundary mark.
func class(cls [][2]string, k, j int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(cls) {
		return "</s>"
	}
	return cls[k][j]
}

// wordFeatures appends the features of word i that do not depend on tags.
func wordFeatures(buf []string, words, lows []string, cls [][2]string, i int) []string {
	w := words[i]
	lw := lows[i]
	get := func(k int) string { return at(lows, k) }
	buf = append(buf, "b",
		"w="+lw, "s1="+suffix(lw, 1), "s2="+suffix(lw, 2), "s3="+suffix(lw, 3), "s4="+suffix(lw, 4),
		"p1="+prefix(lw, 1), "p3="+prefix(lw, 3), "sh="+shape(w),
		"w-1="+get(i-1), "w-2="+get(i-2), "w+1="+get(i+1), "w+2="+get(i+2),
		"s3-1="+suffix(get(i-1), 3), "s3+1="+suffix(get(i+1), 3),
		"w-1w="+get(i-1)+" "+lw, "ww+1="+lw+" "+get(i+1))
	if i == 0 {
		buf = append(buf, "first", "first sh="+shape(w))
	}
	if strings.ContainsRune(w, '-') {
		buf = append(buf, "hyph")
	}
	orig := func(k int) string { return at(words, k) }
	buf = append(buf, "s5="+suffix(lw, 5), "s2-1="+suffix(get(i-1), 2)+" "+suffix(lw, 3),
		"W="+w, "p2="+prefix(lw, 2), "p4="+prefix(lw, 4),
		"w-1w+1="+get(i-1)+" "+get(i+1), "sp-1="+shape(orig(i-1)), "sp+1="+shape(orig(i+1)))
	if k := strings.LastIndexByte(lw, '-'); k > 0 && k < len(lw)-1 {
		buf = append(buf, "hl="+lw[k+1:], "hf="+lw[:k])
	}
	if cls != nil {
		buf = append(buf, "cc="+class(cls, i, 0), "cf="+class(cls, i, 1), "cf-1="+class(cls, i-1, 1),
			"cf+1="+class(cls, i+1, 1), "cc-1cc+1="+class(cls, i-1, 0)+" "+class(cls, i+1, 0),
			"cc-2="+class(cls, i-2, 0), "cc+2="+class(cls, i+2, 0))
	}
	return buf
}

// tagFeatures appends the features of word i that join it with the labels of the words
// around it.
func tagFeatures(buf []string, words, lows []string, cls [][2]string, i int, p1, p2 string, right []string) []string {
	w := words[i]
	lw := lows[i]
	buf = append(buf, "t1="+p1, "t12="+p1+" "+p2, "t1w="+p1+" "+lw, "sh-1="+p1+" "+shape(w),
		"t2="+p2, "t1s3="+p1+" "+suffix(lw, 3))
	if cls != nil {
		buf = append(buf, "t1cf="+p1+" "+class(cls, i, 1))
	}
	if right != nil {
		r := func(k int) string {
			if k >= len(right) {
				return "</s>"
			}
			return right[k]
		}
		buf = append(buf, "r1="+r(i+1), "r2="+r(i+1)+" "+r(i+2), "r1w="+r(i+1)+" "+lw, "t1r1="+p1+" "+r(i+1),
			"r1s3="+r(i+1)+" "+suffix(lw, 3), "r2="+r(i+2), "r1w+1="+r(i+1)+" "+at(lows, i+1))
	}
	return buf
}

func best(w *Weights, scores []float32, feats []string) int {
	clear(scores)
	for _, f := range feats {
		if k, ok := w.index[f]; ok {
			for j := w.Off[k]; j < w.Off[k+1]; j++ {
				scores[w.Lab[j]] += float32(w.Val[j])
			}
		}
	}
	return argmaxScore(scores)
}

func argmaxScore(scores []float32) int {
	b := 0
	for j := range scores {
		if scores[j] > scores[b] {
			b = j
		}
	}
	return b
}

// Tag fills UPOS, XPOS, Feats and Lemma of every token.
func (t *Tagger) Tag(toks []model.Token) {
	words := make([]string, len(toks))
	lows := make([]string, len(toks))
	for i := range toks {
		words[i] = toks[i].Form
		lows[i] = strings.ToLower(toks[i].Form)
	}
	scores := make([]float32, len(t.Labels))
	cls := t.classes(lows)
	// the features of the words alone serve both passes
	static := make([][]string, len(words))
	for i := range words {
		if _, ok := t.Dict[lows[i]]; !ok {
			static[i] = wordFeatures(nil, words, lows, cls, i)
		}
	}
	first := t.pass(&t.First, words, lows, cls, static, nil, scores)
	labs := t.pass(&t.Second, words, lows, cls, static, first, scores)
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

// classes returns the coarse and fine classes of the lower-cased words, "?" for unknown ones,
// or nil when the model has none.
func (t *Tagger) classes(lows []string) [][2]string {
	if t.Classes == nil {
		return nil
	}
	out := make([][2]string, len(lows))
	for i, w := range lows {
		if c, ok := t.Classes[w]; ok {
			a, b, _ := strings.Cut(c, " ")
			out[i] = [2]string{a, b}
		} else {
			out[i] = [2]string{"?", "?"}
		}
	}
	return out
}

// pass tags the words left to right with w, given (for the second pass) the first's labels.
// static, when not nil, holds each word's wordFeatures.
func (t *Tagger) pass(w *Weights, words, lows []string, cls [][2]string, static [][]string, right []string, scores []float32) []string {
	out := make([]string, len(words))
	var fb [64]string
	buf := fb[:0]
	p1, p2 := "<s>", "<s>"
	for i := range words {
		lab, ok := t.Dict[lows[i]]
		if !ok {
			if static != nil {
				buf = tagFeatures(append(buf[:0], static[i]...), words, lows, cls, i, p1, p2, right)
			} else {
				buf = features(buf, words, lows, cls, i, p1, p2, right)
			}
			lab = best(w, scores, buf)
		}
		out[i] = t.Labels[lab]
		p2, p1 = p1, out[i]
	}
	return out
}

// TrainTagger trains a tagger on sentences with gold tags for the given number of epochs,
// shuffling with a fixed seed. After each epoch, check (when not nil) is called with the
// averaged model so that the caller can choose an epoch.
func TrainTagger(sents []Sentence, epochs int, seed uint64, check func(epoch int, t *Tagger)) (*Tagger, error) {
	return TrainTaggerWith(sents, TaggerTraining{Epochs: epochs, Seed: seed, Check: check})
}

// TaggerTraining are the settings of TrainTaggerWith.
type TaggerTraining struct {
	Epochs int
	Seed   uint64
	// Classes are word classes (as in Tagger.Classes) for features, or nil.
	Classes map[string]string
	// Folds, when more than 1, is the number of parts the sentences are cut into to give the
	// second pass first-pass tags like those it sees in use: each part is tagged by a first
	// pass trained on the others.
	Folds int
	// Check, when not nil, is called after each epoch with the averaged model.
	Check func(epoch int, t *Tagger)
}

// TrainTaggerWith trains a tagger as TrainTagger does, with more settings.
func TrainTaggerWith(sents []Sentence, opt TaggerTraining) (*Tagger, error) {
	epochs, seed, check := opt.Epochs, opt.Seed, opt.Check
	t := &Tagger{Dict: map[string]int{}, Feats: map[string]string{}, Lemmas: map[string]string{}, Classes: opt.Classes}
	index := map[string]int{}
	label := func(tk model.Token) string { return tk.UPOS + " " + tk.XPOS }
	wordCounts := map[string]map[int]int{}
	featCounts := map[string]map[string]int{}
	lemmaCounts := map[string]map[string]int{}
	for _, s := range sents {
		for _, tk := range s.Tokens {
			l := label(tk)
			if _, ok := index[l]; !ok {
				index[l] = len(t.Labels)
				t.Labels = append(t.Labels, l)
			}
			lw := strings.ToLower(tk.Form)
			if wordCounts[lw] == nil {
				wordCounts[lw] = map[int]int{}
			}
			wordCounts[lw][index[l]]++
			for _, k := range []string{lw + " " + l, l} {
				if featCounts[k] == nil {
					featCounts[k] = map[string]int{}
				}
				featCounts[k][tk.Feats]++
			}
			k := lw + " " + l
			if lemmaCounts[k] == nil {
				lemmaCounts[k] = map[string]int{}
			}
			lemmaCounts[k][tk.Lemma]++
		}
	}
	for w, c := range wordCounts {
		n, top, topn := 0, 0, 0
		for l, k := range c {
			n += k
			if k > topn {
				top, topn = l, k
			}
		}
		if n >= 20 && float64(topn)/float64(n) >= 0.995 {
			t.Dict[w] = top
		}
	}
	argmax := func(m map[string]int) (string, int) {
		best, bn, n := "", -1, 0
		for k, v := range m {
			n += v
			if v > bn || v == bn && k < best {
				best, bn = k, v
			}
		}
		return best, n
	}
	for l := range index {
		t.Feats[l], _ = argmax(featCounts[l])
	}
	for k, m := range featCounts {
		if _, isLabel := index[k]; isLabel {
			continue
		}
		f, _ := argmax(m)
		_, l, _ := strings.Cut(k, " ")
		if f != t.Feats[l] {
			t.Feats[k] = f
		}
	}
	for k, m := range lemmaCounts {
		lm, _ := argmax(m)
		w, l, _ := strings.Cut(k, " ")
		u, x, _ := strings.Cut(l, " ")
		// keep only the lemmas the rules do not find
		if lm != Lemmatize(w, u, x) {
			t.Lemmas[k] = lm
		}
	}
	if len(t.Labels) > 256 {
		return nil, fmt.Errorf("the treebanks have %d tag pairs; the model holds at most 256", len(t.Labels))
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	words := make([][]string, len(sents))
	lows := make([][]string, len(sents))
	golds := make([][]int, len(sents))
	cls := make([][][2]string, len(sents))
	for si, s := range sents {
		words[si] = make([]string, len(s.Tokens))
		lows[si] = make([]string, len(s.Tokens))
		golds[si] = make([]int, len(s.Tokens))
		for i, tk := range s.Tokens {
			words[si][i], lows[si][i] = tk.Form, strings.ToLower(tk.Form)
			golds[si][i] = index[label(tk)]
		}
		cls[si] = t.classes(lows[si])
	}
	firstEpochs := max(1, epochs/2)
	t.First = t.trainPass(words, lows, cls, golds, nil, firstEpochs, rng, nil)
	// The second pass learns from first-pass tags of the right context: the first pass's own
	// or, with folds, those of first passes that did not see the sentence.
	right := make([][]string, len(sents))
	scores := make([]float32, len(t.Labels))
	for si := range sents {
		right[si] = t.pass(&t.First, words[si], lows[si], cls[si], nil, nil, scores)
	}
	for f := 0; opt.Folds > 1 && f < opt.Folds; f++ {
		var w, lw [][]string
		var c [][][2]string
		var g [][]int
		for si := range sents {
			if si%opt.Folds != f {
				w, lw, c, g = append(w, words[si]), append(lw, lows[si]), append(c, cls[si]), append(g, golds[si])
			}
		}
		fw := t.trainPass(w, lw, c, g, nil, firstEpochs, rng, nil)
		for si := f; si < len(sents); si += opt.Folds {
			right[si] = t.pass(&fw, words[si], lows[si], cls[si], nil, nil, scores)
		}
	}
	t.Second = t.trainPass(words, lows, cls, golds, right, epochs, rng, func(ep int, w Weights) {
		if check != nil {
			c := *t
			c.Second = w
			check(ep, &c)
		}
	})
	return t, nil
}

// trainPass trains one averaged perceptron; after each epoch check (when not nil) gets the
// averaged weights.
func (t *Tagger) trainPass(words, lows [][]string, cls [][][2]string, golds [][]int, right [][]string, epochs int, rng *rand.Rand, check func(int, Weights)) Weights {
	nl := len(t.Labels)
	weights := map[string][]float32{}
	totals := map[string][]float32{}
	stamps := map[string][]int{}
	step := 0
	update := func(f string, l int, d float32) {
		ws := weights[f]
		if ws == nil {
			ws = make([]float32, nl)
			weights[f] = ws
			totals[f] = make([]float32, nl)
			stamps[f] = make([]int, nl)
		}
		totals[f][l] += float32(step-stamps[f][l]) * ws[l]
		stamps[f][l] = step
		ws[l] += d
	}
	score := func(scores []float32, feats []string) int {
		clear(scores)
		for _, f := range feats {
			for j, v := range weights[f] {
				scores[j] += v
			}
		}
		return argmaxScore(scores)
	}
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, nl)
	var buf []string
	var last Weights
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			var r []string
			if right != nil {
				r = right[si]
			}
			p1, p2 := "<s>", "<s>"
			for i, gold := range golds[si] {
				if _, ok := t.Dict[lows[si][i]]; !ok {
					buf = features(buf, words[si], lows[si], cls[si], i, p1, p2, r)
					guess := score(scores, buf)
					if guess != gold {
						for _, f := range buf {
							update(f, gold, 1)
							update(f, guess, -1)
						}
					}
				}
				step++
				p2, p1 = p1, t.Labels[gold]
			}
		}
		last = averaged(weights, totals, stamps, step)
		if check != nil {
			check(ep, last)
		}
	}
	return last
}

// averaged returns the averaged weights, small ones dropped.
func averaged(weights, totals map[string][]float32, stamps map[string][]int, step int) Weights {
	a := make(map[string][]float32, len(weights))
	for f, ws := range weights {
		avg := make([]float32, len(ws))
		keep := false
		for l, w := range ws {
			tot := totals[f][l] + float32(step-stamps[f][l])*w
			v := tot / float32(step)
			if v > 0.02 || v < -0.02 {
				avg[l] = v
				keep = true
			}
		}
		if keep {
			a[f] = avg
		}
	}
	return newWeights(a)
}
