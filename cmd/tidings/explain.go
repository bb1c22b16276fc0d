package main

import (
	"fmt"
	"io"

	"github.com/tidings-news/tidings/internal/model"
)

// writeExplain prints a document's events for a person to read.
func writeExplain(w io.Writer, doc *model.Document) {
	fmt.Fprintf(w, "# %s\n", doc.Title)
}
