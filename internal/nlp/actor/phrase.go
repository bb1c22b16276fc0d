package actor

import (
	"slices"
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
// lower case, longest first. Phrases of two or more tokens are also keyed by the hash of their
// first two tokens in lower case (pairHash), so that a common first word ("minister",
// "republic") does not mean trying every phrase that starts with it. Pairs whose hashes collide
// share a list, which does no harm: every phrase of a list is matched token by token.
//
// Most words of a text start no phrase, and most pairs of words that follow a first word of
// some phrase start none either: singles holds a bit for the hash of each first word with a
// phrase of one token, pairs one for each key of byPair, so that a word or pair whose bit is
// clear needs no look-up in the (large) maps.
type phraseIndex struct {
	byFirst map[string][]*phrase
	byPair  map[uint64][]*phrase
	singles bitset
	pairs   bitset
}

func newPhraseIndex() phraseIndex {
	return phraseIndex{
		byFirst: map[string][]*phrase{}, byPair: map[uint64][]*phrase{},
		singles: newBitset(18), pairs: newBitset(19),
	}
}

func (px phraseIndex) add(surface string, e entry) { px.addTokens(words(surface), e) }

// addTokens adds the phrase of tokens ts (from words) for each of es.
func (px phraseIndex) addTokens(ts []token, es ...entry) {
	if len(ts) == 0 || len(es) == 0 {
		return
	}
	px.addOne(ts, es[0])
	for _, e := range es[1:] {
		px.addOne(ts, e)
	}
}

func (px phraseIndex) addOne(ts []token, e entry) {
	toks := make([]string, len(ts))
	folds := make([]bool, len(ts))
	for i := range ts {
		toks[i] = apostropheFold(ts[i].text)
		folds[i] = ts[i].lower == toks[i]
	}
	key := ts[0].lower
	for _, p := range px.byFirst[key] {
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
	p := &phrase{toks: toks, folds: folds, entries: []entry{e}}
	px.byFirst[key] = insertByLength(px.byFirst[key], p)
	if len(ts) == 1 {
		px.singles.set(wordHash(key))
	} else {
		// A text token matches a lexicon token only when their lower forms are equal.
		pair := pairHash(wordHash(key), wordHash(ts[1].lower))
		px.byPair[pair] = insertByLength(px.byPair[pair], p)
		px.pairs.set(pair)
	}
}

// insertByLength adds p to list, keeping it longest first and in order of addition among
// phrases of the same length.
func insertByLength(list []*phrase, p *phrase) []*phrase {
	n := len(p.toks)
	i := sort.Search(len(list), func(i int) bool { return len(list[i].toks) < n })
	return slices.Insert(list, i, p)
}

// known reports whether the index holds the phrase of tokens ts (from words) in any
// capitalisation.
func (px phraseIndex) known(ts []token) bool {
	if len(ts) == 0 {
		return false
	}
	list := px.byFirst[ts[0].lower]
	if len(ts) > 1 {
		list = px.byPair[pairHash(wordHash(ts[0].lower), wordHash(ts[1].lower))]
	}
	for _, p := range list {
		if len(p.toks) != len(ts) {
			continue
		}
		same := true
		for k := range ts {
			if lowerOf(p.toks[k]) != lowerOf(apostropheFold(ts[k].text)) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
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

// bitset is a set of hashes, one bit each, of 1<<bits bits: has never misses a hash that was
// set, and reports few that were not while it holds far fewer hashes than bits.
type bitset struct {
	words []uint64
	shift uint // 64 - bits: a hash's top bits choose its bit
}

func newBitset(bits uint) bitset {
	return bitset{words: make([]uint64, 1<<bits/64), shift: 64 - bits}
}

func (b bitset) set(h uint64) {
	k := h >> b.shift
	b.words[k/64] |= 1 << (k % 64)
}

func (b bitset) has(h uint64) bool {
	k := h >> b.shift
	return b.words[k/64]&(1<<(k%64)) != 0
}

// wordHash is the FNV-1a hash of s, mixed so that its top bits depend on every byte.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h * 0x9e3779b97f4a7c15
}

// pairHash combines the hashes of two words, in order.
func pairHash(a, b uint64) uint64 {
	return (a ^ (b<<31 | b>>33)) * 0xff51afd7ed558ccd
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
	key := toks[i].lower
	h := wordHash(key)
	// The phrases of two or more tokens that can match are those keyed by the first two
	// tokens; those of one token are the last in the list of the first.
	if i+1 < len(toks) {
		if pair := pairHash(h, wordHash(toks[i+1].lower)); px.pairs.has(pair) {
			best, out = matchPhrases(px.byPair[pair], toks, i, best, out)
		}
	}
	if best == i && px.singles.has(h) {
		list := px.byFirst[key]
		k := len(list)
		for k > 0 && len(list[k-1].toks) == 1 {
			k--
		}
		best, out = matchPhrases(list[k:], toks, i, best, out)
	}
	return best, out
}

// matchPhrases tries the phrases of list, longest first, at token i, and returns the end of the
// longest found and the entries of all the phrases of that length.
func matchPhrases(list []*phrase, toks []token, i, best int, out []entry) (int, []entry) {
	for _, p := range list {
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
