package event

import (
	"slices"
	"testing"
)

func TestParsedSubject(t *testing.T) {
	c, err := NewParsed()
	if err != nil {
		t.Fatal(err)
	}
	plain := testCoder(t)
	tests := []struct {
		name, text    string
		want, without []string
	}{
		{"subject beyond a relative clause with two verbs",
			"Donald Trump, who left the party leadership in 2019 but kept his seat, rejected the allegations on Thursday.",
			[]string{"REJECT USA>-"}, nil},
		{"subject found by the windows stays", "Russia attacked Ukraine on Monday.", []string{"ASSAULT RUS>UKR"}, []string{"ASSAULT RUS>UKR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := buildDoc(tt.text, testActors...)
			c.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tt.want) {
				t.Errorf("parsed: got %v, want %v", got, tt.want)
			}
			doc = buildDoc(tt.text, testActors...)
			plain.Annotate(doc)
			if got := triples(doc); !slices.Equal(got, tt.without) {
				t.Errorf("without the parse: got %v, want %v", got, tt.without)
			}
		})
	}
}
