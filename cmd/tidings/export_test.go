package main

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, "--now", "2026-01-17T06:00", articleDir(t)); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	events := storeStats(t, db).Events
	out := filepath.Join(t.TempDir(), "events.csv")
	if code, _, errs := runCmd(t, "", "export", "--db", db, "--out", out); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs)-1 != events || events == 0 {
		t.Fatalf("%d rows (%v), want the %d stored events", len(recs)-1, err, events)
	}

	tests := []struct {
		name  string
		args  []string
		code  int
		lines int // -1: any
		err   string
	}{
		{"plover to stdout", []string{"--format", "plover"}, 0, events, ""},
		{"jsonl", []string{"--format", "jsonl"}, 0, 2, ""},
		{"filter that matches nothing", []string{"--format", "plover", "--source", "FRA"}, 0, 0, ""},
		{"bad format", []string{"--format", "xlsx"}, 2, -1, "want one of csv, jsonl, plover"},
		{"bad day", []string{"--from", "16/01/2026"}, 2, -1, "YYYY-MM-DD"},
	}
	for _, tc := range tests {
		code, stdout, errs := runCmd(t, "", append([]string{"export", "--db", db}, tc.args...)...)
		lines := strings.Count(stdout, "\n")
		if code != tc.code || (tc.lines >= 0 && lines != tc.lines) || !strings.Contains(errs, tc.err) {
			t.Errorf("%s: exit %d, %d lines, stderr %q; want exit %d, %d lines, %q", tc.name, code, lines, errs, tc.code, tc.lines, tc.err)
		}
	}
	if code, _, errs := runCmd(t, "", "export", "--db", filepath.Join(t.TempDir(), "none.db")); code != 1 || !strings.Contains(errs, "no database") {
		t.Errorf("missing database: exit %d, %q", code, errs)
	}
}

func TestWriteAtomicKeepsOldFileOnFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := writeAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file now %q, want it untouched", b)
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("%d files left, want the temporary one removed", len(ents))
	}
	if err := writeAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file now %q, want new", b)
	}
}
