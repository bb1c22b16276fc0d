package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/httpsec"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

// asTidings, set in the environment, makes the test binary run as the tidings command, so the
// crash tests can kill a real process without building one.
const asTidings = "TIDINGS_TEST_RUN_AS_TIDINGS"

func TestMain(m *testing.M) {
	if os.Getenv(asTidings) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// tidingsCmd is the tidings command line args, run in a process of its own.
func tidingsCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), asTidings+"=1")
	return cmd
}

// siteStore is a new SQLite store, closed when the test ends, and the real pipeline.
func siteStore(t *testing.T) (*sqlite.Store, *pipeline.Pipeline) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "site.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return st, p
}

const testToken = "test-token-0123456789"

// TestSiteSecurity sends writes to the whole site with and without the token and checks the
// security headers on pages, API answers, static files and refusals.
func TestSiteSecurity(t *testing.T) {
	st, p := siteStore(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	serve := func(sec httpsec.Options) *httptest.Server {
		h, err := siteHandler(st, p, sec, log)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv
	}
	guarded := serve(httpsec.Options{Token: testToken})
	closed := serve(httpsec.Options{})
	open := serve(httpsec.Options{AllowUnauthenticatedWrites: true})

	n := 0
	story := func() string {
		n++
		return fmt.Sprintf("Envoys meet for round %d\n\nMUSCAT, Jan. 16 (Example Wire) — The United States and Iran held indirect talks in Oman on Friday, officials said.\n", n)
	}
	tests := []struct {
		name         string
		srv          *httptest.Server
		method, path string
		auth         string
		want         int // 200 stands for any 2xx: a story may be taken for a copy of an earlier one
	}{
		{"post without token", guarded, "POST", "/api/articles", "", 401},
		{"post with a wrong token", guarded, "POST", "/api/articles", "Bearer " + testToken + "-not", 401},
		{"post with the token", guarded, "POST", "/api/articles", "Bearer " + testToken, 200},
		{"scheme in lower case", guarded, "POST", "/api/articles", "bearer " + testToken, 200},
		{"post to a page without token", guarded, "POST", "/", "", 401},
		{"delete without token", guarded, "DELETE", "/api/articles/1", "", 401},
		{"put with the token reaches the API", guarded, "PUT", "/api/articles", "Bearer " + testToken, 405},
		{"no token configured", closed, "POST", "/api/articles", "Bearer " + testToken, 403},
		{"writes allowed without token", open, "POST", "/api/articles", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.srv.URL+tt.path+"?now=2026-01-17T08:00", strings.NewReader(story()))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "text/plain")
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if got := resp.StatusCode; got != tt.want && (tt.want != 200 || got/100 != 2) {
				t.Fatalf("status %d, want %d: %s", got, tt.want, body)
			}
			checkSecurityHeaders(t, resp)
		})
	}
	for _, path := range []string{"/", "/timeline", "/articles/nope", "/api/stats", "/api/articles", "/api/nope", "/static/style.css", "/static/app.js", "/favicon.ico"} {
		t.Run("GET "+path, func(t *testing.T) {
			resp, err := http.Get(guarded.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Errorf("status %d", resp.StatusCode)
			}
			checkSecurityHeaders(t, resp)
		})
	}
}

func checkSecurityHeaders(t *testing.T, resp *http.Response) {
	t.Helper()
	for h, want := range map[string]string{
		"Content-Security-Policy": httpsec.ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s %s: %s = %q, want %q", resp.Request.Method, resp.Request.URL.Path, h, got, want)
		}
	}
}

func TestServeSecurityFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte(testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--db", db, "--token", "short"}, "too short"},
		{[]string{"serve", "--db", db, "--token", testToken, "--token-file", tokenFile}, "not both"},
		{[]string{"serve", "--db", db, "--token-file", filepath.Join(dir, "absent")}, "reading the token file"},
		{[]string{"serve", "--db", db, "--addr", "0.0.0.0:0", "--allow-unauthenticated-writes"}, "loopback"},
		{[]string{"demo", "--db", db, "--addr", ":8080", "--allow-unauthenticated-writes"}, "loopback"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[3:], " "), func(t *testing.T) {
			code, _, errs := runCmd(t, "", tt.args...)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.want)
			}
		})
	}
}

// manyArticles writes n distinct wire stories into a new folder, and copies of the first
// copies of them under other names, and returns the folder.
func manyArticles(t *testing.T, n, copies int) string {
	t.Helper()
	dir := t.TempDir()
	cities := []string{"Muscat", "Geneva", "Doha", "Vienna", "Ankara", "Cairo", "Oslo"}
	for i := range n {
		city := cities[i%len(cities)]
		text := fmt.Sprintf("Talks resume in %[1]s, round %[2]d\n\n%[3]s, Jan. %[4]d (Example Wire) — The United States and Iran held round %[2]d of indirect talks in %[1]s on Friday, officials said.\n\n"+
			"Secretary of State Marco Rubio said Washington wanted a deal. \"We are ready to talk,\" Rubio told reporters after meeting %[5]d delegates.\n\n"+
			"Iran's foreign ministry accused the United States of delaying the talks, and Pakistan offered to host the next round.\n",
			city, i+1, strings.ToUpper(city), 1+i%28, 10+i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if i < copies {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy-%04d.txt", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// countArticles opens the database at path and counts its articles, 0 while it does not exist.
func countArticles(ctx context.Context, path string) (store.Stats, error) {
	if _, err := os.Stat(path); err != nil {
		return store.Stats{}, nil
	}
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return store.Stats{}, err
	}
	defer st.Close()
	return st.Stats(ctx)
}

// TestIngestSurvivesKill kills an ingest with SIGKILL part way through a folder, runs it again,
// and checks that the database holds every distinct article once, with the same annotations as
// an ingest that was never interrupted.
func TestIngestSurvivesKill(t *testing.T) {
	const distinct, copies = 300, 40
	dir := manyArticles(t, distinct, copies)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "killed.db")

	cmd := tidingsCmd(t, "ingest", "--db", db, "--workers", "2", dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	deadline := time.Now().Add(20 * time.Second)
	var before store.Stats
	for {
		s, err := countArticles(ctx, db)
		if err != nil {
			t.Logf("reading the database while it is written: %v", err)
		}
		if s.Articles >= distinct/5 {
			before = s
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the ingest stored only %d articles in 20 s: %s", s.Articles, stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if cmd.ProcessState.Success() {
		t.Skipf("the ingest finished before it could be killed (%d articles seen); nothing tested", before.Articles)
	}
	t.Logf("killed after at least %d articles: %v", before.Articles, err)
	after, err := countArticles(ctx, db)
	if err != nil {
		t.Fatalf("the database cannot be read after the kill: %v", err)
	}
	if after.Articles >= distinct {
		t.Skipf("the ingest had stored everything before it was killed; nothing tested")
	}

	if out, err := tidingsCmd(t, "ingest", "--db", db, dir).CombinedOutput(); err != nil {
		t.Fatalf("ingest again after the kill: %v\n%s", err, out)
	}
	clean := filepath.Join(tmp, "clean.db")
	if out, err := tidingsCmd(t, "ingest", "--db", clean, dir).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	got, err := countArticles(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	want, err := countArticles(ctx, clean)
	if err != nil {
		t.Fatal(err)
	}
	if got.Articles != distinct {
		t.Errorf("%d articles after the kill and a second ingest, want %d", got.Articles, distinct)
	}
	if got != want {
		t.Errorf("after the kill and a second ingest the database holds %+v; an uninterrupted ingest holds %+v", got, want)
	}
	// Every story is there once.
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, total, err := st.Articles(ctx, store.ArticleQuery{Limit: distinct + copies})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, a := range list {
		seen[a.Title]++
	}
	if total != distinct || len(seen) != distinct {
		t.Errorf("%d articles listed (total %d) with %d distinct titles, want %d", len(list), total, len(seen), distinct)
	}
	for title, n := range seen {
		if n != 1 {
			t.Errorf("%q is stored %d times", title, n)
		}
	}
}

// TestReadsDuringIngest reads the API over a database while another process ingests into it:
// no read may fail or wait for the writer.
func TestReadsDuringIngest(t *testing.T) {
	dir := manyArticles(t, 200, 0)
	db := filepath.Join(t.TempDir(), "busy.db")
	ctx := context.Background()
	// The schema exists before the writer starts, as it does under a running server.
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := siteHandler(st, nil, httpsec.Options{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	cmd := tidingsCmd(t, "ingest", "--db", db, "--workers", "2", dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	var reads, failures atomic.Int64
	var slowest atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	paths := []string{"/api/articles?limit=50", "/api/events?limit=50", "/api/stats", "/api/actors", "/", "/timeline"}
	for r := range 3 {
		wg.Go(func() {
			for i := r; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				start := time.Now()
				resp, err := http.Get(srv.URL + paths[i%len(paths)])
				if err != nil {
					failures.Add(1)
					t.Errorf("GET %s: %v", paths[i%len(paths)], err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if d := time.Since(start).Milliseconds(); d > slowest.Load() {
					slowest.Store(d)
				}
				reads.Add(1)
				if resp.StatusCode != 200 {
					failures.Add(1)
					t.Errorf("GET %s during the ingest: status %d", paths[i%len(paths)], resp.StatusCode)
				}
			}
		})
	}
	var ingestErr error
	select {
	case ingestErr = <-done:
	case <-time.After(25 * time.Second):
		cmd.Process.Kill()
		ingestErr = <-done
		t.Errorf("the ingest did not finish in 25 s")
	}
	close(stop)
	wg.Wait()
	if ingestErr != nil {
		t.Fatalf("ingest: %v\n%s", ingestErr, stderr.String())
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d reads during the ingest of %d articles, slowest %d ms", reads.Load(), stats.Articles, slowest.Load())
	if stats.Articles != 200 {
		t.Errorf("%d articles stored, want 200", stats.Articles)
	}
	if reads.Load() < 10 {
		t.Errorf("only %d reads during the ingest: the test proves nothing", reads.Load())
	}
	if failures.Load() > 0 {
		t.Errorf("%d of %d reads failed", failures.Load(), reads.Load())
	}
}
