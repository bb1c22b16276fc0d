package actor

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

// Health bodies keep their country code; only news outlets stand for themselves.
func TestHealthBodiesKeepTheirCountry(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: "Doctors Without Borders and the World Health Organization said clinics were hit, Reuters reported."}
	sentence.New().Annotate(doc)
	r.Annotate(doc)
	want := map[string]string{"Doctors Without Borders": "NGO", "World Health Organization": "UNO", "Reuters": ""}
	for _, a := range doc.Actors {
		if c, ok := want[a.Name]; ok {
			if a.Country != c {
				t.Errorf("%s: country %q, want %q", a.Name, a.Country, c)
			}
			delete(want, a.Name)
		}
	}
	for name := range want {
		if name != "Reuters" {
			t.Errorf("%s not found", name)
		}
	}
}

// Groups of no state by nature stay without a country in an article mostly about one state,
// while generic groups take that state.
func TestStatelessGroups(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: "Iran said on Monday that the protests were over. Iran's foreign ministry accused foreign powers of stoking the unrest, " +
		"and Iran said world powers must not interfere. Security forces were deployed in Tehran, the Iranian capital."}
	sentence.New().Annotate(doc)
	r.Annotate(doc)
	want := map[string]string{"foreign powers": "", "world powers": "", "Security forces": "IRN"}
	for _, a := range doc.Actors {
		if c, ok := want[a.Name]; ok {
			if a.Country != c {
				t.Errorf("%s: country %q, want %q", a.Name, a.Country, c)
			}
			if a.Kind != model.KindGroup {
				t.Errorf("%s: kind %q, want group", a.Name, a.Kind)
			}
			delete(want, a.Name)
		}
	}
	for name := range want {
		t.Errorf("%s not found", name)
	}
}

// TestSideNeedsItsState checks that "side" names a government only with its state before it.
func TestSideNeedsItsState(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: "Iran said the talks would resume. The Iranian side wants guarantees, and the other side is silent."}
	sentence.New().Annotate(doc)
	r.Annotate(doc)
	found := false
	for _, a := range doc.Actors {
		switch {
		case a.Name == "Iranian side":
			found = true
			if a.Country != "IRN" || a.Sector != "GOV" {
				t.Errorf("Iranian side: %s %s, want IRN GOV", a.Country, a.Sector)
			}
		case strings.Contains(a.Name, "side"):
			t.Errorf("spurious actor %q (%s)", a.Name, a.Country)
		}
	}
	if !found {
		t.Error("the Iranian side not found")
	}
}
