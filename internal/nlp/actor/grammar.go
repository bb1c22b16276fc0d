package actor

import (
	"bufio"
	"fmt"
	"strings"
)

// Word classes of grammar.tsv.
const (
	gParticle     = "particle"
	gDeterminer   = "determiner"
	gPossessive   = "possessive"
	gConnector    = "connector"
	gModifier     = "modifier"
	gHe           = "he"
	gShe          = "she"
	gThey         = "they"
	gSpeech       = "speech"
	gOrgHead      = "orghead"
	gGeoHead      = "geohead"
	gLeader       = "leader"
	gCounterpart  = "counterpart"
	gBoth         = "both"
	gFemale       = "female"
	gMale         = "male"
	gTitle        = "title"
	gAux          = "aux"
	gAmbiguous    = "ambiguous"
	gPersonNoun   = "personnoun"
	gNonName      = "nonname"
	gCredit       = "credit"
	gCreditObject = "creditobject"
)

// wordSet holds the words of one class: lower-case words match any capitalisation, others
// match as written.
type wordSet struct {
	fold  map[string]bool
	exact map[string]bool
}

func (w wordSet) has(t *token) bool {
	return w.fold[t.lower] || w.exact[t.text] || w.exact[apostropheFold(t.text)]
}

// grammar is the parsed grammar.tsv.
type grammar map[string]wordSet

func parseGrammar(data string) (grammar, error) {
	g := grammar{}
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, words, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("grammar.tsv line %d: want a class, a TAB and words", n)
		}
		ws, ok := g[class]
		if !ok {
			ws = wordSet{fold: map[string]bool{}, exact: map[string]bool{}}
			g[class] = ws
		}
		for _, w := range list(words) {
			if lowerOf(w) == w {
				ws.fold[w] = true
			} else {
				ws.exact[w] = true
			}
		}
	}
	return g, sc.Err()
}

func (g grammar) is(class string, t *token) bool {
	ws, ok := g[class]
	return ok && ws.has(t)
}
