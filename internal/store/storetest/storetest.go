// Package storetest is the conformance suite every store.Store must pass. A backend's test
// calls Run with a function that opens an empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// Opener returns an empty store; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs every conformance test against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Dedup", testDedup},
		{"Rejects", testRejects},
		{"Articles", testArticles},
		{"Events", testEvents},
		{"Dyads", testDyads},
		{"Actors", testActors},
		{"Quotes", testQuotes},
		{"Graph", testGraph},
		{"Reprocess", testReprocess},
		{"FeedState", testFeedState},
		{"Concurrent", testConcurrent},
		{"Lookup", testLookup},
		{"Batch", testBatch},
		{"Export", testExport}, {"ExportPages", testExportPages},
		{"Consolidate", testConsolidate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
		})
	}
}

// builder makes a document whose spans are found by the words they cover.
type builder struct {
	t   *testing.T
	doc *model.Document
}

func newDoc(t *testing.T, url, title, published, text string) *builder {
	t.Helper()
	doc := &model.Document{URL: url, Source: url, Title: title, Published: published, Text: text}
	// one sentence per line-free period: enough for evidence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' {
			doc.Sentences = append(doc.Sentences, model.Span{Start: start, End: i + 1})
			start = i + 1
			for start < len(text) && text[start] == ' ' {
				start++
			}
		}
	}
	return &builder{t: t, doc: doc}
}

func (b *builder) span(words string) model.Span {
	b.t.Helper()
	i := strings.Index(b.doc.Text, words)
	if i < 0 {
		b.t.Fatalf("fixture: %q is not in the text", words)
	}
	return model.Span{Start: i, End: i + len(words)}
}

func (b *builder) actor(id, name, kind, country string, mentions ...string) *builder {
	a := model.Actor{ID: id, Name: name, Kind: kind, Country: country, Sector: "GOV"}
	for _, m := range mentions {
		a.Mentions = append(a.Mentions, model.Mention{Span: b.span(m), Text: m})
	}
	b.doc.Actors = append(b.doc.Actors, a)
	return b
}

func (b *builder) event(id, typ string, src, tgt []string, date, certainty, trigger string, score float64) *builder {
	tr := b.span(trigger)
	sent := tr
	if i := b.doc.SentenceAt(tr.Start); i >= 0 {
		sent = b.doc.Sentences[i]
	}
	b.doc.Events = append(b.doc.Events, model.Event{ID: id, Type: typ, Source: src, Target: tgt,
		Date: model.EventDate{Value: date}, Certainty: certainty, Sentence: sent, Trigger: tr, Score: score})
	return b
}

// mention adds a further report of the last event, by the words of its trigger.
func (b *builder) mention(trigger string) *builder {
	e := &b.doc.Events[len(b.doc.Events)-1]
	tr := b.span(trigger)
	sent := tr
	if i := b.doc.SentenceAt(tr.Start); i >= 0 {
		sent = b.doc.Sentences[i]
	}
	e.Mentions = append(e.Mentions, model.EventMention{Sentence: sent, Trigger: tr})
	return b
}

func (b *builder) quote(text, speaker, speakerName string) *builder {
	b.doc.Quotes = append(b.doc.Quotes, model.Quote{Span: b.span(text), Text: text, Speaker: speaker,
		SpeakerName: speakerName, Cue: "said", Kind: "direct"})
	return b
}

// fixtures are three articles: two about Iran and the United States, one about France.
func fixtures(t *testing.T) []*model.Document {
	a := newDoc(t, "https://news.example/world/iran-talks?utm_source=feed", "Washington and Tehran talk",
		"2026-01-16T09:00",
		"The United States met Iran in Oman on Friday. Washington accused Tehran of stalling. "+
			"\"We want a deal,\" said Marco Rubio. Oman hosted the talks.").
		actor("a1", "United States", model.KindCountry, "USA", "The United States", "Washington").
		actor("a2", "Iran", model.KindCountry, "IRN", "Iran", "Tehran").
		actor("a3", "Marco Rubio", model.KindPerson, "USA", "Marco Rubio").
		actor("a4", "Oman", model.KindCountry, "OMN", "Oman").
		event("e1", "CONSULT", []string{"a1"}, []string{"a2"}, "2026-01-16", model.CertaintyAsserted, "met", 4).
		event("e2", "ACCUSE", []string{"a1"}, []string{"a2"}, "2026-01-16", model.CertaintyAsserted, "accused", -2).
		event("e3", "COOPERATE", []string{"a4"}, []string{"a1", "a2"}, "", model.CertaintyAsserted, "hosted", 3).
		mention("the talks").
		quote("We want a deal,", "a3", "Marco Rubio")
	b := newDoc(t, "https://other.example/iran-sanctions", "New sanctions on Iran",
		"2026-01-20T12:30",
		"The United States imposed sanctions on Iran last week. Iran condemned the sanctions. "+
			"\"This is economic war,\" the Iranian foreign ministry said.").
		actor("a1", "United States", model.KindCountry, "USA", "The United States").
		actor("a2", "Iran", model.KindCountry, "IRN", "Iran", "Iran").
		actor("a3", "Iranian foreign ministry", model.KindOrganization, "IRN", "the Iranian foreign ministry").
		event("e1", "COERCE", []string{"a1"}, []string{"a2"}, "2026-W03", model.CertaintyAsserted, "imposed sanctions", -6).
		event("e2", "REJECT", []string{"a2"}, []string{"a1"}, "2026-01-20", model.CertaintyReported, "condemned", -4).
		quote("This is economic war,", "a3", "the Iranian foreign ministry")
	c := newDoc(t, "", "Paris marathon", "2025-12-01",
		"Thousands ran in Paris. The French government praised the runners. Émilie Durand won the race.").
		actor("a1", "France", model.KindCountry, "FRA", "The French government").
		actor("a2", "Émilie Durand", model.KindPerson, "FRA", "Émilie Durand")
	c.doc.Source = "testdata/paris.txt"
	return []*model.Document{a.doc, b.doc, c.doc}
}

func save(t *testing.T, s store.Store, docs ...*model.Document) []string {
	t.Helper()
	ids := make([]string, len(docs))
	for i, d := range docs {
		id, created, err := s.SaveArticle(context.Background(), d)
		if err != nil {
			t.Fatalf("SaveArticle(%q): %v", d.Title, err)
		}
		if !created {
			t.Fatalf("SaveArticle(%q): created = false on an empty store", d.Title)
		}
		if id == "" || d.ID != id {
			t.Fatalf("SaveArticle(%q): id %q, doc.ID %q", d.Title, id, d.ID)
		}
		ids[i] = id
	}
	return ids
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := fixtures(t)
	ids := save(t, s, docs...)
	for i, id := range ids {
		got, err := s.Article(ctx, id)
		if err != nil {
			t.Fatalf("Article(%q): %v", id, err)
		}
		if !reflect.DeepEqual(got, docs[i]) {
			t.Errorf("Article(%q) differs from what was saved:\n got %+v\nwant %+v", id, got, docs[i])
		}
	}
	if _, err := s.Article(ctx, "nosuchid"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(nosuchid): err = %v, want ErrNotFound", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Stats{Articles: 3, Stories: 3, Events: 5, Mentions: 5, Actors: 7, Quotes: 2}
	if st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

func testDedup(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := fixtures(t)
	ids := save(t, s, docs...)
	tests := []struct {
		name   string
		change func(d *model.Document)
		want   int // index of the article it duplicates
	}{
		{"same document", func(d *model.Document) {}, 0},
		{"same URL, other tracking and text", func(d *model.Document) {
			d.URL = "HTTPS://News.Example:443/world/iran-talks/?utm_medium=x#top"
			d.Text = "An updated version of the story."
		}, 0},
		{"same text, other URL, spacing and case", func(d *model.Document) {
			d.URL = "https://mirror.example/copy"
			d.Text = "  the united states   met Iran in Oman on Friday.\n\nWashington accused Tehran of stalling. " +
				"\"We want a deal,\" said Marco Rubio. Oman hosted the talks. "
		}, 0},
		{"file article read again", func(d *model.Document) {
			*d = *fixtures(t)[2]
		}, 2},
	}
	for _, tc := range tests {
		d := *fixtures(t)[0]
		tc.change(&d)
		id, created, err := s.SaveArticle(ctx, &d)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if created || id != ids[tc.want] {
			t.Errorf("%s: got (%q, created=%v), want (%q, false)", tc.name, id, created, ids[tc.want])
		}
	}
	// a different article on the same site is not a duplicate; its events, the same as the
	// first article's (type, actors, day), are three more mentions of the same five events
	d := *fixtures(t)[0]
	d.URL = "https://news.example/world/iran-talks-2"
	d.Text = "A different story altogether."
	if _, created, err := s.SaveArticle(ctx, &d); err != nil || !created {
		t.Errorf("new article: created=%v err=%v, want created", created, err)
	}
	if st, _ := s.Stats(ctx); st.Articles != 4 || st.Stories != 4 || st.Events != 5 || st.Mentions != 8 {
		t.Errorf("after duplicates: %+v, want 4 articles and stories, 5 events in 8 mentions", st)
	}
}

func testRejects(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, d := range []*model.Document{nil, {Title: "empty"}, {Title: "blank", Text: " \n\t "}} {
		if _, _, err := s.SaveArticle(ctx, d); err == nil {
			t.Errorf("SaveArticle(%+v) stored an article with no text", d)
		}
	}
	// odd input is stored and read back intact
	odd := &model.Document{Title: "odd \x00 title", Text: "Bad UTF-8 \xff\xfe; emoji 🎉; RTL שלום; NUL \x00.",
		Published: "not a date"}
	id, _, err := s.SaveArticle(ctx, odd)
	if err != nil {
		t.Fatalf("odd article: %v", err)
	}
	if _, err := s.Article(ctx, id); err != nil {
		t.Errorf("odd article read back: %v", err)
	}
	if err := s.ReplaceAnnotations(ctx, &model.Document{ID: "nosuchid", Text: "x"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ReplaceAnnotations(nosuchid): %v, want ErrNotFound", err)
	}
	// queries with operators and odd characters do not fail
	for _, q := range []string{`"`, `AND OR NOT`, `iran*`, `(`, `title:iran`, `%_\`, "\x00", strings.Repeat("a ", 500)} {
		if _, _, err := s.Articles(ctx, store.ArticleQuery{Text: q, Actor: q}); err != nil {
			t.Errorf("Articles(%q): %v", q, err)
		}
		if _, _, err := s.Quotes(ctx, store.QuoteQuery{Speaker: q, Text: q}); err != nil {
			t.Errorf("Quotes(%q): %v", q, err)
		}
		if _, _, err := s.Actors(ctx, store.ActorQuery{Name: q}); err != nil {
			t.Errorf("Actors(%q): %v", q, err)
		}
	}
	if _, err := s.Dyads(ctx, store.DyadQuery{Interval: "fortnight"}); err == nil {
		t.Error("Dyads accepted interval fortnight")
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func titles(as []store.ArticleSummary) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}

func testArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, fixtures(t)...)
	tests := []struct {
		name  string
		q     store.ArticleQuery
		want  []string
		total int
	}{
		{"all, newest first", store.ArticleQuery{},
			[]string{"New sanctions on Iran", "Washington and Tehran talk", "Paris marathon"}, 3},
		{"full text", store.ArticleQuery{Text: "sanctions"}, []string{"New sanctions on Iran"}, 1},
		{"full text, all words", store.ArticleQuery{Text: "Oman stalling"}, []string{"Washington and Tehran talk"}, 1},
		{"full text, no match", store.ArticleQuery{Text: "Oman sanctions"}, []string{}, 0},
		{"full text, accents folded", store.ArticleQuery{Text: "emilie"}, []string{"Paris marathon"}, 1},
		{"actor name", store.ArticleQuery{Actor: "marco rubio"}, []string{"Washington and Tehran talk"}, 1},
		{"actor country", store.ArticleQuery{Actor: "irn"},
			[]string{"New sanctions on Iran", "Washington and Tehran talk"}, 2},
		{"country", store.ArticleQuery{Country: "FRA"}, []string{"Paris marathon"}, 1},
		{"date range", store.ArticleQuery{From: day("2026-01-01"), To: day("2026-01-16")},
			[]string{"Washington and Tehran talk"}, 1},
		{"paging", store.ArticleQuery{Limit: 1, Offset: 1}, []string{"Washington and Tehran talk"}, 3},
	}
	for _, tc := range tests {
		got, total, err := s.Articles(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if g := titles(got); !reflect.DeepEqual(g, tc.want) || total != tc.total {
			t.Errorf("%s: got %q (total %d), want %q (total %d)", tc.name, g, total, tc.want, tc.total)
		}
	}
	got, _, _ := s.Articles(ctx, store.ArticleQuery{Text: "sanctions"})
	if len(got) == 1 && (!strings.Contains(got[0].Snippet, "sanctions") || got[0].Events != 2 || got[0].Quotes != 1) {
		t.Errorf("summary %+v: want a snippet with the word, 2 events, 1 quote", got[0])
	}
}

func eventKeys(rs []store.EventRow) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Event.Type+"@"+r.Day)
	}
	return out
}

func testEvents(t *testing.T, s store.Store) {
	ctx := context.Background()
	ids := save(t, s, fixtures(t)...)
	tests := []struct {
		name  string
		q     store.EventQuery
		want  []string
		total int
	}{
		{"USA to IRN", store.EventQuery{Source: "USA", Target: "IRN"},
			[]string{"CONSULT@2026-01-16", "ACCUSE@2026-01-16", "COERCE@2026-01-12"}, 3},
		{"by name, any case", store.EventQuery{Source: "iran"}, []string{"REJECT@2026-01-20"}, 1},
		{"target in a list", store.EventQuery{Source: "OMN", Target: "IRN"}, []string{"COOPERATE@2026-01-16"}, 1},
		{"type", store.EventQuery{Type: "accuse"}, []string{"ACCUSE@2026-01-16"}, 1},
		{"certainty", store.EventQuery{Certainty: "reported"}, []string{"REJECT@2026-01-20"}, 1},
		{"article", store.EventQuery{ArticleID: ids[1]}, []string{"REJECT@2026-01-20", "COERCE@2026-01-12"}, 2},
		{"days", store.EventQuery{From: day("2026-01-13"), To: day("2026-01-19")},
			[]string{"CONSULT@2026-01-16", "ACCUSE@2026-01-16", "COOPERATE@2026-01-16"}, 3},
		{"paging", store.EventQuery{Limit: 2, Offset: 1}, []string{"CONSULT@2026-01-16", "ACCUSE@2026-01-16"}, 5},
		{"none", store.EventQuery{Source: "FRA"}, []string{}, 0},
		{"lists", store.EventQuery{Source: "OMN, iran", Type: "cooperate,REJECT"},
			[]string{"REJECT@2026-01-20", "COOPERATE@2026-01-16"}, 2},
		{"empty list items", store.EventQuery{Source: " ,USA,", Target: "irn"},
			[]string{"CONSULT@2026-01-16", "ACCUSE@2026-01-16", "COERCE@2026-01-12"}, 3},
	}
	for _, tc := range tests {
		got, total, err := s.Events(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if g := eventKeys(got); !reflect.DeepEqual(g, tc.want) || total != tc.total {
			t.Errorf("%s: got %q (total %d), want %q (total %d)", tc.name, g, total, tc.want, tc.total)
		}
	}
	got, _, err := s.Events(ctx, store.EventQuery{Type: "COOPERATE"})
	if err != nil || len(got) != 1 {
		t.Fatalf("COOPERATE: %v, %d rows", err, len(got))
	}
	r := got[0]
	// the listing gives the number of reports, not their spans (the article has them)
	ev := fixtures(t)[0].Events[2]
	ev.Mentions = nil
	want := store.EventRow{
		ArticleID: ids[0], ArticleTitle: "Washington and Tehran talk",
		ArticleURL: "https://news.example/world/iran-talks?utm_source=feed", Published: "2026-01-16T09:00",
		Event: ev, Day: "2026-01-16",
		SourceNames: []string{"Oman"}, SourceCountries: []string{"OMN"},
		TargetNames: []string{"United States", "Iran"}, TargetCountries: []string{"USA", "IRN"},
		Evidence: "Oman hosted the talks.", TriggerText: "hosted",
		GroupID: r.GroupID, Mentions: 1, Articles: 1, Reports: 2,
	}
	if r.GroupID == "" {
		t.Error("event row has no group id")
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("event row:\n got %+v\nwant %+v", r, want)
	}
}

func testDyads(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, fixtures(t)...)
	got, err := s.Dyads(ctx, store.DyadQuery{Source: "USA", Target: "IRN"})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.DyadPoint{
		{Period: "2026-01-12", Count: 1, CountByType: map[string]int{"COERCE": 1}, MeanScore: -6},
		{Period: "2026-01-16", Count: 2, CountByType: map[string]int{"CONSULT": 1, "ACCUSE": 1}, MeanScore: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("daily: got %+v\nwant %+v", got, want)
	}
	got, err = s.Dyads(ctx, store.DyadQuery{Source: "USA", Target: "IRN", Interval: store.IntervalWeek})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Period != "2026-01-12" || got[0].Count != 3 ||
		math.Abs(got[0].MeanScore-(-4.0/3)) > 1e-9 || got[0].CountByType["COERCE"] != 1 {
		t.Errorf("weekly: got %+v, want one week of 3 events from 2026-01-12, mean -4/3", got)
	}
	got, err = s.Dyads(ctx, store.DyadQuery{Source: "USA", Target: "IRN", From: day("2026-01-13")})
	if err != nil || len(got) != 1 || got[0].Period != "2026-01-16" {
		t.Errorf("bounded: got %+v, %v; want only 2026-01-16", got, err)
	}
	got, err = s.Dyads(ctx, store.DyadQuery{Source: "USA", Target: "IRN", Type: "accuse,coerce"})
	if err != nil || len(got) != 2 || got[1].Count != 1 || got[1].CountByType["ACCUSE"] != 1 || got[1].MeanScore != -2 {
		t.Errorf("by type: got %+v, %v; want the COERCE day and one ACCUSE on 2026-01-16", got, err)
	}
	got, err = s.Dyads(ctx, store.DyadQuery{Source: "IRN", Target: "USA", Certainty: "reported"})
	if err != nil || len(got) != 1 || got[0].Period != "2026-01-20" || got[0].CountByType["REJECT"] != 1 {
		t.Errorf("by certainty: got %+v, %v; want the reported REJECT of 2026-01-20", got, err)
	}
	got, err = s.Dyads(ctx, store.DyadQuery{Source: "IRN", Target: "USA", Certainty: "asserted"})
	if err != nil || len(got) != 0 {
		t.Errorf("by certainty: got %+v, %v; want none asserted", got, err)
	}
}

func testActors(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, fixtures(t)...)
	got, total, err := s.Actors(ctx, store.ActorQuery{Kind: model.KindCountry, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.ActorRow{
		{Name: "Iran", Kind: "country", Country: "IRN", Sector: "GOV", Mentions: 4, Articles: 2},
		{Name: "United States", Kind: "country", Country: "USA", Sector: "GOV", Mentions: 3, Articles: 2},
	}
	if !reflect.DeepEqual(got, want) || total != 4 {
		t.Errorf("countries: got %+v (total %d)\nwant %+v (total 4)", got, total, want)
	}
	for _, tc := range []struct {
		q    store.ActorQuery
		want int
	}{
		{store.ActorQuery{Name: "rub"}, 1},
		{store.ActorQuery{Country: "irn"}, 2},
		{store.ActorQuery{Name: "%"}, 0},
		{store.ActorQuery{}, 7},
	} {
		if _, n, err := s.Actors(ctx, tc.q); err != nil || n != tc.want {
			t.Errorf("Actors(%+v): total %d, %v; want %d", tc.q, n, err, tc.want)
		}
	}
}

func testQuotes(t *testing.T, s store.Store) {
	ctx := context.Background()
	ids := save(t, s, fixtures(t)...)
	got, total, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "rubio"})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(got) != 1 || got[0].Quote.Text != "We want a deal," || got[0].ArticleID != ids[0] ||
		got[0].SpeakerCountry != "USA" || got[0].Quote.Speaker != "a3" {
		t.Errorf("by speaker: %+v (total %d)", got, total)
	}
	want := fixtures(t)[0].Quotes[0]
	if len(got) == 1 && !reflect.DeepEqual(got[0].Quote, want) {
		t.Errorf("quote: got %+v, want %+v", got[0].Quote, want)
	}
	for _, tc := range []struct {
		q    store.QuoteQuery
		want int
	}{
		{store.QuoteQuery{}, 2},
		{store.QuoteQuery{Text: "ECONOMIC"}, 1},
		{store.QuoteQuery{Speaker: "foreign ministry"}, 1},
		{store.QuoteQuery{ArticleID: ids[2]}, 0},
	} {
		if _, n, err := s.Quotes(ctx, tc.q); err != nil || n != tc.want {
			t.Errorf("Quotes(%+v): total %d, %v; want %d", tc.q, n, err, tc.want)
		}
	}
}

func testGraph(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, fixtures(t)...)
	nodes, edges, err := s.ActorGraph(ctx, store.GraphQuery{})
	if err != nil {
		t.Fatal(err)
	}
	wantEdges := []store.GraphEdge{
		{Source: "USA", Target: "IRN", Count: 3, MeanScore: -4.0 / 3},
		{Source: "IRN", Target: "USA", Count: 1, MeanScore: -4},
		{Source: "OMN", Target: "IRN", Count: 1, MeanScore: 3},
		{Source: "OMN", Target: "USA", Count: 1, MeanScore: 3},
	}
	if len(edges) != len(wantEdges) {
		t.Fatalf("edges: got %+v, want %+v", edges, wantEdges)
	}
	for i := range edges {
		e, w := edges[i], wantEdges[i]
		if e.Source != w.Source || e.Target != w.Target || e.Count != w.Count || math.Abs(e.MeanScore-w.MeanScore) > 1e-9 {
			t.Errorf("edge %d: got %+v, want %+v", i, e, w)
		}
	}
	labels := map[string]string{}
	for _, n := range nodes {
		labels[n.ID] = fmt.Sprintf("%s/%s/%d", n.Label, n.Kind, n.Events)
	}
	wantNodes := map[string]string{"USA": "United States/country/5", "IRN": "Iran/country/5", "OMN": "Oman/country/2"}
	if !reflect.DeepEqual(labels, wantNodes) {
		t.Errorf("nodes: got %v, want %v", labels, wantNodes)
	}
	_, edges, err = s.ActorGraph(ctx, store.GraphQuery{Limit: 1, Type: "coerce"})
	if err != nil || len(edges) != 1 || edges[0].Count != 1 {
		t.Errorf("COERCE graph: %+v, %v", edges, err)
	}
}

func testReprocess(t *testing.T, s store.Store) {
	ctx := context.Background()
	ids := save(t, s, fixtures(t)...)
	var seen []string
	err := s.ForEachArticle(ctx, func(d *model.Document) error {
		seen = append(seen, d.ID)
		// re-annotate: drop the events, keep one actor
		d.Events = nil
		d.Quotes = nil
		d.Actors = d.Actors[:1]
		return s.ReplaceAnnotations(ctx, d)
	})
	if err != nil {
		t.Fatalf("ForEachArticle: %v", err)
	}
	if !reflect.DeepEqual(seen, ids) {
		t.Errorf("ForEachArticle visited %q, want %q in order", seen, ids)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Stats{Articles: 3, Stories: 3, Actors: 2}); st != want {
		t.Errorf("after reprocess: %+v, want %+v", st, want)
	}
	d, err := s.Article(ctx, ids[0])
	if err != nil || len(d.Events) != 0 || len(d.Actors) != 1 {
		t.Errorf("reprocessed article: %v, %+v", err, d)
	}
	if _, n, _ := s.Articles(ctx, store.ArticleQuery{Text: "stalling"}); n != 1 {
		t.Errorf("full text after reprocess: %d matches, want 1", n)
	}
	d.Text += " changed"
	if err := s.ReplaceAnnotations(ctx, d); err == nil {
		t.Error("ReplaceAnnotations accepted a changed text")
	}
	stop := errors.New("stop")
	n := 0
	if err := s.ForEachArticle(ctx, func(*model.Document) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("ForEachArticle did not stop at the first error: %v after %d", err, n)
	}
}

func testFeedState(t *testing.T, s store.Store) {
	ctx := context.Background()
	const u = "https://news.example/feed.xml"
	st, err := s.FeedState(ctx, u)
	if err != nil || st != (store.FeedState{URL: u}) {
		t.Fatalf("unknown feed: %+v, %v", st, err)
	}
	want := store.FeedState{URL: u, ETag: `"abc"`, LastModified: "Fri, 16 Jan 2026 09:00:00 GMT",
		LastPolled: time.Date(2026, 1, 16, 9, 5, 0, 0, time.UTC), Errors: 2, LastError: "timeout"}
	if err := s.SaveFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.Errors, want.LastError = 0, ""
	if err := s.SaveFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.FeedState(ctx, u)
	if err != nil || !got.LastPolled.Equal(want.LastPolled) {
		t.Fatalf("FeedState: %+v, %v", got, err)
	}
	got.LastPolled = want.LastPolled
	if got != want {
		t.Errorf("FeedState: got %+v, want %+v", got, want)
	}
	if st, _ := s.Stats(ctx); st.Feeds != 1 {
		t.Errorf("Stats.Feeds = %d, want 1", st.Feeds)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	created := 0
	errs := []error{}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range fixtures(t) {
				_, c, err := s.SaveArticle(ctx, d)
				mu.Lock()
				if c {
					created++
				}
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
				if _, _, err := s.Events(ctx, store.EventQuery{Source: "USA"}); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("concurrent saves failed: %v", errs[0])
	}
	if created != 3 {
		t.Errorf("8 writers saving the same 3 articles created %d, want 3", created)
	}
}

// Sample returns one article with annotations, for backend tests of their own.
func Sample(t *testing.T) *model.Document {
	return fixtures(t)[0]
}

func testLookup(t *testing.T, s store.Store) {
	l, ok := s.(store.Lookup)
	if !ok {
		t.Skip("the store does not implement store.Lookup")
	}
	ctx := context.Background()
	docs := fixtures(t)
	ids := save(t, s, docs...)
	for _, tc := range []struct {
		url  string
		want string
	}{
		{"https://news.example/world/iran-talks", ids[0]},
		{"https://NEWS.example/world/iran-talks/?utm_campaign=z", ids[0]},
		{"https://news.example/world/iran", ""},
		{"testdata/paris.txt", ""},
		{"", ""},
	} {
		id, err := l.ArticleByURL(ctx, tc.url)
		if tc.want == "" {
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("ArticleByURL(%q) = %q, %v; want ErrNotFound", tc.url, id, err)
			}
		} else if id != tc.want || err != nil {
			t.Errorf("ArticleByURL(%q) = %q, %v; want %q", tc.url, id, err, tc.want)
		}
	}
	if id, err := l.ArticleByText(ctx, "  "+strings.ToUpper(docs[2].Text)); id != ids[2] || err != nil {
		t.Errorf("ArticleByText: %q, %v; want %q", id, err, ids[2])
	}
	if _, err := l.ArticleByText(ctx, "Something else."); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ArticleByText(other): %v, want ErrNotFound", err)
	}
}

// testBatch: a batch saves its new articles once, reports the copies and the bad ones, and
// keeps the good ones when one fails.
func testBatch(t *testing.T, s store.Store) {
	bs, ok := s.(store.BatchSaver)
	if !ok {
		t.Skip("this store saves one article at a time")
	}
	ctx := context.Background()
	docs := fixtures(t)
	if _, _, err := s.SaveArticle(ctx, docs[0]); err != nil {
		t.Fatal(err)
	}
	again := fixtures(t)
	batch := []*model.Document{again[0], {Title: "empty"}, again[1], again[2], again[1]}
	res, err := bs.SaveArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(batch) {
		t.Fatalf("%d results for %d articles", len(res), len(batch))
	}
	want := []struct{ created, failed bool }{{false, false}, {false, true}, {true, false}, {true, false}, {false, false}}
	for i, w := range want {
		if res[i].Created != w.created || (res[i].Err != nil) != w.failed {
			t.Errorf("article %d: created %v, err %v; want created %v, failed %v", i, res[i].Created, res[i].Err, w.created, w.failed)
		}
	}
	if res[4].ID != res[2].ID {
		t.Errorf("a copy inside the batch got id %q, want the first one's %q", res[4].ID, res[2].ID)
	}
	_, total, err := s.Articles(ctx, store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 3 {
		t.Errorf("%d articles stored, want 3", total)
	}
	for _, i := range []int{2, 3} {
		got, err := s.Article(ctx, res[i].ID)
		if err != nil {
			t.Fatalf("article %d not readable: %v", i, err)
		}
		if len(got.Events) != len(batch[i].Events) {
			t.Errorf("article %d: %d events stored, want %d", i, len(got.Events), len(batch[i].Events))
		}
	}
}
