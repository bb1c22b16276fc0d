package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/source"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlite"
	"github.com/tidings-news/tidings/internal/testshared"
)

// Two short articles the ingest tests store.
const (
	talksText = `Envoys meet in Muscat

MUSCAT, Jan. 16 (Example Wire) — The United States and Iran held indirect talks in Oman on Friday, officials said.

Secretary of State Marco Rubio said Washington wanted a deal. "We are ready to talk," Rubio told reporters.
`
	aidText = `Aid reaches flooded villages

GENEVA, Jan. 15 (Example Wire) — The United Nations sent food aid to Pakistan on Thursday after floods.

Pakistan thanked the United Nations for its help.
`
)

// articleDir writes the two articles into a new folder and returns it.
func articleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"talks.txt": talksText, "aid.txt": aidText} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// storeStats opens the database at path and counts what it holds.
func storeStats(t *testing.T, path string) store.Stats {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestIngestFilesTwice(t *testing.T) {
	dir := articleDir(t)
	db := filepath.Join(t.TempDir(), "t.db")
	code, _, errs := runCmd(t, "", "ingest", "--db", db, "--now", "2026-01-17T06:00", dir)
	if code != 0 || !strings.Contains(errs, "ingest: 2 stored, 0 already present, 0 failed") {
		t.Fatalf("first ingest: exit %d\n%s", code, errs)
	}
	first := storeStats(t, db)
	if first.Articles != 2 {
		t.Fatalf("stored %+v, want 2 articles", first)
	}
	code, _, errs = runCmd(t, "", "ingest", "--db", db, "--now", "2026-01-18T06:00", dir, filepath.Join(dir, "aid.txt"))
	if code != 0 || !strings.Contains(errs, "ingest: 0 stored, 3 already present, 0 failed") {
		t.Fatalf("second ingest: exit %d\n%s", code, errs)
	}
	if again := storeStats(t, db); again != first {
		t.Errorf("re-ingesting changed the store: %+v, was %+v", again, first)
	}
}

func TestIngestBadInputsGoOn(t *testing.T) {
	dir := articleDir(t)
	db := filepath.Join(t.TempDir(), "t.db")
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "nosuch.txt"), empty,
		"http://127.0.0.1:1/", filepath.Join(dir, "aid.txt"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errs, "ingest: 1 stored, 0 already present, 3 failed") {
		t.Errorf("summary missing or wrong:\n%s", errs)
	}
	for _, want := range []string{"no such file", "private or local network"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors do not say %q:\n%s", want, errs)
		}
	}
	if code, _, _ := runCmd(t, "", "ingest", "--db", db); code != 2 {
		t.Errorf("no inputs: exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t, "", "ingest", "--db", db, "--poll", "1s", "x"); code != 2 {
		t.Errorf("--poll 1s: exit %d, want 2", code)
	}
}

func TestIngestFeed(t *testing.T) {
	talks, aid := []byte(talksText), []byte(aidText)
	var articleGets, feedFull, feedNotModified atomic.Int32
	var etag atomic.Value
	etag.Store(`"f1"`)
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag.Load().(string) {
			feedNotModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		feedFull.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", etag.Load().(string))
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Envoys meet</title><link>/a/talks</link><pubDate>Fri, 16 Jan 2026 10:00:00 GMT</pubDate></item>
<item><title>Aid</title><link>/a/aid?utm_source=rss</link></item>
<item><title>Gone</title><link>/a/gone</link></item>
</channel></rss>`)
	})
	serve := func(body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			articleGets.Add(1)
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(body)
		}
	}
	mux.HandleFunc("/a/talks", serve(talks))
	mux.HandleFunc("/a/aid", serve(aid))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	db := filepath.Join(t.TempDir(), "t.db")
	code, _, errs := runCmd(t, "", "ingest", "--db", db, "--allow-private", srv.URL+"/feed.xml")
	if code != 1 || !strings.Contains(errs, "ingest: 2 stored, 0 already present, 1 failed") || !strings.Contains(errs, "404") {
		t.Fatalf("first poll: exit %d\n%s", code, errs)
	}
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.FeedState(context.Background(), srv.URL+"/feed.xml")
	s.Close()
	if err != nil || st.ETag != `"f1"` || st.LastPolled.IsZero() || st.Errors != 0 {
		t.Errorf("feed state after the first poll: %+v, %v", st, err)
	}
	// unchanged, the feed costs one conditional request and nothing is fetched
	code, _, errs = runCmd(t, "", "ingest", "--db", db, "--allow-private", srv.URL+"/feed.xml", srv.URL+"/a/talks")
	if code != 0 || !strings.Contains(errs, "ingest: 0 stored, 1 already present, 0 failed") || feedNotModified.Load() != 1 {
		t.Errorf("second run: exit %d, %d not-modified answers\n%s", code, feedNotModified.Load(), errs)
	}
	// changed, its stored entries are not fetched again
	etag.Store(`"f2"`)
	code, _, errs = runCmd(t, "", "ingest", "--db", db, "--allow-private", srv.URL+"/feed.xml")
	if code != 1 || !strings.Contains(errs, "ingest: 0 stored, 2 already present, 1 failed") {
		t.Errorf("third run: exit %d\n%s", code, errs)
	}
	if n := articleGets.Load(); n != 2 {
		t.Errorf("articles fetched %d times, want 2 (stored ones are not fetched again)", n)
	}
	if st := storeStats(t, db); st.Articles != 2 || st.Feeds != 1 {
		t.Errorf("store: %+v", st)
	}
	// without --allow-private the test server is refused
	code, _, errs = runCmd(t, "", "ingest", "--db", db, srv.URL+"/feed.xml")
	if code != 1 || !strings.Contains(errs, "private") {
		t.Errorf("without --allow-private: exit %d\n%s", code, errs)
	}
}

func sharedDir(t *testing.T) string { return testshared.Dir(t, "the shared-corpus ingest test") }

func TestIngestSharedCorpus(t *testing.T) {
	shared := sharedDir(t)
	db := filepath.Join(t.TempDir(), "t.db")
	inputs := []string{filepath.Join(shared, "seed"), filepath.Join(shared, "gold", "dev", "texts")}
	args := append([]string{"ingest", "--db", db, "--now", "2026-01-17T06:00"}, inputs...)
	code, _, errs := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	first := storeStats(t, db)
	if first.Articles < 10 {
		t.Fatalf("stored only %+v", first)
	}
	code, _, errs = runCmd(t, "", args...)
	if code != 0 || !strings.Contains(errs, " 0 stored,") {
		t.Fatalf("re-ingest: exit %d\n%s", code, errs)
	}
	if again := storeStats(t, db); again != first {
		t.Errorf("re-ingesting changed the store: %+v, was %+v", again, first)
	}
	if first.Events == 0 {
		t.Skip("the annotators coded no events; the USA→IRN check waits for the event coder")
	}
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, n, err := s.Events(context.Background(), store.EventQuery{Source: "USA", Target: "IRN"})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Errorf("no USA→IRN events among %d events", first.Events)
	}
	for _, r := range rows {
		if r.Evidence == "" || r.Day == "" {
			t.Errorf("event row without evidence or day: %+v", r)
		}
	}
}

func TestReprocess(t *testing.T) {
	dir := articleDir(t)
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, "--now", "2026-01-17T06:00", dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	before := storeStats(t, db)
	code, _, errs := runCmd(t, "", "reprocess", "--db", db)
	if code != 0 || !strings.Contains(errs, "reprocess: 2 articles") || !strings.Contains(errs, ", 0 failed") {
		t.Fatalf("reprocess: exit %d\n%s", code, errs)
	}
	// the same annotators give the same annotations
	if after := storeStats(t, db); after != before {
		t.Errorf("reprocessing with the same annotators changed the store: %+v, was %+v", after, before)
	}
	if code, _, _ := runCmd(t, "", "reprocess", "--db", db, "extra"); code != 2 {
		t.Errorf("reprocess with arguments: exit %d, want 2", code)
	}
}

func TestIngestURLFlagNeedsOneFile(t *testing.T) {
	dir := articleDir(t)
	db := filepath.Join(t.TempDir(), "t.db")
	for _, args := range [][]string{
		{"--url", "https://a.example/x", dir},
		{"--url", "https://a.example/x", filepath.Join(dir, "aid.txt"), filepath.Join(dir, "talks.txt")},
	} {
		if code, _, _ := runCmd(t, "", append([]string{"ingest", "--db", db}, args...)...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, "--url", "https://a.example/x", filepath.Join(dir, "aid.txt")); code != 0 {
		t.Errorf("one file with --url: exit %d\n%s", code, errs)
	}
}

func TestPollLoop(t *testing.T) {
	var conditional, full, failing atomic.Int32
	var broken atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			failing.Add(1)
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		if r.Header.Get("If-None-Match") == `"v"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v"`)
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>`)
	}))
	defer srv.Close()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var errb strings.Builder
	in := &ingester{
		log:      &env{stderr: &errb, log: slog.New(slog.DiscardHandler)},
		st:       st,
		fetch:    source.NewFetcher(source.WebOptions{AllowPrivate: true}),
		progress: newProgress(&errb),
	}
	feed := srv.URL + "/feed"
	if !in.url(ctx, feed) {
		t.Fatal("the feed was not taken for a feed")
	}
	pctx, cancel := context.WithTimeout(ctx, 1500*time.Millisecond) // room for a loaded machine: about 14 polls due, 3 asked
	in.pollLoop(pctx, []string{feed}, 100*time.Millisecond)
	cancel()
	if full.Load() != 1 || conditional.Load() < 3 {
		t.Errorf("polls: %d full, %d conditional; want 1 full and several conditional", full.Load(), conditional.Load())
	}
	broken.Store(true)
	pctx, cancel = context.WithTimeout(ctx, 1000*time.Millisecond)
	in.pollLoop(pctx, []string{feed}, 100*time.Millisecond)
	cancel()
	// failures back off: 100ms, then 200, 400, 800ms between tries
	if n := failing.Load(); n < 2 || n > 5 {
		t.Errorf("%d polls of a failing feed in 1s, want 2 to 5 (backing off, not 9)", n)
	}
	fs, err := st.FeedState(ctx, feed)
	if err != nil || fs.Errors != int(failing.Load()) || !strings.Contains(fs.LastError, "503") || fs.ETag != `"v"` {
		t.Errorf("feed state: %+v, %v", fs, err)
	}
}
