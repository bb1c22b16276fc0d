// Package reader turns the bytes of one article (plain text or a web page) into a Document:
// body text, title, standfirst, byline, and the published and updated times with where each
// was found. It does no I/O.
package reader

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// Formats of input.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// Errors a reader returns for input that is not an article.
var (
	ErrEmpty  = errors.New("the input is empty")
	ErrBinary = errors.New("the input is binary, not text or HTML")
	ErrUTF8   = errors.New("the input is not valid UTF-8 text")
	ErrNoText = errors.New("no article text was found")
	ErrFormat = errors.New("unknown format")
)

// Options tell the reader what the input itself may not.
type Options struct {
	// Format is "text", "html" or "" to guess from the content.
	Format string
	// URL is where the page came from.
	URL string
	// Now is the moment the page was read; zero means the current time. NowHasZone says
	// whether Now carried a zone: stamps resolved against it are printed with or without one
	// to match.
	Now        time.Time
	NowHasZone bool
	// Published is the publication time given by the user (ISO 8601); it wins over the page.
	Published string
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// Read reads one article.
func Read(data []byte, opts Options) (*model.Document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, ErrBinary
	}
	format := opts.Format
	if format == "" {
		format = Guess(data)
	}
	var (
		doc *model.Document
		err error
	)
	switch format {
	case FormatText:
		if !utf8.Valid(data) {
			return nil, ErrUTF8
		}
		doc, err = readText(string(data), opts)
	case FormatHTML:
		doc, err = readHTML(data, opts)
	default:
		return nil, fmt.Errorf("%w %q: want text or html", ErrFormat, format)
	}
	if err != nil {
		return nil, err
	}
	if opts.URL != "" && doc.URL == "" {
		doc.URL = opts.URL
	}
	if opts.Published != "" {
		doc.Published = opts.Published
		doc.PublishedSource = "flag"
	}
	if !opts.Now.IsZero() {
		doc.Now = FormatTime(opts.Now, opts.NowHasZone)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, ErrNoText
	}
	return doc, nil
}

// Guess says whether data looks like HTML or plain text.
func Guess(data []byte) string {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	h := bytes.ToLower(bytes.TrimSpace(head))
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<?xml"), []byte("<head"), []byte("<body"), []byte("<!--")} {
		if bytes.HasPrefix(h, p) {
			return FormatHTML
		}
	}
	for _, p := range [][]byte{[]byte("<p>"), []byte("<p "), []byte("<div"), []byte("<article"), []byte("<meta "), []byte("<title>")} {
		if bytes.Contains(h, p) {
			return FormatHTML
		}
	}
	return FormatText
}

// looksBinary is true for data with NUL bytes or many control characters in its head.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			ctl++
		}
	}
	return ctl*20 > len(head)
}

// FormatTime prints t at minute precision (seconds when they are not zero), with its zone
// only when withZone is true.
func FormatTime(t time.Time, withZone bool) string {
	layout := "2006-01-02T15:04"
	if t.Second() != 0 {
		layout = "2006-01-02T15:04:05"
	}
	if withZone {
		if _, off := t.Zone(); off == 0 {
			return t.Format(layout) + "Z"
		}
		return t.Format(layout + "-07:00")
	}
	return t.Format(layout)
}
