package actor

import (
	"reflect"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
)

func TestLeadMentions(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	type lead struct{ field, text, actor string }
	tests := []struct {
		name, title, standfirst, text string
		want                          []lead
		// names that must not be actors: they occur in the title alone
		absent []string
		// partial: other lead mentions than want may be found
		partial bool
	}{
		{
			name:       "surname in the title, role description in the standfirst",
			title:      "Macron meets Kenyan president",
			standfirst: "The French leader has flown to Nairobi for talks with William Ruto on trade",
			text: "French President Emmanuel Macron arrived in Nairobi on Tuesday for talks with his Kenyan counterpart, William Ruto, on trade and climate finance.\n\n" +
				"The two leaders signed three agreements, officials said.",
			want: []lead{
				{model.FieldTitle, "Macron", "Emmanuel Macron"},
				{model.FieldTitle, "Kenyan", "Kenya"},
				{model.FieldStandfirst, "The French leader", "Emmanuel Macron"},
				{model.FieldStandfirst, "French", "France"},
				{model.FieldStandfirst, "Nairobi", "Kenya"},
				{model.FieldStandfirst, "William Ruto", "William Ruto"},
			},
		},
		{
			name:  "an actor named only in the title is left out",
			title: "Old Friends Portugal, Angola Fall Out Over Oil Deal",
			text: "Angola has suspended an oil agreement with a Portuguese company, the energy ministry said on Monday.\n\n" +
				"Lisbon said it regretted the decision.",
			want:    []lead{{model.FieldTitle, "Angola", "Angola"}},
			absent:  []string{"Friends Portugal", "Oil Deal"},
			partial: true,
		},
		{
			name:  "a pronoun in the title is not tied to the opening",
			title: "Envoy says the junta refused him entry to Myanmar",
			text:  "The United Nations special envoy said on Friday that Myanmar's military government had refused to let her visit, according to a spokesman, Tom Andrews.",
			want: []lead{
				{model.FieldTitle, "Myanmar", "Myanmar"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &model.Document{Title: tt.title, Standfirst: tt.standfirst, Text: tt.text, Published: "2025-03-14"}
			doc.Sentences = sentence.New().Split(doc.Text)
			r.Annotate(doc)
			var got []lead
			for _, a := range doc.Actors {
				for _, m := range a.LeadMentions {
					field := tt.title
					if m.Field == model.FieldStandfirst {
						field = tt.standfirst
					}
					if field[m.Start:m.End] != m.Text {
						t.Errorf("lead mention %q: its span gives %q", m.Text, field[m.Start:m.End])
					}
					got = append(got, lead{m.Field, m.Text, a.Name})
				}
			}
			for _, w := range tt.want {
				if !containsLead(got, w) {
					t.Errorf("missing lead mention %+v; got %+v", w, got)
				}
			}
			for _, g := range got {
				if !tt.partial && !containsLead(tt.want, g) {
					t.Errorf("unexpected lead mention %+v", g)
				}
			}
			for _, name := range tt.absent {
				if a := find(doc, name); a != nil {
					t.Errorf("%q is an actor, though only the title names it", name)
				}
			}

			// The text's own actors are the same without the lead.
			bare := &model.Document{Text: tt.text, Published: doc.Published, Sentences: doc.Sentences}
			r.Annotate(bare)
			for i := range doc.Actors {
				doc.Actors[i].LeadMentions = nil
			}
			if !reflect.DeepEqual(bare.Actors, doc.Actors) {
				t.Errorf("the lead changed the text's actors:\nwithout %+v\nwith    %+v", bare.Actors, doc.Actors)
			}
		})
	}
}

func containsLead[T comparable](list []T, x T) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// A listed person the text prints without accents, or spells only in another way, is named
// as printed.
func TestPrintedName(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"U.N. Secretary-General Antonio Guterres spoke on Monday. Guterres said talks were over.", "Antonio Guterres"},
		{"U.N. Secretary-General António Guterres spoke on Monday.", "António Guterres"},
		// a spelling the lexicon lists as an alias, with the lexicon's surname nowhere
		{"Russia's envoy Vassily Nebenzia spoke on Monday. Nebenzia said the report was false.", "Vassily Nebenzia"},
		{"Russia's envoy Vasily Nebenzya spoke on Monday.", "Vasily Nebenzya"},
		// the name a person goes by, when the article never writes the other
		{"The opposition leader Bobi Wine was arrested in Kampala on Monday.", "Bobi Wine"},
		{"Robert Kyagulanyi, known as Bobi Wine, was arrested in Kampala on Monday.", "Robert Kyagulanyi"},
		// a suffix is no surname
		{"General Charles Brown visited the base on Monday.", "Charles Q. Brown Jr."},
	}
	for _, tt := range tests {
		doc := &model.Document{Text: tt.text, Published: "2025-03-14"}
		doc.Sentences = sentence.New().Split(doc.Text)
		r.Annotate(doc)
		if find(doc, tt.want) == nil {
			t.Errorf("%q: no person named %q in %s", tt.text, tt.want, dump(doc))
		}
	}
}
