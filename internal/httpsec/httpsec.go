// Package httpsec hardens the HTTP server of tidings: security headers on every answer, a
// bearer-token guard on every request that changes something, and the browser-side
// cross-origin protection of net/http. docs/api.md describes what a client sees.
package httpsec

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
)

// MinTokenLength is the shortest bearer token the server accepts, in bytes: long enough that
// it cannot be guessed over the network.
const MinTokenLength = 16

// ContentSecurityPolicy is sent with every answer: scripts, styles and images from this
// server only (no inline script, no inline style, no outside origin), no plugins, no framing,
// forms posting only here.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Options configure the guard.
type Options struct {
	// Token is the bearer token every write must carry. Empty refuses writes with 403, unless
	// AllowUnauthenticatedWrites is set.
	Token string
	// AllowUnauthenticatedWrites lets writes through without a token when Token is empty.
	// Callers set it only for a server listening on loopback (see Loopback).
	AllowUnauthenticatedWrites bool
	// HSTS sends the Strict-Transport-Security header (StrictTransportSecurity) with every answer. Set it only when browsers reach
	// the server over HTTPS (a TLS proxy in front): they then refuse plain HTTP to the host
	// for a year.
	HSTS bool
}

// StrictTransportSecurity is the Strict-Transport-Security value Options.HSTS sends: HTTPS
// only, for a year (RFC 6797), for this host alone, since the server cannot know what else
// its domain serves.
const StrictTransportSecurity = "max-age=31536000"

// Handler wraps next with the security headers (Strict-Transport-Security too when
// opts.HSTS is set), the cross-origin protection for browsers and the token guard, in that
// order: even a refused request gets the headers.
func Handler(next http.Handler, opts Options) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusForbidden, "cross-origin request refused: writes are only accepted from this site's own pages or from clients outside a browser")
	}))
	h := Headers(cop.Handler(Guard(next, opts)))
	if opts.HSTS {
		h = hsts(h)
	}
	return h
}

// hsts sets Strict-Transport-Security on every answer of next.
func hsts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", StrictTransportSecurity)
		next.ServeHTTP(w, r)
	})
}

// Headers sets the security headers on every answer of next.
func Headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// Guard lets GET and HEAD requests through and asks every other request for the bearer token:
// 401 without it or with a wrong one, 403 when the server has no token and does not allow
// unauthenticated writes.
func Guard(next http.Handler, opts Options) http.Handler {
	want := sha256.Sum256([]byte(opts.Token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if opts.Token == "" {
			if opts.AllowUnauthenticatedWrites {
				next.ServeHTTP(w, r)
				return
			}
			writeError(w, http.StatusForbidden, "writes are disabled on this server: start it with --token, --token-file or TIDINGS_TOKEN to allow them")
			return
		}
		got, ok := bearer(r.Header.Get("Authorization"))
		// Comparing digests keeps the time independent of the token's length as well as its content.
		sum := sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tidings"`)
			writeError(w, http.StatusUnauthorized, "a valid bearer token is required: send the header Authorization: Bearer TOKEN")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// bearer returns the token of an Authorization header of the Bearer scheme (the scheme's name
// in any case, as RFC 9110 allows).
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// writeError answers a refusal as JSON of the same shape as the API's errors.
func writeError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(map[string]string{"error": msg}) // a map of strings always encodes
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n')) // the client went away; nothing left to tell it
}

// ErrTokenTooShort is returned by Token for a token shorter than MinTokenLength.
var ErrTokenTooShort = fmt.Errorf("the token is too short: use at least %d characters (for example the output of `openssl rand -hex 32`)", MinTokenLength)

// Token picks the bearer token from, in order, the --token flag's value, the file named by
// --token-file (surrounding white space trimmed) and the TIDINGS_TOKEN value env gives. It
// returns "" when none is set, and an error when both flags are given, the file cannot be read
// or the token is shorter than MinTokenLength.
func Token(flagValue, file, env string) (string, error) {
	if flagValue != "" && file != "" {
		return "", errors.New("give --token or --token-file, not both")
	}
	token := flagValue
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("reading the token file: %w", err)
		}
		token = strings.TrimSpace(string(data))
		if token == "" {
			return "", fmt.Errorf("the token file %s is empty", file)
		}
	}
	if token == "" {
		token = strings.TrimSpace(env)
	}
	if token != "" && len(token) < MinTokenLength {
		return "", ErrTokenTooShort
	}
	return token, nil
}

// Loopback reports whether the listening address addr (HOST:PORT) only accepts connections
// from this machine: localhost or a loopback IP. An empty host listens everywhere.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
