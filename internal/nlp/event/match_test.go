package event

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
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

// A common noun that is also an actor ("troops", "military") may be a word of a pattern, and
// a count before a verb's object is no preposition.
func TestMentionWordsAndCounts(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"France sent troops to Nigeria on Monday.", []string{"AID FRA>NGA"}},
		{"Russia held military drills near the border.", []string{"MOBILIZE RUS>-"}},
		{"Russia massed troops near the border.", []string{"MOBILIZE RUS>-"}},
		{"Russian forces killed at least 12 Ukrainian soldiers.", []string{"ASSAULT RUS>UKR"}},
		{"Iranian police detained more than 200 protesters.", []string{"COERCE IRN>IRN"}},
		{"Nigerian police arrested hundreds of protesters.", []string{"COERCE NGA>NGA"}},
	}
	actors := append(slices.Clone(testActors),
		act{"troops", model.KindGroup, "", []string{"troops"}},
		act{"military", model.KindOrganization, "", []string{"military"}},
		act{"protesters", model.KindGroup, "", []string{"protesters"}},
		act{"rusforces", model.KindGroup, "RUS", []string{"Russian forces"}},
		act{"ukrsoldiers", model.KindGroup, "UKR", []string{"Ukrainian soldiers"}},
		act{"irnpolice", model.KindGroup, "IRN", []string{"Iranian police"}},
		act{"ngapolice", model.KindGroup, "NGA", []string{"Nigerian police"}},
	)
	for _, tt := range tests {
		doc := buildDoc(tt.text, actors...)
		c.Annotate(doc)
		if got := triples(doc); !slices.Equal(got, tt.want) {
			t.Errorf("%q\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

// An event a verb of wishing governs is only wished for; one the wish follows still happened.
func TestWishedEvents(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Nigeria hopes that France will attack Ukraine.", nil},
		{"Britain wished Russia would free the activists of Ukraine.", nil},
		{"Russia attacked Ukraine on Monday, hoping to seize Kyiv.", []string{"ASSAULT RUS>UKR"}},
	}
	for _, tt := range tests {
		checkTriples(t, c, tt.text, tt.want)
	}
}
