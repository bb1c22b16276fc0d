// Package store keeps annotated articles and answers questions about them: which articles
// mention an actor, which events one country directed at another and when, who said what.
//
// Store is the interface; sqlite holds the implementation that ships in the binary, and
// storetest holds the conformance suite every implementation must pass.
//
// Dates. Query bounds (From, To) are calendar days: a zero time.Time leaves that end open and
// both ends are inclusive. An event is placed on the first day of its date's period ("2026-W03"
// is placed on Monday 2026-01-12, "2025-12" on 2025-12-01); events with no date value fall back
// to the article's publication day.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/tidings-news/tidings/internal/model"
)

// ErrNotFound is returned when the asked-for record does not exist.
var ErrNotFound = errors.New("not found")

// Paging defaults every list query applies.
const (
	// DefaultLimit is used when a query's Limit is zero or negative.
	DefaultLimit = 50
	// MaxLimit bounds any query's Limit.
	MaxLimit = 1000
)

// ClampLimit returns the limit a query should use: DefaultLimit for none, at most MaxLimit.
func ClampLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Store keeps articles with their annotations. Implementations are safe for concurrent use.
type Store interface {
	// SaveArticle stores doc and all its annotations. An article already present, by canonical
	// URL or by the hash of its normalised text, is left unchanged: SaveArticle returns its id
	// and created=false. On success doc.ID is set to the stored id.
	SaveArticle(ctx context.Context, doc *model.Document) (id string, created bool, err error)

	// Article returns one stored article with every annotation, or ErrNotFound.
	Article(ctx context.Context, id string) (*model.Document, error)

	// Articles lists stored articles, newest publication first, with the total number that
	// match before paging.
	Articles(ctx context.Context, q ArticleQuery) ([]ArticleSummary, int, error)

	// Events lists coded events, newest first, with the total number that match.
	Events(ctx context.Context, q EventQuery) ([]EventRow, int, error)

	// Actors lists actors across articles, most mentioned first, with the total that match.
	// Actors are the same across articles when their name, kind and country are the same.
	Actors(ctx context.Context, q ActorQuery) ([]ActorRow, int, error)

	// Dyads returns the series of events from Source to Target, one point per period that
	// has events, oldest first.
	Dyads(ctx context.Context, q DyadQuery) ([]DyadPoint, error)

	// Quotes lists quotations, newest article first, with the total that match.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteRow, int, error)

	// ActorGraph returns who acts on whom: nodes are countries (or actors with no country),
	// edges the events between them.
	ActorGraph(ctx context.Context, q GraphQuery) ([]GraphNode, []GraphEdge, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// Export calls fn with every stored article that has an event matching q, oldest stored
	// first, together with its matching events; with an empty q every article is given, with
	// all its events. It reads in pages, so memory stays flat however large the store, and stops
	// at the first error fn returns, which it returns.
	Export(ctx context.Context, q ExportQuery, fn func(ExportItem) error) error

	// Story says which stored article the article id is a near-duplicate of, if any, and
	// which stored articles are near-duplicates of it; ErrNotFound when there is no such
	// article.
	Story(ctx context.Context, id string) (Story, error)

	// ForEachArticle calls fn with every stored article (with annotations), oldest stored
	// first, and stops at the first error fn returns, which it returns.
	ForEachArticle(ctx context.Context, fn func(*model.Document) error) error

	// ReplaceAnnotations replaces the annotations of the stored article doc.ID with doc's,
	// keeping its metadata and text. It returns ErrNotFound when no such article exists.
	ReplaceAnnotations(ctx context.Context, doc *model.Document) error

	// FeedState returns what is known of a feed from earlier polls; a feed never polled gives
	// a FeedState with only URL set and no error.
	FeedState(ctx context.Context, url string) (FeedState, error)

	// SaveFeedState records the outcome of a poll.
	SaveFeedState(ctx context.Context, st FeedState) error

	// Close releases the store.
	Close() error
}

// ArticleQuery selects articles. Empty fields do not filter.
type ArticleQuery struct {
	// Text is full-text words searched in title and body; all must occur.
	Text string
	// Actor is an actor's name (case-insensitive) or a country code an actor of the article has.
	Actor string
	// Country is a country code of an actor of the article.
	Country string
	// From and To bound the publication day (inclusive); zero leaves the end open.
	From, To time.Time
	Limit    int
	Offset   int
}

// ArticleSummary is one article in a list.
type ArticleSummary struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	// Stored is when the article was saved.
	Stored time.Time `json:"stored"`
	// Snippet is the start of the text, or the matching words for a full-text query.
	Snippet string `json:"snippet"`
	Events  int    `json:"events"`
	Actors  int    `json:"actors"`
	Quotes  int    `json:"quotes"`
	// NearDupOf is the id of the first stored copy of the same story when this article is a
	// near-duplicate of it, and Similarity the estimated Jaccard similarity of their texts.
	NearDupOf  string  `json:"near_dup_of,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
}

// Story is an article's place among the stored copies of one story.
type Story struct {
	// NearDupOf is the first stored copy when the article is a near-duplicate, else nil.
	NearDupOf *ArticleRef `json:"near_dup_of"`
	// Similarity is the estimated Jaccard similarity of its text with the first copy's.
	Similarity float64 `json:"similarity"`
	// Copies are the near-duplicates of the article, oldest stored first, when it is the
	// first copy.
	Copies []ArticleRef `json:"copies"`
}

// ArticleRef names a stored article.
type ArticleRef struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Source     string  `json:"source"`
	Similarity float64 `json:"similarity"`
}

// EventQuery selects events. Empty fields do not filter. Without ArticleID, each group of
// events (see EventRow.GroupID) is listed once, as its first stored mention; with it, every
// event of that article is.
type EventQuery struct {
	// Type is a PLOVER event type (CONSULT, ACCUSE...), or several separated by commas.
	Type string
	// Source and Target match a country code (IRN) or an actor name (case-insensitive) of any
	// source or target actor; several may be given separated by commas ("USA,GBR"), any of
	// which matches.
	Source string
	Target string
	// From and To bound the event's day (inclusive); zero leaves the end open.
	From, To time.Time
	// Certainty is asserted, reported, alleged, denied, hypothetical or future.
	Certainty string
	ArticleID string
	Limit     int
	Offset    int
}

// EventRow is one event with what a reader needs to judge it.
type EventRow struct {
	ArticleID    string `json:"article_id"`
	ArticleTitle string `json:"article_title"`
	ArticleURL   string `json:"article_url"`
	Published    string `json:"published"`
	// Event is the event as coded; its Sentence and Trigger are byte offsets into the
	// article's text.
	Event model.Event `json:"event"`
	// Day is the first day of the event's date (YYYY-MM-DD); empty when undated.
	Day string `json:"day"`
	// SourceNames and SourceCountries list the source actors (countries deduplicated).
	SourceNames     []string `json:"source_names"`
	SourceCountries []string `json:"source_countries"`
	TargetNames     []string `json:"target_names"`
	TargetCountries []string `json:"target_countries"`
	// Evidence is the text of the evidence sentence, TriggerText the trigger's words.
	Evidence    string `json:"evidence"`
	TriggerText string `json:"trigger_text"`
	// GroupID names the event across articles: the events of one type, source and target
	// (country codes, else names) and day are one group. Mentions counts the stored events of
	// the group, Articles the articles they come from.
	GroupID  string `json:"group_id"`
	Mentions int    `json:"mentions"`
	Articles int    `json:"articles"`
	// Reports counts the sentences of its own article that report the event: its evidence
	// sentence and the further mentions folded into it (at least 1).
	Reports int `json:"reports"`
}

// ExportQuery selects the events to export. Empty fields do not filter; the fields mean what
// they mean in EventQuery.
type ExportQuery struct {
	Type           string
	Source, Target string
	// Actor matches a country code or an actor name on either side of the event.
	Actor string
	// Country is a country code of an actor on either side of the event.
	Country   string
	From, To  time.Time
	Certainty string
	ArticleID string
}

// IsZero reports whether q selects everything.
func (q ExportQuery) IsZero() bool { return q == ExportQuery{} }

// ExportItem is one exported article and those of its events that match.
type ExportItem struct {
	Doc *model.Document
	// Events are the matching events of Doc, in the order Doc lists them.
	Events []model.Event
	// Groups gives the cross-article group of every stored event of Doc, by event id.
	Groups map[string]EventGroup
}

// EventGroup is the cross-article group of one stored event (see EventRow.GroupID).
type EventGroup struct {
	// ID is the group's id, EventRow.GroupID.
	ID string
	// Mentions counts the stored events of the group, this one included.
	Mentions int
}

// ActorQuery selects actors. Empty fields do not filter.
type ActorQuery struct {
	// Name matches part of the name, case-insensitive.
	Name    string
	Country string
	// Kind is person, country, organization or group.
	Kind   string
	Limit  int
	Offset int
}

// ActorRow is one actor across all articles.
type ActorRow struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	// Mentions counts every mention, Articles the articles that have one.
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
}

// Intervals for DyadQuery.
const (
	IntervalDay  = "day"
	IntervalWeek = "week"
)

// DyadQuery selects the events of a pair of actors.
type DyadQuery struct {
	// Source and Target match as in EventQuery; an empty one matches anyone.
	Source, Target string
	// Interval is IntervalDay or IntervalWeek (weeks start on Monday); empty means day.
	Interval string
	From, To time.Time
	// Type and Certainty filter the events counted, as in EventQuery.
	Type, Certainty string
}

// DyadPoint is the events of one period, each group of events (see EventRow.GroupID) counted
// once.
type DyadPoint struct {
	// Period is the period's first day, YYYY-MM-DD.
	Period      string         `json:"period"`
	Count       int            `json:"count"`
	CountByType map[string]int `json:"count_by_type"`
	// MeanScore is the mean PLOVER conflict-cooperation score (-10..10).
	MeanScore float64 `json:"mean_score"`
}

// QuoteQuery selects quotations. Empty fields do not filter.
type QuoteQuery struct {
	// Speaker matches part of the speaker's name, case-insensitive.
	Speaker   string
	ArticleID string
	// Text matches part of the quoted words, case-insensitive.
	Text   string
	Limit  int
	Offset int
}

// QuoteRow is one quotation with its article.
type QuoteRow struct {
	ArticleID    string      `json:"article_id"`
	ArticleTitle string      `json:"article_title"`
	Published    string      `json:"published"`
	Quote        model.Quote `json:"quote"`
	// SpeakerCountry is the speaking actor's country, when known.
	SpeakerCountry string `json:"speaker_country"`
}

// GraphQuery bounds the actor graph.
type GraphQuery struct {
	// Limit is the most edges returned, the busiest first.
	Limit int
	// Type keeps only events of one PLOVER type (or of several, comma-separated); empty keeps
	// all.
	Type     string
	From, To time.Time
}

// GraphNode is a country (ID is its code) or an actor with no country (ID is "actor:" and
// its name).
type GraphNode struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Kind  string `json:"kind"`
	// Events counts the events the node takes part in among the returned edges.
	Events int `json:"events"`
}

// GraphEdge is the events directed from one node to another.
type GraphEdge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Count     int     `json:"count"`
	MeanScore float64 `json:"mean_score"`
}

// Stats counts the records of a store. Events counts groups of events (see EventRow.GroupID),
// Mentions every stored event; Stories counts the articles that are no near-duplicate.
type Stats struct {
	Articles int `json:"articles"`
	Stories  int `json:"stories"`
	Events   int `json:"events"`
	Mentions int `json:"mentions"`
	Actors   int `json:"actors"`
	Quotes   int `json:"quotes"`
	Feeds    int `json:"feeds"`
}

// FeedState is what a poller remembers of one feed between polls.
type FeedState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag"`
	LastModified string    `json:"last_modified"`
	LastPolled   time.Time `json:"last_polled"`
	// Errors counts failed polls in a row; a successful poll resets it.
	Errors    int    `json:"errors"`
	LastError string `json:"last_error"`
}

// Lookup is implemented by stores that can say whether an article is already stored before
// it is annotated, so that an ingester need not fetch or annotate it again. Callers type-assert
// a Store to it.
type Lookup interface {
	// ArticleByURL returns the id of the article stored under the canonical form of url
	// (see CanonicalURL), or ErrNotFound.
	ArticleByURL(ctx context.Context, url string) (string, error)
	// ArticleByText returns the id of the article whose text has the same ContentHash as
	// text, or ErrNotFound.
	ArticleByText(ctx context.Context, text string) (string, error)
}

// BatchSaver is implemented by stores that can save several articles in one transaction, which
// a long ingest needs: the commit, not the rows, is most of the cost of saving one article.
// Callers type-assert a Store to it and fall back on SaveArticle.
type BatchSaver interface {
	// SaveArticles saves docs as SaveArticle would, in order, and answers one SaveResult per
	// doc. An article that fails is left out and the others are kept; the error return is for
	// a failure of the whole batch, when nothing was saved.
	SaveArticles(ctx context.Context, docs []*model.Document) ([]SaveResult, error)
}

// SaveResult is what became of one article of a batch.
type SaveResult struct {
	ID      string
	Created bool
	Err     error
}
