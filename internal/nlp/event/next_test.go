package event

import (
	"slices"
	"testing"
)

// TestNarrowKeepsMatches codes sentences whose imported patterns have determiners, amounts
// and adjectives between their words, once with the narrowed lists and once trying every
// pattern of the first word: the events must be the same.
func TestNarrowKeepsMatches(t *testing.T) {
	c := testCoder(t)
	full, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	full.next = nil
	if len(c.next) == 0 {
		t.Fatal("no imported list was narrowed")
	}
	texts := []string{
		"Ruritania offered the assistance to Freedonia on Monday.",
		"Ruritania extended an olive branch to Freedonia.",
		"Ruritania extended the ceasefire with Freedonia by two weeks.",
		"Ruritania sent 300 riot police to the border with Freedonia.",
		"Ruritania gave the threat to Freedonia again.",
		"Ruritania offers fund and help to Freedonia.",
		"Ruritania is sending stealth fighters near Freedonia.",
		"Ruritania extended its state of emergency after Freedonia's raid.",
		"Ruritania offered a ceasefire, Freedonia said.",
		"Ruritania issued the proof against Freedonia.",
	}
	actors := []act{
		{id: "rur", kind: "state", country: "RUR", names: []string{"Ruritania"}},
		{id: "fre", kind: "state", country: "FRE", names: []string{"Freedonia"}},
	}
	found := 0
	for _, text := range texts {
		a, b := buildDoc(text, actors...), buildDoc(text, actors...)
		c.Annotate(a)
		full.Annotate(b)
		ta, tb := triples(a), triples(b)
		if !slices.Equal(ta, tb) {
			t.Errorf("%q: narrowed %v, every pattern %v", text, ta, tb)
		}
		for k := range a.Events {
			if k < len(b.Events) && a.Events[k].Trigger != b.Events[k].Trigger {
				t.Errorf("%q: trigger %v against %v", text, a.Events[k].Trigger, b.Events[k].Trigger)
			}
		}
		found += len(a.Events)
	}
	if found == 0 {
		t.Fatal("no sentence made an event: the test checks nothing")
	}
}

// TestNarrowOrder checks that narrow keeps the list's order, keeps the one-word patterns and
// finds a second word after skippable words.
func TestNarrowOrder(t *testing.T) {
	pats := []Pattern{
		{Words: []string{"send", "troops"}},
		{Words: []string{"send"}},
		{Words: []string{"send", "envoy"}},
		{Words: []string{"send", "troops", "to"}},
		{Words: []string{"send", "aid"}},
		{Words: []string{"send", "warships"}},
		{Words: []string{"send", "letter"}},
		{Words: []string{"send", "home"}},
	}
	list := []int{3, 0, 2, 1, 4, 5, 6, 7}
	next := buildNext(pats, map[string][]int{"send": list, "short": list[:minNarrowed-1]})
	if next["short"] != nil {
		t.Errorf("a list of %d was narrowed; minNarrowed is %d", minNarrowed-1, minNarrowed)
	}
	c := testCoder(t)
	s := &sentence{c: c, toks: []token{
		{low: "send", lemma: "send"}, {low: "the", lemma: "the", mention: -1},
		{low: "200", lemma: "200", mention: -1}, {low: "troops", lemma: "troop", mention: -1},
	}}
	if got, want := s.narrow(list, next["send"], 0), []int{3, 0, 1}; !slices.Equal(got, want) {
		t.Errorf("narrow = %v, want %v", got, want)
	}
	if got := s.narrow(list, nil, 0); !slices.Equal(got, list) {
		t.Errorf("narrow without an index = %v, want the list", got)
	}
}
