// Package samples holds a few news articles written for benchmarks and tests: plain-text
// articles of about 4 KB each and a web page around one more. They are fictional and small,
// so benchmarks run quickly and without any outside corpus.
package samples

import (
	"embed"
	"io/fs"
	"path"
	"slices"
)

//go:embed *.txt *.html
var files embed.FS

// Sample is one sample article.
type Sample struct {
	Name string
	Data []byte
}

// Texts returns the plain-text articles, sorted by name.
func Texts() []Sample { return load("*.txt") }

// Pages returns the web pages, sorted by name.
func Pages() []Sample { return load("*.html") }

func load(pattern string) []Sample {
	names, err := fs.Glob(files, pattern)
	if err != nil {
		return nil // the pattern is a constant and valid
	}
	slices.Sort(names)
	out := make([]Sample, 0, len(names))
	for _, n := range names {
		data, err := files.ReadFile(n)
		if err != nil {
			continue
		}
		out = append(out, Sample{Name: path.Base(n), Data: data})
	}
	return out
}
