package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
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
	// Margin, when above 0, is the lead in hundredths of the first pass's best label over the
	// next by which a word keeps that label without the second pass.
	Margin int32
	// pool holds the scratch space of Tag.
	pool *sync.Pool
}

// Weights are a perceptron's sparse weights, in hundredths: feature Names[i] has weight
// Val[k] for label Lab[k], for k in Off[i]..Off[i+1]. The features are looked up by their
// 64-bit FNV-1a hash in an open-addressing table built when the weights are read: the hash's
// bits pick the slot, its top half is compared with the slot's key.
type Weights struct {
	Names []string
	Off   []int32
	Lab   []uint8
	Val   []int16
	table []featSlot
	shift uint
	// packed holds Lab[k]<<16 | Val[k] in one word, read with one memory access
	packed []uint32
	// lanes holds the rows of at least denseRow weights, all under laneBias in size, whole:
	// every label's weight plus laneBias in a 16-bit lane, four labels a word, so that one
	// 64-bit addition adds four weights. Their slots have hi -1 and lo the row's start.
	lanes  []uint64
	words  int // the words of a row in lanes
	labels int
	touch  uint64 // keeps the reads that only bring memory in
}

const (
	denseRow = 12
	// laneBias makes a lane's weight positive; laneRows rows of lanes add up without a lane
	// passing 16 bits (laneRows * 2 * laneBias <= 1<<16).
	laneBias = 2048
	laneRows = 16
)

// featSlot is a table entry, 8 bytes so that eight share a cache line: the top half of a
// feature name's hash with its lowest bit set (0 marks an empty slot), and where its weights
// are: with the top bit rowLanes, at row&^rowLanes in Weights.lanes; else the (row>>rowBits)+1
// weights from row&rowStart in Weights.packed.
type featSlot struct {
	key uint32
	row uint32
}

const (
	rowLanes = 1 << 31
	rowBits  = 23
	rowStart = 1<<rowBits - 1
)

// slotKey is the key of the hash h in a featSlot.
func slotKey(h uint64) uint32 { return uint32(h>>32) | 1 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// golden spreads a hash's bits over a table index (Fibonacci hashing).
	golden = 0x9e3779b97f4a7c15
)

// mix continues the FNV-1a hash h with the bytes of s.
func mix[T string | []byte](h uint64, s T) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// build fills the hash table of the feature names. Two names with one slot key where a lookup
// meets both would make tagging depend on which is found first, so they are an error.
func (w *Weights) build() error {
	bits := uint(1)
	for 1<<bits < 2*len(w.Names) {
		bits++
	}
	w.table = make([]featSlot, 1<<bits)
	w.shift = 64 - bits
	mask := uint64(len(w.table) - 1)
	w.packed = make([]uint32, len(w.Lab))
	w.labels = 0
	for k, l := range w.Lab {
		w.packed[k] = uint32(l)<<16 | uint32(uint16(w.Val[k]))
		w.labels = max(w.labels, int(l)+1)
	}
	w.lanes = nil
	w.words = (w.labels + 3) / 4
	// the names are hashed a batch at a time and their slots read before any is filled, so
	// that the processor waits for the memory of the batch at once
	const batch = 32
	var hs [batch]uint64
	var touch uint64
	for i, n := range w.Names {
		if i%batch == 0 {
			for k := range min(batch, len(w.Names)-i) {
				hs[k] = mix(fnvOffset, w.Names[i+k])
				touch ^= uint64(w.table[hs[k]*golden>>w.shift].key)
			}
		}
		h := hs[i%batch]
		key := slotKey(h)
		j := h * golden >> w.shift
		for w.table[j].key != 0 {
			if w.table[j].key == key {
				return fmt.Errorf("the tagger feature %q has the same slot key as another one on its way", n)
			}
			j = (j + 1) & mask
		}
		lo, hi := w.Off[i], w.Off[i+1]
		if lo == hi {
			continue
		}
		if hi-lo >= denseRow && w.fitsLanes(lo, hi) {
			// a row with weights for many labels is added faster whole
			d := len(w.lanes)
			for range w.words {
				w.lanes = append(w.lanes, laneBias*0x0001_0001_0001_0001)
			}
			for k := lo; k < hi; k++ {
				l, sh := int(w.Lab[k]), 16*(w.Lab[k]%4)
				w.lanes[d+l/4] &^= 0xffff << sh
				w.lanes[d+l/4] |= uint64(int32(w.Val[k])+laneBias) << sh
			}
			w.table[j] = featSlot{key: key, row: rowLanes | uint32(d)}
			continue
		}
		if lo > rowStart || hi-lo > 1<<(31-rowBits) {
			return fmt.Errorf("the tagger feature %q has its %d weights at %d, past what a slot holds", n, hi-lo, lo)
		}
		w.table[j] = featSlot{key: key, row: uint32(hi-lo-1)<<rowBits | uint32(lo)}
	}
	w.touch = touch
	return nil
}

// fitsLanes reports whether the weights lo..hi are all smaller than laneBias in size.
func (w *Weights) fitsLanes(lo, hi int32) bool {
	for _, v := range w.Val[lo:hi] {
		if v <= -laneBias || v >= laneBias {
			return false
		}
	}
	return true
}

// score adds the weights of the features st.feats (hashes) that the model has to scores.
// It first reads the table slot of every feature, then each feature's weights, so that the
// processor can wait for the memory of many features at once: the loads do not hang on
// branches that depend on earlier loads.
func (w *Weights) score(scores *[256]int32, st *tagState) {
	var touch uint64
	for _, h := range st.feats {
		touch ^= uint64(w.table[h*golden>>w.shift].key)
	}
	rows, dense := st.rows[:0], st.dense[:0]
	mask := uint64(len(w.table) - 1)
	for _, h := range st.feats {
		key := slotKey(h)
		for j := h * golden >> w.shift; ; j = (j + 1) & mask {
			s := w.table[j]
			if s.key == key {
				if s.row&rowLanes != 0 {
					d := int32(s.row &^ rowLanes)
					dense = append(dense, d)
					touch ^= w.lanes[d]
				} else {
					lo := int32(s.row & rowStart)
					rows = append(rows, [2]int32{lo, lo + int32(s.row>>rowBits) + 1})
					touch ^= uint64(w.packed[lo])
				}
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
	st.touch = touch
	st.rows, st.dense = rows, dense
	for b := 0; b < len(dense); b += laneRows {
		batch := dense[b:min(len(dense), b+laneRows)]
		acc := st.acc[:w.words]
		copy(acc, w.lanes[batch[0]:int(batch[0])+w.words])
		rest := batch[1:]
		for ; len(rest) >= 4; rest = rest[4:] {
			// four rows in one sweep: a quarter of the loads and stores of acc
			r0 := w.lanes[rest[0] : int(rest[0])+len(acc)]
			r1 := w.lanes[rest[1] : int(rest[1])+len(r0)]
			r2 := w.lanes[rest[2] : int(rest[2])+len(r0)]
			r3 := w.lanes[rest[3] : int(rest[3])+len(r0)]
			acc := acc[:len(r0)]
			for k, v := range r0 {
				acc[k] += v + r1[k] + r2[k] + r3[k]
			}
		}
		for _, d := range rest {
			row := w.lanes[d : int(d)+len(acc)]
			acc := acc[:len(row)]
			for k, v := range row {
				acc[k] += v
			}
		}
		bias := int32(len(batch) * laneBias)
		sc := scores[:4*len(acc)]
		for k, v := range acc {
			sc[4*k] += int32(uint16(v)) - bias
			sc[4*k+1] += int32(uint16(v>>16)) - bias
			sc[4*k+2] += int32(uint16(v>>32)) - bias
			sc[4*k+3] += int32(v>>48) - bias
		}
	}
	for _, r := range st.rows {
		for _, p := range w.packed[r[0]:r[1]] {
			scores[uint8(p>>16)] += int32(int16(p))
		}
	}
}

// newWeights keeps the weights of m that round to a non-zero number of hundredths.
func newWeights(m map[string][]float32) (Weights, error) {
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
	// 64-bit hashes of a few hundred thousand names collide about once in 10^8 models
	return w, w.build()
}

//go:embed tagger.model.gz
var taggerModel []byte

// LoadTagger reads the embedded tagger model.
func LoadTagger() (*Tagger, error) {
	return ReadTagger(bytes.NewReader(taggerModel))
}

// ReadTagger reads a gzip'd tagger model written by Tagger.Write.
func ReadTagger(r io.Reader) (*Tagger, error) {
	var t Tagger
	if err := readModel(r, "tagger", &t); err != nil {
		return nil, err
	}
	t.pool = &sync.Pool{}
	if err := t.First.build(); err != nil {
		return nil, err
	}
	if err := t.Second.build(); err != nil {
		return nil, err
	}
	return &t, nil
}

// Write writes the model gzip'd.
func (t *Tagger) Write(w io.Writer) error {
	return writeModel(w, "tagger", t)
}

func shape(w string) string { return string(appendShape(nil, w)) }

// appendShape appends the shape of w: capitals as X, small letters x, digits d, other
// characters themselves, runs of one kind as one.
func appendShape(b []byte, w string) []byte {
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
			b = utf8.AppendRune(b, c)
			last = c
		}
	}
	return b
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

// argmaxLead returns the best label (the first of equals) and its lead over the next best
// score (0 on a tie).
func argmaxLead(scores []int32) (int, int32) {
	b, best, next := 0, scores[0], int32(math.MinInt32)
	for j, v := range scores[1:] {
		if v > best {
			b, best, next = j+1, v, best
		} else {
			next = max(next, v)
		}
	}
	if next == math.MinInt32 {
		return b, math.MaxInt32
	}
	return b, best - next
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

// Tag fills UPOS, XPOS, Feats and Lemma of every token. It is safe for concurrent use.
func (t *Tagger) Tag(toks []model.Token) {
	st := t.getState()
	st.prepare(t, toks)
	st.first = t.tagPass(&t.First, st, nil, st.first[:0])
	st.labs = t.tagPass(&t.Second, st, st.first, st.labs[:0])
	for i := range toks {
		l := t.Labels[st.labs[i]]
		u, x, _ := strings.Cut(l, " ")
		toks[i].UPOS, toks[i].XPOS = u, x
		lw := st.lows[i+2]
		st.key = append(append(append(st.key[:0], lw...), ' '), l...)
		if f, ok := t.Feats[string(st.key)]; ok {
			toks[i].Feats = f
		} else {
			toks[i].Feats = t.Feats[l]
		}
		if lm, ok := t.Lemmas[string(st.key)]; ok {
			toks[i].Lemma = lm
		} else {
			toks[i].Lemma = lemmatize(toks[i].Form, lw, u, x)
		}
	}
	t.putState(st)
}

// labels tags words with the weights w alone (as the first pass) and returns their labels.
func (t *Tagger) labels(w *Weights, words []string) []string {
	toks := make([]model.Token, len(words))
	for i, f := range words {
		toks[i].Form = f
	}
	st := t.getState()
	st.prepare(t, toks)
	st.first = t.tagPass(w, st, nil, st.first[:0])
	out := make([]string, len(words))
	for i, l := range st.first {
		out[i] = t.Labels[l]
	}
	t.putState(st)
	return out
}

// tagState is the scratch space of tagging one sentence, kept in Tagger.pool for the next.
// The word lists are padded: index i+2 holds word i, indexes 0, 1 and the last two the
// sentence boundary marks.
type tagState struct {
	words, lows  []string
	coarse, fine []string // word classes, when the model has them
	shapes       []int32  // word i's shape is shapeBuf[shapes[i+2]:shapes[i+3]]
	shapeBuf     []byte
	lowBuf       []byte     // the lower-cased ASCII words with capitals
	lowAt        [][2]int32 // where in lowBuf word i's lower case is, or -1
	dict         []int32    // word i's label in the dictionary, or -1
	static       []uint64   // hashes of the features of the words alone
	soff         []int32    // word i's are static[soff[i]:soff[i+1]]
	feats        []uint64   // hashes of one word's features that join it with labels
	first, labs  []int32
	lead         []int32 // the first pass's lead of word i's label over the next
	// scores are the labels' scores in hundredths, summed exactly in integers (the
	// training's float32 sums of whole hundredths are exact too, so the order is the same)
	scores [256]int32
	key    []byte
	rows   [][2]int32 // the weights of the features found, in Weights.packed
	dense  []int32    // and in Weights.lanes
	acc    [64]uint64 // the lanes of up to laneRows rows, added up
	touch  uint64     // keeps the reads that only bring memory in
}

func (t *Tagger) getState() *tagState {
	if t.pool != nil {
		if st, ok := t.pool.Get().(*tagState); ok {
			return st
		}
	}
	return &tagState{}
}

func (t *Tagger) putState(st *tagState) {
	// drop the references into the sentence's text
	clear(st.words)
	clear(st.lows)
	if t.pool != nil {
		t.pool.Put(st)
	}
}

const (
	boundaryBefore = "<s>"
	boundaryAfter  = "</s>"
)

// prepare fills st with the words of toks and everything about them that does not depend on
// the labels.
func (st *tagState) prepare(t *Tagger, toks []model.Token) {
	n := len(toks)
	st.words = append(st.words[:0], boundaryBefore, boundaryBefore)
	st.lows = append(st.lows[:0], boundaryBefore, boundaryBefore)
	st.lowBuf, st.lowAt = st.lowBuf[:0], st.lowAt[:0]
	for i := range toks {
		f := toks[i].Form
		st.words = append(st.words, f)
		ascii, upper := true, false
		for j := 0; j < len(f); j++ {
			c := f[j]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			upper = upper || 'A' <= c && c <= 'Z'
		}
		switch {
		case !ascii:
			st.lows = append(st.lows, strings.ToLower(f))
			st.lowAt = append(st.lowAt, [2]int32{-1, -1})
		case upper:
			start := len(st.lowBuf)
			for j := 0; j < len(f); j++ {
				c := f[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				st.lowBuf = append(st.lowBuf, c)
			}
			st.lows = append(st.lows, "")
			st.lowAt = append(st.lowAt, [2]int32{int32(start), int32(len(st.lowBuf))})
		default:
			st.lows = append(st.lows, f)
			st.lowAt = append(st.lowAt, [2]int32{-1, -1})
		}
	}
	if len(st.lowBuf) > 0 {
		// one string for the sentence's lower-cased words, which lemmas may share
		low := string(st.lowBuf)
		for i, at := range st.lowAt {
			if at[0] >= 0 {
				st.lows[i+2] = low[at[0]:at[1]]
			}
		}
	}
	st.words = append(st.words, boundaryAfter, boundaryAfter)
	st.lows = append(st.lows, boundaryAfter, boundaryAfter)

	st.dict = st.dict[:0]
	for i := range n {
		d := int32(-1)
		if l, ok := t.Dict[st.lows[i+2]]; ok {
			d = int32(l)
		}
		st.dict = append(st.dict, d)
	}
	st.coarse, st.fine = st.coarse[:0], st.fine[:0]
	if t.Classes != nil {
		st.coarse = append(st.coarse, boundaryBefore, boundaryBefore)
		st.fine = append(st.fine, boundaryBefore, boundaryBefore)
		for _, w := range st.lows[2 : n+2] {
			c, f := "?", "?"
			if v, ok := t.Classes[w]; ok {
				c, f, _ = strings.Cut(v, " ")
			}
			st.coarse = append(st.coarse, c)
			st.fine = append(st.fine, f)
		}
		st.coarse = append(st.coarse, boundaryAfter, boundaryAfter)
		st.fine = append(st.fine, boundaryAfter, boundaryAfter)
	}
	st.shapeBuf, st.shapes = st.shapeBuf[:0], st.shapes[:0]
	for _, w := range st.words {
		st.shapes = append(st.shapes, int32(len(st.shapeBuf)))
		st.shapeBuf = appendShape(st.shapeBuf, w)
	}
	st.shapes = append(st.shapes, int32(len(st.shapeBuf)))

	st.static, st.soff = st.static[:0], append(st.soff[:0], 0)
	for i := range n {
		if st.dict[i] < 0 {
			st.static = st.wordFeatures(st.static, i)
		}
		st.soff = append(st.soff, int32(len(st.static)))
	}
}

// shape returns the shape of word k (-2 <= k < n+2).
func (st *tagState) shape(k int) []byte {
	return st.shapeBuf[st.shapes[k+2]:st.shapes[k+3]]
}

// hash1 is the hash of p+a, hash2 of p+a+" "+b.
func hash1[T string | []byte](p string, a T) uint64 { return mix(mix(fnvOffset, p), a) }

func hash2[T string | []byte](p, a string, b T) uint64 {
	return mix(mix(mix(mix(fnvOffset, p), a), " "), b)
}

// wordFeatures appends the hashes of the features of word i that wordFeatures builds as
// strings, in the same order.
func (st *tagState) wordFeatures(buf []uint64, i int) []uint64 {
	w, lw := st.words[i+2], st.lows[i+2]
	get := func(k int) string { return st.lows[k+2] }
	buf = append(buf, mix(fnvOffset, "b"),
		hash1("w=", lw), hash1("s1=", suffixOf(lw, 1)), hash1("s2=", suffixOf(lw, 2)), hash1("s3=", suffixOf(lw, 3)), hash1("s4=", suffixOf(lw, 4)),
		hash1("p1=", prefixOf(lw, 1)), hash1("p3=", prefixOf(lw, 3)), hash1("sh=", st.shape(i)),
		hash1("w-1=", get(i-1)), hash1("w-2=", get(i-2)), hash1("w+1=", get(i+1)), hash1("w+2=", get(i+2)),
		hash1("s3-1=", suffixOf(get(i-1), 3)), hash1("s3+1=", suffixOf(get(i+1), 3)),
		hash2("w-1w=", get(i-1), lw), hash2("ww+1=", lw, get(i+1)))
	if i == 0 {
		buf = append(buf, mix(fnvOffset, "first"), hash1("first sh=", st.shape(i)))
	}
	if strings.ContainsRune(w, '-') {
		buf = append(buf, mix(fnvOffset, "hyph"))
	}
	buf = append(buf, hash1("s5=", suffixOf(lw, 5)), hash2("s2-1=", suffixOf(get(i-1), 2), suffixOf(lw, 3)),
		hash1("W=", w), hash1("p2=", prefixOf(lw, 2)), hash1("p4=", prefixOf(lw, 4)),
		hash2("w-1w+1=", get(i-1), get(i+1)), hash1("sp-1=", st.shape(i-1)), hash1("sp+1=", st.shape(i+1)))
	if k := strings.LastIndexByte(lw, '-'); k > 0 && k < len(lw)-1 {
		buf = append(buf, hash1("hl=", lw[k+1:]), hash1("hf=", lw[:k]))
	}
	if len(st.coarse) > 0 {
		c, f := st.coarse, st.fine
		buf = append(buf, hash1("cc=", c[i+2]), hash1("cf=", f[i+2]), hash1("cf-1=", f[i+1]),
			hash1("cf+1=", f[i+3]), hash2("cc-1cc+1=", c[i+1], c[i+3]),
			hash1("cc-2=", c[i]), hash1("cc+2=", c[i+4]))
	}
	return buf
}

// tagFeatures appends the hashes of the features that tagFeatures builds as strings, in
// the same order, given the labels p1 and p2 of the two words before and (when right is
// not nil) the first pass's labels.
// Each hash is of the feature's whole text, so the two templates that share the name "r2="
// (labels +1 and +2, and label +2 alone) meet in the model exactly as their strings do.
func (st *tagState) tagFeatures(buf []uint64, labels []string, i int, p1, p2 string, right []int32) []uint64 {
	lw := st.lows[i+2]
	buf = append(buf, hash1("t1=", p1), hash2("t12=", p1, p2), hash2("t1w=", p1, lw), hash2("sh-1=", p1, st.shape(i)),
		hash1("t2=", p2), hash2("t1s3=", p1, suffixOf(lw, 3)))
	if len(st.fine) > 0 {
		buf = append(buf, hash2("t1cf=", p1, st.fine[i+2]))
	}
	if right != nil {
		r := func(k int) string {
			if k >= len(right) {
				return boundaryAfter
			}
			return labels[right[k]]
		}
		r1, r2 := r(i+1), r(i+2)
		buf = append(buf, hash1("r1=", r1), hash2("r2=", r1, r2), hash2("r1w=", r1, lw), hash2("t1r1=", p1, r1),
			hash2("r1s3=", r1, suffixOf(lw, 3)), hash1("r2=", r2), hash2("r1w+1=", r1, st.lows[i+3]))
	}
	return buf
}

// tagPass tags the prepared words left to right with w, given (for the second pass) the
// first's labels, and appends the labels to out. The first pass notes each word's lead in
// st.lead; the second keeps the first's label of a word that led by t.Margin or more.
func (t *Tagger) tagPass(w *Weights, st *tagState, right []int32, out []int32) []int32 {
	p1, p2 := boundaryBefore, boundaryBefore
	scores := &st.scores
	if right == nil {
		st.lead = st.lead[:0]
	}
	for i, lab := range st.dict {
		switch {
		case lab >= 0:
			if right == nil {
				st.lead = append(st.lead, math.MaxInt32)
			}
		case right != nil && t.Margin > 0 && st.lead[i] >= t.Margin:
			lab = right[i]
		default:
			st.feats = st.tagFeatures(st.feats[:0], t.Labels, i, p1, p2, right)
			st.feats = append(st.feats, st.static[st.soff[i]:st.soff[i+1]]...)
			clear(scores[:len(t.Labels)])
			w.score(scores, st)
			b, lead := argmaxLead(scores[:len(t.Labels)])
			lab = int32(b)
			if right == nil {
				st.lead = append(st.lead, lead)
			}
		}
		out = append(out, lab)
		p2, p1 = p1, t.Labels[lab]
	}
	return out
}

// suffixOf is suffix(w, n) without allocating when w is valid UTF-8.
func suffixOf(w string, n int) string {
	if len(w) <= n && isASCII(w) {
		return w
	}
	if len(w) > n && isASCII(w[len(w)-n:]) {
		// n ASCII bytes are n whole characters
		return w[len(w)-n:]
	}
	i := len(w)
	for k := n; k > 0 && i > 0; k-- {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		if r == utf8.RuneError && size == 1 {
			return suffix(w, n)
		}
		i -= size
	}
	return w[i:]
}

// prefixOf is prefix(w, n) without allocating when w is valid UTF-8.
func prefixOf(w string, n int) string {
	if len(w) <= n && isASCII(w) {
		return w
	}
	if len(w) > n && isASCII(w[:n]) {
		return w[:n]
	}
	i := 0
	for k := n; k > 0 && i < len(w); k-- {
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && size == 1 {
			return prefix(w, n)
		}
		i += size
	}
	return w[:i]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
	t := &Tagger{Dict: map[string]int{}, Feats: map[string]string{}, Lemmas: map[string]string{}, Classes: opt.Classes, pool: &sync.Pool{}}
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
	var err error
	if t.First, err = t.trainPass(words, lows, cls, golds, nil, firstEpochs, rng, nil); err != nil {
		return nil, err
	}
	// The second pass learns from first-pass tags of the right context: the first pass's own
	// or, with folds, those of first passes that did not see the sentence.
	right := make([][]string, len(sents))
	for si := range sents {
		right[si] = t.labels(&t.First, words[si])
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
		fw, err := t.trainPass(w, lw, c, g, nil, firstEpochs, rng, nil)
		if err != nil {
			return nil, err
		}
		for si := f; si < len(sents); si += opt.Folds {
			right[si] = t.labels(&fw, words[si])
		}
	}
	t.Second, err = t.trainPass(words, lows, cls, golds, right, epochs, rng, func(ep int, w Weights) {
		if check != nil {
			c := *t
			c.Second = w
			check(ep, &c)
		}
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// trainPass trains one averaged perceptron; after each epoch check (when not nil) gets the
// averaged weights.
func (t *Tagger) trainPass(words, lows [][]string, cls [][][2]string, golds [][]int, right [][]string, epochs int, rng *rand.Rand, check func(int, Weights)) (Weights, error) {
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
		var err error
		if last, err = averaged(weights, totals, stamps, step); err != nil {
			return Weights{}, err
		}
		if check != nil {
			check(ep, last)
		}
	}
	return last, nil
}

// averaged returns the averaged weights, small ones dropped.
func averaged(weights, totals map[string][]float32, stamps map[string][]int, step int) (Weights, error) {
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
