package reader

import (
	"bytes"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/tidings-news/tidings/internal/model"
)

// Limits that bound the work done on one page, whatever its size or shape.
const (
	// maxHTMLBytes is the most of a page read; the rest is dropped (the HTML parser closes
	// what is left open).
	maxHTMLBytes = 4 << 20
	// A page with more nodes or more text than this is not handed to the extractors, whose
	// work grows faster than the page; its text is read by a plain walk instead. News pages
	// have a few thousand nodes and tens of kilobytes of text.
	maxHTMLNodes     = 50_000
	maxHTMLTextBytes = 128 << 10
	// minBodyRunes is the length under which the main extractor's text is thought too
	// little and the fallback extractor is tried.
	minBodyRunes = 250
)

// htmlExtraction are the settings of the body extractors.
type htmlExtraction struct {
	focus    trafilatura.ExtractionFocus
	fallback bool // trafilatura's own fallback extractors
	tables   bool // keep the text of tables
	// widen, when above zero, runs go-readability on every page and takes its text when it is
	// widen times longer than trafilatura's and holds at least cover of it (trafilatura stops
	// at an article cut in parts by advertisements).
	widen, cover float64
}

// defaultHTMLExtraction returns the settings measured best on the extraction benchmark
// (docs/reader.md).
func defaultHTMLExtraction() htmlExtraction {
	return htmlExtraction{focus: trafilatura.FavorRecall, tables: true}
}

// readHTML extracts the article from a web page.
func readHTML(data []byte, opts Options) (*model.Document, error) {
	lx, err := loadHTMLLexicon()
	if err != nil {
		return nil, fmt.Errorf("loading the web page reader's data: %w", err)
	}
	return lx.read(data, opts, defaultHTMLExtraction())
}

func (lx *htmlLexicon) read(data []byte, opts Options, cfg htmlExtraction) (*model.Document, error) {
	if len(data) > maxHTMLBytes {
		data = data[:maxHTMLBytes]
	}
	data = dropRawText(decodeHTML(data))
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// The parser refuses elements nested more than 512 deep: read the words alone.
		text := tokenText(data)
		if strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("reading the web page: %w", err)
		}
		return &model.Document{Text: text}, nil
	}
	facts := lx.collectFacts(root)

	doc := &model.Document{}
	doc.URL = absoluteURL(facts.canonical, opts.URL)
	if doc.URL == "" {
		doc.URL = absoluteURL(facts.ogURL, opts.URL)
	}
	pageURL := opts.URL
	if pageURL == "" {
		pageURL = doc.URL
	}

	var meta trafilatura.Metadata
	var rd readability.Article
	nodes, textBytes := pruneForExtraction(root)
	if nodes <= maxHTMLNodes && textBytes <= maxHTMLTextBytes {
		narrowed, restore := narrowToArticle(root)
		doc.Text, meta, rd = extractBody(root, pageURL, cfg)
		restore()
		if narrowed && meta.Title != facts.ogTitle && meta.Title != facts.jsonLD.props["headline"] && !strings.Contains(facts.titleTag, meta.Title) {
			// A heading inside the article, taken for want of a title in the page's head.
			meta.Title = ""
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		doc.Text = plainText(htmlBody(root))
	}

	doc.Title = firstNonEmpty(meta.Title, facts.jsonLD.props["headline"], facts.ogTitle, rd.Title(), facts.titleTag)
	doc.Title = stripSiteName(doc.Title, facts.siteName, doc.URL, pageURL)
	if h := strings.TrimSpace(facts.h1); h != "" && h != doc.Title && htmlIsTitle(normalizeForCompare(h, 600), []string{normalizeForCompare(doc.Title, 600)}) {
		// "Opinion | X" or "X - Site" in the metadata, X on the page: keep X as printed.
		doc.Title = h
	}
	doc.Byline = cleanByline(firstNonEmpty(lx.metaAuthor(facts), meta.Author, facts.author, rd.Byline()))
	head := pageHead{
		titles: []string{doc.Title, facts.h1, facts.ogTitle, facts.jsonLD.props["headline"], facts.titleTag},
		byline: doc.Byline,
		deks:   standfirstCandidates(facts),
	}
	var dek, dateLine string
	doc.Text, dek, dateLine = lx.trimHead(doc.Text, head, opts.now())
	if dateLine != "" {
		facts.dateTexts = append([]string{dateLine}, facts.dateTexts...)
		doc.Header = joinLines(doc.Header, dateLine)
	}
	// A stamp on a line of its own at the foot ("Updated 3 hours ago") is no part of the body.
	if i := strings.LastIndex(doc.Text, "\n\n"); i > 0 && lx.isDateLine(doc.Text[i+2:], opts.now()) {
		facts.dateTexts = append(facts.dateTexts, doc.Text[i+2:])
		doc.Header = joinLines(doc.Header, doc.Text[i+2:])
		doc.Text = doc.Text[:i]
	}
	doc.Standfirst = dek
	if doc.Standfirst == "" {
		doc.Standfirst = pickStandfirst(standfirstCandidates(facts), doc.Title, doc.Byline, doc.Text, firstNonEmpty(doc.URL, pageURL))
	}

	now := opts.now()
	doc.Published, doc.PublishedSource = lx.pickDate(fieldPublished, facts, doc.URL, pageURL, now, opts.NowHasZone)
	doc.Updated, doc.UpdatedSource = lx.pickDate(fieldUpdated, facts, doc.URL, pageURL, now, opts.NowHasZone)
	return doc, nil
}

// decodeHTML returns the page as UTF-8. A byte order mark decides; else valid UTF-8 stays
// UTF-8 (pages often declare a charset they do not use); else the charset a <meta> element
// declares; else Windows-1252, as browsers read undeclared pages.
func decodeHTML(data []byte) []byte {
	if enc, name, certain := charset.DetermineEncoding(data, ""); certain {
		if name == "utf-8" {
			return bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return bytes.ToValidUTF8(bytes.TrimPrefix(out, []byte("\uFEFF")), []byte("\uFFFD"))
		}
	}
	if utf8.Valid(data) {
		return data
	}
	enc := encoding.Encoding(charmap.Windows1252)
	if name := declaredCharset(data); name != "" {
		if e, _ := charset.Lookup(name); e != nil {
			enc = e
		}
	}
	if out, err := enc.NewDecoder().Bytes(data); err == nil {
		data = out
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// declaredCharset is the charset named by a <meta> element in the head of the page:
// <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">.
func declaredCharset(data []byte) string {
	head := data
	if len(head) > 32<<10 {
		head = head[:32<<10]
	}
	low := bytes.ToLower(head)
	for {
		i := bytes.Index(low, []byte("<meta"))
		if i < 0 {
			return ""
		}
		low = low[i+5:]
		end := bytes.IndexByte(low, '>')
		if end < 0 {
			return ""
		}
		tag := low[:end]
		low = low[end:]
		j := bytes.Index(tag, []byte("charset="))
		if j < 0 {
			continue
		}
		v := bytes.TrimLeft(tag[j+len("charset="):], "\"' ")
		k := 0
		for k < len(v) && (v[k] >= 'a' && v[k] <= 'z' || v[k] >= '0' && v[k] <= '9' || v[k] == '-' || v[k] == '_' || v[k] == '.' || v[k] == ':') {
			k++
		}
		if k > 0 {
			return string(v[:k])
		}
	}
}

// extractBody finds the article's text with go-trafilatura, and with go-readability when
// trafilatura finds too little. A panic in either is caught and counts as finding nothing.
func extractBody(root *html.Node, pageURL string, cfg htmlExtraction) (text string, meta trafilatura.Metadata, rd readability.Article) {
	var u *url.URL
	if pageURL != "" {
		if pu, err := url.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	topts := trafilatura.Options{
		OriginalURL:     u,
		Focus:           cfg.focus,
		EnableFallback:  cfg.fallback,
		ExcludeComments: true,
		ExcludeTables:   !cfg.tables,
		HtmlDateMode:    trafilatura.Disabled,
		EnableLog:       false,
	}
	catch(func() {
		res, err := trafilatura.ExtractDocument(root, topts)
		if err != nil || res == nil {
			return
		}
		meta = res.Metadata
		fixAtoms(res.ContentNode)
		dropBrEchoes(res.ContentNode)
		text = dropAdjacentRepeats(htmlText(res.ContentNode))
	})
	n := utf8.RuneCountInString(text)
	if n >= minBodyRunes && cfg.widen <= 0 {
		return text, meta, rd
	}
	catch(func() {
		p := readability.NewParser()
		a, err := p.ParseDocument(root, u)
		if err != nil {
			return
		}
		rd = a
		if a.Node == nil {
			return
		}
		fixAtoms(a.Node)
		t := dropAdjacentRepeats(htmlText(a.Node))
		m := utf8.RuneCountInString(t)
		switch {
		case n < minBodyRunes && m > n:
			text = t
		case cfg.widen > 0 && float64(m) > cfg.widen*float64(n) && covers(t, text) >= cfg.cover:
			text = t
		}
	})
	return text, meta, rd
}

// covers is the share of the word 4-grams of small that are also in big.
func covers(big, small string) float64 {
	bs := shingleSet(big)
	total, hit := 0, 0
	for g := range shingleSeq(small) {
		total++
		if _, ok := bs[g]; ok {
			hit++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(hit) / float64(total)
}

func shingleSet(s string) map[[4]string]struct{} {
	m := map[[4]string]struct{}{}
	for g := range shingleSeq(s) {
		m[g] = struct{}{}
	}
	return m
}

// shingleSeq yields the lowercased word 4-grams of s.
func shingleSeq(s string) iter.Seq[[4]string] {
	return func(yield func([4]string) bool) {
		var g [4]string
		k := 0
		for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			g[0], g[1], g[2], g[3] = g[1], g[2], g[3], w
			k++
			if k >= 4 && !yield(g) {
				return
			}
		}
	}
}

// catch runs fn and turns a panic in it into nothing found: the extractors are large and
// a page may be hostile.
func catch(fn func()) {
	defer func() { _ = recover() }()
	fn()
}

// dropRawText empties the <script> and <style> elements of the page, other than JSON-LD
// scripts, before it is parsed: on news pages they are half of the bytes, and nothing is read
// from them. The elements stay, empty.
func dropRawText(data []byte) []byte {
	var out []byte
	last := 0 // data[last:] is not yet copied to out
	for i := 0; ; {
		k := bytes.IndexByte(data[i:], '<')
		if k < 0 {
			break
		}
		i += k + 1
		name := rawTextTag(data[i:])
		if name == "" {
			continue
		}
		gt := bytes.IndexByte(data[i:], '>')
		if gt < 0 {
			break
		}
		open := data[i : i+gt]
		i += gt + 1
		if name == "script" && containsFold(open, "ld+json") {
			continue
		}
		end := closingTag(data[i:], name)
		if end < 0 {
			end = len(data) - i
		}
		if end > 0 {
			out = append(out, data[last:i]...)
			last = i + end
		}
		i += end
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}

// rawTextTag is "script" or "style" when b starts with that tag name (any case) and the
// name ends there; else "".
func rawTextTag(b []byte) string {
	for _, name := range [...]string{"script", "style"} {
		if len(b) > len(name) && bytes.EqualFold(b[:len(name)], []byte(name)) {
			switch b[len(name)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return name
			}
		}
	}
	return ""
}

// closingTag is the offset in b of the first "</name" (any case), -1 when there is none.
func closingTag(b []byte, name string) int {
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("</"))
		if k < 0 {
			return -1
		}
		i += k
		if len(b)-i-2 >= len(name) && bytes.EqualFold(b[i+2:i+2+len(name)], []byte(name)) {
			return i
		}
		i += 2
	}
}

// containsFold reports whether b contains the lower-case ASCII word, in any case.
func containsFold(b []byte, word string) bool {
	for i := 0; i+len(word) <= len(b); i++ {
		if bytes.EqualFold(b[i:i+len(word)], []byte(word)) {
			return true
		}
	}
	return false
}

// pruned are the elements that hold no article text and that the body extractors drop
// anyway, though only after copying and searching the whole page several times: taking them
// out first makes that work smaller. JSON-LD scripts stay, for the extractors' metadata;
// <form> stays too, since some sites wrap the whole page in one.
var pruned = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Select: true,
	atom.Textarea: true, atom.Button: true,
	atom.Nav: true, atom.Aside: true, atom.Menu: true, atom.Dialog: true,
	atom.Fieldset: true, atom.Label: true, atom.Input: true, atom.Picture: true, atom.Map: true,
	atom.Datalist: true, atom.Progress: true, atom.Output: true,
}

// pruneForExtraction takes out of the tree the comments and the elements in pruned, and
// counts the nodes left and the bytes of their text, in one walk without recursion.
func pruneForExtraction(root *html.Node) (nodes, textBytes int) {
	n := root.FirstChild
	for n != nil {
		drop := n.Type == html.CommentNode ||
			n.Type == html.ElementNode && pruned[n.DataAtom] && !(n.DataAtom == atom.Script && isJSONLD(n))
		if drop {
			next := nextAfter(n, root)
			n.Parent.RemoveChild(n)
			n = next
			continue
		}
		nodes++
		if n.Type == html.TextNode {
			textBytes += len(n.Data)
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		n = nextAfter(n, root)
	}
	return nodes, textBytes
}

// nextAfter is the node after n and its children in document order, within root.
func nextAfter(n, root *html.Node) *html.Node {
	for n != nil && n != root {
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// isJSONLD reports whether the script element holds JSON-LD.
func isJSONLD(n *html.Node) bool {
	return strings.EqualFold(strings.TrimSpace(htmlAttr(n, "type")), "application/ld+json")
}

// htmlBody returns the <body> element, or root when there is none.
func htmlBody(root *html.Node) *html.Node {
	for n := range htmlWalk(root) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return n
		}
	}
	return root
}

// stripSiteName drops the site's name that pages add to the title: "Title | Site",
// "Title - Site", "Site: Title". The site's name is its og:site_name or its host name.
func stripSiteName(title, site string, urls ...string) string {
	names := []string{strings.TrimSpace(site)}
	for _, u := range urls {
		if pu, err := url.Parse(u); err == nil && pu.Host != "" {
			h := strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
			names = append(names, h)
			if i := strings.IndexByte(h, '.'); i > 0 {
				names = append(names, h[:i])
			}
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if len(head) >= 10 && nameMatches(tail, names) {
			return head
		}
		j := strings.Index(title, sep)
		head, tail = strings.TrimSpace(title[:j]), strings.TrimSpace(title[j+len(sep):])
		if len(tail) >= 10 && nameMatches(head, names) {
			return tail
		}
	}
	return title
}

// nameMatches is true when s names the site: one of names, ignoring case, spaces and dots.
func nameMatches(s string, names []string) bool {
	k := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(strings.ToLower(s))
	if k == "" {
		return false
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		nk := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(strings.ToLower(n))
		if k == nk || len(k) >= 4 && strings.HasPrefix(nk, k) {
			return true
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// metaAuthor is the author the page's structured data gives, in the order of html_meta.tsv:
// the first that names someone rather than giving a link or a handle.
func (lx *htmlLexicon) metaAuthor(f *pageFacts) string {
	metas := sortedMeta(f.meta[fieldAuthor])
	for _, key := range lx.order[fieldAuthor] {
		if strings.HasPrefix(key, jsonLDPrefix) {
			if v := f.jsonLD.props[strings.TrimPrefix(key, jsonLDPrefix)]; v != "" && !strings.Contains(v, "://") {
				return v
			}
			continue
		}
		for _, v := range metas {
			if metaKeyOf(v.source) == key && !strings.Contains(v.value, "://") && !strings.HasPrefix(v.value, "@") {
				return v.value
			}
		}
	}
	return ""
}

// metaKeyOf is the key of a source label: "meta:author" and "itemprop:author" give "author".
func metaKeyOf(source string) string {
	if _, k, ok := strings.Cut(source, ":"); ok && (strings.HasPrefix(source, "meta:") || strings.HasPrefix(source, "itemprop:")) {
		return k
	}
	return source
}

// cleanByline trims a byline to the names: "By Jane Doe" becomes "Jane Doe".
func cleanByline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, p)
	}
	if len(s) > 200 || strings.Contains(s, "://") {
		return ""
	}
	return s
}

// sortedMeta orders values by the preference of their key, keeping page order among equals.
func sortedMeta(vs []metaValue) []metaValue {
	out := make([]metaValue, len(vs))
	copy(out, vs)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].rank < out[j-1].rank; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// standfirstCandidates are the texts that may be the article's dek, best first: an element
// the page marks as one, then its descriptions.
func standfirstCandidates(f *pageFacts) []string {
	cands := []string{f.standfirst}
	for _, v := range sortedMeta(f.meta[fieldDescription]) {
		cands = append(cands, v.value)
	}
	return append(cands, f.jsonLD.props["description"])
}

// pageHead is what the body's first paragraphs may repeat.
type pageHead struct {
	titles []string // the title as the page gives it in several places
	byline string
	deks   []string
}

// trimHead drops from the head of the body the paragraphs that repeat the page's header, which
// extractors often keep: the title, the byline, the page's own link, a line that only gives
// the date, and, under the title, the dek. It returns the body left, the dek as printed and
// the date line as printed.
func (lx *htmlLexicon) trimHead(text string, h pageHead, now time.Time) (rest, dek, dateLine string) {
	var nts []string
	for _, t := range h.titles {
		if n := normalizeForCompare(t, 600); len(n) >= 8 {
			nts = append(nts, n)
		}
	}
	nb := normalizeForCompare(h.byline, 300)
	var nd []string
	for _, d := range h.deks {
		if n := normalizeForCompare(strings.TrimRight(strings.TrimSpace(d), ".…"), 1000); len(n) >= 20 {
			nd = append(nd, n)
		}
	}
	rest = text
	sawTitle := false
	for range 5 {
		para, after, _ := strings.Cut(rest, "\n\n")
		if len(para) > 1000 {
			break
		}
		para = strings.TrimSpace(para)
		np := normalizeForCompare(para, 1000)
		switch {
		case np == "":
		case htmlIsTitle(np, nts):
			sawTitle = true
		case np == "by" || nb != "" && (np == nb || np == "by "+nb):
		case htmlIsLink(para):
		case dateLine == "" && lx.isDateLine(para, now):
			dateLine = para
		case sawTitle && dek == "" && matchesAny(np, nd):
			// A description right under the title is the header's dek; one that opens the
			// body without a title above it is the article's first paragraph.
			dek = para
		default:
			return rest, dek, dateLine
		}
		if strings.TrimSpace(after) == "" {
			break // never drop the whole body
		}
		rest = after
	}
	return rest, dek, dateLine
}

// htmlIsTitle is true when the paragraph np is one of the titles, or most of one ("Opinion | X"
// and "X - Site" both print the title X).
func htmlIsTitle(np string, titles []string) bool {
	for _, t := range titles {
		if np == t || len(np) >= 15 && 2*len(np) >= len(t) && strings.Contains(t, np) {
			return true
		}
	}
	return false
}

// htmlIsLink is true for a paragraph that is only a web address.
func htmlIsLink(para string) bool {
	return (strings.HasPrefix(para, "http://") || strings.HasPrefix(para, "https://")) && !strings.ContainsAny(para, " \n")
}

// isDateLine is true for a short line that only gives a date: "October 12, 2017",
// "Published 3:45 PM EST Nov 18, 2019".
func (lx *htmlLexicon) isDateLine(para string, now time.Time) bool {
	if len(para) > 120 || len(strings.Fields(para)) > 14 {
		return false
	}
	if strings.HasSuffix(para, ".") && !strings.HasSuffix(para, "m.") || strings.ContainsAny(para[len(para)-1:], "!?\"”") {
		return false
	}
	_, ok := printedTime(para, now, false)
	return ok
}

// matchesAny is true when the paragraph np is one of the deks, or starts with one that the
// page cut short.
func matchesAny(np string, deks []string) bool {
	for _, d := range deks {
		if np == d || len(d) >= 60 && strings.HasPrefix(np, d) && len(np) < len(d)+len(d)/2 {
			return true
		}
	}
	return false
}

// isPrintedDate is true when s reads as a date line.
func isPrintedDate(s string) bool {
	_, ok := ParseStamp(s, time.Now(), false)
	return ok
}

// pickStandfirst is the article's dek: an element the page marks as one, else the page's
// description when it is not merely the opening of the body or the title again.
func pickStandfirst(cands []string, title, byline, text, pageURL string) string {
	head := text
	if len(head) > 4000 {
		head = head[:4000]
	}
	nhead := normalizeForCompare(head, 4000)
	nt := normalizeForCompare(title, 400)
	host := ""
	if pu, err := url.Parse(pageURL); err == nil {
		host = normalizeForCompare(strings.TrimPrefix(pu.Hostname(), "www."), 200)
	}
	for _, c := range cands {
		c = strings.Join(strings.Fields(c), " ")
		if len(c) < 30 || len(c) > 600 {
			continue
		}
		nc := normalizeForCompare(strings.TrimRight(c, ".… "), 600)
		switch {
		case nc == "" || nc == nt:
		case strings.Contains(nhead, nc) || covers(head, c) >= 0.5:
			// the opening of the body, not a dek
		case host != "" && strings.Contains(nc, host):
			// the site describing itself
		case len(c) < 160 && isPrintedDate(c):
			// a date line
		case len(byline) >= 5 && strings.Contains(c, byline):
			// the byline's box
		default:
			return c
		}
	}
	return ""
}

// normalizeForCompare lowercases s and keeps only its letters and digits, one space between
// words, reading at most limit bytes.
func normalizeForCompare(s string, limit int) string {
	if len(s) > limit {
		s = s[:limit]
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != utf8.RuneError && !isSpaceRune(r) && !isPunctRune(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

func isSpaceRune(r rune) bool {
	return r == '\u00a0' || r >= '\u2000' && r <= '\u200b' || r == '\u3000'
}
func isPunctRune(r rune) bool {
	return r >= '\u2010' && r <= '\u2027' || r == '\u00ab' || r == '\u00bb'
}

// pickDate finds the published or updated time in the order html_meta.tsv gives: the first
// source that yields a time wins; when it gives only a day, a later source that gives a clock
// time on the same day completes it.
func (lx *htmlLexicon) pickDate(field string, f *pageFacts, canonical, pageURL string, now time.Time, nowZone bool) (string, string) {
	metas := sortedMeta(f.meta[field])
	var best stamp
	var bestSource string
	consider := func(st stamp, source string) bool {
		if !st.plausible(now) {
			return false
		}
		if bestSource == "" {
			best, bestSource = st, source
			return best.clock && best.hasZone
		}
		switch {
		case !best.clock && st.clock && st.t.Format("2006-01-02") == best.t.Format("2006-01-02"):
			// a day, then the time on that day
			best, bestSource = st, source
		case best.clock && !best.hasZone && st.clock && st.hasZone && sameWallClock(best.t, st.t):
			// a time without a zone, then the same time with one
			best, bestSource = st, source
			return true
		}
		return best.clock && best.hasZone
	}
	for _, key := range lx.order[field] {
		switch {
		case strings.HasPrefix(key, jsonLDPrefix):
			if v := f.jsonLD.props[strings.TrimPrefix(key, jsonLDPrefix)]; v != "" {
				if st, ok := parseMachineTime(v); ok && consider(st, key) {
					return best.String(), bestSource
				}
			}
		case key == keyTimeElement:
			for _, v := range f.times {
				if st, ok := parseMachineTime(v); ok {
					if consider(st, "time-element") {
						return best.String(), bestSource
					}
					break
				}
			}
		case key == keyText:
			for _, t := range f.dateTexts {
				part, ok := datePart(t, field)
				if !ok {
					continue
				}
				st, ok := parseMachineTime(strings.TrimPrefix(part, "Updated "))
				if !ok {
					st, ok = printedTime(part, now, nowZone)
				}
				if ok {
					if consider(st, "text") {
						return best.String(), bestSource
					}
					break
				}
			}
		case key == keyURL:
			for _, u := range []string{canonical, pageURL} {
				if st, ok := urlDate(u); ok {
					if consider(st, "url") {
						return best.String(), bestSource
					}
					break
				}
			}
		default:
			for _, v := range metas {
				if metaKeyOf(v.source) != key {
					continue
				}
				st, ok := parseMachineTime(v.value)
				if !ok {
					st, ok = printedTime(v.value, now, nowZone)
				}
				if ok && consider(st, v.source) {
					return best.String(), bestSource
				}
			}
		}
	}
	if bestSource == "" {
		return "", ""
	}
	return best.String(), bestSource
}

// sameWallClock is true when a time printed without a zone (read as UTC) is the time t with
// its zone, either as the clock reads there or in UTC.
func sameWallClock(bare, t time.Time) bool {
	const layout = "2006-01-02T15:04"
	b := bare.Format(layout)
	return b == t.Format(layout) || b == t.UTC().Format(layout)
}

// datePart returns the part of a printed date line that gives field: "Published 3 May 2025,
// updated 4 May 2025" gives the first date for published and the second for updated. A line
// that only says "Updated ..." gives nothing for published.
func datePart(s, field string) (string, bool) {
	low := strings.ToLower(s)
	i := strings.Index(low, "updated")
	if i < 0 {
		i = strings.Index(low, "modified")
	}
	if field == fieldUpdated {
		if i < 0 {
			return "", false
		}
		return s[i:], true
	}
	if i < 0 {
		return s, true
	}
	if before := strings.TrimSpace(s[:i]); len(before) >= 6 {
		return before, true
	}
	return "", false
}

// urlMonth is the two-digit number of a three-letter English month name, or "".
func urlMonth(s string) string {
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(s))
	if len(s) != 3 || i < 0 || i%3 != 0 {
		return ""
	}
	return fmt.Sprintf("%02d", i/3+1)
}

// urlDate reads a day from a URL path: /2025/03/14/, /2025-03-14-, /20250314/, /2025/mar/14/.
func urlDate(u string) (stamp, bool) {
	pu, err := url.Parse(u)
	if err != nil || pu.Path == "" {
		return stamp{}, false
	}
	p := pu.Path
	for i := 0; i+10 <= len(p); i++ {
		if p[i] != '/' && p[i] != '-' && p[i] != '_' {
			continue
		}
		s := p[i+1:]
		if len(s) < 8 {
			break
		}
		var y, m, d string
		switch {
		case len(s) >= 10 && (s[4] == '/' || s[4] == '-') && s[7] == s[4] && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:10]):
			y, m, d = s[:4], s[5:7], s[8:10]
			if len(s) > 10 && s[10] >= '0' && s[10] <= '9' {
				continue
			}
		case allDigits(s[:8]) && (len(s) == 8 || s[8] == '/' || s[8] == '-' || s[8] == '_' || s[8] == '.'):
			y, m, d = s[:4], s[4:6], s[6:8]
		case len(s) >= 11 && allDigits(s[:4]) && s[4] == '/' && s[8] == '/' && urlMonth(s[5:8]) != "" && allDigits(s[9:11]) && (len(s) == 11 || s[11] == '/'):
			// /2019/nov/18/
			y, m, d = s[:4], urlMonth(s[5:8]), s[9:11]
		default:
			continue
		}
		t, err := time.Parse("2006-01-02", y+"-"+m+"-"+d)
		if err != nil {
			continue
		}
		return stamp{t: t}, true
	}
	return stamp{}, false
}

// narrowToArticle leaves in the page's body only the element that holds its article, when one
// <article> (or itemprop="articleBody") element holds nearly all of the page's paragraph text:
// the body extractors then search, copy and clean a much smaller tree. It reports whether it
// did; restore puts the page back as it was.
func narrowToArticle(root *html.Node) (narrowed bool, restore func()) {
	body := htmlBody(root)
	if body == root {
		return false, func() {}
	}
	var best *html.Node
	bestText, allText := 0, 0
	for n := range htmlWalk(body) {
		if n.Type == html.TextNode && n.Parent != nil && n.Parent.DataAtom == atom.P {
			allText += len(n.Data)
		}
		if n.Type != html.ElementNode || n.DataAtom != atom.Article && htmlAttr(n, "itemprop") != "articleBody" {
			continue
		}
		if t := paragraphText(n); t > bestText {
			best, bestText = n, t
		}
	}
	if best == nil || bestText < 500 || float64(bestText) < 0.85*float64(allText) {
		return false, func() {}
	}
	var kids []*html.Node
	for c := body.FirstChild; c != nil; c = body.FirstChild {
		body.RemoveChild(c)
		kids = append(kids, c)
	}
	parent, next := best.Parent, best.NextSibling
	if parent != nil && parent != body {
		parent.RemoveChild(best)
	}
	body.AppendChild(best)
	return true, func() {
		body.RemoveChild(best)
		if parent != nil && parent != body {
			parent.InsertBefore(best, next)
		}
		for _, c := range kids {
			body.AppendChild(c)
		}
	}
}

// paragraphText is the number of bytes of text directly inside the <p> elements under n.
func paragraphText(n *html.Node) int {
	total := 0
	for c := range htmlWalk(n) {
		if c.Type == html.TextNode && c.Parent != nil && c.Parent.DataAtom == atom.P {
			total += len(c.Data)
		}
	}
	return total
}
