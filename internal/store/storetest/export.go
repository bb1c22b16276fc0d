package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// exportKeys runs an export and names each exported event TYPE@DATE, sorted, with the number
// of articles given (the date as coded: a week, or empty when the publication day was used).
func exportKeys(t *testing.T, s store.Store, q store.ExportQuery) ([]string, int) {
	t.Helper()
	keys := []string{}
	n := 0
	err := s.Export(context.Background(), q, func(it store.ExportItem) error {
		n++
		if it.Doc == nil || it.Doc.ID == "" {
			return errors.New("an item without its stored document")
		}
		for _, e := range it.Events {
			keys = append(keys, e.Type+"@"+e.Date.Value)
		}
		for _, e := range it.Doc.Events {
			if g := it.Groups[e.ID]; g.ID == "" || g.Mentions < 1 {
				return fmt.Errorf("event %s of %s has group %+v", e.ID, it.Doc.ID, g)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Export(%+v): %v", q, err)
	}
	sort.Strings(keys)
	return keys, n
}

func testExport(t *testing.T, s store.Store) {
	save(t, s, fixtures(t)...)
	all := []string{"ACCUSE@2026-01-16", "COERCE@2026-W03", "CONSULT@2026-01-16", "COOPERATE@", "REJECT@2026-01-20"}
	tests := []struct {
		name     string
		q        store.ExportQuery
		want     []string
		articles int
	}{
		{"everything", store.ExportQuery{}, all, 3},
		{"USA to IRN", store.ExportQuery{Source: "USA", Target: "IRN"},
			[]string{"ACCUSE@2026-01-16", "COERCE@2026-W03", "CONSULT@2026-01-16"}, 2},
		{"actor on either side", store.ExportQuery{Actor: "omn"}, []string{"COOPERATE@"}, 1},
		{"country on either side", store.ExportQuery{Country: "usa", Type: "REJECT"}, []string{"REJECT@2026-01-20"}, 1},
		{"type list", store.ExportQuery{Type: "cooperate,REJECT"}, []string{"COOPERATE@", "REJECT@2026-01-20"}, 2},
		{"certainty", store.ExportQuery{Certainty: "reported"}, []string{"REJECT@2026-01-20"}, 1},
		{"days", store.ExportQuery{From: day("2026-01-13"), To: day("2026-01-19")},
			[]string{"ACCUSE@2026-01-16", "CONSULT@2026-01-16", "COOPERATE@"}, 1},
		{"none", store.ExportQuery{Source: "FRA"}, []string{}, 0},
	}
	for _, tc := range tests {
		got, n := exportKeys(t, s, tc.q)
		if !reflect.DeepEqual(got, tc.want) || n != tc.articles {
			t.Errorf("%s: got %q in %d articles, want %q in %d", tc.name, got, n, tc.want, tc.articles)
		}
	}

	// the callback's error stops the export and comes back
	stop := errors.New("stop")
	calls := 0
	err := s.Export(context.Background(), store.ExportQuery{}, func(store.ExportItem) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("an error from fn: got %v after %d calls, want stop after 1", err, calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Export(ctx, store.ExportQuery{}, func(store.ExportItem) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context: got %v", err)
	}
}

// testExportPages exports more articles than one page holds: each once, in the order stored.
func testExportPages(t *testing.T, s store.Store) {
	const n = 150
	docs := make([]*model.Document, n)
	for i := range docs {
		text := fmt.Sprintf("Iran accused the United States of plot number %d.", i)
		docs[i] = newDoc(t, fmt.Sprintf("https://example.org/p/%d", i), fmt.Sprintf("Story %d", i), "2026-01-16T10:00", text).
			actor("a1", "Iran", model.KindCountry, "IRN", "Iran").
			actor("a2", "United States", model.KindCountry, "USA", "United States").
			event("e1", "ACCUSE", []string{"a1"}, []string{"a2"}, "2026-01-16", "asserted", "accused", -2).doc
	}
	ids := save(t, s, docs...)
	var got []string
	events := 0
	err := s.Export(context.Background(), store.ExportQuery{Type: "ACCUSE"}, func(it store.ExportItem) error {
		got = append(got, it.Doc.ID)
		events += len(it.Events)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ids) || events != n {
		t.Errorf("got %d articles (%d events), want the %d stored in order", len(got), events, n)
	}
}
