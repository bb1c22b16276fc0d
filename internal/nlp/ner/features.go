package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The feature templates. A feature is the hash of its template number and its values; the
// numbers are part of the model format and must not be reused for other templates.
const (
	fBias = iota
	fLower
	fWord
	fShape
	fPrefix2
	fPrefix3
	fSuffix2
	fSuffix3
	fSuffix4
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fPrevShape
	fNextShape
	fShapeTri
	fPrevBigram
	fNextBigram
	fFirstShape
	fCapPattern
	fLength
	fPrevPrevBigram
	fNextNextBigram
	fClass
	fPrevClass
	fNextClass
	fRunBefore
	fRunAfter
	fRunPos
	fRunLast
	fRunClasses
)

// wordInfo is what the features read of one token, computed once per sentence.
type wordInfo struct {
	word, lower, shape string
	cap                bool
	class              uint8 // the Lexicon's classes
	// runFirst and runLast are the first and last token of the run of capitalised words the
	// token is in (-1 when it starts lower case or is no word).
	runFirst, runLast int
}

// boundary values stand for the words before the first and after the last.
var (
	beginInfo = wordInfo{word: "<s>", lower: "<s>", shape: "<s>", runFirst: -1, runLast: -1}
	endInfo   = wordInfo{word: "</s>", lower: "</s>", shape: "</s>", runFirst: -1, runLast: -1}
)

// hasher is FNV-1a over a template number and its values, cut to 32 bits.
type hasher uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newHash(template byte) hasher {
	return (hasher(fnvOffset) ^ hasher(template)) * fnvPrime
}

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // a separator no UTF-8 string holds
}

func (h hasher) byte(b byte) hasher { return (h ^ hasher(b)) * fnvPrime }

func (h hasher) sum() uint32 { return uint32(h) ^ uint32(h>>32) }

// describe fills info for the words of a sentence; lex may be nil.
func describe(words []string, lex Lexicon, info []wordInfo) []wordInfo {
	info = info[:0]
	for _, w := range words {
		wi := wordInfo{word: w, lower: strings.ToLower(w), shape: shapeOf(w), cap: startsUpper(w), runFirst: -1, runLast: -1}
		if lex != nil && wi.cap {
			wi.class = lex.WordClasses(w)
		}
		info = append(info, wi)
	}
	for i := 0; i < len(info); {
		if !info[i].cap {
			i++
			continue
		}
		j := i + 1
		for j < len(info) && info[j].cap {
			j++
		}
		for k := i; k < j; k++ {
			info[k].runFirst, info[k].runLast = i, j-1
		}
		i = j
	}
	return info
}

// runPosition is a capitalised token's place in its run: 'U' alone, 'B' first, 'L' last, 'I'
// inside.
func runPosition(w *wordInfo, i int) byte {
	switch {
	case w.runFirst == w.runLast:
		return 'U'
	case i == w.runFirst:
		return 'B'
	case i == w.runLast:
		return 'L'
	}
	return 'I'
}

// features appends the feature hashes of token i to out.
func features(info []wordInfo, i int, out []uint32) []uint32 {
	at := func(k int) *wordInfo {
		switch {
		case k < 0:
			return &beginInfo
		case k >= len(info):
			return &endInfo
		}
		return &info[k]
	}
	w, p, n, p2, n2 := at(i), at(i-1), at(i+1), at(i-2), at(i+2)
	lw := w.lower
	out = append(out,
		newHash(fBias).sum(),
		newHash(fLower).str(lw).sum(),
		newHash(fWord).str(w.word).sum(),
		newHash(fShape).str(w.shape).sum(),
		newHash(fPrefix2).str(prefix(lw, 2)).sum(),
		newHash(fPrefix3).str(prefix(lw, 3)).sum(),
		newHash(fSuffix2).str(suffix(lw, 2)).sum(),
		newHash(fSuffix3).str(suffix(lw, 3)).sum(),
		newHash(fSuffix4).str(suffix(lw, 4)).sum(),
		newHash(fPrevLower).str(p.lower).sum(),
		newHash(fNextLower).str(n.lower).sum(),
		newHash(fPrev2Lower).str(p2.lower).sum(),
		newHash(fNext2Lower).str(n2.lower).sum(),
		newHash(fPrevShape).str(p.shape).sum(),
		newHash(fNextShape).str(n.shape).sum(),
		newHash(fShapeTri).str(p.shape).str(w.shape).str(n.shape).sum(),
		newHash(fPrevBigram).str(p.lower).str(lw).sum(),
		newHash(fNextBigram).str(lw).str(n.lower).sum(),
		newHash(fFirstShape).byte(boolByte(i == 0)).str(w.shape).sum(),
		newHash(fCapPattern).byte(boolByte(i == 0)).byte(boolByte(p.cap)).byte(boolByte(w.cap)).byte(boolByte(n.cap)).sum(),
		newHash(fLength).byte(byte(min(utf8.RuneCountInString(w.word), 12))).sum(),
		newHash(fPrevPrevBigram).str(p2.lower).str(p.lower).sum(),
		newHash(fNextNextBigram).str(n.lower).str(n2.lower).sum(),
	)
	if w.class != 0 {
		out = append(out, newHash(fClass).byte(w.class).sum())
	}
	if p.class != 0 || n.class != 0 {
		out = append(out, newHash(fPrevClass).byte(p.class).sum(), newHash(fNextClass).byte(n.class).sum())
	}
	if w.runFirst >= 0 {
		// The words around the whole capitalised run: "in Diego Garcia", "the Carolina
		// Panthers beat", and the run's last word, which most often tells the kind.
		before, after, last := at(w.runFirst-1), at(w.runLast+1), at(w.runLast)
		var classes uint8
		for k := w.runFirst; k <= w.runLast; k++ {
			classes |= info[k].class
		}
		pos := runPosition(w, i)
		out = append(out,
			newHash(fRunBefore).byte(pos).str(before.lower).sum(),
			newHash(fRunAfter).byte(pos).str(after.lower).sum(),
			newHash(fRunPos).byte(pos).byte(byte(min(w.runLast-w.runFirst+1, 5))).byte(boolByte(w.runFirst == 0)).sum(),
			newHash(fRunLast).byte(pos).str(suffix(last.lower, 3)).sum(),
			newHash(fRunClasses).byte(pos).byte(classes).byte(last.class).sum(),
		)
	}
	return out
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// shapeOf maps upper-case letters to X, lower-case to x and digits to d, other characters to
// themselves, and collapses runs: "Putin" → "Xx", "U.S." → "X.X.", "2026" → "d".
func shapeOf(w string) string {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// prefix returns w's first n code points (all of w when shorter).
func prefix(w string, n int) string {
	for i := range w {
		if n == 0 {
			return w[:i]
		}
		n--
	}
	return w
}

// suffix returns w's last n code points (all of w when shorter).
func suffix(w string, n int) string {
	i := len(w)
	for ; i > 0 && n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}
