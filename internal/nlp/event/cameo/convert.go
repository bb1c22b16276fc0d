package cameo

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Row is one generated tidings pattern.
type Row struct {
	Words            []string
	Type, Mode       string
	Roles            string
	Code, Block, Via string // provenance: the CAMEO code, its verb block, the verb it came under
}

// Review holds the decisions of a reviewer on what is imported.
type Review struct {
	// Words drops patterns whose words are these ("consider", "fire").
	Words map[string]string
	// Codes drops CAMEO codes and every code under them ("01": public statements).
	Codes map[string]string
	// Types drops PLOVER types altogether.
	Types map[string]string
	// Keep lists the verbs imported on their own; a verb not in it comes in only through
	// the longer patterns that name what follows it.
	Keep map[string]bool
}

// ReadReview reads review decisions: "words<TAB>WORDS<TAB>reason", "code<TAB>CODE<TAB>reason"
// or "type<TAB>TYPE<TAB>reason".
func ReadReview(r io.Reader) (*Review, error) {
	rv := &Review{Words: map[string]string{}, Codes: map[string]string{}, Types: map[string]string{}, Keep: map[string]bool{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || strings.TrimSpace(f[2]) == "" {
			return nil, fmt.Errorf("line %d: want KIND<TAB>VALUE<TAB>reason", n)
		}
		v, why := strings.ToLower(strings.Join(strings.Fields(f[1]), " ")), strings.TrimSpace(f[2])
		switch strings.TrimSpace(f[0]) {
		case "words":
			rv.Words[v] = why
		case "code":
			rv.Codes[v] = why
		case "keep":
			for _, w := range strings.Fields(v) {
				rv.Keep[w] = true
			}
		case "type":
			rv.Types[strings.ToUpper(v)] = why
		default:
			return nil, fmt.Errorf("line %d: %q: want words, code, type or keep", n, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the review: %w", err)
	}
	return rv, nil
}

func (rv *Review) dropsCode(code string) bool {
	for c := code; c != ""; c = c[:len(c)-1] {
		if _, ok := rv.Codes[c]; ok {
			return true
		}
	}
	return false
}

// ReadModes reads the modes of a tidings scores file (TYPE<TAB>mode<TAB>score) as a map
// from "TYPE/mode" in lower case to the mode as written there.
func ReadModes(r io.Reader) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.TrimSpace(f[1]) == "" {
			continue
		}
		m := strings.TrimSpace(f[1])
		out[strings.ToUpper(f[0])+"/"+strings.ToLower(m)] = m
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the scores: %w", err)
	}
	return out, nil
}

// Options steer Convert.
type Options struct {
	Review *Review
	// Modes are the modes tidings scores ("CONSULT/phone" → "Phone"); other modes are dropped.
	Modes map[string]string
}

// Stats counts what Convert left out.
type Stats struct {
	Reviewed, Unmapped, Skipped int
}

// roles are the argument roles an imported verb of each type gets: where its recipient may
// be. Imported verbs never stand without a recipient, which keeps their false events down.
var roles = map[string]string{
	"AGREE":     "pp=with,to",
	"CONSULT":   "obj pp=with",
	"SUPPORT":   "obj pp=for",
	"CONCEDE":   "pp=to",
	"COOPERATE": "pp=with",
	"AID":       "obj pp=to",
	"RETREAT":   "pp=from",
	"REQUEST":   "obj pp=from",
	"ACCUSE":    "obj pp=against",
	"REJECT":    "obj",
	"THREATEN":  "obj pp=against",
	"PROTEST":   "pp=against",
	"SANCTION":  "obj pp=against,on",
	"MOBILIZE":  "pp=against",
	"COERCE":    "obj",
	"ASSAULT":   "obj pp=on,against,at",
}

// Convert turns a dictionary into pattern rows: each verb with a code of its own or of its
// block, and each pattern of a block under each of its verbs. Words that map to no PLOVER type,
// or that review drops, are left out; the first reading of a word sequence wins.
func Convert(d *Dictionary, table map[string]Plover, o Options) ([]Row, Stats) {
	var (
		rows  []Row
		st    Stats
		taken = map[string]bool{}
	)
	add := func(words []string, code string, b *Block, via string) {
		key := strings.Join(words, " ")
		if taken[key] {
			return
		}
		if o.Review != nil {
			_, dropped := o.Review.Words[key]
			if dropped || o.Review.dropsCode(code) || (len(words) == 1 && code != "---" && !o.Review.Keep[key]) {
				st.Reviewed++
				return
			}
		}
		row := Row{Words: words, Code: code, Block: b.Name, Via: via}
		if code == "---" || code == "" {
			row.Type = "-"
		} else {
			p, ok := Lookup(table, code)
			if !ok || roles[p.Type] == "" {
				st.Unmapped++
				return
			}
			if o.Review != nil {
				if _, ok := o.Review.Types[p.Type]; ok {
					st.Reviewed++
					return
				}
			}
			row.Type, row.Roles = p.Type, roles[p.Type]
			if m, ok := o.Modes[p.Type+"/"+p.Mode]; ok {
				row.Mode = m
			}
		}
		taken[key] = true
		rows = append(rows, row)
	}
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		st.Skipped += b.Skipped
		eventful := b.Code != "" && b.Code != "---"
		for _, r := range b.Rules {
			eventful = eventful || r.Code != "---"
		}
		if !eventful {
			continue // a block that codes nothing needs no patterns that stop it
		}
		for _, v := range b.Verbs {
			code := v.Code
			if code == "" {
				code = b.Code
			}
			if code != "" && code != "---" {
				add(v.Words, code, b, "")
			}
		}
		for _, r := range b.Rules {
			for _, v := range b.Verbs {
				if len(v.Words) > 1 {
					continue // "take shape", "set off": a phrasal verb is no head for the block's objects
				}
				for _, alt := range r.Alternatives {
					words := append(append([]string(nil), v.Words...), alt...)
					if len(words) <= maxWords {
						add(words, r.Code, b, v.Words[0])
					}
				}
			}
		}
	}
	// A word sequence that stops an event only matters where the same verb also has an
	// eventful reading.
	eventVerb := map[string]bool{}
	for _, r := range rows {
		if r.Type != "-" {
			eventVerb[r.Words[0]] = true
		}
	}
	rows = slices.DeleteFunc(rows, func(r Row) bool { return r.Type == "-" && !eventVerb[r.Words[0]] })
	return rows, st
}

// Forms returns the inflected forms the dictionary lists, form → verb, for forms that differ
// from the verb.
func Forms(d *Dictionary) map[string]string {
	out := map[string]string{}
	for _, b := range d.Blocks {
		for _, v := range b.Verbs {
			for _, f := range v.Forms {
				if f != v.Words[0] {
					if _, ok := out[f]; !ok {
						out[f] = v.Words[0]
					}
				}
			}
		}
	}
	return out
}

// Write writes rows in the tidings pattern format, each with its provenance as a comment.
func Write(w io.Writer, rows []Row) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, fileHeader)
	for _, r := range rows {
		mode, roles := r.Mode, r.Roles
		if mode == "" {
			mode = "-"
		}
		if roles == "" {
			roles = "-"
		}
		prov := "CAMEO " + r.Code + " " + r.Block
		if r.Via != "" && r.Via != strings.ToLower(r.Block) {
			prov += " (" + r.Via + ")"
		}
		fmt.Fprintf(bw, "v\t%s\t%s\t%s\t%s  # %s\n", strings.Join(r.Words, " "), r.Type, mode, roles, prov)
	}
	return bw.Flush()
}

const fileHeader = `# Verb patterns imported from the CAMEO 2.0 verb dictionary of PETRARCH2 (CAMEO.2.0.txt,
# Open Event Data Alliance, MIT licence), mapped to PLOVER types and modes with the
# CAMEO-to-PLOVER table of the PLOVER manual v0.8 (2021). Generated by cmd/gen-lexicon; do
# not edit: change cmd/gen-lexicon/review.tsv and run the generator again (docs/events.md).
# Patterns in patterns.tsv win over these. Each line ends with its CAMEO code and verb block.
#
# KIND	WORDS	TYPE	MODE	ROLES  # provenance
`
