package reader

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/tidings-news/tidings/internal/model"
)

// Stamp is a date read from an article's header, with what it is known to.
type Stamp struct {
	Time time.Time
	// HasClock is true when the stamp gives a time of day, HasZone when it gives a zone.
	HasClock bool
	HasZone  bool
}

// String prints the stamp in the contract's form: a date, or a time at minute precision (or
// better), with the zone only when the stamp had one.
func (s Stamp) String() string {
	if !s.HasClock {
		return s.Time.Format("2006-01-02")
	}
	return FormatTime(s.Time, s.HasZone)
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayNames = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true,
	"wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true,
	"friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
}

// zoneOffsets are the zone abbreviations news pages print, in seconds east of UTC.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 3600, "cet": 3600, "cest": 7200, "eet": 7200, "eest": 10800,
	"msk": 10800, "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600, "ist": 19800,
	"jst": 9 * 3600, "kst": 9 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600, "sast": 7200,
	"wat": 3600, "eat": 10800, "pkt": 5 * 3600, "irst": 12600, "ast": 3 * 3600, "hkt": 8 * 3600,
	"sgt": 8 * 3600,
}

var smallNumbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3,
}

var relUnits = map[string]time.Duration{
	"sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
	"min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour, "h": time.Hour,
	"day": 24 * time.Hour, "days": 24 * time.Hour, "d": 24 * time.Hour,
	"week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
}

// stampTokens splits a header line into words, numbers, clock times and punctuation-free pieces.
func stampTokens(s string) []string {
	var out []string
	cur := strings.Builder{}
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		case (r == ':' || r == '.') && cur.Len() > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && isDigits(cur.String()):
			cur.WriteRune(r) // 19:54, 19.54
		case (r == '-' || r == '+') && cur.Len() == 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && i > 0 && rs[i-1] == ' ':
			cur.WriteRune(r) // +0300
		case r == '/' && cur.Len() > 0 && isDigits(strings.ReplaceAll(cur.String(), "/", "")) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			cur.WriteRune(r) // 14/03/2025
		default:
			flush()
		}
	}
	flush()
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseStamp reads a date as pages and wire copy print it in headers ("16 Jan, 2026 19:54",
// "Published March 14, 2025 8:30 PM EDT", "2025-03-14T20:30:26Z", "14/03/2025", "10 hours ago",
// "yesterday"), resolving relative ones against now. It reports false when s holds no date.
// Words that are not part of a date ("Published", "Updated:", "Last updated on") are ignored,
// but a line with many other words is not a stamp.
func ParseStamp(s string, now time.Time, nowHasZone bool) (Stamp, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 {
		return Stamp{}, false
	}
	// ISO first
	for _, f := range strings.Fields(s) {
		f = strings.Trim(f, ",;()[]")
		if len(f) >= 10 && f[4] == '-' && isDigits(f[:4]) {
			if t, zone, err := model.ParseTime(f); err == nil {
				return Stamp{Time: t, HasClock: len(f) > 10, HasZone: zone}, true
			}
		}
	}
	toks := stampTokens(s)
	low := make([]string, len(toks))
	for i, t := range toks {
		low[i] = strings.ToLower(t)
	}
	if st, ok := relativeStamp(low, now, nowHasZone); ok {
		return st, true
	}
	var (
		day, year, hour, minute = -1, -1, -1, -1
		month                   time.Month
		pm, am                  bool
		zone                    = -1 << 30
		other                   int
	)
	for i, t := range low {
		t = stripOrdinal(t)
		switch {
		case monthNames[t] != 0 && month == 0:
			month = monthNames[t]
		case weekdayNames[t]:
		case strings.Count(t, "/") == 2:
			p := strings.Split(t, "/")
			a, _ := strconv.Atoi(p[0])
			b, _ := strconv.Atoi(p[1])
			y, _ := strconv.Atoi(p[2])
			if y < 100 {
				y += 2000
			}
			if a > 12 || (b <= 12 && a <= 12) { // day first unless impossible
				day, month = a, time.Month(b)
			} else {
				day, month = b, time.Month(a)
			}
			year = y
		case strings.ContainsAny(t, ":.") && isDigits(strings.NewReplacer(":", "", ".", "").Replace(t)):
			p := strings.FieldsFunc(t, func(r rune) bool { return r == ':' || r == '.' })
			if len(p) >= 2 {
				hour, _ = strconv.Atoi(p[0])
				minute, _ = strconv.Atoi(p[1])
			}
		case isDigits(t) && len(t) == 4:
			year, _ = strconv.Atoi(t)
		case isDigits(t) && len(t) <= 2 && day < 0:
			day, _ = strconv.Atoi(t)
		case isDigits(t) && len(t) <= 2 && hour < 0 && i+1 < len(low) && (low[i+1] == "pm" || low[i+1] == "am" || low[i+1] == "p" || low[i+1] == "a"):
			hour, _ = strconv.Atoi(t)
			minute = 0
		case len(t) >= 2 && (t[0] == '+' || t[0] == '-') && isDigits(t[1:]):
			h, m := 0, 0
			d := t[1:]
			if len(d) == 4 {
				h, _ = strconv.Atoi(d[:2])
				m, _ = strconv.Atoi(d[2:])
			} else if len(d) <= 2 {
				h, _ = strconv.Atoi(d)
			}
			off := h*3600 + m*60
			if t[0] == '-' {
				off = -off
			}
			zone = off
		case t == "pm" || t == "p":
			pm = true
		case t == "am" || t == "a":
			am = true
		case t == "m":
		case t == "et" || t == "eastern":
			zone = easternOffset(month)
		case zoneOffsets[t] != 0 || t == "utc" || t == "gmt":
			zone = zoneOffsets[t]
		case headerWords[t]:
		default:
			other++
		}
	}
	if month == 0 || day < 1 || day > 31 || other > 2 {
		return Stamp{}, false
	}
	st := Stamp{}
	if year < 0 {
		year = now.Year()
		if time.Date(year, month, day, 0, 0, 0, 0, time.UTC).After(now.AddDate(0, 0, 2)) {
			year--
		}
	}
	if hour >= 0 && minute >= 0 {
		if pm && hour < 12 {
			hour += 12
		}
		if am && hour == 12 {
			hour = 0
		}
		if hour < 24 && minute < 60 {
			st.HasClock = true
		}
	}
	loc := time.UTC
	if zone != -1<<30 && st.HasClock {
		loc = time.FixedZone("", zone)
		st.HasZone = true
	}
	if st.HasClock {
		st.Time = time.Date(year, month, day, hour, minute, 0, 0, loc)
	} else {
		st.Time = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	}
	if st.Time.Day() != day { // 31 February
		return Stamp{}, false
	}
	return st, true
}

// headerWords are words that stand beside a date in a header without making it something else.
var headerWords = map[string]bool{
	"published": true, "updated": true, "last": true, "on": true, "at": true, "posted": true,
	"first": true, "modified": true, "date": true, "time": true, "of": true, "the": true, "th": true,
	"st": true, "nd": true, "rd": true, "originally": true, "edited": true, "revised": true,
}

func easternOffset(m time.Month) int {
	if m >= 3 && m <= 11 {
		return -4 * 3600
	}
	return -5 * 3600
}

// relativeStamp reads "10 hours ago", "an hour ago", "yesterday", "today", "just now".
func relativeStamp(low []string, now time.Time, nowHasZone bool) (Stamp, bool) {
	content := make([]string, 0, len(low))
	for _, t := range low {
		if !headerWords[t] {
			content = append(content, t)
		}
	}
	switch strings.Join(content, " ") {
	case "just now", "now", "moments ago", "a moment ago":
		return Stamp{Time: now, HasClock: true, HasZone: nowHasZone}, true
	case "today":
		return Stamp{Time: now}, true
	case "yesterday":
		return Stamp{Time: now.AddDate(0, 0, -1)}, true
	}
	if len(content) != 3 || content[2] != "ago" {
		return Stamp{}, false
	}
	n, ok := smallNumbers[content[0]]
	if !ok {
		v, err := strconv.Atoi(content[0])
		if err != nil || v < 0 || v > 10000 {
			return Stamp{}, false
		}
		n = v
	}
	unit, ok := relUnits[content[1]]
	if !ok {
		return Stamp{}, false
	}
	t := now.Add(-time.Duration(n) * unit)
	if unit >= 24*time.Hour {
		return Stamp{Time: t}, true
	}
	return Stamp{Time: t.Truncate(time.Minute), HasClock: true, HasZone: nowHasZone}, true
}

// stripOrdinal turns "18th", "1st", "22nd", "3rd" into their number.
func stripOrdinal(t string) string {
	if len(t) >= 3 && len(t) <= 4 {
		switch t[len(t)-2:] {
		case "st", "nd", "rd", "th":
			if isDigits(t[:len(t)-2]) {
				return t[:len(t)-2]
			}
		}
	}
	return t
}
