package web

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/store"
)

// Chart geometry, in SVG user units.
const (
	chartW, chartH     = 900, 320
	chartLeft          = 56
	chartRight         = 56
	chartTop           = 16
	chartBottom        = 48
	maxFilledPeriods   = 800 // longer series are drawn with only their non-empty periods
	maxChartXLabels    = 10
	maxBarWidth        = 48
	scoreMin, scoreMax = -10.0, 10.0
)

// Chart is a dyad series drawn as SVG: bars of event counts on the left axis and a line of the
// mean PLOVER score on the right axis (-10 conflict to +10 cooperation).
type Chart struct {
	// ID is the SVG element's id; Interval is day or week; Note ends the caption.
	ID, Interval, Note  string
	W, H                int
	PlotLeft, PlotRight float64
	PlotTop, PlotBottom float64
	ZeroY               float64
	Bars                []ChartBar
	// Lines are polylines of the mean score, one per run of consecutive non-empty periods, so
	// the line never bridges a gap.
	Lines                  []string
	CountTicks, ScoreTicks []ChartTick
	XLabels                []ChartTick
	Empty                  bool
}

// ChartBar is one period.
type ChartBar struct {
	X, Y, W, H float64
	// DotX, DotY place the period's mean score; HasScore is false for an empty period.
	DotX, DotY float64
	HasScore   bool
	ScoreClass string
	Title      string
}

// ChartTick is one axis label.
type ChartTick struct {
	X, Y  float64
	Label string
}

// NewChart lays out points (oldest first, one per non-empty period). Empty periods between
// them are drawn as gaps so that the time axis stays true.
func NewChart(id string, points []store.DyadPoint, interval string) Chart {
	if interval != store.IntervalWeek {
		interval = store.IntervalDay
	}
	c := Chart{ID: id, Interval: interval, W: chartW, H: chartH, PlotLeft: chartLeft, PlotRight: chartW - chartRight,
		PlotTop: chartTop, PlotBottom: chartH - chartBottom}
	if len(points) == 0 {
		c.Empty = true
		return c
	}
	series := fillPeriods(points, interval)
	n := len(series)
	maxCount := 1
	for _, p := range series {
		maxCount = max(maxCount, p.Count)
	}
	top := niceCeil(maxCount)
	plotH := c.PlotBottom - c.PlotTop
	slot := (c.PlotRight - c.PlotLeft) / float64(n)
	scoreY := func(s float64) float64 {
		s = math.Max(scoreMin, math.Min(scoreMax, s))
		return c.PlotTop + (scoreMax-s)/(scoreMax-scoreMin)*plotH
	}
	c.ZeroY = round1(scoreY(0))
	var line []string
	flush := func() {
		if len(line) > 1 {
			c.Lines = append(c.Lines, strings.Join(line, " "))
		}
		line = line[:0]
	}
	for i, p := range series {
		h := float64(p.Count) / float64(top) * plotH
		w := math.Min(math.Max(slot*0.7, 0.5), maxBarWidth)
		b := ChartBar{
			X: round1(c.PlotLeft + (float64(i)+0.5)*slot - w/2), W: round1(w),
			Y: round1(c.PlotBottom - h), H: round1(h),
		}
		b.DotX = round1(c.PlotLeft + (float64(i)+0.5)*slot)
		if p.Count > 0 {
			b.HasScore = true
			b.DotY = round1(scoreY(p.MeanScore))
			b.ScoreClass = scoreClass(p.MeanScore)
			b.Title = fmt.Sprintf("%s: %d event%s, mean score %.1f%s", p.Period, p.Count, plural(p.Count), p.MeanScore, typeSummary(p.CountByType))
			line = append(line, fmt.Sprintf("%.1f,%.1f", b.DotX, b.DotY))
		} else {
			b.Title = p.Period + ": no events"
			flush()
		}
		c.Bars = append(c.Bars, b)
	}
	flush()
	for _, v := range []int{0, top / 2, top} {
		y := c.PlotBottom - float64(v)/float64(top)*plotH
		c.CountTicks = append(c.CountTicks, ChartTick{X: c.PlotLeft - 8, Y: round1(y + 4), Label: strconv.Itoa(v)})
	}
	for _, v := range []float64{-10, -5, 0, 5, 10} {
		c.ScoreTicks = append(c.ScoreTicks, ChartTick{X: c.PlotRight + 8, Y: round1(scoreY(v) + 4), Label: signed(v)})
	}
	step := max(1, (n+maxChartXLabels-1)/maxChartXLabels)
	for i := 0; i < n; i += step {
		c.XLabels = append(c.XLabels, ChartTick{X: round1(c.PlotLeft + (float64(i)+0.5)*slot), Y: c.PlotBottom + 18, Label: series[i].Period})
	}
	return c
}

// fillPeriods returns the series with the empty periods between its points added, unless
// that would make it too long.
func fillPeriods(points []store.DyadPoint, interval string) []store.DyadPoint {
	first, err1 := time.Parse(time.DateOnly, points[0].Period)
	last, err2 := time.Parse(time.DateOnly, points[len(points)-1].Period)
	stepDays := 1
	if interval == store.IntervalWeek {
		stepDays = 7
	}
	if err1 != nil || err2 != nil || last.Before(first) || int(last.Sub(first).Hours()/24)/stepDays >= maxFilledPeriods {
		return points
	}
	byPeriod := make(map[string]store.DyadPoint, len(points))
	for _, p := range points {
		byPeriod[p.Period] = p
	}
	var out []store.DyadPoint
	for d := first; !d.After(last); d = d.AddDate(0, 0, stepDays) {
		k := d.Format(time.DateOnly)
		if p, ok := byPeriod[k]; ok {
			out = append(out, p)
		} else {
			out = append(out, store.DyadPoint{Period: k})
		}
	}
	if len(out) < len(points) { // periods not on the expected grid: keep them as given
		return points
	}
	return out
}

// niceCeil rounds a count up to 1, 2 or 5 times a power of ten, and to an even number so the
// middle tick is whole.
func niceCeil(n int) int {
	if n <= 2 {
		return 2
	}
	p := 1
	for p*10 < n {
		p *= 10
	}
	for _, m := range []int{1, 2, 5, 10} {
		if m*p >= n {
			return m * p
		}
	}
	return 10 * p
}

func typeSummary(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// signed prints a score tick: "+5", "0", "-10".
func signed(v float64) string {
	if v == 0 {
		return "0"
	}
	return fmt.Sprintf("%+.0f", v)
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
