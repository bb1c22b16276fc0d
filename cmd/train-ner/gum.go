package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/ner"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
)

// entity is one of GUM's entity mentions over token indices [start, end).
type entity struct {
	start, end int
	etype      string
	minspan    []int // token indices of the minimal span, absolute
}

// gumKinds maps GUM's entity types to the finder's kinds; the others are not names here.
var gumKinds = map[string]string{
	"person":       ner.KindPerson,
	"organization": ner.KindOrganization,
	"place":        ner.KindPlace,
}

// linkers may join the proper nouns of one name: "University of Chicago", "Procter & Gamble".
var linkers = map[string]bool{"of": true, "the": true, "de": true, "du": true, "la": true, "von": true,
	"van": true, "der": true, "al": true, "bin": true, "&": true, "for": true, "on": true}

// gumSentence converts one GUM sentence into a training sentence: its outermost named entity
// mentions of the kinds kept, each cut to its run of proper nouns.
func gumSentence(s syntax.Sentence) ner.Sentence {
	out := ner.Sentence{Words: make([]string, len(s.Tokens))}
	for i, t := range s.Tokens {
		out.Words[i] = t.Form
	}
	ents := parseEntities(s.Misc)
	// Outer mentions first: longer first, then in order.
	slices.SortStableFunc(ents, func(a, b entity) int { return (b.end - b.start) - (a.end - a.start) })
	taken := make([]bool, len(s.Tokens))
	for _, e := range ents {
		kind, ok := gumKinds[e.etype]
		if !ok {
			continue
		}
		lo, hi, ok := nameRun(s.Tokens, e)
		if !ok || slices.Contains(taken[lo:hi], true) {
			continue
		}
		for i := lo; i < hi; i++ {
			taken[i] = true
		}
		if kind != ner.KindPlace && isPluralProper(s.Tokens[hi-1]) {
			kind = ner.KindGroup // Kurds, Democrats, the Beatles
		}
		out.Names = append(out.Names, ner.Name{Start: lo, End: hi, Kind: kind})
	}
	slices.SortFunc(out.Names, func(a, b ner.Name) int { return a.Start - b.Start })
	return out
}

func isPluralProper(t model.Token) bool { return t.XPOS == "NNPS" }

// nameRun returns the run of proper nouns of an entity mention: from the first proper noun of
// its minimal span, out to the neighbouring proper nouns inside the mention, across linking
// words that have a proper noun after them. A mention whose minimal span holds no proper noun is
// not a name.
func nameRun(toks []model.Token, e entity) (lo, hi int, ok bool) {
	anchor := -1
	for _, i := range e.minspan {
		if i >= e.start && i < e.end && toks[i].UPOS == "PROPN" {
			anchor = i
			break
		}
	}
	if anchor < 0 {
		return 0, 0, false
	}
	lo, hi = anchor, anchor+1
	for lo > e.start && toks[lo-1].UPOS == "PROPN" {
		lo--
	}
	for j := hi; j < e.end; j++ {
		if toks[j].UPOS == "PROPN" {
			hi = j + 1
			continue
		}
		if !linkers[strings.ToLower(toks[j].Form)] {
			break
		}
	}
	return lo, hi, true
}

// parseEntities reads the Entity= values of a sentence's MISC column: "(" id "-" type "-" ...
// opens a mention ("-" minspan as the sixth field, token numbers from the mention's first),
// an id followed by ")" closes the open mention with that id, and an opening immediately
// closed by ")" is a one-token mention. Malformed parts are skipped.
func parseEntities(misc []string) []entity {
	type open struct {
		id      string
		start   int
		etype   string
		minspan []int
	}
	var stack []open
	var out []entity
	for i, m := range misc {
		v := entityValue(m)
		for v != "" {
			switch {
			case v[0] == '(':
				end := strings.IndexAny(v[1:], "()")
				body := v[1:]
				if end >= 0 {
					body = v[1 : 1+end]
				}
				fields := strings.SplitN(body, "-", 8)
				o := open{id: fields[0], start: i}
				if len(fields) > 1 {
					o.etype = fields[1]
				}
				if len(fields) > 5 {
					o.minspan = minspan(fields[5], i)
				}
				v = v[1+len(body):]
				if strings.HasPrefix(v, ")") {
					out = append(out, entity{start: i, end: i + 1, etype: o.etype, minspan: o.minspan})
					v = v[1:]
				} else {
					stack = append(stack, o)
				}
			default:
				end := strings.IndexAny(v, "()")
				if end < 0 {
					v = ""
					break
				}
				id := v[:end]
				if v[end] == ')' {
					for k := len(stack) - 1; k >= 0; k-- {
						if stack[k].id == id {
							o := stack[k]
							out = append(out, entity{start: o.start, end: i + 1, etype: o.etype, minspan: o.minspan})
							stack = slices.Delete(stack, k, k+1)
							break
						}
					}
					v = v[end+1:]
				} else {
					v = v[end:]
				}
			}
		}
	}
	return out
}

// entityValue returns the Entity= value of a MISC column, or "".
func entityValue(misc string) string {
	for part := range strings.SplitSeq(misc, "|") {
		if v, ok := strings.CutPrefix(part, "Entity="); ok {
			return v
		}
	}
	return ""
}

// minspan reads "1,2,3" (token numbers from the mention's first, 1-based) as absolute indices.
func minspan(s string, start int) []int {
	var out []int
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 || n > 1000 {
			continue
		}
		out = append(out, start+n-1)
	}
	return out
}
