package event

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// act describes a hand-built actor: its id, kind, country and the words that mention it.
type act struct {
	id, kind, country string
	names             []string
}

var (
	coderOnce sync.Once
	coderVal  *Coder
	coderErr  error
)

func testCoder(t testing.TB) *Coder {
	t.Helper()
	coderOnce.Do(func() { coderVal, coderErr = New() })
	if coderErr != nil {
		t.Fatalf("New: %v", coderErr)
	}
	return coderVal
}

// splitSentences cuts text at ". ", "? ", "! " and newlines: enough for hand-written tests.
func splitSentences(text string) []model.Span {
	var out []model.Span
	start := 0
	for i := 0; i < len(text); i++ {
		end := -1
		switch {
		case text[i] == '\n':
			end = i
		case (text[i] == '.' || text[i] == '?' || text[i] == '!') && (i+1 == len(text) || text[i+1] == ' '):
			end = i + 1
		}
		if end < 0 {
			continue
		}
		if end > start {
			out = append(out, model.Span{Start: start, End: end})
		}
		start = i + 1
		for start < len(text) && (text[start] == ' ' || text[start] == '\n') {
			start++
		}
		i = start - 1
	}
	if start < len(text) {
		out = append(out, model.Span{Start: start, End: len(text)})
	}
	return out
}

// buildDoc makes a document whose actors are mentioned wherever one of their names occurs as
// whole words (longest names first, no overlaps).
func buildDoc(text string, actors ...act) *model.Document {
	doc := &model.Document{Text: text, Published: "2026-01-16T19:54", Sentences: splitSentences(text)}
	taken := make([]bool, len(text))
	type nm struct {
		name string
		ai   int
	}
	var names []nm
	for ai, a := range actors {
		doc.Actors = append(doc.Actors, model.Actor{ID: a.id, Name: a.names[0], Kind: a.kind, Country: a.country})
		for _, n := range a.names {
			names = append(names, nm{n, ai})
		}
	}
	slices.SortStableFunc(names, func(a, b nm) int { return len(b.name) - len(a.name) })
	for _, n := range names {
		for off := 0; ; {
			i := strings.Index(text[off:], n.name)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(n.name)
			off = e
			if (s > 0 && isWordByte(text[s-1])) || (e < len(text) && isWordByte(text[e])) {
				continue
			}
			if slices.Contains(taken[s:e], true) {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			a := &doc.Actors[n.ai]
			a.Mentions = append(a.Mentions, model.Mention{Span: model.Span{Start: s, End: e}, Text: n.name})
		}
	}
	return doc
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// triples lists a document's events as "TYPE SRC>TGT" strings over actor countries, sorted
// and without repeats ("-" for no target).
func triples(doc *model.Document) []string {
	var out []string
	for _, e := range doc.Events {
		tg := []string{"-"}
		if len(e.Target) > 0 {
			tg = nil
			for _, id := range e.Target {
				tg = append(tg, doc.Actor(id).Country)
			}
		}
		for _, sid := range e.Source {
			for _, t := range tg {
				x := fmt.Sprintf("%s %s>%s", e.Type, doc.Actor(sid).Country, t)
				if !slices.Contains(out, x) {
					out = append(out, x)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// checkTriples codes text with the shared test actors and compares its "TYPE SRC>TGT"
// triples with want.
func checkTriples(t *testing.T, c *Coder, text string, want []string) {
	t.Helper()
	checkTriplesWith(t, c, text, want, testActors...)
}

// checkTriplesWith is checkTriples with the given actors instead of the shared ones.
func checkTriplesWith(t *testing.T, c *Coder, text string, want []string, actors ...act) {
	t.Helper()
	doc := buildDoc(text, actors...)
	c.Annotate(doc)
	got := triples(doc)
	if !slices.Equal(got, want) {
		t.Errorf("%q\n got %v\nwant %v", text, got, want)
		for _, e := range doc.Events {
			t.Logf("  %s %s %v>%v %s %q", e.ID, e.Type, e.Source, e.Target, e.Certainty, doc.Text[e.Trigger.Start:e.Trigger.End])
		}
	}
}
