package event

import (
	"io"
	"strings"
	"testing"
)

// coderWith builds a Coder from the embedded data files with extra hand-written pattern
// lines added at the end of patterns.tsv.
func coderWith(t *testing.T, extra string) *Coder {
	t.Helper()
	readAll := func(name string) string {
		f, err := openData(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	hand, err := ParsePatterns(strings.NewReader(readAll("patterns.tsv") + "\n" + extra))
	if err != nil {
		t.Fatal(err)
	}
	imported, err := ParsePatterns(strings.NewReader(readAll("cameo.tsv")))
	if err != nil {
		t.Fatal(err)
	}
	sets, err := parseSets(strings.NewReader(readAll("cues.tsv")))
	if err != nil {
		t.Fatal(err)
	}
	irr, err := parsePairs(strings.NewReader(readAll("irregular.tsv")))
	if err != nil {
		t.Fatal(err)
	}
	scores, err := parseScores(strings.NewReader(readAll("scores.tsv")))
	if err != nil {
		t.Fatal(err)
	}
	return NewWith(MergePatterns(hand, imported), sets, irr, scores)
}

// A word that opens only longer patterns is a trigger only where one of them matches: the
// pattern "naval exercise" must not stop "naval cooperation" from finding its actor.
func TestFirstWordOfLongerPattern(t *testing.T) {
	c := coderWith(t, "n\tnaval exercise\tMOBILIZE\tTroops\topt\n")
	tests := []struct {
		text string
		want []string
	}{
		{"France announced naval cooperation with Nigeria.", []string{"COOPERATE FRA>NGA"}},
		{"Britain has stepped up naval cooperation with Ukraine.", []string{"COOPERATE GBR>UKR"}},
		{"France held a naval exercise on Monday.", []string{"MOBILIZE FRA>-"}},
	}
	for _, tt := range tests {
		checkTriples(t, c, tt.text, tt.want)
	}
}

// An imported pattern that ends in a noun with a hand-written pattern of its own ("reach
// cooperation agreement") is read whole: the noun is its object, and the verb's subject its
// actor. A hand-written pattern that reaches past the imported one still wins.
func TestImportedEndingInHandNoun(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"France and Nigeria reached a cooperation agreement on Monday.", []string{"AGREE FRA>NGA", "AGREE NGA>FRA"}},
		{"Britain reached a trade agreement with Ukraine.", []string{"AGREE GBR>UKR"}},
		{"Ukraine reached a cooperation pact with France.", []string{"AGREE UKR>FRA"}},
		// after a light verb the noun's own pattern codes it, mode and roles kept
		{"France slapped sanctions on Ukraine.", []string{"SANCTION FRA>UKR"}},
		{"Russia issued a warning to Ukraine.", []string{"THREATEN RUS>UKR"}},
		// a participle after a preposition modifies the noun: no verb, no event
		{"France and Nigeria unveiled a plan for increased cooperation.", nil},
	}
	for _, tt := range tests {
		checkTriples(t, c, tt.text, tt.want)
	}
}

// After a light verb the hand-written noun keeps its mode: "held a summit" is a summit.
func TestLightVerbKeepsNounMode(t *testing.T) {
	c := testCoder(t)
	doc := buildDoc("Putin and Trump held a summit in Helsinki.", testActors...)
	c.Annotate(doc)
	if len(doc.Events) == 0 {
		t.Fatal("no event")
	}
	for _, e := range doc.Events {
		if e.Type != "CONSULT" || e.Mode != "Multilateral" {
			t.Errorf("%s/%s, want CONSULT/Multilateral", e.Type, e.Mode)
		}
	}
}
