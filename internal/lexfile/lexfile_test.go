package lexfile

import (
	"errors"
	"strings"
	"testing"
)

func TestEach(t *testing.T) {
	src := "\ufeff# header\nalpha\tbeta\r\n\n   \n  # indented comment\n\tlead\tcols\nlast"
	var got []string
	err := EachString(src, func(n int, line string) error {
		got = append(got, strings.Join([]string{string(rune('0' + n)), line}, ":"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2:alpha\tbeta", "6:\tlead\tcols", "7:last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEachStopsAtFirstError(t *testing.T) {
	stop := errors.New("bad row")
	calls := 0
	err := EachString("a\nb\nc", func(int, string) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("err %v after %d calls, want the row error after 1", err, calls)
	}
}

func TestEachRefusesHugeLines(t *testing.T) {
	err := EachString(strings.Repeat("x", MaxLine+10), func(int, string) error { return nil })
	if err == nil {
		t.Error("a line over MaxLine was read")
	}
}
