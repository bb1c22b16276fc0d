package actor

import (
	"slices"
	"testing"
)

func TestPhraseIndexLongest(t *testing.T) {
	px := newPhraseIndex()
	px.add("minister", entry{eRole, 1})
	px.add("minister of defence", entry{eRole, 2})
	px.add("Minister of State", entry{eRole, 3})
	px.add("minister of defence", entry{eOrg, 4})
	px.add("US", entry{eCountry, 5})
	px.add("us army", entry{eOrg, 6})
	px.add("Minister", entry{eRole, 7})
	for _, tc := range []struct {
		text string
		end  int
		want []entry
	}{
		{"the minister said", 0, nil},
		{"minister of defence said", 3, []entry{{eRole, 2}, {eOrg, 4}}},
		{"Minister of Defence", 3, []entry{{eRole, 2}, {eOrg, 4}}},
		{"Minister of State", 3, []entry{{eRole, 3}}},
		{"minister of state", 1, []entry{{eRole, 1}}},
		{"Minister of", 1, []entry{{eRole, 1}, {eRole, 7}}},
		{"minister", 1, []entry{{eRole, 1}}},
		{"US Army", 2, []entry{{eOrg, 6}}},
		{"US", 1, []entry{{eCountry, 5}}},
		{"us", 0, nil},
		{"us navy", 0, nil},
	} {
		toks := words(tc.text)
		end, got := px.longest(toks, 0)
		if end != tc.end || !slices.Equal(got, tc.want) {
			t.Errorf("longest(%q) = %d %v, want %d %v", tc.text, end, got, tc.end, tc.want)
		}
	}
}

// TestPhraseFilters checks that the bit sets of the embedded lexicon's index hold every first
// word of a one-token phrase and every first pair of a longer one, and that longest finds what
// trying every phrase of the first word finds.
func TestPhraseFilters(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	px := r.lx.phrases
	for key, list := range px.byFirst {
		for _, p := range list {
			if len(p.toks) == 1 {
				if !px.singles.has(wordHash(key)) {
					t.Errorf("singles misses %q", key)
				}
				continue
			}
			second := lowerOf(p.toks[1])
			if !px.pairs.has(pairHash(wordHash(key), wordHash(second))) {
				t.Errorf("pairs misses %q %q", key, second)
			}
		}
	}
	toks := tokenize(benchText, 0, nil, nil, nil)
	for i := range toks {
		end, got := px.longest(toks, i)
		wantEnd, want := longestOfAll(px, toks, i)
		if end != wantEnd || !slices.Equal(got, want) {
			t.Errorf("longest at %q = %d %v, want %d %v", toks[i].text, end, got, wantEnd, want)
		}
	}
}

// longestOfAll is longest by trying every phrase of the first word.
func longestOfAll(px phraseIndex, toks []token, i int) (int, []entry) {
	if !toks[i].is(tWord) && !toks[i].is(tPoss) && toks[i].text != "(" {
		return i, nil
	}
	return matchPhrases(px.byFirst[toks[i].lower], toks, i, i, nil)
}
