package api

import (
	"net/http"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/store"
)

// Event is one event in a list answer: the coded event with its article and the names of its
// actors. Offsets are left out; GET /api/articles/{id} gives them.
type Event struct {
	ArticleID       string    `json:"article_id"`
	ArticleTitle    string    `json:"article_title"`
	ArticleURL      string    `json:"article_url"`
	Published       string    `json:"published"`
	ID              string    `json:"id"`
	Type            string    `json:"type"`
	Mode            string    `json:"mode"`
	Source          []string  `json:"source"`
	Target          []string  `json:"target"`
	SourceNames     []string  `json:"source_names"`
	SourceCountries []string  `json:"source_countries"`
	TargetNames     []string  `json:"target_names"`
	TargetCountries []string  `json:"target_countries"`
	Date            EventDate `json:"date"`
	Day             string    `json:"day"`
	Certainty       string    `json:"certainty"`
	AttributedTo    string    `json:"attributed_to"`
	Score           float64   `json:"score"`
	Evidence        string    `json:"evidence"`
	TriggerText     string    `json:"trigger_text"`
	// GroupID, Mentions and Articles: see store.EventRow.
	GroupID  string `json:"group_id"`
	Mentions int    `json:"mentions"`
	Articles int    `json:"articles"`
	// Reports: see store.EventRow.
	Reports int `json:"reports"`
}

// EventDate is an event's date: value is null when unknown.
type EventDate struct {
	Value *string `json:"value"`
	Text  string  `json:"text"`
}

// EventFromRow converts a store row to its list form.
func EventFromRow(r store.EventRow) Event {
	e := r.Event
	return Event{
		ArticleID: r.ArticleID, ArticleTitle: r.ArticleTitle, ArticleURL: r.ArticleURL,
		Published: r.Published, ID: e.ID, Type: e.Type, Mode: e.Mode,
		Source: list(e.Source), Target: list(e.Target),
		SourceNames: list(r.SourceNames), SourceCountries: list(r.SourceCountries),
		TargetNames: list(r.TargetNames), TargetCountries: list(r.TargetCountries),
		Date: EventDate{Value: nullable(e.Date.Value), Text: e.Date.Text}, Day: r.Day,
		Certainty: e.Certainty, AttributedTo: e.AttributedTo, Score: e.Score,
		Evidence: r.Evidence, TriggerText: r.TriggerText,
		GroupID: r.GroupID, Mentions: r.Mentions, Articles: r.Articles, Reports: max(r.Reports, 1),
	}
}

// Quote is one quotation in a list answer.
type Quote struct {
	ArticleID      string  `json:"article_id"`
	ArticleTitle   string  `json:"article_title"`
	Published      string  `json:"published"`
	Text           string  `json:"text"`
	Speaker        *string `json:"speaker"`
	SpeakerName    string  `json:"speaker_name"`
	SpeakerCountry string  `json:"speaker_country"`
	Cue            string  `json:"cue"`
	Kind           string  `json:"kind"`
}

func quoteFromRow(r store.QuoteRow) Quote {
	q := r.Quote
	return Quote{ArticleID: r.ArticleID, ArticleTitle: r.ArticleTitle, Published: r.Published,
		Text: q.Text, Speaker: nullable(q.Speaker), SpeakerName: q.SpeakerName,
		SpeakerCountry: r.SpeakerCountry, Cue: q.Cue, Kind: q.Kind}
}

func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// page is the paging part of every list answer.
type page struct {
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

func (a *API) listArticles(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	q := store.ArticleQuery{Text: p.String("q"), Actor: p.String("actor"), Country: p.Upper("country")}
	q.From, q.To = p.Range()
	q.Limit, q.Offset = p.Page(store.DefaultLimit)
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	items, total, err := a.st.Articles(r.Context(), q)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Articles []store.ArticleSummary `json:"articles"`
		page
	}{list(items), page{total, q.Limit, q.Offset}})
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request) {
	doc, ok := readArticle(a, w, r, a.st.Article)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	q := store.EventQuery{Type: p.EventType("type"), Source: p.String("source"),
		Target: p.String("target"), Certainty: p.Certainty("certainty"), ArticleID: p.String("article")}
	q.From, q.To = p.Range()
	q.Limit, q.Offset = p.Page(store.DefaultLimit)
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rows, total, err := a.st.Events(r.Context(), q)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	events := make([]Event, len(rows))
	for i, row := range rows {
		events[i] = EventFromRow(row)
	}
	writeJSON(w, http.StatusOK, struct {
		Events []Event `json:"events"`
		page
	}{events, page{total, q.Limit, q.Offset}})
}

func (a *API) listActors(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	q := store.ActorQuery{Name: p.String("name"), Country: p.Upper("country"), Kind: strings.ToLower(p.String("kind"))}
	switch q.Kind {
	case "", model.KindPerson, model.KindCountry, model.KindOrganization, model.KindGroup:
	default:
		writeError(w, http.StatusBadRequest, "kind: want person, country, organization or group")
		return
	}
	q.Limit, q.Offset = p.Page(store.DefaultLimit)
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rows, total, err := a.st.Actors(r.Context(), q)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Actors []store.ActorRow `json:"actors"`
		page
	}{list(rows), page{total, q.Limit, q.Offset}})
}

func (a *API) getDyads(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	q := store.DyadQuery{Source: p.String("source"), Target: p.String("target"), Interval: p.Interval("interval"),
		Type: p.EventType("type"), Certainty: p.Certainty("certainty")}
	q.From, q.To = p.Range()
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.Source == "" && q.Target == "" {
		writeError(w, http.StatusBadRequest, "name a source or a target (a country code such as USA, or an actor's name)")
		return
	}
	points, err := a.st.Dyads(r.Context(), q)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	for i := range points {
		if points[i].CountByType == nil {
			points[i].CountByType = map[string]int{}
		}
	}
	writeJSON(w, http.StatusOK, struct {
		Source   string            `json:"source"`
		Target   string            `json:"target"`
		Interval string            `json:"interval"`
		Points   []store.DyadPoint `json:"points"`
		Total    int               `json:"total"`
	}{q.Source, q.Target, q.Interval, list(points), len(points)})
}

func (a *API) listQuotes(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	q := store.QuoteQuery{Speaker: p.String("speaker"), Text: p.String("q"), ArticleID: p.String("article")}
	q.Limit, q.Offset = p.Page(store.DefaultLimit)
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rows, total, err := a.st.Quotes(r.Context(), q)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	quotes := make([]Quote, len(rows))
	for i, row := range rows {
		quotes[i] = quoteFromRow(row)
	}
	writeJSON(w, http.StatusOK, struct {
		Quotes []Quote `json:"quotes"`
		page
	}{quotes, page{total, q.Limit, q.Offset}})
}

func (a *API) getGraph(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	q := store.GraphQuery{Type: p.EventType("type"), Limit: p.Int("limit", 100, 1, MaxLimit)}
	q.From, q.To = p.Range()
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	nodes, edges, err := a.st.ActorGraph(r.Context(), q)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Nodes []store.GraphNode `json:"nodes"`
		Edges []store.GraphEdge `json:"edges"`
		Total int               `json:"total"`
	}{list(nodes), list(edges), len(edges)})
}

func (a *API) getStats(w http.ResponseWriter, r *http.Request) {
	s, err := a.st.Stats(r.Context())
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}
