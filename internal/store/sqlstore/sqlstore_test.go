package sqlstore

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{`"unbalanced`, []string{"unbalanced"}},
		{"NEAR(a b)", []string{"NEAR", "a", "b"}},
		{"col:x a* OR b", []string{"col", "x", "a", "OR", "b"}},
		{"São Paulo's 2026", []string{"São", "Paulo", "s", "2026"}},
	} {
		if got := words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLikePattern(t *testing.T) {
	for in, want := range map[string]string{
		"iran":   "%iran%",
		"50%_a":  `%50\%\_a%`,
		`back\s`: `%back\\s%`,
	} {
		if got := likePattern(in); got != want {
			t.Errorf("likePattern(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDialectArgs(t *testing.T) {
	d := Dialect{Clean: func(s string) string { return "[" + s + "]" }}
	got := d.cleanArgs([]any{"a", 1, nil})
	if got[0] != "[a]" || got[1] != 1 || got[2] != nil {
		t.Errorf("cleanArgs: %v", got)
	}
	if q := (&Dialect{}).rebind("a = ?"); q != "a = ?" {
		t.Errorf("rebind without a Rebind: %q", q)
	}
}
