package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tidings-news/tidings/internal/model"
)

var testNow = time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)

// readTestPage reads testdata/html/name through the package's entry point.
func readTestPage(t *testing.T, name, pageURL string) *model.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data, Options{Format: FormatHTML, URL: pageURL, Now: testNow})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func TestReadHTMLPages(t *testing.T) {
	tests := []struct {
		file, url string
		// want holds the fields to check; "-" means "must be empty".
		title, byline, standfirst, docURL string
		published, publishedSource        string
		updated, updatedSource            string
		// the body: its first words, its number of paragraphs, words it holds and words it
		// must not hold
		start      string
		paragraphs int
		has, hasNo []string
	}{
		{
			file: "meta-article.html", url: "https://news.example/x",
			title: "Harbour authority approves new ferry terminal", byline: "Maria Lindqvist",
			standfirst: "The vote ends a six-year dispute over the old fish market site and clears the way for building to start in the spring.",
			docURL:     "https://news.example/news/2025/harbour-ferry-terminal",
			published:  "2025-03-14T16:30-04:00", publishedSource: "meta:article:published_time",
			updated: "2025-03-15T08:05-04:00", updatedSource: "meta:article:modified_time",
			start: "The harbour authority voted on Friday", paragraphs: 4,
			has:   []string{`"This is the most important decision this board has taken in a generation," he told`},
			hasNo: []string{"Most read", "Copyright", "Privacy", "By Maria", "Sport"},
		},
		{
			file:  "jsonld-article.html",
			title: "Drought cuts wheat harvest by a third", byline: "Ana Ruiz and Ben Okafor",
			standfirst: "Farmers in the southern plains expect the smallest crop in twenty years after a winter without rain.",
			published:  "2025-03-14T20:30:26Z", publishedSource: "json-ld:datePublished",
			updated: "2025-03-14T22:10Z", updatedSource: "json-ld:dateModified",
			start: "Farmers across the southern plains", paragraphs: 3,
			hasNo: []string{"Rain returns", "Subscribe", "Related"},
		},
		{
			file:  "time-element.html",
			title: "Museum returns stolen manuscripts", byline: "-", standfirst: "-",
			published: "2025-03-14T09:15", publishedSource: "time-element", updated: "-",
			start: "Three medieval manuscripts", paragraphs: 3,
			hasNo: []string{"Front page", "Advertise", "09:15"},
		},
		{
			file:      "printed-date.html",
			title:     "Rail strike called off after late-night talks",
			published: "2025-03-14T16:30-04:00", publishedSource: "text",
			start: "A national rail strike", paragraphs: 3,
			hasNo: []string{"Published", "Jobs"},
		},
		{
			file:  "header-in-body.html",
			title: "City hall to close for renovation",
			// the dek printed under the title in the body is the standfirst, not body text
			standfirst: "The building will shut for two years while workers replace its roof and heating.",
			published:  "2025-03-14", publishedSource: "meta:article:published_time",
			start: "City hall will close its doors in June", paragraphs: 3,
		},
		{
			file:  "lede-description.html",
			title: "Storm knocks out power to 40,000 homes",
			// the description is the first paragraph: no dek, and the paragraph stays
			standfirst: "-",
			published:  "2025-03-11", publishedSource: "meta:date",
			updated: "2026-01-17T03:00", updatedSource: "text",
			start: "A storm with winds of up to 110 kilometres", paragraphs: 3,
			hasNo: []string{"Updated 3 hours ago"},
		},
		{
			// the byline outside the <article> element, as schema.org microdata
			file:  "microdata-author.html",
			title: "Port strike ends after nine days", byline: "Lena Okoro",
			published: "2025-04-02T18:00Z", publishedSource: "meta:article:published_time",
			start: "Dock workers at the port of Eastwick", paragraphs: 4,
			hasNo: []string{"Fuel prices", "Copyright", "dataLayer", "interactive map", "Home"},
		},
		{
			file: "latin1.html", url: "https://news.example/2025/03/14/terraces",
			title:     "Café owners protest new terrace rules",
			published: "2025-03-14", publishedSource: "url",
			start: "Owners of more than two hundred cafés", paragraphs: 3,
			has: []string{"naïve calculations"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := readTestPage(t, tt.file, tt.url)
			check := func(field, got, want string) {
				t.Helper()
				switch {
				case want == "":
				case want == "-" && got != "":
					t.Errorf("%s = %q, want it empty", field, got)
				case want != "-" && got != want:
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", doc.Title, tt.title)
			check("byline", doc.Byline, tt.byline)
			check("standfirst", doc.Standfirst, tt.standfirst)
			check("url", doc.URL, tt.docURL)
			check("published", doc.Published, tt.published)
			check("published source", doc.PublishedSource, tt.publishedSource)
			check("updated", doc.Updated, tt.updated)
			check("updated source", doc.UpdatedSource, tt.updatedSource)
			if !strings.HasPrefix(doc.Text, tt.start) {
				t.Errorf("text starts %q, want %q", head(doc.Text, 80), tt.start)
			}
			if n := len(strings.Split(doc.Text, "\n\n")); tt.paragraphs > 0 && n != tt.paragraphs {
				t.Errorf("text has %d paragraphs, want %d:\n%s", n, tt.paragraphs, doc.Text)
			}
			for _, s := range tt.has {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tt.hasNo {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text holds %q:\n%s", s, doc.Text)
				}
			}
			checkBodyShape(t, doc.Text)
		})
	}
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// checkBodyShape fails when the text breaks the contract's shape: valid UTF-8, trimmed,
// paragraphs separated by exactly one blank line.
func checkBodyShape(t testing.TB, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("text is not valid UTF-8")
	}
	if strings.TrimSpace(text) != text {
		t.Errorf("text is not trimmed: %q...", head(text, 40))
	}
	if strings.Contains(text, "\n\n\n") {
		t.Errorf("text has more than one blank line between paragraphs")
	}
}

func TestHTMLTextRendering(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"white space", "<p>  One\n\t two  </p>", "One two"},
		{"inline", "<p>A <b>bold</b> and <a href=x>linked</a> word.</p>", "A bold and linked word."},
		{"line break", "<p>One<br>Two</p>", "One\nTwo"},
		{"two line breaks", "<div>One<br><br>Two</div>", "One\n\nTwo"},
		{"headings and lists", "<h2>Head</h2><ul><li>a</li><li>b</li></ul>", "Head\n\na\n\nb"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"scripts and styles", "<p>Text<script>var x = 1;</script><style>p{}</style> more</p>", "Text more"},
		{"hidden", `<p>Seen</p><p hidden>Unseen</p><div style="display: none">Gone</div>`, "Seen"},
		{"preformatted", "<pre>line one\nline two</pre>", "line one\nline two"},
		{"soft hyphen and nbsp", "<p>co\u00adoperate\u00a0now</p>", "cooperate now"},
		{"adjacent repeat kept by the renderer", "<p>One.</p><p>One.</p>", "One.\n\nOne."},
		{"entities", "<p>Fish &amp; chips &mdash; &quot;good&quot;</p>", "Fish & chips — \"good\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := htmlText(root); got != tt.want {
				t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShortPage(t *testing.T) {
	doc, err := Read([]byte("<html><body><p>tiny</p></body></html>"), Options{Format: FormatHTML})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "tiny" {
		t.Errorf("text = %q, want %q", doc.Text, "tiny")
	}
}

func TestParseMachineTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-03-14T20:30:26Z", "2025-03-14T20:30:26Z"},
		{"2025-03-14T16:30:00-04:00", "2025-03-14T16:30-04:00"},
		{"2025-03-14T16:30:00.000+0000", "2025-03-14T16:30Z"},
		{"2025-03-14T16:30:00", "2025-03-14T16:30"},
		{"2025-03-14 16:30:00 +0100", "2025-03-14T16:30+01:00"},
		{"2025-03-14 16:30", "2025-03-14T16:30"},
		{"2025-03-14", "2025-03-14"},
		{"20250314", "2025-03-14"},
		{"Fri, 14 Mar 2025 20:30:26 GMT", "2025-03-14T20:30:26Z"},
		{"Fri, 14 Mar 2025 16:30:26 -0400", "2025-03-14T16:30:26-04:00"},
		{"1741984226", "2025-03-14T20:30:26Z"},
		{"1741984226000", "2025-03-14T20:30:26Z"},
		{"2025", ""},
		{"March", ""},
		{"", ""},
		{"2025-13-45", ""},
	}
	for _, tt := range tests {
		st, ok := parseMachineTime(tt.in)
		got := ""
		if ok {
			got = st.String()
		}
		if got != tt.want {
			t.Errorf("parseMachineTime(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example/2025/03/14/harbour-vote/", "2025-03-14"},
		{"https://news.example/world/2025-03-14-harbour-vote", "2025-03-14"},
		{"https://news.example/story/20250314/harbour", "2025-03-14"},
		{"https://news.example/world/2019/nov/18/harbour-vote", "2019-11-18"},
		{"https://news.example/2025/03/harbour-vote", ""},
		{"https://news.example/article/12345678901", ""},
		{"https://news.example/2025/13/40/x", ""},
		{"not a url", ""},
	}
	for _, tt := range tests {
		st, ok := urlDate(tt.in)
		got := ""
		if ok {
			got = st.String()
		}
		if got != tt.want {
			t.Errorf("urlDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, url, want string }{
		{"Harbour vote passes | Coastline Herald", "Coastline Herald", "", "Harbour vote passes"},
		{"Harbour vote passes - The Herald", "", "https://www.theherald.example/x", "Harbour vote passes"},
		{"Herald: Harbour vote passes today", "", "https://herald.example/x", "Harbour vote passes today"},
		{"Star Wars review – shoots for the moon", "Games Weekly", "https://games.example/x", "Star Wars review – shoots for the moon"},
		{"Short | Coastline Herald", "Coastline Herald", "", "Short | Coastline Herald"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.title, tt.site, tt.url); got != tt.want {
			t.Errorf("stripSiteName(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.url, got, tt.want)
		}
	}
}

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("<p>café</p>"), "<p>café</p>"},
		{"declared latin-1", []byte("<meta charset=\"iso-8859-1\"><p>caf\xe9</p>"), "<meta charset=\"iso-8859-1\"><p>café</p>"},
		{"declared latin-1 but UTF-8", []byte("<meta charset=\"iso-8859-1\"><p>café</p>"), "<meta charset=\"iso-8859-1\"><p>café</p>"},
		{"http-equiv windows-1251", []byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>"), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>Москва</p>"},
		{"undeclared bytes", []byte("<p>caf\xe9</p>"), "<p>café</p>"},
		{"utf-16 BOM", []byte("\xff\xfe<\x00p\x00>\x00"), "<p>"},
	}
	for _, tt := range tests {
		if got := string(decodeHTML(tt.in)); got != tt.want {
			t.Errorf("%s: decodeHTML = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestTrimHead(t *testing.T) {
	lx, err := loadHTMLLexicon()
	if err != nil {
		t.Fatal(err)
	}
	h := pageHead{
		titles: []string{"Harbour vote passes"},
		byline: "Maria Lindqvist",
		deks:   []string{"The vote ends a six-year dispute over the old fish market site."},
	}
	tests := []struct{ name, in, rest, dek, date string }{
		{"header kept by the extractor",
			"Harbour vote passes\n\nBy Maria Lindqvist\n\nMarch 14, 2025\n\nThe vote ends a six-year dispute over the old fish market site.\n\nBody.",
			"Body.", "The vote ends a six-year dispute over the old fish market site.", "March 14, 2025"},
		{"description that opens the body stays",
			"The vote ends a six-year dispute over the old fish market site.\n\nBody.",
			"The vote ends a six-year dispute over the old fish market site.\n\nBody.", "", ""},
		{"a sentence with a date stays",
			"The vote is on March 14, 2025.\n\nBody.", "The vote is on March 14, 2025.\n\nBody.", "", ""},
		{"never the whole body", "Harbour vote passes", "Harbour vote passes", "", ""},
	}
	for _, tt := range tests {
		rest, dek, date := lx.trimHead(tt.in, h, testNow)
		if rest != tt.rest || dek != tt.dek || date != tt.date {
			t.Errorf("%s: trimHead = %q, %q, %q; want %q, %q, %q", tt.name, rest, dek, date, tt.rest, tt.dek, tt.date)
		}
	}
}

// TestReadHTMLHostile feeds pages built to be slow or deep and checks that each is read, or
// refused with an error, in bounded time.
func TestReadHTMLHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping large pages in -short mode")
	}
	pages := map[string]string{
		"nested past the parser's limit": strings.Repeat("<div>", 2000) + "deep words",
		"many paragraphs":                "<article>" + strings.Repeat("<p>Some words in a paragraph that go on.</p>", 20000) + "</article>",
		"many formatting elements":       strings.Repeat("<p><i>", 20000) + "words",
		"deep JSON-LD":                   "<script type=application/ld+json>" + strings.Repeat("[", 100000) + "</script><p>words here</p>",
		"unclosed everything":            "<html><body><p><b><i><a href='x'>words <table><tr><td>cell",
		"odd unicode":                    "<p>\u202eright to left\u202c \U0001F600 \ufffd \u0000 zero</p>",
	}
	lx, err := loadHTMLLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range pages {
		start := time.Now()
		doc, err := lx.read([]byte(page), Options{Now: testNow}, defaultHTMLExtraction())
		if el := time.Since(start); el > 10*time.Second {
			t.Errorf("%s: took %v", name, el)
		}
		if err == nil {
			checkBodyShape(t, doc.Text)
		}
	}
	doc, err := lx.read([]byte(pages["nested past the parser's limit"]), Options{}, defaultHTMLExtraction())
	if err != nil || doc.Text != "deep words" {
		t.Errorf("deep page: got %v, %v; want its words", doc, err)
	}
}

func TestJSONLDNotJSON(t *testing.T) {
	var j jsonLDFacts
	j.add(`{"@type": "NewsArticle", "headline": "A",
	  "datePublished": "2019-11-18T16:06:51-05:00",
	  "articleBody": "a line
	  broken",}`)
	if got := j.props["datePublished"]; got != "2019-11-18T16:06:51-05:00" {
		t.Errorf("datePublished = %q from JSON-LD that is not JSON", got)
	}
}

func TestHTMLLexiconData(t *testing.T) {
	lx, err := loadHTMLLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{fieldPublished, fieldUpdated, fieldAuthor, fieldDescription} {
		if len(lx.order[f]) == 0 {
			t.Errorf("html_meta.tsv gives no key for %s", f)
		}
	}
	if _, err := parseHTMLLexicon("published\tdate\textra\n"); err == nil {
		t.Error("a line with three columns was accepted")
	}
	if _, err := parseHTMLLexicon("colour\tred\n"); err == nil {
		t.Error("an unknown field was accepted")
	}
}
