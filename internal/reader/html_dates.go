package reader

import (
	"strconv"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/model"
)

// stamp is a time read from a page: the instant, whether a clock time was given and whether
// a zone was.
type stamp struct {
	t       time.Time
	clock   bool
	hasZone bool
}

// String prints the stamp as ISO 8601: a day alone when no clock time was given, else minute
// precision or better, with the zone only when the page gave one.
func (s stamp) String() string {
	if !s.clock {
		return s.t.Format("2006-01-02")
	}
	return FormatTime(s.t, s.hasZone)
}

// plausible is false for a stamp too far from today to be a publication time.
func (s stamp) plausible(now time.Time) bool {
	y := s.t.Year()
	return y >= 1995 && s.t.Before(now.Add(48*time.Hour))
}

// parseMachineTime reads a time as machines write it in attributes and metadata: ISO 8601
// (with or without a zone, with a space before the zone), RFC 1123 and RFC 822, or Unix seconds
// or milliseconds.
func parseMachineTime(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || len(s) > 64 {
		return stamp{}, false
	}
	if allDigits(s) {
		switch len(s) {
		case 8: // 20250314
			if t, err := time.Parse("20060102", s); err == nil {
				return stamp{t: t}, true
			}
			return stamp{}, false
		case 10, 13:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return stamp{}, false
			}
			if len(s) == 13 {
				n /= 1000
			}
			return stamp{t: time.Unix(n, 0).UTC(), clock: true, hasZone: true}, true
		}
		return stamp{}, false
	}
	if s[0] >= '0' && s[0] <= '9' && len(s) >= 10 && s[4] == '-' {
		iso := s
		// "2025-03-14 16:30:00 +0000", "2025-03-14T16:30:00 -04:00", "2025-03-14T16:30:00 GMT"
		if i := strings.LastIndexByte(iso, ' '); i > 10 {
			z := iso[i+1:]
			if z == "UTC" || z == "GMT" {
				z = "Z"
			}
			iso = iso[:i] + z
		}
		if len(iso) > 10 && iso[10] == ' ' {
			iso = iso[:10] + "T" + iso[11:]
		}
		// "2025-03-14T16:30:00+0000": ParseTime knows it; "2025-03-14T16:30:00.000+00:00" too.
		t, zone, err := model.ParseTime(iso)
		if err != nil {
			return stamp{}, false
		}
		clock := len(iso) > 10
		if len(iso) < 10 { // a year or a month is no publication time
			return stamp{}, false
		}
		return stamp{t: t, clock: clock, hasZone: zone && clock}, true
	}
	for _, l := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(l, s); err == nil {
			_, off := t.Zone()
			name, _ := t.Zone()
			if off == 0 && name != "UTC" && name != "GMT" && name != "" && !strings.HasSuffix(l, "0700") {
				// An abbreviation Go does not know is read as offset zero: do not trust it.
				return stamp{t: time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC), clock: true}, true
			}
			return stamp{t: t, clock: true, hasZone: true}, true
		}
	}
	return stamp{}, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// printedTime reads a date as a page prints it ("March 14, 2025 4:30 PM EDT", "10 hours ago")
// with the text reader's ParseStamp.
func printedTime(s string, now time.Time, nowZone bool) (stamp, bool) {
	st, ok := ParseStamp(dropOrdinals(s), now, nowZone)
	if !ok {
		return stamp{}, false
	}
	return stamp{t: st.Time, clock: st.HasClock, hasZone: st.HasZone}, true
}

// dropOrdinals writes "November 18th" as "November 18".
func dropOrdinals(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && i+2 <= len(s) {
			suf := strings.ToLower(s[i : i+2])
			if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (i+2 == len(s) || !isASCIILetter(s[i+2])) {
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
