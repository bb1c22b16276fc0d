package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/tidings-news/tidings/internal/demo"
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

// demoStore returns a store holding the annotated demo corpus and the ids (article-event) of
// every event it holds.
func demoStore(t *testing.T) (store.Store, []string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, st, p); err != nil {
		t.Fatal(err)
	}
	var ids []string
	err = st.ForEachArticle(ctx, func(doc *model.Document) error {
		for _, e := range doc.Events {
			ids = append(ids, recordID(doc, e))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Mentions != len(ids) || len(ids) == 0 {
		t.Fatalf("the store counts %d event mentions, its documents hold %d", stats.Mentions, len(ids))
	}
	sort.Strings(ids)
	return st, ids
}

// exportFile writes the whole store in format to a file and returns its path.
func exportFile(t *testing.T, st store.Store, format string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export"+Extension(format))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := New(f, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Export(context.Background(), store.ExportQuery{}, w.Write); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDemoRoundTrip exports the demo corpus: every stored event is one CSV row and one PLOVER
// record, and every article one document.
func TestDemoRoundTrip(t *testing.T) {
	st, want := demoStore(t)

	f, err := os.Open(exportFile(t, st, CSV))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], Columns) {
		t.Fatalf("header %q", recs[0])
	}
	var got []string
	rows := map[string]int{}
	mentions := map[string]string{}
	for _, r := range recs[1:] {
		got = append(got, r[0])
		g, n := r[slices.Index(Columns, "group_id")], r[slices.Index(Columns, "mentions")]
		if rep, err := strconv.Atoi(r[slices.Index(Columns, "reports")]); err != nil || rep < 1 {
			t.Errorf("row %s: reports %q, want a count of at least 1", r[0], r[slices.Index(Columns, "reports")])
		}
		if g == "" {
			t.Errorf("row %s has no group", r[0])
		}
		if m, ok := mentions[g]; ok && m != n {
			t.Errorf("group %s: rows say %s and %s mentions", g, m, n)
		}
		rows[g]++
		mentions[g] = n
	}
	for g, n := range rows {
		if strconv.Itoa(n) != mentions[g] {
			t.Errorf("group %s: %d rows, the store counts %s mentions", g, n, mentions[g])
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("CSV: %d rows, want the %d stored events once each", len(got), len(want))
	}

	got = got[:0]
	for _, line := range readLines(t, exportFile(t, st, PLOVER)) {
		var rec Record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Date == "" || len(rec.Event) != 1 {
			t.Errorf("record %s: date %q, event %q", rec.ID, rec.Date, rec.Event)
		}
		got = append(got, rec.ID)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("PLOVER: %d records, want the %d stored events once each", len(got), len(want))
	}

	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	events := 0
	lines := readLines(t, exportFile(t, st, JSONL))
	for _, line := range lines {
		var doc model.Document
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatal(err)
		}
		events += len(doc.Events)
	}
	if len(lines) != stats.Articles || events != len(want) {
		t.Errorf("JSON Lines: %d documents with %d events, want %d with %d", len(lines), events, stats.Articles, len(want))
	}
}

// TestDemoPandas reads the demo export with pandas and the documented dtypes, when python3
// has pandas.
func TestDemoPandas(t *testing.T) {
	python := ""
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		if p, err := exec.LookPath(name); err == nil && exec.Command(p, "-c", "import pandas").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Skip("no python3 with pandas (apt-get install python3-pandas)")
	}
	st, want := demoStore(t)
	_, here, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(here), "..", "..", "scripts", "export", "check_pandas.py")
	out, err := exec.Command(python, script, exportFile(t, st, CSV), strconv.Itoa(len(want))).CombinedOutput()
	if err != nil {
		t.Fatalf("check_pandas.py: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
