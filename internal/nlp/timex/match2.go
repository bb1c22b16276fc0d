package timex

import (
	"strconv"
	"time"
)

// mDeictic reads this/last/next + unit, month, season or weekday, and "the past six months".
func (r *run) mDeictic(i int) (cand, bool) {
	k := i
	hasThe := false
	if r.word(k) == "the" {
		hasThe = true
		k++
	}
	d := r.word(k)
	if d == "this" && r.word(k+1) == "past" {
		k++ // this past spring, this past weekend
		d = "last"
	}
	dir, isDeictic := r.lx.deictic[d]
	if !isDeictic {
		// the early summer, late spring: a season after a modifier needs no article
		if e := r.ent(k); !hasThe && !(e != nil && e.season != "" && r.lx.is(r.word(i-1), cSeasonMod)) {
			return cand{}, false
		}
		d = ""
	} else {
		k++
	}
	if d == "first" && !hasThe {
		return cand{}, false
	}
	if r.word(k) == "fiscal" && r.word(k+1) == "year" {
		k++
	}
	// an amount and a unit: the past six months, last five years, the next few days
	if n, j, article, ok := r.amount(k); ok && !article && n < 1000 {
		if u, plural, j2, ok := r.unitAt(j); ok && (plural || n <= 1) && (d != "this" && d != "current" && d != "same" && d != "that") {
			if u == "WE" {
				return cand{}, false
			}
			return cand{j: j2, typ: "DURATION", val: durValue(n, u)}, true
		}
	}
	// the weeks ahead
	if u, plural, j, ok := r.unitAt(k); ok && plural && d == "" && r.word(j) == "ahead" {
		return cand{j: j + 1, typ: "DURATION", val: durValue(-1, u)}, true
	}
	// over the years, in the decades that followed
	if u, plural, j, ok := r.unitAt(k); ok && plural && d == "" && hasThe && (u == "Y" || u == "DE") && r.lx.is(r.word(i-1), cSpan) &&
		(j >= len(r.toks) || r.toks[j].kind != kNum) {
		return cand{j: j, typ: "DURATION", val: durValue(-1, u)}, true
	}
	// the coming weeks, the past few weeks
	if u, plural, j, ok := r.unitAt(k); ok && plural && (d == "coming" || d == "past" || d == "next" || d == "last") {
		return cand{j: j, typ: "DURATION", val: durValue(-1, u)}, true
	}
	if d == "first" {
		return cand{}, false
	}
	e := r.ent(k)
	if e == nil {
		return cand{}, false
	}
	tense := r.tense(i, k+1)
	j := k + 1
	if !r.hasRef && (e.unit != "" || e.month > 0 || e.season != "" || e.wday > 0 || e.pod != "") {
		switch {
		case e.unit != "" && d == "" && hasThe:
			if e.unit != "Y" && e.unit != "M" && e.unit != "W" && e.unit != "D" && e.unit != "WE" {
				return cand{}, false
			}
		}
		return cand{j: j, typ: "DATE", rel: true}, true
	}
	ref := r.ref
	switch {
	case e.unit != "":
		u := e.unit
		w := r.word(k)
		if w != "year" && w != "month" && w != "week" && w != "day" && w != "quarter" && w != "weekend" && w != "decade" && w != "century" {
			return cand{}, false
		}
		if u == "Q" && (d == "" || d == "this" || d == "current") {
			return cand{}, false // quarters have their own matcher
		}
		g := unitGran(u)
		switch {
		case hasThe && (d == "past" || d == "last"):
			return cand{j: j, typ: "DURATION", val: durValue(1, u)}, true
		case !hasThe && d == "past":
			return cand{j: j, typ: "DURATION", val: durValue(1, u)}, true
		case d == "same" || d == "that":
			if r.ancG == gNone {
				return cand{j: j, typ: "DATE", rel: true}, true
			}
			return dateCand(j, r.anc, g), true
		case hasThe && (d == "previous" || d == "following" || d == "next" && u == "D"):
			base, bg := r.anchorOr()
			if bg == gNone && u == "D" {
				return cand{j: j, typ: "DATE", rel: true}, true
			}
			return dateCand(j, shift(base, u, dir), g), true
		case d == "":
			// the day before last Tuesday's hearing: from the date that follows
			if nw := r.word(j); (nw == "before" || nw == "after") && u != "WE" && r.hasRef {
				if c, ok := r.core(j + 1); ok && c.g != gNone && c.typ == "DATE" {
					sign := 1
					if nw == "before" {
						sign = -1
					}
					c2 := dateCand(c.j, shift(c.t, u, sign), g)
					c2.derived = true
					return c2, true
				}
			}
			// the year before, the day after: from the last date the text gave
			if nw := r.word(j); (nw == "before" || nw == "earlier" || nw == "after" || nw == "later") && u != "WE" {
				if r.ancG == gNone {
					return cand{j: j + 1, typ: "DATE", rel: true}, true
				}
				sign := 1
				if nw == "before" || nw == "earlier" {
					sign = -1
				}
				c := dateCand(j+1, shift(r.anc, u, sign), g)
				c.derived = true
				return c, true
			}
			// the year, the week, the day, the weekend
			switch u {
			case "Y":
				switch r.word(i - 1) {
				case "for", "during", "over", "through", "throughout":
					return cand{j: j, typ: "DURATION", val: "P1Y"}, true
				}
				return dateCand(j, ref, gYear), true
			case "D":
				base, bg := r.anchorOr()
				if bg != gDay {
					base = ref
				}
				return dateCand(j, base, gDay), true
			case "M":
				switch r.word(i - 1) {
				case "for", "during", "over", "through", "throughout":
					return cand{j: j, typ: "DURATION", val: "P1M"}, true
				}
				return dateCand(j, ref, gMonth), true
			case "W":
				return dateCand(j, ref, gWeek), true
			case "WE":
				return r.weekend(j, 0, tense), true
			}
			return cand{}, false
		case u == "WE":
			return r.weekend(j, dir, tense), true
		case u == "D":
			return cand{}, false
		}
		return dateCand(j, shift(ref, u, dir), g), true
	case e.month > 0:
		if d == "" || d == "current" || d == "past" || d == "following" || d == "first" {
			return cand{}, false
		}
		if e.monthWeak && !r.toks[k].cap {
			return cand{}, false
		}
		m := e.month
		y := ref.Year()
		cur := int(ref.Month())
		switch d {
		case "last", "previous":
			if m >= cur {
				y--
			}
		case "next", "coming":
			if m <= cur {
				y++
			}
		case "same", "that":
			if r.ancG == gNone {
				return cand{j: j, typ: "DATE", rel: true}, true
			}
			y = r.anc.Year()
		}
		// last Oct. 23
		jj := j
		if r.punct(jj, ".") && r.glued(jj) {
			jj++
		}
		if dd, ok := r.dayAt(jj); ok && validDate(y, m, dd) && !r.punct(jj+1, ":") {
			return dateCand(jj+1, time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC), gDay), true
		}
		return dateCand(j, time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), gMonth), true
	case e.season != "":
		if d == "past" || d == "first" {
			return cand{}, false
		}
		if r.word(j) == "of" {
			// the spring of 1998; the fall of Assad is no season
			y, ok := r.yearAt(j + 1)
			if !ok {
				return cand{}, false
			}
			return cand{j: j + 2, typ: "DATE", val: pad(y, 4) + "-" + e.season}, true
		}
		idx := map[string]int{"WI": 0, "SP": 1, "SU": 2, "FA": 3}
		cur := (int(ref.Month()) % 12) / 3 // 0 winter .. 3 fall
		s := idx[e.season]
		y := ref.Year()
		switch d {
		case "last", "previous":
			if s >= cur {
				y--
			}
		case "next", "coming":
			if s <= cur {
				y++
			}
		case "":
			// the summer: this year's, or last year's when it is still to come in a past clause
			if s > cur && tense != tFuture {
				y--
			}
		}
		return cand{j: j, typ: "DATE", val: pad(y, 4) + "-" + e.season, rel: true}, true
	case e.wday > 0 && !e.wdayWeak:
		if d == "" || d == "past" || d == "first" || d == "current" {
			return cand{}, false
		}
		var dt time.Time
		base := r.refDay()
		if hasThe && (d == "previous" || d == "following") && r.ancG == gDay {
			base = r.anc // the previous Friday: the one before the day the text last named
		}
		switch d {
		case "last", "previous":
			dt = weekdayFrom(base, e.wday, tPast, true)
		case "next", "coming", "following":
			dt = weekdayFrom(base, e.wday, tFuture, true)
		default:
			dt = weekdayFrom(base, e.wday, tense, false)
		}
		if pe := r.ent(j); pe != nil && isDayPart(pe.pod) {
			return cand{j: j + 1, typ: "TIME", val: format(dt, gDay) + "T" + pe.pod, t: dt, g: gDay, rel: true}, true
		}
		return dateCand(j, dt, gDay), true
	case isDayPart(e.pod):
		dt := r.refDay()
		switch {
		case d == "this":
		case d == "last" && e.pod == "NI":
			dt = dt.AddDate(0, 0, -1)
		case d == "" && hasThe:
			if r.ancG == gDay {
				dt = r.anc
			}
		case d == "same" || d == "that":
			if r.ancG != gDay {
				return cand{}, false
			}
			dt = r.anc
		default:
			return cand{}, false
		}
		return cand{j: j, typ: "TIME", val: format(dt, gDay) + "T" + e.pod, t: dt, g: gDay, rel: true}, true
	}
	return cand{}, false
}

// weekend resolves "the weekend", "this weekend", "last weekend".
func (r *run) weekend(j, dir, tense int) cand {
	ref := r.refDay()
	wd := weekdayNum(ref)
	t := ref
	switch {
	case dir < 0:
		t = ref.AddDate(0, 0, -7)
		if wd >= 6 {
			t = ref.AddDate(0, 0, -7)
		}
	case dir > 0:
		t = ref.AddDate(0, 0, 7)
	default:
		if tense == tPast && wd < 6 {
			t = ref.AddDate(0, 0, -7)
		}
	}
	return cand{j: j, typ: "DATE", val: format(t, gWeekend), t: t, g: gWeek, rel: true}
}

// ---------- quarters and halves

func (r *run) mQuarter(i int) (cand, bool) {
	k := i
	if r.word(k) == "the" {
		k++
	}
	if r.word(k) == "fiscal" {
		k++
	}
	ord, rel, yearAgo := 0, 0, false
	relSet := false
	// the 1988 second quarter, the 1988 period
	year0, hasYear0 := r.yearAt(k)
	possessive := false
	if hasYear0 {
		k++
	} else if dir, ok := r.lx.deictic[r.word(k)]; ok && r.hasRef && r.word(k+1) == "year" && r.possessiveAt(k+2) {
		switch r.word(k) {
		case "this", "last", "next":
			// last year's quarter, this year's third quarter
			year0, hasYear0, possessive = r.ref.Year()+dir, true, true
			k += 4
		}
	}
	k0 := k
	switch w := r.word(k); w {
	case "latest", "recent", "past", "last", "previous", "most":
		if w == "most" {
			if r.word(k+1) != "recent" {
				return cand{}, false
			}
			k++
		}
		rel, relSet = -1, true
		k++
	case "current", "this":
		rel, relSet = 0, true
		k++
	case "next", "coming":
		rel, relSet = 1, true
		k++
	case "year":
		if r.punct(k+1, "-") && (r.word(k+2) == "earlier" || r.word(k+2) == "ago") {
			yearAgo = true
			k += 3
		}
	}
	if r.word(k) == "fiscal" {
		k++
	}
	comparable := false
	if r.word(k) == "comparable" || r.word(k) == "corresponding" {
		comparable = true
		k++
	}
	if !relSet {
		if e := r.ent(k); e != nil && e.ord >= 1 && e.ord <= 4 && r.word(k) != "last" {
			ord = e.ord
			k++
		} else if k < len(r.toks) && r.toks[k].kind == kNum && len(r.toks[k].w) == 1 && (r.toks[k].suf == "st" || r.toks[k].suf == "nd" || r.toks[k].suf == "rd" || r.toks[k].suf == "th") {
			ord, _ = strconv.Atoi(r.toks[k].w)
			k++
		}
		if ord > 0 && r.punct(k, "-") && r.glued(k) {
			k++
		}
	}
	w := r.word(k)
	unit := byte(0)
	switch w {
	case "quarter":
		unit = gQuarter
	case "half":
		if ord > 2 {
			return cand{}, false
		}
		unit = gHalf
	case "period":
		// the 1988 period, the year-ago period, the latest period, the corresponding period
		// last year: a quarter of a report
		if !yearAgo && !hasYear0 && !(relSet && rel < 0) && !(comparable && r.seq(k+1, []string{"last", "year"})) {
			return cand{}, false
		}
		unit = gQuarter
	default:
		if yearAgo && k == k0+3 {
			// "year-earlier" alone, as an adjective
			unit = gQuarter
			k--
		} else {
			return cand{}, false
		}
	}
	if ord == 0 && !relSet && !yearAgo && !possessive && r.word(i) != "the" {
		return cand{}, false
	}
	if ord > 4 || unit == gHalf && ord == 0 {
		return cand{}, false
	}
	j := k + 1
	// of 1998, of this year, of last year, 1998
	year, hasYear := year0, hasYear0
	jj := j
	if r.word(jj) == "of" {
		jj++
	}
	if hasYear {
	} else if y, ok := r.yearAt(jj); ok {
		year, hasYear, j = y, true, jj+1
	} else if r.word(jj) == "this" && r.word(jj+1) == "year" && r.hasRef {
		year, hasYear, j = r.ref.Year(), true, jj+2
	} else if r.word(jj) == "last" && r.word(jj+1) == "year" && r.hasRef {
		year, hasYear, j = r.ref.Year()-1, true, jj+2
	} else if r.word(jj) == "next" && r.word(jj+1) == "year" && r.hasRef {
		year, hasYear, j = r.ref.Year()+1, true, jj+2
	}
	if !hasYear && !r.hasRef {
		return cand{j: j, typ: "DATE", rel: true}, true
	}
	per := 3
	if unit == gHalf {
		per = 6
	}
	var t time.Time
	switch {
	case ord > 0:
		y := year
		if !hasYear {
			y = r.ref.Year()
			if r.anc.Year() > 0 && r.ancG == gYear && r.ancTok >= i-12 {
				y = r.anc.Year()
			} else {
				curQ := (int(r.ref.Month())-1)/per + 1
				if ord > curQ && r.tense(i, j) != tFuture {
					y--
				}
			}
		}
		if yearAgo && !hasYear {
			y--
		}
		t = time.Date(y, time.Month((ord-1)*per+1), 1, 0, 0, 0, 0, time.UTC)
	case hasYear:
		// the 1988 quarter: the quarter of that year that the text speaks of
		q := r.ref
		if r.qTok >= i-80 {
			q = r.qAnc
		} else {
			q = shift(q, "Q", -1)
		}
		t = time.Date(year, q.Month(), 1, 0, 0, 0, 0, time.UTC)
	default:
		base := r.ref
		if r.ancG == gQuarter && !relSet {
			base = r.anc
		} else if w == "period" && rel < 0 && r.qTok >= i-80 {
			base = r.qAnc // the latest period: the quarter the report is about
		} else if !relSet || rel != 0 {
			if rel == 0 {
				rel = -1
			}
			base = shift(r.ref, "Q", rel)
		}
		if yearAgo {
			if r.qTok >= i-80 {
				base = r.qAnc
			} else {
				base = shift(r.ref, "Q", -1)
			}
			base = shift(base, "Y", -1)
		}
		t = time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	c := dateCand(j, t, unit)
	c.derived = yearAgo
	if unit == gHalf {
		c.g = gYear
	}
	return c, true
}

// ---------- amounts of time: durations, "two days ago", "a year earlier"

func (r *run) mAmount(i int) (cand, bool) {
	w := r.word(i)
	if v, ok := r.lx.long[w]; ok {
		return cand{j: i + 1, typ: "DURATION", val: v}, true
	}
	// recent weeks, coming years, future quarters
	if w == "recent" || w == "coming" || w == "future" {
		if u, plural, j, ok := r.unitAt(i + 1); ok && plural {
			if w == "recent" && r.word(i-1) == "in" {
				return cand{j: j, typ: "DATE", val: "PAST_REF"}, true
			}
			if w == "future" {
				return cand{j: j, typ: "DATE", val: "FUTURE_REF"}, true
			}
			return cand{j: j, typ: "DURATION", val: durValue(-1, u)}, true
		}
		return cand{}, false
	}
	n, j, article, ok := r.amount(i)
	var u string
	var plural bool
	half := false
	if ok {
		// 5 1/2 hours
		if r.toks[i].kind == kNum && j+2 < len(r.toks) && r.toks[j].w == "1" && r.punct(j+1, "/") && r.glued(j+1) && r.toks[j+2].w == "2" && r.glued(j+2) {
			j += 3
			half = true
		}
		k := j
		hy := false
		if r.punct(k, "-") && r.glued(k) && r.glued(k+1) {
			k++
			hy = true
		}
		// two more weeks; eight trading days (days counted apart from the calendar: a length only)
		workdays := r.lx.is(r.word(k), cWorkdays)
		if !hy && (workdays || r.lx.is(r.word(k), cBeforeUnit)) {
			k++
		}
		u, plural, k, ok = r.unitAt(k)
		if !ok || workdays && u != "D" {
			return cand{}, false
		}
		if workdays {
			return cand{j: k, typ: "DURATION", val: durValue(n, u)}, true
		}
		// an age: 52 years old
		if !hy && r.word(k) == "old" {
			return cand{}, false
		}
		// a fraction: three-quarters of its food, a quarter of the market
		if u == "Q" && r.word(k) == "of" && (article || hy) {
			if _, ok := r.yearAt(k + 1); !ok {
				return cand{}, false
			}
		}
		// a second ship: an ordinal, not a unit
		if u == "S" && !plural && (article || r.toks[i].kind != kNum) {
			return cand{}, false
		}
		// the 1988 quarter, the 1988 second quarter: years, not amounts
		if !hy && !plural && (n >= 1000 || u == "S" && n != 1) {
			return cand{}, false
		}
		// a year-earlier loss, 30-day-old: a compound adjective of another kind
		if r.punct(k, "-") && r.glued(k) && r.word(k+1) != "long" && r.word(k+1) != "old" {
			return cand{}, false
		}
		if article && plural {
			return cand{}, false
		}
		if n == 0 && !article {
			return cand{}, false
		}
		j = k
		if half {
			switch u {
			case "Y":
				return cand{j: j, typ: "DURATION", val: "P" + strconv.Itoa(n) + "Y6M"}, true
			case "H":
				return cand{j: j, typ: "DURATION", val: "PT" + strconv.Itoa(n) + "H30M"}, true
			case "D":
				return cand{j: j, typ: "DURATION", val: "P" + strconv.Itoa(n) + "DT12H"}, true
			}
			return cand{j: j, typ: "DURATION"}, true
		}
		if hy {
			// an age (8-year-old) is no time expression; decades-long is
			if r.punct(j, "-") && r.glued(j) && r.word(j+1) == "old" {
				return cand{}, false
			}
			if r.punct(j, "-") && r.glued(j) && r.word(j+1) == "long" {
				j += 2
			}
			return cand{j: j, typ: "DURATION", val: durValue(n, u)}, true
		}
		// a year and a half
		if r.seq(j, []string{"and", "a", "half"}) && n >= 0 {
			j += 3
			switch u {
			case "Y":
				return cand{j: j, typ: "DURATION", val: "P" + strconv.Itoa(12*n+6) + "M"}, true
			case "H":
				return cand{j: j, typ: "DURATION", val: "PT" + strconv.Itoa(60*n+30) + "M"}, true
			case "MIN":
				return cand{j: j, typ: "DURATION", val: "PT" + strconv.Itoa(60*n+30) + "S"}, true
			}
			return cand{j: j, typ: "DURATION"}, true
		}
		if r.word(j) == "-" || r.punct(j, "-") && r.word(j+1) == "long" {
			j += 2
		}
	} else {
		// years, decades: a bare plural after for, over, within
		u2, pl, k, ok2 := r.unitAt(i)
		if !ok2 || !pl || u2 == "WE" {
			return cand{}, false
		}
		if r.word(k) == "ago" {
			return cand{j: k + 1, typ: "DATE", val: "PAST_REF"}, true
		}
		switch r.word(i - 1) {
		case "for", "over", "within", "in", "take", "takes", "took", "lasted", "last":
		default:
			if r.punct(k, "-") && r.word(k+1) == "long" && r.glued(k) {
				return cand{j: k + 2, typ: "DURATION", val: durValue(-1, u2)}, true
			}
			return cand{}, false
		}
		if r.word(i-1) == "in" && (r.word(k) == "of" || r.word(i-2) == "") {
			return cand{}, false
		}
		return cand{j: k, typ: "DURATION", val: durValue(-1, u2)}, true
	}
	_ = plural
	g := unitGran(u)
	if r.word(j) == "or" && r.word(j+1) == "so" && (r.word(j+2) == "ago" || r.word(j+2) == "earlier" || r.word(j+2) == "later") {
		j += 2
	}
	switch nw := r.word(j); nw {
	case "ago", "back":
		if nw == "back" && n < 0 {
			return cand{}, false
		}
		if n < 0 {
			return cand{j: j + 1, typ: "DATE", val: "PAST_REF"}, true
		}
		if !r.hasRef {
			return cand{j: j + 1, typ: "DATE", rel: true}, true
		}
		base := r.ref
		derived := false
		if u == "Y" && n == 1 && r.qTok >= i-80 {
			base, g, derived = r.qAnc, gQuarter, true
		}
		c := dateCand(j+1, shift(base, u, -n), g)
		c.derived = derived
		return c, true
	case "earlier", "later", "before", "after", "from", "hence":
		if nw == "from" && r.word(j+1) != "now" {
			break
		}
		if r.word(j+1) == "than" {
			// a month later than planned: a length, not a date
			return cand{j: j, typ: "DURATION", val: durValue(n, u)}, true
		}
		end := j + 1
		if nw == "from" {
			end = j + 2
		}
		sign := 1
		if nw == "earlier" || nw == "before" {
			sign = -1
		}
		if n < 0 {
			return cand{j: end, typ: "DATE"}, true
		}
		if nw == "from" || nw == "hence" {
			if !r.hasRef {
				return cand{j: end, typ: "DATE", rel: true}, true
			}
			return dateCand(end, shift(r.ref, u, n), g), true
		}
		if nw == "before" || nw == "after" {
			// anchored on what follows: "two days after Christmas"
			if c, ok := r.core(end); ok && c.g != gNone && r.hasRef {
				c2 := dateCand(c.j, shift(c.t, u, sign*n), g)
				c2.derived = true
				return c2, true
			}
			// the anchor is an event: only the length is known
			return cand{j: j, typ: "DURATION", val: durValue(n, u)}, true
		}
		// a year earlier: from the last date the text gave
		if !r.hasRef {
			return cand{j: end, typ: "DATE", rel: true}, true
		}
		if r.ancG == gNone {
			c := dateCand(end, shift(r.ref, u, sign*n), g)
			c.derived = true
			return c, true
		}
		if g == gYear && (r.ancG == gQuarter || r.ancG == gDay || r.ancG == gMonth) {
			g = r.ancG
		}
		if g == gWeek && r.ancG == gDay {
			g = gDay
		}
		base := r.anc
		if u == "Y" && n == 1 && r.qTok >= i-80 {
			base, g = r.qAnc, gQuarter
		}
		c := dateCand(end, shift(base, u, sign*n), g)
		c.derived = true
		return c, true
	}
	if n == 0 && article {
		return cand{}, false
	}
	// twice a day, five times a year: a set
	if article {
		switch r.word(i - 1) {
		case "times", "twice", "once", "percent", "per", "thousand", "million", "billion", "trillion", "dollars", "euros":
			return cand{j: j, typ: "SET", val: durValue(1, u)}, true
		}
		if r.punct(i-1, "%") || i > 0 && r.toks[i-1].kind == kNum {
			return cand{j: j, typ: "SET", val: durValue(1, u)}, true
		}
	}
	return cand{j: j, typ: "DURATION", val: durValue(n, u)}, true
}

// ---------- sets

func (r *run) mSet(i int) (cand, bool) {
	w := r.word(i)
	if w == "" {
		return cand{}, false
	}
	if e := r.lx.words[w]; e != nil && e.set != "" {
		return cand{j: i + 1, typ: "SET", val: e.set}, true
	}
	if w != "every" && w != "each" && w != "per" {
		return cand{}, false
	}
	j := i + 1
	step := 1
	if r.word(j) == "other" {
		step = 2
		j++
	}
	if n, k, article, ok := r.amount(j); ok && !article && n > 0 {
		if u, _, k2, ok := r.unitAt(k); ok {
			return cand{j: k2, typ: "SET", val: durValue(n, u)}, true
		}
	}
	e := r.ent(j)
	if e == nil {
		return cand{}, false
	}
	switch {
	case e.unit != "" && e.unit != "WE":
		return cand{j: j + 1, typ: "SET", val: durValue(step, e.unit)}, true
	case e.unit == "WE":
		return cand{j: j + 1, typ: "SET", val: "XXXX-WXX-WE"}, true
	case e.wday > 0 && !e.wdayWeak && w != "per":
		v := "XXXX-WXX-" + strconv.Itoa(e.wday)
		if pe := r.ent(j + 1); pe != nil && isDayPart(pe.pod) {
			return cand{j: j + 2, typ: "SET", val: v + "T" + pe.pod}, true
		}
		return cand{j: j + 1, typ: "SET", val: v}, true
	case e.month > 0 && w != "per" && r.toks[j].cap:
		return cand{j: j + 1, typ: "SET", val: "XXXX-" + pad(e.month, 2)}, true
	case isDayPart(e.pod) && w != "per":
		return cand{j: j + 1, typ: "SET", val: "XXXX-XX-XXT" + e.pod}, true
	case e.season != "" && w != "per":
		return cand{j: j + 1, typ: "SET", val: "XXXX-" + e.season}, true
	}
	return cand{}, false
}
