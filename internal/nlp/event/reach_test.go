package event

import "testing"

// TestReach checks argument rules that reach past the nearest words: appositions set off by
// commas, participles, prepositional phrases and the like.
func TestReach(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text string
		want       []string // "TYPE SRC>TGT" over countries, sorted
	}{
		{"an apposition between commas is no subject of the next verb",
			"Russia and France met in the Iranian capital, Tehran, and signed a pact.",
			[]string{"CONSULT FRA>RUS", "CONSULT RUS>FRA", "SUPPORT FRA>RUS", "SUPPORT RUS>FRA"}},
		{"a visit that is the occasion of saying has the speaker for actor",
			"Putin said during a visit to Tehran that trade would grow.",
			[]string{"CONSULT RUS>IRN"}},
		{"a phone call that is the occasion of telling has the one told for recipient",
			"Putin told Trump in a phone call on Monday that the war would go on.",
			[]string{"CONSULT RUS>USA"}},
		{"a statement is no occasion of a meeting",
			"Putin said in a statement that Ukraine had attacked.",
			nil},
		{"a withdrawal from no one makes no event", "Russia pulled out of the grain deal in 2023.", nil},
		{"a withdrawal from a state is a retreat", "Russia withdrew its troops from Ukraine.", []string{"RETREAT RUS>UKR"}},
		{"a demonstration of resolve is no protest", "Iran said the drill was a demonstration of its resolve against the United States.", nil},
		{"a participle after a comma has the sentence's subject",
			"Russia sent a letter to France about the Iran-Ukraine deal of 2024, urging Washington to lift sanctions.",
			[]string{"REQUEST RUS>USA"}},
		{"a participle after a prepositional subject keeps the word-window subject",
			"In Kyiv, Ukraine attacked Russia, killing soldiers.",
			[]string{"ASSAULT UKR>RUS"}},
		{"no longer recognizing is a rejection", "Russia will no longer recognize Ukraine.", []string{"REJECT RUS>UKR"}},
		{"an infinitive after \"either\" is only the content of a request", "France is looking to Trump to either veto the deal or delay it.", nil},
		{"a threat of something against a state", "Iran is threatening retaliation against the United States.", []string{"THREATEN IRN>USA"}},
		{"lobbying a state is a request", "France lobbied Nigeria to drop the tariffs.", []string{"REQUEST FRA>NGA"}},
		{"a meeting convened with others", "Russia convened a meeting with Iran on Monday.", []string{"CONSULT RUS>IRN"}},
		{"a gerund carrying a noun in a fronted phrase has the main clause's subject",
			"In announcing the sanctions on Abubakar this week, Trump said more would follow.",
			[]string{"SANCTION USA>NGA"}},
		{"a rejection answers the sanction of the one who rejects",
			"Washington imposed sanctions on Abubakar. Abubakar rejected the allegations.",
			[]string{"REJECT NGA>USA", "SANCTION USA>NGA"}},
		{"a rejection does not answer a sanction of someone else of the same state",
			"Washington imposed sanctions on Nigeria. Abubakar rejected the allegations.",
			[]string{"REJECT NGA>-", "SANCTION USA>NGA"}},
		{"a partitive relative stands for the people before the comma",
			"Nigeria fired tear gas at Pakistani police, some of whom threw rocks at Nigeria.",
			[]string{"ASSAULT NGA>PAK", "ASSAULT PAK>NGA"}},
		{"a refusal with no recipient answers the proposer of the clause before",
			"On Monday, the Russian side proposed a truce, but the Ukrainian side refused.",
			[]string{"REJECT UKR>RUS"}},
		{"a refusal does not answer a proposal of its own side",
			"Putin proposed a truce, but the Kremlin refused.",
			[]string{"REJECT RUS>-"}},
		{"a rejection answers the demand aimed at the rejecter",
			"France urged Nigeria to free the activists. Nigeria rejected the demand.",
			[]string{"REJECT NGA>FRA", "REQUEST FRA>NGA"}},
		{"a rejection answers the demand of another state naming no one just before",
			"The French parliament called for an inquiry into the vote. Nigeria rejected the resolution.",
			[]string{"REJECT NGA>FRA", "REQUEST FRA>-"}},
		{"a demand two sentences back is not answered",
			"The French parliament called for an inquiry into the vote. The vote was held in May. Nigeria rejected the resolution.",
			[]string{"REJECT NGA>-", "REQUEST FRA>-"}},
		{"a warning that a pact between two states is illegal accuses both",
			"France warned on Monday that the arms deal between Iran and Nigeria is dangerous and illegal.",
			[]string{"ACCUSE FRA>IRN", "ACCUSE FRA>NGA"}},
		{"a predicative judgement word before a noun judges no one",
			"France said illegal mining in Nigeria had grown.",
			nil},
		{"restoring ties with a state is support", "France restored ties with Iran in May.", []string{"SUPPORT FRA>IRN"}},
		{"normalizing relations with a state is support", "France will normalize relations with Iran this year.", []string{"AGREE FRA>IRN"}},
		{"people named with their titles are one list",
			"Russian President Vladimir Putin and outgoing Nigerian Defence Minister Mohammed Badaru Abubakar met Trump.",
			[]string{"CONSULT NGA>USA", "CONSULT RUS>USA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkTriples(t, c, tt.text, tt.want) })
	}
}
