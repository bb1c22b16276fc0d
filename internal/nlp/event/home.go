package event

import (
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// homeCountry returns the index in doc.Actors of the country the article is mostly about:
// the country mentioned most, at least twice and half again as often as any other; -1 when
// there is none (a story about two countries).
func homeCountry(doc *model.Document) int {
	countries := func(yield func(int, int) bool) {
		for i := range doc.Actors {
			if a := &doc.Actors[i]; a.Kind == model.KindCountry && a.Country != "" && !yield(i, len(a.Mentions)) {
				return
			}
		}
	}
	home := -1
	for i, n := range countries {
		if home < 0 || n > len(doc.Actors[home].Mentions) {
			home = i
		}
	}
	if home < 0 || len(doc.Actors[home].Mentions) < 2 {
		return -1
	}
	best := len(doc.Actors[home].Mentions)
	for i, n := range countries {
		if i != home && 2*best < 3*n {
			return -1
		}
	}
	return home
}

// domesticType reports whether an event of the type, done inside a country by its own
// people with no recipient named, is aimed at that country's state: protesters protest
// against their government, a court bans or suspends under the state's authority, an
// accused politician denies the state's charges, a party demands something of the state.
func domesticType(t string) bool {
	switch t {
	case "PROTEST", "REJECT", "ACCUSE", "SANCTION", "COERCE", "REQUEST":
		return true
	}
	return false
}

// aimAtHome makes the home country h (homeCountry) the recipient of the events of a story
// about it that name none, when their actors all belong to that country and the type is one
// that a country's own people direct at their state (domesticType), or when their actors are
// all rights groups or international bodies (nonState) whose demand, judgement or welcome in
// a story about one country is addressed to its state ("press freedom groups called for his
// release", "Reporters Without Borders welcomed the release"). Events whose only recipient
// was their own actor (the triggers in selfAimed) keep none.
func aimAtHome(doc *model.Document, h int, selfAimed map[model.Span]bool) {
	for i := range doc.Events {
		if e := &doc.Events[i]; len(e.Target) == 0 && !selfAimed[e.Trigger] && homeAimed(doc, h, e) {
			e.Target = []string{doc.Actors[h].ID}
		}
	}
}

// homeAimed reports whether aimAtHome gives the event the home country h as recipient.
func homeAimed(doc *model.Document, h int, e *model.Event) bool {
	if h < 0 || len(e.Source) == 0 {
		return false
	}
	home := &doc.Actors[h]
	if e.Type != "PROTEST" && slices.Contains(e.Source, home.ID) {
		// "Iran has denied that ...": the state itself answers or demands of others, not of
		// itself (a protest whose actor is only the place stays aimed at its state)
		return false
	}
	local, outside, foreign := true, true, true
	for _, id := range e.Source {
		a := doc.Actor(id)
		local = local && a != nil && a.Country == home.Country
		outside = outside && a != nil && nonState(a.Country)
		foreign = foreign && a != nil && a.Country != "" && a.Country != home.Country && !nonState(a.Country)
	}
	// "The statement threatened sanctions and visa restrictions": another state's threat in a
	// story about one country, naming no one, is a threat to that country (a warning, which
	// is as often of a danger as at anyone, is not)
	return local && domesticType(e.Type) || outside && outsideType(e.Type) || foreign && e.Type == "THREATEN" && strings.HasPrefix(strings.ToLower(doc.Text[e.Trigger.Start:e.Trigger.End]), "threat")
}

// aimedAtHome reports whether an accusation or threat whose pattern needs a recipient and that
// names none is kept for aimAtHome, which gives it the home country: "opposition lawmakers
// denounced the extension" is aimed at their state though the extension is no actor. A
// sanction, coercion or demand of an abstract object ("banned the sale", "urged calm") is
// not: it is as often aimed at no one or abroad.
func (s *sentence) aimedAtHome(e *model.Event) bool {
	return (e.Type == "ACCUSE" || e.Type == "THREATEN") && homeAimed(s.doc, s.home, e)
}

// nonState reports whether a country code stands for no state: rights and aid groups,
// international and regional bodies.
func nonState(code string) bool {
	switch code {
	case "NGO", "IGO", "UNO":
		return true
	}
	return false
}

// outsideType reports whether an event of the type by a rights group or international body
// is addressed to the state of a story about one country when it names no recipient.
func outsideType(t string) bool {
	switch t {
	case "REQUEST", "ACCUSE", "SUPPORT":
		return true
	}
	return false
}
