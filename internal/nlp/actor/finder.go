package actor

import (
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/nlp/ner"
)

// loadNameFinder returns the name finder reading lx's word classes.
func loadNameFinder(lx *lexicon) (*ner.Finder, error) {
	f, err := ner.LoadFinderWith(newNameClasses(lx))
	if err != nil {
		return nil, fmt.Errorf("loading the name finder: %w", err)
	}
	return f, nil
}

// finderWindow bounds the tokens either side of a run that the name finder reads.
const finderWindow = 40

// finderKinds tells what the name finder makes of each token of the unlisted run [s, e), read
// in its sentence.
func (st *state) finderKinds(s, e int) []ner.KindProbs {
	lo, hi := s, e
	for lo > 0 && s-lo < finderWindow && st.sameSeg(lo-1, s) {
		lo--
	}
	for hi < len(st.toks) && hi-e < finderWindow && st.sameSeg(s, hi) {
		hi++
	}
	words := make([]string, 0, hi-lo)
	for k := lo; k < hi; k++ {
		words = append(words, st.toks[k].text)
	}
	return st.lx.names.Kinds(nil, words, s-lo, e-lo)
}

// finderMemo is one document's work with the name finder: its verdicts by run, the runs
// beside a word for a place, and the decodings left.
type finderMemo struct {
	verdicts map[string]bool // lower-case run → a person
	places   map[string]bool // lower-case runs beside a word for a place
	left     int
}

// maxFinderRuns bounds the runs of one document the name finder reads.
const maxFinderRuns = 200

// finderPerson reports whether the name finder is sure that every word of the run [s, e), two
// words or more with nothing around them that marks a person, is part of a person's name:
// "Glwadys Siopathis led a delegation". The finder reads only names the gazetteers do not
// know: a run that opens or ends with a listed person's name is that person and a stray word
// ("Hold Melania Trump", "Obama Sees"). A run the text puts after "in", "at" or "near", or
// beside a word for a place ("the port of Bandar Abbas", "Deh Yak district"), is a place. The
// finder is asked only where a sentence names its subject or an apposition stands
// (personSlot), since a pair of unknown capitalised words elsewhere is as often a place ("from
// Elon Moreh"). The first mention of a run the finder reads decides for all.
func (st *state) finderPerson(s, e int) bool {
	if st.lx.names == nil || e-s < 2 || e-s > 6 {
		return false
	}
	if !st.personSlot(s, e) {
		return false
	}
	key := strings.ToLower(st.span(s, e))
	if st.places[key] || st.nameKind(s) == nkPerson || st.nameKind(e-1) == nkPerson {
		return false
	}
	m := st.finderMemo()
	if v, ok := m.verdicts[key]; ok {
		return v
	}
	if m.places[key] || m.left <= 0 {
		return false
	}
	m.left--
	v := true
	for _, p := range st.finderKinds(s, e) {
		if p.Person < personProb {
			v = false
		}
	}
	m.verdicts[key] = v
	return v
}

const personProb = 0.5

// personSlot reports a run that opens its sentence, or follows a comma, and is followed by a
// comma or a lower-case word: "Glwadys Siopathis led", "his daughter, Argita Berisha Malltezi,
// are".
func (st *state) personSlot(s, e int) bool {
	if e < len(st.toks) && st.sameSeg(s, e) {
		if next := &st.toks[e]; next.text != "," && (!next.is(tWord) || next.is(tCap) || next.is(tDigit)) {
			return false
		}
	}
	if s > 0 && st.sameSeg(s-1, s) && st.toks[s-1].text == "," {
		return true
	}
	for k := s - 1; k >= 0 && st.sameSeg(k, s); k-- {
		if st.toks[k].is(tWord) {
			return false
		}
	}
	return true
}

func (st *state) finderMemo() *finderMemo {
	if st.finder != nil {
		return st.finder
	}
	m := &finderMemo{verdicts: map[string]bool{}, places: map[string]bool{}, left: maxFinderRuns}
	st.finder = m
	for k := range st.toks {
		if !st.placeWord(k) {
			continue
		}
		// "the port of Bandar Abbas", "the capital, Banja Luka", "the town Bazoum"
		j := k + 1
		if j+1 < len(st.toks) && (st.toks[j].lower == "of" || st.toks[j].text == ",") {
			j++
		}
		m.addCapsAfter(st, k, j)
		// "Deh Yak district": every run of capitalised words that ends before the word.
		for i := k - 1; i >= 0 && i >= k-6 && st.toks[i].is(tCap) && st.sameSeg(i, k); i-- {
			if k-i >= 2 {
				m.places[strings.ToLower(st.span(i, k))] = true
			}
		}
	}
	return m
}

// addCapsAfter notes the runs of capitalised words that start at token j.
func (m *finderMemo) addCapsAfter(st *state, k, j int) {
	for e := j + 1; e < len(st.toks) && e-j <= 6 && st.toks[e-1].is(tCap) && st.sameSeg(k, e-1); e++ {
		if e-j >= 2 {
			m.places[strings.ToLower(st.span(j, e))] = true
		}
	}
}

// placeWord reports a lower-case noun for a place at token k, one that names the place beside
// it: "the city of X", "the capital, X", "X province".
func (st *state) placeWord(k int) bool {
	t := &st.toks[k]
	if t.is(tCap) {
		return false
	}
	switch t.lower {
	case "city", "town", "village", "capital", "port", "district", "province", "region", "county",
		"island", "islands", "municipality", "suburb", "neighborhood", "neighbourhood", "valley",
		"camp", "airport", "township", "governorate":
		return true
	}
	return false
}
