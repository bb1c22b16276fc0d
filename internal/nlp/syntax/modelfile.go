package syntax

import (
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
)

// readModel decodes a gzip'd gob model into v; what names the model in errors ("tagger").
func readModel(r io.Reader, what string, v any) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("reading the %s model: %w", what, err)
	}
	defer zr.Close()
	if err := gob.NewDecoder(zr).Decode(v); err != nil {
		return fmt.Errorf("decoding the %s model: %w", what, err)
	}
	return nil
}

// writeModel encodes v as a gzip'd gob model.
func writeModel(w io.Writer, what string, v any) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(v); err != nil {
		return fmt.Errorf("encoding the %s model: %w", what, err)
	}
	return zw.Close()
}
