package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// jsonLines writes one JSON value a line.
type jsonLines struct {
	b   *bufio.Writer
	enc *json.Encoder
}

func newLines(w io.Writer) jsonLines {
	b := bufio.NewWriter(w)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return jsonLines{b: b, enc: enc}
}

func (l jsonLines) put(v any) error {
	if err := l.enc.Encode(v); err != nil {
		return fmt.Errorf("writing JSON Lines: %w", err)
	}
	return nil
}

func (l jsonLines) Close() error {
	if err := l.b.Flush(); err != nil {
		return fmt.Errorf("writing JSON Lines: %w", err)
	}
	return nil
}

// documents writes each article's whole document, as `tidings extract` prints it plus its
// stored id.
type documents struct{ jsonLines }

func newJSONL(w io.Writer) *documents { return &documents{newLines(w)} }

func (d *documents) Write(it store.ExportItem) error { return d.put(it.Doc) }

// plover writes one PLOVER record per event.
type plover struct{ jsonLines }

func newPlover(w io.Writer) *plover { return &plover{newLines(w)} }

// Record is an event as a PLOVER JSON record (the field names of chapter 6 of the PLOVER
// manual). Fields PLOVER leaves to the provider (certainty, attributed_to) are named after
// tidings' own.
type Record struct {
	ID         string   `json:"id"`
	HasEvent   bool     `json:"has_event"`
	Date       string   `json:"date"`
	Actor      []Entity `json:"actor"`
	Recipient  []Entity `json:"recipient"`
	Event      []string `json:"event"`
	Mode       []string `json:"mode"`
	EventText  []string `json:"event_text"`
	EventScale float64  `json:"event_scale"`
	Text       string   `json:"text"`
	TextInfo   TextInfo `json:"text_info"`
	CiteInfo   CiteInfo `json:"cite_info"`
	Coder      string   `json:"coder"`
	Certainty  string   `json:"certainty"`
	Attributed string   `json:"attributed_to,omitempty"`
	DateValue  string   `json:"date_value,omitempty"`
}

// Entity is one actor or recipient.
type Entity struct {
	// Code is the country code; Sector the PLOVER sector.
	Code   string `json:"code,omitempty"`
	Sector string `json:"sector,omitempty"`
	// EntityText is how the text first names the actor, IdentifierText its resolved name.
	EntityText     string `json:"entity_text,omitempty"`
	IdentifierText string `json:"identifier_text"`
	Office         string `json:"office,omitempty"`
}

// TextInfo places the evidence sentence in the article.
type TextInfo struct {
	// Sequence is the sentence's index in the article (0-based).
	Sequence int `json:"sequence"`
	// Start and End are code points into the article's text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// CiteInfo says which article the event was coded from.
type CiteInfo struct {
	Corpus   string `json:"corpus"`
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
	Title    string `json:"title,omitempty"`
	// Published is the article's publication stamp.
	Published string `json:"published,omitempty"`
}

// RecordOf returns the PLOVER record of event e of doc.
func RecordOf(doc *model.Document, e model.Event) Record {
	r := runes{doc.Text}
	start, end := r.span(e.Sentence)
	rec := Record{
		ID: recordID(doc, e), HasEvent: true, Date: eventDay(doc, e),
		Actor: entities(doc, e.Source), Recipient: entities(doc, e.Target),
		Event: []string{e.Type}, Mode: []string{}, EventText: []string{},
		EventScale: e.Score,
		Text:       oneLine(r.slice(e.Sentence)),
		TextInfo:   TextInfo{Sequence: doc.SentenceAt(e.Sentence.Start), Start: start, End: end},
		CiteInfo:   CiteInfo{Corpus: "tidings", Citation: doc.ID, URL: doc.URL, Title: doc.Title, Published: doc.Published},
		Coder:      "tidings",
		Certainty:  e.Certainty, Attributed: e.AttributedTo, DateValue: e.Date.Value,
	}
	if e.Mode != "" {
		rec.Mode = append(rec.Mode, e.Mode)
	}
	if t := r.slice(e.Trigger); t != "" {
		rec.EventText = append(rec.EventText, t)
	}
	return rec
}

func entities(doc *model.Document, ids []string) []Entity {
	out := []Entity{}
	for _, a := range partyOf(doc, ids).actors {
		en := Entity{Code: a.Country, Sector: a.Sector, IdentifierText: a.Name, Office: a.Role}
		if len(a.Mentions) > 0 {
			en.EntityText = strings.TrimSpace(a.Mentions[0].Text)
		}
		out = append(out, en)
	}
	return out
}

func (p *plover) Write(it store.ExportItem) error {
	for _, e := range it.Events {
		if err := p.put(RecordOf(it.Doc, e)); err != nil {
			return err
		}
	}
	return nil
}
