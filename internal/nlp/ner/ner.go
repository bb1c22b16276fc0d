// Package ner finds the names in English text (people, organisations, places and groups) with
// a structured averaged perceptron over BIO tags, decoded by Viterbi, and tells how sure it is
// of each name.
//
// The model is trained on the entity annotations of the GUM corpus by `go run ./cmd/train-ner`
// and embedded in this package (model.bin.gz); docs/ner.md gives the method and its figures.
// A Finder is immutable once loaded and safe to use from several goroutines at once.
package ner

import (
	"strings"
	"sync"
)

// Span is a name found in a text.
type Span struct {
	// Start and End are offsets in Unicode code points into the text (End exclusive).
	Start, End int
	// First and Last are the span's tokens, [First, Last) as indices into the text's tokens.
	First, Last int
	// Text is the name as written.
	Text string
	// Kind is KindPerson, KindOrganization, KindPlace or KindGroup.
	Kind string
	// Score is the model's confidence in the span and its kind, from 0 to 1: the lowest of its
	// tokens' tag probabilities.
	Score float64
}

// Name is a name over token indices [Start, End), as in training data.
type Name struct {
	Start, End int
	Kind       string
}

// Finder tags names. The zero Finder is not usable: get one from LoadFinder or Train.
type Finder struct {
	index   map[uint32]int32 // feature hash → row of weights
	weights []float32        // rows × numTags
	trans   []float32        // (numTags+1) × numTags, the start row last
	scale   float64          // score scale for the tag probabilities
	lex     Lexicon          // the gazetteers' word classes, or nil
	pool    sync.Pool        // *scratch
}

// maxWindow bounds the tokens decoded together: longer runs without a sentence end are cut.
const maxWindow = 400

// Find returns the names in text, in order.
func (f *Finder) Find(text string) []Span {
	s := f.get()
	defer f.pool.Put(s)
	toks := appendTokens(nil, text)
	return f.findTokens(s, text, toks)
}

// FindTokens returns the names over tokens already cut from text (offsets in code points);
// text may be "", and the spans' Text is then the tokens joined.
func (f *Finder) FindTokens(text string, toks []Token) []Span {
	s := f.get()
	defer f.pool.Put(s)
	return f.findTokens(s, text, toks)
}

// KindOf tells the kind of the name at code points [start, end) of text: the kind and score of
// the predicted span that covers it, and false when none does.
func (f *Finder) KindOf(text string, start, end int) (kind string, score float64, ok bool) {
	sp, ok := Cover(f.Find(text), start, end)
	if !ok {
		return "", 0, false
	}
	return sp.Kind, sp.Score, true
}

// Cover returns the span of spans that covers code points [start, end), if any.
func Cover(spans []Span, start, end int) (Span, bool) {
	for _, sp := range spans {
		if sp.Start <= start && end <= sp.End && start < end {
			return sp, true
		}
	}
	return Span{}, false
}

// Tag returns the names over a sentence's words (token indices), with their scores.
func (f *Finder) Tag(words []string) ([]Name, []float64) {
	s := f.get()
	defer f.pool.Put(s)
	var names []Name
	var scores []float64
	for _, sp := range f.decode(s, words, 0) {
		names = append(names, Name{Start: sp.First, End: sp.Last, Kind: sp.Kind})
		scores = append(scores, sp.Score)
	}
	return names, scores
}

func (f *Finder) get() *scratch {
	if s, ok := f.pool.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

// findTokens decodes toks window by window, cut after sentence-ending marks.
func (f *Finder) findTokens(s *scratch, text string, toks []Token) []Span {
	if len(toks) > MaxTokens {
		toks = toks[:MaxTokens]
	}
	var out []Span
	words := make([]string, 0, min(len(toks), maxWindow))
	var runes []rune // text's code points, cut on demand
	for lo := 0; lo < len(toks); {
		hi := lo + 1
		for hi < len(toks) && hi-lo < maxWindow && !endsSentence(toks, hi-1) {
			hi++
		}
		words = words[:0]
		for _, t := range toks[lo:hi] {
			words = append(words, t.Text)
		}
		for _, sp := range f.decode(s, words, lo) {
			sp.Start, sp.End = toks[sp.First].Start, toks[sp.Last-1].End
			if text != "" {
				if runes == nil {
					runes = []rune(text)
				}
				if 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(runes) {
					sp.Text = string(runes[sp.Start:sp.End])
				}
			}
			if sp.Text == "" {
				sp.Text = joinTokens(toks[sp.First:sp.Last])
			}
			out = append(out, sp)
		}
		lo = hi
	}
	return out
}

// endsSentence tells whether token i ends a sentence: a full stop, question or exclamation mark
// followed by a word that starts with a capital or a quotation mark.
func endsSentence(toks []Token, i int) bool {
	switch toks[i].Text {
	case ".", "!", "?":
	default:
		return false
	}
	return i+1 < len(toks) && !startsLower(toks[i+1].Text)
}

func startsLower(w string) bool {
	for _, r := range w {
		return r >= 'a' && r <= 'z'
	}
	return false
}

func joinTokens(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1].End < t.Start {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// decode tags one window of words; the spans' First and Last are offset by base.
func (f *Finder) decode(s *scratch, words []string, base int) []Span {
	n := len(words)
	if n == 0 {
		return nil
	}
	s.grow(n)
	f.emissions(s, words)
	viterbi(s, f.trans, n)
	if !hasName(s.tags[:n]) {
		return nil
	}
	prob := marginals(s, f.trans, f.scale, n)
	var out []Span
	for i := 0; i < n; {
		t := s.tags[i]
		if t == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n && isInside(s.tags[j]) {
			j++
		}
		score := 1.0
		for k := i; k < j; k++ {
			score = min(score, prob[k*numTags+s.tags[k]])
		}
		out = append(out, Span{First: base + i, Last: base + j, Kind: kinds[tagKind(t)], Score: score})
		i = j
	}
	return out
}

func hasName(tags []int) bool {
	for _, t := range tags {
		if t != 0 {
			return true
		}
	}
	return false
}

// emissions fills s.emit with each word's tag scores.
func (f *Finder) emissions(s *scratch, words []string) {
	s.info = describe(words, f.lex, s.info)
	for i := range words {
		row := s.emit[i*numTags : (i+1)*numTags]
		clear(row)
		s.feats = features(s.info, i, s.feats[:0])
		for _, h := range s.feats {
			r, ok := f.index[h]
			if !ok {
				continue
			}
			w := f.weights[int(r)*numTags : (int(r)+1)*numTags]
			for t := range row {
				row[t] += w[t]
			}
		}
	}
}

// KindProbs are the probabilities the model gives a token being part of each kind of name, or
// of none, from the tags' marginal probabilities; they sum to 1.
type KindProbs struct {
	Person, Organization, Place, Group, None float64
}

// Kinds tells what the model makes of each of words[lo:hi] in the sentence words: its tag
// probabilities, begin and inside together, per kind. It appends them to out.
func (f *Finder) Kinds(out []KindProbs, words []string, lo, hi int) []KindProbs {
	n := len(words)
	if lo < 0 || hi > n || lo >= hi {
		return out
	}
	s := f.get()
	defer f.pool.Put(s)
	s.grow(n)
	f.emissions(s, words)
	prob := marginals(s, f.trans, f.scale, n)
	for i := lo; i < hi; i++ {
		row := prob[i*numTags : (i+1)*numTags]
		var sum [len(kinds)]float64
		for t := 1; t < numTags; t++ {
			sum[tagKind(t)] += row[t]
		}
		out = append(out, KindProbs{Person: sum[0], Organization: sum[1], Place: sum[2], Group: sum[3], None: row[0]})
	}
	return out
}
