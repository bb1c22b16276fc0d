package store

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Helpers every Store implementation shares, so that two backends agree on what is a duplicate
// and on which day an event falls.

// CanonicalURL returns the form of an http or https address used to recognise the same
// article: lower-case scheme and host, no default port, no fragment, no tracking parameters
// (utm_*, fbclid, gclid...), the other parameters sorted, no trailing slash. It returns "" for
// anything that is not an absolute http(s) address.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return ""
	}
	port := u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
		host += ":" + port
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	path := u.EscapedPath()
	for len(path) > 1 && strings.HasSuffix(path, "/") {
		path = path[:len(path)-1]
	}
	if path == "/" {
		path = ""
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if isTrackingParam(lk) {
			delete(q, k)
		}
	}
	out := "https://" + host + path
	if scheme == "http" {
		out = "http://" + host + path
	}
	if len(q) > 0 {
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			vs := q[k]
			sort.Strings(vs)
			for _, v := range vs {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(url.QueryEscape(k))
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
		out += "?" + b.String()
	}
	return out
}

// isTrackingParam reports whether a lower-case query parameter never changes which article a
// page is.
func isTrackingParam(k string) bool {
	if strings.HasPrefix(k, "utm_") {
		return true
	}
	switch k {
	case "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid", "ocid":
		return true
	}
	return false
}

// ContentHash returns the hex SHA-256 of the article's normalised text: Unicode NFKC, lower
// case, every run of white space one space, no leading or trailing space. Two copies of a
// story that differ only in spacing, case or compatibility characters hash the same.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [utf8.UTFMax]byte
	space := false
	started := false
	var it norm.Iter
	it.InitString(norm.NFKC, text)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.IsSpace(r) {
				space = started
				continue
			}
			if space {
				h.Write([]byte{' '})
				space = false
			}
			started = true
			r = unicode.ToLower(r)
			k := utf8.EncodeRune(buf[:], r)
			h.Write(buf[:k])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Day returns the first day (YYYY-MM-DD) of the period a TIMEX3 date value names: a day, a
// month, a year, an ISO week, a weekend, a quarter, a half, a season or a decade, with or
// without a time of day. It returns "" for values that name no calendar period (PRESENT_REF,
// durations, values with unknown digits).
func Day(value string) string {
	v := strings.TrimSpace(value)
	if i := strings.IndexByte(v, 'T'); i >= 0 && i >= 4 && !strings.HasPrefix(v[i:], "TNI") {
		// 2026-01-16T10:00, 2026-01-16TMO: keep the date part
		v = v[:i]
	}
	if len(v) < 3 {
		return ""
	}
	// decade or century: 201X is not valid TIMEX but 201 is; accept both
	if len(v) == 3 && digits(v) {
		y, _ := strconv.Atoi(v)
		return ymd(y*10, 1, 1)
	}
	if len(v) == 4 && digits(v[:3]) && (v[3] == 'X' || v[3] == 'x') {
		y, _ := strconv.Atoi(v[:3])
		return ymd(y*10, 1, 1)
	}
	if len(v) < 4 || !digits(v[:4]) {
		return ""
	}
	year, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	if rest == "" {
		return ymd(year, 1, 1)
	}
	if rest[0] != '-' || len(rest) < 2 {
		return ""
	}
	rest = rest[1:]
	switch {
	case len(rest) >= 2 && digits(rest[:2]) && (len(rest) == 2 || rest[2] == '-'):
		month, _ := strconv.Atoi(rest[:2])
		if month < 1 || month > 12 {
			return ""
		}
		if len(rest) == 2 {
			return ymd(year, month, 1)
		}
		d := rest[3:]
		if len(d) != 2 || !digits(d) {
			return ""
		}
		day, _ := strconv.Atoi(d)
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			return ""
		}
		return t.Format(time.DateOnly)
	case rest[0] == 'W' && len(rest) >= 3 && digits(rest[1:3]):
		week, _ := strconv.Atoi(rest[1:3])
		if week < 1 || week > 53 {
			return ""
		}
		mon := isoWeekMonday(year, week)
		if strings.HasSuffix(rest, "-WE") {
			mon = mon.AddDate(0, 0, 5)
		}
		return mon.Format(time.DateOnly)
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'H') && rest[1] >= '1' && rest[1] <= '4':
		n := int(rest[1] - '0')
		if rest[0] == 'H' {
			if n > 2 {
				return ""
			}
			return ymd(year, 1+(n-1)*6, 1)
		}
		return ymd(year, 1+(n-1)*3, 1)
	}
	switch rest {
	case "SP":
		return ymd(year, 3, 1)
	case "SU":
		return ymd(year, 6, 1)
	case "FA":
		return ymd(year, 9, 1)
	case "WI":
		return ymd(year, 12, 1)
	}
	return ""
}

// PublishedDay returns the day of an ISO 8601 publication stamp, or "".
func PublishedDay(published string) string {
	p := strings.TrimSpace(published)
	if len(p) < 10 {
		return ""
	}
	return Day(p[:10])
}

// WeekStart returns the Monday of the week that holds day (YYYY-MM-DD), or "" if day is not one.
func WeekStart(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	off := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -off).Format(time.DateOnly)
}

// DayBound formats a query bound as YYYY-MM-DD, or "" for the zero time (an open end).
func DayBound(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func isoWeekMonday(year, week int) time.Time {
	// 4 January is always in week 1
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
	off := (int(jan4.Weekday()) + 6) % 7
	return jan4.AddDate(0, 0, -off+(week-1)*7)
}

func ymd(y, m, d int) string {
	if y < 0 || y > 9999 {
		return ""
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// SplitList splits a filter value that may list several values ("USA, GBR") at commas,
// trimming spaces and dropping empty items; at most 50 are kept.
func SplitList(v string) []string {
	var out []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
			if len(out) == 50 {
				break
			}
		}
	}
	return out
}
