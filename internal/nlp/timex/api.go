package timex

import (
	"strings"

	"github.com/tidings-news/tidings/internal/model"
)

// DateFor returns the time expression of doc.Times that best dates the clause (a byte span
// of doc.Text), for the event coder: a DATE or TIME inside the clause whose value is a
// calendar value (not PAST_REF, not a duration or a set), the most specific one first (a day
// beats a month, a month a year), the first in the text on a tie. ok is false when the clause
// holds none; the caller then falls back on the publication date.
func DateFor(doc *model.Document, clause model.Span) (t model.Time, ok bool) {
	best := -1
	for i := range doc.Times {
		x := &doc.Times[i]
		if !clause.Contains(x.Span) || !IsCalendar(x.Value) || (x.Type != "DATE" && x.Type != "TIME") {
			continue
		}
		if best < 0 || Precision(x.Value) > Precision(doc.Times[best].Value) {
			best = i
		}
	}
	if best < 0 {
		return model.Time{}, false
	}
	return doc.Times[best], true
}

// IsCalendar reports whether a TIMEX3 value names a point or period of the calendar
// (2026-01-16, 2025-12, 2026-W03, 1998-Q3, 199) rather than a vague reference or a duration.
func IsCalendar(v string) bool {
	return v != "" && v[0] >= '0' && v[0] <= '9'
}

// Precision ranks a calendar value by how narrow it is: 1 century, 2 decade, 3 year,
// 4 half, quarter or season, 5 month, 6 week, 7 day, 8 part of a day or clock time; 0 for
// anything else.
func Precision(v string) int {
	if !IsCalendar(v) {
		return 0
	}
	switch {
	case strings.Contains(v, "T"):
		return 8
	case len(v) == 2:
		return 1
	case len(v) == 3:
		return 2
	case len(v) == 4:
		return 3
	case strings.Contains(v, "-W"):
		if strings.HasSuffix(v, "-WE") {
			return 6
		}
		return 6
	case strings.Contains(v, "-Q") || strings.Contains(v, "-H") || len(v) == 7 && (v[5] < '0' || v[5] > '9'):
		return 4
	case len(v) == 7:
		return 5
	case len(v) == 10:
		return 7
	}
	return 3
}
