package syntax

import (
	"bufio"
	"fmt"
	"github.com/tidings-news/tidings/internal/model"
	"io"
	"strconv"
	"strings"
)

// maxCoNLLULine bounds one line of CoNLL-U input.
const maxCoNLLULine = 1 << 20

// ReadCoNLLU reads CoNLL-U sentences. Multiword token lines (1-2) and empty nodes (1.1) are
// skipped: the syntactic words are what the tagger and parser see. A missing head ("_")
// reads as -1.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxCoNLLULine)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") {
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("CoNLL-U line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Tokens)+1 {
			return nil, fmt.Errorf("CoNLL-U line %d: token id %q out of order", line, cols[0])
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, fmt.Errorf("CoNLL-U line %d: bad head %q", line, cols[6])
			}
			head = h - 1
		}
		cur.Tokens = append(cur.Tokens, model.Token{
			Form: cols[1], Lemma: under(cols[2]), UPOS: under(cols[3]), XPOS: under(cols[4]),
			Feats: under(cols[5]), Head: head, Rel: under(cols[7]),
		})
		cur.Misc = append(cur.Misc, under(cols[9]))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL-U: %w", err)
	}
	flush()
	for _, s := range out {
		for i, t := range s.Tokens {
			if t.Head >= len(s.Tokens) {
				return nil, fmt.Errorf("CoNLL-U sentence %q: token %d has head %d past the sentence", s.ID, i+1, t.Head+1)
			}
		}
	}
	return out, nil
}

func under(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// WriteCoNLLU writes sentences as CoNLL-U (DEPS is left "_").
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		for i, t := range s.Tokens {
			head := "_"
			if t.Head >= 0 {
				head = strconv.Itoa(t.Head + 1)
			} else if t.Rel != "" {
				head = "0"
			}
			misc := ""
			if i < len(s.Misc) {
				misc = s.Misc[i]
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i+1, t.Form, dash(t.Lemma),
				dash(t.UPOS), dash(t.XPOS), dash(t.Feats), head, dash(t.Rel), dash(misc))
		}
		bw.WriteString("\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing CoNLL-U: %w", err)
	}
	return nil
}
