package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "B")
	write(t, filepath.Join(dir, "a.txt"), "A")
	write(t, filepath.Join(dir, "sub", "c.txt"), "C")
	write(t, filepath.Join(dir, ".hidden"), "H")
	write(t, filepath.Join(dir, ".git", "config"), "G")
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 100))

	var names, errs []string
	for in, err := range Files(context.Background(), []string{dir, filepath.Join(dir, "nope.txt"), "-"},
		Options{MaxBytes: 50, Stdin: strings.NewReader("from stdin")}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		names = append(names, filepath.Base(in.Name)+"="+string(in.Data))
	}
	want := "a.txt=A b.txt=B c.txt=C -=from stdin"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("inputs = %q, want %q", got, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "larger than the size limit") || !strings.Contains(errs[1], "no such file") {
		t.Errorf("errors = %q", errs)
	}
}

func TestFilesErrorsAreTyped(t *testing.T) {
	for _, err := range Files(context.Background(), []string{"/definitely/not/here"}, Options{}) {
		var se *Error
		if !errors.As(err, &se) || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want a *source.Error wrapping fs.ErrNotExist", err)
		}
	}
}

func TestFilesStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	for _, err := range Files(ctx, []string{"a", "b"}, Options{}) {
		n++
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	}
	if n != 1 {
		t.Errorf("yielded %d times after cancel, want 1", n)
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Compressed files are read as what they hold; the size limit holds for what they decompress
// to, so a small file that inflates to gigabytes is refused.
func TestGzipInputs(t *testing.T) {
	dir := t.TempDir()
	page := "<html><body><p>Saved page</p></body></html>"
	tests := []struct {
		name    string
		data    []byte
		want    string
		wantErr string
	}{
		{"page.html.gz", gz(t, page), page, ""},
		{"no-suffix", gz(t, "plain words"), "plain words", ""},
		{"bomb.gz", gz(t, strings.Repeat("a", 10_000)), "", "larger than the size limit once decompressed"},
		{"broken.gz", append([]byte{0x1f, 0x8b}, "not really gzip"...), "", "gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			in, err := ReadFile(path, Options{MaxBytes: 1000})
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want one saying %q", err, tt.wantErr)
				}
			case err != nil:
				t.Errorf("err = %v", err)
			case string(in.Data) != tt.want:
				t.Errorf("data = %q, want %q", in.Data, tt.want)
			}
		})
	}
}
