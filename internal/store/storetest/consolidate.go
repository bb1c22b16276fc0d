package storetest

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/neardup"
	"github.com/tidings-news/tidings/internal/store"
)

// copies reads the annotated copies of one story (internal/store/testdata/copies): five
// rewrites of it, then an unrelated story.
func copies(t *testing.T) []*model.Document {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test data")
	}
	f, err := os.Open(filepath.Join(filepath.Dir(file), "..", "testdata", "copies", "annotated.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []*model.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		d := new(model.Document)
		if err := json.Unmarshal(sc.Bytes(), d); err != nil {
			t.Fatalf("annotated.jsonl line %d: %v", len(docs)+1, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 6 {
		t.Fatalf("annotated.jsonl holds %d articles, want 6", len(docs))
	}
	return docs
}

// testConsolidate stores five rewritten copies of one story: they are one story, the last
// four flagged as near-duplicates of the first, and the events they all report count once in
// the timeline, the dyad series, the actor graph and the counts.
func testConsolidate(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := copies(t)
	ids := save(t, s, docs[:5]...)

	first, err := s.Story(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if first.NearDupOf != nil || len(first.Copies) != 4 {
		t.Fatalf("first copy: near-duplicate of %+v, %d copies, want none and 4", first.NearDupOf, len(first.Copies))
	}
	for i, c := range first.Copies {
		if c.ID != ids[i+1] || c.Title != docs[i+1].Title {
			t.Errorf("copy %d is %s %q, want %s %q", i, c.ID, c.Title, ids[i+1], docs[i+1].Title)
		}
	}
	for i, id := range ids[1:] {
		st, err := s.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if st.NearDupOf == nil || st.NearDupOf.ID != ids[0] || st.NearDupOf.Title != docs[0].Title {
			t.Errorf("%s: near-duplicate of %+v, want %s", docs[i+1].Source, st.NearDupOf, ids[0])
		}
		if st.Similarity < neardup.Threshold || st.Similarity > 1 {
			t.Errorf("%s: similarity %.3f, want at least %.2f", docs[i+1].Source, st.Similarity, neardup.Threshold)
		}
	}
	list, total, err := s.Articles(ctx, store.ArticleQuery{})
	if err != nil || total != 5 {
		t.Fatalf("Articles: %d (%v), want 5", total, err)
	}
	for _, a := range list {
		if (a.ID == ids[0]) != (a.NearDupOf == "") {
			t.Errorf("article %s listed as near-duplicate of %q", a.ID, a.NearDupOf)
		}
	}

	// each copy reports the same four events: two-way support between Kenya and Ethiopia,
	// Ethiopia's support, Kenya's agreement, all on 2026-03-12
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Stats{Articles: 5, Stories: 1, Events: 4, Mentions: 20, Actors: st.Actors, Quotes: st.Quotes}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
	rows, total, err := s.Events(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 4 || len(rows) != 4 {
		t.Errorf("timeline: %d rows of %d, want 4 of 4", len(rows), total)
	}
	groups := map[string]bool{}
	for _, r := range rows {
		if r.ArticleID != ids[0] || r.Mentions != 5 || r.Articles != 5 || groups[r.GroupID] {
			t.Errorf("timeline row %s %s of %s: group %s, %d mentions in %d articles; want the first copy's, 5 in 5",
				r.Event.ID, r.Event.Type, r.ArticleID, r.GroupID, r.Mentions, r.Articles)
		}
		groups[r.GroupID] = true
	}
	rows, total, err = s.Events(ctx, store.EventQuery{ArticleID: ids[3]})
	if err != nil || total != 4 {
		t.Fatalf("events of one copy: %d (%v), want 4", total, err)
	}
	for _, r := range rows {
		if !groups[r.GroupID] {
			t.Errorf("event %s of a copy is in group %s, not one of the first copy's", r.Event.ID, r.GroupID)
		}
	}
	// the export gives every copy's events the same groups, each of 5 mentions
	exported := 0
	err = s.Export(ctx, store.ExportQuery{}, func(it store.ExportItem) error {
		for _, e := range it.Doc.Events {
			exported++
			if g := it.Groups[e.ID]; !groups[g.ID] || g.Mentions != 5 {
				t.Errorf("export: event %s of %s in group %+v, want one of the first copy's with 5 mentions", e.ID, it.Doc.ID, g)
			}
		}
		return nil
	})
	if err != nil || exported != 20 {
		t.Errorf("export: %d events (%v), want 20", exported, err)
	}
	series, err := s.Dyads(ctx, store.DyadQuery{Source: "KEN", Target: "ETH"})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || series[0].Period != "2026-03-12" || series[0].Count != 1 || series[0].CountByType["SUPPORT"] != 1 {
		t.Errorf("dyad KEN→ETH = %+v, want one SUPPORT on 2026-03-12", series)
	}
	series, err = s.Dyads(ctx, store.DyadQuery{Source: "ETH", Interval: store.IntervalWeek})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || series[0].Count != 2 {
		t.Errorf("Ethiopia's events by week = %+v, want 2 in one week", series)
	}
	_, edges, err := s.ActorGraph(ctx, store.GraphQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != 2 || edges[0].Count != 1 || edges[1].Count != 1 {
		t.Errorf("actor graph edges = %+v, want KEN→ETH and ETH→KEN once each", edges)
	}

	// another story of the same day and place is a story of its own
	other := save(t, s, docs[5])[0]
	if st, err := s.Story(ctx, other); err != nil || st.NearDupOf != nil || len(st.Copies) != 0 {
		t.Errorf("unrelated story: %+v (%v), want no near-duplicate", st, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 6 || st.Stories != 2 {
		t.Errorf("after an unrelated story: %+v (%v), want 6 articles in 2 stories", st, err)
	}
}
