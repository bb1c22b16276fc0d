package actor

import (
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/ner"
)

// TestNameFinderPeople checks the people the name finder adds where nothing else in the text
// marks a person, and the runs it must leave alone.
func TestNameFinderPeople(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, name string
		person     bool
	}{
		// A subject that opens its sentence, an apposition in a list.
		{"Floods cut the road. Glwadys Siopathis led a delegation of aid workers to the villages.", "Glwadys Siopathis", true},
		{"The ban covers his wife, Liri Berisha, his son and his daughter, Argita Berisha Malltezi, who live abroad.", "Argita Berisha Malltezi", true},
		// Places: beside a word for a place, after "in", or not where a subject stands.
		{"The tanker sailed to the port of Bandar Abbas. Bandar Abbas lies on the Strait of Hormuz.", "Bandar Abbas", false},
		{"Deh Yak district saw heavy fighting.", "Deh Yak", false},
		{"Shops reopened in Hua Hin. Hua Hin was quiet on Monday.", "Hua Hin", false},
		{"Revellers filled Lan Kwai Fong over the holiday.", "Lan Kwai Fong", false},
		// A listed person's name with a stray word is the listed person.
		{"Hold Melania Trump to her word, the senator said.", "Hold Melania Trump", false},
	} {
		doc := annotate(r, tc.text, "2026-01-16")
		a := find(doc, tc.name)
		if got := a != nil && a.Kind == model.KindPerson; got != tc.person {
			t.Errorf("%q: person %q %v, want %v (%s)", tc.text, tc.name, got, tc.person, dump(doc))
		}
		checkSpans(t, doc)
	}
}

func TestNameClasses(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	lex := r.NameLexicon()
	for _, tc := range []struct {
		word string
		want uint8
	}{
		{"Vladimir", ner.ClassGiven},
		{"Ministry", ner.ClassOrgHead},
	} {
		if got := lex.WordClasses(tc.word); got&tc.want == 0 {
			t.Errorf("WordClasses(%q) = %08b, want bit %08b", tc.word, got, tc.want)
		}
	}
}
