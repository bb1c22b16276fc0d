package event

import (
	"slices"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

func TestAimAtHome(t *testing.T) {
	local := []act{
		{"ken", model.KindCountry, "KEN", []string{"Kenya", "Kenyan", "Nairobi", "its"}},
		{"gachagua", model.KindPerson, "KEN", []string{"Gachagua"}},
		{"court", model.KindGroup, "KEN", []string{"the court"}},
		{"uga", model.KindCountry, "UGA", []string{"Uganda", "Ugandan"}},
		{"ngo", model.KindOrganization, "NGO", []string{"Amnesty International"}},
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a denial at home answers the state",
			"Kenya is divided. Nairobi was calm. Gachagua denied all the charges.",
			[]string{"REJECT KEN>KEN"}},
		{"the home state's own denial is not aimed at itself",
			"Kenya is divided. Nairobi was calm. Kenya denied all the charges.",
			[]string{"REJECT KEN>-"}},
		{"protesters at home protest against the state",
			"Kenya is divided. Protests broke out in Kenya on Monday.",
			[]string{"PROTEST KEN>KEN"}},
		{"a story about two countries has no home",
			"Kenya borders Uganda. Uganda borders Kenya. Gachagua denied all the charges.",
			[]string{"REJECT KEN>-"}},
		{"a foreign actor keeps no recipient",
			"Kenya is divided. Nairobi was calm. Kenyan courts wait. Uganda denied the charges.",
			[]string{"REJECT UGA>-"}},
		{"a non-state group keeps no recipient",
			"Kenya is divided. Nairobi was calm. Amnesty International denied the charges.",
			[]string{"REJECT NGO>-"}},
		{"a rights group's demand in a story about one country is addressed to its state",
			"Kenya is divided. Nairobi was calm. Amnesty International called for the release of Gachagua.",
			[]string{"REQUEST NGO>KEN"}},
		{"a denunciation at home of no actor is aimed at the state",
			"Kenya is divided. Nairobi was calm. Gachagua denounced the extension.",
			[]string{"ACCUSE KEN>KEN"}},
		{"an attack at home on no actor is aimed at no one",
			"Kenya is divided. Nairobi was calm. Gachagua attacked the plan.",
			nil},
		{"a rejection of its own actor is aimed at no one",
			"Kenya is divided. Nairobi was calm. Kenya rejected its ruling.",
			[]string{"REJECT KEN>-"}},
		{"a meeting is not aimed at home",
			"Kenya is divided. Nairobi was calm. Gachagua and Kenya signed the agreement.",
			[]string{"SUPPORT KEN>-"}},
		{"an arrest at home with no agent is the state's",
			"Kenya is divided. Nairobi was calm. Gachagua was arrested on Monday.",
			[]string{"COERCE KEN>KEN"}},
		{"an impeachment at home with no agent is the state's",
			"Kenya is divided. Nairobi was calm. Gachagua was impeached in October.",
			[]string{"SANCTION KEN>KEN"}},
		{"an ouster names no state agent",
			"Kenya is divided. Nairobi was calm. Gachagua was ousted in October.",
			nil},
		{"a foreigner arrested has no state agent",
			"Kenya is divided. Nairobi was calm. A Ugandan was arrested on Monday.",
			nil},
		{"an agentless passive abroad has no agent",
			"Kenya borders Uganda. Uganda borders Kenya. Gachagua was arrested on Monday.",
			nil},
	}
	c := testCoder(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.text, local...)
			c.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tc.want) {
				t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
