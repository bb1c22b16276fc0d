// Package quote finds quotations and reported speech, and who said them.
package quote

import "github.com/tidings-news/tidings/internal/model"

// Finder finds quotes.
type Finder struct{}

// New returns a Finder.
func New() *Finder { return &Finder{} }

// Name is the stage's name.
func (*Finder) Name() string { return "quotes" }

// Annotate fills doc.Quotes.
func (f *Finder) Annotate(doc *model.Document) {}
