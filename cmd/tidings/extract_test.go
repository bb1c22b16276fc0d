package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func decodeLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	for dec.More() {
		var d map[string]any
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("output is not JSON lines: %v\n%s", err, s)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestExtractSeedLike(t *testing.T) {
	code, out, errs := runCmd(t, "", "extract", "--now", "2026-01-17T06:00:00", "testdata/seedlike.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	docs := decodeLines(t, out)
	if len(docs) != 1 {
		t.Fatalf("want 1 document, got %d", len(docs))
	}
	d := docs[0]
	want := map[string]string{
		"title":      "Leaders hold talks amid unrest",
		"standfirst": "The Russian leader has phoned his Iranian counterpart amid protests",
		"published":  "2026-01-16T19:54",
		"updated":    "2026-01-16T20:00",
	}
	for k, v := range want {
		if d[k] != v {
			t.Errorf("%s = %v, want %q", k, d[k], v)
		}
	}
	// every field of the contract is present, lists never null
	for _, k := range []string{"title", "standfirst", "byline", "published", "updated", "text"} {
		if _, ok := d[k].(string); !ok {
			t.Errorf("%s missing or not a string", k)
		}
	}
	for _, k := range []string{"actors", "events", "quotes", "times"} {
		if _, ok := d[k].([]any); !ok {
			t.Errorf("%s missing or not a list: %v", k, d[k])
		}
	}
}

func TestExtractSeveralAndBadInputs(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "binary.txt")
	if err := os.WriteFile(bin, []byte("\x00\x01\x02binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "", "extract", "--now", "2026-01-17T06:00:00",
		"testdata/seedlike.txt", bin, filepath.Join(dir, "missing.txt"), empty, "testdata/wire.txt")
	if code != 1 {
		t.Errorf("exit %d, want 1 when some inputs fail", code)
	}
	docs := decodeLines(t, out)
	if len(docs) != 2 {
		t.Fatalf("want the 2 good documents, got %d", len(docs))
	}
	if docs[1]["title"] != "Second article" {
		t.Errorf("order not kept: %v", docs[1]["title"])
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one error line per bad input, got:\n%s", errs)
	}
	for i, want := range []string{"binary", "no such file", "empty"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("error line %d = %q, want it to mention %q", i, lines[i], want)
		}
	}
}

func TestExtractStdinAndFolder(t *testing.T) {
	code, out, errs := runCmd(t, "Title line\n\nBody from standard input.", "extract", "-")
	if code != 0 || len(decodeLines(t, out)) != 1 {
		t.Fatalf("stdin: exit %d, stderr %s", code, errs)
	}
	code, out, errs = runCmd(t, "", "extract", "--published", "2026-01-16", "testdata")
	if code != 0 {
		t.Fatalf("folder: exit %d, stderr %s", code, errs)
	}
	if n := len(decodeLines(t, out)); n != 2 {
		t.Errorf("folder gave %d documents, want 2", n)
	}
}

func TestExtractUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "--now", "yesterday-ish", "testdata/wire.txt"},
		{"extract", "--format", "pdf", "testdata/wire.txt"},
		{"nonsense"},
	} {
		code, _, errs := runCmd(t, "", args...)
		if code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, c := range []string{"extract", "serve", "demo", "ingest", "reprocess"} {
		code, _, errs := runCmd(t, "", c, "-h")
		if code != 0 || !strings.Contains(errs, "usage: tidings "+c) {
			t.Errorf("%s -h: exit %d, stderr %q", c, code, errs)
		}
	}
}

// --tokens adds the tokens view, one list per sentence; without it the view is left out. The
// offsets of the view are tested in internal/pipeline.
func TestExtractTokensFlag(t *testing.T) {
	in := "Erdoğan hosts Zelenskyy\n\nErdoğan met Zelenskyy in Ankara. They didn’t agree."
	code, out, errs := runCmd(t, in, "extract", "--tokens", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Sentences []any
		Tokens    [][]struct{ Form string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(doc.Sentences) != 2 || len(doc.Tokens) != 2 || len(doc.Tokens[1]) != 5 || doc.Tokens[1][2].Form != "n’t" {
		t.Errorf("tokens = %+v for %d sentences, want the second as They|did|n’t|agree|.", doc.Tokens, len(doc.Sentences))
	}
	_, out, _ = runCmd(t, in, "extract", "-")
	if d := decodeLines(t, out); len(d) != 1 || d[0]["tokens"] != nil {
		t.Errorf("tokens present without --tokens")
	}
}
