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
