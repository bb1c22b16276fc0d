package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseTestHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func renderHTML(t *testing.T, root *html.Node) string {
	t.Helper()
	var b bytes.Buffer
	if err := html.Render(&b, root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPruneForExtraction(t *testing.T) {
	root := parseTestHTML(t, `<html><head><script>var x = 1;</script>`+
		`<script type="application/ld+json">{"headline": "H"}</script><style>p{}</style></head>`+
		`<body><!-- c --><nav><a href="/">Home</a></nav><p>one</p><svg><text>drawn</text></svg><div><button>Share</button><p>two</p></div>`+
		`<noscript>enable</noscript><aside><p>Related</p></aside></body></html>`)
	nodes, textBytes := pruneForExtraction(root)
	got := renderHTML(t, root)
	for _, gone := range []string{"var x", "p{}", "<!--", "drawn", "Share", "enable", "Home", "Related"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q left in %s", gone, got)
		}
	}
	for _, kept := range []string{`"headline"`, "<p>one</p>", "<p>two</p>"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q taken out of %s", kept, got)
		}
	}
	// html, head, script, its JSON, body, p, "one", div, p, "two"
	if nodes != 10 {
		t.Errorf("nodes = %d, want 10", nodes)
	}
	if want := len(`{"headline": "H"}`) + len("one") + len("two"); textBytes != want {
		t.Errorf("text bytes = %d, want %d", textBytes, want)
	}
}

func TestNarrowToArticle(t *testing.T) {
	long := strings.Repeat("A sentence of the article that goes on for a while. ", 12)
	tests := []struct {
		name, body string
		narrowed   bool
	}{
		{"article holds the text", `<nav><p>Home</p></nav><h1>T</h1><article><p>` + long + `</p><p>` + long + `</p></article><aside><p>Related</p></aside>`, true},
		{"articleBody marked", `<div><p>Menu</p></div><div itemprop="articleBody"><p>` + long + `</p></div>`, true},
		{"text outside the article", `<article><p>` + long + `</p></article><div><p>` + long + `</p></div>`, false},
		{"article too short", `<article><p>Short.</p></article>`, false},
		{"no article", `<div><p>` + long + `</p></div>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseTestHTML(t, "<html><head><title>x</title></head><body>"+tt.body+"</body></html>")
			before := renderHTML(t, root)
			narrowed, restore := narrowToArticle(root)
			if narrowed != tt.narrowed {
				t.Fatalf("narrowed = %v, want %v", narrowed, tt.narrowed)
			}
			if narrowed {
				body := renderHTML(t, htmlBody(root))
				if strings.Contains(body, "Home") || strings.Contains(body, "Menu") || strings.Contains(body, "Related") {
					t.Errorf("narrowed body still holds the page around the article: %s", body)
				}
				if !strings.Contains(body, long) {
					t.Errorf("narrowed body lost the article: %s", body)
				}
			}
			restore()
			if after := renderHTML(t, root); after != before {
				t.Errorf("page not restored:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

func TestMicrodataAuthor(t *testing.T) {
	lx, err := loadHTMLLexicon()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "html", "microdata-author.html"))
	if err != nil {
		t.Fatal(err)
	}
	f := lx.collectFacts(parseTestHTML(t, string(data)))
	if f.author != "Lena Okoro" {
		t.Errorf("author = %q, want Lena Okoro", f.author)
	}
}

func TestDropRawText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p>a</p><script>var x = "<p>";</script><p>b</p>`, `<p>a</p><script></script><p>b</p>`},
		{`<SCRIPT type="text/javascript">x()</Script ><STYLE>p{}</style>`, `<SCRIPT type="text/javascript"></Script ><STYLE></style>`},
		{`<script type="application/ld+json">{"a": 1}</script>`, `<script type="application/ld+json">{"a": 1}</script>`},
		{`<scripture>kept</scripture><styles>kept</styles>`, `<scripture>kept</scripture><styles>kept</styles>`},
		{`<script>if (a </b) {}</script>ok`, `<script></script>ok`},
		{`<p>x</p><script>never closed`, `<p>x</p><script>`},
		{`<script`, `<script`},
		{`no tags at all`, `no tags at all`},
	}
	for _, tt := range tests {
		if got := string(dropRawText([]byte(tt.in))); got != tt.want {
			t.Errorf("dropRawText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// dropRawText only takes bytes away, and what it leaves has nothing more to take.
func FuzzDropRawText(f *testing.F) {
	for _, s := range []string{`<script>x</script>`, `<style a=">">p{}</style>`, `<script type=application/ld+json>{}</script>`, `<scrip<script>`, `</script><script>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out := dropRawText(data)
		if len(out) > len(data) {
			t.Fatalf("output longer than input: %q → %q", data, out)
		}
		if again := dropRawText(out); !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: %q → %q → %q", data, out, again)
		}
	})
}
