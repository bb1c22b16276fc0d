package actor

import (
	"sort"
	"strings"
)

// phrase is one surface form of a lexicon entry, as tokens.
type phrase struct {
	toks    []string // as written in the lexicon, curly apostrophes made straight
	folds   []bool   // whether each token is written in lower case (and so matches any case)
	entries []entry
}

// phraseIndex finds lexicon phrases in a token stream: phrases keyed by their first token in
// lower case, longest first.
type phraseIndex map[string][]*phrase

func (px phraseIndex) add(surface string, e entry) {
	ts := words(surface)
	if len(ts) == 0 {
		return
	}
	toks := make([]string, len(ts))
	folds := make([]bool, len(ts))
	for i := range ts {
		toks[i] = apostropheFold(ts[i].text)
		folds[i] = ts[i].lower == toks[i]
	}
	key := ts[0].lower
	for _, p := range px[key] {
		if equalStrings(p.toks, toks) {
			for _, o := range p.entries {
				if o == e {
					return
				}
			}
			p.entries = append(p.entries, e)
			return
		}
	}
	list := append(px[key], &phrase{toks: toks, folds: folds, entries: []entry{e}})
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].toks) > len(list[j].toks) })
	px[key] = list
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// caseMatch reports whether the lexicon token lex matches the text token t. A lexicon token
// written in lower case (fold) matches any capitalisation ("army" matches "Army" and "ARMY");
// one with capitals must match exactly, so "US" never matches "us".
func caseMatch(lex string, fold bool, t *token) bool {
	if fold {
		return lex == t.lower
	}
	if lex == t.text {
		return true
	}
	return strings.Contains(t.text, "’") && lex == apostropheFold(t.text)
}

func apostropheFold(s string) string {
	if !strings.Contains(s, "’") {
		return s
	}
	return strings.ReplaceAll(s, "’", "'")
}

// match is a lexicon phrase found in the text: tokens [i, j) and what it stands for.
type match struct {
	i, j    int
	entries []entry
}

// longest returns every entry of the longest phrases starting at token i, and the end token.
func (px phraseIndex) longest(toks []token, i int) (int, []entry) {
	if !toks[i].is(tWord) && !toks[i].is(tPoss) {
		if toks[i].text != "(" {
			return i, nil
		}
	}
	best := i
	var out []entry
	for _, p := range px[toks[i].lower] {
		n := len(p.toks)
		if n < best-i || i+n > len(toks) {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			if !caseMatch(p.toks[k], p.folds[k], &toks[i+k]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if i+n > best {
			best = i + n
			out = out[:0:0]
		}
		out = append(out, p.entries...)
	}
	return best, out
}

// has reports whether es holds an entry of kind k, and the first such.
func has(es []entry, k entryKind) (entry, bool) {
	for _, e := range es {
		if e.kind == k {
			return e, true
		}
	}
	return entry{}, false
}
