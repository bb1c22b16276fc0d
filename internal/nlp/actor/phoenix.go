package actor

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
)

// phoenixFile is the embedded file of actors imported from the Phoenix dictionaries by
// cmd/import-phoenix (format in docs/lexicons.md).
const phoenixFile = "phoenix-actors.tsv"

// phoenixEnd is the date of the Phoenix dictionaries (CountryInfo.140130): an office they
// leave open is known only up to it.
const phoenixEnd = "2014-01-30"

// loadPhoenix reads the imported actors beneath the hand-written ones: a phrase the lexicon
// already knows, in any capitalisation, stays with its hand-written entry.
func (lx *lexicon) loadPhoenix(r io.Reader, name string) error {
	err := lexfile.Each(r, func(n int, line string) error {
		if err := lx.phoenixRow(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actor lexicon %s: %w", name, err)
	}
	return nil
}

// An office is one dated item of the offices column: COUNTRY:SECTOR:FROM:TO.
type office struct {
	country, sector, from, to string
}

func parseOffice(s string) (office, error) {
	f := strings.Split(s, ":")
	if len(f) != 4 {
		return office{}, fmt.Errorf("office %q is not COUNTRY:SECTOR:FROM:TO", s)
	}
	return office{country: strings.ToUpper(f[0]), sector: strings.ToUpper(f[1]), from: f[2], to: f[3]}, nil
}

func (lx *lexicon) phoenixRow(f []string) error {
	if len(f) < 6 {
		return errors.New("too few columns (want name, aliases, kind, country, sector, offices, source)")
	}
	name := field(f, 0)
	if name == "" {
		return errors.New("an actor needs a name")
	}
	var forms []string
	var toks [][]token
	for _, p := range append([]string{name}, list(field(f, 1))...) {
		if ts := words(p); !lx.phrases.known(ts) {
			forms, toks = append(forms, p), append(toks, ts)
		}
	}
	if len(forms) == 0 {
		return nil
	}
	country, sector := strings.ToUpper(field(f, 3)), strings.ToUpper(field(f, 4))
	switch kind := field(f, 2); kind {
	case "person":
		var offs []office
		for _, s := range list(field(f, 5)) {
			o, err := parseOffice(s)
			if err != nil {
				return err
			}
			if o.from == "" && o.to == "" {
				continue
			}
			if o.to == "" || o.to > phoenixEnd {
				o.to = phoenixEnd
			}
			offs = append(offs, o)
		}
		if len(offs) == 0 {
			offs = append(offs, office{country: country, sector: sector, to: phoenixEnd})
		}
		// The latest office first: pickListed falls back on the first row.
		es := make([]entry, 0, len(offs))
		for k := len(offs) - 1; k >= 0; k-- {
			o := offs[k]
			c := o.country
			if c == "" {
				c = country
			}
			es = append(es, entry{ePerson, len(lx.people)})
			lx.people = append(lx.people, person{name: forms[0], country: c, sector: o.sector, from: o.from, to: o.to})
		}
		for _, ts := range toks {
			lx.phrases.addTokens(ts, es...)
		}
	case "organization", "group":
		i := len(lx.orgs)
		lx.orgs = append(lx.orgs, org{name: forms[0], country: country, sector: sector, kind: kind})
		for _, ts := range toks {
			lx.phrases.addTokens(ts, entry{eOrg, i})
		}
	default:
		return fmt.Errorf("unknown kind %q (person, organization or group)", kind)
	}
	return nil
}
