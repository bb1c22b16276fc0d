package event

import (
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// TestArgumentStructure checks how the coder reads the arguments around a trigger: what a
// refusal turns down, what a collective recipient leaves unnamed, whom a document stands for.
func TestArgumentStructure(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"walking out of talks is no meeting", "Iran walked out of talks with the United States on Monday.",
			[]string{"REJECT IRN>USA"}},
		{"pulling out of peace talks is no meeting", "Russia pulled out of the peace talks with Ukraine.",
			[]string{"RETREAT RUS>UKR"}},
		{"talks held after a refusal are still a meeting", "Iran rejected the offer, and held talks with Russia.",
			[]string{"CONSULT IRN>RUS", "REJECT IRN>-"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkTriples(t, c, tc.text, tc.want) })
	}
}

// TestUnnamedSides checks that a demand of the parties to a dispute, unnamed, is coded with no
// recipient, and that a demand of no one is not coded.
func TestUnnamedSides(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Russia called on all sides to stop the fighting.", []string{"REQUEST RUS>-"}},
		{"France calls on parties concerned to show restraint.", []string{"REQUEST FRA>-"}},
		{"Britain called on both warring factions to return to talks.", []string{"REQUEST GBR>-"}},
		{"Britain called on the public to stay calm.", nil},
		{"Britain called on Russia and all sides to stop the fighting.", []string{"REQUEST GBR>RUS"}},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestDocumentIssuer checks that a statement or letter that is the subject of a verb stands
// for its issuer: the actor named before it, or the one named beside the same noun just before.
func TestDocumentIssuer(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Russia issued a statement on Tuesday. The statement threatened Ukraine with retaliation.", []string{"THREATEN RUS>UKR"}},
		{"In a letter, France wrote to the council. The letter also accused Russia of lying.", []string{"ACCUSE FRA>RUS"}},
		{"Britain's statement warned Iran against escalation.", []string{"THREATEN GBR>IRN"}},
		{"Talks went on. The statement threatened Ukraine with retaliation.", nil},
		{"Russia issued a statement. A draft statement threatened Ukraine.", nil},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestForeignThreatAtHome checks that another state's threat naming no one, in a story about
// one country, is a threat to that country, while a warning is not.
func TestForeignThreatAtHome(t *testing.T) {
	c := testCoder(t)
	actors := []act{
		{"ken", model.KindCountry, "KEN", []string{"Kenya", "Kenyan", "Nairobi"}},
		{"usa", model.KindCountry, "USA", []string{"Washington"}},
	}
	tests := []struct {
		text string
		want []string
	}{
		{"Kenya is divided. Nairobi was calm. Washington issued a statement. The statement threatened sanctions and visa bans.",
			[]string{"THREATEN USA>KEN"}},
		{"Kenya is divided. Nairobi was calm. Washington threatened new sanctions.", []string{"THREATEN USA>KEN"}},
		{"Kenya is divided. Nairobi was calm. Washington warned of a drought.", nil},
	}
	for _, tc := range tests {
		checkTriplesWith(t, c, tc.text, tc.want, actors...)
	}
}

// TestSubjectBeforeSVerb checks that an -s form after "the" and a name is that name's verb
// when no noun pattern starts with the word, and stays a noun when one does.
func TestSubjectBeforeSVerb(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"In a new report, the US warns Iran against any escalation.", []string{"THREATEN USA>IRN"}},
		{"Britain said the US urges Iran to release the prisoners.", []string{"REQUEST USA>IRN"}},
		{"Iran rejected the US threats against Tehran.", []string{"REJECT IRN>USA", "THREATEN USA>IRN"}},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestCallerAsRecipient checks that backing "the call" or "the proposal" is aimed at the side
// that made it, in the sentence or the one before.
func TestCallerAsRecipient(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"France called an emergency meeting of the council. Britain also supported the call.", []string{"SUPPORT GBR>FRA"}},
		{"Russia proposed a truce on Monday, and Iran backed the proposal.", []string{"SUPPORT IRN>RUS"}},
		{"France called for calm. Nigeria held a vote. Britain supported the call.", []string{"REQUEST FRA>-", "SUPPORT GBR>FRA"}},
		{"Britain supported the call.", nil},
		{"France called for calm. French officials supported the call.", []string{"REQUEST FRA>-"}},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestMetWithReaction checks that "met with" a reaction reports no meeting, while "met with"
// a side still does.
func TestMetWithReaction(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Putin met with Trump in Alaska on Friday.", []string{"CONSULT RUS>USA"}},
		{"Putin met with strong criticism from Britain and France, in talks with Trump.", []string{"CONSULT RUS>USA"}},
		{"Putin met with angry protests in Kyiv.", []string{"PROTEST UKR>-"}},
		{"Putin met with Ukrainian criticism.", nil},
		{"Putin met with fierce Ukrainian criticism.", nil},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestHearsayClause checks that the subject of a "that"-clause after a claim or a fear is not
// the recipient of the verb that answers the claim: it is what the claim is about.
func TestHearsayClause(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Russia dismissed concerns that Iran was involved.", []string{"REJECT RUS>-"}},
		{"Russia rebuffed fears that Iran was involved.", nil},
		// an announcement is its subject's: the recipient stays
		{"Russia welcomed the announcement that Iran had agreed to talks.", []string{"AGREE IRN>-", "SUPPORT RUS>IRN"}},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestParticipleAfterVerb checks that a past participle before the object of another verb
// describes that object and is no act of the verb's subject.
func TestParticipleAfterVerb(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Iran released kidnapped British sailors.", []string{"RETREAT IRN>GBR"}},
		{"Iran kidnapped British sailors.", []string{"ASSAULT IRN>GBR"}},
		{"Iran had kidnapped British sailors.", []string{"ASSAULT IRN>GBR"}},
	}
	for _, tc := range tests {
		checkTriples(t, c, tc.text, tc.want)
	}
}

// TestTitleBetween checks that a trigger in its base form between a body and a person is a
// title before the name ("the VOA host Ana Ruiz"), while a verb's -s form is still a verb.
func TestTitleBetween(t *testing.T) {
	c := testCoder(t)
	actors := []act{
		{"voa", model.KindOrganization, "USA", []string{"VOA"}},
		{"ruiz", model.KindPerson, "MEX", []string{"Ana Ruiz"}},
	}
	tests := []struct {
		text string
		want []string
	}{
		{"He tried to kill the journalist and VOA host Ana Ruiz in Chicago in 2022.", nil},
		{"The journalist and VOA host Ana Ruiz spoke in Chicago.", nil},
		{"VOA hosts Ana Ruiz in Chicago.", []string{"CONSULT MEX>USA"}},
	}
	for _, tc := range tests {
		checkTriplesWith(t, c, tc.text, tc.want, actors...)
	}
}
