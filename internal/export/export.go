// Package export writes stored events for other tools: CSV with one row per event (for
// spreadsheets, pandas, R, Stata, BigQuery), JSON Lines of whole documents (the contract's
// JSON), and PLOVER JSON records, one per line. The columns and fields are documented in
// docs/export.md.
//
// Offsets in every format count Unicode code points into the article's text, as the
// contract's JSON does.
package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// Formats.
const (
	CSV    = "csv"
	JSONL  = "jsonl"
	PLOVER = "plover"
)

// Formats lists the formats a Writer can write.
var formats = []string{CSV, JSONL, PLOVER}

// Writer writes exported articles in one format.
type Writer interface {
	// Write writes the item: one row or record per event of it, or its document.
	Write(store.ExportItem) error
	// Close writes what is buffered; it does not close the underlying writer.
	Close() error
}

// New returns a Writer of format (csv, jsonl or plover) to w.
func New(w io.Writer, format string) (Writer, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case CSV:
		return newCSV(w)
	case JSONL:
		return newJSONL(w), nil
	case PLOVER:
		return newPlover(w), nil
	}
	return nil, fmt.Errorf("export format %q: want one of %s", format, strings.Join(formats, ", "))
}

// ContentType is the media type of format, for HTTP answers.
func ContentType(format string) string {
	if strings.EqualFold(format, CSV) {
		return "text/csv; charset=utf-8"
	}
	return "application/x-ndjson; charset=utf-8"
}

// Extension is the file name extension of format.
func Extension(format string) string {
	if strings.EqualFold(format, CSV) {
		return ".csv"
	}
	return ".jsonl"
}

// runes converts byte offsets into doc.Text to code points, for offsets given in
// increasing or any order.
type runes struct{ text string }

func (r runes) at(b int) int {
	b = max(0, min(b, len(r.text)))
	return utf8.RuneCountInString(r.text[:b])
}

func (r runes) span(s model.Span) (int, int) { return r.at(s.Start), r.at(s.End) }

// slice returns the text of s, or "" when s lies outside the text.
func (r runes) slice(s model.Span) string {
	if s.Start < 0 || s.End > len(r.text) || s.Start >= s.End {
		return ""
	}
	return r.text[s.Start:s.End]
}

// party is one side of an event: its actors' names, countries and sectors, countries and
// sectors listed once each.
type party struct {
	actors    []*model.Actor
	names     []string
	countries []string
	sectors   []string
}

func partyOf(doc *model.Document, ids []string) party {
	var p party
	for _, id := range ids {
		a := doc.Actor(id)
		if a == nil {
			continue
		}
		p.actors = append(p.actors, a)
		p.names = append(p.names, a.Name)
		p.countries = appendOnce(p.countries, a.Country)
		p.sectors = appendOnce(p.sectors, a.Sector)
	}
	return p
}

func appendOnce(list []string, v string) []string {
	if v != "" && !slices.Contains(list, v) {
		list = append(list, v)
	}
	return list
}

// eventDay is the first day of the event's date, else the publication day, else "".
func eventDay(doc *model.Document, e model.Event) string {
	if d := store.Day(e.Date.Value); d != "" {
		return d
	}
	return store.PublishedDay(doc.Published)
}

// recordID names an event uniquely across the store: the article's id and the event's.
func recordID(doc *model.Document, e model.Event) string { return doc.ID + "-" + e.ID }

// groupOf returns the cross-article group of event e of the item; an event the item gives no
// group for is a group of its own, with no id.
func groupOf(it store.ExportItem, e model.Event) store.EventGroup {
	if g, ok := it.Groups[e.ID]; ok && g.Mentions > 0 {
		return g
	}
	return store.EventGroup{Mentions: 1}
}
