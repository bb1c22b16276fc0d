package actor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
	"github.com/tidings-news/tidings/internal/nlp/ner"
)

// The lexicon formats (documented in docs/lexicons.md).
const (
	fmtCountries     = "countries"
	fmtOrganizations = "organizations"
	fmtOrgTypes      = "orgtypes"
	fmtRoles         = "roles"
	fmtPeople        = "people"
	fmtFirstNames    = "firstnames"
	fmtNonNames      = "nonnames"
)

// Kinds of phrase entry.
type entryKind uint8

const (
	eCountry entryKind = iota + 1 // name or alias of a state
	eDemonym
	eCapital
	eSeat
	eEpithet
	eOrg
	eOrgType
	eRole
	ePerson
)

// entry is what a phrase of the lexicon stands for: kind and an index into the lexicon's slice
// for that kind (countries, orgs, orgTypes, roles, people).
type entry struct {
	kind entryKind
	idx  int
}

type country struct {
	code, name string
}

type org struct {
	name, country, sector, kind string
}

type orgType struct {
	// fallback is the code the body takes when the text names no state for it ("rights
	// groups" are NGO); empty for bodies that need a state.
	phrase, sector, kind, fallback string
}

type role struct {
	title, sector, rank string
}

type person struct {
	name, country, role, sector string
	from, to                    string // ISO dates or prefixes of them; empty for open
}

// lexicon holds every gazetteer, loaded once by New.
type lexicon struct {
	countries []country
	byCode    map[string]int
	orgs      []org
	orgTypes  []orgType
	roles     []role
	people    []person
	// byOffice indexes the people rows by officeKey(role, country).
	byOffice map[string][]int
	phrases  phraseIndex
	first    map[string]bool // given names, as printed
	nonNames map[string]bool // lower case
	g        grammar
	names    *ner.Finder // gives unlisted capitalised runs a kind (finder.go)
}

func newLexicon() *lexicon {
	return &lexicon{
		byCode:   map[string]int{},
		byOffice: map[string][]int{},
		phrases:  newPhraseIndex(),
		first:    map[string]bool{},
		nonNames: map[string]bool{},
	}
}

// loadFS loads every known file of fsys's top folder; a missing file is no error.
func (lx *lexicon) loadFS(fsys fs.FS, dir string) error {
	files := map[string]string{
		"countries.tsv":     fmtCountries,
		"organizations.tsv": fmtOrganizations,
		"orgtypes.tsv":      fmtOrgTypes,
		"roles.tsv":         fmtRoles,
		"people.tsv":        fmtPeople,
		"firstnames.txt":    fmtFirstNames,
		"nonnames.txt":      fmtNonNames,
	}
	// Countries first so that organisation and people rows can name their codes.
	order := []string{"countries.tsv", "organizations.tsv", "orgtypes.tsv", "roles.tsv", "people.tsv", "firstnames.txt", "nonnames.txt"}
	for _, name := range order {
		p := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("reading lexicon %s: %w", p, err)
		}
		if err := lx.load(bytes.NewReader(data), files[name], p); err != nil {
			return err
		}
	}
	return nil
}

// loadImported loads the imported actors of fsys's top folder, if any; they come last,
// beneath every hand-written form.
func (lx *lexicon) loadImported(fsys fs.FS, dir string) error {
	p := path.Join(dir, phoenixFile)
	data, err := fs.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading lexicon %s: %w", p, err)
	}
	if err := lx.loadPhoenix(bytes.NewReader(data), p); err != nil {
		return err
	}
	return nil
}

// loadFile loads a user lexicon whose first line says its format ("# format: people").
func (lx *lexicon) loadFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("reading actor lexicon: %w", err)
	}
	format := ""
	first, _, _ := bytes.Cut(data, []byte("\n"))
	line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(first)), "#"))
	if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "format") {
		format = strings.ToLower(strings.TrimSpace(v))
	}
	switch format {
	case fmtCountries, fmtOrganizations, fmtOrgTypes, fmtRoles, fmtPeople, fmtFirstNames, fmtNonNames:
	default:
		return fmt.Errorf("actor lexicon %s: the first line must say its format, e.g. \"# format: people\" (one of countries, organizations, orgtypes, roles, people, firstnames, nonnames)", name)
	}
	return lx.load(bytes.NewReader(data), format, name)
}

// load reads one file of the given format.
func (lx *lexicon) load(r io.Reader, format, name string) error {
	err := lexfile.Each(r, func(n int, line string) error {
		if err := lx.row(format, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actor lexicon %s: %w", name, err)
	}
	return nil
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (lx *lexicon) row(format string, f []string) error {
	switch format {
	case fmtFirstNames:
		if w := field(f, 0); w != "" {
			lx.first[w] = true
		}
		return nil
	case fmtNonNames:
		if w := field(f, 0); w != "" {
			lx.nonNames[lowerOf(w)] = true
		}
		return nil
	}
	if len(f) < 2 {
		return errors.New("too few columns (columns are separated by a TAB)")
	}
	switch format {
	case fmtCountries:
		code, name := strings.ToUpper(field(f, 0)), field(f, 1)
		if len(code) != 3 || name == "" {
			return fmt.Errorf("a country needs a three-letter code and a name, got %q %q", code, name)
		}
		i, ok := lx.byCode[code]
		if !ok {
			i = len(lx.countries)
			lx.countries = append(lx.countries, country{code: code, name: name})
			lx.byCode[code] = i
		}
		lx.phrases.add(name, entry{eCountry, i})
		for _, a := range list(field(f, 2)) {
			lx.phrases.add(a, entry{eCountry, i})
		}
		for _, a := range list(field(f, 3)) {
			lx.phrases.add(a, entry{eDemonym, i})
		}
		for _, a := range list(field(f, 4)) {
			lx.phrases.add(a, entry{eCapital, i})
		}
		for _, a := range list(field(f, 5)) {
			lx.phrases.add(a, entry{eSeat, i})
		}
		for _, a := range list(field(f, 6)) {
			lx.phrases.add(a, entry{eEpithet, i})
		}
	case fmtOrganizations:
		o := org{name: field(f, 0), country: strings.ToUpper(field(f, 2)), sector: strings.ToUpper(field(f, 3)), kind: strings.ToLower(field(f, 4))}
		if o.name == "" {
			return errors.New("an organisation needs a name")
		}
		if o.kind != "group" {
			o.kind = "organization"
		}
		i := len(lx.orgs)
		lx.orgs = append(lx.orgs, o)
		lx.phrases.add(o.name, entry{eOrg, i})
		for _, a := range list(field(f, 1)) {
			lx.phrases.add(a, entry{eOrg, i})
		}
	case fmtOrgTypes:
		names := list(field(f, 0))
		if len(names) == 0 {
			return errors.New("an organisation type needs a phrase")
		}
		kind := strings.ToLower(field(f, 2))
		if kind != "organization" {
			kind = "group"
		}
		i := len(lx.orgTypes)
		lx.orgTypes = append(lx.orgTypes, orgType{phrase: names[0], sector: strings.ToUpper(field(f, 1)), kind: kind, fallback: strings.ToUpper(field(f, 3))})
		for _, a := range names {
			lx.phrases.add(a, entry{eOrgType, i})
		}
	case fmtRoles:
		names := list(field(f, 0))
		if len(names) == 0 {
			return errors.New("a role needs a title")
		}
		i := len(lx.roles)
		lx.roles = append(lx.roles, role{title: names[0], sector: strings.ToUpper(field(f, 1)), rank: strings.ToLower(field(f, 2))})
		for _, a := range names {
			lx.phrases.add(a, entry{eRole, i})
		}
	case fmtPeople:
		p := person{name: field(f, 0), country: strings.ToUpper(field(f, 2)), role: field(f, 3), sector: strings.ToUpper(field(f, 4)), from: field(f, 5), to: field(f, 6)}
		if p.name == "" {
			return errors.New("a person needs a name")
		}
		i := len(lx.people)
		lx.people = append(lx.people, p)
		if p.role != "" {
			k := officeKey(p.role, p.country)
			lx.byOffice[k] = append(lx.byOffice[k], i)
		}
		lx.phrases.add(p.name, entry{ePerson, i})
		for _, a := range list(field(f, 1)) {
			lx.phrases.add(a, entry{ePerson, i})
		}
	default:
		return fmt.Errorf("unknown lexicon format %q", format)
	}
	return nil
}

// inOffice reports whether p held the office at date (an ISO date or its prefix; empty means
// unknown, which accepts every row).
func (p *person) inOffice(date string) bool {
	if date == "" {
		return true
	}
	if len(date) > 10 {
		date = date[:10]
	}
	if p.from != "" && date < p.from {
		return false
	}
	if p.to != "" && date >= p.to && !strings.HasPrefix(date, p.to) {
		return false
	}
	return true
}
