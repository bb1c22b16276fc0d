package model

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// The wire form of a Document: the extractor's contract, with offsets in code points.

type wireDoc struct {
	ID              string      `json:"id,omitempty"`
	URL             string      `json:"url"`
	Source          string      `json:"source,omitempty"`
	Title           string      `json:"title"`
	Standfirst      string      `json:"standfirst"`
	Byline          string      `json:"byline"`
	Published       string      `json:"published"`
	PublishedSource string      `json:"published_source"`
	Updated         string      `json:"updated"`
	UpdatedSource   string      `json:"updated_source"`
	Now             string      `json:"now,omitempty"`
	Dateline        string      `json:"dateline"`
	Header          string      `json:"header,omitempty"`
	Text            string      `json:"text"`
	Sentences       []Span      `json:"sentences"`
	Actors          []wireActor `json:"actors"`
	Events          []wireEvent `json:"events"`
	Quotes          []wireQuote `json:"quotes"`
	Reported        []wireQuote `json:"reported_speech"`
	Times           []wireTime  `json:"times"`
	// Tokens is read back when a document has the opt-in view (see WithTokens); Document's
	// MarshalJSON leaves it empty and so out.
	Tokens [][]wireToken `json:"tokens,omitempty"`
}

type wireActor struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Kind     string        `json:"kind"`
	Country  *string       `json:"country"`
	Sector   string        `json:"sector"`
	Role     string        `json:"role"`
	Mentions []wireMention `json:"mentions"`
	// LeadMentions are mentions in the title and standfirst, offsets into those fields.
	LeadMentions []wireMention `json:"lead_mentions,omitempty"`
}

type wireMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Via   string `json:"via,omitempty"`
	Field string `json:"field,omitempty"`
}

type wireEvent struct {
	ID           string   `json:"id"`
	Type         string   `json:"type"`
	Mode         string   `json:"mode"`
	Source       []string `json:"source"`
	Target       []string `json:"target"`
	Date         wireDate `json:"date"`
	Certainty    string   `json:"certainty"`
	AttributedTo string   `json:"attributed_to"`
	Sentence     Span     `json:"sentence"`
	Trigger      Span     `json:"trigger"`
	Evidence     string   `json:"evidence"`
	TriggerText  string   `json:"trigger_text"`
	Score        float64  `json:"score"`
	// Mentions is absent when the event is reported once.
	Mentions []wireEventMention `json:"mentions,omitempty"`
}

type wireEventMention struct {
	Sentence    Span   `json:"sentence"`
	Trigger     Span   `json:"trigger"`
	Evidence    string `json:"evidence"`
	TriggerText string `json:"trigger_text"`
}

type wireDate struct {
	Value *string `json:"value"`
	Text  string  `json:"text"`
}

type wireQuote struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Speaker     *string `json:"speaker"`
	SpeakerName string  `json:"speaker_name"`
	Cue         string  `json:"cue"`
	Kind        string  `json:"kind"`
	SpeakerSpan *Span   `json:"speaker_span,omitempty"`
	CueSpan     *Span   `json:"cue_span,omitempty"`
}

type wireTime struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Type  string  `json:"type"`
	Value *string `json:"value"`
	Mod   *string `json:"mod"`
	// Field names the field a time outside the text is in, its offsets counted in that field.
	Field string `json:"field,omitempty"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// offsets converts byte offsets of one text to code-point offsets and back.
type offsets struct {
	text string
	// runeAt[i] is the number of code points before byte i, for i in [0, len(text)].
	runeAt []int32
	// byteAt[r] is the byte offset of code point r, for r in [0, runes].
	byteAt []int32
	ascii  bool
}

func newOffsets(text string) *offsets {
	o := &offsets{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			o.ascii = false
			break
		}
	}
	if o.ascii {
		return o
	}
	o.byteAt = make([]int32, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		o.byteAt = append(o.byteAt, int32(i))
	}
	o.byteAt = append(o.byteAt, int32(len(text)))
	// a byte inside a multi-byte character counts as that character
	o.runeAt = make([]int32, len(text)+1)
	for r := 0; r+1 < len(o.byteAt); r++ {
		for b := o.byteAt[r]; b < o.byteAt[r+1]; b++ {
			o.runeAt[b] = int32(r)
		}
	}
	o.runeAt[len(text)] = int32(len(o.byteAt) - 1)
	return o
}

func (o *offsets) toRune(b int) int {
	if o.ascii {
		return clamp(b, len(o.text))
	}
	return int(o.runeAt[clamp(b, len(o.text))])
}

func (o *offsets) toByte(r int) int {
	if o.ascii {
		return clamp(r, len(o.text))
	}
	return int(o.byteAt[clamp(r, len(o.byteAt)-1)])
}

func clamp(x, hi int) int {
	if x < 0 {
		return 0
	}
	if x > hi {
		return hi
	}
	return x
}

func (o *offsets) spanOut(s Span) Span { return Span{o.toRune(s.Start), o.toRune(s.End)} }
func (o *offsets) spanIn(s Span) Span  { return Span{o.toByte(s.Start), o.toByte(s.End)} }

func (o *offsets) slice(s Span) string {
	s.Start, s.End = clamp(s.Start, len(o.text)), clamp(s.End, len(o.text))
	if s.End < s.Start {
		return ""
	}
	return o.text[s.Start:s.End]
}

// MarshalJSON writes the document in the contract's form, offsets in code points.
func (d Document) MarshalJSON() ([]byte, error) {
	o := newOffsets(d.Text)
	return json.Marshal(d.wire(o))
}

// wire is the document in the contract's form, without the tokens view.
func (d *Document) wire(o *offsets) wireDoc {
	w := wireDoc{
		ID: d.ID, URL: d.URL, Source: d.Source,
		Title: d.Title, Standfirst: d.Standfirst, Byline: d.Byline,
		Published: d.Published, PublishedSource: d.PublishedSource,
		Updated: d.Updated, UpdatedSource: d.UpdatedSource,
		Now: d.Now, Dateline: d.Dateline, Header: d.Header, Text: d.Text,
		Sentences: make([]Span, 0, len(d.Sentences)),
		Actors:    make([]wireActor, 0, len(d.Actors)),
		Events:    make([]wireEvent, 0, len(d.Events)),
		Quotes:    make([]wireQuote, 0, len(d.Quotes)),
		Reported:  make([]wireQuote, 0, len(d.Reported)),
		Times:     make([]wireTime, 0, len(d.Times)+len(d.FieldTimes)),
	}
	for _, s := range d.Sentences {
		w.Sentences = append(w.Sentences, o.spanOut(s))
	}
	lead := newFieldOffsets(d.Title, d.Standfirst, d.Header, d.Dateline)
	for _, a := range d.Actors {
		wa := wireActor{ID: a.ID, Name: a.Name, Kind: a.Kind, Country: nullable(a.Country),
			Sector: a.Sector, Role: a.Role, Mentions: make([]wireMention, 0, len(a.Mentions))}
		for _, m := range a.Mentions {
			s := o.spanOut(m.Span)
			wa.Mentions = append(wa.Mentions, wireMention{Start: s.Start, End: s.End, Text: m.Text, Via: m.Via})
		}
		for _, m := range a.LeadMentions {
			fo := lead.of(m.Field)
			if fo == nil {
				continue
			}
			s := fo.spanOut(m.Span)
			wa.LeadMentions = append(wa.LeadMentions, wireMention{Start: s.Start, End: s.End, Text: m.Text, Via: m.Via, Field: m.Field})
		}
		w.Actors = append(w.Actors, wa)
	}
	for _, e := range d.Events {
		src, tgt := e.Source, e.Target
		if src == nil {
			src = []string{}
		}
		if tgt == nil {
			tgt = []string{}
		}
		we := wireEvent{
			ID: e.ID, Type: e.Type, Mode: e.Mode, Source: src, Target: tgt,
			Date:      wireDate{Value: nullable(e.Date.Value), Text: e.Date.Text},
			Certainty: e.Certainty, AttributedTo: e.AttributedTo,
			Sentence: o.spanOut(e.Sentence), Trigger: o.spanOut(e.Trigger),
			Evidence: o.slice(e.Sentence), TriggerText: o.slice(e.Trigger),
			Score: e.Score,
		}
		for _, m := range e.Mentions {
			we.Mentions = append(we.Mentions, wireEventMention{
				Sentence: o.spanOut(m.Sentence), Trigger: o.spanOut(m.Trigger),
				Evidence: o.slice(m.Sentence), TriggerText: o.slice(m.Trigger),
			})
		}
		w.Events = append(w.Events, we)
	}
	w.Quotes = appendWireQuotes(w.Quotes, d.Quotes, o)
	w.Reported = appendWireQuotes(w.Reported, d.Reported, o)
	for _, t := range d.Times {
		s := o.spanOut(t.Span)
		w.Times = append(w.Times, wireTime{Text: t.Text, Start: s.Start, End: s.End, Type: t.Type,
			Value: nullable(t.Value), Mod: nullable(t.Mod)})
	}
	for _, t := range d.FieldTimes {
		fo := lead.of(t.Field)
		if fo == nil {
			continue
		}
		s := fo.spanOut(t.Span)
		w.Times = append(w.Times, wireTime{Text: t.Text, Start: s.Start, End: s.End, Type: t.Type,
			Value: nullable(t.Value), Mod: nullable(t.Mod), Field: t.Field})
	}
	return w
}

// UnmarshalJSON reads a document in the contract's form, converting offsets back to bytes.
func (d *Document) UnmarshalJSON(data []byte) error {
	var w wireDoc
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("reading article document: %w", err)
	}
	o := newOffsets(w.Text)
	*d = Document{
		ID: w.ID, URL: w.URL, Source: w.Source,
		Title: w.Title, Standfirst: w.Standfirst, Byline: w.Byline,
		Published: w.Published, PublishedSource: w.PublishedSource,
		Updated: w.Updated, UpdatedSource: w.UpdatedSource,
		Now: w.Now, Dateline: w.Dateline, Header: w.Header, Text: w.Text,
	}
	for _, s := range w.Sentences {
		d.Sentences = append(d.Sentences, o.spanIn(s))
	}
	lead := newFieldOffsets(w.Title, w.Standfirst, w.Header, w.Dateline)
	for _, a := range w.Actors {
		na := Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Country: deref(a.Country), Sector: a.Sector, Role: a.Role}
		for _, m := range a.Mentions {
			na.Mentions = append(na.Mentions, Mention{Span: o.spanIn(Span{m.Start, m.End}), Text: m.Text, Via: m.Via})
		}
		for _, m := range a.LeadMentions {
			if fo := lead.of(m.Field); fo != nil {
				na.LeadMentions = append(na.LeadMentions, Mention{Span: fo.spanIn(Span{m.Start, m.End}), Text: m.Text, Via: m.Via, Field: m.Field})
			}
		}
		d.Actors = append(d.Actors, na)
	}
	for _, e := range w.Events {
		ne := Event{
			ID: e.ID, Type: e.Type, Mode: e.Mode, Source: e.Source, Target: e.Target,
			Date:      EventDate{Value: deref(e.Date.Value), Text: e.Date.Text},
			Certainty: e.Certainty, AttributedTo: e.AttributedTo,
			Sentence: o.spanIn(e.Sentence), Trigger: o.spanIn(e.Trigger), Score: e.Score,
		}
		for _, m := range e.Mentions {
			ne.Mentions = append(ne.Mentions, EventMention{Sentence: o.spanIn(m.Sentence), Trigger: o.spanIn(m.Trigger)})
		}
		d.Events = append(d.Events, ne)
	}
	d.Quotes = readWireQuotes(w.Quotes, o)
	d.Reported = readWireQuotes(w.Reported, o)
	d.Tokens = readWireTokens(w.Tokens, o)
	for _, t := range w.Times {
		if t.Field != "" {
			if fo := lead.of(t.Field); fo != nil {
				d.FieldTimes = append(d.FieldTimes, Time{Span: fo.spanIn(Span{t.Start, t.End}), Text: t.Text, Type: t.Type,
					Value: deref(t.Value), Mod: deref(t.Mod), Field: t.Field})
			}
			continue
		}
		d.Times = append(d.Times, Time{Span: o.spanIn(Span{t.Start, t.End}), Text: t.Text, Type: t.Type,
			Value: deref(t.Value), Mod: deref(t.Mod)})
	}
	return nil
}

func appendWireQuotes(out []wireQuote, qs []Quote, o *offsets) []wireQuote {
	for _, q := range qs {
		s := o.spanOut(q.Span)
		wq := wireQuote{Text: q.Text, Start: s.Start, End: s.End, Speaker: nullable(q.Speaker),
			SpeakerName: q.SpeakerName, Cue: q.Cue, Kind: q.Kind}
		if q.SpeakerSpan.End > 0 {
			sp := o.spanOut(q.SpeakerSpan)
			wq.SpeakerSpan = &sp
		}
		if q.CueSpan.End > 0 {
			cs := o.spanOut(q.CueSpan)
			wq.CueSpan = &cs
		}
		out = append(out, wq)
	}
	return out
}

func readWireQuotes(ws []wireQuote, o *offsets) []Quote {
	var out []Quote
	for _, q := range ws {
		nq := Quote{Span: o.spanIn(Span{q.Start, q.End}), Text: q.Text, Speaker: deref(q.Speaker),
			SpeakerName: q.SpeakerName, Cue: q.Cue, Kind: q.Kind}
		if q.SpeakerSpan != nil {
			nq.SpeakerSpan = o.spanIn(*q.SpeakerSpan)
		}
		if q.CueSpan != nil {
			nq.CueSpan = o.spanIn(*q.CueSpan)
		}
		out = append(out, nq)
	}
	return out
}

// fieldNames are the fields, other than the text, that mentions and times point into.
var fieldNames = [...]string{FieldTitle, FieldStandfirst, FieldHeader, FieldDateline}

// fieldOffsets converts offsets into the fields other than the text, each made the first
// time a mention or a time in it needs it.
type fieldOffsets struct {
	texts [len(fieldNames)]string
	offs  [len(fieldNames)]*offsets
}

func newFieldOffsets(title, standfirst, header, dateline string) fieldOffsets {
	return fieldOffsets{texts: [...]string{title, standfirst, header, dateline}}
}

// of returns the offsets of the named field; nil for a field it does not know.
func (f *fieldOffsets) of(field string) *offsets {
	for i, name := range fieldNames {
		if name == field {
			if f.offs[i] == nil {
				f.offs[i] = newOffsets(f.texts[i])
			}
			return f.offs[i]
		}
	}
	return nil
}
