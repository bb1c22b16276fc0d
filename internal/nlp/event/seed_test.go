package event_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/source"
	"github.com/tidings-news/tidings/internal/testshared"
)

// sharedDir finds the shared folder next to the repository root by walking up from the
func sharedDir(t *testing.T) string { return testshared.Dir(t, "the seed test") }

// TestSeedEndToEnd runs the whole pipeline on the seed article and checks that its eight
// events are coded, and nothing else.
func TestSeedEndToEnd(t *testing.T) {
	path := filepath.Join(sharedDir(t), "seed", "putin-talks-to-iranian-president.txt")
	var opts reader.Options
	now, zone, err := model.ParseTime("2026-01-17T06:00:00")
	if err != nil {
		t.Fatal(err)
	}
	opts.Now, opts.NowHasZone = now, zone
	p, err := pipeline.New(pipeline.Config{Reader: opts})
	if err != nil {
		t.Fatal(err)
	}
	in, err := source.ReadFile(path, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.Process(in)
	if err != nil {
		t.Fatal(err)
	}
	type triple struct{ typ, src, tgt string }
	got := map[triple]bool{}
	for _, e := range doc.Events {
		tg := []string{""}
		if len(e.Target) > 0 {
			tg = nil
			for _, id := range e.Target {
				tg = append(tg, doc.Actor(id).Country)
			}
		}
		for _, id := range e.Source {
			for _, c := range tg {
				got[triple{e.Type, doc.Actor(id).Country, c}] = true
			}
		}
	}
	// each required event with the acceptable (source, target) pairs
	required := []struct {
		typ   string
		pairs [][2]string
	}{
		{"CONSULT", [][2]string{{"RUS", "IRN"}, {"IRN", "RUS"}, {"RUS", ""}, {"IRN", ""}}},
		{"PROTEST", [][2]string{{"IRN", "IRN"}, {"IRN", ""}}},
		{"ACCUSE", [][2]string{{"IRN", "USA"}}},
		{"ACCUSE", [][2]string{{"IRN", "ISR"}}},
		{"AGREE", [][2]string{{"RUS", "IRN"}, {"IRN", "RUS"}, {"RUS", ""}, {"IRN", ""}}},
		{"ACCUSE", [][2]string{{"RUS", "USA"}}},
		{"THREATEN", [][2]string{{"USA", "IRN"}}},
		{"REQUEST", [][2]string{{"USA", "IRN"}}},
	}
	// what a careful coder may also code
	optional := map[triple]bool{
		{"ACCUSE", "RUS", ""}: true, {"REQUEST", "RUS", ""}: true, {"REQUEST", "IRN", ""}: true,
		{"REQUEST", "RUS", "IRN"}: true, {"CONSULT", "IRN", "RUS"}: true, {"SUPPORT", "RUS", "IRN"}: true,
		{"SUPPORT", "IRN", "RUS"}: true, {"AGREE", "IRN", "RUS"}: true, {"AGREE", "RUS", "IRN"}: true,
		{"PROTEST", "IRN", ""}: true, {"PROTEST", "IRN", "IRN"}: true, {"CONSULT", "RUS", "IRN"}: true,
	}
	for _, r := range required {
		if !slices.ContainsFunc(r.pairs, func(p [2]string) bool { return got[triple{r.typ, p[0], p[1]}] }) {
			t.Errorf("missing %s %v", r.typ, r.pairs[0])
		}
	}
	for tr := range got {
		ok := optional[tr]
		for _, r := range required {
			if r.typ == tr.typ && slices.Contains(r.pairs, [2]string{tr.src, tr.tgt}) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("spurious %s %s>%s", tr.typ, tr.src, tr.tgt)
		}
	}
	for _, e := range doc.Events {
		if e.Trigger.Start < e.Sentence.Start || e.Trigger.End > e.Sentence.End || e.Date.Value == "" || e.Certainty == "" {
			t.Errorf("event %s: trigger %v outside sentence %v, or no date/certainty", e.ID, e.Trigger, e.Sentence)
		}
		if e.Type == "PROTEST" && doc.Text[e.Trigger.Start:e.Trigger.End] == "unrest" && e.Date.Value != "2025-12" {
			t.Errorf("the unrest that broke out late last month is dated %q, want 2025-12", e.Date.Value)
		}
		if e.Type == "CONSULT" && doc.Text[e.Trigger.Start:e.Trigger.End] == "briefed" && e.AttributedTo == "" {
			t.Errorf("the briefing is not attributed to the Kremlin")
		}
	}
}
