package web

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

func TestHighlight(t *testing.T) {
	text := "Putin “met” Pezeshkian on Friday."
	at := func(phrase string) model.Span {
		i := strings.Index(text, phrase)
		if i < 0 {
			t.Fatalf("%q not in text", phrase)
		}
		return model.Span{Start: i, End: i + len(phrase)}
	}
	tests := []struct {
		name string
		doc  model.Document
		// want lists the segments as "text|class"
		want []string
	}{
		{"plain", model.Document{Text: text}, []string{text + "|"}},
		{"empty", model.Document{}, nil},
		{"actor and time", model.Document{Text: text,
			Actors: []model.Actor{{ID: "a", Name: "Vladimir Putin", Kind: "person", Mentions: []model.Mention{{Span: at("Putin")}}}},
			Times:  []model.Time{{Span: at("Friday"), Type: "DATE", Value: "2026-01-16"}}},
			[]string{"Putin|hl-actor", " “met” Pezeshkian on |", "Friday|hl-time", ".|"}},
		{"trigger inside a quote overlapping an actor", model.Document{Text: text,
			Quotes: []model.Quote{{Span: at("“met” Pezeshkian")}},
			Actors: []model.Actor{{ID: "b", Name: "Masoud Pezeshkian", Mentions: []model.Mention{{Span: at("Pezeshkian")}}}},
			Events: []model.Event{{ID: "e1", Type: "CONSULT", Trigger: at("met")}}},
			[]string{"Putin |", "“|hl-quote", "met|hl-quote hl-event", "” |hl-quote", "Pezeshkian|hl-quote hl-actor", " on Friday.|"}},
		{"reported speech around a quote", model.Document{Text: text,
			Reported: []model.Quote{{Span: at("“met” Pezeshkian on Friday")}},
			Quotes:   []model.Quote{{Span: at("“met”")}}},
			[]string{"Putin |", "“met”|hl-reported hl-quote", " Pezeshkian on Friday|hl-reported", ".|"}},
		{"out-of-range and reversed spans are dropped", model.Document{Text: text,
			Times: []model.Time{{Span: model.Span{Start: -5, End: 2000}}, {Span: model.Span{Start: 9, End: 3}}}},
			[]string{text + "|hl-time"}},
		{"a span splitting a character is widened", model.Document{Text: text,
			Times: []model.Time{{Span: model.Span{Start: 7, End: 8}}}},
			[]string{"Putin |", "“|hl-time", "met” Pezeshkian on Friday.|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Highlight(&tt.doc) {
				got = append(got, s.Text+"|"+s.Class)
			}
			if strings.Join(got, "¶") != strings.Join(tt.want, "¶") {
				t.Errorf("segments\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHighlightTooltipsAndLinks(t *testing.T) {
	doc := &model.Document{Text: "Trump threatened Iran.",
		Actors: []model.Actor{
			{ID: "a1", Name: "Donald Trump", Kind: "person", Country: "USA", Sector: "GOV", Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 5}}}},
			{ID: "a2", Name: "Iran", Kind: "country", Country: "IRN", Mentions: []model.Mention{{Span: model.Span{Start: 17, End: 21}}}},
		},
		Events: []model.Event{{ID: "e7", Type: "THREATEN", Source: []string{"a1"}, Target: []string{"a2"},
			Certainty: "asserted", Date: model.EventDate{Value: "2026-01-16"}, Trigger: model.Span{Start: 6, End: 16}}},
	}
	segs := Highlight(doc)
	if len(segs) != 6 {
		t.Fatalf("got %d segments: %+v", len(segs), segs)
	}
	if segs[0].Title != "Actor: Donald Trump (person, USA, GOV)" {
		t.Errorf("actor tooltip %q", segs[0].Title)
	}
	if segs[2].Href != "#ev-e7" || segs[2].Title != "Event: THREATEN: Donald Trump → Iran, asserted, 2026-01-16" {
		t.Errorf("event segment %+v", segs[2])
	}
}

// TestHighlightFurtherReports checks that every sentence reporting an event marks its trigger
// and links it to the event's one row.
func TestHighlightFurtherReports(t *testing.T) {
	text := "Iran accused Israel. Later Iran accused Israel again."
	at := func(from int, w string) model.Span {
		i := from + strings.Index(text[from:], w)
		return model.Span{Start: i, End: i + len(w)}
	}
	doc := &model.Document{Text: text,
		Events: []model.Event{{ID: "e1", Type: "ACCUSE", Certainty: "asserted", Trigger: at(0, "accused"),
			Mentions: []model.EventMention{{Sentence: at(21, "Later Iran accused Israel again."), Trigger: at(21, "accused")}}}},
	}
	var links []string
	for _, s := range Highlight(doc) {
		if s.Href != "" {
			links = append(links, s.Text+" "+s.Href)
		}
	}
	if want := []string{"accused #ev-e1", "accused #ev-e1"}; !slices.Equal(links, want) {
		t.Errorf("linked segments %q, want %q", links, want)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Putin “met” Pezeshkian.", 0, 5, 6, 13, 3, 40)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Add("ééé", 1, 2, -3, 9, 2, 2)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		doc := &model.Document{Text: text,
			Actors: []model.Actor{{ID: "x", Mentions: []model.Mention{{Span: model.Span{Start: a, End: b}}, {Span: model.Span{Start: e, End: g}}}}},
			Quotes: []model.Quote{{Span: model.Span{Start: c, End: d}}},
			Events: []model.Event{{ID: "e", Trigger: model.Span{Start: b, End: d}, Source: []string{"x", "missing"}}},
			Times:  []model.Time{{Span: model.Span{Start: a, End: g}}},
		}
		var joined strings.Builder
		for _, s := range Highlight(doc) {
			if s.Text == "" {
				t.Fatalf("empty segment %+v", s)
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("segment %q splits a character", s.Text)
			}
			joined.WriteString(s.Text)
		}
		if joined.String() != text {
			t.Fatalf("segments do not add up to the text: %q", joined.String())
		}
	})
}
