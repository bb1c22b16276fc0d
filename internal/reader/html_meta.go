package reader

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/tidings-news/tidings/internal/lexfile"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

//go:embed html_meta.tsv
var htmlMetaTSV string

// Fields of html_meta.tsv.
const (
	fieldPublished   = "published"
	fieldUpdated     = "updated"
	fieldAuthor      = "author"
	fieldDescription = "description"
)

// Pseudo keys of html_meta.tsv that name a place in the page rather than a <meta> key.
const (
	keyTimeElement = "time-element"
	keyText        = "text"
	keyURL         = "url"
	jsonLDPrefix   = "json-ld:"
)

// htmlLexicon is what the HTML reader knows about pages, read once from its data files.
type htmlLexicon struct {
	// order lists, for each field, the keys in order of preference.
	order map[string][]string
	// rank maps a lowercased <meta> key to its field and its place in order.
	rank map[string]metaKey
	// hints for elements: date-hint, standfirst-hint, not-article.
	dateHints, standfirstHints, notArticle []string
}

type metaKey struct {
	field string
	rank  int
}

// loadHTMLLexicon reads the embedded data files once.
var loadHTMLLexicon = sync.OnceValues(func() (*htmlLexicon, error) {
	return parseHTMLLexicon(htmlMetaTSV)
})

func parseHTMLLexicon(metaTSV string) (*htmlLexicon, error) {
	lx := &htmlLexicon{order: map[string][]string{}, rank: map[string]metaKey{}}
	err := eachTSVLine(metaTSV, func(line int, cols []string) error {
		if len(cols) != 2 {
			return fmt.Errorf("html_meta.tsv line %d: want 2 tab-separated columns, got %d", line, len(cols))
		}
		field, key := cols[0], cols[1]
		switch field {
		case fieldPublished, fieldUpdated, fieldAuthor, fieldDescription:
			if !strings.HasPrefix(key, jsonLDPrefix) && key != keyTimeElement && key != keyText && key != keyURL {
				key = strings.ToLower(key)
				lx.rank[key] = metaKey{field: field, rank: len(lx.order[field])}
			}
			lx.order[field] = append(lx.order[field], key)
		case "date-hint":
			lx.dateHints = append(lx.dateHints, strings.ToLower(key))
		case "standfirst-hint":
			lx.standfirstHints = append(lx.standfirstHints, strings.ToLower(key))
		case "not-article":
			lx.notArticle = append(lx.notArticle, strings.ToLower(key))
		default:
			return fmt.Errorf("html_meta.tsv line %d: unknown field %q", line, field)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
}

// eachTSVLine calls fn with the columns of every line that is neither blank nor a # comment.
func eachTSVLine(data string, fn func(line int, cols []string) error) error {
	return lexfile.EachString(data, func(n int, line string) error {
		cols := strings.Split(strings.TrimRight(line, "\r "), "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		return fn(n, cols)
	})
}

// metaValue is one value a page states for a field.
type metaValue struct {
	value  string
	source string
	rank   int
}

// pageFacts is what one walk over a page finds outside its body text.
type pageFacts struct {
	meta      map[string][]metaValue // by field
	canonical string
	ogURL     string
	ogTitle   string
	siteName  string
	titleTag  string
	// h1 is the text of the first top-level heading of the article.
	h1     string
	jsonLD jsonLDFacts
	// times are <time> elements of the article, best first.
	times []string
	// dateTexts are the texts of elements marked as dates, in page order.
	dateTexts []string
	// standfirst is the text of an element marked as the article's dek.
	standfirst string
	// author is the name in the first element marked itemprop="author" (schema.org microdata).
	author string
}

// Limits that keep the walk over a hostile page bounded.
const (
	maxJSONLDBytes = 1 << 20
	maxDateTexts   = 24
	maxTimes       = 16
	// maxDekDistance is how many elements after the headline a dek may start.
	maxDekDistance = 60
)

// collectFacts walks the page once, without recursion.
func (lx *htmlLexicon) collectFacts(root *html.Node) *pageFacts {
	f := &pageFacts{meta: map[string][]metaValue{}}
	var pubdateTimes, articleTimes, otherTimes []string
	jsonBudget := maxJSONLDBytes
	elems, h1At := 0, -1
	for n := range htmlWalk(root) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			content := strings.TrimSpace(htmlAttr(n, "content"))
			if content == "" {
				continue
			}
			for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
				k := strings.ToLower(strings.TrimSpace(htmlAttr(n, attr)))
				if k == "" {
					continue
				}
				switch k {
				case "og:url":
					if f.ogURL == "" {
						f.ogURL = content
					}
				case "og:site_name", "application-name":
					if f.siteName == "" {
						f.siteName = content
					}
				case "og:title":
					if f.ogTitle == "" {
						f.ogTitle = content
					}
				}
				if mk, ok := lx.rank[k]; ok {
					f.meta[mk.field] = append(f.meta[mk.field], metaValue{value: content, source: "meta:" + k, rank: mk.rank})
				}
			}
			continue
		case atom.Link:
			if f.canonical == "" && strings.EqualFold(strings.TrimSpace(htmlAttr(n, "rel")), "canonical") {
				f.canonical = strings.TrimSpace(htmlAttr(n, "href"))
			}
			continue
		case atom.Title:
			if f.titleTag == "" && n.FirstChild != nil {
				f.titleTag = strings.Join(strings.Fields(n.FirstChild.Data), " ")
			}
			continue
		case atom.Script:
			if isJSONLD(n) && n.FirstChild != nil {
				data := n.FirstChild.Data
				if len(data) <= jsonBudget {
					jsonBudget -= len(data)
					f.jsonLD.add(data)
				}
			}
			continue
		}
		// itemprop on an element other than <meta>: <time itemprop="datePublished" datetime=...>
		if ip := strings.ToLower(htmlAttr(n, "itemprop")); ip != "" {
			if ip == "author" && f.author == "" && !lx.outsideArticle(n) {
				f.author = microdataName(n)
			}
			if mk, ok := lx.rank[ip]; ok && (mk.field == fieldPublished || mk.field == fieldUpdated) {
				v := htmlAttr(n, "datetime")
				if v == "" {
					v = htmlAttr(n, "content")
				}
				if v == "" {
					v = htmlShortText(n, 200)
				}
				if v != "" && len(v) < 200 {
					f.meta[mk.field] = append(f.meta[mk.field], metaValue{value: v, source: "itemprop:" + ip, rank: mk.rank})
				}
			}
		}
		if n.DataAtom == atom.Time {
			v := strings.TrimSpace(htmlAttr(n, "datetime"))
			if v == "" || lx.outsideArticle(n) {
				continue
			}
			cls := strings.ToLower(htmlAttr(n, "class"))
			switch {
			case htmlHasAttr(n, "pubdate") || strings.Contains(cls, "publish"):
				pubdateTimes = append(pubdateTimes, v)
			case htmlInside(n, atom.Article) || htmlInside(n, atom.Main) || htmlInside(n, atom.Header):
				articleTimes = append(articleTimes, v)
			default:
				otherTimes = append(otherTimes, v)
			}
			continue
		}
		elems++
		if n.DataAtom == atom.H1 && f.h1 == "" && !lx.outsideArticle(n) {
			f.h1 = htmlShortText(n, 400)
			h1At = elems
		}
		marks := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
		if len(marks) <= 1 {
			continue
		}
		if len(f.dateTexts) < maxDateTexts && containsAny(marks, lx.dateHints) {
			v := htmlAttr(n, "datetime")
			if v == "" && n.DataAtom == atom.Input {
				v = htmlAttr(n, "value") // <input type=hidden class=published_date value=...>
			}
			if v != "" && (strings.Contains(marks, "modif") || strings.Contains(marks, "updat")) {
				v = "Updated " + v
			}
			if v == "" {
				v = htmlShortText(n, 200)
			}
			if len(v) >= 6 && len(v) <= 200 && !lx.outsideArticle(n) {
				f.dateTexts = append(f.dateTexts, v)
			}
		}
		// A dek is printed right under the headline.
		nearH1 := h1At >= 0 && elems-h1At <= maxDekDistance
		if f.standfirst == "" && nearH1 && htmlStandfirstTag(n.DataAtom) && containsAny(marks, lx.standfirstHints) && !lx.outsideArticle(n) {
			if t := htmlShortText(n, 600); len(t) >= 30 {
				f.standfirst = t
			}
		}
	}
	f.times = append(append(pubdateTimes, articleTimes...), otherTimes...)
	if len(f.times) > maxTimes {
		f.times = f.times[:maxTimes]
	}
	return f
}

// htmlStandfirstTag is true for the elements a dek is printed in.
func htmlStandfirstTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.Span, atom.Section:
		return true
	}
	return false
}

// outsideArticle is true when n sits in a part of the page that is not the article: a
// navigation bar, an aside, a footer, comments or a list of related stories.
func (lx *htmlLexicon) outsideArticle(n *html.Node) bool {
	depth := 0
	for p := n; p != nil && depth < 64; p = p.Parent {
		depth++
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer:
			return true
		case atom.Body, atom.Html:
			return false // the classes of <body> describe the whole page
		}
		marks := strings.ToLower(htmlAttr(p, "class") + " " + htmlAttr(p, "id"))
		if len(marks) > 1 && containsAny(marks, lx.notArticle) {
			return true
		}
	}
	return false
}

// htmlInside is true when n has an ancestor element a.
func htmlInside(n *html.Node, a atom.Atom) bool {
	depth := 0
	for p := n.Parent; p != nil && depth < 64; p = p.Parent {
		depth++
		if p.Type == html.ElementNode && p.DataAtom == a {
			return true
		}
	}
	return false
}

func htmlHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// jsonLDFacts are the schema.org facts of a page: those of the object typed as an article
// when there is one, else of the first object that has any.
type jsonLDFacts struct {
	props map[string]string
	// articleTyped is true once props came from an article-typed object.
	articleTyped bool
}

// jsonLDProps are the properties read.
var jsonLDProps = []string{"datePublished", "dateCreated", "dateModified", "headline", "description", "author", "url"}

// add reads one JSON-LD script; a script that is not valid JSON is ignored, as browsers do.
func (j *jsonLDFacts) add(data string) {
	data = strings.TrimSpace(data)
	data = strings.TrimPrefix(data, "<![CDATA[")
	data = strings.TrimSuffix(data, "]]>")
	var v any
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		// Pages often ship JSON-LD that is not valid JSON (a stray comma, a raw newline):
		// read the plain string properties one by one.
		if j.props == nil {
			props := map[string]string{}
			for _, p := range jsonLDProps {
				if s := rawJSONString(data, p); s != "" {
					props[p] = s
				}
			}
			if props["datePublished"] != "" || props["dateModified"] != "" {
				j.props = props
			}
		}
		return
	}
	budget := 2000
	j.walk(v, 0, &budget)
}

func (j *jsonLDFacts) walk(v any, depth int, budget *int) {
	*budget--
	if depth > 12 || *budget < 0 || j.articleTyped {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			j.walk(e, depth+1, budget)
		}
	case map[string]any:
		if art := jsonLDArticleType(x["@type"]); art || j.props == nil {
			props := map[string]string{}
			for _, p := range jsonLDProps {
				if s := jsonLDString(x[p], p == "author"); s != "" {
					props[p] = s
				}
			}
			if props["datePublished"] != "" || props["dateModified"] != "" || art && len(props) > 0 {
				j.props, j.articleTyped = props, art
			}
		}
		if g, ok := x["@graph"]; ok {
			j.walk(g, depth+1, budget)
		}
		if m, ok := x["mainEntity"]; ok {
			j.walk(m, depth+1, budget)
		}
	}
}

// rawJSONString finds "key": "value" in data and returns the value when it is a plain string
// without escapes.
func rawJSONString(data, key string) string {
	q := `"` + key + `"`
	i := strings.Index(data, q)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(data[i+len(q):], " \t\r\n")
	if !strings.HasPrefix(rest, ":") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if !strings.HasPrefix(rest, `"`) {
		return ""
	}
	end := strings.IndexAny(rest[1:], `"\`)
	if end < 0 || rest[1+end] != '"' || end > 500 {
		return ""
	}
	return strings.TrimSpace(rest[1 : 1+end])
}

// jsonLDArticleType is true for a schema.org type of news or blog article.
func jsonLDArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "LiveBlogPosting" || x == "Report" || x == "SocialMediaPosting"
	case []any:
		for _, e := range x {
			if jsonLDArticleType(e) {
				return true
			}
		}
	}
	return false
}

// jsonLDString reads a property as text: a string, a number, an object's name (when named is
// true, for people and organizations) or a list of those joined.
func jsonLDString(v any, named bool) string {
	switch x := v.(type) {
	case string:
		return strings.Join(strings.Fields(x), " ")
	case float64:
		return fmt.Sprintf("%.0f", x)
	case map[string]any:
		if named {
			return jsonLDString(x["name"], false)
		}
		if s := jsonLDString(x["@value"], false); s != "" {
			return s
		}
	case []any:
		var parts []string
		for i, e := range x {
			if i >= 8 {
				break
			}
			if s := jsonLDString(e, named); s != "" && !containsString(parts, s) {
				parts = append(parts, s)
			}
			if !named {
				break
			}
		}
		return joinNames(parts)
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// joinNames joins names as a byline prints them: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// absoluteURL resolves ref against base and returns it when it is an http(s) URL.
func absoluteURL(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 2048 {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() && base != "" {
		b, err := url.Parse(base)
		if err != nil {
			return ""
		}
		u = b.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// microdataName is the name of a schema.org person or organisation marked up on the page: the
// text of its itemprop="name" part, else its own text, when short enough to be a name.
func microdataName(n *html.Node) string {
	for c := range htmlWalk(n) {
		if c.Type == html.ElementNode && strings.EqualFold(htmlAttr(c, "itemprop"), "name") {
			if v := htmlAttr(c, "content"); v != "" {
				return strings.TrimSpace(v)
			}
			n = c
			break
		}
	}
	if t := htmlShortText(n, 120); len(t) < 120 {
		return t
	}
	return ""
}
