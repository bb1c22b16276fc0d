package quote

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// TestSpeakers checks attributions that depend on the words around the cue rather than on the
// actor stage.
func TestSpeakers(t *testing.T) {
	// many short words and marks: more tokens than the bytes read back would suggest
	dense := strings.Repeat("At 9, 10 or 11 we go. ", 60)
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{"a cue after a paragraph of dense text", dense + `Ana Ruiz, the mayor, said the city "will not give in to the pressure."`,
			[]wantQuote{{"will not give in to the pressure.", "Ana Ruiz", "said"}}},
		{"the envoy speaks, not the body she is sent to", `“Talks must resume,” the Danish Mission to the United Nations said in a statement.`,
			[]wantQuote{{"Talks must resume,", "Danish Mission", "said"}}},
		{"an adviser to someone", `An adviser to the president said the plan was "dead on arrival."`,
			[]wantQuote{{"dead on arrival.", "An adviser", "said"}}},
		{"a name with where it is", `On Monday, Prime Minister Lena Dahl in Oslo called the tariffs "unbearable."`,
			[]wantQuote{{"unbearable.", "Lena Dahl", "called"}}},
		{"a role then the name in apposition", `One of the study's authors, Ivo Brandt, told reporters that "nobody is happy with the deal."`,
			[]wantQuote{{"nobody is happy with the deal.", "Ivo Brandt", "told"}}},
		{"an adverb before the verb ends the subject", `Ana Ruiz's office promptly rejected the ruling, saying it "ignores the facts on the ground."`,
			[]wantQuote{{"ignores the facts on the ground.", "Ana Ruiz's office", "saying"}}},
		{"a participle after a time word", `Rosa Lind sings to the crowd before asking them, “Where do we go from here?”`,
			[]wantQuote{{"Where do we go from here?", "Rosa Lind", "asking"}}},
		{"typed as a cue", `On the form, a nurse had typed “severe distress.”`,
			[]wantQuote{{"severe distress.", "a nurse", "typed"}}},
		{"a title in marks does not cut the attribution, a coordinated cue takes the clause's subject",
			`Ruiz, in an interview with the “Morning Edition” show, dodged a question about taxes, but said, “There will be a period of change.”`,
			[]wantQuote{{"There will be a period of change.", "Ruiz", "said"}}},
		{"a title in marks before the speaker", `On the broadcast of “Meet the Press,” Senator Ana Ruiz (D-NM) said the bill was only “a first step” forward.`,
			[]wantQuote{{"a first step", "Ana Ruiz", "said"}}},
		{"they after a plural subject named since the last speaker", "“We tried,” Ana Ruiz said. Nine press freedom and rights groups this week called for her release. “We urge the court to act,” they said.",
			[]wantQuote{{"We tried,", "Ana Ruiz", "said"}, {"We urge the court to act,", "Nine press freedom and rights groups", "said"}}},
		{"they after a body named in the sentence before", "“We tried,” he said. Meanwhile, in Washington, three members of the U.S. Senate wrote to the minister. “We are deeply concerned,” they wrote.",
			[]wantQuote{{"We tried,", "he", "said"}, {"We are deeply concerned,", "U.S. Senate", "wrote"}}},
		{"they after a body named in the sentence after a quotation", "Ana Ruiz spoke. “We tried,” she said. “We will try again.” Meanwhile, in Washington, three members of the U.S. Senate wrote to the minister. “We are deeply concerned,” they wrote.",
			[]wantQuote{{"We tried,", "Ana Ruiz", "said"}, {"We will try again.", "Ana Ruiz", ""}, {"We are deeply concerned,", "U.S. Senate", "wrote"}}},
		{"a short quotation shares the attribution that ends its sentence", "“We tried,” Ana Ruiz said. The ministry may take “firm steps” to stop ships entering “its own waters,” the new law says.",
			[]wantQuote{{"We tried,", "Ana Ruiz", "said"}, {"firm steps", "the new law", "says"}, {"its own waters,", "the new law", "says"}}},
		{"maintains as a cue", `But Ruiz maintains that the ruling "is not a political step" at all.`,
			[]wantQuote{{"is not a political step", "Ruiz", "maintains"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.text, tt.want) })
	}
}

// TestPronounAfterAnUnknownSpeaker checks that a pronoun the actor stage gave to a person named
// earlier goes to someone said to speak since, whom the actor stage did not know.
func TestPronounAfterAnUnknownSpeaker(t *testing.T) {
	text := "Ana Ruiz was freed on Monday. Ivo Brandt, the group's director, told reporters the release was a “good sign.” " +
		"He called for the charges to be dropped so that Ana Ruiz “can go on working as a reporter.”"
	he := strings.Index(text, "He called")
	later := strings.LastIndex(text, "Ana Ruiz")
	ruiz := model.Actor{ID: "a1", Name: "Ana Ruiz", Kind: model.KindPerson, Mentions: []model.Mention{
		{Span: model.Span{Start: 0, End: 8}, Text: "Ana Ruiz"},
		{Span: model.Span{Start: he, End: he + 2}, Text: "He", Via: "pronoun"},
		{Span: model.Span{Start: later, End: later + 8}, Text: "Ana Ruiz"},
	}}
	doc := annotate(text, ruiz)
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes %+v, want 2", len(doc.Quotes), doc.Quotes)
	}
	for i, q := range doc.Quotes {
		if q.SpeakerName != "Ivo Brandt" {
			t.Errorf("quote %d %q: speaker %q, want Ivo Brandt", i, q.Text, q.SpeakerName)
		}
	}
}

// TestDemonymSpeaker checks that a people named by its demonym speaks as written, tied to its
// state.
func TestDemonymSpeaker(t *testing.T) {
	text := "Chileans often say, “Our country is long and thin.”"
	chile := model.Actor{ID: "c1", Name: "Chile", Kind: model.KindCountry, Mentions: []model.Mention{
		{Span: model.Span{Start: 0, End: 8}, Text: "Chileans", Via: "demonym"},
	}}
	doc := annotate(text, chile)
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "c1" || doc.Quotes[0].SpeakerName != "Chileans" {
		t.Errorf("got %+v, want Chileans (c1) speaking", doc.Quotes)
	}
}

// TestNamedBody checks that "the group" goes to the organisation named last by its own name.
func TestNamedBody(t *testing.T) {
	text := "The League for Press Rights also issued a statement on Friday. “The release is welcome,” the rights group said."
	body := func(id, name string, at int) model.Actor {
		return model.Actor{ID: id, Name: name, Kind: model.KindOrganization, Mentions: []model.Mention{
			{Span: model.Span{Start: at, End: at + len(name)}, Text: name}}}
	}
	group := strings.Index(text, "rights group")
	doc := annotate(text, body("o1", "League for Press Rights", 4), body("o2", "rights group", group))
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "o1" {
		t.Errorf("got %+v, want the League (o1) speaking", doc.Quotes)
	}
}

// TestBodyNamedAsWritten checks that a body the actor stage knows only by a common noun keeps
// the words the text names it by.
func TestBodyNamedAsWritten(t *testing.T) {
	text := "Prime Minister Ana Ruiz's administration rejected the report, saying it “ignores the facts on the ground.”"
	at := strings.Index(text, "administration")
	admin := model.Actor{ID: "o1", Name: "administration", Kind: model.KindOrganization, Mentions: []model.Mention{
		{Span: model.Span{Start: at, End: at + len("administration")}, Text: "administration"}}}
	doc := annotate(text, admin)
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "o1" || doc.Quotes[0].SpeakerName != "Prime Minister Ana Ruiz's administration" {
		t.Errorf("got %+v, want Prime Minister Ana Ruiz's administration (o1)", doc.Quotes)
	}
}
