package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/api"
	"github.com/tidings-news/tidings/internal/httpsec"
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlite"
	"github.com/tidings-news/tidings/internal/web/webtest"
)

// noAnnotations stands in for the pipeline: posted articles are stored as read.
type noAnnotations struct{}

func (noAnnotations) Annotate(*model.Document) {}

// fixture is a store holding the seed-like and the hostile article, served by the API.
type fixture struct {
	st      store.Store
	handler http.Handler
	srv     *httptest.Server
	seedID  string
}

// newFixture serves the API over the fixtures, with no guard in front.
func newFixture(t testing.TB, opts api.Options) *fixture {
	t.Helper()
	return newGuardedFixture(t, opts, nil)
}

// newGuardedFixture serves the API behind httpsec.Guard with sec, as the site serves it; nil
// serves it unguarded.
func newGuardedFixture(t testing.TB, opts api.Options, sec *httpsec.Options) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"), sqlite.Options{})
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st}
	for _, build := range []func() (*model.Document, error){webtest.SeedDoc, webtest.HostileDoc} {
		doc, err := build()
		if err != nil {
			t.Fatalf("building a fixture: %v", err)
		}
		id, _, err := st.SaveArticle(ctx, doc)
		if err != nil {
			t.Fatalf("saving a fixture: %v", err)
		}
		if f.seedID == "" {
			f.seedID = id
		}
	}
	if opts.Annotator == nil {
		opts.Annotator = noAnnotations{}
	}
	f.handler = api.New(st, opts)
	if sec != nil {
		f.handler = httpsec.Guard(f.handler, *sec)
	}
	f.srv = httptest.NewServer(f.handler)
	t.Cleanup(f.srv.Close)
	return f
}

// get fetches path and decodes the JSON answer into a map.
func (f *fixture) get(t *testing.T, path string) (int, map[string]any) {
	t.Helper()
	return f.do(t, http.MethodGet, path, "", "", nil)
}

func (f *fixture) do(t *testing.T, method, path, contentType, token string, body io.Reader) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, path, ct)
	}
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatalf("%s %s: answer is not a JSON object: %v", method, path, err)
	}
	return resp.StatusCode, m
}

func items(m map[string]any, key string) []any {
	v, _ := m[key].([]any)
	return v
}

func TestListShapes(t *testing.T) {
	f := newFixture(t, api.Options{})
	tests := []struct {
		path, key string
		total     int
	}{
		{"/api/articles", "articles", 2},
		{"/api/events", "events", 5},
		{"/api/actors?kind=person", "actors", 4},
		{"/api/quotes", "quotes", 3},
		{"/api/dyads?source=USA&target=IRN", "points", 1},
		{"/api/graph", "edges", 3},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, m := f.get(t, tt.path)
			if code != http.StatusOK {
				t.Fatalf("status %d: %v", code, m)
			}
			list, ok := m[tt.key].([]any)
			if !ok {
				t.Fatalf("answer has no %q list: %v", tt.key, m)
			}
			total, ok := m["total"].(float64)
			if !ok || int(total) != tt.total || len(list) != tt.total {
				t.Errorf("total %v with %d items, want %d", m["total"], len(list), tt.total)
			}
		})
	}
}

func TestPagination(t *testing.T) {
	f := newFixture(t, api.Options{})
	tests := []struct {
		query            string
		status, n, limit int
	}{
		{"limit=2", 200, 2, 2},
		{"limit=2&offset=4", 200, 1, 2},
		{"limit=2&offset=10", 200, 0, 2},
		{"limit=100000", 200, 5, api.MaxLimit},
		{"", 200, 5, store.DefaultLimit},
		{"limit=0", 400, 0, 0},
		{"limit=-3", 400, 0, 0},
		{"limit=ten", 400, 0, 0},
		{"offset=-1", 400, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, m := f.get(t, "/api/events?"+tt.query)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %v", code, tt.status, m)
			}
			if code != 200 {
				if msg, _ := m["error"].(string); msg == "" {
					t.Errorf("error answer without a message: %v", m)
				}
				return
			}
			if n := len(items(m, "events")); n != tt.n {
				t.Errorf("%d events, want %d", n, tt.n)
			}
			if l, _ := m["limit"].(float64); int(l) != tt.limit {
				t.Errorf("limit %v, want %d", m["limit"], tt.limit)
			}
			if total, _ := m["total"].(float64); total != 5 {
				t.Errorf("total %v, want 5 whatever the page", m["total"])
			}
		})
	}
}

func TestFilters(t *testing.T) {
	f := newFixture(t, api.Options{})
	tests := []struct {
		path, key string
		status, n int
	}{
		{"/api/events?type=THREATEN", "events", 200, 1},
		{"/api/events?type=threaten", "events", 200, 1},
		{"/api/events?source=USA&target=IRN", "events", 200, 1},
		{"/api/events?source=IRN&target=USA", "events", 200, 1},
		{"/api/events?certainty=reported", "events", 200, 1},
		{"/api/events?from=2026-01-17", "events", 200, 2},
		{"/api/events?to=2026-01-16", "events", 200, 3},
		{"/api/events?article=nonesuch", "events", 200, 0},
		{"/api/events?type=BOMBARD", "", 400, 0},
		{"/api/events?type=threaten,%20COERCE", "events", 200, 1},
		{"/api/events?type=THREATEN,BOMBARD", "", 400, 0},
		{"/api/events?type=,,", "events", 200, 5},
		{"/api/events?certainty=sure", "", 400, 0},
		{"/api/events?from=yesterday", "", 400, 0},
		{"/api/events?from=2026-02-01&to=2026-01-01", "", 400, 0},
		{"/api/articles?q=Pezeshkian", "articles", 200, 1},
		{"/api/articles?actor=Donald%20Trump", "articles", 200, 1},
		{"/api/articles?country=usa", "articles", 200, 1},
		{"/api/articles?from=2026-01-20", "articles", 200, 1},
		{"/api/articles?q=" + strings.Repeat("x", 400), "", 400, 0},
		{"/api/actors?country=RUS", "actors", 200, 3},
		{"/api/actors?kind=robot", "", 400, 0},
		{"/api/quotes?speaker=zakharova", "quotes", 200, 1},
		{"/api/dyads?source=USA&target=IRN&interval=week", "points", 200, 1},
		{"/api/dyads?source=USA&target=IRN&interval=year", "", 400, 0},
		{"/api/dyads", "", 400, 0},
		{"/api/graph?type=THREATEN", "edges", 200, 1},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, m := f.get(t, tt.path)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %v", code, tt.status, m)
			}
			if tt.key != "" {
				if n := len(items(m, tt.key)); n != tt.n {
					t.Errorf("%d %s, want %d: %v", n, tt.key, tt.n, m)
				}
			}
		})
	}
}

func TestEventAndDyadContent(t *testing.T) {
	f := newFixture(t, api.Options{})
	_, m := f.get(t, "/api/events?type=THREATEN")
	ev := items(m, "events")[0].(map[string]any)
	if ev["trigger_text"] != "threatened" || !strings.Contains(ev["evidence"].(string), "Donald Trump") {
		t.Errorf("event lacks its trigger or evidence: %v", ev)
	}
	if got := ev["source_countries"].([]any); len(got) != 1 || got[0] != "USA" {
		t.Errorf("source_countries %v, want [USA]", got)
	}
	_, m = f.get(t, "/api/dyads?source=USA&target=IRN")
	p := items(m, "points")[0].(map[string]any)
	if p["period"] != "2026-01-16" || p["count"].(float64) != 1 || p["mean_score"].(float64) != -4.4 {
		t.Errorf("dyad point %v, want 2026-01-16 with one event scored -4.4", p)
	}
}

func TestArticleContract(t *testing.T) {
	f := newFixture(t, api.Options{})
	code, m := f.get(t, "/api/articles/"+f.seedID)
	if code != 200 {
		t.Fatalf("status %d: %v", code, m)
	}
	for _, k := range []string{"title", "text", "published", "actors", "events", "quotes", "times"} {
		if _, ok := m[k]; !ok {
			t.Errorf("article lacks %q", k)
		}
	}
	// Offsets on the wire count code points: the text has curly quotes before the trigger.
	text := []rune(m["text"].(string))
	for _, e := range m["events"].([]any) {
		ev := e.(map[string]any)
		tr := ev["trigger"].(map[string]any)
		s, end := int(tr["start"].(float64)), int(tr["end"].(float64))
		if s < 0 || end > len(text) || s >= end {
			t.Fatalf("trigger %v out of the text", tr)
		}
		if ev["type"] == "THREATEN" && string(text[s:end]) != "threatened" {
			t.Errorf("THREATEN trigger covers %q, want threatened", string(text[s:end]))
		}
	}
}

func TestErrors(t *testing.T) {
	f := newFixture(t, api.Options{})
	tests := []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/articles/nonesuch", 404},
		{"GET", "/api/nothing-here", 404},
		{"DELETE", "/api/articles", 405},
		{"PUT", "/api/events", 405},
		{"POST", "/api/articles/" + "x", 405},
		{"POST", "/api/export", 405},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			code, m := f.do(t, tt.method, tt.path, "", "", nil)
			if code != tt.status {
				t.Errorf("status %d, want %d", code, tt.status)
			}
			if msg, _ := m["error"].(string); msg == "" {
				t.Errorf("no error message: %v", m)
			}
		})
	}
}

func TestWritesNeedToken(t *testing.T) {
	body := `{"text":"Iran protests spread\n\nProtesters marched in Tehran on Monday.","published":"2026-01-12"}`
	t.Run("no token configured", func(t *testing.T) {
		f := newGuardedFixture(t, api.Options{}, &httpsec.Options{})
		code, m := f.do(t, "POST", "/api/articles", "application/json", "anything", strings.NewReader(body))
		if code != http.StatusForbidden {
			t.Errorf("status %d, want 403: %v", code, m)
		}
	})
	f := newGuardedFixture(t, api.Options{MaxBodyBytes: 4096}, &httpsec.Options{Token: "s3cret"})
	tests := []struct {
		name, token, ct, body string
		status                int
	}{
		{"missing token", "", "application/json", body, 401},
		{"wrong token", "guess", "application/json", body, 401},
		{"created", "s3cret", "application/json", body, 201},
		{"stored already", "s3cret", "application/json", body, 200},
		{"raw text", "s3cret", "text/plain", "Talks resume\n\nEnvoys met in Geneva on Tuesday.", 201},
		{"raw html", "s3cret", "text/html", "<html><head><title>Aid arrives</title></head><body><article><h1>Aid arrives</h1><p>A convoy reached the city on Monday, aid workers said, after weeks of waiting at the border crossing.</p></article></body></html>", 201},
		{"bad json", "s3cret", "application/json", `{"text":`, 400},
		{"unknown field", "s3cret", "application/json", `{"body":"x"}`, 400},
		{"nothing to read", "s3cret", "application/json", `{"published":"2026-01-01"}`, 400},
		{"both text and html", "s3cret", "application/json", `{"text":"a b","html":"<p>a</p>"}`, 400},
		{"bad published", "s3cret", "application/json", `{"text":"a b c","published":"soon"}`, 400},
		{"bad url", "s3cret", "application/json", `{"url":"ftp://example.org/x"}`, 400},
		{"url without fetcher", "s3cret", "application/json", `{"url":"https://example.org/news/1"}`, 501},
		{"unsupported type", "s3cret", "application/xml", "<a/>", 400},
		{"too large", "s3cret", "text/plain", strings.Repeat("word ", 2000), 413},
		{"binary", "s3cret", "text/plain", "\x00\x01\x02\x03binary", 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, m := f.do(t, "POST", "/api/articles", tt.ct, tt.token, strings.NewReader(tt.body))
			if code != tt.status {
				t.Fatalf("status %d, want %d: %v", code, tt.status, m)
			}
			if code < 300 {
				id, _ := m["id"].(string)
				if id == "" {
					t.Fatalf("no id in %v", m)
				}
				if created := m["created"].(bool); created != (code == 201) {
					t.Errorf("created=%v with status %d", created, code)
				}
				if code, _ := f.get(t, "/api/articles/"+id); code != 200 {
					t.Errorf("posted article %s cannot be read back: %d", id, code)
				}
			} else if msg, _ := m["error"].(string); msg == "" {
				t.Errorf("no error message: %v", m)
			}
		})
	}
}
