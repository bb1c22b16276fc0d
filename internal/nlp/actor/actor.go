// Package actor finds the actors of an article (people, states, organisations, groups) and
// resolves every mention to one entity.
package actor

import "github.com/tidings-news/tidings/internal/model"

// Options configure a Recognizer.
type Options struct {
	// ExtraFiles are user lexicon files added to the embedded ones.
	ExtraFiles []string
}

// Recognizer finds actors.
type Recognizer struct{}

// New loads the lexicons and returns a Recognizer.
func New(opts Options) (*Recognizer, error) { return &Recognizer{}, nil }

// Name is the stage's name.
func (*Recognizer) Name() string { return "actors" }

// Annotate fills doc.Actors.
func (r *Recognizer) Annotate(doc *model.Document) {}
