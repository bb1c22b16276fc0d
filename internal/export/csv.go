package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tidings-news/tidings/internal/store"
)

// Columns are the CSV header, in order; docs/export.md gives each its meaning and dtype.
var Columns = []string{
	"id", "day", "date", "date_text",
	"source_name", "source_country", "source_sector",
	"target_name", "target_country", "target_sector",
	"type", "mode", "score", "certainty", "attributed_to", "trigger",
	"article_id", "article_url", "article_title", "published",
	"sentence", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
	"group_id", "mentions", "reports",
}

// listSep joins the several actors of one side in a cell.
const listSep = "; "

type csvWriter struct {
	w   *csv.Writer
	row []string
}

func newCSV(w io.Writer) (*csvWriter, error) {
	c := &csvWriter{w: csv.NewWriter(w), row: make([]string, len(Columns))}
	if err := c.w.Write(Columns); err != nil {
		return nil, fmt.Errorf("writing the CSV header: %w", err)
	}
	return c, nil
}

func (c *csvWriter) Write(it store.ExportItem) error {
	doc := it.Doc
	r := runes{doc.Text}
	for _, e := range it.Events {
		src, tgt := partyOf(doc, e.Source), partyOf(doc, e.Target)
		ss, se := r.span(e.Sentence)
		ts, te := r.span(e.Trigger)
		text := []string{
			recordID(doc, e), eventDay(doc, e), e.Date.Value, e.Date.Text,
			strings.Join(src.names, listSep), strings.Join(src.countries, listSep), strings.Join(src.sectors, listSep),
			strings.Join(tgt.names, listSep), strings.Join(tgt.countries, listSep), strings.Join(tgt.sectors, listSep),
			e.Type, e.Mode,
		}
		for i, v := range text {
			c.row[i] = Cell(v)
		}
		c.row[12] = strconv.FormatFloat(e.Score, 'f', -1, 64)
		text = []string{e.Certainty, e.AttributedTo, r.slice(e.Trigger), doc.ID, doc.URL, doc.Title, doc.Published,
			oneLine(r.slice(e.Sentence))}
		for i, v := range text {
			c.row[13+i] = Cell(v)
		}
		for i, n := range []int{ss, se, ts, te} {
			c.row[21+i] = strconv.Itoa(n)
		}
		g := groupOf(it, e)
		c.row[25] = Cell(g.ID)
		c.row[26] = strconv.Itoa(g.Mentions)
		c.row[27] = strconv.Itoa(e.Reports())
		if err := c.w.Write(c.row); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
	}
	return nil
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// Cell makes a text cell safe to open in a spreadsheet: a cell that starts with = + - @, a
// tab or a carriage return would be read as a formula, so it gets a leading apostrophe, which
// spreadsheets show as text (the OWASP advice on CSV injection). Numeric columns are written
// by the exporter itself and are not passed through Cell.
func Cell(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

// oneLine folds the line breaks of a sentence into spaces, so that every row is one line
// for tools that read CSV line by line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
