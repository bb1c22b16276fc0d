package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/lexfile"
)

// nonState are the PLOVER codes of international non-state actors.
var nonState = map[string]bool{"IGO": true, "UNO": true, "EUR": true, "NGO": true, "ISM": true, "IMG": true, "MNC": true}

// sectors maps the CAMEO sector and agent codes of the dictionaries to PLOVER sector codes;
// CAMEO MED is the media (PLOVER JRN) and HLH health (PLOVER MED).
var sectors = map[string]string{
	"GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "OPP": "OPP",
	"REB": "REB", "INS": "REB", "SEP": "REB", "RAD": "REB", "PTY": "PTY", "SPY": "SPY",
	"BUS": "BUS", "MNC": "BUS", "CVL": "CVL", "MED": "JRN", "HLH": "MED", "EDU": "EDU",
	"LAB": "LAB", "REF": "REF", "ELI": "ELI", "UAF": "UAF", "HRI": "SOC", "ENV": "SOC",
	"NGO": "SOC", "NGM": "SOC", "AGR": "CVL", "CRM": "CVL", "REL": "REL", "CHR": "REL",
	"MUS": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "ATH": "REL", "JAN": "REL",
	"SIK": "REL", "TAO": "REL", "ZRO": "REL", "DEV": "GOV", "PRM": "PRM", "MOD": "PTY",
}

// decode splits a CAMEO actor code ("RUSGOV", "IGOUNOKID", "IMGMUSALQ") into a PLOVER
// country code and sector; either may be empty.
func decode(v string, countries map[string]bool) (country, sector string) {
	if len(v) < 3 {
		return "", ""
	}
	head, rest := v[:3], v[3:]
	switch {
	case head == "IGO" && strings.HasPrefix(rest, "UNO"):
		country, rest = "UNO", rest[3:]
	case head == "IGO" && strings.HasPrefix(rest, "EUR"):
		country, rest = "EUR", rest[3:]
	case nonState[head] || countries[head]:
		country = head
	default:
		rest = v
	}
	if country == "IMG" {
		// The codes after IMG say the group's creed ("IMGMUSALQ"), not its sector.
		return country, "REB"
	}
	for len(rest) >= 3 {
		if s, ok := sectors[rest[:3]]; ok {
			return country, s
		}
		rest = rest[3:]
	}
	switch country {
	case "IMG":
		sector = "REB"
	case "NGO":
		sector = "SOC"
	case "MNC":
		sector = "BUS"
	}
	return country, sector
}

// review holds what the importer leaves out: the phrases of the review file (checked by a
// person), and the forms of the hand-written gazetteers, which stay theirs.
type review struct {
	drop map[string]string // normalised phrase → reason
	// common are lower-case words that are no names (the actor lexicon's nonnames, the review
	// file's "word" rows).
	common map[string]bool
	// places are the lower-cased names, aliases, demonyms and capitals of the countries file.
	places map[string]bool
	codes  map[string]bool // country codes known to the actor lexicon
	// titles are the last words of the titles of roles.tsv ("president", "chancellor"): an
	// organisation named by one ("German Chancellor") is an office, which the actor stage
	// reads as a role.
	titles map[string]bool
}

func newReview() *review {
	return &review{drop: map[string]string{}, common: map[string]bool{}, places: map[string]bool{}, codes: map[string]bool{}, titles: map[string]bool{}}
}

// readReview reads the review file: "drop<TAB>PHRASE<TAB>reason" or "word<TAB>WORD<TAB>reason".
func (rv *review) readReview(r io.Reader) error {
	return lexfile.Each(r, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 3 || strings.TrimSpace(f[2]) == "" {
			return fmt.Errorf("review line %d: want ACTION, PHRASE and a reason", n)
		}
		switch f[0] {
		case "drop":
			rv.drop[norm(f[1])] = f[2]
		case "word":
			rv.common[norm(f[1])] = true
		default:
			return fmt.Errorf("review line %d: unknown action %q (drop or word)", n, f[0])
		}
		return nil
	})
}

// readCountries reads the actor lexicon's countries.tsv for its codes and place names.
func (rv *review) readCountries(r io.Reader) error {
	return lexfile.Each(r, func(n int, line string) error {
		f := strings.Split(line, "\t")
		rv.codes[strings.ToUpper(f[0])] = true
		for _, col := range f[1:] {
			for _, p := range strings.Split(col, "|") {
				if p = norm(p); p != "" {
					rv.places[p] = true
				}
			}
		}
		return nil
	})
}

// readRoles reads the actor lexicon's roles.tsv for the last words of its titles.
func (rv *review) readRoles(r io.Reader) error {
	return lexfile.Each(r, func(n int, line string) error {
		title, _, _ := strings.Cut(line, "\t")
		for _, t := range strings.Split(title, "|") {
			if w := strings.Fields(norm(t)); len(w) > 0 {
				rv.titles[w[len(w)-1]] = true
			}
		}
		return nil
	})
}

// readNonNames reads the actor lexicon's nonnames.txt.
func (rv *review) readNonNames(r io.Reader) error {
	return lexfile.Each(r, func(n int, line string) error {
		rv.common[norm(line)] = true
		return nil
	})
}

// why reports why phrase p must not be imported, or "" when it may be.
func (rv *review) why(p string) string {
	k := norm(p)
	if r, ok := rv.drop[k]; ok {
		return "review: " + r
	}
	w := strings.Fields(k)
	if len(w) < 2 {
		return "a single word matches too much"
	}
	if rv.places[k] {
		return "a place name"
	}
	if geoWords[w[len(w)-1]] {
		return "a place name"
	}
	common := 0
	for _, x := range w {
		if rv.common[x] || utf8.RuneCountInString(strings.Trim(x, ".")) <= 1 {
			common++
		}
	}
	if common == len(w) {
		return "only ordinary words"
	}
	return ""
}

// geoWords, as the last word, make a phrase a place: seas, rivers, regions and towns are no actors.
var geoWords = map[string]bool{
	"ocean": true, "sea": true, "gulf": true, "strait": true, "straits": true, "river": true,
	"mountains": true, "mountain": true, "island": true, "islands": true, "lake": true,
	"valley": true, "desert": true, "bay": true, "peninsula": true, "province": true,
	"region": true, "city": true, "district": true, "county": true, "canal": true, "coast": true,
	"airport": true, "port": true, "border": true, "square": true, "street": true, "camp": true,
	"village": true, "town": true, "prefecture": true, "governorate": true, "basin": true,
}

// norm is the form phrases are compared in: lower case, single spaces.
func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// orgWords make a phrase an organisation's or a group's name, not a person's.
var orgWords = map[string]bool{
	"administration": true, "government": true, "ministry": true, "party": true, "army": true,
	"forces": true, "force": true, "council": true, "committee": true, "front": true,
	"movement": true, "organization": true, "organisation": true, "association": true,
	"union": true, "league": true, "brigade": true, "brigades": true, "group": true,
	"office": true, "department": true, "agency": true, "court": true, "assembly": true,
	"parliament": true, "congress": true, "senate": true, "police": true, "national": true,
	"bank": true, "company": true, "corporation": true, "university": true, "institute": true,
	"commission": true, "federation": true, "regime": true, "family": true, "rebels": true,
	"cabinet": true, "embassy": true, "navy": true, "guard": true, "service": true,
}

// titleWords, at the start of a synonym, are an office before a name ("PRESIDENT_PUTIN").
var titleWords = map[string]bool{"president": true, "prime": true, "minister": true, "mr": true,
	"mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "senator": true, "general": true,
	"gen.": true, "king": true, "queen": true, "prince": true, "sheikh": true, "dr": true, "dr.": true}

// An actor is one row of the output.
type actor struct {
	name     string
	aliases  []string
	kind     string // person, organization or group
	country  string
	sector   string
	offices  []code
	source   string
	dropped  []string
	phrases  []string // every importable phrase, normalised
	earliest string
}

// convert turns the records of one .actors file into actors.
func (rv *review) convert(recs []record, file string) []actor {
	var out []actor
	for _, rc := range recs {
		if len(rc.codes) == 0 {
			continue
		}
		sectorful := false
		for _, c := range rc.codes {
			if _, s := decode(c.value, rv.codes); s != "" || nonState[c.value[:min(3, len(c.value))]] {
				sectorful = true
			}
		}
		if !sectorful {
			// A state, a region or a city of one: the countries file covers states, and
			// places are no actors.
			continue
		}
		a := actor{source: fmt.Sprintf("%s:%d", file, rc.line)}
		a.kind = rv.kindOf(rc)
		for _, c := range rc.codes {
			a.offices = append(a.offices, c)
		}
		a.country, a.sector = current(a.offices, rv.codes)
		if a.country == "" && a.sector == "" {
			continue
		}
		seen := map[string]bool{}
		for i, p := range append([]string{rc.phrase}, rc.synonyms...) {
			k := norm(p)
			if seen[k] {
				continue
			}
			seen[k] = true
			if a.kind == "person" && i > 0 && rv.personAliasWhy(p) != "" {
				continue
			}
			if w := strings.Fields(k); a.kind != "person" && len(w) > 0 && rv.titles[w[len(w)-1]] {
				a.dropped = append(a.dropped, p)
				continue
			}
			if r := rv.why(p); r != "" {
				a.dropped = append(a.dropped, p)
				continue
			}
			a.phrases = append(a.phrases, k)
			if a.name == "" {
				a.name = display(p)
			} else {
				a.aliases = append(a.aliases, display(p))
			}
		}
		if a.name == "" {
			continue
		}
		out = append(out, a)
	}
	return out
}

// personAliasWhy tells why a synonym of a person is left out: a title before the name
// ("PRESIDENT_PUTIN", "CHANCELLOR_MERKEL": the actor stage reads titles itself) or an institution named after
// them ("THE_OBAMA_ADMINISTRATION").
func (rv *review) personAliasWhy(p string) string {
	w := strings.Fields(norm(p))
	if len(w) > 0 && (titleWords[w[0]] || rv.titles[w[0]] || w[0] == "the" || rv.places[w[0]]) {
		return "a title or a state before the name"
	}
	for _, x := range w {
		if orgWords[x] {
			return "an institution"
		}
	}
	return ""
}

// kindOf tells a person from an organisation or a group: people come from CountryInfo and
// the lists of office holders, or have dated codes; organisation words win.
func (rv *review) kindOf(rc record) string {
	w := strings.Fields(norm(rc.phrase))
	for _, x := range w {
		if orgWords[x] {
			return rv.orgKind(rc)
		}
	}
	dated := false
	for _, c := range rc.codes {
		if c.from != "" || c.to != "" {
			dated = true
		}
	}
	if (dated || strings.Contains(rc.comment, "CountryInfo") || strings.Contains(rc.comment, "rulers")) && len(w) <= 5 {
		return "person"
	}
	return rv.orgKind(rc)
}

func (rv *review) orgKind(rc record) string {
	for _, c := range rc.codes {
		_, s := decode(c.value, rv.codes)
		if s == "REB" || strings.HasPrefix(c.value, "IMG") {
			return "group"
		}
	}
	return "organization"
}

// current picks the country and sector an actor has today: its open-ended office that began
// last, else its undated code, else the office that ended last.
func current(cs []code, countries map[string]bool) (country, sector string) {
	best := -1
	rank := func(c code) string {
		switch {
		case c.to == "" && c.from != "":
			return "3" + c.from
		case c.to == "" && c.from == "":
			return "2"
		default:
			return "1" + c.to
		}
	}
	for i, c := range cs {
		if best < 0 || rank(c) > rank(cs[best]) {
			best = i
		}
	}
	if best < 0 {
		return "", ""
	}
	return decode(cs[best].value, countries)
}

// particles stay in lower case inside a name.
var particles = map[string]bool{"al": true, "bin": true, "ibn": true, "bint": true, "de": true, "del": true,
	"da": true, "dos": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true,
	"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "el": true, "y": true}

// display turns an upper-case phrase into the case news prints it in, as far as rules can:
// "VLADIMIR_V._PUTIN" → "Vladimir V. Putin", "AL-SHARAA" → "al-Sharaa". Acronyms of
// organisations stay in capitals.
func display(p string) string {
	w := strings.Fields(p)
	for i, x := range w {
		w[i] = displayWord(x, i == 0)
	}
	return strings.Join(w, " ")
}

func displayWord(x string, first bool) string {
	lx := strings.ToLower(x)
	if !first && particles[lx] {
		return lx
	}
	if strings.ContainsAny(x, ".") || !hasVowel(lx) {
		return x // an initial or an acronym: "U.S.", "ANSF"
	}
	parts := strings.Split(lx, "-")
	for i, s := range parts {
		if i < len(parts)-1 && particles[s] {
			continue // "al-", "el-"
		}
		parts[i] = capital(s)
	}
	return strings.Join(parts, "-")
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	out := string(unicode.ToUpper(r)) + s[n:]
	if strings.HasPrefix(s, "mc") && len(s) > 2 {
		out = "Mc" + capital(s[2:])
	}
	if i := strings.IndexByte(s, '\''); i > 0 && i < len(s)-1 {
		out = out[:i+1] + capital(s[i+1:])
	}
	return out
}

// ambiguous drops from every actor the phrases that two actors of different countries share.
func ambiguous(as []actor) {
	owners := map[string]map[string]bool{}
	for _, a := range as {
		for _, p := range a.phrases {
			if owners[p] == nil {
				owners[p] = map[string]bool{}
			}
			owners[p][a.country] = true
		}
	}
	for i := range as {
		a := &as[i]
		var names []string
		var keep []string
		all := append([]string{a.name}, a.aliases...)
		for j, p := range a.phrases {
			if len(owners[p]) > 1 {
				continue
			}
			names = append(names, all[j])
			keep = append(keep, p)
		}
		a.phrases = keep
		if len(names) == 0 {
			a.name, a.aliases = "", nil
			continue
		}
		a.name, a.aliases = names[0], names[1:]
	}
}

// merge joins actors with the same name, kind and country (CountryInfo lists some people
// twice, "DMITRY_MEDVEDEV_" and "DMITR_MEDVEDEV_" with the same spellings), keeping the
// first source.
func merge(as []actor) []actor {
	by := map[string]int{}
	var out []actor
	for _, a := range as {
		if a.name == "" {
			continue
		}
		k := norm(a.name) + "\t" + a.kind + "\t" + a.country
		if i, ok := by[k]; ok {
			o := &out[i]
			for _, al := range a.aliases {
				if !slices.Contains(o.aliases, al) {
					o.aliases = append(o.aliases, al)
				}
			}
			for _, c := range a.offices {
				if !slices.Contains(o.offices, c) {
					o.offices = append(o.offices, c)
				}
			}
			continue
		}
		by[k] = len(out)
		out = append(out, a)
	}
	return out
}

// sortOffices orders offices by start date, undated ones last.
func sortOffices(cs []code) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if (a.from == "" && a.to == "") != (b.from == "" && b.to == "") {
			return b.from == "" && b.to == ""
		}
		if a.from != b.from {
			return a.from < b.from
		}
		return a.to < b.to
	})
}
