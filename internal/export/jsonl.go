package export

import (
	"bufio"
	"bytes"
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
// stored id, followed by the cross-article group of each of its events.
type documents struct {
	jsonLines
	// doc holds one document's JSON while its groups are added
	doc    bytes.Buffer
	docEnc *json.Encoder
}

func newJSONL(w io.Writer) *documents {
	d := &documents{jsonLines: newLines(w)}
	d.docEnc = json.NewEncoder(&d.doc)
	d.docEnc.SetEscapeHTML(false)
	return d
}

// Group is the cross-article group of one event of a JSON Lines document.
type Group struct {
	// Event is the event's id in its document.
	Event    string `json:"event"`
	GroupID  string `json:"group_id,omitempty"`
	Mentions int    `json:"mentions"`
}

func (d *documents) Write(it store.ExportItem) error {
	d.doc.Reset()
	if err := d.docEnc.Encode(it.Doc); err != nil {
		return fmt.Errorf("writing JSON Lines: article %q: %w", it.Doc.ID, err)
	}
	b := bytes.TrimRight(d.doc.Bytes(), " \n")
	if len(b) < 2 || b[len(b)-1] != '}' {
		return fmt.Errorf("writing JSON Lines: article %q is not a JSON object", it.Doc.ID)
	}
	groups := make([]Group, len(it.Doc.Events))
	for i, e := range it.Doc.Events {
		g := groupOf(it, e)
		groups[i] = Group{Event: e.ID, GroupID: g.ID, Mentions: g.Mentions}
	}
	// the document's members, then event_groups
	d.b.Write(b[:len(b)-1])
	if len(bytes.TrimSpace(b[1:len(b)-1])) > 0 {
		d.b.WriteByte(',')
	}
	d.b.WriteString(`"event_groups":`)
	d.doc.Reset()
	if err := d.docEnc.Encode(groups); err != nil {
		return fmt.Errorf("writing JSON Lines: article %q: %w", it.Doc.ID, err)
	}
	d.b.Write(bytes.TrimRight(d.doc.Bytes(), "\n"))
	// a failed write sticks to the bufio.Writer: the last one reports it
	if _, err := d.b.WriteString("}\n"); err != nil {
		return fmt.Errorf("writing JSON Lines: %w", err)
	}
	return nil
}

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
	// GroupID, Mentions and Reports are the CSV group_id, mentions and reports.
	GroupID  string `json:"group_id,omitempty"`
	Mentions int    `json:"mentions"`
	Reports  int    `json:"reports"`
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

// RecordOf returns the PLOVER record of event e of doc, in the cross-article group g.
func RecordOf(doc *model.Document, e model.Event, g store.EventGroup) Record {
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
		GroupID: g.ID, Mentions: g.Mentions, Reports: e.Reports(),
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
		if err := p.put(RecordOf(it.Doc, e, groupOf(it, e))); err != nil {
			return err
		}
	}
	return nil
}
