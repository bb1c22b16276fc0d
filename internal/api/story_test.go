package api_test

import (
	"context"
	"testing"

	"github.com/tidings-news/tidings/internal/api"
	"github.com/tidings-news/tidings/internal/web/webtest"
)

// TestStory stores a second outlet's copy of the seed article: it is a near-duplicate of the
// seed, and the events both report are listed once with two mentions.
func TestStory(t *testing.T) {
	f := newFixture(t, api.Options{})
	doc, err := webtest.SeedDoc()
	if err != nil {
		t.Fatal(err)
	}
	doc.Title = "Kremlin: Putin and Pezeshkian spoke by phone"
	doc.URL = "https://other.example/world/putin-call"
	doc.Text += "\n\nAdditional reporting by our Moscow bureau."
	copyID, created, err := f.st.SaveArticle(context.Background(), doc)
	if err != nil || !created {
		t.Fatalf("saving the copy: created=%v, %v", created, err)
	}

	code, m := f.get(t, "/api/articles/"+copyID+"/story")
	of, _ := m["near_dup_of"].(map[string]any)
	if code != 200 || of == nil || of["id"] != f.seedID || of["similarity"].(float64) < 0.6 {
		t.Errorf("story of the copy: %d %v, want near_dup_of %s", code, m, f.seedID)
	}
	code, m = f.get(t, "/api/articles/"+f.seedID+"/story")
	if copies := items(m, "copies"); code != 200 || m["near_dup_of"] != nil || len(copies) != 1 ||
		copies[0].(map[string]any)["id"] != copyID {
		t.Errorf("story of the seed: %d %v, want one copy %s", code, m, copyID)
	}
	if code, _ := f.get(t, "/api/articles/nonesuch/story"); code != 404 {
		t.Errorf("story of no article: status %d, want 404", code)
	}

	// the seed's 4 events and the hostile article's one, each listed once
	_, m = f.get(t, "/api/events")
	if m["total"].(float64) != 5 {
		t.Errorf("events total %v after a copy, want 5 as before", m["total"])
	}
	seed := 0
	for _, e := range items(m, "events") {
		ev := e.(map[string]any)
		want := 1.0
		if ev["article_id"] == f.seedID {
			want = 2
			seed++
		}
		if ev["article_id"] == copyID || ev["group_id"] == "" || ev["mentions"].(float64) != want || ev["articles"].(float64) != want {
			t.Errorf("event %v %v of %v: group %v, %v mentions in %v articles, want %v in %v",
				ev["id"], ev["type"], ev["article_id"], ev["group_id"], ev["mentions"], ev["articles"], want, want)
		}
	}
	if seed != 4 {
		t.Errorf("%d of the seed's events listed, want 4", seed)
	}
	_, m = f.get(t, "/api/stats")
	if m["articles"].(float64) != 3 || m["stories"].(float64) != 2 || m["events"].(float64) != 5 || m["mentions"].(float64) != 9 {
		t.Errorf("stats %v, want 3 articles in 2 stories, 5 events in 9 mentions", m)
	}
}
