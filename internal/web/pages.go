package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/api"
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// pageSize is how many rows a list page shows.
const pageSize = 25

// Pager links the previous and next pages of a list.
type Pager struct {
	Total, From, To int
	Prev, Next      string
}

func newPager(r *http.Request, total, offset, limit, shown int) Pager {
	p := Pager{Total: total, From: offset + 1, To: offset + shown}
	if shown == 0 {
		p.From = 0
	}
	link := func(off int) string {
		q := r.URL.Query()
		if off <= 0 {
			q.Del("offset")
		} else {
			q.Set("offset", strconv.Itoa(off))
		}
		return r.URL.Path + "?" + q.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-limit))
	}
	if offset+shown < total {
		p.Next = link(offset + limit)
	}
	return p
}

// homePage is the search page.
type homePage struct {
	Query    url.Values
	Error    string
	Stats    store.Stats
	Articles []store.ArticleSummary
	Pager    Pager
	Filtered bool
}

func (w *Web) home(rw http.ResponseWriter, r *http.Request) {
	p := api.NewParams(r.URL.Query())
	q := store.ArticleQuery{Text: p.String("q"), Actor: p.String("actor"), Country: p.Upper("country"),
		Limit: pageSize, Offset: p.Int("offset", 0, 0, 1<<30)}
	q.From, q.To = p.Range()
	data := homePage{Query: r.URL.Query(), Filtered: q.Text != "" || q.Actor != "" || q.Country != "" || !q.From.IsZero() || !q.To.IsZero()}
	status := http.StatusOK
	if err := p.Err(); err != nil {
		data.Error, status = err.Error(), http.StatusBadRequest
	} else {
		items, total, err := w.st.Articles(r.Context(), q)
		if err != nil {
			w.storeFail(rw, r, err)
			return
		}
		data.Articles, data.Pager = items, newPager(r, total, q.Offset, q.Limit, len(items))
	}
	stats, err := w.st.Stats(r.Context())
	if err != nil {
		w.storeFail(rw, r, err)
		return
	}
	data.Stats = stats
	w.render(rw, r, status, "home", page{Title: "Articles", Nav: "home", Data: data})
}

// articlePage is one article with its annotations.
type articlePage struct {
	Doc      *model.Document
	Segments []Segment
	// TitleSegments and StandfirstSegments carry the actors' lead mentions.
	TitleSegments, StandfirstSegments []Segment
	Events                            []eventView
	Actors                            []actorView
	Quotes                            []model.Quote
	Reported                          []model.Quote
	Times                             []model.Time
	// Story links the article to the other stored copies of its story; Groups counts, by
	// event id, the mentions of each event across articles.
	Story  store.Story
	Groups map[string]groupCount
}

// eventView is an event as the article page lists it.
type eventView struct {
	ID, Type, Mode, Certainty, AttributedTo string
	Date, DateText                          string
	Score                                   float64
	Sources, Targets                        []sideView
	// Before, Trigger and After are the evidence sentence cut around the trigger.
	Before, Trigger, After string
	// DyadSource and DyadTarget name the pair for the dyad link (country codes when known).
	DyadSource, DyadTarget string
	// Reports counts the sentences of the article that report the event (at least 1).
	Reports int
}

// sideView is one actor on one side of an event.
type sideView struct{ Name, Country string }

// actorView is an actor with its mention count.
type actorView struct {
	model.Actor
	Count int
}

func (w *Web) article(rw http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > 100 {
		w.fail(rw, r, http.StatusNotFound, "There is no article with that id.")
		return
	}
	doc, err := w.st.Article(r.Context(), id)
	if err != nil {
		w.storeFail(rw, r, err)
		return
	}
	data := articlePage{Doc: doc, Segments: Highlight(doc), Quotes: doc.Quotes, Reported: doc.Reported, Times: append(slices.Clone(doc.Times), doc.FieldTimes...),
		TitleSegments:      HighlightLead(doc, model.FieldTitle),
		StandfirstSegments: HighlightLead(doc, model.FieldStandfirst)}
	if data.Story, data.Groups, err = w.storyOf(r.Context(), doc.ID); err != nil {
		w.storeFail(rw, r, err)
		return
	}
	for _, a := range doc.Actors {
		data.Actors = append(data.Actors, actorView{Actor: a, Count: len(a.Mentions)})
	}
	for i := range doc.Events {
		data.Events = append(data.Events, newEventView(doc, &doc.Events[i]))
	}
	w.render(rw, r, http.StatusOK, "article", page{Title: doc.Title, Nav: "home", Data: data})
}

func newEventView(doc *model.Document, e *model.Event) eventView {
	v := eventView{ID: e.ID, Type: e.Type, Mode: e.Mode, Certainty: e.Certainty, AttributedTo: e.AttributedTo,
		Date: e.Date.Value, DateText: e.Date.Text, Score: e.Score}
	side := func(ids []string) ([]sideView, string) {
		var out []sideView
		dyad := ""
		for _, id := range ids {
			a := doc.Actor(id)
			if a == nil {
				continue
			}
			out = append(out, sideView{a.Name, a.Country})
			if dyad == "" {
				dyad = a.Country
				if dyad == "" {
					dyad = a.Name
				}
			}
		}
		return out, dyad
	}
	v.Sources, v.DyadSource = side(e.Source)
	v.Targets, v.DyadTarget = side(e.Target)
	v.Reports = e.Reports()
	if s, end, ok := snapSpan(doc.Text, e.Sentence); ok {
		sent := doc.Text[s:end]
		if ts, te, ok := snapSpan(doc.Text, e.Trigger); ok && s <= ts && te <= end {
			v.Before, v.Trigger, v.After = doc.Text[s:ts], doc.Text[ts:te], doc.Text[te:end]
		} else {
			v.Before = sent
		}
	}
	return v
}

// timelinePage lists events, newest first, grouped by day.
type timelinePage struct {
	Query       url.Values
	Error       string
	Chart       Chart
	Days        []timelineDay
	Pager       Pager
	Types       []string
	Certainties []string
}

type timelineDay struct {
	Day    string
	Events []eventLine
}

// eventLine is an event in a list, with its evidence cut around the trigger.
type eventLine struct {
	api.Event
	Before, Trigger, After string
}

// newEventLine finds the trigger inside the evidence sentence from their offsets in the article.
func newEventLine(row store.EventRow) eventLine {
	l := eventLine{Event: api.EventFromRow(row), Before: row.Evidence}
	s, t, ev := row.Event.Sentence, row.Event.Trigger, row.Evidence
	lo, hi := t.Start-s.Start, t.End-s.Start
	if 0 <= lo && lo < hi && hi <= len(ev) && ev[lo:hi] == row.TriggerText {
		l.Before, l.Trigger, l.After = ev[:lo], ev[lo:hi], ev[hi:]
	}
	return l
}

func (w *Web) eventsQuery(r *http.Request) (store.EventQuery, error) {
	p := api.NewParams(r.URL.Query())
	q := store.EventQuery{Type: p.EventType("type"), Source: p.String("source"), Target: p.String("target"),
		Certainty: p.Certainty("certainty"), Limit: 100, Offset: p.Int("offset", 0, 0, 1<<30)}
	q.From, q.To = p.Range()
	return q, p.Err()
}

func (w *Web) timeline(rw http.ResponseWriter, r *http.Request) {
	data := timelinePage{Query: r.URL.Query(), Types: api.EventTypes(), Certainties: api.Certainties()}
	q, err := w.eventsQuery(r)
	if err != nil {
		data.Error = err.Error()
		w.render(rw, r, http.StatusBadRequest, "timeline", page{Title: "Timeline", Nav: "timeline", Data: data})
		return
	}
	rows, total, err := w.st.Events(r.Context(), q)
	if err != nil {
		w.storeFail(rw, r, err)
		return
	}
	// The chart shows every event of the chosen sides and days: by day over a span of at
	// most four months, by week otherwise.
	interval := store.IntervalWeek
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Sub(q.From) <= 120*24*time.Hour {
		interval = store.IntervalDay
	}
	// Without dates, the chart covers the half year before the newest event listed, so that
	// a few events dated long ago do not squeeze the rest into a corner.
	dq := store.DyadQuery{Source: q.Source, Target: q.Target, Interval: interval, From: q.From, To: q.To,
		Type: q.Type, Certainty: q.Certainty}
	var notes []string
	if q.From.IsZero() && q.To.IsZero() && len(rows) > 0 {
		if last, err := time.Parse(time.DateOnly, rows[0].Day); err == nil {
			dq.From = last.AddDate(0, -6, 0)
			notes = append(notes, "since "+dq.From.Format(time.DateOnly)+" (choose dates for others)")
		}
	}
	points, err := w.st.Dyads(r.Context(), dq)
	if err != nil {
		w.storeFail(rw, r, err)
		return
	}
	data.Chart = NewChart("timeline-chart", points, interval)
	data.Chart.Note = strings.Join(notes, " · ")
	data.Days = groupByDay(rows)
	data.Pager = newPager(r, total, q.Offset, q.Limit, len(rows))
	w.render(rw, r, http.StatusOK, "timeline", page{Title: "Timeline", Nav: "timeline", Data: data})
}

func groupByDay(rows []store.EventRow) []timelineDay {
	var days []timelineDay
	for _, row := range rows {
		day := row.Day
		if day == "" {
			day = "undated"
		}
		if n := len(days); n == 0 || days[n-1].Day != day {
			days = append(days, timelineDay{Day: day})
		}
		days[len(days)-1].Events = append(days[len(days)-1].Events, newEventLine(row))
	}
	return days
}

// dyadPage is the series of one source → target pair.
type dyadPage struct {
	Source, Target, Interval string
	Error                    string
	Chart                    Chart
	Events                   []eventLine
	Total                    int
	Asked                    bool
}

func (w *Web) dyads(rw http.ResponseWriter, r *http.Request) {
	p := api.NewParams(r.URL.Query())
	dq := store.DyadQuery{Source: p.String("source"), Target: p.String("target"), Interval: p.Interval("interval")}
	dq.From, dq.To = p.Range()
	data := dyadPage{Source: dq.Source, Target: dq.Target, Interval: dq.Interval, Asked: dq.Source != "" || dq.Target != ""}
	title := "Dyads"
	if data.Asked {
		title = orAnyone(dq.Source) + " → " + orAnyone(dq.Target)
	}
	if err := p.Err(); err != nil {
		data.Error = err.Error()
		w.render(rw, r, http.StatusBadRequest, "dyads", page{Title: title, Nav: "dyads", Data: data})
		return
	}
	if data.Asked {
		points, err := w.st.Dyads(r.Context(), dq)
		if err != nil {
			w.storeFail(rw, r, err)
			return
		}
		data.Chart = NewChart("dyad-chart", points, dq.Interval)
		rows, total, err := w.st.Events(r.Context(), store.EventQuery{Source: dq.Source, Target: dq.Target, From: dq.From, To: dq.To, Limit: 100})
		if err != nil {
			w.storeFail(rw, r, err)
			return
		}
		for _, row := range rows {
			data.Events = append(data.Events, newEventLine(row))
		}
		data.Total = total
	}
	w.render(rw, r, http.StatusOK, "dyads", page{Title: title, Nav: "dyads", Data: data})
}

func orAnyone(s string) string {
	if s == "" {
		return "anyone"
	}
	return s
}

// graphPage is the actor graph.
type graphPage struct {
	Query url.Values
	Error string
	Graph Graph
	Types []string
}

func (w *Web) graph(rw http.ResponseWriter, r *http.Request) {
	p := api.NewParams(r.URL.Query())
	q := store.GraphQuery{Type: p.EventType("type"), Limit: p.Int("limit", 60, 1, 200)}
	q.From, q.To = p.Range()
	data := graphPage{Query: r.URL.Query(), Types: api.EventTypes()}
	if err := p.Err(); err != nil {
		data.Error = err.Error()
		w.render(rw, r, http.StatusBadRequest, "graph", page{Title: "Actor graph", Nav: "graph", Data: data})
		return
	}
	nodes, edges, err := w.st.ActorGraph(r.Context(), q)
	if err != nil {
		w.storeFail(rw, r, err)
		return
	}
	data.Graph = NewGraph(nodes, edges)
	w.render(rw, r, http.StatusOK, "graph", page{Title: "Actor graph", Nav: "graph", Data: data})
}

// actorsPage lists actors across articles.
type actorsPage struct {
	Query  url.Values
	Error  string
	Actors []store.ActorRow
	Pager  Pager
}

func (w *Web) actors(rw http.ResponseWriter, r *http.Request) {
	p := api.NewParams(r.URL.Query())
	q := store.ActorQuery{Name: p.String("name"), Country: p.Upper("country"), Kind: strings.ToLower(p.String("kind")),
		Limit: 50, Offset: p.Int("offset", 0, 0, 1<<30)}
	data := actorsPage{Query: r.URL.Query()}
	if err := p.Err(); err != nil {
		data.Error = err.Error()
		w.render(rw, r, http.StatusBadRequest, "actors", page{Title: "Actors", Nav: "actors", Data: data})
		return
	}
	rows, total, err := w.st.Actors(r.Context(), q)
	if err != nil {
		w.storeFail(rw, r, err)
		return
	}
	data.Actors, data.Pager = rows, newPager(r, total, q.Offset, q.Limit, len(rows))
	w.render(rw, r, http.StatusOK, "actors", page{Title: "Actors", Nav: "actors", Data: data})
}
