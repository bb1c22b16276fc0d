package reader

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// readText reads a plain-text article: a title line, an optional header (dateline, byline,
// standfirst), then the body.
func readText(s string, opts Options) (*model.Document, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSpace(s)
	title, body, _ := strings.Cut(s, "\n")
	return &model.Document{Title: strings.TrimSpace(title), Text: strings.TrimSpace(body)}, nil
}
