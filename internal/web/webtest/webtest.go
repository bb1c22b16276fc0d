// Package webtest builds annotated documents for the tests of the API and the pages: the
// annotations are written by hand against a fixed text, so the tests do not depend on how
// well the annotators do.
package webtest

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

//go:embed testdata/seed-like.txt
var seedText string

// Builder annotates a text by naming phrases rather than offsets.
type Builder struct {
	Doc *model.Document
	err error
}

// NewBuilder starts a document with the given metadata and text.
func NewBuilder(title, published, text string) *Builder {
	return &Builder{Doc: &model.Document{Title: title, Published: published, Text: text}}
}

// Err is the first phrase that was not found.
func (b *Builder) Err() error { return b.err }

// find returns the span of the nth (0-based) occurrence of phrase.
func (b *Builder) find(phrase string, nth int) model.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(b.Doc.Text[off:], phrase)
		if j < 0 {
			if b.err == nil {
				b.err = fmt.Errorf("phrase %q (occurrence %d) is not in the text", phrase, nth)
			}
			return model.Span{}
		}
		if i == nth {
			return model.Span{Start: off + j, End: off + j + len(phrase)}
		}
		off += j + len(phrase)
	}
}

// sentenceOf returns the sentence around span s: from the previous sentence end or blank line
// to the next full stop.
func (b *Builder) sentenceOf(s model.Span) model.Span {
	t := b.Doc.Text
	start := strings.LastIndex(t[:s.Start], "\n\n")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	if i := strings.LastIndex(t[start:s.Start], ". "); i >= 0 {
		start += i + 2
	}
	end := strings.IndexAny(t[s.End:], ".\n")
	if end < 0 {
		end = len(t)
	} else {
		end = s.End + end + 1
	}
	return model.Span{Start: start, End: end}
}

// Actor adds an actor with a mention at each listed phrase (each its first occurrence unless
// given as "phrase#n").
func (b *Builder) Actor(id, name, kind, country, sector string, phrases ...string) *Builder {
	a := model.Actor{ID: id, Name: name, Kind: kind, Country: country, Sector: sector}
	for _, p := range phrases {
		sp := b.find(splitNth(p))
		a.Mentions = append(a.Mentions, model.Mention{Span: sp, Text: p})
	}
	b.Doc.Actors = append(b.Doc.Actors, a)
	return b
}

// Lead adds to actor id a mention in the title or the standfirst (field) at the phrase's
// first occurrence there.
func (b *Builder) Lead(id, field, phrase string) *Builder {
	text := b.Doc.Title
	if field == model.FieldStandfirst {
		text = b.Doc.Standfirst
	}
	i := strings.Index(text, phrase)
	if i < 0 {
		if b.err == nil {
			b.err = fmt.Errorf("%q is not in the %s", phrase, field)
		}
		return b
	}
	for k := range b.Doc.Actors {
		if b.Doc.Actors[k].ID == id {
			b.Doc.Actors[k].LeadMentions = append(b.Doc.Actors[k].LeadMentions,
				model.Mention{Span: model.Span{Start: i, End: i + len(phrase)}, Text: phrase, Field: field})
		}
	}
	return b
}

// Event adds an event whose trigger is the phrase and whose sentence is the trigger's.
func (b *Builder) Event(id, typ, trigger string, source, target []string, date, certainty string, score float64) *Builder {
	sp := b.find(splitNth(trigger))
	b.Doc.Events = append(b.Doc.Events, model.Event{ID: id, Type: typ, Source: source, Target: target,
		Date: model.EventDate{Value: date}, Certainty: certainty, Sentence: b.sentenceOf(sp), Trigger: sp, Score: score})
	return b
}

// Quote adds a direct quotation: the phrase is the quoted words.
func (b *Builder) Quote(phrase, speaker, speakerName, cue string) *Builder {
	sp := b.find(splitNth(phrase))
	b.Doc.Quotes = append(b.Doc.Quotes, model.Quote{Span: sp, Text: phrase, Speaker: speaker,
		SpeakerName: speakerName, Cue: cue, Kind: "direct"})
	return b
}

// Reported adds a piece of indirect speech: the phrase is the reported content.
func (b *Builder) Reported(phrase, speaker, speakerName, cue string) *Builder {
	sp := b.find(splitNth(phrase))
	b.Doc.Reported = append(b.Doc.Reported, model.Quote{Span: sp, Text: phrase, Speaker: speaker,
		SpeakerName: speakerName, Cue: cue, Kind: "indirect"})
	return b
}

// Time adds a time expression.
func (b *Builder) Time(phrase, typ, value string) *Builder {
	sp := b.find(splitNth(phrase))
	b.Doc.Times = append(b.Doc.Times, model.Time{Span: sp, Text: phrase, Type: typ, Value: value})
	return b
}

// Build returns the document and the first phrase that was not found, if any.
func (b *Builder) Build() (*model.Document, error) {
	return b.Doc, b.err
}

func splitNth(p string) (string, int) {
	if i := strings.LastIndex(p, "#"); i > 0 {
		n := 0
		if _, err := fmt.Sscanf(p[i+1:], "%d", &n); err == nil {
			return p[:i], n
		}
	}
	return p, 0
}

// SeedDoc is an article in the style of the seed: Putin and Pezeshkian talk, Zakharova
// condemns interference, Trump threatens Iran (a USA → IRN event), Iran rejects the threat.
func SeedDoc() (*model.Document, error) {
	b := NewBuilder("Putin talks to Iranian president", "2026-01-16T19:54", strings.TrimSpace(seedText))
	b.Doc.Byline = "Staff reporter"
	b.Doc.Header = "16 Jan, 2026 19:54"
	b.Doc.FieldTimes = []model.Time{{Span: model.Span{Start: 0, End: 18}, Text: "16 Jan, 2026 19:54", Type: "TIME", Value: "2026-01-16T19:54", Field: model.FieldHeader}}
	b.Doc.Standfirst = "The Russian leader has phoned Masoud Pezeshkian amid mass protests"
	b.Actor("a1", "Vladimir Putin", model.KindPerson, "RUS", "GOV", "Vladimir Putin", "Vladimir Putin#1").
		Actor("a2", "Masoud Pezeshkian", model.KindPerson, "IRN", "GOV", "Masoud Pezeshkian", "Pezeshkian#1").
		Actor("a3", "Maria Zakharova", model.KindPerson, "RUS", "GOV", "Maria Zakharova").
		Actor("a4", "Donald Trump", model.KindPerson, "USA", "GOV", "Donald Trump").
		Actor("a5", "Iran", model.KindCountry, "IRN", "", "Iran’s", "Iran#1", "Tehran", "Iran’s#1").
		Actor("a6", "Russia", model.KindCountry, "RUS", "", "Moscow", "the Kremlin").
		Lead("a1", model.FieldTitle, "Putin").
		Lead("a1", model.FieldStandfirst, "The Russian leader").
		Lead("a2", model.FieldStandfirst, "Masoud Pezeshkian").
		Event("e1", "CONSULT", "held a phone call", []string{"a1"}, []string{"a2"}, "2026-01-16", model.CertaintyAsserted, 1).
		Event("e2", "ACCUSE", "condemns", []string{"a3"}, nil, "2026-01-16", model.CertaintyAsserted, -2).
		Event("e3", "THREATEN", "threatened", []string{"a4"}, []string{"a5"}, "2026-01-16", model.CertaintyAsserted, -4.4).
		Event("e4", "REJECT", "rejected", []string{"a5"}, []string{"a4"}, "2026-01-17", model.CertaintyReported, -4).
		Quote("briefed Vladimir Putin on the government’s efforts to normalize the situation.", "a6", "the Kremlin", "").
		Quote("resolutely condemns foreign interference", "a3", "Maria Zakharova", "said").
		Quote("looking at some very strong options", "a4", "Donald Trump", "saying").
		Reported("Moscow “resolutely condemns foreign interference” in Iran’s affairs", "a3", "Maria Zakharova", "said").
		Time("Friday", "DATE", "2026-01-16").
		Time("Saturday", "DATE", "2026-01-17")
	return b.Build()
}

// HostileText is an article body that tries to inject markup and script.
const HostileText = `Officials said <script>alert("pwned")</script> was found in a report on Monday.

A second paragraph with <img src=x onerror=alert(1)> and "quotes" & ampersands, plus </textarea><b>bold</b> and javascript:alert(2).`

// HostileDoc is an article whose title and text carry markup, with an event on the script
// tag, so the pages must escape text inside highlights as well as plain text.
func HostileDoc() (*model.Document, error) {
	b := NewBuilder(`<script>alert("title")</script> Hostile article`, "2026-02-01", HostileText)
	b.Actor("x1", `Officials <b>`, model.KindGroup, "", "GOV", "Officials").
		Lead("x1", model.FieldTitle, `alert("title")`).
		Event("x2", "ACCUSE", `<script>alert("pwned")</script>`, []string{"x1"}, nil, "2026-02-01", model.CertaintyAsserted, -2).
		Time("Monday", "DATE", "2026-01-26")
	return b.Build()
}
