package model

import "encoding/json"

// wireToken is one token of the tokens view, its offsets in code points into the text.
type wireToken struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Form  string `json:"form"`
	Lemma string `json:"lemma"`
	UPOS  string `json:"upos"`
	XPOS  string `json:"xpos"`
	Feats string `json:"feats"`
	// Head and Rel are null when the sentence was not parsed.
	Head *int    `json:"head"`
	Rel  *string `json:"rel"`
}

// WithTokens is a document whose JSON carries, after the contract's fields, the opt-in
// "tokens" view: for each sentence its tokens with offsets in code points into the text, form,
// lemma, tags, features and dependency. Doc's own MarshalJSON leaves the view out, so stored
// documents and API answers keep their size.
type WithTokens struct {
	Doc *Document
}

// MarshalJSON writes the document with its tokens view.
func (w WithTokens) MarshalJSON() ([]byte, error) {
	o := newOffsets(w.Doc.Text)
	// the outer field wins over wireDoc's, which is left out when empty; the view asked for is
	// always there, an empty list for a document without sentences
	return json.Marshal(struct {
		wireDoc
		Tokens [][]wireToken `json:"tokens"`
	}{w.Doc.wire(o), wireTokens(w.Doc.Tokens, o)})
}

// wireTokens converts the layer's tokens to the wire form: one list per sentence, so that
// tokens[i] are the words of sentences[i].
func wireTokens(sents [][]Token, o *offsets) [][]wireToken {
	out := make([][]wireToken, len(sents))
	for i, sent := range sents {
		ws := make([]wireToken, 0, len(sent))
		for _, t := range sent {
			s := o.spanOut(t.Span)
			wt := wireToken{Start: s.Start, End: s.End, Form: t.Form, Lemma: t.Lemma,
				UPOS: t.UPOS, XPOS: t.XPOS, Feats: t.Feats}
			if t.Rel != "" {
				head, rel := t.Head, t.Rel
				wt.Head, wt.Rel = &head, &rel
			}
			ws = append(ws, wt)
		}
		out[i] = ws
	}
	return out
}

// readWireTokens converts a tokens view back to byte offsets; nil when there is none.
func readWireTokens(ws [][]wireToken, o *offsets) [][]Token {
	if ws == nil {
		return nil
	}
	out := make([][]Token, len(ws))
	for i, sent := range ws {
		ts := make([]Token, 0, len(sent))
		for _, w := range sent {
			t := Token{Span: o.spanIn(Span{w.Start, w.End}), Form: w.Form, Lemma: w.Lemma,
				UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats, Head: -1}
			if w.Head != nil && w.Rel != nil {
				t.Head, t.Rel = *w.Head, *w.Rel
			}
			ts = append(ts, t)
		}
		out[i] = ts
	}
	return out
}
