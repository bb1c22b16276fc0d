// Package neardup finds near-duplicate texts: the same story rewritten lightly by several
// outlets, or a wire copy with another headline and byline.
//
// A text is normalised (Unicode NFKC, lower case, words of letters and digits only), cut into
// overlapping shingles of Shingle words, and summarised by a MinHash signature of Hashes
// values. Two signatures estimate the Jaccard similarity of the two shingle sets as the share
// of positions where they agree. For lookup the signature is cut into Bands bands of Rows
// values; texts that agree on all values of at least one band are candidates, which a store
// finds with an index on the band keys, and a candidate is a near-duplicate when its estimate
// is at least Threshold.
//
// With 32 bands of 4 rows, a pair at Jaccard 0.6 becomes a candidate with probability 0.99,
// one at 0.3 with probability 0.23, and one at 0.1 with probability 0.003.
package neardup

import (
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The parameters of the signatures. Changing any of them makes stored signatures
// incomparable with new ones.
const (
	// Shingle is how many words make one shingle.
	Shingle = 3
	// Bands and Rows cut the signature for lookup; Hashes is their product.
	Bands  = 32
	Rows   = 4
	Hashes = Bands * Rows
	// MinWords is the fewest words a text needs to be signed: a short text (a brief, a
	// caption) shares too many shingles with unrelated short texts by chance.
	MinWords = 40
	// Threshold is the least estimated Jaccard similarity of two near-duplicates.
	Threshold = 0.6
)

// Signature is the MinHash signature of a text.
type Signature [Hashes]uint32

// seeds returns the multipliers and offsets of the Hashes hash functions, fixed so that
// signatures stay comparable across runs and machines.
func seeds() (s [Hashes][2]uint64) {
	x := uint64(0x7469_6469_6e67_7321) // any fixed value
	next := func() uint64 {            // splitmix64
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}

// Words returns the normalised words of text: NFKC, lower case, runs of letters and digits.
func Words(text string) []string {
	t := norm.NFKC.String(text)
	return strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Sign returns the signature of text, and false when the text has fewer than MinWords words.
func Sign(text string) (Signature, bool) {
	var sig Signature
	words := Words(text)
	if len(words) < MinWords {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	seeds := seeds()
	h := fnv.New64a()
	for i := 0; i+Shingle <= len(words); i++ {
		h.Reset()
		for j, w := range words[i : i+Shingle] {
			if j > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		x := h.Sum64()
		for k := range sig {
			v := uint32((seeds[k][0]*x + seeds[k][1]) >> 32)
			if v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig, true
}

// Similarity estimates the Jaccard similarity of the shingle sets of the two texts.
func Similarity(a, b Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// BandKeys returns one key per band. Keys of different bands differ even when their values
// agree, so a store can keep every band in one indexed column. Keys are non-negative, so
// they fit a signed 64-bit column.
func BandKeys(sig Signature) [Bands]int64 {
	var keys [Bands]int64
	var buf [4 + 4*Rows]byte
	for b := range keys {
		put32(buf[0:], uint32(b))
		for r := 0; r < Rows; r++ {
			put32(buf[4+4*r:], sig[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = int64(h.Sum64() >> 1)
	}
	return keys
}

func put32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
}

// String encodes the signature as hexadecimal, the form stores keep it in.
func (s Signature) String() string {
	var b [4 * Hashes]byte
	for i, v := range s {
		put32(b[4*i:], v)
	}
	return hex.EncodeToString(b[:])
}

// Parse decodes a signature written by Signature.String.
func Parse(s string) (Signature, error) {
	var sig Signature
	if len(s) != 8*Hashes {
		return sig, fmt.Errorf("near-duplicate signature: %d characters, want %d", len(s), 8*Hashes)
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return sig, fmt.Errorf("near-duplicate signature: %w", err)
	}
	for i := range sig {
		sig[i] = uint32(b[4*i])<<24 | uint32(b[4*i+1])<<16 | uint32(b[4*i+2])<<8 | uint32(b[4*i+3])
	}
	return sig, nil
}
