package quote

import (
	"strings"
	"unicode"
)

// Kinds of speaker phrase.
const (
	npNone = iota
	npName
	npPronoun
	npRole
)

// phrase is the words that name a speaker.
type phrase struct {
	start, end int
	kind       int
	// name is the speaker as the text gives it: the name within the phrase for npName
	// ("Maria Zakharova" in "spokeswoman Maria Zakharova"), else the phrase itself.
	name       string
	nameSpan   byteRange
	plural     bool
	determiner string
}

// maxSubjectTokens bounds a speaker phrase.
const maxSubjectTokens = 10

var nameLinks = map[string]bool{"of": true, "de": true, "del": true, "da": true, "van": true,
	"von": true, "der": true, "al": true, "bin": true, "ibn": true, "la": true, "le": true, "du": true, "&": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "one": true, "another": true,
	"both": true, "two": true, "three": true, "several": true, "some": true, "many": true, "his": true,
	"her": true, "their": true, "its": true, "our": true, "my": true, "this": true, "that": true,
	"these": true, "those": true, "other": true, "most": true, "few": true, "all": true}

var conjunctions = map[string]bool{"and": true, "but": true, "yet": true, "so": true, "or": true, "then": true}

// classify turns the words ts of a speaker phrase into a phrase.
func (f *Finder) classify(text string, ts []tok) phrase {
	// strip leading conjunctions and trailing punctuation
	for len(ts) > 0 && (ts[0].isWord() && conjunctions[ts[0].lower] || !ts[0].isWord()) {
		ts = ts[1:]
	}
	for len(ts) > 0 && !ts[len(ts)-1].isWord() {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 || len(ts) > maxSubjectTokens {
		return phrase{}
	}
	for x, t := range ts {
		if !t.isWord() && t.punct != '-' && t.punct != '\'' && t.punct != '\u2019' && t.punct != '.' {
			return phrase{}
		}
		if !t.capital && f.cueAt(ts, x) > 0 {
			return phrase{}
		}
	}
	p := phrase{start: ts[0].start, end: ts[len(ts)-1].end}
	if len(ts) == 1 && f.lex.pronoun[ts[0].lower] {
		p.kind = npPronoun
		p.name = text[p.start:p.end]
		p.nameSpan = byteRange{p.start, p.end}
		p.plural = ts[0].lower == "they" || ts[0].lower == "we"
		return p
	}
	last := ts[len(ts)-1]
	if last.capital || f.lex.title[last.lower] {
		// the name is the last run of capitalised words (with their links: "Secretary of State")
		j := len(ts) - 1
		for j > 0 {
			prev := ts[j-1]
			if prev.capital || f.lex.title[prev.lower] {
				j--
				continue
			}
			if nameLinks[prev.lower] && j-2 >= 0 && ts[j-2].capital {
				j--
				continue
			}
			break
		}
		// drop determiners, links and titles in front: "former Secretary of State Madeleine
		// Albright" gives "Madeleine Albright"
		for j < len(ts)-1 && (determiners[ts[j].lower] || nameLinks[ts[j].lower] || f.lex.role[ts[j].lower]) {
			j++
		}
		if j == len(ts)-1 && (weekday(last.lower) || month(last.lower) || f.lex.opener[last.lower] || dateline(text[last.start:last.end])) {
			return phrase{} // "Friday", "Back", "WASHINGTON", "R-OH"
		}
		p.kind = npName
		p.nameSpan = byteRange{ts[j].start, last.end}
		p.name = text[ts[j].start:last.end]
		// "Putin and Pezeshkian"
		if j >= 2 && ts[j-1].lower == "and" && ts[j-2].capital {
			k := j - 2
			for k > 0 && ts[k-1].capital {
				k--
			}
			p.nameSpan.start = ts[k].start
			p.name = text[ts[k].start:last.end]
			p.plural = true
		}
		return p
	}
	// a role names someone by a noun: "the official", "Iraqi officials"; not "perhaps only 10"
	if !f.nounLike(last) {
		return phrase{}
	}
	for _, t := range ts {
		if t.isWord() && (isNumber(t.lower) || t.lower == "percent") {
			return phrase{}
		}
	}
	p.kind = npRole
	// drop words before the determiner that starts the role ("Iraqi officials", "the US leader")
	j := 0
	for k := len(ts) - 1; k >= 0; k-- {
		if determiners[ts[k].lower] {
			j = k
			break
		}
	}
	p.determiner = ts[j].lower
	if !determiners[p.determiner] {
		p.determiner = ""
	}
	p.start = ts[j].start
	p.name = text[p.start:p.end]
	p.nameSpan = byteRange{p.start, p.end}
	p.plural = strings.HasSuffix(last.lower, "s") && !strings.HasSuffix(last.lower, "ss") ||
		p.determiner == "both" || p.determiner == "two" || p.determiner == "several"
	return p
}

// subjectBefore finds the speaker of the cue at ts[c] among the words before it:
// "Maria Zakharova said", "the official, who asked not to be named, said".
func (f *Finder) subjectBefore(text string, ts []tok, c int) phrase {
	i := c - 1
	for i >= 0 && ts[i].isWord() && !ts[i].capital && (f.lex.skip[ts[i].lower] || strings.HasSuffix(ts[i].lower, "ly") && len(ts[i].lower) > 4) {
		i--
	}
	// "Trump on Friday said", "Altun, Monday, tweeted", "Altun Monday tweeted"
	if i >= 1 && ts[i].capital && weekday(ts[i].lower) && ts[i-1].lower == "on" {
		i -= 2
	} else if i >= 1 && ts[i].capital && weekday(ts[i].lower) {
		i--
	}
	if i < 0 {
		return phrase{}
	}
	// a participle after a time word goes with the clause before: "Blige sings to Clinton
	// before asking her, ..."
	if i > 0 && strings.HasSuffix(ts[c].lower, "ing") && !ts[i].capital && timeWords[ts[i].lower] {
		return f.firstChunkSubject(text, ts[:i])
	}
	if ts[i].punct == ',' || ts[i].punct == '\u2014' || ts[i].punct == ')' {
		if p := f.namedRole(text, ts[:i]); p.kind == npName {
			return p
		}
		if !strings.HasSuffix(ts[c].lower, "ing") {
			if p := f.appositiveSubject(text, ts[:i]); p.kind != npNone {
				return p
			}
		}
		return f.firstChunkSubject(text, ts[:i])
	}
	p := f.tailPhrase(text, ts[:i+1])
	// a document speaks for the subject that issued it: "Blinken issued a statement Tuesday
	// saying ..."
	if p.kind == npRole && f.lex.medium[strings.ToLower(lastWord(p.name))] && strings.HasSuffix(ts[c].lower, "ing") {
		k := 0
		for k < i && ts[k].start < p.start {
			k++
		}
		if q := f.firstChunkSubject(text, ts[:k]); q.kind == npName || q.kind == npPronoun {
			return q
		}
	}
	if p.kind == npPronoun && strings.EqualFold(p.name, "who") {
		j := i
		for j >= 0 && ts[j].start >= p.start {
			j--
		}
		if j >= 1 && ts[j].punct == ',' {
			return f.subjectBefore(text, ts[:j+2], j+1)
		}
	}
	return p
}

// timeWords open a participle clause that shares its subject with the clause before.
var timeWords = map[string]bool{"before": true, "after": true, "while": true, "when": true}

// tailPhrase reads the phrase that ends ts, backwards up to a clause word or punctuation.
func (f *Finder) tailPhrase(text string, ts []tok) phrase {
	i := len(ts) - 1
	if i >= 0 && f.lex.pronoun[ts[i].lower] {
		return f.classify(text, ts[i:])
	}
	j := i
	for j >= 0 && i-j < maxSubjectTokens {
		t := ts[j]
		if f.lex.pronoun[t.lower] {
			break
		}
		if !t.isWord() {
			if t.punct == '-' || t.punct == '\'' || t.punct == '\u2019' {
				j--
				continue
			}
			break
		}
		if !t.capital && (f.lex.stop[t.lower] || f.cueAt(ts, j) > 0) {
			break
		}
		if t.lower == "and" && !(j > 0 && ts[j-1].capital && j+1 < len(ts) && ts[j+1].capital) {
			break
		}
		j--
	}
	if j >= 1 && j < i && ts[j].isWord() && !ts[j].capital {
		switch ts[j].lower {
		case "to":
			// the envoy speaks, not the body she is sent to: "the U.S. Mission to the United
			// Nations said", "an adviser to the president said"
			if w := ts[j-1].lower; f.lex.role[w] || envoyWords[w] {
				return f.tailPhrase(text, ts[:j])
			}
		case "in", "at", "from":
			// a name with where it is: "Emmanuel Macron in Berlin called", "Lena Park from the
			// bank said"
			if ts[j-1].capital {
				if p := f.tailPhrase(text, ts[:j]); p.kind == npName {
					return p
				}
			}
		}
	}
	return f.classify(text, ts[j+1:])
}

// envoyWords are nouns for people or bodies sent to another ("the mission to the UN"), beside
// the roles of the word list.
var envoyWords = map[string]bool{"mission": true, "delegation": true, "delegate": true,
	"emissary": true, "adviser": true, "advisor": true, "aide": true, "liaison": true}

// namedRole reads "Role, Name" at the end of ts, the words before a cue: in "One of the
// report's authors, Vasily Gatov, told" the name in the apposition is the speaker.
func (f *Finder) namedRole(text string, ts []tok) phrase {
	k := len(ts) - 1
	for k >= 0 && ts[k].punct != ',' {
		if !ts[k].isWord() && ts[k].punct != '.' && ts[k].punct != '-' && ts[k].punct != '\'' && ts[k].punct != '\u2019' {
			return phrase{}
		}
		k--
	}
	if k <= 0 {
		return phrase{}
	}
	name := ts[k+1:]
	if len(name) < 2 || !name[0].capital {
		return phrase{}
	}
	p := f.classify(text, name)
	if p.kind != npName || p.nameSpan.start != name[0].start {
		return phrase{}
	}
	if r := f.tailPhrase(text, ts[:k]); r.kind != npRole {
		return phrase{}
	}
	return p
}

// appositiveSubject finds the speaker before an appositive: in "Modi, who was chief guest,
// said" or "after Mr. Trump, asked about it, had said" the chunk before the appositive ends
// with the speaker. Chunks that open with a lower-case word continue the appositive.
func (f *Finder) appositiveSubject(text string, ts []tok) phrase {
	var bounds []int // indexes of the separators
	for x, t := range ts {
		if t.punct == ',' || t.punct == '\u2014' || t.punct == '(' || t.punct == ')' {
			bounds = append(bounds, x)
		}
	}
	if len(bounds) == 0 {
		return phrase{}
	}
	// chunk k runs from bounds[k-1]+1 to bounds[k]; the last chunk is the appositive itself
	for k := len(bounds) - 1; k >= 0; k-- {
		lo := 0
		if k > 0 {
			lo = bounds[k-1] + 1
		}
		ch := ts[lo:bounds[k]]
		for len(ch) > 0 && ch[0].punct == '"' {
			ch = ch[1:] // the closing mark of a title: “Fox News Sunday,” Mike Pence said
		}
		if len(ch) == 0 || !ch[0].isWord() {
			continue
		}
		if !ch[0].capital && !f.lex.pronoun[ch[0].lower] {
			continue
		}
		if f.lex.opener[ch[0].lower] && len(ch) > 1 && !ch[len(ch)-1].capital {
			continue
		}
		if p := f.tailPhrase(text, ch); p.kind == npName || p.kind == npPronoun {
			return p
		}
		return phrase{}
	}
	return phrase{}
}

// firstChunkSubject takes the speaker from the first clause chunk of ts that is not an
// adverbial opener: "On Friday, Rubio, speaking to reporters," gives Rubio.
func (f *Finder) firstChunkSubject(text string, ts []tok) phrase {
	start := 0
	for start < len(ts) {
		end := start
		for end < len(ts) && ts[end].punct != ',' && ts[end].punct != '\u2014' && ts[end].punct != '(' && ts[end].punct != ')' {
			end++
		}
		chunk := ts[start:end]
		for len(chunk) > 0 && chunk[0].isWord() && conjunctions[chunk[0].lower] {
			chunk = chunk[1:]
		}
		if len(chunk) > 0 && !(chunk[0].isWord() && f.lex.opener[chunk[0].lower]) {
			// a chunk that is a whole clause ("Trump attacked Clinton for ..., saying") gives the
			// phrase it opens with; a chunk that is only a phrase gives the name it ends with
			phr := chunk
			for x := range chunk {
				if !chunk[x].capital && (f.lex.stop[chunk[x].lower] || f.cueAt(chunk, x) > 0 || x > 0 && pastTense(chunk[x].lower)) {
					phr = f.leadingPhrase(chunk)
					break
				}
			}
			if p := f.classify(text, phr); p.kind != npNone {
				return p
			}
			if p := f.classify(text, f.leadingPhrase(chunk)); p.kind != npNone {
				return p
			}
		}
		start = end + 1
	}
	return phrase{}
}

// leadingPhrase returns the noun phrase that begins a clause: "Trump" in "Trump attacked
// Clinton", "the New York businessman" in "the New York businessman said".
func (f *Finder) leadingPhrase(ts []tok) []tok {
	if len(ts) == 0 || !ts[0].isWord() {
		return nil
	}
	if f.lex.pronoun[ts[0].lower] {
		return ts[:1]
	}
	if !ts[0].capital && (f.lex.stop[ts[0].lower] || f.cueAt(ts, 0) > 0) {
		return nil
	}
	j := 0
	det := determiners[ts[0].lower] && !ts[0].capital || ts[0].lower == "the" || numberWord(ts[0].lower)
	for j < len(ts) && j < maxSubjectTokens {
		t := ts[j]
		if !t.isWord() {
			if t.punct == '-' || t.punct == '\'' || t.punct == '\u2019' {
				j++
				continue
			}
			break
		}
		if t.capital || f.lex.title[t.lower] || j == 0 {
			// a possessive opens a phrase like a determiner: "North Korea's envoy"
			det = det || strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "\u2019s")
			j++
			continue
		}
		if nameLinks[t.lower] && j+1 < len(ts) && ts[j+1].capital && ts[j-1].capital {
			j++
			continue
		}
		// a lower-case word belongs to a phrase opened by a determiner, up to a clause word or a
		// verb in the past tense
		// an adverb before the verb ends it: "Sharif's administration promptly rejected"
		adverb := strings.HasSuffix(t.lower, "ly") && j+1 < len(ts) && (pastTense(ts[j+1].lower) || f.cueAt(ts, j+1) > 0)
		if det && determiners[t.lower] && !nameLinks[ts[j-1].lower] {
			break // a new phrase: "Nine rights groups this week called"
		}
		if det && !adverb && !f.lex.stop[t.lower] && f.cueAt(ts, j) == 0 && !(strings.HasSuffix(t.lower, "ed") && j > 1) {
			j++
			continue
		}
		// lower-case words between a capitalised word and a name: "British foreign minister
		// David Lammy"
		if k := f.nameAhead(ts, j); k > j {
			j = k
			continue
		}
		break
	}
	return ts[:j]
}

// nameAhead returns the index of a capitalised word at most three words after ts[j] with only
// lower-case, non-clause words between; j when there is none.
func (f *Finder) nameAhead(ts []tok, j int) int {
	for k := j; k < len(ts) && k < j+3; k++ {
		t := ts[k]
		if !t.isWord() {
			return j
		}
		if t.capital {
			return k
		}
		if f.lex.stop[t.lower] || f.cueAt(ts, k) > 0 || f.lex.skip[t.lower] || strings.HasSuffix(t.lower, "ed") {
			return j
		}
	}
	return j
}

// phraseAfter finds the speaker named right after a cue: "said Mr. Trump", "said the official",
// "according to a statement published by the Kremlin".
func (f *Finder) phraseAfter(text string, ts []tok, k int) phrase {
	for k < len(ts) && ts[k].isWord() && !ts[k].capital && f.lex.skip[ts[k].lower] {
		k++
	}
	if k >= len(ts) || !ts[k].isWord() {
		return phrase{}
	}
	if f.lex.pronoun[ts[k].lower] {
		return f.classify(text, ts[k:k+1])
	}
	j := k
	for j < len(ts) && j-k < maxSubjectTokens {
		t := ts[j]
		if !t.isWord() {
			break
		}
		if !t.capital && (f.lex.stop[t.lower] && !(nameLinks[t.lower] && j+1 < len(ts) && ts[j+1].capital && j > k && ts[j-1].capital) || f.cueAt(ts, j) > 0) {
			break
		}
		if t.lower == "and" && !(j > k && ts[j-1].capital && j+1 < len(ts) && ts[j+1].capital) {
			break
		}
		// a speaker phrase holds no verb: in "says the army has sealed the border" the
		// words after the cue are the content, not its speaker
		if j > k && !t.capital && f.lex.skip[t.lower] {
			break
		}
		j++
	}
	p := f.classify(text, ts[k:j])
	// a document speaks for its author: "a statement published by the Kremlin"
	if p.kind == npRole || p.kind == npName {
		medium := false
		for _, t := range ts[k:j] {
			if f.lex.medium[t.lower] {
				medium = true
			}
		}
		if medium {
			for x := j; x < len(ts) && x < j+4; x++ {
				if ts[x].lower == "by" || ts[x].lower == "from" {
					if q := f.phraseAfter(text, ts, x+1); q.kind == npName || q.kind == npRole {
						return q
					}
					break
				}
			}
		}
	}
	return p
}

// numberWord reports whether w is a number written in letters, which opens a phrase like a
// determiner ("Nine rights groups", "Dozens of lawmakers").
func numberWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "dozens", "hundreds", "thousands":
		return true
	}
	return false
}

func weekday(s string) bool {
	switch s {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// nounLike reports whether a lower-case word can head a phrase that names a speaker.
func (f *Finder) nounLike(t tok) bool {
	w := t.lower
	if len(w) < 3 || isNumber(w) || determiners[w] || f.lex.stop[w] || f.lex.skip[w] ||
		f.lex.pronoun[w] || conjunctions[w] || f.lex.opener[w] {
		return false
	}
	return !strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ally") && len(w) > 6
}

func isNumber(w string) bool {
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return w != ""
}

func month(s string) bool {
	switch s {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december":
		return true
	}
	return false
}

// dateline reports whether a word in capitals is a dateline or a party label rather than a
// name: "WASHINGTON", "R-OH". Short acronyms (CNN, NATO) are names.
func dateline(w string) bool {
	if strings.ContainsFunc(w, unicode.IsLower) {
		return false
	}
	return len(w) > 5 || strings.Contains(w, "-")
}

// pastTense reports whether a lower-case word reads as a verb in the past tense ("defended",
// "stressed"), which makes the words around it a clause rather than a speaker phrase.
func pastTense(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}
