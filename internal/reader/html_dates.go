package reader

import (
	"strconv"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/model"
)

// htmlMonths maps English month names and their abbreviations to months.
var htmlMonths = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

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

// dateToken is one word or number of a printed date.
type dateToken struct {
	s   string // lower case, trailing dots and commas removed
	num int    // the value when the token is a number, else -1
	raw string
}

// tokenizeDate splits a printed date into tokens: runs of letters, runs of digits, and clock
// times ("4:30", "16:30:05") kept whole.
func tokenizeDate(s string) []dateToken {
	var toks []dateToken
	i := 0
	for i < len(s) && len(toks) < 64 {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ':' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
				j++
			}
			w := s[i:j]
			n := -1
			if !strings.Contains(w, ":") && len(w) <= 4 {
				n, _ = strconv.Atoi(w)
			}
			// ordinals: 14th, 1st, 2nd, 3rd
			k := j
			for k < len(s) && k-j < 2 && (s[k] >= 'a' && s[k] <= 'z') {
				k++
			}
			if suf := s[j:k]; suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
				j = k
			}
			toks = append(toks, dateToken{s: w, num: n, raw: s[i:j]})
			i = j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '.' && j+1 < len(s) && s[j+1] != ' ') {
				j++
			}
			w := strings.ToLower(strings.ReplaceAll(s[i:j], ".", ""))
			toks = append(toks, dateToken{s: w, num: -1, raw: s[i:j]})
			i = j
		case c == '+' || c == '-':
			// a numeric zone: +03:00, -0400
			j := i + 1
			for j < len(s) && j-i <= 6 && (s[j] >= '0' && s[j] <= '9' || s[j] == ':') {
				j++
			}
			afterWord := i > 0 && (s[i-1] == ' ' || s[i-1] >= 'A' && s[i-1] <= 'Z' || s[i-1] >= 'a' && s[i-1] <= 'z')
			if j-i == 5 || j-i == 6 || (j-i == 2 || j-i == 3) && afterWord {
				toks = append(toks, dateToken{s: s[i:j], num: -1, raw: s[i:j]})
				i = j
			} else {
				i++
			}
		default:
			i++
		}
	}
	return toks
}

// parseTextTime reads a date as pages print it: "March 14, 2025", "14 March 2025",
// "Fri 14 Mar 2025 16.30 GMT", "Mar. 14, 2025 4:30 p.m. EDT", "2025/03/14 16:30", and
// relative stamps ("10 hours ago", "Yesterday") against now. zones maps abbreviations to
// offsets in seconds.
func parseTextTime(s string, now time.Time, nowZone bool, zones map[string]int) (stamp, bool) {
	if len(s) > 300 {
		s = s[:300]
	}
	// "16.30" as a clock time, as some British pages print it, only right after a year.
	toks := tokenizeDate(s)
	if st, ok := relativeTime(toks, now, nowZone); ok {
		return st, true
	}
	year, month, day := -1, time.Month(0), -1
	at := -1 // index of the last date token
	for i, t := range toks {
		m, isMonth := htmlMonths[t.s]
		if !isMonth || month != 0 {
			continue
		}
		// month day, year | day month year
		if i+1 < len(toks) && toks[i+1].num >= 1 && toks[i+1].num <= 31 && len(toks[i+1].s) <= 2 {
			if i+2 < len(toks) && toks[i+2].num >= 1000 && len(toks[i+2].s) == 4 {
				month, day, year, at = m, toks[i+1].num, toks[i+2].num, i+2
				break
			}
		}
		if i >= 1 && toks[i-1].num >= 1 && toks[i-1].num <= 31 && len(toks[i-1].s) <= 2 {
			if i+1 < len(toks) && toks[i+1].num >= 1000 && len(toks[i+1].s) == 4 {
				month, day, year, at = m, toks[i-1].num, toks[i+1].num, i+1
				break
			}
		}
	}
	if month == 0 {
		// numeric: 2025/03/14, 2025-03-14, 14.03.2025, 03/14/2025 when unambiguous
		for i := 0; i+2 < len(toks); i++ {
			a, b, c := toks[i].num, toks[i+1].num, toks[i+2].num
			if a < 0 || b < 0 || c < 0 {
				continue
			}
			switch {
			case len(toks[i].s) == 4 && b >= 1 && b <= 12 && c >= 1 && c <= 31 && len(toks[i+2].s) <= 2:
				year, month, day = a, time.Month(b), c
			case len(toks[i+2].s) == 4 && a >= 1 && a <= 31 && b >= 1 && b <= 31 && len(toks[i].s) <= 2 && len(toks[i+1].s) <= 2:
				switch {
				case a > 12 && b <= 12:
					year, month, day = c, time.Month(b), a
				case b > 12 && a <= 12:
					year, month, day = c, time.Month(a), b
				default:
					continue
				}
			default:
				continue
			}
			at = i + 2
			break
		}
	}
	if month == 0 || year < 1000 || day < 1 || day > 31 {
		return stamp{}, false
	}
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return stamp{}, false // 31 February
	}
	st := stamp{t: d}
	// A clock time may come before the date ("4:30 PM, March 14, 2025") or after it.
	hour, minute, sec, clockAt := -1, 0, 0, -1
	for i := range toks {
		if !strings.Contains(toks[i].s, ":") {
			continue
		}
		parts := strings.Split(toks[i].s, ":")
		h, err1 := strconv.Atoi(parts[0])
		m, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil || h > 23 || m > 59 || len(parts[1]) != 2 {
			continue
		}
		if len(parts) > 2 {
			if s2, err := strconv.Atoi(parts[2]); err == nil && s2 < 60 {
				sec = s2
			}
		}
		hour, minute, clockAt = h, m, i
		break
	}
	if hour < 0 && at+2 < len(toks) && toks[at+1].num >= 0 && toks[at+1].num <= 23 && toks[at+2].num >= 0 && toks[at+2].num <= 59 && len(toks[at+2].s) == 2 && strings.Contains(s, toks[at+1].s+"."+toks[at+2].s) {
		hour, minute, clockAt = toks[at+1].num, toks[at+2].num, at+2
	}
	if hour < 0 {
		// "4 PM" / "4pm"
		for i := 0; i+1 < len(toks); i++ {
			if i == at || toks[i].num < 1 || toks[i].num > 12 || len(toks[i].s) > 2 {
				continue
			}
			if p := toks[i+1].s; p == "am" || p == "pm" {
				hour, minute, clockAt = toks[i].num, 0, i
				break
			}
		}
	}
	if hour < 0 {
		return st, true
	}
	zoneAt := clockAt + 1
	if zoneAt < len(toks) {
		switch toks[zoneAt].s {
		case "am":
			if hour == 12 {
				hour = 0
			}
			zoneAt++
		case "pm":
			if hour < 12 {
				hour += 12
			}
			zoneAt++
		}
	}
	st.t = time.Date(year, month, day, hour, minute, sec, 0, time.UTC)
	st.clock = true
	// the zone follows the clock time, or the date when the clock came first
	for _, zi := range []int{zoneAt, at + 1} {
		if zi <= 0 || zi >= len(toks) {
			continue
		}
		if off, ok := zoneOffset(toks, zi, zones); ok {
			st.t = time.Date(year, month, day, hour, minute, sec, 0, time.FixedZone("", off))
			st.hasZone = true
			break
		}
	}
	return st, true
}

// zoneOffset reads a zone at toks[i]: an abbreviation, "GMT+3", "UTC-04:00" or "+0300".
func zoneOffset(toks []dateToken, i int, zones map[string]int) (int, bool) {
	t := toks[i]
	if off, ok := zones[strings.ToUpper(t.s)]; ok {
		if (t.s == "gmt" || t.s == "utc") && i+1 < len(toks) {
			if o, ok := numericZone(toks[i+1].s); ok {
				return o, true
			}
		}
		return off, true
	}
	return numericZone(t.s)
}

// numericZone reads "+03:00", "-0400", "+3".
func numericZone(s string) (int, bool) {
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	d := strings.ReplaceAll(s[1:], ":", "")
	if !allDigits(d) {
		return 0, false
	}
	var h, m int
	switch len(d) {
	case 1, 2:
		h, _ = strconv.Atoi(d)
	case 4:
		h, _ = strconv.Atoi(d[:2])
		m, _ = strconv.Atoi(d[2:])
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// relativeTime reads "10 hours ago", "5 mins ago", "yesterday" against now.
func relativeTime(toks []dateToken, now time.Time, nowZone bool) (stamp, bool) {
	for i, t := range toks {
		if t.s == "ago" && i >= 2 && toks[i-2].num > 0 {
			n := toks[i-2].num
			var d time.Duration
			switch strings.TrimSuffix(toks[i-1].s, "s") {
			case "second", "sec":
				d = time.Duration(n) * time.Second
			case "minute", "min", "m":
				d = time.Duration(n) * time.Minute
			case "hour", "hr", "h":
				d = time.Duration(n) * time.Hour
			case "day", "d":
				return stamp{t: now.AddDate(0, 0, -n)}, true
			default:
				return stamp{}, false
			}
			return stamp{t: now.Add(-d).Truncate(time.Minute), clock: true, hasZone: nowZone}, true
		}
		if t.s == "yesterday" && len(toks) <= 4 {
			return stamp{t: now.AddDate(0, 0, -1)}, true
		}
	}
	return stamp{}, false
}
