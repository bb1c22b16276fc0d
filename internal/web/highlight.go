package web

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Kinds of highlight, in the order their classes are listed.
const (
	hlReported = iota
	hlQuote
	hlActor
	hlTime
	hlEvent
	hlKinds
)

// hlClass is the CSS class of a kind of highlight.
func hlClass(kind int) string {
	switch kind {
	case hlReported:
		return "hl-reported"
	case hlQuote:
		return "hl-quote"
	case hlActor:
		return "hl-actor"
	case hlTime:
		return "hl-time"
	default:
		return "hl-event"
	}
}

// maxHighlights bounds the annotations drawn on one page, so a hostile document cannot make
// the page unbounded work.
const maxHighlights = 20000

// Segment is a run of article text with the same highlights.
type Segment struct {
	Text string
	// Class lists the highlight classes ("hl-actor hl-event"); empty for plain text.
	Class string
	// Title is the tooltip: one line per highlight.
	Title string
	// Href links an event trigger to its row in the event list.
	Href string

	start, end int
}

// mark is one highlighted span.
type mark struct {
	start, end int
	kind       int
	label      string
	href       string
}

// snapSpan clamps s to text and moves its ends to rune boundaries; ok is false when nothing
// is left.
func snapSpan(text string, s model.Span) (start, end int, ok bool) {
	start, end = max(0, s.Start), min(len(text), s.End)
	if start >= end {
		return 0, 0, false
	}
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end, true
}

// marks lists every highlight of doc: reported speech, quotes, actor mentions, times and
// event triggers.
func marks(doc *model.Document) []mark {
	n := len(doc.Reported) + len(doc.Quotes) + len(doc.Times) + len(doc.Events)
	for _, e := range doc.Events {
		n += len(e.Mentions)
	}
	for _, a := range doc.Actors {
		n += len(a.Mentions)
	}
	out := make([]mark, 0, min(n, maxHighlights))
	add := func(sp model.Span, kind int, label, href string) {
		if len(out) >= maxHighlights {
			return
		}
		if s, e, ok := snapSpan(doc.Text, sp); ok {
			out = append(out, mark{s, e, kind, label, href})
		}
	}
	for _, q := range doc.Reported {
		add(q.Span, hlReported, "Reported speech: "+speaker(&q), "")
	}
	for _, q := range doc.Quotes {
		add(q.Span, hlQuote, "Quote: "+speaker(&q), "")
	}
	for _, a := range doc.Actors {
		label := "Actor: " + actorLabel(&a)
		for _, m := range a.Mentions {
			add(m.Span, hlActor, label, "")
		}
	}
	for _, t := range doc.Times {
		v := t.Value
		if v == "" {
			v = "unknown value"
		}
		add(t.Span, hlTime, fmt.Sprintf("Time: %s (%s)", v, strings.ToLower(t.Type)), "")
	}
	for _, e := range doc.Events {
		add(e.Trigger, hlEvent, "Event: "+eventLabel(doc, &e), "#ev-"+e.ID)
		for _, m := range e.Mentions {
			add(m.Trigger, hlEvent, "Event, reported again: "+eventLabel(doc, &e), "#ev-"+e.ID)
		}
	}
	return out
}

// speaker names who said a quotation.
func speaker(q *model.Quote) string {
	if q.SpeakerName == "" {
		return "unknown speaker"
	}
	return q.SpeakerName
}

// actorLabel describes an actor for a tooltip: "Vladimir Putin (person, RUS, GOV)".
func actorLabel(a *model.Actor) string {
	parts := []string{a.Kind}
	if a.Country != "" {
		parts = append(parts, a.Country)
	}
	if a.Sector != "" {
		parts = append(parts, a.Sector)
	}
	return a.Name + " (" + strings.Join(parts, ", ") + ")"
}

// eventLabel describes an event for a tooltip: "THREATEN: USA → IRN, reported, 2026-01-16".
func eventLabel(doc *model.Document, e *model.Event) string {
	var b strings.Builder
	b.WriteString(e.Type)
	if e.Mode != "" {
		b.WriteString("/" + e.Mode)
	}
	b.WriteString(": " + actorNames(doc, e.Source) + " → " + actorNames(doc, e.Target))
	b.WriteString(", " + e.Certainty)
	if e.Date.Value != "" {
		b.WriteString(", " + e.Date.Value)
	}
	return b.String()
}

// actorNames names the actors with the given ids, "?" for none.
func actorNames(doc *model.Document, ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if a := doc.Actor(id); a != nil {
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 {
		return "?"
	}
	return strings.Join(names, ", ")
}

// Highlight cuts doc.Text into segments so that each carries the highlights covering it.
// Overlapping and nested spans are fine: a segment inside a quote and a mention gets both
// classes. Spans out of range or splitting a character are clamped or widened.
func Highlight(doc *model.Document) []Segment {
	return segments(doc.Text, marks(doc))
}

// HighlightLead cuts the title or the standfirst (field is model.FieldTitle or
// model.FieldStandfirst) into segments that carry the actors' lead mentions.
func HighlightLead(doc *model.Document, field string) []Segment {
	text := doc.Title
	if field == model.FieldStandfirst {
		text = doc.Standfirst
	}
	var ms []mark
	for _, a := range doc.Actors {
		label := "Actor: " + actorLabel(&a)
		for _, m := range a.LeadMentions {
			if m.Field != field || len(ms) >= maxHighlights {
				continue
			}
			if s, e, ok := snapSpan(text, m.Span); ok {
				ms = append(ms, mark{s, e, hlActor, label, ""})
			}
		}
	}
	return segments(text, ms)
}

// segments cuts text at the ends of the marks.
func segments(text string, ms []mark) []Segment {
	if len(ms) == 0 {
		if text == "" {
			return nil
		}
		return []Segment{{Text: text}}
	}
	cuts := make([]int, 0, 2*len(ms)+2)
	cuts = append(cuts, 0, len(text))
	for _, m := range ms {
		cuts = append(cuts, m.start, m.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	slices.SortStableFunc(ms, func(a, b mark) int { return cmp.Compare(a.start, b.start) })

	var (
		out    = make([]Segment, 0, len(cuts))
		active []mark
		next   int // next mark to open
	)
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		active = slices.DeleteFunc(active, func(m mark) bool { return m.end <= lo })
		for next < len(ms) && ms[next].start <= lo {
			if ms[next].end > lo {
				active = append(active, ms[next])
			}
			next++
		}
		seg := Segment{start: lo, end: hi}
		if len(active) > 0 {
			var has [hlKinds]bool
			titles := make([]string, 0, len(active))
			for _, m := range active {
				has[m.kind] = true
				if !slices.Contains(titles, m.label) {
					titles = append(titles, m.label)
				}
				if m.href != "" && seg.Href == "" {
					seg.Href = m.href
				}
			}
			var cls []string
			for k, ok := range has {
				if ok {
					cls = append(cls, hlClass(k))
				}
			}
			seg.Class, seg.Title = strings.Join(cls, " "), strings.Join(titles, "\n")
		}
		if n := len(out); n > 0 && out[n-1].Class == seg.Class && out[n-1].Title == seg.Title && out[n-1].Href == seg.Href {
			out[n-1].end = hi
			continue
		}
		out = append(out, seg)
	}
	for i := range out {
		out[i].Text = text[out[i].start:out[i].end]
	}
	return out
}
