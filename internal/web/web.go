// Package web serves the pages of tidings, rendered on the server from embedded templates:
// search, one article with its annotations highlighted, the event timeline, dyad charts, the
// actor graph and the actor list. docs/ui.md describes them.
//
// Article text is untrusted: it only ever reaches a page through html/template's escaping,
// and every page is sent with a strict Content-Security-Policy (no inline script or style, no
// outside origin).
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tidings-news/tidings/internal/httpsec"
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// ContentSecurityPolicy is sent with every page: scripts, styles and images from this server
// only, no inline script or style attributes, no framing, forms posting only here.
const ContentSecurityPolicy = httpsec.ContentSecurityPolicy

// Options configure the pages.
type Options struct {
	// Logger receives errors the reader does not see in full; nil discards them.
	Logger *slog.Logger
	// Title names the site in page headers; empty means "tidings".
	Title string
}

// Web serves the pages.
type Web struct {
	st    store.Store
	log   *slog.Logger
	title string
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New parses the templates and returns the pages over st.
func New(st store.Store, opts Options) (*Web, error) {
	w := &Web{st: st, log: opts.Logger, title: opts.Title, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if w.title == "" {
		w.title = "tidings"
	}
	funcs := template.FuncMap{
		"scoreClass": scoreClass,
		"fmtScore":   func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"join":       strings.Join,
		"dyadURL":    dyadURL,
		"exports":    exportLinks,
		"webURL":     webURL,
		"sub":        func(a, b float64) float64 { return a - b },
		"plural":     plural,
		"snippet":    snippet,
		"scoreClasses": func() []string {
			return []string{"s-conflict-hi", "s-conflict", "s-neutral", "s-coop", "s-coop-hi"}
		},
		"kinds": func() []string {
			return []string{model.KindPerson, model.KindCountry, model.KindOrganization, model.KindGroup}
		},
	}
	// Each page is the layout with the page's own template.
	for _, name := range []string{"home", "article", "timeline", "dyads", "graph", "actors", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parsing the %s page template: %w", name, err)
		}
		w.pages[name] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("opening embedded static files: %w", err)
	}
	files := http.FileServerFS(static)
	w.mux.Handle("GET /static/", http.StripPrefix("/static/", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(rw, r)
	})))
	w.mux.HandleFunc("GET /{$}", w.home)
	w.mux.HandleFunc("GET /articles/{id}", w.article)
	w.mux.HandleFunc("GET /timeline", w.timeline)
	w.mux.HandleFunc("GET /dyads", w.dyads)
	w.mux.HandleFunc("GET /graph", w.graph)
	w.mux.HandleFunc("GET /actors", w.actors)
	w.mux.HandleFunc("GET /favicon.ico", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	w.mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		w.fail(rw, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
	return w, nil
}

// ServeHTTP answers one page request with the security headers every page carries.
func (w *Web) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	h := rw.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	w.mux.ServeHTTP(rw, r)
}

// page is what every template gets: the layout's fields and the page's own data.
type page struct {
	Site  string
	Title string
	// Nav names the current section for the menu.
	Nav  string
	Data any
}

// render executes a page into a buffer first, so a template error never sends half a page.
func (w *Web) render(rw http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Site = w.title
	var buf bytes.Buffer
	if err := w.pages[name].Execute(&buf, p); err != nil {
		w.log.Error("rendering page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(rw, "the page could not be rendered; the server log has the details", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Cache-Control", "no-store")
	rw.WriteHeader(status)
	_, _ = rw.Write(buf.Bytes()) // the reader went away; nothing left to tell them
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Message string
}

func (w *Web) fail(rw http.ResponseWriter, r *http.Request, status int, msg string) {
	w.render(rw, r, status, "error", page{Title: http.StatusText(status), Data: errorPage{status, msg}})
}

// storeFail answers a failed store call.
func (w *Web) storeFail(rw http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		w.fail(rw, r, http.StatusNotFound, "Nothing was found at this address.")
		return
	}
	w.log.Error("store query failed", "path", r.URL.Path, "err", err)
	w.fail(rw, r, http.StatusInternalServerError, "The database could not answer; the server log has the details.")
}

// scoreClass buckets a PLOVER score (-10..10) into a CSS class.
func scoreClass(s float64) string {
	switch {
	case s <= -6:
		return "s-conflict-hi"
	case s < 0:
		return "s-conflict"
	case s == 0:
		return "s-neutral"
	case s < 6:
		return "s-coop"
	default:
		return "s-coop-hi"
	}
}

// snippet tidies a store snippet for a list: blank lines become spaces, and a snippet that
// looks cut off is cut at a word and ends with an ellipsis.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) < snippetCut || strings.HasSuffix(s, ".") {
		return s
	}
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ,;:") + "…"
}

// snippetCut is the length from which a snippet that does not end a sentence is taken to be cut.
const snippetCut = 120

// dyadURL links the dyad page of a source and a target; an empty side is left out and
// matches anyone.
func dyadURL(source, target string) string {
	v := url.Values{}
	if source != "" {
		v.Set("source", source)
	}
	if target != "" {
		v.Set("target", target)
	}
	return "/dyads?" + v.Encode()
}

// webURL is u when it is an absolute http or https URL with a host, and "" otherwise: an
// article's own address is untrusted, and a link to javascript:, data: or a relative path
// on this site is not offered.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return p.String()
}
