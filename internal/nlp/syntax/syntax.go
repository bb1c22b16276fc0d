// Package syntax is tidings' linguistic layer: every sentence's tokens with lemma, part of
// speech, morphological features and a labelled dependency tree (Universal Dependencies
// relations), made once per document and read by the annotators that follow.
//
// The tagger and the parser are trained on Universal Dependencies English treebanks by
// `go run ./cmd/train-syntax`; their weights are embedded in this package.
package syntax

import "github.com/tidings-news/tidings/internal/model"

// Sentence is one sentence's tokens in order, as read from or written to CoNLL-U.
type Sentence struct {
	// ID and Text are CoNLL-U's "# sent_id" and "# text" comments, when read from CoNLL-U.
	ID     string
	Text   string
	Tokens []model.Token
	// Misc holds CoNLL-U's MISC column of each token as read ("SpaceAfter=No|Entity=..."),
	// "" where none; nil or shorter than Tokens when there is nothing to keep.
	Misc []string
}
