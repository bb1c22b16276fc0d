package quote

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
)

//go:embed data/words.tsv
var wordsTSV string

// lexicon holds the word lists of data/words.tsv, keyed by lower-case word.
type lexicon struct {
	// cues maps the first word of a cue to its continuations: "" for a one-word cue,
	// "to" for "according to".
	cues     map[string][]string
	title    map[string]bool
	abbrev   map[string]bool
	pronoun  map[string]bool
	skip     map[string]bool
	stop     map[string]bool
	opener   map[string]bool
	medium   map[string]bool
	org      map[string]bool
	role     map[string]bool
	report   map[string]bool
	work     map[string]bool // one-word entries
	workPair map[string]bool // two-word entries, "the movie"
}

// parseLexicon reads the word lists; the format is described at the top of data/words.tsv.
func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		cues: map[string][]string{}, title: map[string]bool{}, abbrev: map[string]bool{},
		pronoun: map[string]bool{}, skip: map[string]bool{}, stop: map[string]bool{},
		opener: map[string]bool{}, medium: map[string]bool{}, org: map[string]bool{}, role: map[string]bool{}, report: map[string]bool{}, work: map[string]bool{},
		workPair: map[string]bool{},
	}
	err := lexfile.EachString(src, func(n int, line string) error {
		line = strings.TrimSpace(line)
		class, words, ok := strings.Cut(line, "\t")
		words = strings.ToLower(strings.TrimSpace(words))
		if !ok || words == "" {
			return fmt.Errorf("word list line %d: want CLASS<TAB>WORDS, got %q", n, line)
		}
		fields := strings.Fields(words)
		switch class {
		case "cue":
			if len(fields) > 2 {
				return fmt.Errorf("word list line %d: a cue has at most two words: %q", n, words)
			}
			next := ""
			if len(fields) == 2 {
				next = fields[1]
			}
			lx.cues[fields[0]] = append(lx.cues[fields[0]], next)
		case "work":
			switch len(fields) {
			case 1:
				lx.work[words] = true
			case 2:
				lx.workPair[fields[0]+" "+fields[1]] = true
			default:
				return fmt.Errorf("word list line %d: a work word has at most two words: %q", n, words)
			}
		case "title", "abbrev", "pronoun", "skip", "stop", "opener", "medium", "org", "role", "report":
			if len(fields) != 1 {
				return fmt.Errorf("word list line %d: class %s takes one word: %q", n, class, words)
			}
			map[string]map[string]bool{
				"title": lx.title, "abbrev": lx.abbrev, "pronoun": lx.pronoun, "skip": lx.skip,
				"stop": lx.stop, "opener": lx.opener, "medium": lx.medium, "org": lx.org, "role": lx.role, "report": lx.report,
			}[class][words] = true
		default:
			return fmt.Errorf("word list line %d: unknown class %q", n, class)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(lx.cues) == 0 {
		return nil, fmt.Errorf("word list has no cues")
	}
	return lx, nil
}
