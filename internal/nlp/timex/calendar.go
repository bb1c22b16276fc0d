package timex

import (
	"strconv"
	"time"
)

// Granularities of a resolved calendar value.
const (
	gNone    = 0
	gYear    = 'Y'
	gQuarter = 'Q'
	gHalf    = 'h'
	gMonth   = 'M'
	gWeek    = 'W'
	gWeekend = 'w'
	gDay     = 'D'
	gHour    = 'H'
	gDecade  = 'E'
	gCentury = 'C'
	gSeason  = 'S'
)

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// appendPad appends n in decimal, with zeros before it up to width characters, as pad.
func appendPad(b []byte, n, width int) []byte {
	var d [20]byte
	s := strconv.AppendInt(d[:0], int64(n), 10)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// format prints t as a TIMEX3 value of granularity g.
func format(t time.Time, g byte) string {
	var buf [32]byte
	b := appendFormat(buf[:0], t, g)
	if len(b) == 0 {
		return ""
	}
	return string(b)
}

// appendFormat appends format(t, g) to b.
func appendFormat(b []byte, t time.Time, g byte) []byte {
	y := t.Year()
	if y < 0 || y > 9999 {
		return b
	}
	switch g {
	case gYear:
		return appendPad(b, y, 4)
	case gQuarter:
		b = append(appendPad(b, y, 4), "-Q"...)
		return strconv.AppendInt(b, int64((int(t.Month())-1)/3+1), 10)
	case gHalf:
		b = append(appendPad(b, y, 4), "-H"...)
		return strconv.AppendInt(b, int64((int(t.Month())-1)/6+1), 10)
	case gMonth:
		b = append(appendPad(b, y, 4), '-')
		return appendPad(b, int(t.Month()), 2)
	case gWeek, gWeekend:
		wy, w := t.ISOWeek()
		b = append(appendPad(b, wy, 4), "-W"...)
		b = appendPad(b, w, 2)
		if g == gWeekend {
			b = append(b, "-WE"...)
		}
		return b
	case gDay:
		b = append(appendPad(b, y, 4), '-')
		b = append(appendPad(b, int(t.Month()), 2), '-')
		return appendPad(b, t.Day(), 2)
	case gHour:
		b = append(appendFormat(b, t, gDay), 'T')
		b = append(appendPad(b, t.Hour(), 2), ':')
		return appendPad(b, t.Minute(), 2)
	case gDecade:
		return appendPad(b, y/10, 3)
	case gCentury:
		return appendPad(b, y/100, 2)
	}
	return b
}

// unitGran maps a lexicon unit to the granularity of a date shifted by it.
func unitGran(u string) byte {
	switch u {
	case "Y":
		return gYear
	case "Q":
		return gQuarter
	case "M":
		return gMonth
	case "W":
		return gWeek
	case "WE":
		return gWeekend
	case "D":
		return gDay
	case "H", "MIN", "S":
		return gHour
	case "DE":
		return gDecade
	case "CE":
		return gCentury
	}
	return gNone
}

// addMonths moves t by n months, keeping the day when the target month has it and taking
// the month's last day when it does not (Jan 31 + 1 month = Feb 28).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	d := t.Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, t.Hour(), t.Minute(), 0, 0, time.UTC)
}

// shift moves t by n units.
func shift(t time.Time, u string, n int) time.Time {
	if n > 100000 || n < -100000 {
		return t
	}
	switch u {
	case "Y":
		return addMonths(t, 12*n)
	case "DE":
		return addMonths(t, 120*n)
	case "CE":
		return addMonths(t, 1200*n)
	case "ML":
		return addMonths(t, 12000*n)
	case "Q":
		return addMonths(t, 3*n)
	case "M":
		return addMonths(t, n)
	case "W", "WE":
		return t.AddDate(0, 0, 7*n)
	case "D":
		return t.AddDate(0, 0, n)
	case "H":
		return t.Add(time.Duration(n) * time.Hour)
	case "MIN":
		return t.Add(time.Duration(n) * time.Minute)
	case "S":
		return t.Add(time.Duration(n) * time.Second)
	}
	return t
}

// durValue is the TIMEX3 duration of n units; n < 0 means an unknown number (PXY).
func durValue(n int, u string) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch u {
	case "Y", "M", "W", "D":
		return "P" + num + u
	case "Q":
		return "P" + num + "Q" // as TimeML writes quarters: P2Q, PXQ
	case "DE":
		if n >= 0 {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXDE"
	case "CE":
		if n >= 0 {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXCE"
	case "ML":
		if n >= 0 {
			return "P" + strconv.Itoa(1000*n) + "Y"
		}
		return "PXML"
	case "WE":
		if n >= 0 {
			return "P" + strconv.Itoa(2*n) + "D"
		}
		return "PXWE"
	case "H":
		return "PT" + num + "H"
	case "MIN":
		return "PT" + num + "M"
	case "S":
		return "PT" + num + "S"
	}
	return ""
}

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// weekdayNum is 1 (Monday) .. 7 (Sunday).
func weekdayNum(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// nthWeekday is the nth (1..4, 5 = last) weekday wd (1..7) of month m in year y.
func nthWeekday(y int, m time.Month, n, wd int) time.Time {
	if n >= 5 {
		last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		back := (weekdayNum(last) - wd + 7) % 7
		return last.AddDate(0, 0, -back)
	}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	fwd := (wd - weekdayNum(first) + 7) % 7
	return first.AddDate(0, 0, fwd+7*(n-1))
}

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}
