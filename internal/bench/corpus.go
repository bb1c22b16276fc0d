package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/tidings-news/tidings/internal/source"
)

// DefaultMaxBytes bounds one article (a file, or one line of a JSON lines file) when
// CorpusOptions.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// Article is one input of a corpus: the raw bytes of a file, or one record of a JSON lines file.
type Article struct {
	// Name says where the article came from: a path, or "path:LINE" for a JSON lines record.
	Name string
	// Data is the article as the reader takes it: a text file, a web page (already
	// decompressed), or a record's title and text joined into a plain-text article.
	Data []byte
	// URL and Published come from a JSON lines record, empty otherwise.
	URL       string
	Published string
	// Round counts the passes over the corpus, from 0 (see CorpusOptions.Repeat).
	Round int
}

// CorpusOptions say how a corpus is walked.
type CorpusOptions struct {
	// Repeat is how many times the corpus is cycled; 0 or 1 means once.
	Repeat int
	// Limit stops after this many articles; 0 means no limit.
	Limit int
	// MaxBytes bounds one article; larger ones are reported as errors and skipped.
	MaxBytes int64
}

func (o CorpusOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ErrTooLarge is returned for an article over the size limit.
var ErrTooLarge = errors.New("article is larger than the size limit")

// Corpus streams the articles the names stand for: files, folders (every regular file below,
// sorted, hidden ones skipped) and JSON lines files (.jsonl, one article per line). Files ending
// in .gz are decompressed. Only one article is held at a time, so a corpus of any size streams
// in bounded memory. An article that cannot be read is yielded with its error and the walk
// goes on.
func Corpus(ctx context.Context, names []string, opts CorpusOptions) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		rounds := max(opts.Repeat, 1)
		n := 0
		for round := range rounds {
			for a, err := range corpusOnce(ctx, names, opts.maxBytes()) {
				if ctx.Err() != nil {
					yield(Article{}, ctx.Err())
					return
				}
				if opts.Limit > 0 && n >= opts.Limit {
					return
				}
				a.Round = round
				n++
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

func corpusOnce(ctx context.Context, names []string, maxBytes int64) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		for _, name := range names {
			info, err := os.Stat(name)
			if err != nil {
				if !yield(Article{Name: name}, fmt.Errorf("%s: %w", name, err)) {
					return
				}
				continue
			}
			paths := []string{name}
			if info.IsDir() {
				if paths, err = source.Walk(name); err != nil {
					if !yield(Article{Name: name}, fmt.Errorf("%s: listing the folder: %w", name, err)) {
						return
					}
				}
			}
			for _, p := range paths {
				if ctx.Err() != nil {
					return
				}
				if !readPath(p, maxBytes, yield) {
					return
				}
			}
		}
	}
}

// readPath yields the article (or, for JSON lines, the articles) of one file; false means stop.
func readPath(path string, maxBytes int64, yield func(Article, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Article{Name: path}, fmt.Errorf("%s: %w", path, err))
	}
	defer f.Close()
	var r io.Reader = f
	base := path
	size := int64(0) // what the file holds, when known: the buffer is made that big at once
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	if strings.HasSuffix(base, ".gz") {
		size = gzipSize(f, size)
		zr, err := gzip.NewReader(f)
		if err != nil {
			return yield(Article{Name: path}, fmt.Errorf("%s: not a gzip file: %w", path, err))
		}
		defer zr.Close()
		r = zr
		base = strings.TrimSuffix(base, ".gz")
	}
	if strings.HasSuffix(base, ".jsonl") {
		for a, err := range JSONL(r, path, maxBytes) {
			if !yield(a, err) {
				return false
			}
		}
		return true
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, maxBytes)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(r, maxBytes+1))
	data := buf.Bytes()
	if err != nil {
		return yield(Article{Name: path}, fmt.Errorf("%s: reading: %w", path, err))
	}
	if int64(len(data)) > maxBytes {
		return yield(Article{Name: path}, fmt.Errorf("%s: %w (%d bytes)", path, ErrTooLarge, maxBytes))
	}
	return yield(Article{Name: path, Data: data}, nil)
}

// gzipSize is the size a gzip file says it decompresses to (its last four bytes, modulo 4
// GiB), or 0; the file is left at its start.
func gzipSize(f *os.File, fileSize int64) int64 {
	if fileSize < 18 {
		return 0
	}
	var tail [4]byte
	if _, err := f.ReadAt(tail[:], fileSize-4); err != nil {
		return 0
	}
	return int64(binary.LittleEndian.Uint32(tail[:]))
}

// record is one line of a JSON lines corpus; other fields are ignored.
type record struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// JSONL streams the articles of a JSON lines corpus: one JSON object per line with "text" and
// optionally "title", "published" and "url". Blank lines are skipped; a line that is not such
// an object, or is longer than maxBytes, is yielded as an error and reading goes on.
func JSONL(r io.Reader, name string, maxBytes int64) iter.Seq2[Article, error] {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return func(yield func(Article, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var line []byte
		for n := 1; ; n++ {
			line = line[:0]
			tooLong := false
			var err error
			for {
				var chunk []byte
				chunk, err = br.ReadSlice('\n')
				if !tooLong {
					if int64(len(line)+len(chunk)) > maxBytes+1 {
						tooLong = true
						line = line[:0]
					} else {
						line = append(line, chunk...)
					}
				}
				if err != bufio.ErrBufferFull {
					break
				}
			}
			if err != nil && err != io.EOF {
				yield(Article{Name: name}, fmt.Errorf("%s: reading: %w", name, err))
				return
			}
			at := fmt.Sprintf("%s:%d", name, n)
			switch {
			case tooLong:
				if !yield(Article{Name: at}, fmt.Errorf("%s: %w (%d bytes)", at, ErrTooLarge, maxBytes)) {
					return
				}
			case len(bytes.TrimSpace(line)) > 0:
				a, perr := ParseLine(line)
				a.Name = at
				if perr != nil {
					perr = fmt.Errorf("%s: %w", at, perr)
				}
				if !yield(a, perr) {
					return
				}
			}
			if err == io.EOF {
				return
			}
		}
	}
}

// ParseLine reads one JSON lines record into an article whose Data is a plain-text article:
// the title, a blank line, then the text.
func ParseLine(line []byte) (Article, error) {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return Article{}, fmt.Errorf("not a JSON object with the article's text: %w", err)
	}
	if strings.TrimSpace(rec.Text) == "" {
		return Article{}, errors.New(`the record has no "text"`)
	}
	title := strings.Join(strings.Fields(rec.Title), " ")
	data := make([]byte, 0, len(title)+2+len(rec.Text))
	if title != "" {
		data = append(data, title...)
		data = append(data, "\n\n"...)
	}
	data = append(data, rec.Text...)
	return Article{Data: data, URL: strings.TrimSpace(rec.URL), Published: strings.TrimSpace(rec.Published)}, nil
}
