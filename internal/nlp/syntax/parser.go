package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/tidings-news/tidings/internal/model"
)

// Parser is a greedy arc-hybrid dependency parser scored by two averaged perceptrons. The
// first chooses the move, SHIFT, LEFT or RIGHT, from the configuration; when the move makes
// an arc, the second chooses its relation among Labels from features of the head and the
// dependent.
//
// Each feature is a 64-bit hash of a template and the words, tags and relations it reads.
// The move weights are hashed rows: the top Bits bits of a feature's hash pick row r, whose
// weights for SHIFT, LEFT and RIGHT are Moves[4r:4r+3]/MoveScale (Moves[4r+3] is unused
// padding, so that a row is one aligned 8-byte read). The relation weights are sparse: the
// model stores their features' 32-bit keys sorted, each as its difference from the one
// before (KeyDeltas), and for each the number of weights it has (Counts): the weights of
// the i-th feature are Val[k]/Scale for relation Act[k], k running over its Counts[i]
// entries. A Parser is safe for concurrent use.
type Parser struct {
	Labels    []string
	Bits      uint8
	Moves     []int16
	MoveScale float32
	KeyDeltas []uint32
	Counts    []uint8
	Act       []uint8
	Val       []int16
	Scale     float32
	// ClassWords are lower-cased words, sorted, with their coarse and fine classes
	// (WordClasses) for the features.
	ClassWords             []string
	ClassCoarse, ClassFine []uint16
	// PunctApart says that the model parses the words without the punctuation marks
	// (UPOS PUNCT), which feed features of the words next to them and are attached after
	// the parse (attachPunct).
	PunctApart bool
	// Beam, when above 1, is the number of configurations the parser keeps at each step
	// (trained for it globally, with early updates); else the parser is greedy.
	Beam int

	classes wordClasses
	// rows holds each row of Moves as one word, SHIFT, LEFT and RIGHT in its low 16-bit
	// lanes, each plus rowBias so that a lane holds no sign and lanes add up apart; Moves
	// itself is dropped once the rows are built
	rows []uint64
	keys []uint32
	off  []int32
	// packed holds each weight as its value times 256 plus its relation
	packed []int32
	table  featureTable
	root   int // index of "root" in Labels, -1 when absent
}

// moveRow returns the index in Moves of the row of feature hash f with bits bits.
func moveRow(f uint64, bits uint8) uint64 { return f >> (64 - bits) << 2 }

// featureTable is an open-addressing hash table from a feature's key to where its weights
// are, the key and the place side by side so that a lookup reads one cache line.
type featureTable struct {
	slots []slot
	mask  uint32
}

// slot holds a key and its weights' span: their offset in Parser.packed times 256 plus
// their number.
type slot struct {
	key  uint32
	span uint32
}

// maxSpanStart bounds the number of relation weights, so that an offset fits in a span.
const maxSpanStart = 1 << 24

func newFeatureTable(keys []uint32, off []int32) featureTable {
	size := 1
	for size < 2*len(keys) {
		size <<= 1
	}
	t := featureTable{slots: make([]slot, size), mask: uint32(size - 1)}
	for r, k := range keys {
		i := spread(k) & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{k, uint32(off[r])<<8 | uint32(off[r+1]-off[r])}
	}
	return t
}

// spread scatters sorted keys over the table.
func spread(k uint32) uint32 { return k * 0x9e3779b1 }

// find returns the span of key k, and whether the table has it.
func (t *featureTable) find(k uint32) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	i := spread(k) & t.mask
	for {
		switch s := t.slots[i]; s.key {
		case k:
			return s.span, true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}

// key32 folds a feature's 64-bit hash to the 32 bits the model keeps (never 0).
func key32(h uint64) uint32 {
	k := uint32(h) ^ uint32(h>>32)
	if k == 0 {
		return 1
	}
	return k
}

func (p *Parser) build() error {
	if len(p.Counts) != len(p.KeyDeltas) || len(p.Act) != len(p.Val) {
		return fmt.Errorf("the parser model's weight tables do not fit together")
	}
	if p.Bits < 1 || p.Bits > 30 || len(p.Moves) != 4<<p.Bits {
		return fmt.Errorf("the parser model's move weights do not fit its %d-bit rows", p.Bits)
	}
	if len(p.Labels) > 255 {
		return fmt.Errorf("the parser model has %d relations; at most 255 fit", len(p.Labels))
	}
	for _, a := range p.Act {
		if int(a) >= len(p.Labels) {
			return fmt.Errorf("the parser model names relation %d of %d", a, len(p.Labels))
		}
	}
	p.rows = make([]uint64, len(p.Moves)/4)
	for r := range p.rows {
		w := p.Moves[4*r : 4*r+4 : 4*r+4]
		p.rows[r] = biased(w[0]) | biased(w[1])<<16 | biased(w[2])<<32 | biased(w[3])<<48
	}
	p.Moves = nil
	p.keys = make([]uint32, len(p.KeyDeltas))
	p.off = make([]int32, len(p.KeyDeltas)+1)
	var k uint32
	for i, d := range p.KeyDeltas {
		if d == 0 && i > 0 || uint64(k)+uint64(d) > 0xffffffff {
			return fmt.Errorf("the parser model's feature keys are not sorted")
		}
		k += d
		p.keys[i] = k
		p.off[i+1] = p.off[i] + int32(p.Counts[i])
	}
	if len(p.keys) > 0 && p.keys[0] == 0 {
		return fmt.Errorf("the parser model has a zero feature key")
	}
	if int(p.off[len(p.keys)]) != len(p.Val) {
		return fmt.Errorf("the parser model's weight counts do not add up")
	}
	if len(p.Val) >= maxSpanStart {
		return fmt.Errorf("the parser model has %d relation weights; fewer than %d fit", len(p.Val), maxSpanStart)
	}
	p.packed = make([]int32, len(p.Val))
	for k, v := range p.Val {
		p.packed[k] = int32(v)<<8 | int32(p.Act[k])
	}
	p.table = newFeatureTable(p.keys, p.off)
	var err error
	if p.classes, err = newWordClasses(p.ClassWords, p.ClassCoarse, p.ClassFine); err != nil {
		return err
	}
	p.root = -1
	for i, l := range p.Labels {
		if l == "root" {
			p.root = i
		}
	}
	return nil
}

// Pruned returns a copy of the parser without the weights smaller than minWeight.
func (p *Parser) Pruned(minWeight float64) (*Parser, error) {
	q := &Parser{Labels: p.Labels, Bits: p.Bits, MoveScale: p.MoveScale, Scale: p.Scale,
		ClassWords: p.ClassWords, ClassCoarse: p.ClassCoarse, ClassFine: p.ClassFine, PunctApart: p.PunctApart, Beam: p.Beam}
	q.Moves = p.moves()
	moveLimit := minWeight * float64(p.MoveScale)
	for i, v := range q.Moves {
		if v := float64(v); v < moveLimit && -v < moveLimit {
			q.Moves[i] = 0
		}
	}
	limit := minWeight * float64(p.Scale)
	var last uint32
	for i, k := range p.keys {
		n := 0
		for j := p.off[i]; j < p.off[i+1]; j++ {
			if v := float64(p.Val[j]); v >= limit || -v >= limit {
				q.Act = append(q.Act, p.Act[j])
				q.Val = append(q.Val, p.Val[j])
				n++
			}
		}
		if n > 0 {
			q.KeyDeltas = append(q.KeyDeltas, k-last)
			q.Counts = append(q.Counts, uint8(n))
			last = k
		}
	}
	if err := q.build(); err != nil {
		return nil, err
	}
	return q, nil
}

// rowBias is added to each move weight in the rows.
const rowBias = 1 << 15

func biased(v int16) uint64 { return uint64(int32(v) + rowBias) }

// unbiased returns the weight in the low 16 bits of lane.
func unbiased(lane uint64) int16 { return int16(int32(lane&0xffff) - rowBias) }

// moves returns the move weights as the model file holds them, unpacked from the rows.
func (p *Parser) moves() []int16 {
	m := make([]int16, 4*len(p.rows))
	for r, w := range p.rows {
		m[4*r], m[4*r+1], m[4*r+2], m[4*r+3] = unbiased(w), unbiased(w>>16), unbiased(w>>32), unbiased(w>>48)
	}
	return m
}

// Features is the number of relation features the model has weights for.
func (p *Parser) Features() int { return len(p.keys) }

//go:embed parser.model.gz
var parserModel []byte

var embeddedParser = sync.OnceValues(func() (*Parser, error) {
	return ReadParser(bytes.NewReader(parserModel))
})

// LoadParser returns the embedded parser model, read once and shared.
func LoadParser() (*Parser, error) {
	return embeddedParser()
}

//go:embed parser-beam.model.gz
var beamParserModel []byte

var embeddedBeamParser = sync.OnceValues(func() (*Parser, error) {
	return ReadParser(bytes.NewReader(beamParserModel))
})

// LoadBeamParser returns the embedded beam parser, read once and shared: trained with a beam
// of 8 and parsing with it, more accurate than LoadParser's greedy model and about a fifth of
// its speed (docs/syntax.md).
func LoadBeamParser() (*Parser, error) {
	return embeddedBeamParser()
}

// LoadParserFor returns the embedded beam parser when beam is set and the greedy one
// otherwise: the one choice that every command and the pipeline make.
func LoadParserFor(beam bool) (*Parser, error) {
	if beam {
		return LoadBeamParser()
	}
	return LoadParser()
}

// ReadParser reads a gzip'd parser model written by Parser.Write.
func ReadParser(r io.Reader) (*Parser, error) {
	var p Parser
	if err := readModel(r, "parser", &p); err != nil {
		return nil, err
	}
	if err := p.build(); err != nil {
		return nil, err
	}
	return &p, nil
}

// Write writes the model gzip'd.
func (p *Parser) Write(w io.Writer) error {
	q := *p
	q.Moves = p.moves()
	return writeModel(w, "parser", &q)
}

// Parse fills Head (-1 for the root) and Rel of every token from their forms, lemmas and
// tags. The result is always a tree with a single root.
func (p *Parser) Parse(sent []model.Token) {
	if len(sent) == 0 {
		return
	}
	if !p.PunctApart {
		s := p.parse(newParseState(sent, p.classes))
		for i := range sent {
			sent[i].Head, sent[i].Rel = p.arc(s, int32(i))
		}
		var sc punctScratch
		attachPunct(sent, &sc)
		return
	}
	skip := make([]bool, len(sent))
	marks := 0
	for i, t := range sent {
		if t.UPOS == "PUNCT" {
			skip[i] = true
			marks++
		}
	}
	if marks == len(sent) {
		clear(skip)
	}
	s, _, idx := newWordState(sent, skip, p.classes)
	s = p.parse(s)
	for j, i := range idx {
		h, rel := p.arc(s, int32(j))
		if h >= 0 {
			h = int(idx[h])
		}
		sent[i].Head, sent[i].Rel = h, rel
	}
	// the marks hang from a word for now; attachPunct chooses which
	for i := range sent {
		if skip[i] {
			sent[i].Head, sent[i].Rel = int(idx[0]), "punct"
		}
	}
	var sc punctScratch
	attachPunct(sent, &sc)
}

// maxBeamWords bounds the length of the sentences parsed with a beam: each step copies
// the beam's configurations, so that its time grows with the square of the length; longer
// sentences are parsed greedily.
const maxBeamWords = 250

// parse makes the moves from s until it is done and returns the final state.
func (p *Parser) parse(s *parseState) *parseState {
	if p.Beam > 1 && s.n <= maxBeamWords {
		return p.parseBeam(s)
	}
	var fb [featureCount]uint64
	var lb [labelFeatureCount]uint64
	for !s.done() {
		m := p.bestMove(s, s.features(fb[:0]))
		if m == moveShift {
			s.move(m, 0)
			continue
		}
		h, d := s.arcHead(m), s.st(0)
		l := p.root
		if m == moveLeft || !s.rootArc() || p.root < 0 {
			l = p.bestLabel(s.labelFeatures(lb[:0], m, h, d))
		}
		s.move(m, l)
	}
	return s
}

// arc returns node i's head (-1 for the root) and relation in the parse s.
func (p *Parser) arc(s *parseState, i int32) (int, string) {
	h := int(s.head[i])
	if h == s.n {
		return -1, "root"
	}
	return h, p.Labels[s.rel[i]]
}

// bestMove returns the legal move with the highest score.
func (p *Parser) bestMove(s *parseState, feats []uint64) int {
	sc := p.moveScores(feats)
	best := -1
	for m := range moveCount {
		if (best < 0 || sc[m] > sc[best]) && s.legalMove(m) {
			best = m
		}
	}
	return best
}

// moveScores returns the scores of the three moves for the features.
func (p *Parser) moveScores(feats []uint64) [moveCount]int32 {
	// two sums of 32-bit lanes, SHIFT and RIGHT in one, LEFT in the other: a lane is under
	// 1<<16, so that the sum of featureCount of them stays in its lane
	const lanes = 0x0000ffff0000ffff
	var even, odd uint64
	n := len(feats)
	rows, shiftBits := p.rows, uint(64-p.Bits)&63
	// four at a time, the reads of a row independent of the sums
	for len(feats) >= 4 {
		f := feats[:4:4]
		w0, w1, w2, w3 := rows[f[0]>>shiftBits], rows[f[1]>>shiftBits], rows[f[2]>>shiftBits], rows[f[3]>>shiftBits]
		even += w0&lanes + w1&lanes + w2&lanes + w3&lanes
		odd += w0>>16&lanes + w1>>16&lanes + w2>>16&lanes + w3>>16&lanes
		feats = feats[4:]
	}
	for _, f := range feats {
		w := rows[f>>shiftBits]
		even += w & lanes
		odd += w >> 16 & lanes
	}
	bias := int32(n) * rowBias
	return [moveCount]int32{int32(uint32(even)) - bias, int32(uint32(odd)) - bias, int32(even>>32) - bias}
}

// bestLabel returns the relation other than root with the highest score.
func (p *Parser) bestLabel(feats []uint64) int {
	var sb [labelFeatureCount]uint32
	spans := sb[:0]
	// all lookups first, then all sums: the memory reads of one phase overlap
	for _, f := range feats {
		if sp, ok := p.table.find(key32(f)); ok {
			spans = append(spans, sp)
		}
	}
	// a relation is a byte, so that its score needs no bounds check
	var scores [256]int32
	packed := p.packed
	for _, sp := range spans {
		start := sp >> 8
		for _, w := range packed[start : start+sp&0xff] {
			scores[uint8(w)] += w >> 8
		}
	}
	// no sum of labelFeatureCount features' weights comes near the lowest int32, so that
	// root, given it, is never the first highest unless it is the only relation
	if p.root >= 0 {
		scores[p.root] = math.MinInt32
	}
	best, top := 0, scores[0]
	for l, v := range scores[1:len(p.Labels)] {
		if v > top {
			best, top = l+1, v
		}
	}
	return best
}
