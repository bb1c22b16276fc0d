package lowercase

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOf(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"lower ascii", "the minister said on friday"},
		{"capitals", "The Minister said on Friday in KYIV."},
		{"accents", "Élysée Palace, São Paulo and ZÜRICH"},
		{"length changes", "İstanbul and Kelvin \u212a sign, ẞ capital"},
		{"invalid utf-8", "Bad \xff\xfe Bytes and \xe2\x80 Cut"},
		{"greek and cyrillic", "ΑΘΗΝΑ and МОСКВА"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var lt Text
			lt.Reset(tc.text)
			for i := 0; i <= len(tc.text); i++ {
				if !utf8.RuneStart(byteAt(tc.text, i)) && i < len(tc.text) {
					continue
				}
				for j := i; j <= len(tc.text); j++ {
					if j < len(tc.text) && !utf8.RuneStart(tc.text[j]) {
						continue
					}
					if got, want := lt.Of(tc.text, i, j), strings.ToLower(tc.text[i:j]); got != want {
						t.Fatalf("Of(%d, %d) = %q, want %q", i, j, got, want)
					}
				}
			}
		})
	}
}

func TestOtherText(t *testing.T) {
	var lt Text
	lt.Reset("Some Text")
	if got := lt.Of("OTHER TEXT", 0, 5); got != "other" {
		t.Fatalf("Of on another text = %q, want %q", got, "other")
	}
	lt.Clear()
	if got := lt.Of("Some Text", 0, 4); got != "some" {
		t.Fatalf("Of after Clear = %q, want %q", got, "some")
	}
}

func TestNoAllocation(t *testing.T) {
	text := "President Zelenskyy Met Chancellor Merz in Berlin on Friday"
	var lt Text
	lt.Reset(text)
	allocs := testing.AllocsPerRun(100, func() {
		_ = lt.Of(text, 0, 9)
		_ = lt.Of(text, 10, 19)
	})
	if allocs != 0 {
		t.Fatalf("Of allocates %v times, want 0", allocs)
	}
}

func FuzzOf(f *testing.F) {
	f.Add("The Minister İstanbul \xff ok", 0, 5)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, i, j int) {
		if i < 0 || j < i || j > len(text) {
			return
		}
		if i < len(text) && !utf8.RuneStart(text[i]) || j < len(text) && !utf8.RuneStart(text[j]) {
			return
		}
		var lt Text
		lt.Reset(text)
		if got, want := lt.Of(text, i, j), strings.ToLower(text[i:j]); got != want {
			t.Fatalf("Of(%q, %d, %d) = %q, want %q", text, i, j, got, want)
		}
	})
}

func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}
