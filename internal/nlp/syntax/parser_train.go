package syntax

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tidings-news/tidings/internal/model"
)

// ParserOptions configure TrainParser.
type ParserOptions struct {
	Epochs int
	Seed   uint64
	// Explore is the probability, after the first epoch, of following the model's own
	// wrong action rather than the oracle's (training with a dynamic oracle).
	Explore float64
	// MinWeight drops averaged weights smaller than this in absolute value.
	MinWeight float64
	// Bits is the number of bits of a move weight row's index (default 22).
	Bits uint8
	// Classes are word classes for the features, in the form of Tagger.Classes, or nil.
	Classes map[string]string
	// PunctApart trains a parser of the words without the punctuation marks (Parser.PunctApart).
	PunctApart bool
	// Beam, when above 1, trains a parser that keeps that many configurations, globally
	// with early updates (Zhang and Clark 2008, Zhang and Nivre 2011), instead of greedily.
	Beam int
}

// TrainStats say what TrainParser trained on.
type TrainStats struct {
	Sentences, NonProjective, Malformed, Features int
}

// TrainParser trains a parser on sentences whose tokens carry tags (ideally predicted ones)
// and gold trees. Sentences whose tree is not projective or not a tree with one root are
// skipped. After each epoch, check (when not nil) gets the averaged, pruned model.
func TrainParser(sents []Sentence, opts ParserOptions, check func(epoch int, p *Parser)) (*Parser, TrainStats, error) {
	var st TrainStats
	counts := map[string]int{}
	var use []Sentence
	var skips [][]bool
	for _, s := range sents {
		if !isTree(s.Tokens) {
			st.Malformed++
			continue
		}
		toks, skip := s.Tokens, []bool(nil)
		if opts.PunctApart {
			skip = punctLeaves(toks)
			_, toks, _ = newWordState(toks, skip, nil)
		}
		if !IsProjective(toks) {
			st.NonProjective++
			continue
		}
		use = append(use, s)
		skips = append(skips, skip)
		for _, t := range toks {
			counts[t.Rel]++
		}
	}
	st.Sentences = len(use)
	if len(use) == 0 {
		return nil, st, fmt.Errorf("no usable training sentences (of %d)", len(sents))
	}
	labels := make([]string, 0, len(counts))
	for l := range counts {
		labels = append(labels, l)
	}
	slices.SortFunc(labels, func(a, b string) int {
		return cmp.Or(counts[b]-counts[a], cmp.Compare(a, b))
	})
	if len(labels) > 127 {
		return nil, st, fmt.Errorf("the treebanks have %d relations; the model holds at most 127", len(labels))
	}
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	root := index["root"]
	classWords, coarse, fine, err := classLists(opts.Classes)
	if err != nil {
		return nil, st, err
	}
	classes, err := newWordClasses(classWords, coarse, fine)
	if err != nil {
		return nil, st, err
	}
	bits := opts.Bits
	if bits == 0 {
		bits = 22
	}
	mw := newMoveWeights(bits)
	tw := newTrainWeights(len(labels))
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(use))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(labels))
	var fb [featureCount]uint64
	var lb [labelFeatureCount]uint64
	var last *Parser
	for ep := 1; ep <= opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			toks := use[si].Tokens
			var s *parseState
			if opts.PunctApart {
				s, toks, _ = newWordState(toks, skips[si], classes)
			} else {
				s = newParseState(toks, classes)
			}
			n := len(toks)
			gh, gr := goldArcs(toks, index)
			if opts.Beam > 1 {
				trainBeam(mw, tw, s, gh, gr, opts.Beam, root, scores)
				continue
			}
			inStack := make([]bool, n+1)
			inStack[n] = true
			for !s.done() {
				feats := s.features(fb[:0])
				sc := mw.score(feats)
				cost := s.moveCosts(gh, inStack)
				pred, gold := -1, -1
				for m := range moveCount {
					if !s.legalMove(m) {
						continue
					}
					if pred < 0 || sc[m] > sc[pred] {
						pred = m
					}
					if gold < 0 || cost[m] < cost[gold] || cost[m] == cost[gold] && sc[m] > sc[gold] {
						gold = m
					}
				}
				next := pred
				if cost[pred] > cost[gold] {
					mw.update(feats, gold, pred, tw.step)
					if ep == 1 || rng.Float64() >= opts.Explore {
						next = gold
					}
				}
				l := 0
				if next == moveShift {
					inStack[s.b] = true
				} else {
					h, d := s.arcHead(next), s.st(0)
					inStack[d] = false
					switch {
					case next == moveRight && s.rootArc():
						l = root
					case gh[d] == h:
						// a gold arc teaches the relation
						lf := s.labelFeatures(lb[:0], next, h, d)
						tw.score(scores, lf)
						l = gr[d]
						if p := bestTrainLabel(scores, root); p != l {
							tw.update(lf, l, p)
						}
					default:
						tw.score(scores, s.labelFeatures(lb[:0], next, h, d))
						l = bestTrainLabel(scores, root)
					}
				}
				tw.step++
				s.move(next, l)
			}
		}
		p := &Parser{Labels: slices.Clone(labels), ClassWords: classWords, ClassCoarse: coarse, ClassFine: fine, PunctApart: opts.PunctApart, Beam: opts.Beam}
		mw.averaged(p, tw.step, opts.MinWeight)
		if err := tw.averaged(p, opts.MinWeight); err != nil {
			return nil, st, err
		}
		st.Features = p.Features()
		last = p
		if check != nil {
			check(ep, p)
		}
	}
	return last, st, nil
}

// punctLeaves marks the punctuation marks (UPOS PUNCT) of a gold tree that have no
// dependents and are not its root: the words are parsed without them.
func punctLeaves(toks []model.Token) []bool {
	skip := make([]bool, len(toks))
	for i, t := range toks {
		skip[i] = t.UPOS == "PUNCT" && t.Head >= 0
	}
	for _, t := range toks {
		if t.Head >= 0 {
			skip[t.Head] = false
		}
	}
	return skip
}

// bestTrainLabel returns the relation other than root with the highest score.
func bestTrainLabel(scores []float32, root int) int {
	best := -1
	for l, v := range scores {
		if l != root && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	return max(best, 0)
}

// moveWeights are the move perceptron's weights while training: a dense table of hashed
// rows with the running sums for averaging.
type moveWeights struct {
	bits  uint8
	w     []float32
	tot   []float32
	stamp []int32
}

func newMoveWeights(bits uint8) *moveWeights {
	rows := 1 << bits
	return &moveWeights{bits: bits, w: make([]float32, 4*rows), tot: make([]float32, 4*rows), stamp: make([]int32, rows)}
}

func (t *moveWeights) score(feats []uint64) (sc [moveCount]float32) {
	for _, f := range feats {
		r := moveRow(f, t.bits)
		sc[0] += t.w[r]
		sc[1] += t.w[r+1]
		sc[2] += t.w[r+2]
	}
	return sc
}

func (t *moveWeights) update(feats []uint64, good, bad, step int) {
	for _, f := range feats {
		r := t.touch(f, step)
		t.w[r+uint64(good)]++
		t.w[r+uint64(bad)]--
	}
}

// touch brings the running sums of feature f's row up to step and returns the row.
func (t *moveWeights) touch(f uint64, step int) uint64 {
	r := moveRow(f, t.bits)
	if dt := float32(step - int(t.stamp[r>>2])); dt != 0 {
		for a := r; a < r+moveCount; a++ {
			t.tot[a] += dt * t.w[a]
		}
		t.stamp[r>>2] = int32(step)
	}
	return r
}

// add adds delta to the weight of move m of each feature.
func (t *moveWeights) add(feats []uint64, m int, delta float32, step int) {
	for _, f := range feats {
		t.w[t.touch(f, step)+uint64(m)] += delta
	}
}

// averaged sets p's move weights to the averaged ones, those below minWeight dropped,
// quantised to int16.
func (t *moveWeights) averaged(p *Parser, step int, minWeight float64) {
	steps := float32(max(step, 1))
	avg := make([]float32, len(t.w))
	maxAbs := float32(0)
	for i, v := range t.w {
		dt := float32(step - int(t.stamp[i>>2]))
		avg[i] = (t.tot[i] + dt*v) / steps
		maxAbs = max(maxAbs, abs32(avg[i]))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	p.Bits, p.MoveScale = t.bits, 16000/maxAbs
	p.Moves = make([]int16, len(avg))
	for i, v := range avg {
		if float64(abs32(v)) < minWeight {
			continue
		}
		p.Moves[i] = int16(max(-32000, min(32000, math.Round(float64(v*p.MoveScale)))))
	}
}

// goldArcs returns each token's gold head (n for the root) and relation index.
func goldArcs(toks []model.Token, index map[string]int) ([]int32, []int) {
	n := len(toks)
	gh := make([]int32, n)
	gr := make([]int, n)
	for i, t := range toks {
		gh[i], gr[i] = int32(t.Head), index[t.Rel]
		if t.Head < 0 {
			gh[i] = int32(n)
		}
	}
	return gh, gr
}

// moveCosts returns, for each move, the number of gold arcs it makes unreachable (the
// arc-hybrid dynamic oracle of Goldberg and Nivre 2013). Illegal moves get any value.
func (s *parseState) moveCosts(gh []int32, inStack []bool) (c [moveCount]int) {
	n := int32(s.n)
	s0, s1, b := s.st(0), s.st(1), s.b
	if b < n {
		if h := gh[b]; inStack[h] && h != s0 {
			c[moveShift]++
		}
		for _, k := range s.stack {
			if k < n && gh[k] == b {
				c[moveShift]++
			}
		}
	}
	if s0 < 0 || s0 == n {
		return c
	}
	kids := 0
	for d := b; d < n; d++ {
		if gh[d] == s0 {
			kids++
		}
	}
	h := gh[s0]
	c[moveLeft], c[moveRight] = kids, kids
	if h != b && (h == s1 || (h > b && h < n)) {
		c[moveLeft]++
	}
	if h >= b && h < n {
		c[moveRight]++
	}
	return c
}

// costs fills cost with, for each labelled action, the cost of its move plus one for a
// wrong relation on a gold arc. Illegal actions get any value.
func (s *parseState) costs(cost []int, gh []int32, gr []int, inStack []bool) {
	c := s.moveCosts(gh, inStack)
	cost[0] = c[moveShift]
	s0, s1 := s.st(0), s.st(1)
	if s0 < 0 || int(s0) == s.n {
		return
	}
	h := gh[s0]
	for l := range (len(cost) - 1) / 2 {
		cost[leftAction(l)], cost[rightAction(l)] = c[moveLeft], c[moveRight]
		if h == s.b && l != gr[s0] {
			cost[leftAction(l)]++
		}
		if h == s1 && l != gr[s0] {
			cost[rightAction(l)]++
		}
	}
}

// isTree reports whether the tokens' heads form a tree with one root and every relation is
// given.
func isTree(toks []model.Token) bool {
	roots := 0
	for i, t := range toks {
		if t.Rel == "" || t.Head >= len(toks) || t.Head < -1 || t.Head == i {
			return false
		}
		if t.Head < 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for i := range toks {
		// a walk up from i reaches the root within len(toks) steps
		h, steps := i, 0
		for h >= 0 && steps <= len(toks) {
			h = toks[h].Head
			steps++
		}
		if h >= 0 {
			return false
		}
	}
	return true
}

// IsProjective reports whether no two arcs of the tree cross, the root's arc counting as
// coming from before the first word.
func IsProjective(toks []model.Token) bool {
	type arc struct{ lo, hi int }
	arcs := make([]arc, len(toks))
	for i, t := range toks {
		h := t.Head
		arcs[i] = arc{min(i, h), max(i, h)}
	}
	for i, a := range arcs {
		for _, c := range arcs[i+1:] {
			if a.lo < c.lo && c.lo < a.hi && a.hi < c.hi || c.lo < a.lo && a.lo < c.hi && c.hi < a.hi {
				return false
			}
		}
	}
	return true
}

const chunkRows = 4096

// trainWeights are the perceptron's weights while training: a dense row of action weights
// for every feature that has been updated, with the running sums for averaging.
type trainWeights struct {
	na    int
	index map[uint64]int32
	w     [][]float32
	tot   [][]float32
	stamp []int32
	step  int
}

func newTrainWeights(na int) *trainWeights {
	return &trainWeights{na: na, index: map[uint64]int32{}}
}

func (t *trainWeights) row(r int32) (w, tot []float32) {
	c, o := int(r)/chunkRows, int(r)%chunkRows*t.na
	return t.w[c][o : o+t.na], t.tot[c][o : o+t.na]
}

func (t *trainWeights) score(scores []float32, feats []uint64) {
	clear(scores)
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		w, _ := t.row(r)
		for a, v := range w {
			scores[a] += v
		}
	}
}

func (t *trainWeights) update(feats []uint64, good, bad int) {
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.stamp))
			if int(r)%chunkRows == 0 {
				t.w = append(t.w, make([]float32, chunkRows*t.na))
				t.tot = append(t.tot, make([]float32, chunkRows*t.na))
			}
			t.index[f] = r
			t.stamp = append(t.stamp, int32(t.step))
		}
		w, tot := t.row(r)
		if dt := float32(t.step - int(t.stamp[r])); dt != 0 {
			for a, v := range w {
				tot[a] += dt * v
			}
			t.stamp[r] = int32(t.step)
		}
		w[good]++
		w[bad]--
	}
}

// averaged sets p's relation weights to the averaged ones, those below minWeight dropped,
// quantised to int16, and builds p. Features whose hashes fold to the same 32-bit key share
// its weights.
func (t *trainWeights) averaged(p *Parser, minWeight float64) error {
	type feature struct {
		k32 uint32
		row int32
	}
	feats := make([]feature, 0, len(t.index))
	for k, r := range t.index {
		feats = append(feats, feature{key32(k), r})
	}
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Or(cmp.Compare(a.k32, b.k32), cmp.Compare(a.row, b.row)) })
	steps := float32(max(t.step, 1))
	avgRow := func(r int32, avg []float32) {
		w, tot := t.row(r)
		dt := float32(t.step - int(t.stamp[r]))
		for a, v := range w {
			avg[a] += (tot[a] + dt*v) / steps
		}
	}
	maxAbs := float32(0)
	avg := make([]float32, t.na)
	for _, f := range feats {
		clear(avg)
		avgRow(f.row, avg)
		for _, v := range avg {
			maxAbs = max(maxAbs, abs32(v))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	p.Scale = 16000 / maxAbs
	var last uint32
	for i := 0; i < len(feats); {
		j := i
		clear(avg)
		for ; j < len(feats) && feats[j].k32 == feats[i].k32; j++ {
			avgRow(feats[j].row, avg)
		}
		n := 0
		for a, v := range avg {
			if float64(abs32(v)) < minWeight {
				continue
			}
			q := math.Round(float64(v * p.Scale))
			if q = max(-32000, min(32000, q)); q != 0 {
				p.Act = append(p.Act, uint8(a))
				p.Val = append(p.Val, int16(q))
				n++
			}
		}
		if n > 0 {
			p.KeyDeltas = append(p.KeyDeltas, feats[i].k32-last)
			p.Counts = append(p.Counts, uint8(n))
			last = feats[i].k32
		}
		i = j
	}
	return p.build()
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
