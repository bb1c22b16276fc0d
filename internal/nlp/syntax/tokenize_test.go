package syntax

import (
	"strings"
	"testing"
	"time"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I don't know.", "I|do|n't|know|."},
		{"It's $1,000.50, he said!", "It|'s|$|1,000.50|,|he|said|!"},
		{"Mr. Smith went to the U.S. on Jan. 5...", "Mr.|Smith|went|to|the|U.S.|on|Jan.|5|..."},
		{"See https://example.com/a?b=1.", "See|https://example.com/a?b=1|."},
		{"(they're \"well-known\")", "(|they|'re|\"|well-known|\"|)"},
		{"I can't; we won't", "I|ca|n't|;|we|wo|n't"},
		{"U.N.-backed and U.S.-led talks", "U.N.|-|backed|and|U.S.|-|led|talks"},
		{"a U.S.- or EU-led force", "a|U.S.|-|or|EU-led|force"},
		{"a Kenya-U.S. base, Rep. Meeks (D-N.Y.).", "a|Kenya-U.S.|base|,|Rep.|Meeks|(|D-N.Y.|)|."},
		{"the Jairan 's data", "the|Jairan|'s|data"},
		{"a U.K.-U.S. base", "a|U.K.|-|U.S.|base"},
		{"", ""},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		var forms []string
		for _, tk := range toks {
			if tc.in[tk.Start:tk.End] != tk.Form {
				t.Errorf("%q: span %v is %q, form %q", tc.in, tk.Span, tc.in[tk.Start:tk.End], tk.Form)
			}
			forms = append(forms, tk.Form)
		}
		if got := strings.Join(forms, "|"); got != tc.want {
			t.Errorf("Tokenize(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "...", "!?!?", "Hello, world.", "Привет мир 東京 don't", strings.Repeat("a ", 10000),
		"bad \xff\xfe\xc3 bytes", "http://" + strings.Repeat("x", 100) + ".)", "U.S.-led, 1,000.5... n't"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		toks := Tokenize(s)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Form {
				t.Fatalf("bad span %v of %q in %q", tk.Span, tk.Form, s)
			}
			prev = tk.End
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("took %v on %d bytes", d, len(s))
		}
	})
}

// isAbbreviation and the clitic split look only where the tables can match.
func TestTablesFit(t *testing.T) {
	for a := range abbreviations {
		if len(a) > longestAbbreviation || strings.ToLower(a) != a || !strings.HasSuffix(a, ".") {
			t.Errorf("abbreviation %q: longer than %d bytes, not lower case or without a final period", a, longestAbbreviation)
		}
	}
	for _, c := range clitics {
		if i := strings.IndexAny(c, "'’"); i < 0 || len(c)-i > 5 {
			t.Errorf("clitic %q has no apostrophe in its last five bytes", c)
		}
	}
}
