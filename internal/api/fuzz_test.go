package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/api"
	"github.com/tidings-news/tidings/internal/httpsec"
	"github.com/tidings-news/tidings/internal/store"
)

func FuzzParams(f *testing.F) {
	f.Add("limit=10&offset=5&from=2026-01-01&to=2026-02-01&type=assault&certainty=Reported&interval=week")
	f.Add("limit=-1&offset=x&from=2026-13-45")
	f.Add("q=%ff%fe&limit=99999999999999999999")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p := api.NewParams(v)
		limit, offset := p.Page(50)
		from, to := p.Range()
		typ, cert := p.EventType("type"), p.Certainty("certainty")
		q := p.String("q")
		iv := p.Interval("interval")
		if p.Err() != nil {
			return
		}
		if limit < 1 || limit > api.MaxLimit || offset < 0 {
			t.Fatalf("page out of bounds: limit %d offset %d", limit, offset)
		}
		if !from.IsZero() && !to.IsZero() && to.Before(from) {
			t.Fatalf("accepted to %v before from %v", to, from)
		}
		for _, ty := range store.SplitList(typ) {
			if !api.IsEventType(ty) {
				t.Fatalf("accepted type %q in %q", ty, typ)
			}
		}
		if cert != "" && !api.IsCertainty(cert) {
			t.Fatalf("accepted type %q certainty %q", typ, cert)
		}
		if len(q) > 300 || iv != "day" && iv != "week" {
			t.Fatalf("accepted q of %d bytes, interval %q", len(q), iv)
		}
	})
}

// FuzzPostArticle posts arbitrary bodies: the answer is always JSON with a status that says
// what happened, never a crash.
func FuzzPostArticle(f *testing.F) {
	f.Add("application/json", `{"text":"Talks resume\n\nEnvoys met on Tuesday.","published":"2026-01-02"}`)
	f.Add("text/plain", "Title\n\nBody text here.")
	f.Add("text/html", "<html><body><p>hi</p></body></html>")
	f.Add("application/json", `{"url":"http://[::1"}`)
	f.Add("multipart/form-data; boundary=x", "--x--")
	fx := newGuardedFixture(f, api.Options{MaxBodyBytes: 1 << 16}, &httpsec.Options{Token: "0123456789abcdef"})
	f.Fuzz(func(t *testing.T, ct, body string) {
		req := httptest.NewRequest("POST", "/api/articles", strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Authorization", "Bearer 0123456789abcdef")
		rec := httptest.NewRecorder()
		fx.handler.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusCreated, http.StatusBadRequest, http.StatusRequestEntityTooLarge,
			http.StatusUnprocessableEntity, http.StatusNotImplemented:
		default:
			t.Fatalf("status %d for %q %q: %s", rec.Code, ct, body, rec.Body)
		}
		var m map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			t.Fatalf("answer is not JSON: %q", rec.Body)
		}
	})
}

// FuzzQueries sends arbitrary words, names and codes to the read endpoints: every answer is
// 200 or 400, never a server error.
func FuzzQueries(f *testing.F) {
	f.Add("Pezeshkian", "USA", "Donald Trump")
	f.Add(`"unbalanced`, "I%R_N", "a OR b NOT c*")
	f.Add("NEAR(a b)", "'; DROP TABLE events; --", "\x00\xff")
	fx := newFixture(f, api.Options{})
	f.Fuzz(func(t *testing.T, words, code, name string) {
		for _, path := range []string{
			"/api/articles?" + url.Values{"q": {words}, "country": {code}, "actor": {name}}.Encode(),
			"/api/events?" + url.Values{"source": {code}, "target": {name}}.Encode(),
			"/api/actors?" + url.Values{"name": {name}, "country": {code}}.Encode(),
			"/api/quotes?" + url.Values{"speaker": {name}, "q": {words}}.Encode(),
			"/api/dyads?" + url.Values{"source": {code}, "target": {name}}.Encode(),
		} {
			rec := httptest.NewRecorder()
			fx.handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
				t.Fatalf("GET %s: status %d: %s", path, rec.Code, rec.Body)
			}
		}
	})
}
