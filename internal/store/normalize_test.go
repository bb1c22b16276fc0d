package store

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-01-16", "2026-01-16"},
		{"2026-01-16T10:30", "2026-01-16"},
		{"2026-01-16TMO", "2026-01-16"},
		{"2025-12", "2025-12-01"},
		{"2026", "2026-01-01"},
		{"2026-W03", "2026-01-12"},
		{"2026-W01", "2025-12-29"},
		{"2020-W53", "2020-12-28"},
		{"2026-W03-WE", "2026-01-17"},
		{"2026-Q2", "2026-04-01"},
		{"2026-H2", "2026-07-01"},
		{"2026-SU", "2026-06-01"},
		{"201", "2010-01-01"},
		{"201X", "2010-01-01"},
		{"PRESENT_REF", ""},
		{"P3D", ""},
		{"2026-02-30", ""},
		{"2026-13", ""},
		{"2026-W99", ""},
		{"XXXX-01-16", ""},
		{"", ""},
		{"2026-", ""},
		{"2026-1", ""},
	}
	for _, tc := range tests {
		if got := Day(tc.in); got != tc.want {
			t.Errorf("Day(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWeekStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-01-12", "2026-01-12"}, // Monday
		{"2026-01-18", "2026-01-12"}, // Sunday
		{"2026-01-01", "2025-12-29"},
		{"nonsense", ""},
	}
	for _, tc := range tests {
		if got := WeekStart(tc.in); got != tc.want {
			t.Errorf("WeekStart(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://News.Example/a/b/?utm_source=x&id=2&fbclid=y#frag", "https://news.example/a/b?id=2"},
		{"HTTP://news.example:80/", "http://news.example"},
		{"https://news.example:8443/a", "https://news.example:8443/a"},
		{"https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"},
		{"https://[::1]:443/x", "https://[::1]/x"},
		{"ftp://news.example/a", ""},
		{"testdata/article.txt", ""},
		{"/abs/path.html", ""},
		{"", ""},
		{"https://", ""},
	}
	for _, tc := range tests {
		if got := CanonicalURL(tc.in); got != tc.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestContentHash(t *testing.T) {
	same := []string{
		"The United States met Iran.",
		"  the united states\n\nmet   IRAN. ",
		"The United States met Iran.", // NFKC
	}
	for _, s := range same[1:] {
		if ContentHash(s) != ContentHash(same[0]) {
			t.Errorf("ContentHash(%q) differs from ContentHash(%q)", s, same[0])
		}
	}
	if ContentHash("The United States met Iraq.") == ContentHash(same[0]) {
		t.Error("different texts hash the same")
	}
	if ContentHash("ab") == ContentHash("a b") {
		t.Error("a space inside words is ignored")
	}
}

func FuzzDay(f *testing.F) {
	for _, s := range []string{"2026-01-16", "2026-W03-WE", "201X", "2026-Q4", "9999-12-31T23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Day(s)
		if d != "" && (len(d) != 10 || WeekStart(d) == "") {
			t.Errorf("Day(%q) = %q, not a day", s, d)
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://a.example/x?utm_a=1", "http://[::1]:80/", "https://a.example/%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CanonicalURL(s)
		if c != "" && CanonicalURL(c) != c {
			t.Errorf("CanonicalURL is not stable: %q → %q → %q", s, c, CanonicalURL(c))
		}
		if !utf8.ValidString(s) {
			return
		}
		_ = ContentHash(s)
	})
}

func TestSplitList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"USA", []string{"USA"}},
		{" USA , GBR,,", []string{"USA", "GBR"}},
		{"", nil},
		{" , ", nil},
	}
	for _, tc := range tests {
		if got := SplitList(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("SplitList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if n := len(SplitList(strings.Repeat("a,", 500))); n != 50 {
		t.Errorf("SplitList kept %d items, want 50", n)
	}
}
