package syntax

import (
	"cmp"
	"slices"
)

// clone returns a copy of the state that moves apart from it; the words' hashes are shared.
func (s *parseState) clone() *parseState {
	c := s.blankLike()
	c.copyFrom(s)
	return c
}

// blankLike returns a state of the same sentence as s, sharing its words' hashes, with room
// for the arcs and the stack that copyFrom copies in.
func (s *parseState) blankLike() *parseState {
	m := s.n + 1
	c := *s
	ints := make([]int32, 7*m)
	c.head, c.lc1, c.lc2, c.rc1 = ints[0:m], ints[m:2*m], ints[2*m:3*m], ints[3*m:4*m]
	c.rc2, c.nl, c.nr = ints[4*m:5*m], ints[5*m:6*m], ints[6*m:7*m]
	sets := make([]uint64, 2*m)
	c.ls, c.rs = sets[:m], sets[m:]
	c.rel = make([]int16, m)
	c.stack = make([]int32, 0, m)
	c.b = -1
	return &c
}

// copyFrom makes s, a state of the same sentence, a copy of src. Only the words up to the
// buffer's front and the root have arcs, so that the words after the fronts of both states
// are as the sentence began in both and are not copied; a state of blankLike has its front
// at -1, and everything is copied into it.
func (s *parseState) copyFrom(src *parseState) {
	hi := s.n
	if s.b >= 0 {
		hi = min(int(max(s.b, src.b))+1, s.n)
	}
	for _, p := range [...][2][]int32{{s.head, src.head}, {s.lc1, src.lc1}, {s.lc2, src.lc2},
		{s.rc1, src.rc1}, {s.rc2, src.rc2}, {s.nl, src.nl}, {s.nr, src.nr}} {
		copy(p[0][:hi], p[1][:hi])
		p[0][s.n] = p[1][s.n]
	}
	copy(s.ls[:hi], src.ls[:hi])
	copy(s.rs[:hi], src.rs[:hi])
	copy(s.rel[:hi], src.rel[:hi])
	s.ls[s.n], s.rs[s.n], s.rel[s.n] = src.ls[s.n], src.rs[s.n], src.rel[s.n]
	s.stack = append(s.stack[:0], src.stack...)
	s.b = src.b
}

// beamItem is a configuration in the beam with the sum of its moves' scores.
type beamItem struct {
	s     *parseState
	score float64
	// hist holds the moves that made it, each move plus 4 times its relation
	hist []int32
	// gold says that no move so far lost a gold arc (training)
	gold bool
}

// beamCand is a move from a beam item.
type beamCand struct {
	item, move int
	score      float64
	gold       bool
}

// bestCands sorts the candidates best first and keeps the k best.
func bestCands(c []beamCand, k int) []beamCand {
	slices.SortStableFunc(c, func(a, b beamCand) int { return cmp.Compare(b.score, a.score) })
	return c[:min(k, len(c))]
}

// parseBeam parses s with a beam of Beam configurations, returning the best final one.
// The states live in two sets that take turns, the beam's and the next step's, so that a
// step allocates nothing; beam items with the same features share their move scores.
func (p *Parser) parseBeam(s *parseState) *parseState {
	var lb [labelFeatureCount]uint64
	k := p.Beam
	pool := make([]*parseState, 2*k)
	pool[0] = s
	for i := 1; i < len(pool); i++ {
		pool[i] = s.blankLike()
	}
	cur, spare := pool[:k], pool[k:]
	beam := make([]beamItem, 1, k)
	beam[0] = beamItem{s: s}
	next := make([]beamItem, 0, k)
	feats := make([]uint64, k*featureCount)
	nf := make([]int, k)
	scores := make([][moveCount]int32, k)
	cands := make([]beamCand, 0, k*moveCount)
	for !beam[0].s.done() {
		cands = cands[:0]
		for i, it := range beam {
			f := it.s.features(feats[i*featureCount : i*featureCount : (i+1)*featureCount])
			nf[i] = len(f)
			scores[i] = p.shareScores(beam[:i], feats, nf, scores, it.s, f)
			for m := range moveCount {
				if it.s.legalMove(m) {
					cands = append(cands, beamCand{item: i, move: m, score: it.score + float64(scores[i][m])})
				}
			}
		}
		next = next[:0]
		for j, c := range bestCands(cands, k) {
			st := spare[j]
			st.copyFrom(beam[c.item].s)
			l := 0
			if c.move != moveShift {
				h, d := st.arcHead(c.move), st.st(0)
				l = p.root
				if c.move == moveLeft || !st.rootArc() || p.root < 0 {
					l = p.bestLabel(st.labelFeatures(lb[:0], c.move, h, d))
				}
			}
			st.move(c.move, l)
			next = append(next, beamItem{s: st, score: c.score})
		}
		beam, next = next, beam
		cur, spare = spare, cur
	}
	return beam[0].s
}

// shareScores returns the move scores of the features f of state s: those of an earlier
// item of the beam with the same stack top, buffer front and features, else their sum.
func (p *Parser) shareScores(earlier []beamItem, feats []uint64, nf []int, scores [][moveCount]int32, s *parseState, f []uint64) [moveCount]int32 {
	for j, e := range earlier {
		if e.s.b == s.b && e.s.st(0) == s.st(0) && slices.Equal(feats[j*featureCount:j*featureCount+nf[j]], f) {
			return scores[j]
		}
	}
	return p.moveScores(f)
}

// trainBeam learns from one sentence with a beam of k configurations: when no configuration
// in the beam can still reach the gold tree, or at the end when the best one has not, the
// moves of the best one that can are rewarded and those of the best one punished (an early
// update). The relation model learns on every arc of the sentence's gold tree, made along
// the oracle's moves (trainLabels).
func trainBeam(mw *moveWeights, tw *trainWeights, s0 *parseState, gh []int32, gr []int, k, root int, scores []float32) {
	var fb [featureCount]uint64
	var lb [labelFeatureCount]uint64
	start := s0.clone()
	inStack := make([]bool, s0.n+1)
	beam := []beamItem{{s: s0, gold: true}}
	var cands []beamCand
	for !beam[0].s.done() {
		cands = cands[:0]
		for i, it := range beam {
			sc := mw.score(it.s.features(fb[:0]))
			var cost [moveCount]int
			if it.gold {
				clear(inStack)
				for _, x := range it.s.stack {
					inStack[x] = true
				}
				cost = it.s.moveCosts(gh, inStack)
			}
			for m := range moveCount {
				if it.s.legalMove(m) {
					cands = append(cands, beamCand{item: i, move: m, score: it.score + float64(sc[m]), gold: it.gold && cost[m] == 0})
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b beamCand) int { return cmp.Compare(b.score, a.score) })
		top := cands[:min(k, len(cands))]
		if !slices.ContainsFunc(top, func(c beamCand) bool { return c.gold }) {
			g := cands[slices.IndexFunc(cands, func(c beamCand) bool { return c.gold })]
			earlyUpdate(mw, start, append(slices.Clone(beam[g.item].hist), int32(g.move)), append(slices.Clone(beam[top[0].item].hist), int32(top[0].move)), tw.step)
			trainLabels(tw, start, gh, gr, root, scores)
			return
		}
		next := make([]beamItem, 0, k)
		for _, c := range top {
			it := beam[c.item]
			st := it.s.clone()
			l := 0
			if c.move != moveShift {
				h, d := st.arcHead(c.move), st.st(0)
				switch {
				case c.move == moveRight && st.rootArc():
					l = root
				case c.gold && gh[d] == h:
					l = gr[d]
				default:
					tw.score(scores, st.labelFeatures(lb[:0], c.move, h, d))
					l = bestTrainLabel(scores, root)
				}
			}
			st.move(c.move, l)
			next = append(next, beamItem{s: st, score: c.score, gold: c.gold,
				hist: append(slices.Clone(it.hist), int32(c.move|l<<2))})
		}
		beam = next
		tw.step++
	}
	if !beam[0].gold {
		g := slices.IndexFunc(beam, func(it beamItem) bool { return it.gold })
		earlyUpdate(mw, start, beam[g].hist, beam[0].hist, tw.step)
	}
	trainLabels(tw, start, gh, gr, root, scores)
}

// trainLabels makes the gold tree's arcs from a copy of start, with the first move of LEFT,
// RIGHT and SHIFT that loses no gold arc, and teaches the relation model each arc's relation.
func trainLabels(tw *trainWeights, start *parseState, gh []int32, gr []int, root int, scores []float32) {
	var lb [labelFeatureCount]uint64
	s := start.clone()
	inStack := make([]bool, s.n+1)
	inStack[s.n] = true
	for !s.done() {
		cost := s.moveCosts(gh, inStack)
		m := -1
		for _, c := range []int{moveLeft, moveRight, moveShift} {
			if s.legalMove(c) && cost[c] == 0 {
				m = c
				break
			}
		}
		if m < 0 {
			return // not a projective tree
		}
		l := 0
		if m == moveShift {
			inStack[s.b] = true
		} else {
			h, d := s.arcHead(m), s.st(0)
			inStack[d] = false
			l = gr[d]
			if m == moveRight && s.rootArc() {
				l = root
			} else {
				lf := s.labelFeatures(lb[:0], m, h, d)
				tw.score(scores, lf)
				if p := bestTrainLabel(scores, root); p != l {
					tw.update(lf, l, p)
				}
			}
		}
		tw.step++
		s.move(m, l)
	}
}

// earlyUpdate replays the gold and the predicted moves from the start and moves the weights
// toward the first and away from the second; where the two agree the updates cancel. A move
// without a relation (the last one of an early update) replays as its bare move.
func earlyUpdate(mw *moveWeights, start *parseState, gold, pred []int32, step int) {
	var fb [featureCount]uint64
	for _, c := range []struct {
		hist  []int32
		delta float32
	}{{gold, 1}, {pred, -1}} {
		s := start.clone()
		for _, a := range c.hist {
			m := int(a & 3)
			mw.add(s.features(fb[:0]), m, c.delta, step)
			s.move(m, int(a>>2))
		}
	}
}
