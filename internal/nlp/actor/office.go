package actor

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// officeHolder resolves a role phrase that names no one in the text ("the president", "the
// foreign minister of Iran") to the listed person who held that office on the article's date,
// in the state the phrase names (code, or an "of" phrase after its head at token end), else in
// the article's home state. It returns nil when the date, the state or the holder is unknown,
// or when two listed people held the office that day.
func (st *state) officeHolder(roleIdx int, code string, end int) *entity {
	if roleIdx < 0 || st.date == "" {
		return nil
	}
	ofI, ofJ, ofC := -1, -1, -1
	if code == "" && end+1 < len(st.toks) && st.toks[end].lower == "of" && st.sameSeg(end-1, end+1) {
		x := end + 1
		if x < len(st.toks) && st.toks[x].lower == "the" {
			x++
		}
		if sp, ok := st.lexAt(x); ok && st.sameSeg(end, x) {
			if c, cc := st.stateOf(sp); cc != "" {
				code, ofI, ofJ, ofC = cc, x, sp.j, c
			}
		}
	}
	if code == "" {
		code = st.homeCode()
	}
	p := st.lx.holderOf(st.lx.roles[roleIdx].title, code, st.date)
	if p == nil {
		return nil
	}
	key := "p:" + personKey(p.name)
	_, known := st.byKey[key]
	e := st.entity(key, model.Actor{Name: p.name, Kind: model.KindPerson, Country: p.country, Role: p.role, Sector: p.sector})
	if !known {
		e.roleSet = true
		e.rank = st.lx.roles[roleIdx].rank
		e.nameToks = nameTokens(p.name)
	}
	if ofC >= 0 {
		st.mention(st.countryEntity(ofC), ofI, ofJ, viaName)
	}
	return e
}

// homeCode returns the state the article is mostly about: the state mentioned most, at least
// twice and half again as often as any other; "" when there is none.
func (st *state) homeCode() string {
	best, second := -1, 0
	var home *entity
	for _, e := range st.ents {
		if e.a.Kind != model.KindCountry {
			continue
		}
		n := len(e.mentions)
		if n > best {
			second, best, home = max(best, 0), n, e
		} else if n > second {
			second = n
		}
	}
	if home == nil || best < 2 || 2*best < 3*second {
		return ""
	}
	return home.a.Country
}

// holderOf returns the one listed person whose office in state code is title (any case) on
// date, or nil. Only dated rows count: an office without a start date says nothing of when.
func (lx *lexicon) holderOf(title, code, date string) *person {
	if date == "" || code == "" || title == "" {
		return nil
	}
	var found *person
	for _, k := range lx.byOffice[officeKey(title, code)] {
		p := &lx.people[k]
		if p.from == "" || !p.inOffice(date) {
			continue
		}
		if found != nil && found.name != p.name {
			return nil
		}
		found = p
	}
	return found
}

// officeKey is the key of lexicon.byOffice.
func officeKey(title, code string) string { return strings.ToLower(title) + "\t" + code }
