package timex

import (
	"strconv"
	"strings"
	"time"
)

// ---------- helpers

// seq reports whether the tokens from i spell words.
func (r *run) seq(i int, words []string) bool {
	if i+len(words) > len(r.toks) {
		return false
	}
	for k, w := range words {
		if r.toks[i+k].w != w {
			return false
		}
	}
	return true
}

// pods are the parts of day that make a TIME of a date.
func isDayPart(p string) bool { return p == "MO" || p == "AF" || p == "EV" || p == "NI" }

// amount reads a number at i: digits, number words ("twenty-four", "a couple of", "several").
// n is -1 for a vague amount. article reports that the amount is "a" or "an".
func (r *run) amount(i int) (n, j int, article, ok bool) {
	if i >= len(r.toks) {
		return 0, i, false, false
	}
	t := &r.toks[i]
	if t.kind == kNum {
		v, digits := r.numAt(i)
		if v < 0 || digits > 6 {
			return 0, i, false, false
		}
		// thousands separators and decimals are not calendar amounts
		if r.punct(i+1, ",") && !r.toks[i+2-1].space && i+2 < len(r.toks) && r.toks[i+2].kind == kNum && !r.toks[i+2].space {
			return 0, i, false, false
		}
		if r.punct(i+1, ".") && i+2 < len(r.toks) && r.toks[i+2].kind == kNum && !r.toks[i+2].space {
			return 0, i, false, false
		}
		if r.punct(i-1, ".") && r.glued(i) || r.punct(i-1, "$") {
			return 0, i, false, false
		}
		return v, i + 1, false, true
	}
	e := r.ent(i)
	if e == nil || !e.isNum {
		return 0, i, false, false
	}
	w := t.w
	switch w {
	case "a", "an":
		// a five-year plan, a 30-day truce: the article is no part of the amount
		if i+1 < len(r.toks) && r.toks[i+1].kind == kNum {
			return 0, i, false, false
		}
		if e2 := r.ent(i + 1); e2 != nil && e2.isNum && e2.num > 0 && e2.num < 100 && e2.num != 12 && r.word(i+1) != "couple" {
			return 0, i, false, false
		}
		// a couple of, a few, a dozen, a hundred
		if e2 := r.ent(i + 1); e2 != nil && e2.isNum && r.word(i+1) != "a" && r.word(i+1) != "an" && r.word(i+1) != "some" && r.word(i+1) != "many" && r.word(i+1) != "several" {
			n, j, _, ok := r.amount(i + 1)
			if ok {
				return n, j, false, true
			}
		}
		return 1, i + 1, true, true
	case "couple":
		j := i + 1
		if r.word(j) == "of" {
			j++
		}
		return 2, j, false, true
	case "dozen":
		j := i + 1
		if r.word(j) == "of" {
			j++
		}
		return 12, j, false, true
	case "some", "many":
		return -1, i + 1, false, true
	}
	n = e.num
	j = i + 1
	if n >= 20 && n < 100 && n%10 == 0 {
		k := j
		if r.punct(k, "-") && r.glued(k) {
			k++
		}
		if e2 := r.ent(k); e2 != nil && e2.isNum && e2.num > 0 && e2.num < 10 {
			n += e2.num
			j = k + 1
		}
	}
	if r.word(j) == "hundred" && n > 0 {
		n *= 100
		j++
	}
	return n, j, false, true
}

// unitAt reads a unit word at i, alone or glued by a hyphen ("30-day").
func (r *run) unitAt(i int) (u string, plural bool, j int, ok bool) {
	e := r.ent(i)
	if e == nil || e.unit == "" {
		return "", false, i, false
	}
	w := r.word(i)
	return e.unit, strings.HasSuffix(w, "s") && w != "hrs" || w == "centuries" || w == "millennia", i + 1, true
}

// yearAt reads a four-digit year at i.
func (r *run) yearAt(i int) (int, bool) {
	v, digits := r.numAt(i)
	if digits != 4 || v < 1000 || v > 2199 {
		return 0, false
	}
	// not the start of a longer number
	if r.punct(i+1, ",") && i+2 < len(r.toks) && r.toks[i+2].kind == kNum && !r.toks[i+2].space && !r.toks[i+1].space {
		return 0, false
	}
	return v, true
}

// dayAt reads a day of month (1..31, optionally 1st, 2nd, 16th) at i.
func (r *run) dayAt(i int) (int, bool) {
	if i >= len(r.toks) || r.toks[i].kind != kNum || len(r.toks[i].w) > 2 {
		return 0, false
	}
	switch r.toks[i].suf {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	v, _ := strconv.Atoi(r.toks[i].w)
	if v < 1 || v > 31 {
		return 0, false
	}
	// not a time (3:30) nor a decimal
	if (r.punct(i+1, ":") || r.punct(i+1, ".")) && r.glued(i+1) && i+2 < len(r.toks) && r.toks[i+2].kind == kNum && !r.toks[i+2].space {
		return 0, false
	}
	return v, true
}

// ---------- resolution against the reference time

func (r *run) refDay() time.Time { return day(r.ref) }

// resolveMonth returns the year of month m: the most recent one on or before the reference
// month in a past (or unknown) context, the next one on or after it in a future context.
func (r *run) resolveMonth(m int, tense int) time.Time {
	ref := time.Date(r.ref.Year(), r.ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	best := ref
	bestDist := time.Duration(1<<63 - 1)
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		if dist := weighted(t.Sub(ref), tense); dist < bestDist {
			best, bestDist = t, dist
		}
	}
	return best
}

// resolveMD returns the year of day d of month m: in the past for past clauses, in the future
// for future ones, and the nearest when the tense is unknown.
func (r *run) resolveMD(m, d int, tense int) (time.Time, bool) {
	ref := r.refDay()
	best := time.Time{}
	found := false
	bestDist := time.Duration(1<<63 - 1)
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		if !validDate(y, m, d) {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if dist := weighted(t.Sub(ref), tense); dist < bestDist {
			best, bestDist, found = t, dist, true
		}
	}
	return best, found
}

// weighted is the distance of a date from the reference day, six times longer when it lies
// on the side the clause's tense speaks against (a past clause can still mean a date a few
// days ahead, but hardly one months ahead), and twice as long in the future when the tense is
// unknown, since news mostly reports what happened.
func weighted(dist time.Duration, tense int) time.Duration {
	switch {
	case dist < 0:
		dist = -dist
		if tense == tFuture {
			dist *= 6
		}
	case dist > 0:
		switch tense {
		case tPast:
			dist *= 6
		case tUnknown:
			dist *= 2
		}
	}
	return dist
}

// resolveWeekday returns weekday wd (1..7): the most recent one on or before the reference day
// unless the clause is in the future. strict excludes the reference day itself ("last Friday").
func (r *run) resolveWeekday(wd, tense int, strict bool) time.Time {
	return weekdayFrom(r.refDay(), wd, tense, strict)
}

// weekdayFrom returns weekday wd (1..7) on or before ref, or on or after it in a future
// clause; strict excludes ref itself.
func weekdayFrom(ref time.Time, wd, tense int, strict bool) time.Time {
	cur := weekdayNum(ref)
	if tense == tFuture {
		fwd := (wd - cur + 7) % 7
		if fwd == 0 && strict {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
	}
	back := (cur - wd + 7) % 7
	if back == 0 && strict {
		back = 7
	}
	return ref.AddDate(0, 0, -back)
}

// anchorOr returns the last calendar point when there is one, else the reference time.
func (r *run) anchorOr() (time.Time, byte) {
	if r.ancG != gNone {
		return r.anc, r.ancG
	}
	return r.ref, gNone
}

func dateCand(j int, t time.Time, g byte) cand {
	return cand{j: j, typ: "DATE", val: format(t, g), t: t, g: g, rel: true}
}

// ---------- fixed phrases

func (r *run) mPhrase(i int) (cand, bool) {
	w := r.word(i)
	if w == "" {
		return cand{}, false
	}
	for _, p := range r.lx.phrases[w] {
		if p.typ == "HOLIDAY" || !r.seq(i, p.words) {
			continue
		}
		j := i + len(p.words)
		if w == "now" && r.punct(j, "-") && r.glued(j) {
			return cand{}, false
		}
		// "Now, ..." or "Currently, ..." opening a sentence frames it rather than dating it
		if len(p.words) == 1 && p.value == "PRESENT_REF" && r.toks[i].cap && r.punct(j, ",") && (i == 0 || isStop(r.toks[i-1]) || r.toks[i].para) {
			return cand{}, false
		}
		// "soon" refers to the future only in a clause that is not past, and not in "soon after"
		if len(p.words) == 1 && p.value == "FUTURE_REF" && (r.lx.is(r.word(j), cRelation) || r.tense(i, j) == tPast) {
			return cand{}, false
		}
		return cand{j: j, typ: p.typ, val: p.value}, true
	}
	return cand{}, false
}

// mHolidayPhrase reads a holiday: "Christmas", "Thanksgiving Day", "Christmas 2024".
func (r *run) mHolidayPhrase(i int) (cand, bool) {
	w := r.word(i)
	if w == "" || !r.toks[i].cap {
		return cand{}, false
	}
	for _, p := range r.lx.phrases[w] {
		if p.typ != "HOLIDAY" || !r.seq(i, p.words) {
			continue
		}
		j := i + len(p.words)
		at := func(y int) (time.Time, bool) {
			v := p.value
			parts := strings.Split(v, "-")
			switch len(parts) {
			case 2:
				m, _ := strconv.Atoi(parts[0])
				d, _ := strconv.Atoi(parts[1])
				if !validDate(y, m, d) {
					return time.Time{}, false
				}
				return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
			case 3:
				n, _ := strconv.Atoi(parts[0])
				wd, _ := strconv.Atoi(parts[1])
				m, _ := strconv.Atoi(parts[2])
				if m < 1 || m > 12 || wd < 1 || wd > 7 || n < 1 {
					return time.Time{}, false
				}
				return nthWeekday(y, time.Month(m), n, wd), true
			}
			return time.Time{}, false
		}
		if y, ok := r.yearAt(j); ok {
			if t, ok := at(y); ok {
				c := dateCand(j+1, t, gDay)
				c.rel = false
				return c, true
			}
		}
		if !r.hasRef {
			return cand{j: j, typ: "DATE", rel: true}, true
		}
		ref := r.refDay()
		tense := r.tense(i, j)
		var best time.Time
		bestDist := time.Duration(1<<63 - 1)
		for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
			if t, ok := at(y); ok {
				if d := weighted(t.Sub(ref), tense); d < bestDist {
					best, bestDist = t, d
				}
			}
		}
		if best.IsZero() {
			return cand{}, false
		}
		return dateCand(j, best, gDay), true
	}
	return cand{}, false
}

// ---------- modifiers

func (r *run) mMod(i int) (cand, bool) {
	w := r.word(i)
	if w == "" {
		return cand{}, false
	}
	j, mod, found := i, "", false
	for _, p := range r.lx.mods {
		if r.seq(i, p.words) {
			j, mod, found = i+len(p.words), p.mod, true
			break
		}
	}
	if !found {
		return cand{}, false
	}
	if (w == "mid" || r.word(j-1) == "mid") && r.punct(j, "-") {
		j++
	}
	if w == "earlier" || w == "later" {
		switch nw := r.word(j); nw {
		case "this", "that", "next", "last", "today", "yesterday", "tomorrow", "tonight":
		case "in", "on":
			j++
		default:
			// later Thursday
			if e := r.ent(j); e == nil || e.wday == 0 || e.wdayWeak {
				return cand{}, false
			}
		}
	}
	c, ok := r.core(j)
	if !ok || (c.typ != "DATE" && c.typ != "TIME") {
		return cand{}, false
	}
	if c.val == "PAST_REF" || c.val == "PRESENT_REF" || c.val == "FUTURE_REF" {
		return cand{}, false
	}
	if mod != "" {
		c.mod = mod
	}
	return c, true
}

func (r *run) mApprox(i int) (cand, bool) {
	if r.word(i) == "" {
		return cand{}, false
	}
	for _, a := range r.lx.approx {
		if !r.seq(i, a.words) {
			continue
		}
		j := i + len(a.words)
		if j >= len(r.toks) || r.word(j) == "the" {
			return cand{}, false
		}
		c, ok := r.core(j)
		if !ok {
			return cand{}, false
		}
		if c.typ == "DURATION" || c.typ == "TIME" || c.typ == "DATE" && r.word(c.j-1) == "ago" {
			c.mod = a.mod
			return c, true
		}
		return cand{}, false
	}
	return cand{}, false
}

// ---------- dates

func (r *run) mDate(i int) (cand, bool) {
	if e := r.ent(i); e != nil && e.wday > 0 && !e.wdayWeak {
		j := i + 1
		if r.punct(j, ",") {
			j++
		}
		if c, ok := r.dateCore(j); ok && (c.g == gDay || c.typ == "TIME") {
			return c, true
		}
	}
	return r.dateCore(i)
}

func (r *run) dateCore(i int) (cand, bool) {
	if i >= len(r.toks) {
		return cand{}, false
	}
	t := &r.toks[i]
	if t.kind == kNum {
		if c, ok := r.numericDate(i); ok {
			return r.withClock(c), true
		}
		// 16 Jan, 2026 / 16 January 2026 / 16th of January
		d, ok := r.dayAt(i)
		if !ok {
			return cand{}, false
		}
		j := i + 1
		if r.word(j) == "of" {
			j++
		}
		e := r.ent(j)
		if e == nil || e.month == 0 {
			return cand{}, false
		}
		m := e.month
		j++
		if r.punct(j, ".") && r.glued(j) && !r.lx.is(r.word(j-1), cFullMonth) {
			j++
		}
		k := j
		if r.punct(k, ",") {
			k++
		}
		if y, ok := r.yearAt(k); ok && validDate(y, m, d) {
			c := dateCand(k+1, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), gDay)
			c.rel = false
			return r.withClock(c), true
		}
		if !r.hasRef {
			return cand{j: j, typ: "DATE", rel: true}, true
		}
		dt, ok := r.resolveMD(m, d, r.tense(i, j))
		if !ok {
			return cand{}, false
		}
		return r.withClock(dateCand(j, dt, gDay)), true
	}
	e := r.ent(i)
	if e == nil || e.month == 0 {
		return cand{}, false
	}
	w := t.w
	abbrev := !r.lx.is(w, cFullMonth)
	m := e.month
	j := i + 1
	dot := false
	if abbrev && r.punct(j, ".") && r.glued(j) {
		j++
		dot = true
	}
	// Month day [, year]
	if d, ok := r.dayAt(j); ok && !(r.punct(j+1, "-") || r.punct(j+1, "/")) {
		k := j + 1
		kk := k
		if r.punct(kk, ",") {
			kk++
		}
		if y, ok := r.yearAt(kk); ok && validDate(y, m, d) {
			c := dateCand(kk+1, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), gDay)
			c.rel = false
			return r.withClock(c), true
		}
		if !t.cap && e.monthWeak {
			return cand{}, false
		}
		if !r.hasRef {
			return cand{j: k, typ: "DATE", rel: true}, true
		}
		dt, ok := r.resolveMD(m, d, r.tense(i, k))
		if !ok {
			return cand{}, false
		}
		return r.withClock(dateCand(k, dt, gDay)), true
	}
	// Month [,|of] year
	k := j
	if r.punct(k, ",") || r.word(k) == "of" {
		k++
	}
	if y, ok := r.yearAt(k); ok {
		if e.monthWeak && !t.cap {
			return cand{}, false
		}
		c := dateCand(k+1, time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), gMonth)
		c.rel = false
		return c, true
	}
	// January nineteen ninety-seven
	if y, kk, ok := r.spokenYear(k); ok && t.cap {
		c := dateCand(kk, time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), gMonth)
		c.rel = false
		return c, true
	}
	// June last year, October this year, April of next year
	if dir, ok := r.lx.deictic[r.word(k)]; ok && t.cap && r.word(k+1) == "year" && r.hasRef {
		switch r.word(k) {
		case "this", "last", "next":
			return dateCand(k+2, time.Date(r.ref.Year()+dir, time.Month(m), 1, 0, 0, 0, 0, time.UTC), gMonth), true
		}
	}
	// a month alone
	if !t.cap || abbrev && !dot {
		return cand{}, false
	}
	prev := r.word(i - 1)
	if r.punct(i-1, "-") {
		prev = "-"
	}
	if e.monthWeak || abbrev {
		if !r.lx.is(prev, cMonthContext) {
			return cand{}, false
		}
		if w == "march" && (r.word(j) == "on" || r.word(j) == "to" || r.word(j) == "against" || r.word(j) == "through") {
			return cand{}, false
		}
	}
	// June Carter, August Wilson: a name when a capitalised word follows
	if j < len(r.toks) && r.toks[j].kind == kWord && r.toks[j].cap && !r.lx.is(prev, cMonthContext) {
		return cand{}, false
	}
	if !r.hasRef {
		return cand{j: j, typ: "DATE", rel: true}, true
	}
	// "Pakistan's February elections", "the December revolution": a month that names an event
	// sits inside a noun phrase, so the verb of the clause does not date it
	tense := r.tense(i, j)
	possessive := prev == "s" && r.possessiveAt(i-2)
	switch {
	case possessive, prev == "the", prev == "its", prev == "his", prev == "her", prev == "their", prev == "our":
		if j < len(r.toks) && r.toks[j].kind == kWord && !r.toks[j].cap {
			tense = tUnknown
		}
	}
	return dateCand(j, r.resolveMonth(m, tense), gMonth), true
}

// numericDate reads 2025-03-14, 14/03/2025, 3/14/2025, 14.03.2025.
func (r *run) numericDate(i int) (cand, bool) {
	if i+4 >= len(r.toks) {
		return cand{}, false
	}
	sep := r.toks[i+1].w
	if r.toks[i+1].kind != kPunct || (sep != "-" && sep != "/" && sep != ".") {
		return cand{}, false
	}
	for k := i + 1; k <= i+4; k++ {
		if r.toks[k].space {
			return cand{}, false
		}
	}
	if !r.punct(i+3, sep) || r.toks[i+2].kind != kNum || r.toks[i+4].kind != kNum || r.toks[i+4].suf != "" || r.toks[i+2].suf != "" {
		return cand{}, false
	}
	a, da := r.numAt(i)
	b, db := r.numAt(i + 2)
	c, dc := r.numAt(i + 4)
	var y, m, d int
	switch {
	case da == 4 && sep == "-" && db <= 2 && dc <= 2:
		y, m, d = a, b, c
	case da <= 2 && db <= 2 && (dc == 4 || dc == 2 && sep == "/"):
		y = c
		if dc == 2 {
			y += 1900
			if c < 50 {
				y += 100
			}
		}
		if a > 12 || sep == "." {
			d, m = a, b
		} else {
			m, d = a, b
		}
	default:
		return cand{}, false
	}
	if !validDate(y, m, d) {
		return cand{}, false
	}
	cd := dateCand(i+5, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), gDay)
	cd.rel = false
	return cd, true
}

// withClock extends a day with a following clock time: "16 Jan, 2026 19:54", "Jan. 16 at 10 a.m.".
func (r *run) withClock(c cand) cand {
	if c.g != gDay {
		return c
	}
	j := c.j
	if r.punct(j, ",") {
		j++
	}
	if r.word(j) == "at" {
		j++
	}
	h, mi, k, _, ok := r.clock(j)
	if !ok {
		return c
	}
	t := time.Date(c.t.Year(), c.t.Month(), c.t.Day(), h%24, mi, 0, 0, time.UTC)
	val := format(t, gHour)
	if h == 24 {
		val = format(c.t, gDay) + "T24:00"
	}
	return cand{j: k, typ: "TIME", val: val, t: c.t, g: gDay, rel: c.rel}
}

// clock reads a time of day at i: 19:54, 10 a.m., 10:35 p.m. EST, noon, midnight.
// strong is true when the words say it is a clock time (a.m., a zone, o'clock, noon).
func (r *run) clock(i int) (h, m, j int, strong, ok bool) {
	if i >= len(r.toks) {
		return
	}
	t := &r.toks[i]
	if t.kind == kWord {
		if e := r.lx.words[t.w]; e != nil && (e.pod == "12" || e.pod == "24") {
			h, _ = strconv.Atoi(e.pod)
			return h, 0, i + 1, true, true
		}
		return
	}
	if t.kind != kNum || len(t.w) > 2 {
		return
	}
	h, _ = strconv.Atoi(t.w)
	j = i + 1
	switch t.suf {
	case "am", "pm":
		if h < 1 || h > 12 {
			return
		}
		if t.suf == "pm" && h < 12 {
			h += 12
		} else if t.suf == "am" && h == 12 {
			h = 0
		}
		strong = true
		j = r.zone(j)
		return h, 0, j, true, true
	case "":
	default:
		return
	}
	if r.punct(j, ":") && r.glued(j) && j+1 < len(r.toks) && r.toks[j+1].kind == kNum && r.glued(j+1) && len(r.toks[j+1].w) == 2 {
		m, _ = strconv.Atoi(r.toks[j+1].w)
		if h > 24 || m > 59 {
			return 0, 0, 0, false, false
		}
		ampm := r.toks[j+1].suf
		j += 2
		if ampm == "" {
			ampm = r.word(j)
			if ampm == "am" || ampm == "pm" {
				j++
			} else {
				ampm = ""
			}
		}
		switch ampm {
		case "am", "pm":
			if h < 1 || h > 12 {
				return 0, 0, 0, false, false
			}
			if ampm == "pm" && h < 12 {
				h += 12
			} else if ampm == "am" && h == 12 {
				h = 0
			}
			strong = true
		case "":
		default:
			return 0, 0, 0, false, false
		}
		k := r.zone(j)
		if k > j {
			strong = true
		}
		return h, m, k, strong, true
	}
	w := r.word(j)
	if (w == "am" || w == "pm") && h >= 1 && h <= 12 {
		if w == "pm" && h < 12 {
			h += 12
		} else if w == "am" && h == 12 {
			h = 0
		}
		return h, 0, r.zone(j + 1), true, true
	}
	if w == "o'clock" && h >= 1 && h <= 12 {
		return h, 0, j + 1, true, true
	}
	// 4 in the morning: the part of day is read by mTime
	if w == "in" && r.word(j+1) == "the" && h >= 1 && h <= 12 {
		if e := r.ent(j + 2); e != nil && isDayPart(e.pod) {
			return h, 0, j, true, true
		}
	}
	return 0, 0, 0, false, false
}

// zone skips a time zone after a clock time.
func (r *run) zone(j int) int {
	if e := r.ent(j); e != nil && e.zone {
		return j + 1
	}
	if r.word(j) == "local" && r.word(j+1) == "time" {
		return j + 2
	}
	return j
}

// mTime reads a clock time, with the day it belongs to when one follows ("10 p.m. Wednesday").
func (r *run) mTime(i int) (cand, bool) {
	h, m, j, strong, ok := r.clock(i)
	if !ok {
		return cand{}, false
	}
	if !strong {
		switch r.word(i - 1) {
		case "at", "by", "until", "from", "around", "about", "before", "after", "till", "since":
		default:
			return cand{}, false
		}
	}
	// "4 in the morning"
	if r.word(j) == "in" && r.word(j+1) == "the" {
		if e := r.ent(j + 2); e != nil && isDayPart(e.pod) {
			if e.pod == "AF" || e.pod == "EV" || e.pod == "NI" && h < 12 && h > 5 {
				h += 12
			}
			j += 3
		}
	}
	// a clock time alone belongs to the last day the text named, else to the reference day
	dt := r.refDay()
	if r.ancG == gDay && r.ancTok >= i-60 {
		dt = r.anc
	}
	k := j
	if r.punct(k, ",") {
		k++
	}
	if r.word(k) == "on" {
		k++
	}
	if c, ok := r.core(k); ok && c.g == gDay && c.typ == "DATE" {
		dt, j = c.t, c.j
	} else if w := r.word(k); w == "today" || w == "yesterday" || w == "tomorrow" {
		c, _ := r.mRel(k)
		dt, j = c.t, k+1
	} else if r.punct(k, "(") {
		// 10:35 a.m. (0735 GMT) Friday: the day after the aside dates the time, which keeps its span
		for m := k + 1; m < len(r.toks) && m <= k+5; m++ {
			if r.punct(m, ")") {
				if c, ok := r.core(m + 1); ok && c.g == gDay && c.typ == "DATE" {
					dt = c.t
				}
				break
			}
		}
	}
	if !r.hasRef {
		return cand{j: j, typ: "TIME", rel: true}, true
	}
	t := time.Date(dt.Year(), dt.Month(), dt.Day(), h%24, m, 0, 0, time.UTC)
	val := format(t, gHour)
	if h == 24 {
		val = format(dt, gDay) + "T24:00"
	}
	return cand{j: j, typ: "TIME", val: val, t: dt, g: gDay, rel: true}, true
}

// ---------- weekdays

func (r *run) mWeekday(i int) (cand, bool) {
	w := r.word(i)
	if w == "" {
		return cand{}, false
	}
	e := r.lx.words[w]
	if e == nil || e.wday == 0 {
		// Fridays, Tuesday nights: a set
		if len(w) > 4 && w[len(w)-1] == 's' {
			if e2 := r.lx.words[w[:len(w)-1]]; e2 != nil && e2.wday > 0 && !e2.wdayWeak {
				return cand{j: i + 1, typ: "SET", val: "XXXX-WXX-" + strconv.Itoa(e2.wday)}, true
			}
		}
		return cand{}, false
	}
	if e.wdayWeak {
		if !r.toks[i].cap || !r.punct(i+1, ".") {
			return cand{}, false
		}
	}
	j := i + 1
	if e.wdayWeak {
		j++
	}
	wd := e.wday
	// a set with a part of day: "Tuesday nights"; in "Monday and Tuesday nights" Monday shares it
	pk, end := j, j+1
	if w2 := r.word(j); w2 == "and" || w2 == "or" {
		if e2 := r.ent(j + 1); e2 != nil && e2.wday > 0 && !e2.wdayWeak {
			pk, end = j+2, j
		}
	}
	if pw := r.word(pk); pw == "nights" || pw == "mornings" || pw == "evenings" || pw == "afternoons" {
		if pe := r.lx.words[pw[:len(pw)-1]]; pe != nil && isDayPart(pe.pod) {
			return cand{j: end, typ: "SET", val: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + pe.pod}, true
		}
	}
	if !r.hasRef {
		return cand{j: j, typ: "DATE", rel: true}, true
	}
	// A weekday named again is the day it was first resolved to ("Tuesday's talks"), unless
	// it is the time of a clause that looks the other way ("lost ground on Monday" after
	// "effective Monday, prices will rise").
	tense := r.tense(i, j)
	// "the summit is Wednesday", "there's another in Paris Wednesday": a day named in a
	// clause in the present tense is one to come; "Monday's debate" names a day of its own
	if tense == tUnknown && !r.possessiveAt(j) && r.presentBe(i) {
		tense = tFuture
	}
	dt := r.wdays[wd]
	ref := r.refDay()
	turned := tense == tPast && dt.After(ref) || tense == tFuture && dt.Before(ref)
	if dt.IsZero() || turned && r.word(i-1) == "on" {
		dt = r.resolveWeekday(wd, tense, false)
	}
	if pe := r.ent(j); pe != nil && isDayPart(pe.pod) {
		return cand{j: j + 1, typ: "TIME", val: format(dt, gDay) + "T" + pe.pod, t: dt, g: gDay, rel: true, wday: wd}, true
	}
	k := j
	if r.word(k) == "at" {
		k++
	}
	if h, m, kk, strong, ok := r.clock(k); ok && (strong || k > j) {
		t := time.Date(dt.Year(), dt.Month(), dt.Day(), h%24, m, 0, 0, time.UTC)
		return cand{j: kk, typ: "TIME", val: format(t, gHour), t: dt, g: gDay, rel: true, wday: wd}, true
	}
	c := dateCand(j, dt, gDay)
	c.wday = wd
	return c, true
}

// ---------- years and decades

func (r *run) mYear(i int) (cand, bool) {
	j := i
	fiscal := false
	if w := r.word(j); w == "fiscal" || w == "fy" {
		fiscal = true
		j++
		if r.word(j) == "year" {
			j++
		}
	}
	hasThe := false
	if !fiscal && r.word(j) == "the" {
		hasThe = true
		j++
	}
	if y, k, ok := r.spokenYear(j); ok {
		return cand{j: k, typ: "DATE", val: pad(y, 4), t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gYear}, true
	}
	// year-end, year end, year's end: the end of this year, or of the last one in a past clause
	if r.word(j) == "year" && r.hasRef {
		k := j + 1
		switch {
		case r.punct(k, "-") && r.glued(k) && r.glued(k+1) && r.word(k+1) == "end":
			k += 2
		case r.possessiveAt(k) && r.word(k+2) == "end":
			k += 3
		case r.word(k) == "end" && !r.punct(k+1, "-"):
			k++
		default:
			k = -1
		}
		if k > 0 {
			y := r.ref.Year()
			if r.tense(i, k) == tPast {
				y--
			}
			return cand{j: k, typ: "DATE", val: pad(y, 4), mod: "END", t: time.Date(y, 12, 1, 0, 0, 0, 0, time.UTC), g: gYear, rel: true}, true
		}
	}
	// the 20th century, the eleventh century
	if n, k, ok := r.ordinalAt(j); ok && n >= 1 && n <= 30 {
		if r.punct(k, "-") && r.glued(k) {
			k++
		}
		if r.word(k) == "century" {
			y := (n - 1) * 100
			return cand{j: k + 1, typ: "DATE", val: pad(n-1, 2), t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gCentury}, true
		}
	}
	if dec, ok := r.lx.decade[r.word(j)]; ok && hasThe {
		y := 1900 + dec
		return cand{j: j + 1, typ: "DATE", val: pad(y/10, 3), t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gDecade}, true
	}
	if j >= len(r.toks) || r.toks[j].kind != kNum {
		// the '90s
		if r.punct(j, "'") || r.punct(j, "’") {
			if k := j + 1; k < len(r.toks) && r.toks[k].kind == kNum && r.toks[k].suf == "s" && len(r.toks[k].w) == 2 && r.glued(k) {
				v, _ := strconv.Atoi(r.toks[k].w)
				if v%10 == 0 {
					y := 1900 + v
					if v < 30 {
						y = 2000 + v
					}
					return cand{j: k + 1, typ: "DATE", val: pad(y/10, 3), t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gDecade}, true
				}
			}
		}
		return cand{}, false
	}
	t := &r.toks[j]
	// decades: 1990s, the 1990s, 1990's
	if len(t.w) == 4 && (t.suf == "s" || t.suf == "" && (r.punct(j+1, "'") || r.punct(j+1, "’")) && r.word(j+2) == "s" && r.glued(j+1)) {
		v, _ := strconv.Atoi(t.w)
		if v%10 == 0 && v >= 1000 && v < 2200 {
			k := j + 1
			if t.suf == "" {
				k = j + 3
			}
			return cand{j: k, typ: "DATE", val: pad(v/10, 3), t: time.Date(v, 1, 1, 0, 0, 0, 0, time.UTC), g: gDecade}, true
		}
		return cand{}, false
	}
	if hasThe {
		return cand{}, false
	}
	y, ok := r.yearAt(j)
	if !ok {
		// FY89
		if fiscal && len(t.w) == 2 && t.suf == "" {
			v, _ := strconv.Atoi(t.w)
			y = 1900 + v
			if v < 50 {
				y += 100
			}
			return cand{j: j + 1, typ: "DATE", val: pad(y, 4), t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gYear}, true
		}
		return cand{}, false
	}
	if !fiscal {
		if r.punct(j+1, "%") || r.punct(j-1, ".") && r.glued(j) || r.punct(j+1, ".") && j+2 < len(r.toks) && r.toks[j+2].kind == kNum && r.glued(j+2) ||
			r.punct(j+1, ":") || r.punct(j-1, ",") && r.glued(j) && j >= 2 && r.toks[j-2].kind == kNum ||
			r.punct(j+1, "-") && j+2 < len(r.toks) && r.toks[j+2].kind == kNum && len(r.toks[j+2].w) > 2 && r.glued(j+2) ||
			r.punct(j-1, "-") && r.glued(j) && j >= 2 && r.toks[j-2].kind == kNum {
			return cand{}, false
		}
		prev := r.word(j - 1)
		if j > 0 && r.toks[j-1].kind == kPunct && r.lx.is(r.toks[j-1].w, cNotYearBefore) || r.lx.is(prev, cNotYearBefore) {
			return cand{}, false
		}
		next := r.word(j + 1)
		if r.lx.is(next, cNotYearAfter) {
			return cand{}, false
		}
		if y < 1900 || y > 2099 {
			switch prev {
			case "in", "since", "by", "until", "from", "of", "to", "through", "before", "after", "during", "circa", "year":
			default:
				return cand{}, false
			}
		}
	}
	return cand{j: j + 1, typ: "DATE", val: pad(y, 4), t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gYear}, true
}

// ordinalAt reads an ordinal at i: "20th", "eleventh".
func (r *run) ordinalAt(i int) (int, int, bool) {
	if i >= len(r.toks) {
		return 0, i, false
	}
	if t := &r.toks[i]; t.kind == kNum {
		switch t.suf {
		case "st", "nd", "rd", "th":
			if len(t.w) <= 2 {
				n, _ := strconv.Atoi(t.w)
				return n, i + 1, true
			}
		}
		return 0, i, false
	}
	// twenty-first: tens, a hyphen, an ordinal
	if e := r.ent(i); e != nil && e.isNum && e.num >= 20 && e.num < 100 && e.num%10 == 0 && r.punct(i+1, "-") && r.glued(i+1) {
		if e2 := r.ent(i + 2); e2 != nil && e2.ord > 0 && e2.ord < 10 && r.glued(i+2) {
			return e.num + e2.ord, i + 3, true
		}
	}
	if e := r.ent(i); e != nil && e.ord > 0 && r.word(i) != "last" && !(r.punct(i-1, "-") && r.glued(i)) {
		return e.ord, i + 1, true
	}
	return 0, i, false
}

// ---------- today, yesterday, tomorrow, tonight

func (r *run) mRel(i int) (cand, bool) {
	w := r.word(i)
	off := 0
	switch w {
	case "today", "tonight":
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	default:
		// mid-afternoon yesterday, the morning
		if e := r.ent(i); e != nil && isDayPart(e.pod) {
			if w2 := r.word(i + 1); w2 == "yesterday" || w2 == "today" || w2 == "tomorrow" {
				c, ok := r.mRel(i + 1)
				if !ok || c.typ != "DATE" {
					return cand{}, false
				}
				c.typ, c.val = "TIME", format(c.t, gDay)+"T"+e.pod
				if !r.hasRef {
					c.val = ""
				}
				return c, true
			}
		}
		return cand{}, false
	}
	if !r.hasRef {
		return cand{j: i + 1, typ: "DATE", rel: true}, true
	}
	dt := r.refDay().AddDate(0, 0, off)
	if w == "tonight" {
		return cand{j: i + 1, typ: "TIME", val: format(dt, gDay) + "TNI", t: dt, g: gDay, rel: true}, true
	}
	if e := r.ent(i + 1); e != nil && isDayPart(e.pod) {
		return cand{j: i + 2, typ: "TIME", val: format(dt, gDay) + "T" + e.pod, t: dt, g: gDay, rel: true}, true
	}
	return dateCand(i+1, dt, gDay), true
}

// spokenYear reads a year in words: "nineteen ninety-six", "the year two thousand", "two thousand and five".
func (r *run) spokenYear(i int) (int, int, bool) {
	k := i
	if r.word(k) == "year" {
		k++
	}
	switch r.word(k) {
	case "nineteen", "eighteen", "twenty":
		century := map[string]int{"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[r.word(k)]
		if r.word(k) == "twenty" && r.word(k+1) == "twenty" {
			century = 2000
		}
		n, j, article, ok := r.amount(k + 1)
		if !ok || article || n < 10 || n > 99 || r.toks[k+1].kind != kWord {
			return 0, 0, false
		}
		return century + n, j, true
	case "two":
		if r.word(k+1) != "thousand" {
			return 0, 0, false
		}
		j := k + 2
		if r.word(j) == "and" {
			j++
		}
		if n, j2, article, ok := r.amount(j); ok && !article && n > 0 && n < 100 && r.toks[j].kind == kWord {
			return 2000 + n, j2, true
		}
		if k == i+1 || r.word(i-1) == "in" || r.word(i-1) == "by" || r.word(i-1) == "until" {
			return 2000, k + 2, true
		}
	}
	return 0, 0, false
}
