package actor

import (
	"testing"
)

// TestOfficeHolder resolves the same role phrase on two dates to the two people who held the
// office then.
func TestOfficeHolder(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		text, date, want, country string
	}{
		{"The U.S. president spoke on Monday.", "2022-03-02", "Joe Biden", "USA"},
		{"The U.S. president spoke on Monday.", "2026-03-02", "Donald Trump", "USA"},
		{"The U.S. president spoke on Monday.", "2019-06-01", "Donald Trump", "USA"},
		{"The U.S. president spoke on Monday.", "2021-06-01", "Joe Biden", "USA"},
		{"The president of Russia spoke on Monday.", "2020-01-10", "Vladimir Putin", "RUS"},
		// The article's home state, named twice, places "the president".
		{"Russia said the talks would go on. Russia is ready, the president said.", "2020-01-10", "Vladimir Putin", "RUS"},
	}
	for _, tt := range tests {
		doc := annotate(r, tt.text, tt.date)
		a := find(doc, tt.want)
		if a == nil {
			t.Errorf("%q on %s: no %s in %s", tt.text, tt.date, tt.want, dump(doc))
			continue
		}
		if a.Country != tt.country {
			t.Errorf("%q on %s: %s has country %q, want %q", tt.text, tt.date, tt.want, a.Country, tt.country)
		}
		checkSpans(t, doc)
	}
}

// TestOfficeHolderUnknown leaves a role phrase alone when the date, the state or the holder
// is unknown.
func TestOfficeHolderUnknown(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct{ text, date string }{
		{"The U.S. president spoke on Monday.", ""},
		{"The U.S. president spoke on Monday.", "2016-06-01"},
		{"The president spoke on Monday.", "2026-03-02"},
		{"The president of Iraq spoke on Monday.", "2026-03-02"},
	}
	for _, tt := range tests {
		doc := annotate(r, tt.text, tt.date)
		for _, a := range doc.Actors {
			if a.Kind == "person" {
				t.Errorf("%q on %q: unexpected person %s", tt.text, tt.date, a.Name)
			}
		}
	}
}

// TestImportedActors reads the imported actors beneath the hand-written ones, with their
// offices known only up to the date of the dictionaries.
func TestImportedActors(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		text, date, name, country, sector, role string
	}{
		// The hand-written row wins: its role and its date.
		{"Vladimir Putin said on Monday that talks would go on.", "2026-01-10", "Vladimir Putin", "RUS", "GOV", "President"},
		{"Nodar Testadze said on Monday that talks would go on.", "2010-05-01", "Nodar Testadze", "GEO", "GOV", ""},
		// After 2014 the dictionaries say nothing of his office, only of his state.
		{"Nodar G. Testadze said on Monday that talks would go on.", "2026-01-10", "Nodar Testadze", "GEO", "", ""},
		{"The Tbilisi Water Board said on Monday that prices would rise.", "2026-01-10", "Tbilisi Water Board", "GEO", "GOV", ""},
	}
	for _, tt := range tests {
		doc := annotate(r, tt.text, tt.date)
		a := find(doc, tt.name)
		if a == nil {
			t.Errorf("%q: no %s in %s", tt.text, tt.name, dump(doc))
			continue
		}
		if a.Country != tt.country || a.Sector != tt.sector || a.Role != tt.role {
			t.Errorf("%q on %s: %s is %q %q %q, want %q %q %q", tt.text, tt.date, tt.name, a.Country, a.Sector, a.Role, tt.country, tt.sector, tt.role)
		}
	}
}

// TestSpokespeople makes an unnamed spokesperson a mention of the body or state they speak
// for, and leaves a spokesperson with a name to the people finder.
func TestSpokespeople(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct {
		text, mention, actor string
	}{
		{"A spokesman for the Foreign Ministry said talks would go on.", "A spokesman for the Foreign Ministry", "Foreign Ministry"},
		{"Talks will go on, a Kremlin spokeswoman said.", "a Kremlin spokeswoman", "Russia"},
		{"Talks will go on, a Russian Foreign Ministry spokesman said.", "a Russian Foreign Ministry spokesman", "Russian Foreign Ministry"},
	}
	for _, tt := range tests {
		doc := annotate(r, tt.text, "2026-01-10")
		found := false
		for _, a := range doc.Actors {
			if a.Name == tt.actor && contains(mentionTexts(&a), tt.mention) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no mention %q of %s in %s", tt.text, tt.mention, tt.actor, dump(doc))
		}
		checkSpans(t, doc)
	}
	doc := annotate(r, "Foreign Ministry spokeswoman Maria Zakharova said talks would go on.", "2026-01-10")
	for _, a := range doc.Actors {
		if a.Kind != "person" && contains(mentionTexts(&a), "Foreign Ministry spokeswoman") {
			t.Errorf("a title before a name became a mention of %s", a.Name)
		}
	}
}

// TestOtherRank keeps "the minister" from the prime minister and "the president" from the
// vice president.
func TestOtherRank(t *testing.T) {
	r := testRecognizer(t)
	tests := []struct{ text, name, phrase string }{
		{"Prime Minister John Okafor spoke in Abuja. The minister said talks would go on.", "John Okafor", "The minister"},
		{"Vice President Mary Okafor spoke in Abuja. The president said talks would go on.", "Mary Okafor", "The president"},
	}
	for _, tt := range tests {
		doc := annotate(r, tt.text, "2026-01-10")
		a := find(doc, tt.name)
		if a == nil {
			t.Errorf("%q: no %s in %s", tt.text, tt.name, dump(doc))
			continue
		}
		if contains(mentionTexts(a), tt.phrase) {
			t.Errorf("%q: %q became a mention of %s", tt.text, tt.phrase, tt.name)
		}
	}
}
