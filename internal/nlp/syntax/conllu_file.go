package syntax

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadCoNLLUFile reads the CoNLL-U sentences of the file at path, gunzipping it when its name
// ends in ".gz", as the treebanks are shipped.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the treebank: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	s, err := ReadCoNLLU(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return s, nil
}
