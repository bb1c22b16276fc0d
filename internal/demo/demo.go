// Package demo holds the sample corpus that `tidings demo` serves: wire-style news articles
// embedded in the binary, with a loader that annotates and stores them.
//
// The articles live in articles/ as plain text (a title line, a dateline or a wire dateline, a
// byline, the body); articles.tsv lists them in order with a fallback publication day.
package demo

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/store"
)

//go:embed articles.tsv articles/*.txt
var corpus embed.FS

// Article is one article of the demo corpus.
type Article struct {
	// Name is the file name under articles/.
	Name string
	// Published is the publication time to use when the article itself gives none.
	Published string
	// Data is the article as plain text.
	Data []byte
}

// ReadingTime is the moment the demo articles are taken to have been read: dates printed
// without a year ("March 5") resolve against it.
func ReadingTime() time.Time { return time.Date(2026, time.April, 1, 0, 0, 0, 0, time.UTC) }

// Articles returns the demo corpus in the order of its index.
func Articles() ([]Article, error) {
	index, err := corpus.ReadFile("articles.tsv")
	if err != nil {
		return nil, fmt.Errorf("reading the demo index: %w", err)
	}
	entries, err := parseIndex(index)
	if err != nil {
		return nil, err
	}
	out := make([]Article, 0, len(entries))
	for _, e := range entries {
		data, err := corpus.ReadFile(path.Join("articles", e.Name))
		if err != nil {
			return nil, fmt.Errorf("reading demo article %s: %w", e.Name, err)
		}
		e.Data = data
		out = append(out, e)
	}
	return out, nil
}

// parseIndex reads articles.tsv: "file<TAB>published" lines, # comments and blank lines.
func parseIndex(data []byte) ([]Article, error) {
	var out []Article
	for n, line := range bytes.Split(data, []byte("\n")) {
		s := strings.TrimSpace(string(line))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		name, published, ok := strings.Cut(s, "\t")
		name, published = strings.TrimSpace(name), strings.TrimSpace(published)
		if !ok || name == "" || published == "" {
			return nil, fmt.Errorf("demo index line %d: want a file name and a publication time separated by a tab", n+1)
		}
		if strings.ContainsAny(name, `/\`) || !strings.HasSuffix(name, ".txt") {
			return nil, fmt.Errorf("demo index line %d: %q is not a .txt file name", n+1, name)
		}
		if _, _, err := model.ParseTime(published); err != nil {
			return nil, fmt.Errorf("demo index line %d: %w", n+1, err)
		}
		out = append(out, Article{Name: name, Published: published})
	}
	return out, nil
}

// Annotator fills a document's annotations; *pipeline.Pipeline is one.
type Annotator interface {
	Annotate(doc *model.Document)
}

// Result counts what Load did.
type Result struct {
	// Added counts articles stored now, Present those the store already held.
	Added, Present int
}

// Load reads, annotates and stores every demo article. Loading twice stores nothing new: the
// store recognises articles it already holds.
func Load(ctx context.Context, st store.Store, ann Annotator) (Result, error) {
	var res Result
	articles, err := Articles()
	if err != nil {
		return res, err
	}
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		doc, err := Read(a)
		if err != nil {
			return res, err
		}
		ann.Annotate(doc)
		_, created, err := st.SaveArticle(ctx, doc)
		if err != nil {
			return res, fmt.Errorf("storing demo article %s: %w", a.Name, err)
		}
		if created {
			res.Added++
		} else {
			res.Present++
		}
	}
	return res, nil
}

// Read turns one demo article into a document, not yet annotated.
func Read(a Article) (*model.Document, error) {
	doc, err := reader.Read(a.Data, reader.Options{Format: reader.FormatText, Now: ReadingTime()})
	if err != nil {
		return nil, fmt.Errorf("reading demo article %s: %w", a.Name, err)
	}
	if doc.Published == "" {
		doc.Published, doc.PublishedSource = a.Published, "demo index"
	}
	doc.Source = "demo/" + a.Name
	return doc, nil
}
