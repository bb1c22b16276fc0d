package api

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// maxParamLen bounds any one query parameter, so that no request makes unbounded work.
const maxParamLen = 300

// EventTypes returns the 16 PLOVER event types, from most cooperative to most conflictual:
// the values the type parameter takes.
func EventTypes() []string {
	return []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
		"ASSAULT"}
}

// IsEventType reports whether t is one of the 16 PLOVER event types (upper case).
func IsEventType(t string) bool {
	switch t {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT":
		return true
	}
	return false
}

// Certainties returns the certainty values an event may have.
func Certainties() []string {
	return []string{model.CertaintyAsserted, model.CertaintyReported, model.CertaintyAlleged,
		model.CertaintyDenied, model.CertaintyHypothetical, model.CertaintyFuture}
}

// IsCertainty reports whether c is one of the certainty values.
func IsCertainty(c string) bool {
	switch c {
	case model.CertaintyAsserted, model.CertaintyReported, model.CertaintyAlleged,
		model.CertaintyDenied, model.CertaintyHypothetical, model.CertaintyFuture:
		return true
	}
	return false
}

// Params reads the query parameters of a request and collects the first mistake in them.
type Params struct {
	v   url.Values
	err error
}

// NewParams wraps the query values of a request.
func NewParams(v url.Values) *Params { return &Params{v: v} }

// Err is the first mistake found, phrased for the client.
func (p *Params) Err() error { return p.err }

func (p *Params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
}

// String returns a trimmed text parameter, at most maxParamLen long and valid UTF-8.
func (p *Params) String(name string) string {
	s := strings.TrimSpace(p.v.Get(name))
	if len(s) > maxParamLen {
		p.fail("%s: at most %d bytes, please", name, maxParamLen)
		return ""
	}
	if !utf8.ValidString(s) {
		p.fail("%s: not valid UTF-8", name)
		return ""
	}
	return s
}

// Upper returns a text parameter in upper case (country codes, event types).
func (p *Params) Upper(name string) string { return strings.ToUpper(p.String(name)) }

// Int returns a whole-number parameter in [lo, hi], or def when absent.
func (p *Params) Int(name string, def, lo, hi int) int {
	s := p.String(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo {
		p.fail("%s: want a whole number of at least %d, not %q", name, lo, s)
		return def
	}
	return min(n, hi)
}

// Date returns a calendar-day parameter (2026-01-31, or an ISO 8601 time whose day is taken);
// zero when absent.
func (p *Params) Date(name string) time.Time {
	s := p.String(name)
	if s == "" {
		return time.Time{}
	}
	t, _, err := model.ParseTime(s)
	if err != nil {
		p.fail("%s: want a date like 2026-01-31, not %q", name, s)
		return time.Time{}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Range returns the from and to dates, checking that they are in order.
func (p *Params) Range() (from, to time.Time) {
	from, to = p.Date("from"), p.Date("to")
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.fail("to (%s) is before from (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return from, to
}

// Page returns limit and offset: limit defaults to def and is at most MaxLimit.
func (p *Params) Page(def int) (limit, offset int) {
	return p.Int("limit", def, 1, MaxLimit), p.Int("offset", 0, 0, 1<<30)
}

// EventType returns the type parameter, a PLOVER type or several separated by commas, each
// checked, upper-cased and joined by commas.
func (p *Params) EventType(name string) string {
	types := store.SplitList(p.Upper(name))
	for _, t := range types {
		if !IsEventType(t) {
			p.fail("%s: %q is not a PLOVER event type (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT; several separated by commas)", name, t)
			return ""
		}
	}
	return strings.Join(types, ",")
}

// Certainty returns the certainty parameter, checked.
func (p *Params) Certainty(name string) string {
	c := strings.ToLower(p.String(name))
	if c != "" && !IsCertainty(c) {
		p.fail("%s: %q is not a certainty (asserted, reported, alleged, denied, hypothetical, future)", name, c)
		return ""
	}
	return c
}

// Interval returns day or week.
func (p *Params) Interval(name string) string {
	switch s := strings.ToLower(p.String(name)); s {
	case "", "day":
		return "day"
	case "week":
		return "week"
	default:
		p.fail("%s: want day or week, not %q", name, s)
		return "day"
	}
}
