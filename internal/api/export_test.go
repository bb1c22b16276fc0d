package api_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/api"
)

func TestExport(t *testing.T) {
	f := newFixture(t, api.Options{})
	stats, err := f.st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events == 0 {
		t.Fatal("the fixture has no events to export")
	}
	fetch := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, string(b)
	}

	resp, body := fetch("/api/export")
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if resp.StatusCode != http.StatusOK || err != nil || len(recs)-1 != stats.Events {
		t.Fatalf("csv: status %d, %d rows (%v), want %d\n%s", resp.StatusCode, len(recs)-1, err, stats.Events, body)
	}
	if ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"); !strings.HasPrefix(ct, "text/csv") ||
		!strings.Contains(cd, `filename="tidings-events.csv"`) {
		t.Errorf("csv: Content-Type %q, Content-Disposition %q", ct, cd)
	}

	tests := []struct {
		query  string
		status int
		lines  int // -1: not counted
	}{
		{"?format=plover", http.StatusOK, stats.Events},
		{"?format=jsonl", http.StatusOK, stats.Articles},
		{"?format=plover&source=FRA", http.StatusOK, 0},
		{"?format=xlsx", http.StatusBadRequest, -1},
		{"?format=csv&type=NOTATYPE", http.StatusBadRequest, -1},
		{"?from=2026-02-01&to=2026-01-01", http.StatusBadRequest, -1},
	}
	for _, tc := range tests {
		resp, body := fetch("/api/export" + tc.query)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.query, resp.StatusCode, tc.status, body)
			continue
		}
		if tc.lines >= 0 && strings.Count(body, "\n") != tc.lines {
			t.Errorf("%s: %d lines, want %d", tc.query, strings.Count(body, "\n"), tc.lines)
		}
		if tc.status != http.StatusOK {
			var e map[string]any
			if err := json.Unmarshal([]byte(body), &e); err != nil || e["error"] == nil {
				t.Errorf("%s: the error is not JSON: %s", tc.query, body)
			}
		}
	}
}
