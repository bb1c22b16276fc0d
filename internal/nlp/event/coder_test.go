package event

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// Actors shared by the sentence tests.
var testActors = []act{
	{"rus", model.KindCountry, "RUS", []string{"Russia", "Russian", "Moscow", "the Kremlin"}},
	{"putin", model.KindPerson, "RUS", []string{"Vladimir Putin", "Putin"}},
	{"ukr", model.KindCountry, "UKR", []string{"Ukraine", "Ukrainian", "Kyiv"}},
	{"usa", model.KindCountry, "USA", []string{"United States", "U.S.", "US", "Washington"}},
	{"trump", model.KindPerson, "USA", []string{"Donald Trump", "Trump", "He", "he"}},
	{"irn", model.KindCountry, "IRN", []string{"Iran", "Iranian", "Tehran"}},
	{"fra", model.KindCountry, "FRA", []string{"France", "French"}},
	{"gbr", model.KindCountry, "GBR", []string{"Britain", "British"}},
	{"nga", model.KindCountry, "NGA", []string{"Nigeria", "Nigerian"}},
	{"abubakar", model.KindPerson, "NGA", []string{"Mohammed Badaru Abubakar", "Abubakar"}},
	{"police", model.KindGroup, "PAK", []string{"Pakistani police"}},
	{"journalist", model.KindPerson, "PAK", []string{"the journalist"}},
	{"west", model.KindGroup, "", []string{"the West", "Western"}},
	{"fans", model.KindGroup, "", []string{"fans"}},
	{"g7", model.KindOrganization, "IGO", []string{"G7", "Group of Seven"}},
	{"diplomats", model.KindGroup, "", []string{"diplomats", "foreign ministers"}},
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "TYPE SRC>TGT" over countries, sorted
	}{
		{"verb with object", "Russia attacked Ukraine on Monday.", []string{"ASSAULT RUS>UKR"}},
		{"inflected verb", "Russia attacks Ukraine again.", []string{"ASSAULT RUS>UKR"}},
		{"force held out is a threat", "Russia hinted that it could impose sanctions on France.", []string{"THREATEN RUS>FRA"}},
		{"a decision for later is no threat", "The United States announced that it would impose sanctions on Iran.", []string{"SANCTION USA>IRN"}},
		{"a request for comment is no request", "Ukraine made a request for comment to Russia.", nil},
		{"a press briefing is no consultation", "Putin responded in a press briefing, saying that Russia rejects the claims.", []string{"REJECT RUS>-"}},
		{"aides are no aid", "Ukraine sent aides to France.", nil},
		{"joint support of a plan is not mutual", "France, Britain and Nigeria supported the plan.", nil},
		{"joint signing is mutual", "France and Britain signed an agreement.", []string{"SUPPORT FRA>GBR", "SUPPORT GBR>FRA"}},
		{"the visitor is the actor of a visit", "Donald Trump hosted Vladimir Putin at the White House.", []string{"CONSULT RUS>USA"}},
		{"a hosted visit in the passive", "Putin was hosted by Trump.", []string{"CONSULT RUS>USA"}},
		{"a show's host is no visit", "Ukrainian TV host Vladimir Putin interviewed a French writer.", nil},
		{"speaking with someone apart", "Putin spoke by phone on Sunday with the French president.", []string{"CONSULT RUS>FRA"}},
		{"speaking about a country is no consultation", "Putin has spoken openly about the threat Iran poses to Ukraine.", nil},
		{"a list of things before the recipient", "Pakistani police fired tear gas, rubber bullets and water cannon at the journalist.", []string{"ASSAULT PAK>PAK"}},
		{"a list with a serial comma", "Russia supplied food, tents, and medicine to Ukraine.", []string{"AID RUS>UKR"}},
		{"a list of things and no recipient after at", "Putin fired the general, the colonel and the major at a meeting with Ukraine.", nil},
		{"a clause after the comma ends the object", "Pakistani police fired tear gas, the crowd ran and then stones hit the journalist.", nil},
		{"firing someone is no attack", "Trump fired the minister on Monday.", nil},
		{"a rejected offer is the other side's", "Trump spoke on Monday. Tehran rejected its latest proposal.", []string{"REJECT IRN>USA"}},
		{"a denied involvement is the actor's own", "Trump spoke on Monday. Tehran denied its involvement.", []string{"REJECT IRN>-"}},
		{"the side a refusal is aimed at", "Russia has refused to attend a hearing by the G7.", []string{"REJECT RUS>IGO"}},
		{"refusing to meet someone", "Russia refused to meet with Trump.", []string{"REJECT RUS>USA"}},
		{"a refusal of an act aims at no one", "Russia refused to pay.", []string{"REJECT RUS>-"}},
		{"negation cancels", "Russia did not attack Ukraine.", nil},
		{"negated agreement is a rejection", "Russia has not agreed to the ceasefire.", []string{"REJECT RUS>-"}},
		{"passive with agent", "Ukraine was attacked by Russia overnight.", []string{"ASSAULT RUS>UKR"}},
		{"passive without agent", "Ukraine was attacked overnight.", nil},
		{"light verb and noun", "Putin has held a phone call with Trump.", []string{"CONSULT RUS>USA"}},
		{"disappointment is disapproval", "France is deeply disappointed by the decision of Ukraine.", []string{"ACCUSE FRA>UKR"}},
		{"a judgement of a country's policy", "France called Russian subsidies unbearable.", []string{"ACCUSE FRA>RUS"}},
		{"ambassadors withdrawn from each other", "France and Britain withdrew their ambassadors.", nil},
		{"an ambassador withdrawn from a country", "France withdrew its ambassador from Ukraine.", []string{"SANCTION FRA>UKR"}},
		{"the subject before a relative clause", "Trump, who faces two charges relating to the war in Ukraine, denies the charges.", []string{"REJECT USA>-"}},
		{"a relative clause ending in a quotation", `Trump, who faces charges of "inciting violence against Ukraine," denies the charges.`, []string{"REJECT USA>-"}},
		{"a noun carried by a relative clause without that", "The sanctions Washington has imposed on Russia hurt.", []string{"SANCTION USA>RUS"}},
		{"regret is disapproval", "France regrets the decision of Ukraine.", []string{"ACCUSE FRA>UKR"}},
		{"speaking out against a party", "France has spoken out against Ukraine.", []string{"ACCUSE FRA>UKR"}},
		{"a judgement in straight quotes", `France called Russian subsidies "unbearable."`, []string{"ACCUSE FRA>RUS"}},
		{"the person a demonym modifies judges", "On Monday, Nigerian Defence Minister Mohammed Badaru Abubakar called Russian subsidies unbearable.", []string{"ACCUSE NGA>RUS"}},
		{"a judgement of the weather is none", "The weather in Paris was unbearable.", nil},
		{"blame laid on a party", "France laid the blame on Ukraine.", []string{"ACCUSE FRA>UKR"}},
		{"sanctions slapped on a party", "France slapped sanctions on Ukraine.", []string{"SANCTION FRA>UKR"}},
		{"a possessive inside the prepositional object", "France reaffirmed its commitment to Ukraine's security.", []string{"AGREE FRA>UKR"}},
		{"the possessive is the recipient before a further phrase", "France imposed tariffs on Britain's imports from Nigeria.", []string{"SANCTION FRA>GBR"}},
		{"an amount inside a verb pattern", "France imposed 25% tariffs on Ukraine.", []string{"SANCTION FRA>UKR"}},
		{"an amount in words inside a verb pattern", "France imposed 10 percent tariffs on Ukraine.", []string{"SANCTION FRA>UKR"}},
		{"noun with premodifier", "The US threats against Iran worried markets.", []string{"THREATEN USA>IRN"}},
		{"light verb threats", "Trump has issued several threats against Iran.", []string{"THREATEN USA>IRN"}},
		{"blame on", "Iranian authorities have blamed the riots on the United States and France.",
			[]string{"ACCUSE IRN>FRA", "ACCUSE IRN>USA", "PROTEST IRN>-"}},
		{"call on", "Trump called on Iran to release the prisoners.", []string{"REQUEST USA>IRN"}},
		{"infinitive under request is no event", "Trump urged Iran to attack nobody.", []string{"REQUEST USA>IRN"}},
		{"future cooperation is agree", "Ukraine will cooperate with France on energy.", []string{"AGREE UKR>FRA"}},
		{"joint subject is reciprocal", "Putin and Trump reaffirmed their commitment to dialogue.",
			[]string{"AGREE RUS>USA", "AGREE USA>RUS"}},
		{"a warning to someone is a threat", "Trump warned Iran against attacking ships.", []string{"THREATEN USA>IRN"}},
		{"a warning noun with its recipient", "Russia issued a warning to Ukraine.", []string{"THREATEN RUS>UKR"}},
		{"a warning of what may happen is no event", "France warned of a possible famine.", nil},
		{"a proposal made to someone is an offer", "Russia made a proposal to Ukraine on grain.", []string{"AGREE RUS>UKR"}},
		{"a proposal to no one is no event", "Trump's proposal to deepen investment will help.", nil},
		{"a joint proposal is no agreement", "Russia and Iran proposed a new summit.", nil},
		{"a coordinated verb keeps its subject past a counted object", "Russia captured 12 French soldiers and attacked Ukraine.",
			[]string{"ASSAULT RUS>UKR", "COERCE RUS>FRA"}}, // capturing soldiers: an imported verb
		{"an imported verb codes what no hand-written pattern covers", "Russia blockaded Ukraine.",
			[]string{"COERCE RUS>UKR"}},
		{"an imported verb and its object tell the sense: a deal", "Ukraine cut a deal with Russia.",
			[]string{"AGREE UKR>RUS"}},
		{"an imported verb and its object tell the sense: oil", "Ukraine cut oil supplies to Russia.", nil},
		{"an imported verb without a kept sense of its own codes nothing", "Ukraine fired a minister of France.", nil},
		{"an imported verb is no noun after its modifier", "The long struggle between Russia and Ukraine ended.", nil},
		{"a gerund after from is kept from happening", "Russia barred France from meeting Iran.", nil},
		{"a gerund elsewhere still happens", "Russia is attacking Ukraine.", []string{"ASSAULT RUS>UKR"}},
		{"refrain from", "Russia refrained from attacking Ukraine.", nil},
		{"a demand with a price is a threat too", "France urged Russia to accept the ceasefire or face new sanctions.",
			[]string{"REQUEST FRA>RUS", "THREATEN FRA>RUS"}},
		{"a demand with a choice is no threat", "France urged Russia to accept the ceasefire or the plan.", []string{"REQUEST FRA>RUS"}},
		{"expelled from a state: the state acts", "Putin was expelled from France on Friday.", []string{"SANCTION FRA>RUS"}},
		{"expelled by someone: the agent acts", "Putin was expelled from Iran by France.", []string{"SANCTION FRA>RUS"}},
		{"an -ing verb that is also a noun pattern", "Russia has been fighting Ukraine since 2022.", []string{"ASSAULT RUS>UKR"}},
		{"the noun reading stays after a determiner", "The fighting between Russia and Ukraine went on.", []string{"ASSAULT RUS>UKR"}},
		{"a list stops at the subject of a new clause", "Russia has been fighting Ukraine, and France says both sides erred.", []string{"ASSAULT RUS>UKR"}},
		{"an object search stops at the end of a quotation", "“Russia and Iran were meeting,” Trump said.", []string{"CONSULT IRN>RUS", "CONSULT RUS>IRN"}},
		{"scare quotes do not end the object", "Putin called for a “total war” against Ukraine.", []string{"REQUEST RUS>UKR"}},
		{"cooperation for someone", "France will cooperate in building a port for Nigeria.", []string{"AGREE FRA>NGA"}},
		{"regional construct makes no event", "Russia condemned the West.", nil},
		{"countryless actor makes no event", "Fans attacked Russia.", nil},
		{"fire has no event", "A fire destroyed a warehouse in the port on Sunday.", nil},
		{"football has no event", "France beat Britain 2-1 in a friendly match.", nil},
		{"subject through its modifier", "G7 foreign ministers urged Russia to accept the deal.", []string{"REQUEST IGO>RUS"}},
		{"subject through of phrase", "Top diplomats from the Group of Seven urged Russia to accept the deal.", []string{"REQUEST IGO>RUS"}},
		{"judgement", "Putin described the US threats as unacceptable.", []string{"ACCUSE RUS>USA"}},
		{"arrest possessive is the target", "Russia condemned the journalist's arrest by Pakistani police.",
			[]string{"ACCUSE RUS>PAK", "COERCE PAK>PAK"}},
		{"light verb announce", "Nigerian Defense Minister Mohammed Badaru Abubakar announced the activation of a standby military force Tuesday.",
			[]string{"MOBILIZE NGA>-"}},
		{"rejection answers the accusation", "Russia accused Ukraine of shelling the plant. Kyiv rejected the charge.",
			[]string{"ACCUSE RUS>UKR", "REJECT UKR>RUS"}},
		{"compound modifier is no trigger", "Russia rejected the U.S.-proposed plan.", []string{"REJECT RUS>-"}},
		{"meeting after a modifier", "Putin held a separate meeting with Trump in Moscow.", []string{"CONSULT RUS>USA"}},
		{"visit by", "The announcement came during a two-day visit by Putin to France.", []string{"CONSULT RUS>FRA"}},
		{"reduced relative is no actor", "Iran did not reply to an email requesting comment.", nil},
		{"joint meeting", "Putin and Trump met in Helsinki.", []string{"CONSULT RUS>USA", "CONSULT USA>RUS"}},
		{"meeting with success", "The Russian offensive has met with surprising success.", nil},
		{"compound head", "Trump's tariff-trade wars with France worried markets.", []string{"SANCTION USA>FRA"}},
		{"compound participle", "The Iran-backed militia attacked Ukraine.", nil},
		{"participle after article", "Putin described the proposed plan as a disaster.", nil},
		{"particle back", "Russia sent back Ukraine's diplomats.", nil},
		{"relative that after a noun", "Britain and France are among countries that have banned imports from Russia.",
			[]string{"SANCTION FRA>-", "SANCTION GBR>-"}},
		{"light verb far before", "Trump led more than eight hours of peace talks with Ukrainian officials.", []string{"CONSULT USA>UKR"}},
		{"hyphenated pair", "The US-Ukraine talks ended late.", []string{"CONSULT UKR>USA", "CONSULT USA>UKR"}},
		{"gerund after of", "Russia accused Ukraine of supporting Britain.", []string{"ACCUSE RUS>UKR"}},
		{"as host", "G7 ministers gathered as host country France outlined its agenda.", nil},
		{"light verb before a quotation", "The G7 countries affirmed their “unwavering support for Ukraine.”", []string{"SUPPORT IGO>UKR"}},
		{"the first to", "Britain was the first to reject the plan.", []string{"REJECT GBR>-"}},
		{"summit named by its place", "Trump met Putin at the Moscow summit.", []string{"CONSULT USA>RUS"}},
		{"object no", "Russia offered no evidence for its claims.", nil},
		{"noun after a preposition", "Putin is barred from travel to France.", nil},
		{"no signs", "Putin said he sees no signs of progress.", nil},
		{"object through of", "Britain condemned the brutality of the Russian military.", []string{"ACCUSE GBR>RUS"}},
		{"refused to comment", "Russia refused to comment on the report.", nil},
		{"reduced passive", "Ukraine attended a meeting requested by France.", []string{"REQUEST FRA>-"}},
		{"capitalised word is a name", "Ukraine joined the Rapid Support Group.", nil},
		{"a name after that opens a clause", "Putin said that Russia supports the U.S. proposal.", []string{"SUPPORT RUS>USA"}},
		{"a present verb after that and a name", "Trump said on Monday that France backs the plan of Ukraine.", []string{"SUPPORT FRA>UKR"}},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkTriples(t, c, tt.text, tt.want) })
	}
}

func TestCertaintyAndDate(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text, cert, attributed, date string
	}{
		{"Russia reportedly attacked Ukraine.", model.CertaintyReported, "", "2026-01-16"},
		{"Russia allegedly attacked Ukraine.", model.CertaintyAlleged, "", "2026-01-16"},
		{"According to the Kremlin, Putin met Trump.", model.CertaintyReported, "the Kremlin", "2026-01-16"},
		{"Russia could attack Ukraine.", model.CertaintyHypothetical, "", "2026-01-16"},
		{"Russia denied that it attacked Ukraine.", model.CertaintyDenied, "", "2026-01-16"},
		{"Putin met Trump last month.", model.CertaintyAsserted, "", "2025-12"},
		{"Russia is ready to attack Ukraine.", model.CertaintyFuture, "", "2026-01-16"},
		{"Russia said it was willing to meet Ukraine.", model.CertaintyFuture, "", "2026-01-16"},
	}
	for _, tt := range tests {
		doc := buildDoc(tt.text, testActors...)
		if i := strings.Index(tt.text, "last month"); i >= 0 {
			doc.Times = []model.Time{{Span: model.Span{Start: i, End: i + 10}, Text: "last month", Type: "DATE", Value: "2025-12"}}
		}
		c.Annotate(doc)
		var ev *model.Event
		for i := range doc.Events {
			if doc.Events[i].Type != "REJECT" {
				ev = &doc.Events[i]
			}
		}
		if ev == nil {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		if ev.Certainty != tt.cert || ev.AttributedTo != tt.attributed || ev.Date.Value != tt.date {
			t.Errorf("%q: got %s/%q/%s, want %s/%q/%s", tt.text, ev.Certainty, ev.AttributedTo, ev.Date.Value, tt.cert, tt.attributed, tt.date)
		}
		if ev.Score == 0 && ev.Type != "REQUEST" {
			t.Errorf("%q: no score for %s", tt.text, ev.Type)
		}
		if got := doc.Text[ev.Sentence.Start:ev.Sentence.End]; got != tt.text {
			t.Errorf("%q: evidence sentence %q", tt.text, got)
		}
	}
}

func TestLemma(t *testing.T) {
	c := testCoder(t)
	for in, want := range map[string]string{
		"attacked": "attack", "attacks": "attack", "attacking": "attack", "held": "hold",
		"met": "meet", "denies": "deny", "denied": "deny", "urging": "urge", "seized": "seize",
		"threats": "threat", "sanctions": "sanction", "stopped": "stopped", "shelling": "shelling",
		"agreed": "agree", "fought": "fight", "withdrew": "withdraw", "talks": "talk",
	} {
		if got := c.lem.Lemma(in); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePatternsErrors(t *testing.T) {
	for _, bad := range []string{
		"x\tattack\tASSAULT\t-\tobj",
		"v\tattack\tFIGHT\t-\tobj",
		"v\tattack\tASSAULT\t-",
		"v\t\tASSAULT\t-\tobj",
		"v\tattack\tASSAULT\t-\tsideways",
	} {
		if _, err := ParsePatterns(strings.NewReader(bad)); err == nil {
			t.Errorf("ParsePatterns(%q): no error", bad)
		}
	}
	ps, err := ParsePatterns(strings.NewReader("# comment\n\nv\tcall on\tREQUEST\t-\tobj pp=to opt\n"))
	if err != nil || len(ps) != 1 || !ps[0].Obj || !ps[0].Optional || !slices.Equal(ps[0].Preps, []string{"to"}) || len(ps[0].Words) != 2 {
		t.Errorf("ParsePatterns: %+v, %v", ps, err)
	}
}

func TestEmbeddedPatternsAreSound(t *testing.T) {
	c := testCoder(t)
	if n := len(c.Patterns()); n < 250 {
		t.Errorf("only %d patterns", n)
	}
	for _, typ := range ploverTypes {
		if c.score(typ, "") == 0 && typ != "REQUEST" {
			t.Errorf("no score for %s", typ)
		}
	}
	for _, p := range c.Patterns() {
		if p.Mode != "" {
			if _, ok := c.scores[p.Type+"/"+strings.ToLower(p.Mode)]; !ok {
				t.Errorf("line %d: mode %s/%s is not in the score table", p.Line, p.Type, p.Mode)
			}
		}
	}
}
