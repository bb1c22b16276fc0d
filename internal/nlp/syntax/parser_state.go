package syntax

import (
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// parseState is an arc-hybrid configuration: a stack whose bottom is the root (node n), the
// buffer's front b, and the arcs made so far with each node's outermost children.
type parseState struct {
	n     int
	stack []int32
	b     int32
	// word, lemma, XPOS and UPOS hashes of nodes 0..n (n is the root)
	w, l, p, u []uint64
	// the words' coarse and fine class hashes
	c, k []uint64
	head []int32
	rel  []int16
	// two leftmost and two rightmost children, -1 when none
	lc1, lc2, rc1, rc2 []int32
	// number of left and right children and the set of their relations
	nl, nr []int32
	ls, rs []uint64
	// with punct, the words' lp and rp are the hashes of the punctuation marks right
	// before and after them in the sentence (noneValue when none), and feed features
	punct  bool
	lp, rp []uint64
}

// Values of absent nodes and of the root in the features.
var (
	noneValue = strHash("\x00none")
	rootValue = strHash("\x00root")
)

func newParseState(sent []model.Token, classes wordClasses) *parseState {
	n := len(sent)
	m := n + 1
	ints := make([]int32, 7*m)
	hs := make([]uint64, 10*m)
	s := &parseState{
		n: n, stack: make([]int32, 1, m),
		w: hs[0:m], l: hs[m : 2*m], p: hs[2*m : 3*m], u: hs[3*m : 4*m],
		ls: hs[4*m : 5*m], rs: hs[5*m : 6*m], c: hs[6*m : 7*m], k: hs[7*m : 8*m],
		lp: hs[8*m : 9*m], rp: hs[9*m : 10*m],
		head: ints[0:m], lc1: ints[m : 2*m], lc2: ints[2*m : 3*m], rc1: ints[3*m : 4*m],
		rc2: ints[4*m : 5*m], nl: ints[5*m : 6*m], nr: ints[6*m : 7*m],
		rel: make([]int16, m),
	}
	for i := range m {
		s.head[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
	}
	for i, t := range sent {
		s.w[i] = lowerHash(t.Form)
		s.l[i] = strHash(t.Lemma)
		s.p[i] = strHash(t.XPOS)
		s.u[i] = strHash(t.UPOS)
		s.c[i], s.k[i] = classes.of(s.w[i])
	}
	s.w[n], s.l[n], s.p[n], s.u[n] = rootValue, rootValue, rootValue, rootValue
	s.c[n], s.k[n] = rootValue, rootValue
	for i := range m {
		s.lp[i], s.rp[i] = noneValue, noneValue
	}
	s.stack[0] = int32(n)
	return s
}

func (s *parseState) done() bool { return int(s.b) == s.n && len(s.stack) == 1 }

// Moves of the unlabelled transition system; an arc's relation is chosen apart.
const (
	moveShift = iota
	moveLeft
	moveRight
	moveCount
)

// legalMove reports whether move m may be made: LEFT needs a word above the root and a
// buffer, RIGHT a word above another word, or above the root once the buffer is empty
// (the root's one child comes last).
func (s *parseState) legalMove(m int) bool {
	switch m {
	case moveShift:
		return int(s.b) < s.n
	case moveLeft:
		return len(s.stack) >= 2 && int(s.b) < s.n
	}
	return len(s.stack) > 2 || len(s.stack) == 2 && int(s.b) == s.n
}

// rootArc reports whether a RIGHT move now attaches the top to the root.
func (s *parseState) rootArc() bool { return len(s.stack) == 2 }

// legal reports whether labelled action a may be taken. The root gets exactly one child,
// last, and only it gets the relation root (when the model has one).
func (s *parseState) legal(a, root int) bool {
	if a == 0 {
		return s.legalMove(moveShift)
	}
	l, right := (a-1)/2, (a-1)%2 == 1
	if !right {
		return s.legalMove(moveLeft) && l != root
	}
	if !s.legalMove(moveRight) {
		return false
	}
	if s.rootArc() {
		return root < 0 || l == root
	}
	return l != root
}

// actions: 0 shift, 1+2l left-l, 2+2l right-l.
func leftAction(l int) int  { return 1 + 2*l }
func rightAction(l int) int { return 2 + 2*l }

func (s *parseState) apply(a int) {
	switch {
	case a == 0:
		s.move(moveShift, 0)
	case (a-1)%2 == 1:
		s.move(moveRight, (a-1)/2)
	default:
		s.move(moveLeft, (a-1)/2)
	}
}

// arcHead returns the node the top of the stack is attached to by move m (LEFT or RIGHT).
func (s *parseState) arcHead(m int) int32 {
	if m == moveLeft {
		return s.b
	}
	return s.stack[len(s.stack)-2]
}

// move makes move m, an arc getting relation l.
func (s *parseState) move(m, l int) {
	if m == moveShift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h := s.arcHead(m)
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.addArc(h, d, l)
}

func (s *parseState) addArc(h, d int32, l int) {
	s.head[d], s.rel[d] = h, int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h]++
		s.ls[h] |= bit
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
		return
	}
	s.nr[h]++
	s.rs[h] |= bit
	if s.rc1[h] < 0 || d > s.rc1[h] {
		s.rc2[h], s.rc1[h] = s.rc1[h], d
	} else if s.rc2[h] < 0 || d > s.rc2[h] {
		s.rc2[h] = d
	}
}

func (s *parseState) st(k int) int32 {
	if k >= len(s.stack) {
		return -1
	}
	return s.stack[len(s.stack)-1-k]
}

func (s *parseState) buf(k int) int32 {
	if i := int(s.b) + k; i < s.n {
		return int32(i)
	}
	return -1
}

func strHash(v string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(v); i++ {
		h ^= uint64(v[i])
		h *= 1099511628211
	}
	return finalize(h)
}

// lowerHash is strHash of the lower-cased word, without allocating.
func lowerHash(v string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= 1099511628211
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(v[i:])
		var enc [utf8.UTFMax]byte
		k := utf8.EncodeRune(enc[:], unicode.ToLower(r))
		for _, b := range enc[:k] {
			h ^= uint64(b)
			h *= 1099511628211
		}
		i += size
	}
	return finalize(h)
}

func finalize(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func f1(t, a uint64) uint64 { return nonzero(finalize(t*0x9e3779b97f4a7c15 ^ a)) }
func f2(t, a, b uint64) uint64 {
	return nonzero(finalize((t*0x9e3779b97f4a7c15^a)*0xbf58476d1ce4e5b9 ^ b))
}
func f3(t, a, b, c uint64) uint64 { return f2(t, a, (b*0x94d049bb133111eb)^(c+0x2545f4914f6cdd1d)) }

// h1, h2 and h3 are f1, f2 and f3 for a feature's own hash, which may be 0: a hash of 0
// reads the same move row and relation key (key32) as 1. The values that f1 and f2 make for
// other features to combine keep their nonzero form.
func h1(t, a uint64) uint64 { return finalize(t*0x9e3779b97f4a7c15 ^ a) }
func h2(t, a, b uint64) uint64 {
	return finalize((t*0x9e3779b97f4a7c15^a)*0xbf58476d1ce4e5b9 ^ b)
}
func h3(t, a, b, c uint64) uint64 { return h2(t, a, (b*0x94d049bb133111eb)^(c+0x2545f4914f6cdd1d)) }

func nonzero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// featureCount bounds the number of features of one configuration.
const featureCount = 150

func distance(a, b int32, root int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	if int(a) == root || int(b) == root {
		return 7
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d < 5:
		return uint64(d)
	case d < 10:
		return 5
	}
	return 6
}

// features appends the hashes of the configuration's features (Zhang and Nivre 2011,
// adapted to the arc-hybrid stack and buffer).
func (s *parseState) features(f []uint64) []uint64 {
	val := func(v []uint64, i int32) uint64 {
		if i < 0 {
			return noneValue
		}
		return v[i]
	}
	child := func(c []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return c[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.rel[i]) + 1
	}
	s0, s1, s2 := s.st(0), s.st(1), s.st(2)
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)
	s0w, s0p, s0l, s0u := val(s.w, s0), val(s.p, s0), val(s.l, s0), val(s.u, s0)
	s1w, s1p, s1l := val(s.w, s1), val(s.p, s1), val(s.l, s1)
	s2p := val(s.p, s2)
	b0w, b0p, b0l, b0u := val(s.w, b0), val(s.p, b0), val(s.l, b0), val(s.u, b0)
	b1w, b1p := val(s.w, b1), val(s.p, b1)
	b2w, b2p := val(s.w, b2), val(s.p, b2)
	s0wp, s1wp, b0wp, b1wp := f1(0, s0w^s0p*3), f1(0, s1w^s1p*3), f1(0, b0w^b0p*3), f1(0, b1w^b1p*3)

	s0lc1, s0lc2, s0rc1, s0rc2 := child(s.lc1, s0), child(s.lc2, s0), child(s.rc1, s0), child(s.rc2, s0)
	s1lc1, s1rc1, s1rc2 := child(s.lc1, s1), child(s.rc1, s1), child(s.rc2, s1)
	b0lc1, b0lc2 := child(s.lc1, b0), child(s.lc2, b0)
	s0lc1p, s0lc2p, s0rc1p, s0rc2p := val(s.p, s0lc1), val(s.p, s0lc2), val(s.p, s0rc1), val(s.p, s0rc2)
	s1lc1p, s1rc1p, s1rc2p := val(s.p, s1lc1), val(s.p, s1rc1), val(s.p, s1rc2)
	b0lc1p, b0lc2p := val(s.p, b0lc1), val(s.p, b0lc2)

	d := distance(s0, b0, s.n)
	d1 := distance(s1, s0, s.n)
	var s0nl, s0nr, s1nl, s1nr, b0nl uint64
	var s0ls, s0rs, s1ls, s1rs, b0ls uint64
	if s0 >= 0 {
		s0nl, s0nr, s0ls, s0rs = uint64(s.nl[s0]), uint64(s.nr[s0]), s.ls[s0], s.rs[s0]
	}
	if s1 >= 0 {
		s1nl, s1nr, s1ls, s1rs = uint64(s.nl[s1]), uint64(s.nr[s1]), s.ls[s1], s.rs[s1]
	}
	if b0 >= 0 {
		b0nl, b0ls = uint64(s.nl[b0]), s.ls[b0]
	}

	t := uint64(1)
	add := func(h uint64) {
		f = append(f, h)
	}
	next := func() uint64 { t++; return t }
	// single words
	add(h1(next(), s0wp))
	add(h1(next(), s0w))
	add(h1(next(), s0p))
	add(h1(next(), s0l))
	add(h1(next(), s1wp))
	add(h1(next(), s1w))
	add(h1(next(), s1p))
	add(h1(next(), s1l))
	add(h1(next(), b0wp))
	add(h1(next(), b0w))
	add(h1(next(), b0p))
	add(h1(next(), b0l))
	add(h1(next(), b1wp))
	add(h1(next(), b1w))
	add(h1(next(), b1p))
	add(h1(next(), b2w))
	add(h1(next(), b2p))
	add(h1(next(), s2p))
	// pairs
	add(h2(next(), s0wp, b0wp))
	add(h2(next(), s0wp, b0w))
	add(h2(next(), s0w, b0wp))
	add(h2(next(), s0wp, b0p))
	add(h2(next(), s0p, b0wp))
	add(h2(next(), s0w, b0w))
	add(h2(next(), s0p, b0p))
	add(h2(next(), s0l, b0l))
	add(h2(next(), s0u, b0u))
	add(h2(next(), b0p, b1p))
	add(h2(next(), s1wp, s0wp))
	add(h2(next(), s1wp, s0p))
	add(h2(next(), s1p, s0wp))
	add(h2(next(), s1w, s0w))
	add(h2(next(), s1p, s0p))
	add(h2(next(), s1l, s0l))
	add(h2(next(), s1p, b0p))
	// triples of tags
	add(h3(next(), b0p, b1p, b2p))
	add(h3(next(), s0p, b0p, b1p))
	add(h3(next(), s1p, s0p, b0p))
	add(h3(next(), s2p, s1p, s0p))
	add(h3(next(), s0p, s0lc1p, b0p))
	add(h3(next(), s0p, s0rc1p, b0p))
	add(h3(next(), s0p, b0p, b0lc1p))
	add(h3(next(), s1p, s0p, s0lc1p))
	add(h3(next(), s1p, s0p, s0rc1p))
	add(h3(next(), s1p, s1rc1p, s0p))
	add(h3(next(), s1p, s1lc1p, s0p))
	// distance
	add(h2(next(), s0w, d))
	add(h2(next(), s0p, d))
	add(h2(next(), b0w, d))
	add(h2(next(), b0p, d))
	add(h3(next(), s0w, b0w, d))
	add(h3(next(), s0p, b0p, d))
	add(h3(next(), s1p, s0p, d1))
	add(h3(next(), s1w, s0w, d1))
	// valency
	add(h2(next(), s0w, s0nr))
	add(h2(next(), s0p, s0nr))
	add(h2(next(), s0w, s0nl))
	add(h2(next(), s0p, s0nl))
	add(h2(next(), s1w, s1nr))
	add(h2(next(), s1p, s1nr))
	add(h2(next(), s1p, s1nl))
	add(h2(next(), b0w, b0nl))
	add(h2(next(), b0p, b0nl))
	// children
	add(h1(next(), val(s.w, s0lc1)))
	add(h1(next(), s0lc1p))
	add(h1(next(), lab(s0lc1)))
	add(h1(next(), val(s.w, s0rc1)))
	add(h1(next(), s0rc1p))
	add(h1(next(), lab(s0rc1)))
	add(h1(next(), val(s.w, s1rc1)))
	add(h1(next(), s1rc1p))
	add(h1(next(), lab(s1rc1)))
	add(h1(next(), s1lc1p))
	add(h1(next(), lab(s1lc1)))
	add(h1(next(), val(s.w, b0lc1)))
	add(h1(next(), b0lc1p))
	add(h1(next(), lab(b0lc1)))
	add(h1(next(), s0lc2p))
	add(h1(next(), lab(s0lc2)))
	add(h1(next(), s0rc2p))
	add(h1(next(), lab(s0rc2)))
	add(h1(next(), b0lc2p))
	add(h1(next(), lab(b0lc2)))
	add(h3(next(), s0p, s0lc1p, s0lc2p))
	add(h3(next(), s0p, s0rc1p, s0rc2p))
	add(h3(next(), s1p, s1rc1p, s1rc2p))
	add(h3(next(), b0p, b0lc1p, b0lc2p))
	add(h3(next(), s0p, lab(s0lc1), lab(s0rc1)))
	add(h3(next(), s1p, lab(s1rc1), s0p))
	// relation sets
	add(h2(next(), s0w, s0rs))
	add(h2(next(), s0p, s0rs))
	add(h2(next(), s0w, s0ls))
	add(h2(next(), s0p, s0ls))
	add(h2(next(), s1p, s1rs))
	add(h2(next(), s1p, s1ls))
	add(h2(next(), b0w, b0ls))
	add(h2(next(), b0p, b0ls))
	// word classes (Koo, Carreras and Collins 2008): fine ones alone and with tags, coarse
	// ones in pairs
	s0k, s1k, b0k, b1k := val(s.k, s0), val(s.k, s1), val(s.k, b0), val(s.k, b1)
	s0c, s1c, b0c, b1c := val(s.c, s0), val(s.c, s1), val(s.c, b0), val(s.c, b1)
	f = append(f,
		h1(next(), s0k), h1(next(), s1k), h1(next(), b0k), h1(next(), b1k), h1(next(), val(s.k, s2)),
		h2(next(), s0k, b0k), h2(next(), s0k, b0p), h2(next(), s0p, b0k), h2(next(), s1k, s0k),
		h2(next(), s1k, s0p), h2(next(), s1p, s0k), h2(next(), b0k, b1p),
		h3(next(), s0c, b0c, d), h3(next(), s1c, s0c, b0c), h3(next(), s0c, b0c, b1c),
		// the outermost children's classes with their heads' tags
		h2(next(), val(s.k, s0lc1), s0p), h2(next(), val(s.k, s0rc1), s0p),
		h2(next(), val(s.k, s1rc1), s1p), h2(next(), val(s.k, b0lc1), b0p),
	)
	if !s.punct {
		return f
	}
	// the punctuation around the words, which are parsed without it (Ma, Zhang and Zhu 2014)
	s0lp, s0rp, s1rp, s1lp := val(s.lp, s0), val(s.rp, s0), val(s.rp, s1), val(s.lp, s1)
	b0lp, b0rp, b1lp := val(s.lp, b0), val(s.rp, b0), val(s.lp, b1)
	f = append(f,
		h1(next(), s0lp), h1(next(), s0rp), h1(next(), s1rp), h1(next(), b0lp), h1(next(), b0rp),
		h2(next(), s0p, s0rp), h2(next(), s0p, s0lp), h2(next(), s1p, s1rp), h2(next(), s1p, s1lp),
		h2(next(), b0p, b0lp), h2(next(), b0p, b0rp), h2(next(), b1p, b1lp),
		h2(next(), s0w, s0rp), h2(next(), b0w, b0lp), h2(next(), s1w, s1rp),
		h3(next(), s0p, b0p, b0lp), h3(next(), s0p, b0p, s0rp), h3(next(), s1p, s0p, s0lp),
		h3(next(), s1p, s0p, s1rp), h3(next(), s0rp, b0lp, f2(0, s0p, b0p)),
		h3(next(), s1p, s0p, f2(0, s1rp, s0lp)), h3(next(), s0p, b0p, d^b0lp),
	)
	return f
}

// labelFeatureCount bounds the number of features of one arc's relation.
const labelFeatureCount = 64

// labelFeatures appends the hashes of the features that choose the relation of the arc from
// head h to dependent d made by move m.
func (s *parseState) labelFeatures(f []uint64, m int, h, d int32) []uint64 {
	val := func(v []uint64, i int32) uint64 {
		if i < 0 || int(i) > s.n {
			return noneValue
		}
		return v[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.rel[i]) + 1
	}
	dw, dp, dl, du := s.w[d], s.p[d], s.l[d], s.u[d]
	hw, hp, hl, hu := s.w[h], s.p[h], s.l[h], s.u[h]
	dwp, hwp := f1(0, dw^dp*3), f1(0, hw^hp*3)
	dist := distance(d, h, s.n)
	dNext, dPrev := val(s.p, d+1), val(s.p, d-1)
	hNext, hPrev := val(s.p, h+1), val(s.p, h-1)
	if h == int32(s.n) {
		hNext, hPrev = noneValue, noneValue
	}
	var hset uint64
	if m == moveLeft {
		hset = s.ls[h]
	} else {
		hset = s.rs[h]
	}
	dkids := f2(0, s.ls[d], s.rs[d])
	b0p := val(s.p, s.buf(0))
	if m == moveLeft {
		b0p = val(s.p, s.buf(1))
	}
	dlc1w := val(s.w, s.lc1[d])
	first := uint64(0)
	if d == 0 {
		first = 1
	}
	t := uint64(m) << 32
	next := func() uint64 { t++; return t }
	f = append(f,
		h1(next(), dw), h1(next(), dp), h1(next(), dl), h1(next(), dwp),
		h1(next(), hw), h1(next(), hp), h1(next(), hl), h1(next(), hwp),
		h2(next(), dwp, hwp), h2(next(), dw, hp), h2(next(), dp, hw), h2(next(), dp, hp),
		h2(next(), dl, hl), h2(next(), du, hu), h3(next(), dp, hp, dist), h2(next(), dw, hw),
		h3(next(), dp, lab(s.lc1[d]), lab(s.rc1[d])), h2(next(), hp, hset), h3(next(), dp, hp, dkids),
		h2(next(), dp, dNext), h3(next(), dp, dPrev, hp), h2(next(), dw, dist),
		h3(next(), hp, hNext, dp), h3(next(), hp, hPrev, dp), h3(next(), dp, hp, b0p),
		h2(next(), dl, hp), h2(next(), dp, hl), h2(next(), du, uint64(s.nl[d])<<8|uint64(s.nr[d])),
		h3(next(), dw, hp, dist),
		h2(next(), dlc1w, hp), h3(next(), dlc1w, dp, hp), h2(next(), dlc1w, dw),
		h3(next(), dp, hp, lab(s.lc1[h])), h3(next(), dp, hp, f2(0, s.ls[h], s.rs[h])),
		h2(next(), dp, val(s.w, s.lc1[h])), h3(next(), dp, hp, val(s.p, s.rc1[d])),
		h3(next(), dw, hw, dp), h3(next(), dp, hp, first),
		h1(next(), s.k[d]), h2(next(), s.k[d], hp), h2(next(), dp, s.k[h]), h2(next(), s.k[d], s.k[h]),
		h3(next(), s.c[d], s.c[h], dist),
		h2(next(), dw, val(s.w, s.rc1[d])), h3(next(), dp, val(s.p, s.rc1[d]), lab(s.rc1[d])),
		h2(next(), dp, val(s.w, d-1)), h2(next(), dp, val(s.w, d+1)), h3(next(), dp, hp, val(s.w, h-1)),
		h2(next(), dlc1w, val(s.w, s.lc2[d])), h2(next(), s.k[d], hl),
		h3(next(), dp, hp, uint64(s.nl[h])<<8|uint64(s.nr[h])),
		h2(next(), hw, dl), h2(next(), hp, val(s.w, h+1)), h3(next(), val(s.p, s.lc1[d]), dw, dp),
		h2(next(), s.k[h], dw), h2(next(), dw, dkids), h3(next(), du, hu, dist),
	)
	if !s.punct {
		return f
	}
	return append(f,
		h2(next(), dp, s.lp[d]), h2(next(), dp, s.rp[d]), h3(next(), dp, hp, s.lp[d]),
		h3(next(), dp, hp, s.rp[d]), h3(next(), dp, hp, f2(0, s.lp[h], s.rp[h])), h2(next(), dw, s.lp[d]),
	)
}
