package quote

import "github.com/tidings-news/tidings/internal/nlp/lowercase"

// work is the scratch state of one Annotate call. It is pooled in the Finder, so a document
// costs few allocations however many times the text around its quotations is read.
type work struct {
	*Finder
	// low is the document in lower case.
	low lowercase.Text
	// toks holds the token runs of the methods under way, as a stack: a method that
	// tokenizes calls rewind when it returns.
	toks []tok
}

// maxPooledTokens: scratch grown past this many tokens is left to the garbage collector.
const maxPooledTokens = 1 << 14

// work returns scratch state for text.
func (f *Finder) work(text string) *work {
	w, _ := f.scratch.Get().(*work)
	if w == nil {
		w = &work{Finder: f}
	}
	w.low.Reset(text)
	return w
}

// done returns w to the pool.
func (f *Finder) done(w *work) {
	if cap(w.toks) > maxPooledTokens {
		return
	}
	clear(w.toks[:cap(w.toks)]) // let the text go
	w.toks = w.toks[:0]
	w.low.Clear()
	f.scratch.Put(w)
}

// rewind drops the token runs made since the stack held n tokens.
func (f *work) rewind(n int) { f.toks = f.toks[:n] }
