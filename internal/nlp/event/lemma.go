package event

import "strings"

// Lemmatiser maps an inflected English word (verb or noun) to its lemma: first through a table
// of irregular forms, then through suffix rules (-s, -es, -ies, -ed, -ied, -ing, doubled
// consonants, a dropped final e). Of the candidates the rules produce, the first that is a
// known lemma wins, so the rules never need to be right about spelling in general: only about
// the words the patterns use.
type Lemmatiser struct {
	irregular map[string]string
	known     map[string]bool
	// direct answers Lemma without the rules, in one look-up: a known lemma maps to itself,
	// else an irregular form to its lemma.
	direct map[string]string
}

// NewLemmatiser returns a lemmatiser for the given known lemmas. It keeps the maps, which must
// not change afterwards.
func NewLemmatiser(irregular map[string]string, known map[string]bool) *Lemmatiser {
	direct := make(map[string]string, len(known)+len(irregular))
	for w, lemma := range irregular {
		direct[w] = lemma
	}
	for w, ok := range known {
		if ok {
			direct[w] = w
		}
	}
	return &Lemmatiser{irregular: irregular, known: known, direct: direct}
}

// Lemma returns the lemma of the lower-case word w, or w itself when no rule gives a known one.
func (l *Lemmatiser) Lemma(w string) string {
	if x, ok := l.direct[w]; ok {
		return x
	}
	return l.rules(w)
}

// IngVerb returns the verb lemma of an -ing form that is a known word itself ("fighting" is a
// noun pattern, "fight" a verb one), or "" when there is none.
func (l *Lemmatiser) IngVerb(w string) string {
	if !strings.HasSuffix(w, "ing") || !l.known[w] {
		return ""
	}
	if c := l.rules(w); c != w {
		return c
	}
	return ""
}

// rules applies the suffix rules to w.
func (l *Lemmatiser) rules(w string) string {
	n := len(w)
	try := func(c string) bool { return len(c) > 1 && l.known[c] }
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		if c := w[:n-3] + "y"; try(c) {
			return c
		}
	case strings.HasSuffix(w, "ied") && n > 4:
		if c := w[:n-3] + "y"; try(c) {
			return c
		}
	}
	if strings.HasSuffix(w, "ing") && n > 4 {
		stem := w[:n-3]
		if try(stem) {
			return stem
		}
		if c := stem + "e"; try(c) {
			return c
		}
		if c := undouble(stem); c != "" && try(c) {
			return c
		}
	}
	if strings.HasSuffix(w, "ed") && n > 3 {
		stem := w[:n-2]
		if try(stem) {
			return stem
		}
		if c := w[:n-1]; try(c) {
			return c
		}
		if c := undouble(stem); c != "" && try(c) {
			return c
		}
	}
	if strings.HasSuffix(w, "es") && n > 3 {
		if c := w[:n-2]; try(c) {
			return c
		}
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && n > 2 {
		if c := w[:n-1]; try(c) {
			return c
		}
	}
	return w
}

// undouble drops the last letter of a stem that ends in a doubled consonant ("stopp" → "stop").
func undouble(s string) string {
	n := len(s)
	if n < 3 || s[n-1] != s[n-2] {
		return ""
	}
	switch s[n-1] {
	case 'a', 'e', 'i', 'o', 'u', 'l', 's':
		if s[n-1] != 'l' {
			return ""
		}
	}
	return s[:n-1]
}

// isPastForm reports whether w looks like a past tense or past participle.
func (l *Lemmatiser) isPastForm(w string) bool {
	if strings.HasSuffix(w, "ed") {
		return true
	}
	if lem, ok := l.irregular[w]; ok && lem != w {
		return !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s")
	}
	return false
}
