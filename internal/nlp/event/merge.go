package event

import (
	"slices"

	"github.com/tidings-news/tidings/internal/model"
)

// mergeRepeats folds the repeated reports of one event into its first report: events of the
// same type, with the same actors on each side and the same date, are one event told several
// times ("Putin held talks with Pezeshkian on Friday ... The talks ..."). The first keeps its
// sentence, trigger, mode, certainty and attribution; the later ones become its Mentions.
// Events whose modes are both set and differ (a phone call and a visit) stay apart.
// An article codes tens of events, so the pairwise comparison costs less than a keyed map.
func mergeRepeats(events []model.Event) []model.Event {
	if len(events) < 2 {
		return events
	}
	out := events[:0]
next:
	for _, e := range events {
		for i := range out {
			f := &out[i]
			if !sameEvent(f, &e) {
				continue
			}
			if f.Sentence != e.Sentence || f.Trigger != e.Trigger { // not the same words coded twice
				f.Mentions = append(f.Mentions, model.EventMention{Sentence: e.Sentence, Trigger: e.Trigger})
			}
			continue next
		}
		out = append(out, e)
	}
	clear(events[len(out):]) // let the folded events' slices go
	return out
}

// sameEvent reports whether two events are reports of one: same type, same date value, the
// same set of sources and of targets, and no two different modes.
func sameEvent(a, b *model.Event) bool {
	return a.Type == b.Type && a.Date.Value == b.Date.Value &&
		(a.Mode == b.Mode || a.Mode == "" || b.Mode == "") &&
		sameSet(a.Source, b.Source) && sameSet(a.Target, b.Target)
}

// sameSet reports whether two short lists of ids hold the same ids, in any order.
func sameSet(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}
