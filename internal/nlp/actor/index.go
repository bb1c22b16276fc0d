package actor

import (
	"sort"

	"github.com/tidings-news/tidings/internal/model"
)

// Ref is one mention of an actor of a document.
type Ref struct {
	// Actor indexes doc.Actors; Mention indexes that actor's Mentions.
	Actor, Mention int
	Span           model.Span
	Via            string
}

// Index lists every mention of a document's actors in text order, for the stages that read
// actors (quotes, events). Build it after the actor stage has run; it does not follow later
// changes to doc.Actors.
//
// Mentions may nest: a state named inside a larger actor ("Russian" in "Russian Foreign
// Ministry") is a mention of the state inside a mention of the ministry, and a description
// such as "both presidents" is a mention of each president over the same span.
type Index struct {
	doc  *model.Document
	refs []Ref // by start, longer first
}

// NewIndex indexes doc's mentions.
func NewIndex(doc *model.Document) *Index {
	x := &Index{doc: doc}
	for ai := range doc.Actors {
		for mi, m := range doc.Actors[ai].Mentions {
			x.refs = append(x.refs, Ref{Actor: ai, Mention: mi, Span: m.Span, Via: m.Via})
		}
	}
	sort.SliceStable(x.refs, func(a, b int) bool {
		ra, rb := x.refs[a].Span, x.refs[b].Span
		if ra.Start != rb.Start {
			return ra.Start < rb.Start
		}
		return ra.End > rb.End
	})
	return x
}

// Refs returns every mention in text order (by start, longer first).
func (x *Index) Refs() []Ref { return x.refs }

// Actor returns the actor of r.
func (x *Index) Actor(r Ref) *model.Actor { return &x.doc.Actors[r.Actor] }

// In returns the mentions that lie inside sp, nested ones included, in text order.
func (x *Index) In(sp model.Span) []Ref {
	i := sort.Search(len(x.refs), func(i int) bool { return x.refs[i].Span.Start >= sp.Start })
	var out []Ref
	for ; i < len(x.refs) && x.refs[i].Span.Start < sp.End; i++ {
		if x.refs[i].Span.End <= sp.End {
			out = append(out, x.refs[i])
		}
	}
	return out
}

// Outer returns the mentions inside sp that no other mention inside sp contains: the heads of
// the noun phrases ("Russian Foreign Ministry", not its "Russian").
func (x *Index) Outer(sp model.Span) []Ref {
	in := x.In(sp)
	out := in[:0:0]
	for i, r := range in {
		inner := false
		for j, o := range in {
			if i != j && o.Span.Contains(r.Span) && o.Span != r.Span {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, r)
		}
	}
	return out
}

// At returns the mentions that cover byte offset off, the smallest first.
func (x *Index) At(off int) []Ref {
	var out []Ref
	for _, r := range x.refs {
		if r.Span.Start > off {
			break
		}
		if off < r.Span.End {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Span.Len() < out[b].Span.Len() })
	return out
}

// MentionAt returns the actor with a mention over exactly sp, or else the actor of the
// smallest mention that covers sp, or nil.
func MentionAt(doc *model.Document, sp model.Span) *model.Actor {
	var best *model.Actor
	bestLen := -1
	for ai := range doc.Actors {
		for _, m := range doc.Actors[ai].Mentions {
			if m.Span == sp {
				return &doc.Actors[ai]
			}
			if m.Span.Contains(sp) && (bestLen < 0 || m.Span.Len() < bestLen) {
				best, bestLen = &doc.Actors[ai], m.Span.Len()
			}
		}
	}
	return best
}
