package httpsec_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/httpsec"
)

const token = "0123456789abcdef-token"

// ok answers 200 "ok" to anything that reaches it.
var ok = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })

func TestGuard(t *testing.T) {
	tests := []struct {
		name   string
		opts   httpsec.Options
		method string
		auth   string
		want   int
	}{
		{"get needs nothing", httpsec.Options{Token: token}, "GET", "", 200},
		{"head needs nothing", httpsec.Options{Token: token}, "HEAD", "", 200},
		{"post without token", httpsec.Options{Token: token}, "POST", "", 401},
		{"post with wrong token", httpsec.Options{Token: token}, "POST", "Bearer " + token + "x", 401},
		{"post with a prefix of the token", httpsec.Options{Token: token}, "POST", "Bearer " + token[:10], 401},
		{"post with basic auth", httpsec.Options{Token: token}, "POST", "Basic " + token, 401},
		{"post with empty bearer", httpsec.Options{Token: token}, "POST", "Bearer ", 401},
		{"post with the token", httpsec.Options{Token: token}, "POST", "Bearer " + token, 200},
		{"scheme in lower case", httpsec.Options{Token: token}, "POST", "bearer " + token, 200},
		{"put with the token", httpsec.Options{Token: token}, "PUT", "Bearer " + token, 200},
		{"delete without token", httpsec.Options{Token: token}, "DELETE", "", 401},
		{"options without token", httpsec.Options{Token: token}, "OPTIONS", "", 401},
		{"no token configured", httpsec.Options{}, "POST", "Bearer " + token, 403},
		{"no token configured, get", httpsec.Options{}, "GET", "", 200},
		{"unauthenticated writes allowed", httpsec.Options{AllowUnauthenticatedWrites: true}, "POST", "", 200},
		{"a token wins over allowing", httpsec.Options{Token: token, AllowUnauthenticatedWrites: true}, "POST", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/api/articles", strings.NewReader("x"))
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			httpsec.Handler(ok, tt.opts).ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
			if tt.want == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
			if tt.want >= 400 && !strings.Contains(rec.Body.String(), `"error":`) {
				t.Errorf("refusal is not a JSON error: %s", rec.Body)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q on a %d answer", got, rec.Code)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	rec := httptest.NewRecorder()
	httpsec.Headers(ok).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	for h, want := range map[string]string{
		"Content-Security-Policy": httpsec.ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := rec.Header().Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	csp := httpsec.ContentSecurityPolicy
	for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "default-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the policy lacks %q", want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("the policy allows inline or evaluated script: %s", csp)
	}
}

func TestHSTS(t *testing.T) {
	tests := []struct {
		name   string
		opts   httpsec.Options
		method string
		want   string
	}{
		{"off by default", httpsec.Options{Token: token}, "GET", ""},
		{"on", httpsec.Options{Token: token, HSTS: true}, "GET", httpsec.StrictTransportSecurity},
		{"on a refused write too", httpsec.Options{Token: token, HSTS: true}, "POST", httpsec.StrictTransportSecurity},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		httpsec.Handler(ok, tt.opts).ServeHTTP(rec, httptest.NewRequest(tt.method, "/", nil))
		if got := rec.Header().Get("Strict-Transport-Security"); got != tt.want {
			t.Errorf("%s: Strict-Transport-Security = %q, want %q (status %d)", tt.name, got, tt.want, rec.Code)
		}
	}
	if !strings.HasPrefix(httpsec.StrictTransportSecurity, "max-age=") {
		t.Errorf("StrictTransportSecurity %q has no max-age", httpsec.StrictTransportSecurity)
	}
}

// A browser on another site cannot make a write even with a token it somehow holds; a
// same-origin browser request and a client outside a browser can.
func TestCrossOrigin(t *testing.T) {
	h := httpsec.Handler(ok, httpsec.Options{Token: token})
	tests := []struct {
		name         string
		site, origin string
		want         int
	}{
		{"cross-site browser", "cross-site", "https://evil.example", 403},
		{"same-origin browser", "same-origin", "", 200},
		{"old browser with a foreign origin", "", "https://evil.example", 403},
		{"curl", "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "http://tidings.example/api/articles", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			if tt.site != "" {
				req.Header.Set("Sec-Fetch-Site", tt.site)
			}
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
		})
	}
}

func TestToken(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "token")
	if err := os.WriteFile(file, []byte("  "+token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, flag, file, env string
		want                  string
		err                   string
	}{
		{"none", "", "", "", "", ""},
		{"flag", token, "", "", token, ""},
		{"file, trimmed", "", file, "", token, ""},
		{"environment", "", "", token, token, ""},
		{"flag wins over environment", token, "", "other-token-of-length", token, ""},
		{"file wins over environment", "", file, "other-token-of-length", token, ""},
		{"both flags", token, file, "", "", "not both"},
		{"missing file", "", filepath.Join(dir, "nope"), "", "", "reading the token file"},
		{"empty file", "", empty, "", "", "is empty"},
		{"short flag", "short", "", "", "", "too short"},
		{"short environment", "", "", "short", "", "too short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := httpsec.Token(tt.flag, tt.file, tt.env)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Token = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := httpsec.Token("short", "", ""); !errors.Is(err, httpsec.ErrTokenTooShort) {
		t.Errorf("a short token gives %v, want ErrTokenTooShort", err)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "127.1.2.3:80": true, "[::1]:8080": true, "localhost:8080": true,
		"LOCALHOST:1": true, ":8080": false, "0.0.0.0:8080": false, "[::]:8080": false,
		"192.168.1.10:8080": false, "example.org:80": false, "127.0.0.1": false, "": false,
	} {
		if got := httpsec.Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// FuzzGuard sends any Authorization header: only the exact token, after the Bearer scheme,
// lets a write through.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "Bearer " + token, "bearer  " + token + " ", "Bearer", "Basic " + token, "Bearer " + token + "\x00", token} {
		f.Add(s)
	}
	h := httpsec.Guard(ok, httpsec.Options{Token: token})
	f.Fuzz(func(t *testing.T, auth string) {
		req := httptest.NewRequest("POST", "/api/articles", nil)
		req.Header["Authorization"] = []string{auth}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		scheme, got, _ := strings.Cut(strings.TrimSpace(auth), " ")
		want := strings.EqualFold(scheme, "bearer") && strings.TrimSpace(got) == token
		if (rec.Code == 200) != want {
			t.Errorf("Authorization %q: status %d", auth, rec.Code)
		}
	})
}
