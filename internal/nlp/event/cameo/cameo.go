// Package cameo reads the CAMEO verb pattern dictionary of the PETRARCH coders (synonym sets,
// verb blocks with their forms, and patterns with CAMEO codes) and the CAMEO-to-PLOVER
// conversion table, and turns them into tidings event patterns. It is used by the generator
// in cmd/gen-lexicon, not at run time.
package cameo

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
)

// Verb is one verb of a block: its words (the verb first, then particles: "stir up") and the
// inflected forms the dictionary lists for it.
type Verb struct {
	Words []string
	Forms []string
	// Code is the verb's own code, empty when it takes the block's.
	Code string
	Line int
}

// Rule is one pattern of a block: the words that must follow the verb and the code they give.
// Only patterns whose words all come after the verb and contain no actor slots are kept.
type Rule struct {
	// Alternatives holds the word sequences the pattern stands for, a synonym set expanded.
	Alternatives [][]string
	Code         string
	Line         int
}

// Block is a verb synonym block: verbs that share their patterns.
type Block struct {
	Name  string
	Code  string // the code of the bare verb; "---" or empty when it codes nothing
	Verbs []Verb
	Rules []Rule
	// Skipped counts patterns that this reader cannot express (words before the verb, actor
	// slots, unknown synonym sets).
	Skipped int
}

// Dictionary is a read verb dictionary.
type Dictionary struct {
	Blocks []Block
	Sets   map[string][][]string
}

// maxSet bounds the synonym sets a pattern is expanded with: the long ones (currencies,
// weapons, vehicles) multiply the patterns by the hundred for words news rarely joins to a verb.
const maxSet = 8

// maxWords bounds a pattern's length, as the tidings pattern format does.
const maxWords = 6

// Read reads a CAMEO verb dictionary. It fails on a line it cannot read, naming it.
func Read(r io.Reader) (*Dictionary, error) {
	d := &Dictionary{Sets: map[string][][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		set string // the synonym set being read
		b   *Block
		n   int
	)
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			set = "" // a blank line ends a synonym set; a comment line does not
			continue
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "---"):
			name, code, err := header(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			d.Blocks = append(d.Blocks, Block{Name: name, Code: code})
			b = &d.Blocks[len(d.Blocks)-1]
			set = ""
		case line[0] == '&':
			set = strings.TrimSuffix(line[1:], "_")
			d.Sets[set] = nil
		case set != "" && line[0] == '+':
			w := strings.Fields(strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(line[1:], "_"), "_", " ")))
			if len(w) > 0 {
				d.Sets[set] = append(d.Sets[set], w)
			}
		case line[0] == '~':
			// a transformation between verbs: not expressible as a word pattern
		case b == nil:
			return nil, fmt.Errorf("line %d: %q comes before the first verb block", n, line)
		case strings.HasPrefix(line, "- ") || line == "-":
			rule, ok, err := d.rule(line[1:])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			if !ok {
				b.Skipped++
				continue
			}
			rule.Line = n
			b.Rules = append(b.Rules, rule)
		default:
			v, ok := verb(line)
			if ok {
				v.Line = n
				b.Verbs = append(b.Verbs, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the verb dictionary: %w", err)
	}
	return d, nil
}

// header reads "---  NAME   [CODE]  ---".
func header(line string) (name, code string, err error) {
	s := strings.Trim(line, "- ")
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return "", "", fmt.Errorf("block header %q: unclosed [", line)
		}
		code = codeOf(s[i+1 : i+j])
		s = s[:i]
	}
	return strings.TrimSpace(s), code, nil
}

// codeOf keeps the first code of "160:160" and the like.
func codeOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	return s
}

// verb reads a verb line: "FREEZE {FREEZES FROZE FROZEN} [160]", "+STIR_UP {...}". Verbs whose
// particle comes first ("WIRE_+TAP") are left out: the tidings format starts with the verb.
func verb(line string) (Verb, bool) {
	var v Verb
	if i := strings.IndexByte(line, '['); i >= 0 {
		if j := strings.IndexByte(line[i:], ']'); j > 0 {
			v.Code = codeOf(line[i+1 : i+j])
			line = line[:i] + line[i+j+1:]
		}
	}
	if i := strings.IndexByte(line, '{'); i >= 0 {
		forms := line[i+1:]
		line = line[:i]
		if j := strings.IndexByte(forms, '}'); j >= 0 {
			forms = forms[:j]
		}
		for _, f := range strings.Fields(forms) {
			if strings.HasPrefix(f, "+") && !strings.Contains(f, "_") {
				f = f[1:]
			}
			if strings.ContainsAny(f, "+_") {
				// "+STIRRED_UP": the verb's own form is its first word
				f = strings.TrimPrefix(f, "+")
				f, _, _ = strings.Cut(f, "_")
			}
			if f != "" {
				v.Forms = append(v.Forms, strings.ToLower(f))
			}
		}
	}
	w := strings.TrimSpace(line)
	if w == "" || strings.ContainsAny(w, " \t") {
		return Verb{}, false
	}
	if strings.Contains(w, "_") && !strings.HasPrefix(w, "+") {
		return Verb{}, false // "WIRE_+TAP": the particle before the verb
	}
	w = strings.TrimPrefix(w, "+")
	if strings.ContainsAny(w, "+&$%^(){}") {
		return Verb{}, false
	}
	v.Words = strings.Fields(strings.ToLower(strings.ReplaceAll(w, "_", " ")))
	return v, len(v.Words) > 0
}

// rule reads the part of a pattern line after "-": "* {BANK ACCOUNT} [163]". ok is false
// for patterns this format cannot express.
func (d *Dictionary) rule(s string) (Rule, bool, error) {
	i := strings.LastIndexByte(s, '[')
	j := strings.LastIndexByte(s, ']')
	if i < 0 || j < i {
		return Rule{}, false, fmt.Errorf("pattern %q has no [code]", strings.TrimSpace(s))
	}
	code := codeOf(s[i+1 : j])
	pre, post, ok := strings.Cut(s[:i], "*")
	if !ok || strings.TrimSpace(pre) != "" {
		return Rule{}, false, nil // words before the verb, or no verb position
	}
	if strings.ContainsAny(post, "$+%^") {
		return Rule{}, false, nil // actor slots and compound actors
	}
	post = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(post)
	alts := [][]string{nil}
	for _, w := range strings.Fields(strings.ToLower(post)) {
		if strings.HasPrefix(w, "&") {
			members, known := d.Sets[strings.ToUpper(strings.TrimSuffix(w[1:], "_"))]
			if !known || len(members) == 0 || len(members) > maxSet {
				return Rule{}, false, nil
			}
			var next [][]string
			for _, a := range alts {
				for _, m := range members {
					next = append(next, append(append([]string(nil), a...), m...))
				}
			}
			alts = next
			continue
		}
		w = strings.ReplaceAll(w, "_", " ")
		for k := range alts {
			alts[k] = append(alts[k], strings.Fields(w)...)
		}
	}
	kept := alts[:0]
	for _, a := range alts {
		if len(a) > 0 && len(a) < maxWords {
			kept = append(kept, a)
		}
	}
	if len(kept) == 0 {
		return Rule{}, false, nil
	}
	return Rule{Alternatives: kept, Code: code}, true, nil
}

// Plover is one line of the CAMEO-to-PLOVER table.
type Plover struct {
	Type, Mode string
}

// ReadMapping reads the CAMEO-to-PLOVER conversion table: "041: CONSULT, phone, # ...".
// Codes that map to no PLOVER type are left out.
func ReadMapping(r io.Reader) (map[string]Plover, error) {
	out := map[string]Plover{}
	err := lexfile.Each(r, func(_ int, line string) error {
		line, _, _ = strings.Cut(line, "#")
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil
		}
		f := strings.Split(rest, ",")
		typ := strings.ToUpper(strings.TrimSpace(f[0]))
		if typ == "" {
			return nil
		}
		var mode string
		if len(f) > 1 {
			mode = strings.ToLower(strings.TrimSpace(f[1]))
		}
		out[strings.TrimSpace(code)] = Plover{Type: typ, Mode: mode}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the CAMEO to PLOVER table: %w", err)
	}
	return out, nil
}

// Lookup maps a CAMEO code to PLOVER, falling back to its parent codes ("0234" → "023").
func Lookup(m map[string]Plover, code string) (Plover, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if p, ok := m[c]; ok {
			return p, true
		}
	}
	return Plover{}, false
}
