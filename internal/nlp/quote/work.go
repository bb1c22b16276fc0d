package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// work is the scratch state of one Annotate call. It is pooled in the Finder, so a document
// costs few allocations however many times the text around its quotations is read.
type work struct {
	*Finder
	// text is the document; low is text lower-cased rune by rune at the same byte offsets,
	// except at the offsets in odd (ascending), where a rune's lower case has another length
	// or the bytes are not UTF-8 and low keeps the original bytes.
	text, low string
	odd       []int
	// toks holds the token runs of the methods under way, as a stack: a method that
	// tokenizes calls rewind when it returns.
	toks []tok
	buf  []byte
}

// maxPooledTokens: scratch grown past this many tokens is left to the garbage collector.
const maxPooledTokens = 1 << 14

// work returns scratch state for text.
func (f *Finder) work(text string) *work {
	w, _ := f.scratch.Get().(*work)
	if w == nil {
		w = &work{Finder: f}
	}
	w.text = text
	w.lowerText()
	return w
}

// done returns w to the pool.
func (f *Finder) done(w *work) {
	if cap(w.toks) > maxPooledTokens || cap(w.buf) > 1<<20 {
		return
	}
	clear(w.toks[:cap(w.toks)]) // let the text go
	w.toks, w.text, w.low, w.odd = w.toks[:0], "", "", w.odd[:0]
	f.scratch.Put(w)
}

// rewind drops the token runs made since the stack held n tokens.
func (f *work) rewind(n int) { f.toks = f.toks[:n] }

// lowerText fills low and odd.
func (f *work) lowerText() {
	text := f.text
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		f.low = strings.ToLower(text)
		return
	}
	b := f.buf[:0]
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
			f.odd = append(f.odd, i)
			b = append(b, text[i:i+n]...)
		} else {
			b = utf8.AppendRune(b, l)
		}
		i += n
	}
	f.buf = b
	f.low = string(b)
}

// lower returns strings.ToLower(text[i:j]) for the document's text, without allocating
// where it can.
func (f *work) lower(text string, i, j int) string {
	if len(text) != len(f.low) || text != f.text {
		return strings.ToLower(text[i:j])
	}
	if len(f.odd) > 0 {
		// the first odd offset at or after i
		lo, hi := 0, len(f.odd)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if f.odd[m] < i {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(f.odd) && f.odd[lo] < j {
			return strings.ToLower(text[i:j])
		}
	}
	return f.low[i:j]
}
