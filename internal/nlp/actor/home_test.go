package actor

import (
	"slices"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

// TestHomeAndFallbackCountries checks the codes actors take when the text names no state for
// them: the article's clear home state for local people and groups, NGO for aid and rights
// groups, the code of a UN or EU body named before a generic head, the leader's state for a
// government named after its leader ("the Biden administration").
func TestHomeAndFallbackCountries(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want map[string]string // actor name → country ("" = none)
	}{
		{
			name: "a lawyer and protesters in a Kenyan story are Kenyan",
			text: "Kenya arrested an activist. Kenya said he broke the law. His lawyer, Peter Mwangi, said the charges were false. Protesters gathered outside the court in Kenya.",
			want: map[string]string{"Peter Mwangi": "KEN", "Protesters": "KEN"},
		},
		{
			name: "news media and analysts keep no state",
			text: "Kenya arrested an activist. Kenya said he broke the law. Analyst Peter Mwangi said the newspaper was right. Kenya denied it.",
			want: map[string]string{"Peter Mwangi": "", "newspaper": ""},
		},
		{
			name: "a reporter the text gives no state is local, the newspaper is not",
			text: "Kenya arrested an activist. Kenya said he broke the law. Police detained journalist Peter Mwangi, who writes for the newspaper.",
			want: map[string]string{"Peter Mwangi": "KEN", "newspaper": ""},
		},
		{
			name: "the head of a UN court named by its office is the court's",
			text: "Kenya refused to attend a hearing at the International Court of Justice. The court's president, Judge Joan Donoghue, rejected Kenya's request. Kenya left.",
			want: map[string]string{"Joan Donoghue": "UNO"},
		},
		{
			name: "the head of a body of no state stays local",
			text: "Kenya arrested an activist. Kenya said he broke the law. The newspaper's editor, Peter Mwangi, said the charges were false.",
			want: map[string]string{"Peter Mwangi": "KEN"},
		},
		{
			name: "no clear home state, no code",
			text: "Kenya and Uganda signed a deal. Kenya and Uganda will meet again. Peter Mwangi praised it.",
			want: map[string]string{"Peter Mwangi": ""},
		},
		{
			name: "legislators take the state of the other legislators",
			text: "U.S. lawmakers welcomed the deal with Ukraine. Representative Jason Crow said Ukraine needed help from the United States. Parliament met.",
			want: map[string]string{"Jason Crow": "USA", "U.S. lawmakers": "USA", "Parliament": ""},
		},
		{
			name: "legislators of several states lend none",
			text: "U.S. lawmakers and Ukrainian lawmakers met. Representative Jason Crow said Ukraine needed help. Russia disagreed. Russia said no.",
			want: map[string]string{"Jason Crow": ""},
		},
		{
			name: "rights groups with no state are NGO",
			text: "Media rights organizations condemned the arrest. Human rights groups urged the government to act.",
			want: map[string]string{"Media rights organizations": "NGO", "Human rights groups": "NGO"},
		},
		{
			name: "a state named before the head wins",
			text: "Kenyan rights groups condemned the arrest.",
			want: map[string]string{"Kenyan rights groups": "KEN"},
		},
		{
			name: "a UN body before a generic head lends its code",
			text: "UN aid agencies said the camps were full.",
			want: map[string]string{"UN aid agencies": "UNO"},
		},
		{
			name: "people after a UN body are not the UN's",
			text: "The U.N. children's agency said children were hungry.",
			want: map[string]string{"children": ""},
		},
		{
			name: "a UN body before a possessive and an adjective lends its code",
			text: "Kenya refused to attend a hearing by the United Nations' highest court. The UN's nuclear watchdog said Kenya's court had ruled.",
			want: map[string]string{"United Nations' highest court": "UNO", "UN's nuclear watchdog": "UNO", "Kenya's court": "KEN"},
		},
		{
			name: "a government named after its leader is the leader's state",
			text: "Iran rejected the offer. Iran said the Biden administration had imposed sanctions. Iran will not talk.",
			want: map[string]string{"administration": "USA"},
		},
		{
			name: "an ordinal may stand before the leader",
			text: "Iran said talks failed. Iran blamed the deal the first Trump administration pulled out of. Iran waits.",
			want: map[string]string{"administration": "USA"},
		},
		{
			name: "a leader with a possessive ending",
			text: "Iran said the deal was dead. Iran blamed U.S. President Joe Biden's government. Iran waits.",
			want: map[string]string{"government": "USA"},
		},
		{
			name: "a bare administration keeps the home state",
			text: "Kenya rejected the ruling. Kenya said the administration would appeal. Kenya will not attend.",
			want: map[string]string{"administration": "KEN"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &model.Document{Text: tc.text}
			sentence.New().Annotate(doc)
			r.Annotate(doc)
			got := map[string]string{}
			for _, a := range doc.Actors {
				got[a.Name] = a.Country
			}
			for name, c := range tc.want {
				g, ok := got[name]
				if !ok {
					t.Errorf("%s: no such actor; actors %v", name, got)
					continue
				}
				if g != c {
					t.Errorf("%s: country %q, want %q", name, g, c)
				}
			}
		})
	}
}

// TestBothIsNoApposition checks that "both leaders" after a name is a mention of each leader,
// not an apposition of the last one.
func TestBothIsNoApposition(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: "Indian Prime Minister Narendra Modi visited Mauritius. After talks with Mauritius Prime Minister Navinchandra Ramgoolam, both leaders reaffirmed their commitment to peace."}
	sentence.New().Annotate(doc)
	r.Annotate(doc)
	for _, name := range []string{"Narendra Modi", "Navinchandra Ramgoolam"} {
		found := false
		for _, a := range doc.Actors {
			if a.Name != name {
				continue
			}
			for _, m := range a.Mentions {
				found = found || m.Text == "both leaders"
			}
		}
		if !found {
			t.Errorf("%s: no mention \"both leaders\"", name)
		}
	}
}

// TestCollectives checks references to several states and to a bloc.
func TestCollectives(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, ref string
		want            []string // actors with a mention over ref, sorted
	}{
		{"counted nations", "Burkina Faso, Mali and Niger left ECOWAS in January. The three military-led nations accused the bloc of serving foreign interests.",
			"The three military-led nations", []string{"Burkina Faso", "Mali", "Niger"}},
		{"trio", "Burkina Faso, Mali and Niger left ECOWAS. ECOWAS will keep trade ties with the trio.",
			"the trio", []string{"Burkina Faso", "Mali", "Niger"}},
		{"both countries", "India and Mauritius upgraded their ties. Leaders of both countries met.",
			"both countries", []string{"India", "Mauritius"}},
		{"wrong count resolves nothing", "India and Mauritius upgraded their ties. The three countries met.",
			"The three countries", nil},
		{"the bloc is the body named most", "ECOWAS met in Abuja. ECOWAS said Mali, Niger and Burkina Faso formed the Alliance of Sahel States. Nigeria praised the bloc.",
			"the bloc", []string{"ECOWAS"}},
		{"a body needs an adjective", "ECOWAS met in Abuja. Police found the body in a river.",
			"the body", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &model.Document{Text: tc.text}
			sentence.New().Annotate(doc)
			r.Annotate(doc)
			var got []string
			for _, a := range doc.Actors {
				for _, m := range a.Mentions {
					if m.Text == tc.ref {
						got = append(got, a.Name)
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: got %v, want %v", tc.ref, got, tc.want)
			}
		})
	}
}

// TestAttitudeIsNoBody checks that "opposition to/from" in lower case is no actor.
func TestAttitudeIsNoBody(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"China protested. The plan met with opposition from China.",
		"China voiced opposition to the plan.",
	} {
		doc := &model.Document{Text: text}
		sentence.New().Annotate(doc)
		r.Annotate(doc)
		for _, a := range doc.Actors {
			if a.Sector == "OPP" {
				t.Errorf("%q: %q is an actor", text, a.Name)
			}
		}
	}
	doc := &model.Document{Text: "The opposition said China lied."}
	sentence.New().Annotate(doc)
	r.Annotate(doc)
	found := false
	for _, a := range doc.Actors {
		found = found || a.Sector == "OPP"
	}
	if !found {
		t.Error("the opposition as a subject is no actor")
	}
}
