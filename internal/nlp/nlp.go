// Package nlp holds what the annotators share: the Annotator interface. Each annotator lives in
// a package of its own below this one and is a pure function of a document and its lexicons.
package nlp

import "github.com/tidings-news/tidings/internal/model"

// Annotator adds one kind of annotation to a document. Annotate must not do I/O, must not keep
// the document, and must be safe to call from several goroutines at once.
type Annotator interface {
	// Name is the stage's short name (sentences, times, actors, quotes, events).
	Name() string
	Annotate(doc *model.Document)
}
