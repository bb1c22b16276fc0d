package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// A document with characters of several byte lengths in the text and the lead fields: what
// goes out in code points comes back in bytes as it was.
func TestWireRoundTrip(t *testing.T) {
	text := "Zelenskyy met Erdoğan in Ankara — “a good talk,” he said."
	title := "Erdoğan hosts Zelenskyy"
	standfirst := "Türkiye’s president offered to host talks"
	at := func(s, sub string) Span {
		i := strings.Index(s, sub)
		return Span{Start: i, End: i + len(sub)}
	}
	doc := Document{
		URL: "https://news.example/x", Title: title, Standfirst: standfirst, Text: text,
		Published: "2025-03-14",
		Sentences: []Span{{Start: 0, End: len(text)}},
		Actors: []Actor{{
			ID: "a1", Name: "Recep Tayyip Erdoğan", Kind: "person", Country: "TUR", Sector: "GOV", Role: "President",
			Mentions: []Mention{{Span: at(text, "Erdoğan"), Text: "Erdoğan"}},
			LeadMentions: []Mention{
				{Span: at(title, "Erdoğan"), Text: "Erdoğan", Via: "alias", Field: FieldTitle},
				{Span: at(standfirst, "Türkiye’s president"), Text: "Türkiye’s president", Via: "role", Field: FieldStandfirst},
			},
		}},
		Quotes: []Quote{{Span: at(text, "“a good talk,”"), Text: "a good talk,"}},
		Events: []Event{{ID: "e1", Type: "CONSULT", Source: []string{"a1"}, Target: []string{},
			Sentence: Span{Start: 0, End: len(text)}, Trigger: at(text, "met"),
			Mentions: []EventMention{{Sentence: Span{Start: 0, End: len(text)}, Trigger: at(text, "talk")}}}},
		Times: []Time{},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Actors []struct {
			LeadMentions []struct {
				Start, End  int
				Text, Field string
			} `json:"lead_mentions"`
		} `json:"actors"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	lm := w.Actors[0].LeadMentions
	if len(lm) != 2 {
		t.Fatalf("lead_mentions = %+v, want 2", lm)
	}
	// "Türkiye’s president" starts at code point 0 and is 19 code points long.
	if lm[1].Field != "standfirst" || lm[1].Start != 0 || lm[1].End != 19 {
		t.Errorf("standfirst mention = %+v, want code points [0, 19)", lm[1])
	}
	if lm[0].Field != "title" || lm[0].Start != 0 || lm[0].End != 7 {
		t.Errorf("title mention = %+v, want code points [0, 7)", lm[0])
	}

	var back Document
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Actors, doc.Actors) {
		t.Errorf("actors after the round trip:\n%+v\nwant\n%+v", back.Actors, doc.Actors)
	}
	if !reflect.DeepEqual(back.Events, doc.Events) {
		t.Errorf("events after the round trip:\n%+v\nwant\n%+v", back.Events, doc.Events)
	}
	if !strings.Contains(string(data), `"mentions":[{"sentence":{"start":0,"end":57},"trigger":{"start":42,"end":46},"evidence":`) {
		t.Errorf("event mentions not written in code points: %s", data)
	}
	if back.Quotes[0].Span != doc.Quotes[0].Span {
		t.Errorf("quote span %v, want %v", back.Quotes[0].Span, doc.Quotes[0].Span)
	}
}

// A lead mention naming a field the contract does not have is not written.
func TestWireUnknownLeadField(t *testing.T) {
	doc := Document{Text: "x", Actors: []Actor{{ID: "a1", Name: "X", Kind: "person",
		LeadMentions: []Mention{{Span: Span{0, 1}, Text: "X", Field: "byline"}}}}}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "lead_mentions") {
		t.Errorf("lead mention of an unknown field written: %s", data)
	}
}

// A time of the header or the dateline goes out in the times list with its field and offsets
// in code points of that field, and comes back into FieldTimes.
func TestWireFieldTimes(t *testing.T) {
	doc := Document{Text: "Talks ended.", Header: "16 janv. 2026 19:54", Dateline: "MOSCOW, Jan. 16 (Reuters) —",
		FieldTimes: []Time{
			{Span: Span{Start: 0, End: len("16 janv. 2026 19:54")}, Text: "16 janv. 2026 19:54", Type: "TIME", Value: "2026-01-16T19:54", Field: FieldHeader},
			{Span: Span{Start: 8, End: 15}, Text: "Jan. 16", Type: "DATE", Value: "2026-01-16", Field: FieldDateline},
		}}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Header string `json:"header"`
		Times  []struct {
			Start, End  int
			Text, Field string
		} `json:"times"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	if w.Header != doc.Header || len(w.Times) != 2 || w.Times[0].Field != "header" || w.Times[1].Field != "dateline" || w.Times[1].Start != 8 {
		t.Errorf("wire form %s", data)
	}
	var back Document
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Times) != 0 || !reflect.DeepEqual(back.FieldTimes, doc.FieldTimes) {
		t.Errorf("after the round trip: times %+v, field times %+v", back.Times, back.FieldTimes)
	}
}
