package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/api"
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlite"
	"github.com/tidings-news/tidings/internal/web"
	"github.com/tidings-news/tidings/internal/web/webtest"
)

// site is the whole site (API and pages) over a fresh store holding the seed-like and the
// hostile article.
type site struct {
	srv               *httptest.Server
	handler           http.Handler
	seedID, hostileID string
}

func newSite(t testing.TB) *site {
	t.Helper()
	s, ids := newSiteOf(t, webtest.SeedDoc, webtest.HostileDoc)
	s.seedID, s.hostileID = ids[0], ids[1]
	return s
}

// newSiteOf is the whole site over a fresh store holding the documents builds make, with
// their ids in order.
func newSiteOf(t testing.TB, builds ...func() (*model.Document, error)) (*site, []string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"), sqlite.Options{})
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	s := &site{}
	var ids []string
	for _, build := range builds {
		ids = append(ids, save(t, st, build))
	}
	pages, err := web.New(st, web.Options{})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(st, api.Options{}))
	mux.Handle("/", pages)
	s.handler = mux
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s, ids
}

func save(t testing.TB, st store.Store, build func() (*model.Document, error)) string {
	t.Helper()
	doc, err := build()
	if err != nil {
		t.Fatalf("building a fixture: %v", err)
	}
	id, _, err := st.SaveArticle(context.Background(), doc)
	if err != nil {
		t.Fatalf("saving a fixture: %v", err)
	}
	return id
}

func (s *site) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(s.srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp, string(body)
}

func TestPages(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Putin talks to Iranian president", "2 articles"}},
		{"/?q=Pezeshkian", 200, []string{"Putin talks to Iranian president", "1–1 of 1"}},
		{"/?country=ZZZ", 200, []string{"No article matches."}},
		{"/?from=someday", 400, []string{"from: want a date"}},
		{"/articles/" + s.seedID, 200, []string{`class="hl-event"`, `class="hl-actor"`, `class="hl-quote"`, `class="hl-time"`, `class="hl-reported"`, "Reported speech",
			`href="#ev-e3"`, `id="ev-e3"`, `href="/dyads?source=USA&amp;target=IRN"`, `href="/dyads?source=RUS"`, "RUS → anyone over time", "THREATEN", "reported", `title="Event: THREATEN: Donald Trump → Iran, asserted, 2026-01-16"`,
			`<td>16 Jan, 2026 19:54 <small>(header)</small></td><td><code>2026-01-16T19:54</code>`,
			`<h1 class="lead" id="title"><span class="hl-actor" title="Actor: Vladimir Putin (person, RUS, GOV)">Putin</span> talks to Iranian president</h1>`,
			`<span class="hl-actor" title="Actor: Vladimir Putin (person, RUS, GOV)">The Russian leader</span> has phoned <span class="hl-actor" title="Actor: Masoud Pezeshkian (person, IRN, GOV)">Masoud Pezeshkian</span> amid`}},
		{"/articles/nonesuch", 404, []string{"Nothing was found"}},
		{"/timeline", 200, []string{"2026-01-17", "2026-01-16", "REJECT", "THREATEN", `<svg id="timeline-chart"`, "events per week"}},
		{"/timeline?from=2026-01-01&to=2026-01-31&certainty=reported", 200, []string{"events per day", "2026-01-17: 1 event", "1–1 of 1"}},
		{"/timeline?type=THREATEN", 200, []string{"Donald Trump → Iran", "1–1 of 1", "has <mark>threatened</mark> Iran"}},
		{"/timeline?type=NOPE", 400, []string{"not a PLOVER event type"}},
		{"/dyads", 200, []string{"Name a source and a target"}},
		{"/dyads?source=USA&target=IRN", 200, []string{`<svg id="dyad-chart"`, `class="bar"`, `class="dot s-conflict"`, "2026-01-16: 1 event, mean score -4.4", "threatened"}},
		{"/dyads?source=USA&target=IRN&interval=week", 200, []string{"2026-01-12: 1 event"}},
		{"/dyads?source=CHN&target=TWN", 200, []string{"No events from CHN to TWN."}},
		{"/graph", 200, []string{`<svg id="actor-graph"`, `class="edge s-conflict"`, `href="/dyads?source=USA&amp;target=IRN"`}},
		{"/actors", 200, []string{"Maria Zakharova", "Donald Trump"}},
		{"/actors?kind=person&country=USA", 200, []string{"Donald Trump", "1–1 of 1"}},
		{"/no/such/page", 404, []string{"There is no page at /no/such/page."}},
		{"/static/style.css", 200, []string{".hl-event"}},
		{"/static/app.js", 200, []string{"hide-"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := s.get(t, tt.path)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
				t.Errorf("Content-Security-Policy %q is not strict", csp)
			}
		})
	}
}

// The article text is untrusted: markup in it must reach the page escaped, in the title, in
// plain text, inside highlights and in tooltips.
func TestHostileArticleIsEscaped(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/articles/" + s.hostileID, "/", "/timeline", "/actors"} {
		t.Run(path, func(t *testing.T) {
			_, body := s.get(t, path)
			for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>", "</textarea><b>", `<b>"`} {
				if strings.Contains(body, bad) {
					t.Errorf("page carries unescaped %q", bad)
				}
			}
			// The only script element is the site's own.
			scripts := regexp.MustCompile(`<script\b[^>]*>`).FindAllString(body, -1)
			if len(scripts) != 1 || !strings.Contains(scripts[0], `src="/static/app.js"`) {
				t.Errorf("script elements %q, want only the site's app.js", scripts)
			}
		})
	}
	_, body := s.get(t, "/articles/"+s.hostileID)
	if !strings.Contains(body, "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;") {
		t.Errorf("the escaped script text is missing from the article page")
	}
}

func TestStaticAndSecurityHeaders(t *testing.T) {
	s := newSite(t)
	resp, _ := s.get(t, "/static/style.css")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("style.css served as %q", ct)
	}
	resp, _ = s.get(t, "/")
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	if got := resp.Header.Get("Content-Security-Policy"); got != web.ContentSecurityPolicy {
		t.Errorf("Content-Security-Policy = %q", got)
	}
}

// The timeline's chart counts only the events its filters keep.
func TestTimelineChartFollowsFilters(t *testing.T) {
	s := newSite(t)
	_, all := s.get(t, "/timeline?from=2026-01-01&to=2026-01-31")
	_, reported := s.get(t, "/timeline?from=2026-01-01&to=2026-01-31&certainty=reported")
	if !strings.Contains(all, "2026-01-16: 3 events") {
		t.Fatalf("the unfiltered chart lacks the three events of 2026-01-16")
	}
	if strings.Contains(reported, "2026-01-16:") || !strings.Contains(reported, "2026-01-17: 1 event") {
		t.Errorf("the chart of reported events counts others")
	}
}
