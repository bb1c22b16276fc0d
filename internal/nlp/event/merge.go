package event

import (
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// mergeRepeats folds the repeated reports of one event into its first report: events of the
// same type, with the same actors on each side and the same date, are one event told several
// times ("Putin held talks with Pezeshkian on Friday ... The talks ..."). The first keeps its
// sentence, trigger, certainty and attribution; the later ones become its Mentions. Events whose
// modes both are set and differ (a phone call and a visit) stay apart.
func mergeRepeats(events []model.Event) []model.Event {
	if len(events) < 2 {
		return events
	}
	byKey := map[string][]int{}
	out := events[:0]
	for _, e := range events {
		key := repeatKey(&e)
		merged := false
		for _, i := range byKey[key] {
			f := &out[i]
			if f.Mode != "" && e.Mode != "" && f.Mode != e.Mode {
				continue
			}
			if f.Sentence == e.Sentence && f.Trigger == e.Trigger {
				merged = true // the same words coded twice
				break
			}
			f.Mentions = append(f.Mentions, model.EventMention{Sentence: e.Sentence, Trigger: e.Trigger})
			merged = true
			break
		}
		if !merged {
			byKey[key] = append(byKey[key], len(out))
			out = append(out, e)
		}
	}
	clear(events[len(out):]) // let the folded events' slices go
	return out
}

// repeatKey is what two reports of one event share: type, the set of sources, the set of
// targets and the date's value.
func repeatKey(e *model.Event) string {
	src, tgt := slices.Clone(e.Source), slices.Clone(e.Target)
	slices.Sort(src)
	slices.Sort(tgt)
	return e.Type + "|" + strings.Join(slices.Compact(src), ",") + "|" + strings.Join(slices.Compact(tgt), ",") + "|" + e.Date.Value
}
