package syntax

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// wordClasses maps the hash of a lower-cased word (lowerHash) to the hashes of its coarse and
// fine classes, as the parser's features read them.
type wordClasses map[uint64][2]uint64

// unknownClass is the class value of a word without a class.
var unknownClass = strHash("\x00class?")

func classValue(kind, c uint16) uint64 { return finalize(uint64(kind)<<32 | uint64(c) + 0x51ed2701) }

// of returns the coarse and fine class hashes of the word with hash w.
func (wc wordClasses) of(w uint64) (coarse, fine uint64) {
	if c, ok := wc[w]; ok {
		return c[0], c[1]
	}
	return unknownClass, unknownClass
}

// newWordClasses builds the lookup from the model's lists.
func newWordClasses(words []string, coarse, fine []uint16) (wordClasses, error) {
	if len(coarse) != len(words) || len(fine) != len(words) {
		return nil, fmt.Errorf("the parser model's word classes do not fit its %d words", len(words))
	}
	wc := make(wordClasses, len(words))
	for i, w := range words {
		wc[lowerHash(w)] = [2]uint64{classValue(1, coarse[i]), classValue(2, fine[i])}
	}
	return wc, nil
}

// classLists turns classes in the form of Tagger.Classes (a lower-cased word to "coarse
// fine") into the model's sorted lists.
func classLists(classes map[string]string) (words []string, coarse, fine []uint16, err error) {
	words = make([]string, 0, len(classes))
	for w := range classes {
		words = append(words, w)
	}
	slices.Sort(words)
	coarse = make([]uint16, len(words))
	fine = make([]uint16, len(words))
	for i, w := range words {
		a, b, ok := strings.Cut(classes[w], " ")
		c, err1 := strconv.ParseUint(a, 10, 16)
		f, err2 := strconv.ParseUint(b, 10, 16)
		if !ok || err1 != nil || err2 != nil {
			return nil, nil, nil, fmt.Errorf("word class %q of %q is not two numbers", classes[w], w)
		}
		coarse[i], fine[i] = uint16(c), uint16(f)
	}
	return words, coarse, fine, nil
}
