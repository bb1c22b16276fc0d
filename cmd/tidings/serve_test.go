package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
