package source

import (
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
