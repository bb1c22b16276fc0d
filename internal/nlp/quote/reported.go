package quote

import (
	"github.com/tidings-news/tidings/internal/model"
)

// maxReportedCue is how far into a sentence, in words, the cue of reported speech may stand.
const maxReportedCue = 25

// reported finds indirect speech, one report a sentence at most: "Iraqi officials said the
// strike killed two" (speaker before the cue, content after it) and "The strike killed two,
// officials said." (content first). Sentences that hold a quotation are left to the quotes.
func (f *work) reported(doc *model.Document, idx actorIndex, quotes []model.Quote) []model.Quote {
	text := doc.Text
	var out []model.Quote
	var st state
	qi := 0
	mark := len(f.toks)
	layer := len(doc.Tokens) == len(doc.Sentences)
	for si, sent := range doc.Sentences {
		f.rewind(mark) // the words of the sentence before are no longer needed
		if sent.Start < 0 || sent.End > len(text) || sent.Start >= sent.End {
			continue
		}
		for qi < len(quotes) && quotes[qi].End <= sent.Start {
			qi++
		}
		if qi < len(quotes) && quotes[qi].Start < sent.End {
			continue
		}
		var ts []tok
		if layer {
			ts = f.fromLayer(text, doc.Tokens[si], sent.End)
		} else {
			ts = f.tokenize(text, sent.Start, sent.End, false)
		}
		if len(ts) < 4 {
			continue
		}
		if hasQuoteMark(ts) {
			continue
		}
		q, ok := f.reportIn(text, ts)
		if !ok {
			continue
		}
		s := f.resolve(text, idx, &st, q.who)
		st.remember(s, q.who.kind == npName)
		out = append(out, model.Quote{
			Span: model.Span{Start: q.content.start, End: q.content.end}, Text: text[q.content.start:q.content.end],
			Speaker: s.id, SpeakerName: s.name, Cue: text[q.cue.start:q.cue.end], Kind: KindIndirect,
			SpeakerSpan: model.Span{Start: q.who.nameSpan.start, End: q.who.nameSpan.end},
			CueSpan:     model.Span{Start: q.cue.start, End: q.cue.end},
		})
	}
	return out
}

type report struct {
	who     phrase
	cue     byteRange
	content byteRange
}

func hasQuoteMark(ts []tok) bool {
	for _, t := range ts {
		if t.punct == '"' {
			return true
		}
	}
	return false
}

// reportIn reads one sentence's tokens for reported speech.
func (f *Finder) reportIn(text string, ts []tok) (report, bool) {
	end := len(ts)
	for end > 0 && !ts[end-1].isWord() {
		end--
	}
	// content first: "..., officials said." / "..., said the ministry."
	if end >= 4 {
		for k := end - 1; k >= max(1, end-maxSubjectTokens-1); k-- {
			if ts[k].punct != ',' {
				continue
			}
			tail := ts[k+1 : end]
			var p phrase
			var c int
			if len(tail) > 0 && f.lex.report[tail[0].lower] {
				c = 0
				p = f.phraseAfter(text, tail, 1)
				// "..., said the ministry." ends with its speaker; "X, Y, said the
				// statement amounted to ..." is speaker-first speech after an apposition
				// (a name before the comma, words left after the phrase).
				if rest := wordsAfter(tail, p.end); rest > 3 || rest > 0 && ts[k-1].capital {
					break
				}
			} else if c = lastReportCue(f, tail); c > 0 {
				p = f.postSubject(text, tail[:c])
			} else {
				break
			}
			if p.kind == npNone || c < 0 {
				break
			}
			content := trimRange(text, ts[0].start, ts[k].start)
			if content.end > content.start {
				return report{who: p, cue: byteRange{tail[c].start, tail[c].end}, content: content}, true
			}
			break
		}
	}
	// speaker first: "Iraqi officials said (that) the strike ..."
	for c := 1; c < end && c < maxReportedCue; c++ {
		t := ts[c]
		if t.punct == ',' && c < 3 {
			continue
		}
		if !t.isWord() || t.capital || !f.lex.report[t.lower] {
			continue
		}
		p := f.subjectBefore(text, ts, c)
		if p.kind == npNone {
			return report{}, false
		}
		k := c + 1
		// "told reporters that", "accused foreign powers of"
		for x := k; x < end && x < k+5; x++ {
			if ts[x].lower == "that" {
				k = x + 1
				break
			}
		}
		if k < end && ts[k].lower == "that" {
			k++
		}
		if k >= end {
			return report{}, false
		}
		content := trimRange(text, ts[k].start, ts[end-1].end)
		if content.end-content.start < 12 {
			return report{}, false
		}
		return report{who: p, cue: byteRange{t.start, t.end}, content: content}, true
	}
	return report{}, false
}

// lastReportCue returns the index of a reporting cue in tail (the words after the last comma
// of a sentence), -1 when none.
func lastReportCue(f *Finder, tail []tok) int {
	for i := len(tail) - 1; i >= 1; i-- {
		if tail[i].isWord() && !tail[i].capital && f.lex.report[tail[i].lower] {
			return i
		}
	}
	return -1
}

// wordsAfter counts the words of ts that start at or after byte offset off.
func wordsAfter(ts []tok, off int) int {
	n := 0
	for _, t := range ts {
		if t.start >= off && t.isWord() {
			n++
		}
	}
	return n
}
