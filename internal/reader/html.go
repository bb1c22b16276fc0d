package reader

import "github.com/tidings-news/tidings/internal/model"

// readHTML extracts the article from a web page.
func readHTML(data []byte, opts Options) (*model.Document, error) {
	return readText(string(data), opts)
}
