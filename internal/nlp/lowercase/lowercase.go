// Package lowercase lower-cases a document once so that the words cut from it can be looked
// up in lower case without a string allocated for each of them.
package lowercase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is a document lower-cased rune by rune at the same byte offsets. The zero value is
// ready for Reset; a Text may be reused for one document after another.
type Text struct {
	text, low string
	// odd holds, ascending, the offsets where low keeps the original bytes: a rune whose
	// lower case has another length in UTF-8, or bytes that are not UTF-8.
	odd []int
	buf []byte
}

// maxKeptBuffer: a buffer grown past this many bytes is not kept for the next document.
const maxKeptBuffer = 1 << 20

// Reset makes t the lower case of text.
func (t *Text) Reset(text string) {
	t.text, t.odd = text, t.odd[:0]
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		t.low = strings.ToLower(text) // text itself when it has no capitals
		return
	}
	b := t.buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		l := unicode.ToLower(r)
		if r == utf8.RuneError && n == 1 || utf8.RuneLen(l) != n {
			t.odd = append(t.odd, i)
			b = append(b, text[i:i+n]...)
		} else {
			b = utf8.AppendRune(b, l)
		}
		i += n
	}
	t.low = string(b)
	if cap(b) <= maxKeptBuffer {
		t.buf = b
	} else {
		t.buf = nil
	}
}

// Clear forgets the document, so that a pooled Text does not keep it alive.
func (t *Text) Clear() { t.text, t.low, t.odd = "", "", t.odd[:0] }

// Of returns strings.ToLower(text[i:j]). It allocates only when text is not the document of
// the last Reset or the span holds a rune whose lower case has another length. 0 <= i <= j
// <= len(text) must hold, with i and j at rune boundaries, as for any substring.
func (t *Text) Of(text string, i, j int) string {
	if len(text) != len(t.low) || text != t.text {
		return strings.ToLower(text[i:j])
	}
	if len(t.odd) > 0 {
		// the first odd offset at or after i
		lo, hi := 0, len(t.odd)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if t.odd[m] < i {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(t.odd) && t.odd[lo] < j {
			return strings.ToLower(text[i:j])
		}
	}
	return t.low[i:j]
}
