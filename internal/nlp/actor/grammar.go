package actor

import (
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
)

// gclass is a set of word classes of grammar.tsv, one bit each.
type gclass uint64

// Word classes of grammar.tsv.
const (
	gParticle gclass = 1 << iota
	gDeterminer
	gPossessive
	gConnector
	gModifier
	gHe
	gShe
	gThey
	gSpeech
	gOrgHead
	gGeoHead
	gLeader
	gCounterpart
	gBoth
	gFemale
	gMale
	gTitle
	gAux
	gAmbiguous
	gPersonNoun
	gNonName
	gCredit
	gCreditObject
	gBodyHead
	gCount2
	gCount3
	gCount4
	gStateGroup
	gBlocNoun
	gBlocAdj
	gAttitude
	gSpokes
	gOtherRank
	gEnvoy
)

// classOf maps a class name of grammar.tsv to its bit.
func classOf(name string) (gclass, bool) {
	switch name {
	case "particle":
		return gParticle, true
	case "determiner":
		return gDeterminer, true
	case "possessive":
		return gPossessive, true
	case "connector":
		return gConnector, true
	case "modifier":
		return gModifier, true
	case "he":
		return gHe, true
	case "she":
		return gShe, true
	case "they":
		return gThey, true
	case "speech":
		return gSpeech, true
	case "orghead":
		return gOrgHead, true
	case "geohead":
		return gGeoHead, true
	case "leader":
		return gLeader, true
	case "counterpart":
		return gCounterpart, true
	case "both":
		return gBoth, true
	case "female":
		return gFemale, true
	case "male":
		return gMale, true
	case "title":
		return gTitle, true
	case "aux":
		return gAux, true
	case "ambiguous":
		return gAmbiguous, true
	case "personnoun":
		return gPersonNoun, true
	case "nonname":
		return gNonName, true
	case "credit":
		return gCredit, true
	case "creditobject":
		return gCreditObject, true
	case "bodyhead":
		return gBodyHead, true
	case "count2":
		return gCount2, true
	case "count3":
		return gCount3, true
	case "count4":
		return gCount4, true
	case "stategroup":
		return gStateGroup, true
	case "blocnoun":
		return gBlocNoun, true
	case "blocadj":
		return gBlocAdj, true
	case "spokes":
		return gSpokes, true
	case "otherrank":
		return gOtherRank, true
	case "attitude":
		return gAttitude, true
	case "envoy":
		return gEnvoy, true
	}
	return 0, false
}

// grammar holds the closed word classes: lower-case words match any capitalisation, others
// match as written.
type grammar struct {
	fold  map[string]gclass
	exact map[string]gclass
	// lowerExact tells whether some key of exact is in lower case (a word written with a
	// curly apostrophe); when none is, a token in lower case needs no look-up in exact.
	lowerExact bool
}

func parseGrammar(data string) (grammar, error) {
	g := grammar{fold: map[string]gclass{}, exact: map[string]gclass{}}
	err := lexfile.EachString(data, func(n int, line string) error {
		name, words, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			return fmt.Errorf("grammar.tsv line %d: want a class, a TAB and words", n)
		}
		c, ok := classOf(name)
		if !ok {
			return fmt.Errorf("grammar.tsv line %d: unknown class %q", n, name)
		}
		for _, w := range list(words) {
			if lowerOf(w) == w {
				g.fold[w] |= c
			} else {
				k := apostropheFold(w)
				g.exact[k] |= c
				if lowerOf(k) == k {
					g.lowerExact = true
				}
			}
		}
		return nil
	})
	return g, err
}

// is reports whether token t belongs to class c. The token caches its classes.
func (g grammar) is(c gclass, t *token) bool {
	if t.flags&tGram == 0 {
		t.gram = g.fold[t.lower]
		if g.lowerExact || t.text != t.lower {
			t.gram |= g.exact[apostropheFold(t.text)]
		}
		t.flags |= tGram
	}
	return t.gram&c != 0
}

// isWord reports whether the lower-case word w belongs to class c.
func (g grammar) isWord(c gclass, w string) bool { return g.fold[w]&c != 0 }
