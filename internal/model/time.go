package model

import (
	"fmt"
	"strings"
	"time"
)

var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02T15",
	"2006-01-02",
	"20060102",
	"2006-01",
	"2006",
}

// ParseTime reads an ISO 8601 time ("2026-01-16", "2026-01-16T19:54", "2026-01-16T19:54:00Z",
// a space instead of the T) and says whether it carried a zone. A time without a zone is
// returned in UTC with its clock as printed.
func ParseTime(s string) (t time.Time, hasZone bool, err error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && s[10] == ' ' {
		s = s[:10] + "T" + s[11:]
	}
	if strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, strings.Contains(l, "Z07"), nil
		}
	}
	// zones without a colon: +0300
	for _, l := range []string{"2006-01-02T15:04:05-0700", "2006-01-02T15:04-0700", "2006-01-02T15:04:05.999999999-0700"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("%q is not an ISO 8601 time (want e.g. 2026-01-16 or 2026-01-16T19:54)", s)
}
