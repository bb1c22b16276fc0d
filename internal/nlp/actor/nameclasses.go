package actor

import (
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/nlp/ner"
)

// nameClasses are the gazetteers' word classes as the name finder reads them (ner.Lexicon),
// keyed by the word as printed: each capitalised word of a lexicon phrase gets the class of the
// phrase's kind, given names and the grammar's head words, titles and non-names theirs (the
// grammar's lower-case words with a capital first letter).
type nameClasses map[string]uint8

// WordClasses implements ner.Lexicon.
func (c nameClasses) WordClasses(word string) uint8 { return c[word] }

func newNameClasses(lx *lexicon) nameClasses {
	c := make(nameClasses, 1<<16)
	for _, list := range lx.phrases.byFirst {
		for _, p := range list {
			var class uint8
			for _, e := range p.entries {
				class |= entryClass(e.kind)
			}
			if class == 0 {
				continue
			}
			for k, w := range p.toks {
				if !p.folds[k] { // a capitalised word of the phrase
					c[w] |= class
				}
			}
		}
	}
	for w := range lx.first {
		c[w] |= ner.ClassGiven
	}
	grammarClass := func(g gclass) uint8 {
		var class uint8
		if g&(gOrgHead|gGeoHead) != 0 {
			class |= ner.ClassOrgHead
		}
		if g&gNonName != 0 {
			class |= ner.ClassNonName
		}
		if g&gTitle != 0 {
			class |= ner.ClassTitle
		}
		return class
	}
	for w, g := range lx.g.fold {
		if class := grammarClass(g); class != 0 {
			c[capitalized(w)] |= class
		}
	}
	for w, g := range lx.g.exact {
		c[w] |= grammarClass(g)
	}
	for w := range lx.nonNames {
		c[capitalized(w)] |= ner.ClassNonName
	}
	return c
}

// capitalized returns w with its first letter in upper case.
func capitalized(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || unicode.IsUpper(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

func entryClass(k entryKind) uint8 {
	switch k {
	case ePerson:
		return ner.ClassPerson
	case eCountry, eCapital, eSeat, eEpithet:
		return ner.ClassPlace
	case eDemonym:
		return ner.ClassDemonym
	case eOrg, eOrgType:
		return ner.ClassOrganization
	case eRole:
		return ner.ClassTitle
	}
	return 0
}

// NameLexicon returns the gazetteers' word classes for the name finder (internal/nlp/ner), as
// used in training it.
func (r *Recognizer) NameLexicon() ner.Lexicon { return newNameClasses(r.lx) }
