package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// writeExplain prints a document's events for a person to read: each evidence sentence once,
// the events it holds under it as "date  source —TYPE→ target  (certainty)" lines, then the
// article's dyads (source country → target country) with their counts by type and mean score.
func writeExplain(w io.Writer, doc *model.Document) {
	fmt.Fprintf(w, "# %s\n", oneLine(doc.Title))
	if doc.Published != "" {
		fmt.Fprintf(w, "published %s\n", doc.Published)
	}
	if len(doc.Events) == 0 {
		fmt.Fprintln(w, "\nno events")
		return
	}
	lastSentence := model.Span{Start: -1}
	for i := range doc.Events {
		e := &doc.Events[i]
		if e.Sentence != lastSentence {
			lastSentence = e.Sentence
			fmt.Fprintf(w, "\n%s\n", oneLine(spanText(doc, e.Sentence)))
		}
		typ := e.Type
		if e.Mode != "" {
			typ += "/" + e.Mode
		}
		date := e.Date.Value
		if date == "" {
			date = "undated"
		}
		if e.Date.Text != "" {
			date += " (" + oneLine(e.Date.Text) + ")"
		}
		target := "—"
		if len(e.Target) > 0 {
			target = actorNames(doc, e.Target)
		}
		cert := e.Certainty
		if e.AttributedTo != "" {
			cert += ", according to " + oneLine(e.AttributedTo)
		}
		fmt.Fprintf(w, "  %s  %s  %s  %s  %s  [%s; %+g; %q]\n", e.ID, date, actorNames(doc, e.Source), typ, target, cert, e.Score, oneLine(spanText(doc, e.Trigger)))
	}
	writeDyads(w, doc)
}

// dyad sums the events from one country to another.
type dyad struct {
	src, tgt string
	byType   map[string]int
	n        int
	sum      float64
}

func writeDyads(w io.Writer, doc *model.Document) {
	dyads := map[string]*dyad{}
	var order []string
	for i := range doc.Events {
		e := &doc.Events[i]
		srcs := countriesOf(doc, e.Source)
		tgts := countriesOf(doc, e.Target)
		if len(tgts) == 0 {
			tgts = []string{"—"}
		}
		for _, s := range srcs {
			for _, t := range tgts {
				k := s + "→" + t
				d := dyads[k]
				if d == nil {
					d = &dyad{src: s, tgt: t, byType: map[string]int{}}
					dyads[k] = d
					order = append(order, k)
				}
				d.byType[e.Type]++
				d.n++
				d.sum += e.Score
			}
		}
	}
	if len(order) == 0 {
		return
	}
	slices.Sort(order)
	fmt.Fprintln(w, "\ndyads (source country → target country):")
	for _, k := range order {
		d := dyads[k]
		types := make([]string, 0, len(d.byType))
		for t := range d.byType {
			types = append(types, t)
		}
		slices.Sort(types)
		parts := make([]string, len(types))
		for i, t := range types {
			parts[i] = fmt.Sprintf("%s %d", t, d.byType[t])
		}
		fmt.Fprintf(w, "  %s → %s  %s  mean score %+.1f\n", d.src, d.tgt, strings.Join(parts, ", "), d.sum/float64(d.n))
	}
}

func countriesOf(doc *model.Document, ids []string) []string {
	var out []string
	for _, id := range ids {
		if a := doc.Actor(id); a != nil && a.Country != "" && !slices.Contains(out, a.Country) {
			out = append(out, a.Country)
		}
	}
	return out
}

// actorNames prints actors as "Vladimir Putin (RUS)", joined with " + ".
func actorNames(doc *model.Document, ids []string) string {
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		a := doc.Actor(id)
		if a == nil {
			parts = append(parts, id)
			continue
		}
		name := a.Name
		if a.Country != "" && a.Country != name {
			name += " (" + a.Country + ")"
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, " + ")
}

func spanText(doc *model.Document, s model.Span) string {
	if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
		return ""
	}
	return doc.Text[s.Start:s.End]
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
