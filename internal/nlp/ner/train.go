package ner

import (
	"context"
	"log/slog"
	"math"
	"math/rand/v2"
)

// Sentence is one training or evaluation sentence: its words and its names.
type Sentence struct {
	Words []string
	Names []Name
}

// TrainOptions are the settings of Train.
type TrainOptions struct {
	// Epochs is the most passes over the training sentences (default 12).
	Epochs int
	// Seed orders the sentences of each pass; the same seed and data give the same model.
	Seed uint64
	// Dev chooses the pass whose averaged weights score best (overall span F1) and the scale of
	// the tag probabilities; without it the last pass is kept.
	Dev []Sentence
	// Lexicon gives the words their gazetteer classes, in training and in the Finder made.
	Lexicon Lexicon
	// Log, when not nil, hears of each pass.
	Log *slog.Logger
}

// trainer holds a structured perceptron's weights and the sums for their average: with c the
// number of sentences seen, avg = w - u/c.
type trainer struct {
	index  map[uint32]int32
	w, u   []float32
	tw, tu []float32
	c      float32
}

// Train learns a Finder from sentences with a structured averaged perceptron, and returns it
// with the pass it was taken from (1-based).
func Train(ctx context.Context, sents []Sentence, opt TrainOptions) (*Finder, int, error) {
	epochs := opt.Epochs
	if epochs <= 0 {
		epochs = 12
	}
	tr := &trainer{
		index: make(map[uint32]int32),
		tw:    make([]float32, (numTags+1)*numTags),
		tu:    make([]float32, (numTags+1)*numTags),
		c:     1,
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	var best *Finder
	bestF, bestEpoch := -1.0, 0
	s := new(scratch)
	gold := make([]int, 0, 64)
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for k, idx := range order {
			if k%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, 0, err
				}
			}
			sent := sents[idx]
			n := len(sent.Words)
			if n == 0 {
				continue
			}
			gold = goldTags(sent, gold)
			view := Finder{index: tr.index, weights: tr.w, trans: tr.tw, lex: opt.Lexicon}
			s.grow(n)
			view.emissions(s, sent.Words)
			viterbi(s, tr.tw, n)
			if tr.update(s, gold) {
				mistakes++
			}
			tr.c++
		}
		f := tr.average()
		f.lex = opt.Lexicon
		if opt.Dev == nil {
			best, bestEpoch = f, epoch
			continue
		}
		score := Evaluate(f, opt.Dev)["all"]
		if opt.Log != nil {
			opt.Log.Info("training pass", "pass", epoch, "mistaken_sentences", mistakes, "features", len(tr.index), "dev_f1", score.F1())
		}
		if score.F1() > bestF {
			best, bestF, bestEpoch = f, score.F1(), epoch
		}
	}
	if best == nil {
		best = tr.average()
		best.lex = opt.Lexicon
	}
	if opt.Dev != nil {
		best.scale = calibrate(best, opt.Dev)
	}
	return best, bestEpoch, nil
}

// goldTags writes a sentence's BIO tags into out.
func goldTags(sent Sentence, out []int) []int {
	out = out[:0]
	for range sent.Words {
		out = append(out, 0)
	}
	for _, nm := range sent.Names {
		k := kindIndex(nm.Kind)
		if k < 0 || nm.Start < 0 || nm.End > len(out) || nm.Start >= nm.End {
			continue
		}
		out[nm.Start] = tagBegin(k)
		for i := nm.Start + 1; i < nm.End; i++ {
			out[i] = tagInside(k)
		}
	}
	return out
}

// update moves the weights towards the gold tags and away from the predicted ones in s.tags;
// it tells whether they differed.
func (tr *trainer) update(s *scratch, gold []int) bool {
	pred := s.tags[:len(gold)]
	wrong := false
	for i := range gold {
		if gold[i] != pred[i] {
			wrong = true
			break
		}
	}
	if !wrong {
		return false
	}
	prevG, prevP := numTags, numTags // the start row
	for i := range gold {
		g, p := gold[i], pred[i]
		if g != p {
			s.feats = features(s.info, i, s.feats[:0])
			for _, h := range s.feats {
				r := tr.row(h)
				tr.bump(tr.w, tr.u, int(r)*numTags+g, 1)
				tr.bump(tr.w, tr.u, int(r)*numTags+p, -1)
			}
		}
		if g != p || prevG != prevP {
			tr.bump(tr.tw, tr.tu, prevG*numTags+g, 1)
			tr.bump(tr.tw, tr.tu, prevP*numTags+p, -1)
		}
		prevG, prevP = g, p
	}
	return true
}

func (tr *trainer) bump(w, u []float32, i int, d float32) {
	w[i] += d
	u[i] += tr.c * d
}

// row returns the row of feature h, adding it when new.
func (tr *trainer) row(h uint32) int32 {
	if r, ok := tr.index[h]; ok {
		return r
	}
	r := int32(len(tr.index))
	tr.index[h] = r
	var zero [numTags]float32
	tr.w = append(tr.w, zero[:]...)
	tr.u = append(tr.u, zero[:]...)
	return r
}

// average returns a Finder with the averaged weights.
func (tr *trainer) average() *Finder {
	f := &Finder{
		index:   make(map[uint32]int32, len(tr.index)),
		weights: make([]float32, len(tr.w)),
		trans:   make([]float32, len(tr.tw)),
		scale:   1,
	}
	for k, r := range tr.index {
		f.index[k] = r
	}
	for i := range tr.w {
		f.weights[i] = tr.w[i] - tr.u[i]/tr.c
	}
	for i := range tr.tw {
		f.trans[i] = tr.tw[i] - tr.tu[i]/tr.c
	}
	return f
}

// calibrate returns the scale of the scores that makes the tag probabilities most likely on
// sents (the least negative log-likelihood of their gold tags).
func calibrate(f *Finder, sents []Sentence) float64 {
	s := new(scratch)
	bestScale, bestLoss := 1.0, math.Inf(1)
	var gold []int
	for _, scale := range []float64{0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2} {
		var loss float64
		for _, sent := range sents {
			n := len(sent.Words)
			if n == 0 {
				continue
			}
			gold = goldTags(sent, gold)
			s.grow(n)
			f.emissions(s, sent.Words)
			prob := marginals(s, f.trans, scale, n)
			for i, g := range gold {
				loss -= math.Log(max(prob[i*numTags+g], 1e-12))
			}
		}
		if loss < bestLoss {
			bestScale, bestLoss = scale, loss
		}
	}
	return bestScale
}
