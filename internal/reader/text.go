package reader

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tidings-news/tidings/internal/model"
)

// A plain-text article is read as:
//
//	Title line                                  (when it looks like a headline)
//	16 Jan, 2026 19:54 / Updated 10 hours ago   (header lines: datelines, bylines, in any order)
//	By Jane Doe
//	A standfirst line                            (a short line in the header)
//
//	MOSCOW (Reuters) - Body paragraphs...        (a wire dateline opening the body is taken off)
//
// Every header part is optional; a text that is only paragraphs is all body.

// maxHeaderLines bounds how far down the header is looked for.
const maxHeaderLines = 8

// wireDateline matches the place, date and agency that open wire copy: "MOSCOW (Reuters) -",
// "BAGHDAD, March 5 -", "WASHINGTON —", "NAIROBI, Kenya (AP) _".
var wireDateline = regexp.MustCompile(`^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})` +
	`((?:, ?(?:[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+){0,2}|[A-Z]{2,}))?` +
	`(?:, ?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?)` +
	` ?(\([A-Za-z][A-Za-z .&/-]{0,30}\))? ?(?:-{1,2}|—|–|_)\s+`)

var bylineRE = regexp.MustCompile(`^(?i:by)\s+([\p{Lu}][\p{L}.'\-]+(?:\s+(?:[\p{Lu}][\p{L}.'\-]*|and|&|de|van|von|al-\p{L}+|bin|el|la|le|da|di)){0,8}(?:\s*,\s*[\p{L} .&]{2,40})?)$`)

func readText(s string, opts Options) (*model.Document, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	now := opts.now()
	nowZone := opts.NowHasZone || opts.Now.IsZero()
	lines := strings.Split(s, "\n")
	doc := &model.Document{}

	i := nextNonBlank(lines, 0)
	if i < len(lines) && isTitle(lines, i) {
		doc.Title = cleanLine(lines[i])
		i++
	}
	header := false
	seen := 0
	for i < len(lines) && seen < maxHeaderLines {
		line := cleanLine(lines[i])
		if line == "" {
			i++
			continue
		}
		seen++
		if m := bylineRE.FindStringSubmatch(line); m != nil && doc.Byline == "" && utf8.RuneCountInString(line) < 120 {
			doc.Byline = strings.TrimSpace(m[1])
			header = true
			i++
			continue
		}
		if readDateLine(doc, line, now, nowZone) {
			doc.Header = joinLines(doc.Header, line)
			header = true
			i++
			continue
		}
		if doc.Standfirst == "" && isStandfirst(lines, i, header && i > 0 && cleanLine(lines[i-1]) != "") {
			doc.Standfirst = line
			header = true
			i++
			continue
		}
		break
	}
	body := lines[i:]
	if !header && doc.Title == "" {
		body = lines
	}
	text := joinBody(body)
	if m := wireDateline.FindStringSubmatchIndex(text); m != nil && !isOrdinaryStart(text[m[2]:m[3]]) {
		datePart := text[m[4]:m[5]]
		if doc.Published == "" {
			if st, ok := ParseStamp(datePart, now, nowZone); ok && datePart != "" {
				doc.Published, doc.PublishedSource = st.String(), "text:dateline"
			}
		}
		doc.Dateline = strings.TrimSpace(text[:m[1]])
		text = text[m[1]:]
	}
	doc.Text = text
	return doc, nil
}

// isOrdinaryStart rejects all-capital words that open ordinary sentences ("I", "A", "THE").
func isOrdinaryStart(place string) bool {
	p := strings.Fields(place)
	return len(p) == 0 || len(p[0]) < 3 && p[0] != "UN"
}

// joinLines adds line to the lines of text.
func joinLines(text, line string) string {
	if text == "" {
		return line
	}
	return text + "\n" + line
}

func cleanLine(s string) string {
	return strings.TrimFunc(s, unicode.IsSpace)
}

func nextNonBlank(lines []string, i int) int {
	for i < len(lines) && cleanLine(lines[i]) == "" {
		i++
	}
	return i
}

// isTitle says whether line i is a headline rather than the first paragraph: short, one
// sentence, and either unpunctuated at its end or set in title case; and something follows it.
func isTitle(lines []string, i int) bool {
	line := cleanLine(lines[i])
	n := utf8.RuneCountInString(line)
	if n == 0 || n > 220 || nextNonBlank(lines, i+1) >= len(lines) || wireDateline.MatchString(line+" ") {
		return false
	}
	if sentenceEnds(line) > 1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"'”’)"))
	if last != '.' && last != '!' && last != '?' && last != ',' && last != ';' && last != ':' {
		return true
	}
	// a question headline on a short line of its own: "Can the US pry Russia away from China?"
	if (last == '?' || last == '!') && n <= 100 && i+1 < len(lines) && cleanLine(lines[i+1]) == "" {
		return true
	}
	return titleCase(line)
}

// sentenceEnds counts ". X" style sentence ends inside a line.
func sentenceEnds(line string) int {
	n := 0
	for j := 0; j+2 < len(line); j++ {
		if (line[j] == '.' || line[j] == '?' || line[j] == '!') && line[j+1] == ' ' && unicode.IsUpper(rune(line[j+2])) {
			if j >= 2 && line[j-2] == ' ' || j >= 2 && line[j-2] == '.' { // initials, U.S.
				continue
			}
			n++
		}
	}
	return n + 1
}

// titleCase is true when most words of four letters or more start with a capital.
func titleCase(line string) bool {
	words, caps := 0, 0
	for _, w := range strings.Fields(line) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		words++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*4 >= words*3
}

// isStandfirst says whether line i is a standfirst: a short paragraph with body text after it,
// set right under a header line (afterHeader) or right above one.
func isStandfirst(lines []string, i int, afterHeader bool) bool {
	line := cleanLine(lines[i])
	n := utf8.RuneCountInString(line)
	if n < 20 || n > 400 || sentenceEnds(line) > 2 {
		return false
	}
	j := nextNonBlank(lines, i+1)
	if j >= len(lines) {
		return false
	}
	if afterHeader {
		return true
	}
	if j != i+1 {
		return false
	}
	next := cleanLine(lines[j])
	return bylineRE.MatchString(next) || isDateLine(next)
}

func isDateLine(line string) bool {
	var d model.Document
	return readDateLine(&d, line, time.Now(), true)
}

// readDateLine reads a header line of stamps: "16 Jan, 2026 19:54 / Updated 10 hours ago",
// "Published March 14, 2025 8:30 PM", "Updated: ...". It fills what it finds and reports
// whether the whole line was stamps.
func readDateLine(doc *model.Document, line string, now time.Time, nowZone bool) bool {
	if utf8.RuneCountInString(line) > 160 {
		return false
	}
	parts := splitStamps(line)
	type found struct {
		updated bool
		st      Stamp
	}
	var fs []found
	for _, p := range parts {
		low := strings.ToLower(strings.TrimSpace(p))
		if low == "" {
			continue
		}
		updated := strings.HasPrefix(low, "updated") || strings.HasPrefix(low, "last updated") ||
			strings.HasPrefix(low, "modified") || strings.HasPrefix(low, "last modified") || strings.HasPrefix(low, "revised")
		st, ok := ParseStamp(p, now, nowZone)
		if !ok {
			return false
		}
		fs = append(fs, found{updated, st})
	}
	if len(fs) == 0 {
		return false
	}
	for _, f := range fs {
		switch {
		case f.updated && doc.Updated == "":
			doc.Updated, doc.UpdatedSource = f.st.String(), "text:header"
		case !f.updated && doc.Published == "":
			doc.Published, doc.PublishedSource = f.st.String(), "text:header"
		case !f.updated && doc.Updated == "":
			doc.Updated, doc.UpdatedSource = f.st.String(), "text:header"
		}
	}
	return true
}

// splitStamps cuts a header line at the separators pages put between stamps.
func splitStamps(line string) []string {
	r := strings.NewReplacer(" / ", "\x00", " | ", "\x00", " • ", "\x00", " · ", "\x00", "; ", "\x00", " — ", "\x00")
	return strings.Split(r.Replace(line), "\x00")
}

// joinBody turns the body's lines into paragraphs separated by one blank line. Lines inside a
// paragraph are joined with a space when the text is hard-wrapped; when every paragraph is one
// long line with no blank lines between them, each line is a paragraph.
func joinBody(lines []string) string {
	for i := range lines {
		lines[i] = strings.TrimRightFunc(lines[i], unicode.IsSpace)
	}
	blank := false
	long, nonEmpty := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank = true
			continue
		}
		nonEmpty++
		if len(l) > 100 {
			long++
		}
	}
	lineParas := !blank && nonEmpty > 1 && long*2 >= nonEmpty
	var b strings.Builder
	size := 0
	for _, l := range lines {
		size += len(l) + 2 // the line and at most its separator
	}
	b.Grow(size)
	para := false
	for _, l := range lines {
		t := strings.TrimLeftFunc(l, unicode.IsSpace)
		if t == "" {
			if para {
				b.WriteString("\n\n")
				para = false
			}
			continue
		}
		if para {
			if lineParas {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
		para = true
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}
