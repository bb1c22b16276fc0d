package ner

// Word classes a Lexicon may give a word; each becomes features of the word and of its
// neighbours, so a gazetteer can tell the model that "Garcia" is a surname of listed people or
// "Panthers" the last word of a listed team without the model holding the list.
const (
	// ClassGiven is a given name ("Diego", "Masoud").
	ClassGiven uint8 = 1 << iota
	// ClassPerson is a word of a listed person's name.
	ClassPerson
	// ClassPlace is a word of a listed state, capital, region or city.
	ClassPlace
	// ClassOrganization is a word of a listed organisation's name.
	ClassOrganization
	// ClassOrgHead is a word that makes a name an organisation or place ("Ministry", "Party",
	// "University", "Province").
	ClassOrgHead
	// ClassDemonym is a word of a people or nationality ("Kurdish", "Russians").
	ClassDemonym
	// ClassTitle is a word of a title or role ("President", "Minister").
	ClassTitle
	// ClassNonName is a capitalised word that is not a name ("Monday", "Internet").
	ClassNonName
)

// A Lexicon tells the word classes its gazetteers give a capitalised word as printed (a set of
// the Class bits, 0 for none). It must be safe for concurrent use and give the same answer
// every time.
type Lexicon interface {
	WordClasses(word string) uint8
}
