package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// A record is one actor of a Phoenix (TABARI/PETRARCH) .actors file: its primary phrase, the
// synonyms that follow it on "+" lines, and the codes it takes, each possibly restricted to a
// range of dates.
type record struct {
	phrase   string
	synonyms []string
	codes    []code
	comment  string // the comment on the primary line ("CountryInfo.txt", ...)
	line     int    // line of the primary phrase, from 1
}

// A code is one "[CODE]" or "[CODE date-range]" of a record. From and to are ISO dates; an
// empty from or to is an open end.
type code struct {
	value    string
	from, to string
}

// maxLineBytes bounds one line of a dictionary.
const maxLineBytes = 1 << 20

// parseActors reads a Phoenix .actors file. Consecutive primary phrases with no code of their
// own share the codes that follow them, as in the dictionaries' own use ("AMERICAN_VICE_PRESIDENT"
// and "AMERICAN_VICE-PRESIDENT" above one "[USAGOV]").
//
// Codes that cannot be read are left out and reported in bad, one line each.
func parseActors(r io.Reader) (recs []record, bad []string, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineBytes)
	var (
		out     []record
		pending []int // indexes in out of the records that take the next codes
		closed  bool  // the pending records have codes
		n       int
	)
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), "\r")
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		body, comment := splitComment(raw)
		phrase, codes, cerr := splitCodes(body)
		if cerr != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", n, cerr))
		}
		switch {
		case raw[0] == '\t' || raw[0] == ' ':
			// A date restriction (or a code on a line of its own) for the pending records.
			if len(pending) == 0 {
				continue
			}
			for _, i := range pending {
				out[i].codes = append(out[i].codes, codes...)
			}
			if len(codes) > 0 {
				closed = true
			}
		case raw[0] == '+':
			if len(pending) == 0 {
				continue
			}
			// A few lines join two synonyms with "+": "+A_+_B_".
			for _, s := range strings.Split(phrase, "+") {
				if s = cleanPhrase(s); s != "" {
					i := pending[len(pending)-1]
					out[i].synonyms = append(out[i].synonyms, s)
				}
			}
			for _, i := range pending {
				out[i].codes = append(out[i].codes, codes...)
			}
			if len(codes) > 0 {
				closed = true
			}
		default:
			if closed {
				pending = pending[:0]
				closed = false
			}
			p := cleanPhrase(phrase)
			if p == "" {
				continue
			}
			out = append(out, record{phrase: p, comment: strings.TrimSpace(comment), line: n})
			pending = append(pending, len(out)-1)
			if len(codes) > 0 {
				for _, i := range pending {
					out[i].codes = append(out[i].codes, codes...)
				}
				closed = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return out, bad, nil
}

// splitComment cuts a line at its first "#" (or the ";" some entries use before a source).
func splitComment(s string) (body, comment string) {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		return s[:i], strings.Trim(s[i+1:], " \t#")
	}
	return s, ""
}

// splitCodes separates the phrase of a line from its bracketed codes.
func splitCodes(s string) (phrase string, codes []code, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, nil
	}
	phrase, rest := s[:i], s[i:]
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] != '[' {
			return phrase, codes, fmt.Errorf("text %q after a code", rest)
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return phrase, codes, fmt.Errorf("a code %q without its closing bracket", rest)
		}
		c, cerr := parseCode(rest[1:j])
		if cerr != nil {
			// A mistyped date ("9008223") loses its code, not the whole record.
			err = cerr
		} else if c.value != "" {
			codes = append(codes, c)
		}
		rest = rest[j+1:]
	}
	return phrase, codes, err
}

// parseCode reads "CODE", "CODE a-b", "CODE <a" or "CODE >a". "---" is no code.
func parseCode(s string) (code, error) {
	f := strings.Fields(s)
	if len(f) == 0 || strings.Trim(f[0], "-") == "" {
		return code{}, nil
	}
	c := code{value: strings.ToUpper(f[0])}
	if len(f) == 1 {
		return c, nil
	}
	r := strings.Join(f[1:], "")
	var err error
	switch {
	case strings.HasPrefix(r, "<"):
		c.to, err = parseDate(r[1:])
	case strings.HasPrefix(r, ">"):
		c.from, err = parseDate(r[1:])
	default:
		a, b, ok := strings.Cut(r, "-")
		if !ok {
			return code{}, fmt.Errorf("date range %q is not FROM-TO, <TO or >FROM", r)
		}
		if c.from, err = parseDate(a); err == nil {
			c.to, err = parseDate(b)
		}
	}
	if err != nil {
		return code{}, fmt.Errorf("code %q: %w", s, err)
	}
	return c, nil
}

// dataYear is the last year the dictionaries cover (CountryInfo.140130): a two-digit year
// after it belongs to the 1900s.
const dataYear = 14

// parseDate reads YYYYMMDD or YYMMDD into YYYY-MM-DD.
func parseDate(s string) (string, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
		}
	}
	switch len(s) {
	case 6:
		century := "20"
		if s[0] > '1' || (s[0] == '1' && s[1]-'0' > dataYear%10) {
			century = "19"
		}
		s = century + s
	case 8:
	default:
		return "", fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
	}
	if s[4:6] < "01" || s[4:6] > "12" || s[6:8] < "01" || s[6:8] > "31" {
		return "", fmt.Errorf("date %q has no such month or day", s)
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:8], nil
}

// cleanPhrase turns a dictionary phrase ("VLADIMIR_PUTIN_") into words ("VLADIMIR PUTIN").
func cleanPhrase(s string) string {
	s = strings.NewReplacer("_", " ", "\t", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// An agent is one line of Phoenix.agents.txt: a common noun phrase and the agent code it adds
// to the actor it names ("FOREIGN_MINISTER [~GOVFRM]").
type agent struct {
	phrase, plural, code string
	line                 int
}

// parseAgents reads a Phoenix agents file. Substitution sets ("!PERSON! = MAN, ...") are
// expanded in place.
func parseAgents(r io.Reader) ([]agent, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineBytes)
	sets := map[string][]string{}
	var out []agent
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, vals, ok := strings.Cut(line, "="); ok && strings.HasPrefix(name, "!") {
			var vs []string
			for _, v := range strings.Split(vals, ",") {
				if v = strings.TrimSpace(v); v != "" {
					vs = append(vs, v)
				}
			}
			sets[strings.TrimSpace(name)] = vs
			continue
		}
		body, _ := splitComment(line)
		i := strings.IndexByte(body, '[')
		if i < 0 {
			continue
		}
		j := strings.IndexAny(body[i:], "]}")
		if j < 0 {
			return nil, fmt.Errorf("line %d: a code without its closing bracket", n)
		}
		c := strings.Trim(strings.TrimSpace(body[i+1:i+j]), "~")
		head := body[:i]
		plural := ""
		if k := strings.IndexByte(head, '{'); k >= 0 {
			if e := strings.IndexByte(head[k:], '}'); e >= 0 {
				plural = cleanPhrase(head[k+1 : k+e])
				head = head[:k] + head[k+e+1:]
			}
		}
		for _, p := range expand(cleanPhrase(head), sets) {
			if p != "" && c != "" {
				out = append(out, agent{phrase: p, plural: plural, code: strings.ToUpper(c), line: n})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// expand replaces the first substitution set named in p by each of its values, recursively.
func expand(p string, sets map[string][]string) []string {
	i := strings.IndexByte(p, '!')
	if i < 0 {
		return []string{p}
	}
	j := strings.IndexByte(p[i+1:], '!')
	if j < 0 {
		return []string{p}
	}
	name := p[i : i+j+2]
	vals, ok := sets[name]
	if !ok {
		return nil
	}
	var out []string
	for _, v := range vals {
		out = append(out, expand(p[:i]+v+p[i+j+2:], sets)...)
	}
	return out
}
