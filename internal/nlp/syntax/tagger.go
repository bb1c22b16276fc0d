package syntax

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Tagger is an averaged-perceptron part-of-speech tagger. Each label is a UPOS and Penn
// Treebank tag pair ("NOUN NN"); frequent unambiguous words are tagged from a dictionary.
type Tagger struct {
	Labels  []string
	Weights map[string][]float32
	// Dict maps frequent unambiguous lower-cased words to their label index.
	Dict map[string]int
	// Feats maps "lower-cased word label" and, as a fallback, "label" to the most frequent
	// CoNLL-U features; Lemmas maps "lower-cased word label" to the lemma seen in training.
	Feats  map[string]string
	Lemmas map[string]string
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

// features appends the features of word i given the labels of the two words before it.
func features(buf []string, words, lows []string, i int, p1, p2 string) []string {
	w := words[i]
	lw := lows[i]
	get := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(lows) {
			return "</s>"
		}
		return lows[k]
	}
	buf = append(buf[:0], "b",
		"w="+lw, "s1="+suffix(lw, 1), "s2="+suffix(lw, 2), "s3="+suffix(lw, 3), "s4="+suffix(lw, 4),
		"p1="+prefix(lw, 1), "p3="+prefix(lw, 3), "sh="+shape(w),
		"t1="+p1, "t12="+p1+" "+p2, "t1w="+p1+" "+lw,
		"w-1="+get(i-1), "w-2="+get(i-2), "w+1="+get(i+1), "w+2="+get(i+2),
		"s3-1="+suffix(get(i-1), 3), "s3+1="+suffix(get(i+1), 3),
		"w-1w="+get(i-1)+" "+lw, "ww+1="+lw+" "+get(i+1))
	if i == 0 {
		buf = append(buf, "first")
	}
	if strings.ContainsRune(w, '-') {
		buf = append(buf, "hyph")
	}
	return buf
}

func (t *Tagger) best(scores []float32, feats []string) int {
	clear(scores)
	for _, f := range feats {
		if ws, ok := t.Weights[f]; ok {
			for j, v := range ws {
				scores[j] += v
			}
		}
	}
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
	var buf []string
	p1, p2 := "<s>", "<s>"
	for i := range toks {
		lab, ok := t.Dict[lows[i]]
		if !ok {
			buf = features(buf, words, lows, i, p1, p2)
			lab = t.best(scores, buf)
		}
		l := t.Labels[lab]
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
		p2, p1 = p1, l
	}
}

// TrainTagger trains a tagger on sentences with gold tags for the given number of epochs,
// shuffling with a fixed seed. After each epoch, check (when not nil) is called with the
// averaged model so that the caller can choose an epoch.
func TrainTagger(sents []Sentence, epochs int, seed uint64, check func(epoch int, t *Tagger)) *Tagger {
	t := &Tagger{Weights: map[string][]float32{}, Dict: map[string]int{}, Feats: map[string]string{}, Lemmas: map[string]string{}}
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
	nl := len(t.Labels)
	totals := map[string][]float32{}
	stamps := map[string][]int{}
	step := 0
	update := func(f string, l int, d float32) {
		ws := t.Weights[f]
		if ws == nil {
			ws = make([]float32, nl)
			t.Weights[f] = ws
			totals[f] = make([]float32, nl)
			stamps[f] = make([]int, nl)
		}
		totals[f][l] += float32(step-stamps[f][l]) * ws[l]
		stamps[f][l] = step
		ws[l] += d
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	scores := make([]float32, nl)
	var buf []string
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			words := make([]string, len(s.Tokens))
			lows := make([]string, len(s.Tokens))
			for i, tk := range s.Tokens {
				words[i], lows[i] = tk.Form, strings.ToLower(tk.Form)
			}
			p1, p2 := "<s>", "<s>"
			for i, tk := range s.Tokens {
				gold := index[label(tk)]
				if _, ok := t.Dict[lows[i]]; !ok {
					buf = features(buf, words, lows, i, p1, p2)
					guess := t.best(scores, buf)
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
		if check != nil {
			check(ep, t.averaged(totals, stamps, step))
		}
	}
	return t.averaged(totals, stamps, step)
}

// averaged returns a copy of t with the averaged weights, small ones dropped.
func (t *Tagger) averaged(totals map[string][]float32, stamps map[string][]int, step int) *Tagger {
	a := *t
	a.Weights = make(map[string][]float32, len(t.Weights))
	for f, ws := range t.Weights {
		avg := make([]float32, len(ws))
		keep := false
		for l, w := range ws {
			tot := totals[f][l] + float32(step-stamps[f][l])*w
			v := tot / float32(step)
			if v > 0.01 || v < -0.01 {
				avg[l] = float32(int(v*100)) / 100
				keep = true
			}
		}
		if keep {
			a.Weights[f] = avg
		}
	}
	return &a
}
