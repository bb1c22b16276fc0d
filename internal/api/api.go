// Package api serves the store as JSON under /api/: articles, events, actors, dyads, quotes and
// the actor graph for reading, and POST /api/articles for adding an article. The API does not
// check who writes: it is served behind httpsec.Handler (or httpsec.Guard), which asks every
// write for the bearer token. docs/api.md describes every endpoint.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/source"
	"github.com/tidings-news/tidings/internal/store"
)

// MaxLimit is the most items one list answer holds.
const MaxLimit = 500

// Annotator fills a document's annotations; *pipeline.Pipeline is one.
type Annotator interface {
	Annotate(doc *model.Document)
}

// Fetcher downloads the page at a URL, with its own limits on time and size.
type Fetcher func(ctx context.Context, url string) (source.Input, error)

// Options configure the API.
type Options struct {
	// Annotator annotates articles posted to /api/articles; nil disables writes.
	Annotator Annotator
	// Fetch downloads articles posted by URL; nil answers such requests with 501.
	Fetch Fetcher
	// MaxBodyBytes bounds a posted article; zero means source.DefaultMaxBytes.
	MaxBodyBytes int64
	// Logger receives errors the client does not see in full; nil discards them.
	Logger *slog.Logger
}

// API answers the /api/ endpoints.
type API struct {
	st   store.Store
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
}

// New returns the API over st.
func New(st store.Store, opts Options) *API {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = source.DefaultMaxBytes
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &API{st: st, opts: opts, log: log, mux: http.NewServeMux()}
	a.mux.HandleFunc("GET /api/articles", a.listArticles)
	a.mux.HandleFunc("POST /api/articles", a.requireAnnotator(a.postArticle))
	a.mux.HandleFunc("GET /api/articles/{id}", a.getArticle)
	a.mux.HandleFunc("GET /api/articles/{id}/story", a.getStory)
	a.mux.HandleFunc("GET /api/events", a.listEvents)
	a.mux.HandleFunc("GET /api/actors", a.listActors)
	a.mux.HandleFunc("GET /api/dyads", a.getDyads)
	a.mux.HandleFunc("GET /api/quotes", a.listQuotes)
	a.mux.HandleFunc("GET /api/graph", a.getGraph)
	a.mux.HandleFunc("GET /api/stats", a.getStats)
	a.mux.HandleFunc("GET /api/export", a.getExport)
	// The same paths with any other method answer 405 with the methods they take.
	for path, allow := range map[string]string{
		"/api/articles": "GET, POST", "/api/articles/{id}": "GET", "/api/events": "GET",
		"/api/actors": "GET", "/api/dyads": "GET", "/api/quotes": "GET", "/api/graph": "GET",
		"/api/stats": "GET", "/api/export": "GET",
		"/api/articles/{id}/story": "GET",
	} {
		a.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" is not allowed here; use "+allow)
		})
	}
	a.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+" (see docs/api.md)")
	})
	return a
}

// ServeHTTP answers one request under /api/. Errors the router itself gives (an unknown
// path, a method the path does not take) are JSON like every other answer.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	a.mux.ServeHTTP(&jsonErrors{ResponseWriter: w}, r)
}

// requireAnnotator refuses writes when the API has no annotator to read posted articles
// with. Whether the writer may write at all is httpsec.Guard's decision, made before.
func (a *API) requireAnnotator(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if a.opts.Annotator == nil {
			writeError(w, http.StatusForbidden, "writes are disabled on this server: it has no annotator")
			return
		}
		next(w, r)
	}
}

// errorBody is every error answer.
type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing left to tell it
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// storeError answers a failed store call: 404 for a missing record, 503 when the client gave
// up or the server is stopping, 500 otherwise (the details go to the log, not the client).
func (a *API) storeError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the request was cancelled before the database answered")
	default:
		a.log.Error("store query failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "the database could not answer; the server log has the details")
	}
}

// jsonErrors turns the plain-text errors of http.ServeMux (404, 405) into JSON ones.
type jsonErrors struct {
	http.ResponseWriter
	swallow bool
}

func (j *jsonErrors) WriteHeader(code int) {
	h := j.Header()
	if code >= 400 && strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		j.swallow = true
		msg := http.StatusText(code)
		if code == http.StatusMethodNotAllowed {
			msg = "method not allowed here; allowed: " + h.Get("Allow")
		}
		h.Del("Content-Length")
		writeError(j.ResponseWriter, code, strings.ToLower(msg[:1])+msg[1:])
		return
	}
	j.ResponseWriter.WriteHeader(code)
}

func (j *jsonErrors) Write(b []byte) (int, error) {
	if j.swallow {
		return len(b), nil
	}
	return j.ResponseWriter.Write(b)
}

func (j *jsonErrors) Unwrap() http.ResponseWriter { return j.ResponseWriter }
