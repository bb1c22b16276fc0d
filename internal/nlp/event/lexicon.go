package event

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tidings-news/tidings/internal/lexfile"
)

//go:embed data/*.tsv
var dataFS embed.FS

// The 16 PLOVER event types.
var ploverTypes = [...]string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// IsType reports whether t is one of the 16 PLOVER event types.
func IsType(t string) bool {
	for _, x := range ploverTypes {
		if x == t {
			return true
		}
	}
	return false
}

// Kinds of pattern.
const (
	KindVerb      = 'v'
	KindNoun      = 'n'
	KindJudgement = 'a'
)

// Pattern is one line of a pattern file: the words that signal an event and where its
// arguments are.
type Pattern struct {
	Kind  byte
	Words []string
	Type  string
	Mode  string
	// Obj: the recipient may be the direct object.
	Obj bool
	// Preps lists the prepositions whose object may be the recipient.
	Preps []string
	// PossTarget: a possessive or premodifier names the recipient rather than the actor.
	PossTarget bool
	// Optional: the event stands without a recipient.
	Optional bool
	// Loc: the actor may be the country where the event happens.
	Loc bool
	// Solo: actors named together did it side by side, not to each other ("Russia and Iran
	// proposed a summit"), so a joint subject makes no mutual event.
	Solo bool
	// Mutual: actors named together did it to each other ("Russia and Ukraine exchanged
	// prisoners"), whatever the type: a joint subject of several countries makes one event each.
	Mutual bool
	// FromSource: in a passive with no "by" agent, the object of "from" right after the verb
	// is the actor ("was expelled from the party").
	FromSource bool
	// Inverse: the verb's object is the actor and its subject the recipient ("Trump hosted
	// Erdogan": the visitor is the actor of the visit).
	Inverse bool
	// Slot is the position in Words of "*", an object standing between the verb and its
	// particle ("took * into custody", "called * off"), or 0 for none. The trigger is then
	// the words before the slot, so that the object is the verb's direct object.
	Slot int
	// Line is the line of the pattern file, for messages.
	Line int
	// Imported: the pattern comes from the imported CAMEO lexicon (data/cameo.tsv), not
	// from the hand-written patterns.tsv.
	Imported bool
}

func (p *Pattern) allows(prep string) bool {
	for _, x := range p.Preps {
		if x == prep {
			return true
		}
	}
	return false
}

// ParsePatterns reads a pattern file (the format is described in data/patterns.tsv and
// NoEvent as a pattern's type marks words that contain a trigger but are no event ("a request
// for comment", "a press briefing"): being longer, they win over the trigger's own pattern.
const NoEvent = "-"

// docs/events.md). It fails on the first line it cannot read, naming the line.
func ParsePatterns(r io.Reader) ([]Pattern, error) {
	var out []Pattern
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: want 5 tab-separated columns (kind, words, type, mode, roles), got %d", n, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		p := Pattern{Line: n}
		switch f[0] {
		case "v":
			p.Kind = KindVerb
		case "n":
			p.Kind = KindNoun
		case "a":
			p.Kind = KindJudgement
		default:
			return nil, fmt.Errorf("line %d: kind %q: want v, n or a", n, f[0])
		}
		p.Words = strings.Fields(strings.ToLower(f[1]))
		if len(p.Words) == 0 || len(p.Words) > 6 {
			return nil, fmt.Errorf("line %d: want 1 to 6 words, got %d", n, len(p.Words))
		}
		if !IsType(f[2]) && f[2] != NoEvent {
			return nil, fmt.Errorf("line %d: %q is not a PLOVER event type (or %s for words that are no trigger)", n, f[2], NoEvent)
		}
		p.Slot = slices.Index(p.Words, "*")
		if p.Slot == 0 || p.Slot == len(p.Words)-1 || p.Slot > 0 && slices.Index(p.Words[p.Slot+1:], "*") >= 0 {
			return nil, fmt.Errorf("line %d: \"*\" must stand once between the first and the last word", n)
		}
		p.Slot = max(p.Slot, 0)
		p.Type = f[2]
		if f[3] != "-" && f[3] != "" {
			p.Mode = f[3]
		}
		for _, role := range strings.Fields(f[4]) {
			switch {
			case role == "-":
			case role == "obj":
				p.Obj = true
			case role == "opt":
				p.Optional = true
			case role == "loc":
				p.Loc = true
			case role == "solo":
				p.Solo = true
			case role == "mutual":
				p.Mutual = true
			case role == "from=src":
				p.FromSource = true
			case role == "inv":
				p.Inverse = true
			case role == "poss=tgt":
				p.PossTarget = true
			case role == "poss=src":
				p.PossTarget = false
			case strings.HasPrefix(role, "pp="):
				for _, x := range strings.Split(role[3:], ",") {
					if x = strings.ToLower(strings.TrimSpace(x)); x != "" {
						p.Preps = append(p.Preps, x)
					}
				}
			default:
				return nil, fmt.Errorf("line %d: unknown role %q (want obj, pp=..., poss=tgt, opt, loc)", n, role)
			}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading patterns: %w", err)
	}
	return out, nil
}

// MergePatterns adds imported patterns to hand-written ones, which win: an imported pattern
// is left out when a hand-written one has the same words, and an imported single word when
// hand-written patterns start with it (their roles and senses were chosen for that word).
func MergePatterns(hand, imported []Pattern) []Pattern {
	words := make(map[string]bool, len(hand))
	first := make(map[string]bool, len(hand))
	for _, p := range hand {
		words[strings.Join(p.Words, " ")] = true
		first[p.Words[0]] = true
	}
	out := slices.Clip(hand)
	for _, p := range imported {
		if words[strings.Join(p.Words, " ")] || (len(p.Words) == 1 && first[p.Words[0]]) {
			continue
		}
		p.Imported = true
		out = append(out, p)
	}
	return out
}

// parseSets reads a cue file: SET <TAB> words..., several lines per set allowed.
func parseSets(r io.Reader) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{}
	err := lexfile.Each(r, func(n int, line string) error {
		name, words, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("line %d: want SET<TAB>words", n)
		}
		set := out[name]
		if set == nil {
			set = map[string]bool{}
			out[name] = set
		}
		for _, w := range strings.Fields(words) {
			set[strings.ToLower(w)] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading cues: %w", err)
	}
	return out, nil
}

// parsePairs reads FORM <TAB> VALUE lines.
func parsePairs(r io.Reader) (map[string]string, error) {
	out := map[string]string{}
	err := lexfile.Each(r, func(n int, line string) error {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			return fmt.Errorf("line %d: want FORM<TAB>LEMMA", n)
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading irregular forms: %w", err)
	}
	return out, nil
}

// parseScores reads TYPE <TAB> mode <TAB> score lines into a "TYPE/mode" map.
func parseScores(r io.Reader) (map[string]float64, error) {
	out := map[string]float64{}
	err := lexfile.Each(r, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("line %d: want TYPE<TAB>mode<TAB>score", n)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
		if err != nil {
			return fmt.Errorf("line %d: score: %w", n, err)
		}
		out[f[0]+"/"+strings.ToLower(strings.TrimSpace(f[1]))] = v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading scores: %w", err)
	}
	return out, nil
}

func openData(name string) (io.ReadCloser, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("opening embedded %s: %w", name, err)
	}
	return f, nil
}

// triggerAt reports whether a hand-written pattern can start at token j: a one-word pattern
// of its lemma, or a longer one whose further words follow. A word that only opens longer
// patterns ("naval" of "naval exercise") is a trigger only where one of them matches, so
// elsewhere it does not end the search for a noun's actor ("India's naval cooperation").
func (s *sentence) triggerAt(j int) bool {
	for _, pi := range s.c.index[s.toks[j].lemma] {
		p := &s.c.patterns[pi]
		if len(p.Words) == 1 {
			return true
		}
		if _, ok := s.matchWords(p, j, false); ok {
			return true
		}
	}
	return false
}

// yieldsToHand reports whether the imported match m leaves its words to the hand-written
// patterns: one starts inside it and reaches past its end, or one ends inside it after a
// light verb ("held a summit", "slapped sanctions on"), which hands the noun its actor while
// the noun's own pattern keeps its mode and roles. After any other verb the hand-written noun
// is the imported pattern's object ("reached a cooperation agreement", "rejected the
// proposal") and the imported pattern codes the whole.
func (s *sentence) yieldsToHand(m match) bool {
	light := s.c.light[s.toks[m.start].lemma] || s.c.light[s.toks[m.start].low]
	for j := m.start + 1; j < m.end; j++ {
		if h := s.bestAt(j, s.c.index, false); h.p != nil && (h.end > m.end || light) {
			return true
		}
	}
	return false
}

// participleModifier reports whether the past form at i modifies the noun after it, being
// preceded by an article or a preposition other than "to" ("a proposal for increased
// cooperation", "the expanded sanctions"): it is no verb of its own.
func (s *sentence) participleModifier(i int) bool {
	if i == 0 || !s.c.lem.isPastForm(s.toks[i].low) || strings.HasSuffix(s.toks[i].low, "ing") {
		return false
	}
	prev := s.toks[i-1].low
	return prev == "the" || prev == "a" || prev == "an" || prev != "to" && s.c.prep[prev]
}

// wordMention reports whether token j is an actor mention of that one word written in lower
// case ("troops", "military", "police"): a common noun, which may also be a word of a
// pattern ("sent troops to", "held military drills").
func (s *sentence) wordMention(j int) bool {
	t := &s.toks[j]
	if t.mention < 0 {
		return false
	}
	m := &s.ments[t.mention]
	return m.Start == t.start && m.End == t.end && !s.capitalised(j)
}

// mentionOpens returns the longest hand-written pattern of several words that starts at the
// word mention at i ("military drills", "troop buildup"); the word alone names the actor.
func (s *sentence) mentionOpens(i int) (match, bool) {
	if !s.wordMention(i) {
		return match{}, false
	}
	m := s.bestAt(i, s.c.index, false)
	return m, m.p != nil && m.end-m.start > 1
}

// maxSlot bounds the object a pattern's "*" stands for, in tokens.
const maxSlot = 6

// slotMatch matches a pattern with an object slot at token i: the words before "*", then an
// object of one to maxSlot tokens (an actor or a plain noun phrase, no clause boundary,
// preposition or punctuation), then the words after it. The match ends after the words
// before the slot: the object and the particle stay outside the trigger.
func (s *sentence) slotMatch(p *Pattern, i int, wide bool) (int, bool) {
	end, ok := s.matchWords(&Pattern{Words: p.Words[:p.Slot]}, i, wide)
	if !ok {
		return 0, false
	}
	rest := &Pattern{Words: p.Words[p.Slot:]} // "*" stands in for the object's last token
	for k := end; k < len(s.toks) && k < end+maxSlot; k++ {
		t := &s.toks[k]
		if t.mention < 0 && (!isLetterStart(t.low) || s.c.prep[t.low] || s.c.boundary[t.low] || s.c.be[t.low] || s.c.aux[t.low]) {
			return 0, false
		}
		if _, ok := s.matchWords(rest, k, wide); ok {
			return end, true
		}
	}
	return 0, false
}
