package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestIsPublicAddr(t *testing.T) {
	tests := []struct {
		ip     string
		public bool
	}{
		{"93.184.216.34", true},
		{"2606:2800:220:1:248:1893:25c8:1946", true},
		{"8.8.8.8", true},
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"10.0.0.1", false},
		{"172.16.5.4", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"255.255.255.255", false},
		{"224.0.0.1", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.1.2.3", false},
		{"64:ff9b::a9fe:a9fe", false}, // NAT64 of 169.254.169.254
		{"64:ff9b::808:808", true},    // NAT64 of 8.8.8.8
		{"2001:db8::1", false},
	}
	for _, tc := range tests {
		if got := IsPublicAddr(netip.MustParseAddr(tc.ip)); got != tc.public {
			t.Errorf("IsPublicAddr(%s) = %v, want %v", tc.ip, got, tc.public)
		}
	}
}

func TestFetchRefusesPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	f := NewFetcher(WebOptions{Timeout: 2 * time.Second})
	for _, u := range []string{
		srv.URL,
		"http://localhost:" + port,
		"http://[::1]:" + port,
		"http://10.0.0.1/",
		"http://192.168.0.1/",
		"http://169.254.169.254/latest/meta-data/",
		"http://[::ffff:127.0.0.1]:" + port,
		"http://0.0.0.0:" + port,
	} {
		_, err := f.Fetch(context.Background(), u, Conditional{})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("Fetch(%s): err = %v, want ErrPrivateAddress", u, err)
		}
	}
}

func TestFetchRefusesRedirectToPrivate(t *testing.T) {
	// the test server stands in for a public site: only its address is allowed, so the
	// refusal must come from the dial of the redirect's target
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-other-loopback":
			http.Redirect(w, r, "http://127.0.0.2:1/admin", http.StatusFound)
		case "/to-link-local":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		default:
			fmt.Fprint(w, "public")
		}
	}))
	defer srv.Close()
	only := netip.MustParseAddr("127.0.0.1")
	f := newFetcher(WebOptions{Timeout: 2 * time.Second}, func(a netip.Addr) bool { return a == only })
	if _, err := f.Fetch(context.Background(), srv.URL+"/ok", Conditional{}); err != nil {
		t.Fatalf("the allowed address was refused: %v", err)
	}
	for _, p := range []string{"/to-other-loopback", "/to-link-local"} {
		_, err := f.Fetch(context.Background(), srv.URL+p, Conditional{})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: err = %v, want ErrPrivateAddress", p, err)
		}
	}
}

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != UserAgent {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><p>Hello</p></body></html>")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2048)))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := NewFetcher(WebOptions{AllowPrivate: true, MaxBytes: 1024, Timeout: 500 * time.Millisecond})
	ctx := context.Background()

	r, err := f.Fetch(ctx, srv.URL+"/hop", Conditional{})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if r.ContentType != "text/html" || r.Charset != "utf-8" || !strings.Contains(string(r.Data), "Hello") ||
		r.URL != srv.URL+"/article" {
		t.Errorf("Fetch: %+v", r)
	}
	for _, tc := range []struct {
		path string
		want string
	}{
		{"/big", "larger than the size limit"},
		{"/missing", "404"},
		{"/loop", "redirects"},
		{"/to-file", "only http and https"},
		{"/slow", "timed out"},
	} {
		_, err := f.Fetch(ctx, srv.URL+tc.path, Conditional{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Fetch(%s): err = %v, want one saying %q", tc.path, err, tc.want)
		}
	}
	for _, u := range []string{"ftp://news.example/a", "file:///etc/passwd", "http://", "://x"} {
		if _, err := f.Fetch(ctx, u, Conditional{}); err == nil {
			t.Errorf("Fetch(%q) did not fail", u)
		}
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"https://a.example/x": true, "HTTP://A.EXAMPLE": true, "a/b.txt": false, "-": false,
		"httpfile.txt": false, "ftp://a.example": false,
	} {
		if IsURL(in) != want {
			t.Errorf("IsURL(%q) = %v", in, !want)
		}
	}
}
