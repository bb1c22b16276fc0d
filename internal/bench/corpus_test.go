package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"title": "Talks  resume", "text": "Envoys met on Monday.", "published": "2026-01-12 10:00:00Z", "url": " https://news.example/a "}`,
		``,
		`{"text": "No title here."}`,
		`not json`,
		`{"title": "Empty"}`,
		`{"text": "` + strings.Repeat("x", 300) + `"}`,
		`{"text": "Last line, no newline."}`,
	}, "\n")
	type want struct {
		name, data, url, published string
		err                        bool
	}
	wants := []want{
		{name: "c.jsonl:1", data: "Talks resume\n\nEnvoys met on Monday.", url: "https://news.example/a", published: "2026-01-12 10:00:00Z"},
		{name: "c.jsonl:3", data: "No title here."},
		{name: "c.jsonl:4", err: true},
		{name: "c.jsonl:5", err: true},
		{name: "c.jsonl:6", err: true}, // longer than the limit
		{name: "c.jsonl:7", data: "Last line, no newline."},
	}
	var got []want
	for a, err := range JSONL(strings.NewReader(in), "c.jsonl", 200) {
		got = append(got, want{a.Name, string(a.Data), a.URL, a.Published, err != nil})
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d articles %+v, want %d", len(got), got, len(wants))
	}
	for i := range wants {
		if got[i] != wants[i] {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, got[i], wants[i])
		}
	}
}

func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><body><p>Page.</p></body></html>"))
	zw.Close()
	write("a.txt", []byte("Text A."))
	write("sub/b.html.gz", gz.Bytes())
	write(".hidden/c.txt", []byte("hidden"))
	write("d.jsonl", []byte(`{"text":"One."}`+"\n"+`{"text":"Two."}`+"\n"))
	write("e.jsonl.gz", gz.Bytes()) // gzip of a page, not JSON lines: one failing line

	var names []string
	var datas []string
	failed := 0
	for a, err := range Corpus(context.Background(), []string{dir}, CorpusOptions{Repeat: 2}) {
		if err != nil {
			failed++
			continue
		}
		names = append(names, filepath.ToSlash(strings.TrimPrefix(a.Name, dir)))
		datas = append(datas, string(a.Data))
	}
	wantNames := []string{"/a.txt", "/d.jsonl:1", "/d.jsonl:2", "/sub/b.html.gz"}
	if len(names) != 2*len(wantNames) || failed != 2 {
		t.Fatalf("got %v (%d failed), want %v twice and 2 failures", names, failed, wantNames)
	}
	for i, n := range wantNames {
		if names[i] != n || names[i+len(wantNames)] != n {
			t.Errorf("article %d: %q then %q, want %q", i, names[i], names[i+len(wantNames)], n)
		}
	}
	if datas[3] != "<html><body><p>Page.</p></body></html>" {
		t.Errorf("gzip page read as %q", datas[3])
	}

	n := 0
	for range Corpus(context.Background(), []string{dir}, CorpusOptions{Repeat: 100, Limit: 7}) {
		n++
	}
	if n != 7 {
		t.Errorf("--limit 7 gave %d articles", n)
	}

	var notFound error
	for _, err := range Corpus(context.Background(), []string{filepath.Join(dir, "absent")}, CorpusOptions{}) {
		notFound = err
	}
	if !errors.Is(notFound, os.ErrNotExist) {
		t.Errorf("missing file: %v, want a not-exist error", notFound)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"T","text":"Body.","published":"2026-01-01","url":"https://x.example/"}` + "\n"))
	f.Add([]byte("\n\n{\"text\":\"a\"}\r\n{\"text\":1}\n{"))
	f.Add([]byte(`{"text":"\ud800 odd \u0000 text"}`))
	f.Add([]byte{0xff, 0xfe, '\n', '{', '}'})
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		for a, err := range JSONL(bytes.NewReader(data), "f.jsonl", 64) {
			n++
			if n > lines {
				t.Fatalf("%d articles from %d lines", n, lines)
			}
			if err == nil && (len(bytes.TrimSpace(a.Data)) == 0 || int64(len(a.Data)) > 64+2) {
				t.Fatalf("article %q accepted", a.Data)
			}
		}
	})
}
