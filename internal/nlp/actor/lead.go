package actor

import (
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// The title and the standfirst are read in a second, small pass: the opening of the text (so
// that "The Russian leader" in a standfirst finds the Putin the first paragraph names)
// followed by the two fields. Their mentions are tied to the actors of the first pass, never
// the other way round: what the lead alone names is left out, and nothing in it changes what
// the text's own reading found.

// leadContext is how much of the opening of the text, in bytes, the lead pass reads before
// the lead: whole sentences up to at least this much.
const leadContext = 600

// leadField is where one lead field sits in the text the lead pass reads.
type leadField struct {
	name       string
	start, end int
}

// withLead returns the document the lead pass reads, the opening of doc's text followed by the
// title and the standfirst, each a paragraph of its own, and where they are in it; nil when
// doc has neither.
func withLead(doc *model.Document) (*model.Document, []leadField) {
	if strings.TrimSpace(doc.Title) == "" && strings.TrimSpace(doc.Standfirst) == "" {
		return nil, nil
	}
	work := &model.Document{Published: doc.Published, Now: doc.Now}
	end := 0
	for _, s := range doc.Sentences {
		if end >= leadContext {
			break
		}
		work.Sentences = append(work.Sentences, s)
		end = s.End
	}
	end = min(end, len(doc.Text))
	for _, t := range doc.Times {
		if t.End <= end {
			work.Times = append(work.Times, t)
		}
	}
	var b strings.Builder
	b.Grow(end + len(doc.Title) + len(doc.Standfirst) + 4)
	b.WriteString(doc.Text[:end])
	var lead []leadField
	for _, f := range [...]struct{ name, text string }{
		{model.FieldTitle, doc.Title}, {model.FieldStandfirst, doc.Standfirst},
	} {
		if strings.TrimSpace(f.text) == "" || strings.Contains(f.text, "\n") {
			continue
		}
		b.WriteString("\n\n")
		lead = append(lead, leadField{name: f.name, start: b.Len(), end: b.Len() + len(f.text)})
		b.WriteString(f.text)
	}
	if lead == nil {
		return nil, nil
	}
	work.Text = b.String()
	return work, lead
}

// attachLead adds to the actors of the text the lead mentions found by the lead pass. A
// lead-pass actor is the text's actor that has one of its mentions in the opening both passes
// read; one the opening does not mention is matched by name.
func attachLead(actors, found []model.Actor, lead []leadField) {
	bySpan := map[model.Span]int{}
	for i := range actors {
		for _, m := range actors[i].Mentions {
			if m.Start >= lead[0].start {
				break
			}
			bySpan[m.Span] = i
		}
	}
	for _, f := range found {
		target := -1
		for _, m := range f.Mentions {
			if m.Start >= lead[0].start {
				break
			}
			if i, ok := bySpan[m.Span]; ok {
				target = i
				break
			}
		}
		if target < 0 {
			target = sameActor(actors, &f)
		}
		if target < 0 {
			continue
		}
		for _, m := range f.Mentions {
			// A pronoun in a headline or a dek seldom refers to the opening's actors.
			if m.Via == viaPronoun {
				continue
			}
			if lm, ok := leadMention(lead, m); ok {
				actors[target].LeadMentions = append(actors[target].LeadMentions, lm)
			}
		}
	}
	for i := range actors {
		slices.SortFunc(actors[i].LeadMentions, func(a, b model.Mention) int {
			if a.Field != b.Field {
				return strings.Compare(b.Field, a.Field) // title before standfirst
			}
			return a.Start - b.Start
		})
	}
}

// sameActor is the index of the one actor of the text that f names, by kind and name: the
// same name, or for a person, a name the text's person's name ends with ("Trump" for "Donald
// Trump"); -1 when none or more than one.
func sameActor(actors []model.Actor, f *model.Actor) int {
	found := -1
	for i := range actors {
		a := &actors[i]
		if a.Kind != f.Kind {
			continue
		}
		same := strings.EqualFold(a.Name, f.Name) ||
			a.Kind == "person" && strings.HasSuffix(strings.ToLower(a.Name), " "+strings.ToLower(f.Name))
		if !same {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// leadMention turns a mention in a lead field of the lead pass's text into one with offsets
// into that field; false for a mention outside the fields.
func leadMention(lead []leadField, m model.Mention) (model.Mention, bool) {
	for _, f := range lead {
		if m.Start >= f.start && m.End <= f.end {
			m.Span = model.Span{Start: m.Start - f.start, End: m.End - f.start}
			m.Field = f.name
			if m.Via == "" {
				m.Via = viaName
			}
			return m, true
		}
	}
	return model.Mention{}, false
}
