package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/web"
	"github.com/tidings-news/tidings/internal/web/webtest"
)

// pwn is script that marks the page when it runs: a payload that executes leaves its name in
// the data-pwned attribute of the html element.
func pwn(name string) string { return "document.documentElement.dataset.pwned='" + name + "'" }

// xssText is an article body made of injection attempts.
var xssText = strings.Join([]string{
	`Officials said <script>` + pwn("body-script") + `</script> was found on Monday.`,
	`A second paragraph has <img src=x onerror=` + pwn("body-img") + `> and <svg onload=` + pwn("body-svg") + `></svg> in it, and <a href="javascript:` + pwn("body-link") + `">a link</a>.`,
	`"<iframe src="javascript:` + pwn("quote") + `"></iframe> we reject it," said the spokesman.`,
	`The closing words are "><body onload=` + pwn("body-onload") + `> and '><input autofocus onfocus=` + pwn("body-focus") + `>.`,
}, "\n\n")

// xssDoc is an article whose title, standfirst, byline, address, body, actor names and roles,
// quotes and speakers all carry markup that runs script if it reaches a page unescaped.
func xssDoc() (*model.Document, error) {
	b := webtest.NewBuilder(`<svg onload=`+pwn("title-svg")+`></svg><script>`+pwn("title-script")+`</script> Hostile title`, "2026-02-02", xssText)
	b.Doc.Standfirst = `<img src=x onerror=` + pwn("standfirst") + `> standfirst`
	b.Doc.Byline = `<script>` + pwn("byline") + `</script>`
	b.Doc.Dateline = `<svg onload=` + pwn("dateline") + `>`
	b.Doc.URL = `javascript:` + pwn("url")
	b.Actor("x1", `<img src=x onerror=`+pwn("actor")+`>Officials`, model.KindGroup, "IRN", "GOV", "Officials").
		Actor("x2", `<svg onload=`+pwn("actor2")+`>Spokesman`, model.KindPerson, "USA", "GOV", "the spokesman").
		Lead("x1", model.FieldTitle, "Hostile").
		Event("x3", "ACCUSE", `<img src=x onerror=`+pwn("body-img")+`>`, []string{"x1"}, []string{"x2"}, "2026-02-02", model.CertaintyAsserted, -2).
		Event("x4", "REJECT", "reject", []string{"x2"}, []string{"x1"}, "2026-02-02", model.CertaintyAsserted, -4).
		Quote(`<iframe src="javascript:`+pwn("quote")+`"></iframe> we reject it,`, "x2", `<b onmouseover=`+pwn("speaker")+`>Spokesman</b>`, "said").
		Reported(`<script>`+pwn("body-script")+`</script> was found on Monday`, "x1", `<svg onload=`+pwn("reporter")+`>`, "said").
		Time("Monday", "DATE", "2026-01-26")
	doc, err := b.Build()
	if err == nil {
		doc.Actors[0].Role = `<img src=x onerror=` + pwn("role") + `>`
	}
	return doc, err
}

// findInjected lists what of the page could only come from injected markup: script elements
// other than the site's own, event-handler attributes, javascript: and other non-web URLs,
// embedded frames and images, and the mark a payload that ran leaves.
const findInjected = `(() => {
  const bad = [];
  if (document.documentElement.dataset.pwned) bad.push("script ran: " + document.documentElement.dataset.pwned);
  document.querySelectorAll("script").forEach(s => {
    if (s.getAttribute("src") !== "/static/app.js") bad.push("script element: " + s.outerHTML.slice(0, 80));
  });
  document.querySelectorAll("iframe, img, object, embed, base, meta[http-equiv], input[autofocus]").forEach(el => bad.push("element: " + el.outerHTML.slice(0, 80)));
  document.querySelectorAll("*").forEach(el => {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push("handler: <" + el.localName + " " + a.name + ">");
      if (/^\s*(javascript|data|vbscript):/i.test(a.value)) bad.push("script URL: <" + el.localName + " " + a.name + "=" + a.value.slice(0, 40) + ">");
    }
  });
  document.querySelectorAll("a[href]").forEach(a => {
    const u = new URL(a.getAttribute("href"), location.href);
    if (u.protocol !== "http:" && u.protocol !== "https:") bad.push("link to " + u.href.slice(0, 40));
  });
  return bad;
})()`

// TestXSSInertInBrowser opens every page that shows the hostile article in headless Chromium
// and checks that none of its markup became elements, attributes or script. A control page
// with the same payloads unescaped shows that the check finds them and that they run without
// the Content-Security-Policy.
func TestXSSInertInBrowser(t *testing.T) {
	exe := chromium(t)
	if testing.Short() {
		t.Skip("the browser test is slow; run it without -short")
	}
	s, ids := newSiteOf(t, xssDoc)
	id := ids[0]
	control := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("csp") {
			w.Header().Set("Content-Security-Policy", web.ContentSecurityPolicy)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><html><head><title>control</title></head><body><p>"+strings.ReplaceAll(xssText, "\n\n", "</p><p>")+"</p></body></html>")
	}))
	defer control.Close()
	bctx := newBrowser(t, exe)

	inspect := func(t *testing.T, u string) []string {
		t.Helper()
		if err := chromedp.Do(bctx, chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatalf("opening %s: %v", u, err)
		}
		// Give failed image loads and autofocus time to fire their handlers.
		if err := chromedp.Do(bctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		bad, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](findInjected))
		if err != nil {
			t.Fatalf("inspecting %s: %v", u, err)
		}
		return bad
	}

	t.Run("control", func(t *testing.T) {
		bad := inspect(t, control.URL+"/")
		if !strings.Contains(strings.Join(bad, "\n"), "script ran: ") {
			t.Errorf("the unescaped payloads did not run in a page without a policy, so the test cannot see an injection: %q", bad)
		}
		bad = inspect(t, control.URL+"/?csp=1")
		joined := strings.Join(bad, "\n")
		if strings.Contains(joined, "script ran: ") {
			t.Errorf("a payload ran despite the Content-Security-Policy: %q", bad)
		}
		for _, want := range []string{"script element", "handler: <img onerror>", "handler: <svg onload>", "script URL: <a href=", "element: <iframe", "element: <input", "link to javascript:"} {
			if !strings.Contains(joined, want) {
				t.Errorf("the check does not report %q in the unescaped page: %q", want, bad)
			}
		}
	})

	hostile := url.QueryEscape(`<svg onload=` + pwn("query") + `>`)
	for _, path := range []string{
		"/articles/" + id, "/", "/?q=" + hostile, "/?actor=" + hostile, "/timeline", "/actors",
		"/graph", "/dyads?source=IRN&target=USA", "/dyads?source=" + hostile, "/articles/" + hostile,
	} {
		t.Run(path, func(t *testing.T) {
			if bad := inspect(t, s.srv.URL+path); len(bad) > 0 {
				t.Errorf("injected markup is live:\n%s", strings.Join(bad, "\n"))
			}
		})
	}

	// The payloads are on the article page as text a reader sees.
	if err := chromedp.Do(bctx, chromedp.Navigate(s.srv.URL+"/articles/"+id), chromedp.WaitReady(chromedp.CSS("#text"))); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<script>" + pwn("body-script") + "</script>",
		"<img src=x onerror=" + pwn("body-img") + ">",
		"Hostile title",
		"<svg onload=" + pwn("actor2") + ">Spokesman",
		"<b onmouseover=" + pwn("speaker") + ">Spokesman</b>",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the article page does not show %q as text", want)
		}
	}
	if strings.Contains(text, "original") {
		t.Errorf("the article page links its javascript: address as the original")
	}
}
