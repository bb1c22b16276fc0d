// Package actor finds the actors of an article (people, states, organisations, groups) and
// resolves every mention to one entity.
//
// The recogniser reads its gazetteers once, in New: the embedded files of data/ (formats in
// docs/lexicons.md), the closed word classes of grammar.tsv, and any user lexicons. Annotate then
// tokenizes the text once, marks the lexicon phrases with a longest-match scan, finds people by
// the shape of the text around a capitalised run (a title before it, an apposition after it, a
// speech verb, a known given name, a listed office holder), and ties later mentions to the same
// entity: surnames, descriptions such as "the Russian leader" or "both presidents", and pronouns.
package actor

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/lowercase"
)

//go:embed data
var dataFS embed.FS

//go:embed grammar.tsv
var grammarTSV string

// Options configure a Recognizer.
type Options struct {
	// ExtraFiles are user lexicon files added to the embedded ones. The first line of each
	// says its format: "# format: people" (or countries, organizations, orgtypes, roles,
	// firstnames, nonnames).
	ExtraFiles []string
	// Data replaces the embedded lexicon folder when not nil (tests use small lexicons); its
	// files sit at its top level.
	Data fs.FS
}

// Recognizer finds actors. It is safe for concurrent use.
type Recognizer struct {
	lx *lexicon
	// scratch holds *scratch values between documents.
	scratch sync.Pool
}

// scratch is the reusable memory of one document's work: the tokens, the document in lower
// case, and the per-token tables of a state.
type scratch struct {
	toks []token
	// shared holds the syntax layer's tokens of a text that has none in its document.
	shared []model.Token
	low    lowercase.Text
	ints   []int32
	bools  []bool
	// lowerWords is an empty map for state.lowerWords, kept for its capacity.
	lowerWords map[string]bool
}

// maxPooledTokens: buffers grown past this many tokens are left to the garbage collector.
const maxPooledTokens = 1 << 16

func (r *Recognizer) getScratch() *scratch {
	if sc, ok := r.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// putScratch returns sc to the pool, keeping nothing of the document alive.
func (r *Recognizer) putScratch(sc *scratch) {
	if cap(sc.toks) > maxPooledTokens {
		return
	}
	clear(sc.toks[:cap(sc.toks)])
	sc.toks = sc.toks[:0]
	clear(sc.shared[:cap(sc.shared)])
	sc.shared = sc.shared[:0]
	sc.low.Clear()
	clear(sc.lowerWords)
	r.scratch.Put(sc)
}

// New loads the lexicons and returns a Recognizer.
func New(opts Options) (*Recognizer, error) {
	lx := newLexicon()
	g, err := parseGrammar(grammarTSV)
	if err != nil {
		return nil, fmt.Errorf("loading the actor grammar: %w", err)
	}
	lx.g = g
	fsys, dir := fs.FS(dataFS), "data"
	if opts.Data != nil {
		fsys, dir = opts.Data, "."
	}
	if err := lx.loadFS(fsys, dir); err != nil {
		return nil, err
	}
	for _, f := range opts.ExtraFiles {
		if err := lx.loadFile(f); err != nil {
			return nil, err
		}
	}
	if err := lx.loadImported(fsys, dir); err != nil {
		return nil, err
	}
	if lx.names, err = loadNameFinder(lx); err != nil {
		return nil, err
	}
	return &Recognizer{lx: lx}, nil
}

// Name is the stage's name.
func (*Recognizer) Name() string { return "actors" }

// Annotate fills doc.Actors.
// It then reads the title and the standfirst (see lead.go) and adds their mentions of those
// actors as LeadMentions.
func (r *Recognizer) Annotate(doc *model.Document) {
	sc := r.getScratch()
	st := newState(r.lx, doc, sc)
	st.run()
	doc.Actors = st.result()
	sc.lowerWords = st.lowerWords
	if work, lead := withLead(doc); lead != nil {
		st := newState(r.lx, work, sc)
		st.run()
		attachLead(doc.Actors, st.result(), lead)
		sc.lowerWords = st.lowerWords
	}
	r.putScratch(sc)
}
