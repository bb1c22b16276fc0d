// Package model holds the record that every stage of tidings fills: one news article with its
// metadata, its body text and the annotations found in it.
//
// Offsets. In memory every Span counts bytes into Document.Text, as Go strings and regexp do.
// On the wire (encoding/json) the same spans count Unicode code points, as the extractor's
// contract requires: Document's MarshalJSON and UnmarshalJSON convert in one place, so the
// annotators never think about code points and readers of the JSON never think about bytes.
package model

// Kinds of actor.
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganization = "organization"
	KindGroup        = "group"
)

// Certainty of an event as the reporter tells it.
const (
	CertaintyAsserted     = "asserted"
	CertaintyReported     = "reported"
	CertaintyAlleged      = "alleged"
	CertaintyDenied       = "denied"
	CertaintyHypothetical = "hypothetical"
	CertaintyFuture       = "future"
)

// Span is a half-open range [Start, End) of byte offsets into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Document is one article and everything tidings found in it.
type Document struct {
	// ID is the store's identifier; empty until the article is stored.
	ID string
	// URL is where the article came from, when known.
	URL string
	// Source names the input (a path, a URL, "-").
	Source string

	Title      string
	Standfirst string
	Byline     string
	// Published and Updated are ISO 8601, minute precision or better when known, with no zone
	// when the source gives none.
	Published string
	Updated   string
	// PublishedSource and UpdatedSource say where each date was found (for example "dateline",
	// "meta:article:published_time", "json-ld:datePublished", "flag").
	PublishedSource string
	UpdatedSource   string
	// Now is the moment the article was read; relative stamps are resolved against it.
	Now string
	// Dateline is the place (and agency) a wire story opens with: "MOSCOW (Reuters)".
	Dateline string
	// Header is the lines of date stamps printed above the text, as printed, one a line:
	// "16 Jan, 2026 19:54 / Updated 10 hours ago".
	Header string

	// Text is the body as plain text, paragraphs separated by a blank line.
	Text string

	Sentences []Span
	// Tokens[i] are the words of Sentences[i] with their lemma, part of speech and
	// dependency tree, filled by the syntax stage; nil before it runs.
	Tokens [][]Token
	Times  []Time
	// FieldTimes are the time expressions of the header and the dateline, each with its Field
	// and offsets into that field; the text's own are in Times.
	FieldTimes []Time
	Actors     []Actor
	Quotes     []Quote
	// Reported is indirect speech ("officials said the strike ..."), kept apart from the
	// quotations in marks.
	Reported []Quote
	Events   []Event
}

// Token is one word of a sentence with its linguistic analysis (Universal Dependencies).
type Token struct {
	// Span is the word's byte offsets into Document.Text; zero for a token read from CoNLL-U.
	Span
	// Form is the word as printed; Lemma its dictionary form.
	Form  string
	Lemma string
	// UPOS is the universal part-of-speech tag (NOUN, VERB, PROPN...), XPOS the Penn
	// Treebank tag (NN, VBD, NNP...).
	UPOS string
	XPOS string
	// Feats are the morphological features in CoNLL-U form ("Number=Sing|Tense=Past"), or "".
	Feats string
	// Head is the index in the sentence (0-based) of the token's head, or -1 for the root.
	Head int
	// Rel is the UD dependency relation to the head ("nsubj", "obl:agent", "root"...).
	Rel string
}

// Time is a time expression with its TIMEX3 value.
type Time struct {
	Span
	Text string
	// Type is DATE, TIME, DURATION or SET.
	Type string
	// Value is the TIMEX3 value; empty when it cannot be known (printed as null).
	Value string
	// Mod is START, MID, END, BEFORE, AFTER, APPROX...; empty when none (printed as null).
	Mod string
	// Field is FieldHeader or FieldDateline for a time outside the text, whose Span is an
	// offset into that field; empty for a time in the text.
	Field string
}

// Actor is one entity of the article with all its mentions.
type Actor struct {
	ID   string
	Name string
	// Kind is person, country, organization or group.
	Kind string
	// Country is a PLOVER country code; empty when none applies (printed as null).
	Country string
	// Sector is a PLOVER sector code (GOV, MIL, COP, OPP, CVL, ...); empty when unknown.
	Sector   string
	Role     string
	Mentions []Mention
	// LeadMentions are the actor's mentions in the title and the standfirst ("The Russian
	// leader has phoned ..."), each with its Field and offsets into that field. Only actors
	// the text mentions are listed, so an actor never rests on a headline alone.
	LeadMentions []Mention
}

// The fields of a document, other than the text, that lead mentions (title, standfirst) and
// field times (header, dateline) point into.
const (
	FieldTitle      = "title"
	FieldStandfirst = "standfirst"
	FieldHeader     = "header"
	FieldDateline   = "dateline"
)

// Mention is one place the text refers to an actor.
type Mention struct {
	Span
	// Text is the words of the mention as printed.
	Text string
	// Via says how the mention was tied to the actor: "name", "surname", "alias",
	// "demonym", "capital", "role", "pronoun"...; empty for the first, naming mention.
	Via string
	// Field is FieldTitle or FieldStandfirst for a lead mention, whose Span is an offset into
	// that field; empty for a mention in the text.
	Field string
}

// Quote is a quotation or a piece of reported speech and who said it.
type Quote struct {
	Span
	// Text is the words inside the quotation marks (or the reported content for indirect speech).
	Text string
	// Speaker is the id of the speaking actor; empty when unknown (printed as null).
	Speaker string
	// SpeakerName is the speaker as the text names them.
	SpeakerName string
	// Cue is the verb that introduces the speech (said, told, wrote...).
	Cue string
	// Kind is "direct" or "indirect".
	Kind string
	// SpeakerSpan is where the speaker is named; zero when not named near the quote.
	SpeakerSpan Span
	// CueSpan is where the cue is; zero when none.
	CueSpan Span
}

// Event is one coded PLOVER event.
type Event struct {
	ID string
	// Type is one of the 16 PLOVER event types; Mode its mode, empty when none.
	Type string
	Mode string
	// Source and Target list actor ids.
	Source []string
	Target []string
	Date   EventDate
	// Certainty is asserted, reported, alleged, denied, hypothetical or future.
	Certainty string
	// AttributedTo names who the text says reported the event ("the Kremlin"); empty when the
	// reporter asserts it.
	AttributedTo string
	// Sentence is the evidence sentence, Trigger the word or phrase that signals the event.
	Sentence Span
	Trigger  Span
	// Score is the PLOVER conflict-cooperation score, from -10 (most conflictual) to 10.
	Score float64
	// Mentions lists the further sentences of the article that report the same event (same
	// type, actors and date), in text order; Sentence and Trigger are the first.
	Mentions []EventMention
}

// Reports counts the sentences of the article that report e: its own and its Mentions.
func (e *Event) Reports() int { return 1 + len(e.Mentions) }

// EventMention is one further report of an event: its sentence and trigger.
type EventMention struct {
	Sentence Span
	Trigger  Span
}

// EventDate is the date of an event and the words that gave it.
type EventDate struct {
	Value string
	// Text is the time expression that dated the event; empty when the publication date was used.
	Text string
}

// Actor returns the actor with the given id, or nil.
func (d *Document) Actor(id string) *Actor {
	for i := range d.Actors {
		if d.Actors[i].ID == id {
			return &d.Actors[i]
		}
	}
	return nil
}

// SentenceAt returns the index of the sentence that holds byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := d.Sentences[m]
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
