// Package pipeline turns inputs into annotated documents: reader, then the annotators in the
// order of the flow (sentences, syntax, times, actors, quotes, events).
package pipeline

import (
	"fmt"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp"
	"github.com/tidings-news/tidings/internal/nlp/actor"
	"github.com/tidings-news/tidings/internal/nlp/event"
	"github.com/tidings-news/tidings/internal/nlp/quote"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
	"github.com/tidings-news/tidings/internal/nlp/timex"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/source"
)

// Config chooses how articles are read and annotated.
type Config struct {
	// Reader options shared by every input (format, now, published, url).
	Reader reader.Options
	// ActorFiles are user lexicons added to the embedded actor gazetteers.
	ActorFiles []string
	// Tags has the syntax stage tag, lemmatise, give features to and parse every sentence;
	// without it the stage only tokenises. Tagging and parsing cost several times the rest
	// of the annotation (docs/syntax.md), and no annotator reads them yet.
	Tags bool
	// Beam, with Tags, parses with the beam parser (syntax.LoadBeamParser): more accurate
	// trees at about a fifth of the greedy parser's speed.
	Beam bool
}

// Pipeline reads and annotates articles. It is safe for concurrent use.
type Pipeline struct {
	cfg        Config
	annotators []nlp.Annotator
}

// New loads every lexicon once and returns a ready pipeline.
func New(cfg Config) (*Pipeline, error) {
	actors, err := actor.New(actor.Options{ExtraFiles: cfg.ActorFiles})
	if err != nil {
		return nil, fmt.Errorf("loading actor lexicons: %w", err)
	}
	events, err := event.New()
	if err != nil {
		return nil, fmt.Errorf("loading event patterns: %w", err)
	}
	var tagger *syntax.Tagger
	var opts syntax.Options
	if cfg.Tags {
		if tagger, err = syntax.LoadTagger(); err != nil {
			return nil, fmt.Errorf("loading the part-of-speech tagger: %w", err)
		}
		parser, err := syntax.LoadParserFor(cfg.Beam)
		if err != nil {
			return nil, fmt.Errorf("loading the dependency parser: %w", err)
		}
		opts.Parser = parser
	}
	return &Pipeline{cfg: cfg, annotators: []nlp.Annotator{
		sentence.New(),
		syntax.NewAnnotator(tagger, opts),
		timex.New(),
		actors,
		quote.New(),
		events,
	}}, nil
}

// Annotators lists the stages in the order they run.
func (p *Pipeline) Annotators() []nlp.Annotator { return p.annotators }

// Read turns one input into a document without annotating it.
func (p *Pipeline) Read(in source.Input) (*model.Document, error) {
	opts := p.cfg.Reader
	if in.URL != "" && opts.URL == "" {
		opts.URL = in.URL
	}
	doc, err := reader.Read(in.Data, opts)
	if err != nil {
		return nil, err
	}
	doc.Source = in.Name
	return doc, nil
}

// Annotate runs every annotator over doc.
func (p *Pipeline) Annotate(doc *model.Document) {
	for _, a := range p.annotators {
		a.Annotate(doc)
	}
}

// Process reads and annotates one input.
func (p *Pipeline) Process(in source.Input) (*model.Document, error) {
	return p.ProcessTimed(in, nil)
}
