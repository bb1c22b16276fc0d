package source

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	tests := []struct {
		file string
		base string
		want Feed
	}{
		{"testdata/feed.rss", "https://news.example/feed.xml", Feed{Title: "Example World News", Items: []FeedItem{
			{Link: "https://news.example/world/ministers-meet", Title: "Ministers meet in Geneva",
				Published: "2026-01-16T09:30Z", GUID: "item-1"},
			{Link: "https://news.example/world/flood-relief", Title: "Flood relief arrives",
				GUID: "https://news.example/world/flood-relief"},
		}}},
		{"testdata/feed.atom", "", Feed{Title: "Example Wire", Items: []FeedItem{
			{Link: "https://wire.example/talks-resume", Title: "Talks resume", Published: "2026-01-17T06:00Z",
				GUID: "urn:uuid:1"},
		}}},
	}
	for _, tc := range tests {
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if !LooksLikeFeed("application/xml", data) || !LooksLikeFeed("", data) {
			t.Errorf("%s: not recognised as a feed", tc.file)
		}
		got, err := ParseFeed(data, tc.base)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.file, *got, tc.want)
		}
	}
	for _, page := range []string{"<html><body>news</body></html>", "plain text", ""} {
		if LooksLikeFeed("text/html", []byte(page)) || LooksLikeFeed("", []byte(page)) {
			t.Errorf("%q taken for a feed", page)
		}
		if _, err := ParseFeed([]byte(page), ""); err == nil {
			t.Errorf("ParseFeed(%q) did not fail", page)
		}
	}
}

func TestPollFeedConditional(t *testing.T) {
	rss, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	const etag = `"v1"`
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Fri, 16 Jan 2026 09:30:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	}))
	defer srv.Close()
	f := NewFetcher(WebOptions{AllowPrivate: true, Timeout: 2 * time.Second})
	ctx := context.Background()
	p, err := f.PollFeed(ctx, srv.URL, Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if p.NotModified || p.Feed == nil || len(p.Feed.Items) != 3 || p.ETag != etag || p.LastModified == "" {
		t.Fatalf("first poll: %+v", p)
	}
	p2, err := f.PollFeed(ctx, srv.URL, p.Conditional)
	if err != nil {
		t.Fatal(err)
	}
	if !p2.NotModified || p2.Feed != nil || p2.ETag != etag || p2.LastModified != p.LastModified {
		t.Errorf("second poll: %+v, want not modified with the same validators", p2)
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("server saw %d full and %d conditional answers, want 1 and 1", full.Load(), notModified.Load())
	}
}

func TestNextPoll(t *testing.T) {
	tests := []struct {
		interval time.Duration
		failures int
		want     time.Duration
	}{
		{time.Minute, 0, time.Minute},
		{time.Minute, 3, 8 * time.Minute},
		{time.Hour, 10, 24 * time.Hour},
		{48 * time.Hour, 2, 48 * time.Hour},
	}
	for _, tc := range tests {
		if got := NextPoll(tc.interval, tc.failures); got != tc.want {
			t.Errorf("NextPoll(%v, %d) = %v, want %v", tc.interval, tc.failures, got, tc.want)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, p := range []string{"testdata/feed.rss", "testdata/feed.atom"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"/a"}]}`))
	f.Add([]byte(`<rss><channel><item><link>http://[::1</link></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = LooksLikeFeed("", data)
		feed, err := ParseFeed(data, "https://news.example/feed")
		if err != nil {
			return
		}
		if len(feed.Items) > MaxFeedItems {
			t.Errorf("%d items, limit %d", len(feed.Items), MaxFeedItems)
		}
		for _, it := range feed.Items {
			if !IsURL(it.Link) {
				t.Errorf("item link %q is not an http(s) address", it.Link)
			}
		}
	})
}
