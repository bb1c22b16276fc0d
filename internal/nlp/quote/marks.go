package quote

import (
	"unicode"
	"unicode/utf8"
)

// mark is one quotation mark (or a run of marks read as one) in the text.
type mark struct {
	start, end int // byte range of the mark
	para       int // index of the paragraph that holds it
	double     bool
	open       bool // may open a quotation
	close      bool // may close a quotation
}

// piece is one quotation found between a pair of marks: the words inside, and where the marks are.
type piece struct {
	open, close byteRange // the marks' byte ranges; close is empty when the quote runs to the paragraph end
	inner       byteRange // the words inside the marks, trimmed
	para        int
	// prev is the index of the piece this one continues (a quotation running over paragraphs),
	// or -1.
	prev int
	// unclosed: no closing mark before the paragraph end.
	unclosed bool
	// dropped: not a quotation after all (its marks never close).
	dropped bool
}

// byteRange is a half-open range of byte offsets into the text.
type byteRange struct{ start, end int }

// paragraph is a byte range of the text between line breaks.
type paragraph struct{ start, end int }

func isDoubleRune(r rune) bool {
	switch r {
	case '"', '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
		return true
	}
	return false
}

func isSingleRune(r rune) bool { return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u201b' }

// openingGlyph and closingGlyph say which way a typographic mark faces.
func openingGlyph(r rune) bool {
	return r == '\u201c' || r == '\u201e' || r == '\u201f' || r == '\u00ab' || r == '\u2018' || r == '\u201b'
}
func closingGlyph(r rune) bool { return r == '\u201d' || r == '\u00bb' || r == '\u2019' }

func isQuoteRune(r rune) bool { return isDoubleRune(r) || isSingleRune(r) || r == '`' }

// opensAfter: a character after which a mark may open a quotation.
func opensAfter(r rune) bool {
	if r == 0 || unicode.IsSpace(r) || isQuoteRune(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u2026':
		return true
	}
	return false
}

// closesBefore: a character before which a mark may close a quotation.
func closesBefore(r rune) bool {
	if r == 0 || unicode.IsSpace(r) || isQuoteRune(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '\u2014', '\u2013', '-', '\u2026', '/':
		return true
	}
	return false
}

// scanMarks reads the text once and returns its paragraphs and quotation marks.
func scanMarks(text string) ([]paragraph, []mark) {
	var paras []paragraph
	var marks []mark
	pstart := 0
	prev := rune(0)
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			if i > pstart {
				paras = append(paras, paragraph{pstart, i})
			}
			pstart = i + 1
			prev = 0
			i += w
			continue
		}
		if !isQuoteRune(r) {
			prev = r
			i += w
			continue
		}
		// a run of marks: '' and `` are one double mark; ''' is read as one double mark
		j := i + w
		n := 1
		for j < len(text) && n < 3 {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if !(isSingleRune(r2) && isSingleRune(r) || r2 == '`' && r == '`') {
				break
			}
			j += w2
			n++
		}
		next := rune(0)
		if j < len(text) {
			next, _ = utf8.DecodeRuneInString(text[j:])
			if next == '\n' || next == '\r' {
				next = 0
			}
		}
		m := mark{start: i, end: j, para: len(paras)}
		switch {
		case r == '`' && n == 1:
			prev = r
			i = j
			continue
		case r == '`' || n >= 2 || isDoubleRune(r):
			m.double = true
		}
		canOpen := opensAfter(prev) && next != 0 && !unicode.IsSpace(next)
		canClose := prev != 0 && !unicode.IsSpace(prev) && closesBefore(next)
		if m.double {
			last, _ := utf8.DecodeLastRuneInString(text[i:j])
			if canOpen == canClose {
				if !canOpen { // neither way by context: trust a typographic mark's face
					canOpen, canClose = openingGlyph(r) || r == '`', closingGlyph(last)
					if !canOpen && !canClose && unicode.IsSpace(prev) && (next == 0 || unicode.IsSpace(next)) {
						// a straight mark set off by spaces after a nested quotation
						// (", 'a flight to quality,' \" he said") may close, never open
						canClose = true
					}
				}
			}
		} else {
			// a single mark: an apostrophe inside a word (don't, Iran's) or before a number ('90s)
			if isWordRune(prev) && isWordRune(next) || canOpen && unicode.IsDigit(next) {
				prev = r
				i = j
				continue
			}
			if canOpen == canClose {
				canOpen, canClose = openingGlyph(r), closingGlyph(r)
			}
		}
		m.open, m.close = canOpen, canClose
		if m.open || m.close {
			marks = append(marks, m)
		}
		prev = r
		i = j
	}
	if pstart < len(text) {
		paras = append(paras, paragraph{pstart, len(text)})
	}
	return paras, marks
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r) | 0x20
		return 'a' <= c && c <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// maxSingleQuote bounds the length of a quotation in single marks, in bytes: beyond it the
// opening mark is more likely an apostrophe.
const maxSingleQuote = 1200

// pair matches opening and closing marks paragraph by paragraph and returns the quotations.
func pair(text string, paras []paragraph, marks []mark) []piece {
	var out []piece
	k := 0 // first mark of the current paragraph
	carry := -1
	for p, para := range paras {
		lo := k
		for k < len(marks) && marks[k].para == p {
			k++
		}
		ms := marks[lo:k]
		prevPiece := carry
		carry = -1
		for i := 0; i < len(ms); i++ {
			m := ms[i]
			if !m.open {
				continue
			}
			j := -1
			restart := -1
			for x := i + 1; x < len(ms); x++ {
				c := ms[x]
				if c.double != m.double {
					continue
				}
				if !m.double && c.start-m.end > maxSingleQuote {
					break
				}
				if c.close {
					j = x
					break
				}
				if m.double && c.open && !c.close {
					// a new opening before any closing: the first quotation was never closed
					restart = x
					break
				}
			}
			if j < 0 && restart >= 0 {
				i = restart - 1
				continue
			}
			if j < 0 {
				if !m.double {
					continue // an apostrophe after all
				}
				// no closing mark in this paragraph: the quotation runs to the paragraph end
				pc := piece{open: byteRange{m.start, m.end}, close: byteRange{para.end, para.end},
					para: p, prev: -1, unclosed: true}
				if i == 0 || onlySpaceBetween(text, para.start, m.start) {
					pc.prev = prevPiece
				}
				pc.inner = trimRange(text, m.end, para.end)
				if pc.inner.end > pc.inner.start {
					out = append(out, pc)
					if p+1 < len(paras) && startsWithOpening(text, paras[p+1], marks, k) {
						carry = len(out) - 1
					}
				}
				break
			}
			c := ms[j]
			pc := piece{open: byteRange{m.start, m.end}, close: byteRange{c.start, c.end}, para: p, prev: -1}
			if i == 0 && onlySpaceBetween(text, para.start, m.start) {
				pc.prev = prevPiece
			}
			pc.inner = trimRange(text, m.end, c.start)
			if pc.inner.end > pc.inner.start {
				out = append(out, pc)
			}
			i = j
		}
	}
	return out
}

// startsWithOpening reports whether paragraph q begins with an opening double mark; marks[k]
// is the first mark at or after q's start.
func startsWithOpening(text string, q paragraph, marks []mark, k int) bool {
	if k >= len(marks) {
		return false
	}
	m := marks[k]
	return m.double && m.open && onlySpaceBetween(text, q.start, m.start)
}

func onlySpaceBetween(text string, a, b int) bool {
	for i := a; i < b; i++ {
		if text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			return false
		}
	}
	return true
}

// trimRange shrinks [a, b) past white space at both ends.
func trimRange(text string, a, b int) byteRange {
	for a < b {
		r, w := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += w
	}
	for b > a {
		r, w := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= w
	}
	return byteRange{a, b}
}
