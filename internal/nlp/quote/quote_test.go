package quote

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

type wantQuote struct {
	text, speaker, cue string
}

func annotate(text string, actors ...model.Actor) *model.Document {
	doc := &model.Document{Text: text, Actors: actors}
	New().Annotate(doc)
	return doc
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{"said after", `"We will not back down," said Ana Torres, the mayor.`,
			[]wantQuote{{"We will not back down,", "Ana Torres", "said"}}},
		{"name said", `"The bridge is closed," Torres said on Monday.`,
			[]wantQuote{{"The bridge is closed,", "Torres", "said"}}},
		{"appositive", `"Prices will rise," Lena Park, an economist at the bank, wrote in a note.`,
			[]wantQuote{{"Prices will rise,", "Lena Park", "wrote"}}},
		{"colon before", `Farid Khan told reporters: "The talks are over."`,
			[]wantQuote{{"The talks are over.", "Farid Khan", "told"}}},
		{"partial in reported speech", `The minister said on Friday that Oslo “firmly rejects outside pressure” on the deal.`,
			[]wantQuote{{"firmly rejects outside pressure", "The minister", "said"}}},
		{"split by attribution", `“We tried,” Omar Haddad wrote. “Nobody listened.”`,
			[]wantQuote{{"We tried,", "Omar Haddad", "wrote"}, {"Nobody listened.", "Omar Haddad", ""}}},
		{"a plural possessive is no quotation mark, a role before the name", "“It is unacceptable,” the envoys’ spokesman, Ines Vidal, told reporters. “The army defies calls.”",
			[]wantQuote{{"It is unacceptable,", "Ines Vidal", "told"}, {"The army defies calls.", "Ines Vidal", ""}}},
		{"a new speaker's sentence after a closed quotation", `“The scars last,” Ines Vidal said. “They need care to heal.” The head of the agency told the council that his teams were stretched.`,
			[]wantQuote{{"The scars last,", "Ines Vidal", "said"}, {"They need care to heal.", "Ines Vidal", ""}}},
		{"pronoun resolves to the person named before", "Chief Inspector Maria Lund spoke on Tuesday.\n\n“The road will reopen,” she said.",
			[]wantQuote{{"The road will reopen,", "Maria Lund", "said"}}},
		{"according to a statement", `According to a statement published by the Ministry on Friday, the army “completed the withdrawal.”`,
			[]wantQuote{{"completed the withdrawal.", "Ministry", "According to"}}},
		{"an adverb is no speaker", `The pact holds that "an attack on one is an attack on all" and therefore calls for a joint answer.`,
			[]wantQuote{{"an attack on one is an attack on all", "", "calls"}}},
		{"participle", `Kim Soto criticised the plan in a long speech, saying, "It will fail."`,
			[]wantQuote{{"It will fail.", "Kim Soto", "saying"}}},
		{"dash attribution", "\u201cWe deserve better.\u201d \u2015 Paula Reyes",
			[]wantQuote{{"We deserve better.", "Paula Reyes", ""}}},
		{"typewriter marks", `''The deal is done,'' Mr. Abe said.`,
			[]wantQuote{{"The deal is done,", "Mr. Abe", "said"}}},
		{"single marks and apostrophes", `Iran's envoy said the '90s were hard and called the plan 'a dangerous gamble,' adding that he didn't agree.`,
			[]wantQuote{{"a dangerous gamble,", "Iran's envoy", "called"}}},
		{"paragraph continuation", "\u201cFirst part of the answer.\n\n\u201cSecond part,\u201d said Jo Bell.",
			[]wantQuote{{"First part of the answer.", "Jo Bell", ""}, {"Second part,", "Jo Bell", "said"}}},
		{"inverted cue", "Stated Stone:\n\n\u201cThe stakes are so high that they would do anything.\u201d",
			[]wantQuote{{"The stakes are so high that they would do anything.", "Stone", "Stated"}}},
		{"a statement brought in", `After the attack, Trump issued a statement, "Our nation was attacked last night."`,
			[]wantQuote{{"Our nation was attacked last night.", "Trump", ""}}},
		{"a pronoun ends the speaker phrase", `At the bottom it reads, "You can support the cause by giving more."`,
			[]wantQuote{{"You can support the cause by giving more.", "it", "reads"}}},
		{"a dateline is not a speaker", "WASHINGTON \u2014 \u201cWe have to be ready to stop him and we will be.\u201d",
			[]wantQuote{{"We have to be ready to stop him and we will be.", "", ""}}},
		{"a spaced straight mark closes after a nested quote", `"It is what they call 'a flight to quality,' " he said.`,
			[]wantQuote{{"It is what they call 'a flight to quality,'", "he", "said"}}},
		{"short quotes go on the speech of the sentence", `Lammy noted that a “coalition of the willing” is forming to provide the “security architecture” for it.`,
			[]wantQuote{{"coalition of the willing", "Lammy", "noted"}, {"security architecture", "Lammy", ""}}},
		{"title of a work is not a quote", `She watched the film "Dune" twice.`, nil},
		{"scare quote is not a quote", `The so-called "reforms" passed.`, nil},
		{"short term without a speaker is not a quote", `The "deal" was signed in May.`, nil},
		{"title case name is not a quote", `He spoke on "Fox News Sunday" about taxes, said an aide.`, nil},
		{"unclosed mark is not a quote", "He wrote \"nothing more here\n\nNext paragraph.", nil},
		{"transcript turn is not a quote", "\"HOST: Welcome back to the show, it is good to see you.\"", nil},
		{"standalone quote takes the previous speaker", "\u201cOne more,\u201d Ali Reza said.\n\n\u201cTwo and three and four and five.\u201d",
			[]wantQuote{{"One more,", "Ali Reza", "said"}, {"Two and three and four and five.", "Ali Reza", ""}}},
		{"one capitalised word is a name", `He praised "Hannity" on Monday.`, nil},
		{"one word answered", `"Absolutely," he said.`, []wantQuote{{"Absolutely,", "he", "said"}}},
		{"a headline in capitals is not a quote", `The paper ran "VOTERS SAY NO TO THE PLAN" on Monday, its editor said.`, nil},
		{"speaker of the previous sentence", "Commissioner Omar Alasow confirmed that the siege ended. \u201cOur forces killed six attackers in the hotel.\u201d",
			[]wantQuote{{"Our forces killed six attackers in the hotel.", "Omar Alasow", ""}}},
		{"a fragment in the content of a reporting cue is its subject's", `A district court alleged the reporter had posted "hateful" messages online.`,
			[]wantQuote{{"hateful", "A district court", "alleged"}}},
		{"a weekday between the speaker and the cue", `Omar Aziz, the finance minister, Monday tweeted, "It is time to stop the attacks."`,
			[]wantQuote{{"It is time to stop the attacks.", "Omar Aziz", "tweeted"}}},
		{"a participle after a clause with a past verb", `Lusaka's envoy defended the two treaties, saying relations "are entirely peaceful in nature."`,
			[]wantQuote{{"are entirely peaceful in nature.", "Lusaka's envoy", "saying"}}},
		{"claims as a noun before an inverted cue", `Officials call the rule part of a "salami slicing" plan to press their sea claims, said Nora Lind, an analyst.`,
			[]wantQuote{{"salami slicing", "Nora Lind", "said"}}},
		{"claims as a noun after a determiner is no cue", `Aid groups saw the claims "as baseless" on Monday.`, nil},
		{"claims as a verb", `The minister claims the vote was "rigged by the opposition," a charge others reject.`,
			[]wantQuote{{"rigged by the opposition,", "The minister", "claims"}}},
		{"a statement issued speaks for its issuer", `Foreign Minister Lena Dahl issued a statement Tuesday saying the country is "deeply disappointed" by the vote.`,
			[]wantQuote{{"deeply disappointed", "Lena Dahl", "saying"}}},
		{"characterized as", `The jail held him in conditions that Ruiz characterized as "inhumane and degrading" for months.`,
			[]wantQuote{{"inhumane and degrading", "Ruiz", "characterized"}}},
		{"a speech verb inside reported content keeps its subject", `Lee said the minister told him "we will win" before the vote.`,
			[]wantQuote{{"we will win", "the minister", "told"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.text, tt.want) })
	}
}

// checkQuotes annotates text and checks its quotes, their speakers, cues and spans.
func checkQuotes(t *testing.T, text string, want []wantQuote) {
	t.Helper()
	doc := annotate(text)
	if len(doc.Quotes) != len(want) {
		t.Fatalf("got %d quotes %+v, want %d", len(doc.Quotes), doc.Quotes, len(want))
	}
	for i, w := range want {
		q := doc.Quotes[i]
		if q.Text != w.text || q.SpeakerName != w.speaker || q.Cue != w.cue {
			t.Errorf("quote %d: got (%q, %q, %q), want (%q, %q, %q)", i, q.Text, q.SpeakerName, q.Cue, w.text, w.speaker, w.cue)
		}
		if doc.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote %d: span %v holds %q, not the text %q", i, q.Span, doc.Text[q.Start:q.End], q.Text)
		}
	}
}

func TestSpeakerFromActors(t *testing.T) {
	text := "US President Donald Trump spoke. The US leader said his team was \u201clooking at options.\u201d"
	start := len("US President Donald Trump spoke. ")
	actor := model.Actor{ID: "a1", Name: "Donald Trump", Kind: model.KindPerson, Mentions: []model.Mention{
		{Span: model.Span{Start: 13, End: 25}, Text: "Donald Trump"},
		{Span: model.Span{Start: start, End: start + len("The US leader")}, Text: "The US leader", Via: "role"},
	}}
	doc := annotate(text, actor)
	if len(doc.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(doc.Quotes))
	}
	q := doc.Quotes[0]
	if q.Speaker != "a1" || q.SpeakerName != "Donald Trump" {
		t.Errorf("got speaker %q (%q), want a1 (Donald Trump)", q.Speaker, q.SpeakerName)
	}
	if got := text[q.SpeakerSpan.Start:q.SpeakerSpan.End]; got != "The US leader" {
		t.Errorf("speaker span holds %q, want %q", got, "The US leader")
	}
	if got := text[q.CueSpan.Start:q.CueSpan.End]; got != "said" {
		t.Errorf("cue span holds %q, want said", got)
	}
}

func TestEmbeddedWordList(t *testing.T) {
	if _, err := parseLexicon(wordsTSV); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"cue\n", "nonsense\tword\n", "title\ttwo words\n", "cue\ta b c\n"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) = nil error, want one", bad)
		}
	}
}

func TestReported(t *testing.T) {
	tests := []struct {
		text                  string
		content, speaker, cue string
	}{
		{"Iraqi officials said the strike killed two commanders near the border.", "the strike killed two commanders near the border", "Iraqi officials", "said"},
		{"The strike killed two commanders near the border, officials said.", "The strike killed two commanders near the border", "officials", "said"},
		{"She accused foreign powers of stirring up the unrest in the capital.", "foreign powers of stirring up the unrest in the capital", "She", "accused"},
		{"Maria Lund told reporters that the bridge would reopen next week.", "the bridge would reopen next week", "Maria Lund", "told"},
		{"The strike killed two commanders near the border, said the ministry on Friday.", "The strike killed two commanders near the border", "the ministry", "said"},
		{"Russia's deputy envoy, Dmitry Polyanskiy, said the statement amounted to interference.", "the statement amounted to interference", "Dmitry Polyanskiy", "said"},
		{"Elena Marsh, the interior minister, says the police have closed the bridge.", "the police have closed the bridge", "Elena Marsh", "says"},
		{"The bridge reopened on Monday after repairs.", "", "", ""},
	}
	for _, tt := range tests {
		doc := &model.Document{Text: tt.text, Sentences: []model.Span{{Start: 0, End: len(tt.text)}}}
		New().Annotate(doc)
		if tt.content == "" {
			if len(doc.Reported) != 0 {
				t.Errorf("%q: got reported speech %+v, want none", tt.text, doc.Reported)
			}
			continue
		}
		if len(doc.Reported) != 1 {
			t.Errorf("%q: got %d reports, want 1", tt.text, len(doc.Reported))
			continue
		}
		r := doc.Reported[0]
		if r.Text != tt.content || r.SpeakerName != tt.speaker || r.Cue != tt.cue || r.Kind != KindIndirect {
			t.Errorf("%q: got (%q, %q, %q, %s), want (%q, %q, %q)", tt.text, r.Text, r.SpeakerName, r.Cue, r.Kind, tt.content, tt.speaker, tt.cue)
		}
	}
}

func TestSeveralSpeakers(t *testing.T) {
	text := "Ana Lopes met Ben Ortiz. Both presidents called for \u201ccalm in the region.\u201d"
	both := model.Span{Start: len("Ana Lopes met Ben Ortiz. "), End: len("Ana Lopes met Ben Ortiz. Both presidents")}
	doc := annotate(text,
		model.Actor{ID: "a1", Name: "Ana Lopes", Kind: model.KindPerson, Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 9}}, {Span: both, Via: "role"}}},
		model.Actor{ID: "a2", Name: "Ben Ortiz", Kind: model.KindPerson, Mentions: []model.Mention{{Span: model.Span{Start: 14, End: 23}}, {Span: both, Via: "role"}}},
	)
	if len(doc.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(doc.Quotes))
	}
	if q := doc.Quotes[0]; q.SpeakerName != "Ana Lopes and Ben Ortiz" || q.Speaker != "a1" {
		t.Errorf("got speaker %q (%q), want a1 (Ana Lopes and Ben Ortiz)", q.Speaker, q.SpeakerName)
	}
}

// A person named with where they work speaks, not the workplace: the organisation's own
// mention covers the end of the phrase.
func TestSpeakerOfAnOrganisation(t *testing.T) {
	tests := []struct{ text, person, org string }{
		{`"It was a mistake," said Ana Kovac of the Foreign Policy Institute, a think tank.`, "Ana Kovac", "Foreign Policy Institute"},
		{`"We need talks," said Presidential Advisor Omar Tal of Istanbul's Yeditepe University.`, "Omar Tal", "Yeditepe University"},
		{`"Markets may shrug," said analyst Lea Berg from Global Source Partners.`, "Lea Berg", "Global Source Partners"},
	}
	for _, tt := range tests {
		mention := func(id, name, kind string) model.Actor {
			i := strings.Index(tt.text, name)
			return model.Actor{ID: id, Name: name, Kind: kind, Mentions: []model.Mention{{Span: model.Span{Start: i, End: i + len(name)}, Text: name}}}
		}
		doc := annotate(tt.text, mention("p", tt.person, model.KindPerson), mention("o", tt.org, model.KindOrganization))
		if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "p" {
			t.Errorf("%s\n got %+v, want %s speaking", tt.text, doc.Quotes, tt.person)
		}
	}
}
