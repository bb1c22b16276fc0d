// Package source turns the names a user gives (files, folders, "-" for standard input) into
// inputs: the raw bytes of one article each, read with a size limit.
package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultMaxBytes is the largest article read when Options.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// ErrTooLarge is returned for an input over the size limit.
var ErrTooLarge = errors.New("input is larger than the size limit")

// Input is the raw content of one article.
type Input struct {
	// Name is the path, URL or "-" the article was read from.
	Name string
	// URL is where the article came from, when it came from the web.
	URL  string
	Data []byte
}

// Options bound what is read.
type Options struct {
	// MaxBytes is the largest input read; larger ones fail with ErrTooLarge.
	MaxBytes int64
	// Stdin is read for the name "-".
	Stdin io.Reader
}

func (o Options) max() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Error is the failure of one input; the others go on.
type Error struct {
	Name string
	Err  error
}

func (e *Error) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Files yields every input the names stand for, in order: a file, every regular file below a
// folder (sorted, hidden files skipped), or standard input for "-". A name that cannot be read
// yields an *Error and the walk goes on.
func Files(ctx context.Context, names []string, opts Options) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		for _, name := range names {
			if ctx.Err() != nil {
				yield(Input{}, ctx.Err())
				return
			}
			if name == "-" {
				if !yield(readStdin(opts)) {
					return
				}
				continue
			}
			info, err := os.Stat(name)
			if err != nil {
				if !yield(Input{Name: name}, &Error{Name: name, Err: describe(err)}) {
					return
				}
				continue
			}
			if !info.IsDir() {
				if !yield(ReadFile(name, opts)) {
					return
				}
				continue
			}
			paths, err := Walk(name)
			if err != nil {
				if !yield(Input{Name: name}, &Error{Name: name, Err: err}) {
					return
				}
			}
			for _, p := range paths {
				if ctx.Err() != nil {
					yield(Input{}, ctx.Err())
					return
				}
				if !yield(ReadFile(p, opts)) {
					return
				}
			}
		}
	}
}

// Walk lists every regular file below root, sorted, skipping hidden files and folders.
func Walk(root string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if p != root && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	if err != nil {
		return paths, fmt.Errorf("listing folder: %w", describe(err))
	}
	return paths, nil
}

// ReadFile reads one file with the size limit.
func ReadFile(path string, opts Options) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{Name: path}, &Error{Name: path, Err: describe(err)}
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	data, err := readLimitedSize(f, opts.max(), size)
	if err != nil {
		return Input{Name: path}, &Error{Name: path, Err: err}
	}
	return Input{Name: path, Data: data}, nil
}

func readStdin(opts Options) (Input, error) {
	in := opts.Stdin
	if in == nil {
		in = os.Stdin
	}
	data, err := readLimited(in, opts.max())
	if err != nil {
		return Input{Name: "-"}, &Error{Name: "-", Err: err}
	}
	return Input{Name: "-", Data: data}, nil
}

// readLimited reads r whole, at most max bytes. A gzip-compressed input (a saved page.html.gz)
// is decompressed, and the limit holds for what it decompresses to.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	return readLimitedSize(r, max, 0)
}

// readLimitedSize is readLimited for an input of about size bytes (0 when unknown): the buffer
// is made that big at once.
func readLimitedSize(r io.Reader, max, size int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(size, max)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("reading: %w", describe(err))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return gunzip(data, max)
	}
	return data, nil
}

// gunzip decompresses data, refusing more than max bytes of output.
func gunzip(data []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the gzip-compressed input: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, fmt.Errorf("decompressing the gzip-compressed input: %w", err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w once decompressed (%d bytes)", ErrTooLarge, max)
	}
	return out, nil
}

// describe turns the standard library's file errors into words a user understands.
func describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no such file or folder: %w", fs.ErrNotExist)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("permission denied: %w", fs.ErrPermission)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
