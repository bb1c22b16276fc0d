package web

import (
	"net/url"

	"github.com/tidings-news/tidings/internal/export"
)

// exportLink is a download of a page's events in one format.
type exportLink struct {
	Format string
	URL    string
}

// exportLinks returns the /api/export downloads, one per format, of the filters given as
// name, value pairs; empty values are left out.
func exportLinks(kv ...string) []exportLink {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	var out []exportLink
	for _, f := range []string{export.CSV, export.PLOVER, export.JSONL} {
		q.Set("format", f)
		out = append(out, exportLink{Format: f, URL: "/api/export?" + q.Encode()})
	}
	return out
}
