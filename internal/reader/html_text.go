package reader

import (
	"bytes"
	"iter"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlBlocks are the elements that start and end a paragraph of text.
var htmlBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Html: true,
}

// htmlSkipped are the elements whose content is never text of the article.
var htmlSkipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true, atom.Title: true,
}

// textWriter collects the text of an HTML tree: runs of white space become one space,
// blocks become paragraphs separated by a blank line, a line break stays a line break.
type textWriter struct {
	b strings.Builder
	// breaks is the break owed before the next word: 0 none, 1 a line, 2 a paragraph.
	breaks int
	// space is true when a space is owed before the next word.
	space bool
	// pre counts the <pre> elements we are inside.
	pre int
}

func (w *textWriter) lineBreak() {
	if w.breaks < 1 {
		w.breaks = 1
	} else {
		// Two line breaks in a row (<br><br>) separate paragraphs.
		w.breaks = 2
	}
	w.space = false
}

func (w *textWriter) paragraph() {
	w.breaks = 2
	w.space = false
}

// text writes the words of s.
func (w *textWriter) text(s string) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r == '\n' && w.pre > 0:
			w.lineBreak()
			continue
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u2060' || r == '\ufeff' || r == utf8.RuneError && size == 1:
			continue
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == '\u00a0' || r == '\u2028' || r == '\u2029' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a') || r == '\u202f' || r == '\u205f':
			w.space = true
			continue
		case r < 0x20 || r == 0x7f:
			continue
		}
		if w.b.Len() > 0 {
			switch {
			case w.breaks >= 2:
				w.b.WriteString("\n\n")
			case w.breaks == 1:
				w.b.WriteByte('\n')
			case w.space:
				w.b.WriteByte(' ')
			}
		}
		w.breaks, w.space = 0, false
		w.b.WriteRune(r)
	}
}

// String returns the text collected.
func (w *textWriter) String() string { return w.b.String() }

// htmlText renders the text of the tree under root. It walks the tree without recursion, so a
// deeply nested page cannot exhaust the stack.
func htmlText(root *html.Node) string {
	var w textWriter
	writeHTMLText(&w, root)
	return w.String()
}

func writeHTMLText(w *textWriter, root *html.Node) {
	if root == nil {
		return
	}
	n := root
	for {
		descend := false
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
		case html.ElementNode:
			if htmlSkipped[n.DataAtom] || htmlHidden(n) {
				break
			}
			switch {
			case n.DataAtom == atom.Br:
				w.lineBreak()
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				w.space = true
			case n.DataAtom == atom.Img:
				// images carry no text of the article
			case htmlBlocks[n.DataAtom]:
				w.paragraph()
			}
			if n.DataAtom == atom.Pre {
				w.pre++
			}
			descend = n.FirstChild != nil
		case html.DocumentNode:
			descend = n.FirstChild != nil
		}
		if descend {
			n = n.FirstChild
			continue
		}
		// Leave n and every ancestor that has no next sibling.
		for {
			if n != root {
				htmlLeave(w, n)
			}
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			if n == nil {
				return
			}
			if n == root {
				return
			}
		}
	}
}

// htmlLeave closes element n after its children were written.
func htmlLeave(w *textWriter, n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	if htmlSkipped[n.DataAtom] || htmlHidden(n) {
		return
	}
	if n.DataAtom == atom.Pre && w.pre > 0 {
		w.pre--
	}
	switch {
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = true
	case htmlBlocks[n.DataAtom]:
		w.paragraph()
	}
}

// htmlHidden is true for an element the page hides from readers.
func htmlHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "display:none") || strings.Contains(v, "display: none") {
				return true
			}
		}
	}
	return false
}

// htmlAttr returns the value of attribute key of n.
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlInnerText is the text of n on one line, white space collapsed.
func htmlInnerText(n *html.Node) string {
	s := htmlText(n)
	return strings.Join(strings.Fields(s), " ")
}

// htmlShortText is the text of n on one line when it holds at most limit bytes of text, else
// "". It stops reading as soon as the text is too long.
func htmlShortText(n *html.Node, limit int) string {
	var b strings.Builder
	for d := range htmlWalk(n) {
		if d.Type == html.ElementNode && (htmlSkipped[d.DataAtom] || d.DataAtom == atom.Br || htmlBlocks[d.DataAtom]) {
			b.WriteByte(' ')
		}
		if d.Type != html.TextNode {
			continue
		}
		if b.Len()+len(d.Data) > limit*2 {
			return ""
		}
		b.WriteString(d.Data)
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > limit {
		return ""
	}
	return s
}

// htmlWalk yields the nodes under root (not root itself) in document order, without
// recursion. The text of skipped elements (scripts, styles) is not yielded.
func htmlWalk(root *html.Node) iter.Seq[*html.Node] {
	return func(yield func(*html.Node) bool) {
		if root == nil {
			return
		}
		n := root.FirstChild
		for n != nil {
			if !yield(n) {
				return
			}
			if n.FirstChild != nil && !(n.Type == html.ElementNode && htmlSkipped[n.DataAtom] && n.DataAtom != atom.Head) {
				n = n.FirstChild
				continue
			}
			for n != nil && n != root && n.NextSibling == nil {
				n = n.Parent
			}
			if n == nil || n == root {
				return
			}
			n = n.NextSibling
		}
	}
}

// htmlChrome are the elements of a page's frame rather than its article, left out when the
// text is read without an extractor.
var htmlChrome = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Menu: true, atom.Dialog: true,
}

// plainText is the text of the tree under root without the page's frame (navigation,
// header, footer, asides, forms): what is read when a page is too large for the extractors.
func plainText(root *html.Node) string {
	var w textWriter
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		writePlain(&w, c)
	}
	return w.String()
}

// writePlain writes n unless it is part of the frame; it walks without recursion.
func writePlain(w *textWriter, n *html.Node) {
	root := n
	for n != nil {
		if n.Type == html.ElementNode && htmlChrome[n.DataAtom] {
			n = nextOutside(w, n, root)
			continue
		}
		if n.FirstChild == nil || n.Type == html.ElementNode && (htmlSkipped[n.DataAtom] || htmlHidden(n)) {
			writeHTMLText(w, n)
			n = nextOutside(w, n, root)
			continue
		}
		if n.Type == html.ElementNode && htmlBlocks[n.DataAtom] {
			w.paragraph()
		}
		n = n.FirstChild
	}
}

// nextOutside is the node after n's subtree within root, or nil; blocks left on the way
// close their paragraph.
func nextOutside(w *textWriter, n, root *html.Node) *html.Node {
	for n != nil && n != root {
		if n.Type == html.ElementNode && htmlBlocks[n.DataAtom] {
			w.paragraph()
		}
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// tokenText reads the words of a page with the HTML tokenizer alone, for a page the parser
// refuses: text outside scripts and styles, a paragraph break at each block element.
func tokenText(data []byte) string {
	var w textWriter
	z := html.NewTokenizer(bytes.NewReader(data))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return w.String()
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case a == atom.Br:
				w.lineBreak()
			case htmlBlocks[a]:
				w.paragraph()
			}
		}
	}
}

// dropBrEchoes removes the blocks that repeat lines of the block before them. Given
// "<div>a<br><br>b<br><br>c</div>", go-trafilatura returns the div's text and then the lines
// after its first break again as paragraphs of their own; a passage a page repeats on
// purpose (a question asked in each interview) is not of this shape and is kept.
func dropBrEchoes(root *html.Node) {
	if root == nil {
		return
	}
	var blocks []*html.Node
	for n := range htmlWalk(root) {
		if n.Type == html.ElementNode && htmlBlocks[n.DataAtom] && hasChildBr(n) {
			blocks = append(blocks, n)
		}
	}
	for _, b := range blocks {
		if b.Parent == nil {
			continue // removed already
		}
		// the words after the block's first line break
		var tail strings.Builder
		afterBr := false
		for c := b.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Br {
				afterBr = true
				continue
			}
			if afterBr {
				tail.WriteString(htmlText(c))
				tail.WriteByte(' ')
			}
		}
		nt := normalizeForCompare(tail.String(), tail.Len())
		if len(nt) < 40 {
			continue
		}
		for sib := b.NextSibling; sib != nil; {
			next := sib.NextSibling
			switch {
			case sib.Type == html.TextNode && strings.TrimSpace(sib.Data) == "":
			case sib.Type == html.ElementNode && htmlBlocks[sib.DataAtom]:
				ns := normalizeForCompare(htmlText(sib), 1<<20)
				if len(ns) < 20 || !strings.Contains(nt, ns) {
					next = nil
					break
				}
				b.Parent.RemoveChild(sib)
			default:
				next = nil
			}
			sib = next
		}
	}
}

func hasChildBr(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Br {
			return true
		}
	}
	return false
}

// fixAtoms sets the atom of elements built by name alone (the extractors create <p> and
// others that way), so that the walks here know them.
func fixAtoms(root *html.Node) {
	if root == nil {
		return
	}
	fix := func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == 0 {
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
	}
	fix(root)
	for n := range htmlWalk(root) {
		fix(n)
	}
}

// dropAdjacentRepeats removes a paragraph that repeats the one before it word for word, as
// go-trafilatura's baseline extraction returns a short page's text.
func dropAdjacentRepeats(text string) string {
	if !strings.Contains(text, "\n\n") {
		return text
	}
	paras := strings.Split(text, "\n\n")
	kept := paras[:1]
	for _, p := range paras[1:] {
		if p != kept[len(kept)-1] {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
