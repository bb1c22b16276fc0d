package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		articles int
		stages   int
		stderr   string
	}{
		{"folder twice", []string{"bench", "--json", "--repeat", "2", "--now", "2026-01-17T06:00:00", "testdata"}, 0, 4, 7, ""},
		{"limit and store", []string{"bench", "--json", "--repeat", "5", "--limit", "3", "--store", "testdata/wire.txt"}, 0, 3, 8, ""},
		{"no corpus", []string{"bench"}, 2, 0, 0, "name at least one corpus"},
		{"bad repeat", []string{"bench", "--repeat", "0", "testdata"}, 2, 0, 0, "--repeat"},
		{"nothing readable", []string{"bench", "testdata/absent.txt"}, 1, 0, 0, "no article could be read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, errs, tc.code, tc.stderr)
			}
			if code != 0 {
				return
			}
			var rep struct {
				Articles int                        `json:"articles"`
				Stages   map[string]json.RawMessage `json:"stages"`
				PerSec   float64                    `json:"articles_per_second"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, out)
			}
			if rep.Articles != tc.articles || len(rep.Stages) != tc.stages || rep.PerSec <= 0 {
				t.Errorf("%d articles, %d stages, %.0f/s; want %d and %d", rep.Articles, len(rep.Stages), rep.PerSec, tc.articles, tc.stages)
			}
		})
	}
}

func TestBenchProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, out, errs := runCmd(t, "", "bench", "--cpuprofile", cpu, "--memprofile", mem, "testdata")
	if code != 0 || !strings.Contains(out, "articles per CPU second") {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	for _, p := range []string{cpu, mem} {
		if fi, err := statSize(p); err != nil || fi == 0 {
			t.Errorf("%s: not written (%v)", p, err)
		}
	}
}

func statSize(path string) (int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
