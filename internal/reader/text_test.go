package reader

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var readNow = time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)

func TestReadTextHeaders(t *testing.T) {
	tests := []struct {
		name                                          string
		in                                            string
		title, standfirst, byline, published, updated string
		dateline, textStart                           string
	}{
		{
			name:       "seed style",
			in:         "Putin talks to Iranian president\n\n16 Jan, 2026 19:54 / Updated 10 hours ago\nThe Russian leader has phoned his counterpart\n\nRussian President Vladimir Putin has held a phone call.\n\nMore text.",
			title:      "Putin talks to Iranian president",
			standfirst: "The Russian leader has phoned his counterpart",
			published:  "2026-01-16T19:54", updated: "2026-01-16T20:00",
			textStart: "Russian President",
		},
		{
			name:      "wire dateline with agency",
			in:        "Kremlin says talks went well\n\nMOSCOW (Reuters) - The Kremlin said on Friday that talks went well.\n\nIt gave no details.",
			title:     "Kremlin says talks went well",
			dateline:  "MOSCOW (Reuters) -",
			textStart: "The Kremlin said",
		},
		{
			name:      "wire dateline with date",
			in:        "Blast hits Baghdad\n\nBAGHDAD, March 5 - A car bomb exploded on Tuesday.\n\nPolice said four died.",
			title:     "Blast hits Baghdad",
			published: "2025-03-05", dateline: "BAGHDAD, March 5 -",
			textStart: "A car bomb",
		},
		{
			name:      "em dash dateline",
			in:        "Senate votes\n\nWASHINGTON — The Senate voted on Tuesday to pass the bill.\n\nIt now goes to the House.",
			title:     "Senate votes",
			dateline:  "WASHINGTON —",
			textStart: "The Senate voted",
		},
		{
			name:      "AP underscore dateline",
			in:        "\n\nNAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the U.S. embassies Friday, killing dozens, witnesses said.\n\nMore.",
			dateline:  "NAIROBI, Kenya (AP) _",
			textStart: "Suspected bombs",
		},
		{
			name:      "published and byline",
			in:        "Storm hits coast\nBy Jane Doe\nPublished March 14, 2025 8:30 PM\n\nA storm hit the coast on Friday.\n\nMore.",
			title:     "Storm hits coast",
			byline:    "Jane Doe",
			published: "2025-03-14T20:30",
			textStart: "A storm hit",
		},
		{
			name:      "updated with zone",
			in:        "Storm hits coast\nPublished: March 14, 2025 8:30 PM EDT | Updated: March 15, 2025 9:05 AM EDT\n\nA storm hit the coast on Friday.\n\nMore.",
			title:     "Storm hits coast",
			published: "2025-03-14T20:30-04:00", updated: "2025-03-15T09:05-04:00",
			textStart: "A storm hit",
		},
		{
			name:      "ISO stamp",
			in:        "Headline here\n2025-03-14T20:30:26Z\n\nBody text begins here. More.",
			title:     "Headline here",
			published: "2025-03-14T20:30:26Z",
			textStart: "Body text",
		},
		{
			name:      "relative stamps",
			in:        "Headline here\nUpdated 3 hours ago\n\nBody text begins here. More.",
			title:     "Headline here",
			updated:   "2026-01-17T03:00",
			textStart: "Body text",
		},
		{
			name:      "yesterday",
			in:        "Headline here\nyesterday\n\nBody text begins here. More.",
			title:     "Headline here",
			published: "2026-01-16",
			textStart: "Body text",
		},
		{
			name:      "day first numeric",
			in:        "Headline here\n14/03/2025\n\nBody text begins here. More.",
			title:     "Headline here",
			published: "2025-03-14",
			textStart: "Body text",
		},
		{
			name:      "a question headline",
			in:        "Can the US pry Russia away from China?\n\nWestern politicians have repeatedly called on China to limit its support.\n\nMore text.",
			title:     "Can the US pry Russia away from China?",
			textStart: "Western politicians",
		},
		{
			name:      "title and body only",
			in:        "Rubio in Saudi Arabia for talks\n\nU.S. Secretary of State Marco Rubio said Monday the United States hopes to resolve the pause.",
			title:     "Rubio in Saudi Arabia for talks",
			textStart: "U.S. Secretary of State",
		},
		{
			name:      "title case title with a full stop",
			in:        "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.\n\nThe New York Post reports that her team avoided the room.",
			title:     "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.",
			textStart: "The New York Post",
		},
		{
			name:      "paragraph is not a title",
			in:        "\nOn the other hand, it's turning out to be another very bad financial week for Asia. The assistance is not helping.\n\nMore text.",
			textStart: "On the other hand",
		},
		{
			name:      "single sentence paragraph is not a title",
			in:        "\nDominion Textile Inc. holders adopted a shareholder-rights plan at the annual meeting.\n\nThe so-called poison pill took effect Aug. 9.",
			textStart: "Dominion Textile",
		},
		{
			name:      "a sentence starting with a capital word is not a dateline",
			in:        "Headline\n\nI - and others - think so. More here.",
			title:     "Headline",
			textStart: "I - and others",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read([]byte(tt.in), Options{Now: readNow, Format: FormatText})
			if err != nil {
				t.Fatal(err)
			}
			check := func(field, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", doc.Title, tt.title)
			check("standfirst", doc.Standfirst, tt.standfirst)
			check("byline", doc.Byline, tt.byline)
			check("published", doc.Published, tt.published)
			check("updated", doc.Updated, tt.updated)
			check("dateline", doc.Dateline, tt.dateline)
			if !strings.HasPrefix(doc.Text, tt.textStart) {
				t.Errorf("text starts %q, want %q", doc.Text[:min(len(doc.Text), 40)], tt.textStart)
			}
		})
	}
}

func TestReadTextParagraphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"blank lines", "Title\n\nOne.\n\n\n\nTwo.", "One.\n\nTwo."},
		{"hard wrapped", "Title\n\nA line that was\nwrapped by hand.\n\nSecond.", "A line that was wrapped by hand.\n\nSecond."},
		{"line per paragraph", "Title\n\n" + strings.Repeat("x", 120) + " one.\n" + strings.Repeat("y", 120) + " two.", strings.Repeat("x", 120) + " one.\n\n" + strings.Repeat("y", 120) + " two."},
		{"CRLF", "Title\r\n\r\nOne.\r\n\r\nTwo.", "One.\n\nTwo."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read([]byte(tt.in), Options{Now: readNow})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text = %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestReadBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t\n"), ErrEmpty},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"invalid UTF-8", []byte("Title\n\nCaf\xe9 au lait \xff\xfe."), ErrUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.in, Options{Now: readNow, Format: FormatText})
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestPublishedFlagWins(t *testing.T) {
	doc, err := Read([]byte("Title\n16 Jan, 2026 19:54\n\nBody here."), Options{Now: readNow, Published: "2025-03-14T20:30:26Z"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != "2025-03-14T20:30:26Z" || doc.PublishedSource != "flag" {
		t.Errorf("published = %q from %q", doc.Published, doc.PublishedSource)
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"16 Jan, 2026 19:54", "2026-01-16T19:54", true},
		{"Jan 16, 2026", "2026-01-16", true},
		{"January 16, 2026 7:54 PM", "2026-01-16T19:54", true},
		{"Mon 16 Jan 2026 19.54 GMT", "2026-01-16T19:54Z", true},
		{"March 14, 2025 8:30 PM EDT", "2025-03-14T20:30-04:00", true},
		{"Published 12:05 p.m. ET March 3, 2025", "2025-03-03T12:05-05:00", true},
		{"2025-03-14", "2025-03-14", true},
		{"2025-03-14T20:30:26+03:00", "2025-03-14T20:30:26+03:00", true},
		{"10 hours ago", "2026-01-16T20:00", true},
		{"an hour ago", "2026-01-17T05:00", true},
		{"2 days ago", "2026-01-15", true},
		{"Dec 30", "2025-12-30", true},
		{"Monday 18th November 2024, 9:15 am", "2024-11-18T09:15", true},
		{"November 1st, 2024", "2024-11-01", true},
		{"31/12/2025", "2025-12-31", true},
		{"12/31/2025", "2025-12-31", true},
		{"The president spoke on Friday about many things", "", false},
		{"February 31, 2025", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		st, ok := ParseStamp(tt.in, readNow, false)
		if ok != tt.ok || ok && st.String() != tt.want {
			t.Errorf("ParseStamp(%q) = %q, %v; want %q, %v", tt.in, st.String(), ok, tt.want, tt.ok)
		}
	}
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{
		"Putin talks\n\n16 Jan, 2026 19:54 / Updated 10 hours ago\nStandfirst line here\n\nBody.",
		"MOSCOW (Reuters) - Body.", "By Jane Doe\n\nBody", "\n\n\n", "A\r\nB\rC", "Title\n99 hours ago\n\nx",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := Read([]byte(in), Options{Now: readNow, Format: FormatText})
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("bad text %q from %q", doc.Text, in)
		}
	})
}

func FuzzParseStamp(f *testing.F) {
	for _, s := range []string{"16 Jan, 2026 19:54", "10 hours ago", "2025-03-14T20:30:26Z", "31/12/99", "+0300 March 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ParseStamp(in, readNow, true)
	})
}

// The stamp lines of the header are kept as printed, for the time expressions in them.
func TestReadTextKeepsHeader(t *testing.T) {
	tests := []struct{ in, header string }{
		{"Talks end\n\n16 Jan, 2026 19:54 / Updated 10 hours ago\nA dek line that is long enough to be one\n\nBody text here. More.", "16 Jan, 2026 19:54 / Updated 10 hours ago"},
		{"Storm hits coast\nBy Jane Doe\nPublished March 14, 2025 8:30 PM\nUpdated: March 15, 2025\n\nA storm hit the coast.", "Published March 14, 2025 8:30 PM\nUpdated: March 15, 2025"},
		{"Title only\n\nBody text here, with no stamps above it. More.", ""},
	}
	for _, tt := range tests {
		doc, err := Read([]byte(tt.in), Options{Format: FormatText, Now: readNow})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Header != tt.header {
			t.Errorf("header = %q, want %q", doc.Header, tt.header)
		}
	}
}
