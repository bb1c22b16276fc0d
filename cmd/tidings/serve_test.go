package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/httpsec"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

func TestDemoLoadOnlyIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	for range 2 {
		if code, _, errs := runCmd(t, "", "demo", "--db", db, "--load-only"); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles < 20 || stats.Articles > 30 {
		t.Errorf("the demo database holds %d articles after two loads, want 20 to 30", stats.Articles)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "extra"}, 2, "unexpected argument"},
		{[]string{"serve", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"demo", "extra"}, 2, "unexpected argument"},
		{[]string{"serve", "--db", filepath.Join(t.TempDir(), "x.db"), "--addr", "256.0.0.1:99999"}, 1, "listening on"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errs := runCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

// TestListenAndServeShutsDown serves on a free port, answers a request, and returns cleanly
// once its context ends.
func TestListenAndServeShutsDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	done := make(chan error, 1)
	go func() { done <- listenAndServe(ctx, log, addr, h) }()

	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(body) != "ok" {
				t.Fatalf("answer %q", body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server never answered: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatal("the server did not stop")
	}
	if _, err := http.Get("http://" + addr + "/"); err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("the server still answers after shutdown")
	}
}

// TestSiteEndToEnd posts a wire story to the whole site with the real pipeline and reads it
// back as JSON and as a page with its annotations highlighted.
func TestSiteEndToEnd(t *testing.T) {
	st, p := siteStore(t)
	h, err := siteHandler(st, p, httpsec.Options{Token: "tok"}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	story := "Russia and Ukraine swap prisoners\n\nISTANBUL, Feb 2 (Reuters) - Russia and Ukraine exchanged 300 prisoners of war each on Monday, officials said.\n\n" +
		"\"Every one of our people must come home,\" Ukrainian President Volodymyr Zelenskiy wrote.\n"
	req, err := http.NewRequest("POST", srv.URL+"/api/articles?now=2026-02-03T08:00", strings.NewReader(story))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var posted struct {
		ID      string `json:"id"`
		Created bool   `json:"created"`
		Actors  int    `json:"actors"`
	}
	err = json.NewDecoder(resp.Body).Decode(&posted)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusCreated || posted.ID == "" {
		t.Fatalf("POST: status %d, %+v, %v", resp.StatusCode, posted, err)
	}
	if posted.Actors == 0 {
		t.Errorf("the pipeline found no actors in the posted story")
	}
	for path, want := range map[string]string{
		"/api/articles/" + posted.ID: `"title":"Russia and Ukraine swap prisoners"`,
		"/articles/" + posted.ID:     `class="hl-actor"`,
		"/":                          "Russia and Ukraine swap prisoners",
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: status %d, body lacks %q", path, resp.StatusCode, want)
		}
	}
}

// TestServeHSTSFlag checks --hsts is off unless given and, given, puts
// Strict-Transport-Security on the site's answers.
func TestServeHSTSFlag(t *testing.T) {
	st, p := siteStore(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"--hsts"}, httpsec.StrictTransportSecurity},
		{[]string{"--hsts=false"}, ""},
	} {
		var sf serveFlags
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		sf.register(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		sec, err := sf.security()
		if err != nil {
			t.Fatal(err)
		}
		h, err := siteHandler(st, p, sec, log)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/", "/api/stats"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if got := rec.Header().Get("Strict-Transport-Security"); got != tt.want {
				t.Errorf("%q GET %s: Strict-Transport-Security = %q, want %q", tt.args, path, got, tt.want)
			}
		}
	}
}
