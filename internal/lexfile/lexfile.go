// Package lexfile reads the line-oriented data files tidings keeps its lexicons, gazetteers
// and patterns in: one record a line, blank lines and "#" comments left out.
package lexfile

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// MaxLine is the longest line read.
const MaxLine = 1 << 20

// Each calls fn with every record of r and its line number (from 1): lines that are blank or
// whose first non-space character is '#' are left out, and a trailing "\r" and a leading
// byte-order mark are taken off. Each stops at fn's first error and returns it unchanged; a
// read error comes back wrapped.
func Each(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLine)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading line %d: %w", n+1, err)
	}
	return nil
}

// EachString is Each over a string.
func EachString(s string, fn func(n int, line string) error) error {
	return Each(strings.NewReader(s), fn)
}
