package event

import (
	"strings"
	"testing"
)

// TestBreadth checks the patterns of the "Lexicon breadth 7" section of patterns.tsv and the
// object slot ("took * into custody"): each sentence codes exactly the listed triples.
func TestBreadth(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// a single side's drills mobilise; joint ones are cooperation
		{"Russia is holding drills near the border.", []string{"MOBILIZE RUS>-"}},
		{"Iran conducted naval drills in the Gulf.", []string{"MOBILIZE IRN>-"}},
		{"Britain held exercises near the border on Monday.", []string{"MOBILIZE GBR>-"}},
		{"France and Britain held joint naval drills on Monday.", []string{"COOPERATE FRA>GBR", "COOPERATE GBR>FRA"}},
		{"Nigeria staged joint military exercises with France.", []string{"COOPERATE NGA>FRA"}},
		// an exchange of prisoners is a release by each side
		{"Russia and Ukraine exchanged prisoners on Monday.", []string{"RETREAT RUS>UKR", "RETREAT UKR>RUS"}},
		{"Russia swapped prisoners with Ukraine.", []string{"RETREAT RUS>UKR"}},
		// the object between the verb and its particle
		{"Pakistani police took the journalist into custody on Monday.", []string{"COERCE PAK>PAK"}},
		{"Nigeria handed Abubakar over to France.", []string{"CONCEDE NGA>FRA"}},
		{"Russia called off the talks with Ukraine.", []string{"REJECT RUS>UKR"}},
		// measures taken in return
		{"Russia announced retaliatory measures against France.", []string{"SANCTION RUS>FRA"}},
		{"Iran imposed countermeasures on Britain.", []string{"SANCTION IRN>GBR"}},
		{"France took punitive measures against Nigeria.", []string{"SANCTION FRA>NGA"}},
		// read from news stories
		{"Iran conducted a nuclear test on Friday.", []string{"MOBILIZE IRN>-"}},
		{"Nigeria drew criticism from France over the vote.", []string{"ACCUSE FRA>NGA"}},
		{"Washington sent a delegation to Kyiv on Monday.", []string{"CONSULT USA>UKR"}},
		{"Nigerian police placed Abubakar under house arrest.", []string{"COERCE NGA>NGA"}},
		{"Russia declared a ceasefire on Monday.", []string{"RETREAT RUS>-"}},
		{"Russia launched a cyberattack on Ukraine.", []string{"COERCE RUS>UKR"}},
		{"France sued Nigeria on Monday.", []string{"ACCUSE FRA>NGA"}},
		{"Nigerian police dismantled a terrorist cell on Monday.", []string{"COERCE NGA>-"}},
		{"France broke up a network of smugglers.", []string{"COERCE FRA>-"}},
		{"Russia imposed an import ban on Ukraine.", []string{"SANCTION RUS>UKR"}},
	}
	c := testCoder(t)
	for _, tt := range tests {
		checkTriples(t, c, tt.text, tt.want)
	}
}

// A "*" must stand between a pattern's first and last words.
func TestSlotPlacement(t *testing.T) {
	for _, line := range []string{"v\t* call\tREJECT\t-\tobj\n", "v\tcall *\tREJECT\t-\tobj\n", "v\tcall * * off\tREJECT\t-\tobj\n"} {
		if _, err := ParsePatterns(strings.NewReader(line)); err == nil {
			t.Errorf("%q: want an error", line)
		}
	}
}

// A plural in a pattern becomes a known word, and a known word is its own lemma: "weapons
// test" would stop "sent weapons to" from reading "weapons" as "weapon". Pattern words are
// written as lemmas, so no word may be another one with a plural ending.
func TestPatternWordsAreLemmas(t *testing.T) {
	c := testCoder(t)
	words := map[string]bool{}
	for _, p := range c.Patterns() {
		if !p.Imported {
			for _, w := range p.Words {
				words[w] = true
			}
		}
	}
	for w := range words {
		for _, end := range []string{"s", "es"} {
			if stem, ok := strings.CutSuffix(w, end); ok && len(stem) > 2 && words[stem] {
				t.Errorf("pattern word %q is a plural of the pattern word %q: write the lemma", w, stem)
			}
		}
	}
}
