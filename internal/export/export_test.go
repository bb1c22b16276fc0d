package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Iran", "Iran"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"a=b", "a=b"},
		{" =x", " =x"},
	}
	for _, tc := range tests {
		if got := Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzCell(f *testing.F) {
	for _, s := range []string{"", "=1+1", "plain", "-", "@", "\t", "'=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Cell(s)
		if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
			t.Fatalf("Cell(%q) = %q starts a formula", s, got)
		}
		if got != s && got != "'"+s {
			t.Fatalf("Cell(%q) = %q changes more than a leading apostrophe", s, got)
		}
		// a written and read row keeps the cell
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		if err := w.Write([]string{got, "x"}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		rec, err := csv.NewReader(&b).Read()
		if err == nil && rec[0] != got && !strings.Contains(got, "\r") {
			t.Fatalf("cell %q read back as %q", got, rec[0])
		}
	})
}

// sample is an article with non-ASCII text before its event, so byte and code point
// offsets differ, and a title that would be a formula.
func sample() store.ExportItem {
	text := "Über alles. Iran accused the United States of a plot."
	at := func(w string) model.Span {
		i := strings.Index(text, w)
		return model.Span{Start: i, End: i + len(w)}
	}
	doc := &model.Document{ID: "abc", URL: "https://example.org/a", Title: "=cmd|' /C calc'!A0",
		Published: "2026-01-16T10:00", Text: text,
		Sentences: []model.Span{at("Über alles."), at("Iran accused the United States of a plot.")},
		Actors: []model.Actor{
			{ID: "a1", Name: "Iran", Kind: model.KindCountry, Country: "IRN", Sector: "GOV",
				Mentions: []model.Mention{{Span: at("Iran"), Text: "Iran"}}},
			{ID: "a2", Name: "United States", Kind: model.KindCountry, Country: "USA",
				Mentions: []model.Mention{{Span: at("United States"), Text: "United States"}}},
		},
		Events: []model.Event{{ID: "e1", Type: "ACCUSE", Mode: "allege", Source: []string{"a1"}, Target: []string{"a2"},
			Date: model.EventDate{Value: "2026-W03"}, Certainty: "asserted", Score: -2.5,
			Sentence: at("Iran accused the United States of a plot."), Trigger: at("accused")}},
	}
	return store.ExportItem{Doc: doc, Events: doc.Events,
		Groups: map[string]store.EventGroup{"e1": {ID: "9f2c4a1b7d3e5f60", Mentions: 3}}}
}

func write(t *testing.T, format string, items ...store.ExportItem) string {
	t.Helper()
	var b bytes.Buffer
	w, err := New(&b, format)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if err := w.Write(it); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(strings.NewReader(write(t, CSV, sample()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want header and one row", len(recs))
	}
	row := map[string]string{}
	for i, c := range recs[0] {
		row[c] = recs[1][i]
	}
	want := map[string]string{
		"id": "abc-e1", "day": "2026-01-12", "date": "2026-W03", "source_name": "Iran", "source_country": "IRN",
		"source_sector": "GOV", "target_name": "United States", "target_country": "USA", "target_sector": "",
		"type": "ACCUSE", "mode": "allege", "score": "-2.5", "certainty": "asserted", "trigger": "accused",
		"article_title": "'=cmd|' /C calc'!A0", "sentence": "Iran accused the United States of a plot.",
		"sentence_start": "12", "sentence_end": "53", "trigger_start": "17", "trigger_end": "24",
		"group_id": "9f2c4a1b7d3e5f60", "mentions": "3",
	}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
}

// TestReports checks that an event reported by several sentences of its article says how many
// in every export, and one reported once says one.
func TestReports(t *testing.T) {
	for _, further := range []int{0, 2} {
		it := sample()
		for i := 0; i < further; i++ {
			e := &it.Doc.Events[0]
			e.Mentions = append(e.Mentions, model.EventMention{Sentence: e.Sentence, Trigger: e.Trigger})
		}
		it.Events = it.Doc.Events
		want := 1 + further
		recs, err := csv.NewReader(strings.NewReader(write(t, CSV, it))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if got := recs[1][len(recs[1])-1]; got != strconv.Itoa(want) {
			t.Errorf("%d further mentions: CSV reports = %q, want %d", further, got, want)
		}
		var rec Record
		if err := json.Unmarshal([]byte(write(t, PLOVER, it)), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Reports != want {
			t.Errorf("%d further mentions: PLOVER reports = %d, want %d", further, rec.Reports, want)
		}
	}
}

// TestGroupColumns checks the group columns come last, after the columns exports had before
// them, and what an event with no known group gets.
func TestGroupColumns(t *testing.T) {
	if n := len(Columns); n < 4 || Columns[n-3] != "group_id" || Columns[n-2] != "mentions" || Columns[n-1] != "reports" || Columns[n-4] != "trigger_end" {
		t.Errorf("columns end %q, want trigger_end, group_id, mentions, reports", Columns[max(0, len(Columns)-4):])
	}
	tests := []struct {
		name   string
		groups map[string]store.EventGroup
		want   store.EventGroup
	}{
		{"known", map[string]store.EventGroup{"e1": {ID: "g", Mentions: 2}}, store.EventGroup{ID: "g", Mentions: 2}},
		{"none", nil, store.EventGroup{Mentions: 1}},
		{"another event's", map[string]store.EventGroup{"e2": {ID: "g", Mentions: 2}}, store.EventGroup{Mentions: 1}},
	}
	for _, tc := range tests {
		it := sample()
		it.Groups = tc.groups
		recs, err := csv.NewReader(strings.NewReader(write(t, CSV, it))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		row := recs[1]
		if got := []string{row[len(row)-3], row[len(row)-2]}; got[0] != tc.want.ID || got[1] != strconv.Itoa(tc.want.Mentions) {
			t.Errorf("%s: CSV group_id, mentions = %q, want %q, %d", tc.name, got, tc.want.ID, tc.want.Mentions)
		}
		var rec Record
		if err := json.Unmarshal([]byte(write(t, PLOVER, it)), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.GroupID != tc.want.ID || rec.Mentions != tc.want.Mentions {
			t.Errorf("%s: PLOVER group_id, mentions = %q, %d, want %q, %d", tc.name, rec.GroupID, rec.Mentions, tc.want.ID, tc.want.Mentions)
		}
		var line struct {
			Groups []Group `json:"event_groups"`
		}
		if err := json.Unmarshal([]byte(write(t, JSONL, it)), &line); err != nil {
			t.Fatal(err)
		}
		if want := []Group{{Event: "e1", GroupID: tc.want.ID, Mentions: tc.want.Mentions}}; !slices.Equal(line.Groups, want) {
			t.Errorf("%s: JSON Lines event_groups = %+v, want %+v", tc.name, line.Groups, want)
		}
	}
}

func TestPlover(t *testing.T) {
	var rec map[string]any
	if err := json.Unmarshal([]byte(write(t, PLOVER, sample())), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "date", "actor", "recipient", "event"} { // the manual's required fields
		if _, ok := rec[k]; !ok {
			t.Errorf("no %q in %v", k, rec)
		}
	}
	got, _ := json.Marshal([]any{rec["id"], rec["date"], rec["event"], rec["mode"], rec["event_scale"], rec["actor"], rec["text_info"]})
	want := `["abc-e1","2026-01-12",["ACCUSE"],["allege"],-2.5,[{"code":"IRN","entity_text":"Iran","identifier_text":"Iran","sector":"GOV"}],{"end":53,"sequence":1,"start":12}]`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestJSONL(t *testing.T) {
	out := write(t, JSONL, sample(), sample())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	var doc model.Document
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID != "abc" || len(doc.Events) != 1 || doc.Events[0].Trigger != sample().Doc.Events[0].Trigger {
		t.Errorf("document did not survive: %+v", doc)
	}
	// the document's own members come first, as extract prints them, event_groups last
	var plain bytes.Buffer
	enc := json.NewEncoder(&plain)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sample().Doc); err != nil {
		t.Fatal(err)
	}
	head := strings.TrimSuffix(strings.TrimSpace(plain.String()), "}")
	if want := head + `,"event_groups":[{"event":"e1","group_id":"9f2c4a1b7d3e5f60","mentions":3}]}`; lines[0] != want {
		t.Errorf("line\n%s\nwant\n%s", lines[0], want)
	}
}

func TestJSONLEmptyDocument(t *testing.T) {
	out := write(t, JSONL, store.ExportItem{Doc: &model.Document{}})
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	if g, ok := v["event_groups"].([]any); !ok || len(g) != 0 {
		t.Errorf("event_groups = %v, want []", v["event_groups"])
	}
}

func TestNewRefusesUnknownFormat(t *testing.T) {
	if _, err := New(&bytes.Buffer{}, "xlsx"); err == nil || !strings.Contains(err.Error(), "csv, jsonl, plover") {
		t.Errorf("New(xlsx): %v", err)
	}
}
