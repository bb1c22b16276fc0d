// Package timex finds time expressions in an article and gives each its TIMEX3 value, anchored
// on the article's publication time.
package timex

import "github.com/tidings-news/tidings/internal/model"

// Tagger finds and normalises time expressions.
type Tagger struct{}

// New returns a Tagger.
func New() *Tagger { return &Tagger{} }

// Name is the stage's name.
func (*Tagger) Name() string { return "times" }

// Annotate fills doc.Times.
func (t *Tagger) Annotate(doc *model.Document) {}
