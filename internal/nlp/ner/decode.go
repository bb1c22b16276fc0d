package ner

import "math"

// Kinds of name the finder tells apart.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindPlace        = "place"
	KindGroup        = "group"
)

// Kinds lists the kinds in the order of the model's tags.
var kinds = [...]string{KindPerson, KindOrganization, KindPlace, KindGroup}

// Tags: 0 is outside any name; for kind k, 1+2k begins a name and 2+2k continues it.
const numTags = 1 + 2*len(kinds)

func tagBegin(k int) int  { return 1 + 2*k }
func tagInside(k int) int { return 2 + 2*k }
func tagKind(t int) int   { return (t - 1) / 2 }
func isInside(t int) bool { return t > 0 && t%2 == 0 }
func kindIndex(kind string) int {
	for i, k := range kinds {
		if k == kind {
			return i
		}
	}
	return -1
}

// allowed tells whether tag b may follow tag a; a = -1 is the sentence start.
func allowed(a, b int) bool {
	if !isInside(b) {
		return true
	}
	return a > 0 && tagKind(a) == tagKind(b)
}

// scratch holds one decoding's buffers.
type scratch struct {
	info  []wordInfo
	feats []uint32
	emit  []float32 // n × numTags
	delta []float32
	back  []int8
	tags  []int
	alpha []float64
	beta  []float64
	prob  []float64 // n × numTags, exp(scale × emit)
}

func (s *scratch) grow(n int) {
	s.emit = growF32(s.emit, n*numTags)
	s.delta = growF32(s.delta, n*numTags)
	if cap(s.back) < n*numTags {
		s.back = make([]int8, n*numTags)
	}
	s.back = s.back[:n*numTags]
	if cap(s.tags) < n {
		s.tags = make([]int, n)
	}
	s.tags = s.tags[:n]
}

func growF32(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}

func growF64(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

// viterbi fills s.tags with the best tag sequence for the emission scores in s.emit, under the
// transition scores trans (numTags+1 rows: the start row last) and the BIO constraints.
func viterbi(s *scratch, trans []float32, n int) {
	if n == 0 {
		return
	}
	const start = numTags
	negInf := float32(math.Inf(-1))
	for t := range numTags {
		if allowed(-1, t) {
			s.delta[t] = s.emit[t] + trans[start*numTags+t]
		} else {
			s.delta[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prev := s.delta[(i-1)*numTags : i*numTags]
		for t := range numTags {
			best, arg := negInf, 0
			for a := range numTags {
				if !allowed(a, t) {
					continue
				}
				if v := prev[a] + trans[a*numTags+t]; v > best {
					best, arg = v, a
				}
			}
			s.delta[i*numTags+t] = best + s.emit[i*numTags+t]
			s.back[i*numTags+t] = int8(arg)
		}
	}
	last := s.delta[(n-1)*numTags : n*numTags]
	bt := 0
	for t := 1; t < numTags; t++ {
		if last[t] > last[bt] {
			bt = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.tags[i] = bt
		bt = int(s.back[i*numTags+bt])
	}
}

// marginals fills s.prob with each token's tag probabilities, by forward-backward over the
// scores multiplied by scale, and returns them (n × numTags).
func marginals(s *scratch, trans []float32, scale float64, n int) []float64 {
	s.alpha = growF64(s.alpha, n*numTags)
	s.beta = growF64(s.beta, n*numTags)
	s.prob = growF64(s.prob, n*numTags)
	var et [(numTags + 1) * numTags]float64
	for a := range numTags + 1 {
		for b := range numTags {
			prev := a
			if a == numTags {
				prev = -1
			}
			if allowed(prev, b) {
				et[a*numTags+b] = math.Exp(scale * float64(trans[a*numTags+b]))
			}
		}
	}
	// Emission potentials, shifted by each token's best score so that exp stays in range.
	for i := range n {
		row := s.emit[i*numTags : (i+1)*numTags]
		top := row[0]
		for _, v := range row[1:] {
			top = max(top, v)
		}
		for t, v := range row {
			s.prob[i*numTags+t] = math.Exp(scale * float64(v-top))
		}
	}
	normalize := func(v []float64) {
		var z float64
		for _, x := range v {
			z += x
		}
		if z > 0 {
			for k := range v {
				v[k] /= z
			}
		}
	}
	for t := range numTags {
		s.alpha[t] = s.prob[t] * et[numTags*numTags+t]
	}
	normalize(s.alpha[:numTags])
	for i := 1; i < n; i++ {
		prev := s.alpha[(i-1)*numTags : i*numTags]
		cur := s.alpha[i*numTags : (i+1)*numTags]
		for t := range numTags {
			var sum float64
			for a := range numTags {
				sum += prev[a] * et[a*numTags+t]
			}
			cur[t] = sum * s.prob[i*numTags+t]
		}
		normalize(cur)
	}
	for t := range numTags {
		s.beta[(n-1)*numTags+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		next := s.beta[(i+1)*numTags : (i+2)*numTags]
		cur := s.beta[i*numTags : (i+1)*numTags]
		for a := range numTags {
			var sum float64
			for t := range numTags {
				sum += et[a*numTags+t] * s.prob[(i+1)*numTags+t] * next[t]
			}
			cur[a] = sum
		}
		normalize(cur)
	}
	for i := range n {
		row := s.prob[i*numTags : (i+1)*numTags]
		for t := range numTags {
			row[t] = s.alpha[i*numTags+t] * s.beta[i*numTags+t]
		}
		normalize(row)
	}
	return s.prob[:n*numTags]
}
