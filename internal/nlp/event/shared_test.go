package event

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// TestSharedMention checks that a span the actor stage gives to several people ("both
// leaders") makes each of them an actor of the event.
func TestSharedMention(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text, phrase string
		want               []string
	}{
		{"joint commitment", "Both leaders reaffirmed their commitment to dialogue.", "Both leaders",
			[]string{"AGREE RUS>USA", "AGREE USA>RUS"}},
		{"joint request", "Both presidents urged Iran to release the prisoners.", "Both presidents",
			[]string{"REQUEST RUS>IRN", "REQUEST USA>IRN"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.text, testActors...)
			s := strings.Index(tc.text, tc.phrase)
			sp := model.Span{Start: s, End: s + len(tc.phrase)}
			for i := range doc.Actors {
				if id := doc.Actors[i].ID; id == "putin" || id == "trump" {
					doc.Actors[i].Mentions = append(doc.Actors[i].Mentions, model.Mention{Span: sp, Text: tc.phrase})
				}
			}
			c.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tc.want) {
				t.Errorf("%q\n got %v\nwant %v", tc.text, got, tc.want)
			}
		})
	}
}

// An event aimed at governments of no named state ("foreign powers") is coded with an unknown
// recipient; one aimed at a region ("the West") or at civilians of no state is not.
func TestUnnamedStatesAsRecipients(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text, phrase, sector string
		want                 []string
	}{
		{"Russia accused foreign powers of meddling in the vote.", "foreign powers", "GOV", []string{"ACCUSE RUS>-"}},
		{"Russia criticized foreign forces in the region.", "foreign forces", "MIL", []string{"ACCUSE RUS>-"}},
		{"Russia criticized the West.", "the West", "", nil},
		{"Russia criticized foreign investors.", "foreign investors", "BUS", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			doc := buildDoc(tc.text, act{"rus", model.KindCountry, "RUS", []string{"Russia"}})
			s := strings.Index(tc.text, tc.phrase)
			kind := model.KindGroup
			if tc.sector == "" {
				kind = model.KindCountry
			}
			doc.Actors = append(doc.Actors, model.Actor{ID: "g", Name: tc.phrase, Kind: kind, Sector: tc.sector,
				Mentions: []model.Mention{{Span: model.Span{Start: s, End: s + len(tc.phrase)}, Text: tc.phrase}}})
			c.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// A force that arrests or kills people the text does not say whose they are acts on its own
// state; a named victim or a passive is left as it is.
func TestOwnPeople(t *testing.T) {
	c := testCoder(t)
	actors := []act{
		{"mmr", model.KindCountry, "MMR", []string{"Myanmar"}},
		{"forces", model.KindGroup, "MMR", []string{"security forces"}},
		{"fra", model.KindCountry, "FRA", []string{"France"}},
	}
	tests := []struct {
		text string
		want []string
	}{
		{"In Myanmar, the security forces have arrested at least 2,400 people since February 1.", []string{"COERCE MMR>MMR"}},
		{"In Myanmar, the security forces killed dozens of protesters on Friday.", []string{"ASSAULT MMR>MMR"}},
		{"In Myanmar, the security forces arrested two citizens of France.", []string{"COERCE MMR>FRA"}},
		{"In Myanmar, the security forces arrested the reports' authors.", nil},
	}
	for _, tc := range tests {
		checkTriplesWith(t, c, tc.text, tc.want, actors...)
	}
}
