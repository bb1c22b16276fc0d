package sentence

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func split(text string) []string {
	var out []string
	for _, s := range New().Split(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "The army attacked. Rebels fled.", []string{"The army attacked.", "Rebels fled."}},
		{"U.S. inside", "The U.S. Embassy said so. It closed.", []string{"The U.S. Embassy said so.", "It closed."}},
		{"U.S. at the end", "Talks were held in the U.S. The president left.", []string{"Talks were held in the U.S.", "The president left."}},
		{"Dept.", "The State Dept. said it was ready.", []string{"The State Dept. said it was ready."}},
		{"month abbreviation", "The vote is on Jan. 16 in Kyiv. Results follow.", []string{"The vote is on Jan. 16 in Kyiv.", "Results follow."}},
		{"initial", "John F. Kennedy was shot. Oswald was arrested.", []string{"John F. Kennedy was shot.", "Oswald was arrested."}},
		{"letter after an ordinary word", "Sudani, posting on X. The ministry agreed.", []string{"Sudani, posting on X.", "The ministry agreed."}},
		{"middle initial before a starter", "George W. The point stands.", []string{"George W. The point stands."}},
		{"titles", "Gen. Smith met Lt. Col. Jones and Dr. Who.", []string{"Gen. Smith met Lt. Col. Jones and Dr. Who."}},
		{"decimal", "Inflation rose 3.5 percent. Prices fell.", []string{"Inflation rose 3.5 percent.", "Prices fell."}},
		{"quote ends sentence", `He said, "We will win." Then he left.`, []string{`He said, "We will win."`, "Then he left."}},
		{"curly quote ends sentence", "She said “it is over.” The talks ended.", []string{"She said “it is over.”", "The talks ended."}},
		{"question inside quote", `"Are you sure?" he asked. She nodded.`, []string{`"Are you sure?" he asked.`, "She nodded."}},
		{"comma quote", `"We will fight," he said. "We will win."`, []string{`"We will fight," he said.`, `"We will win."`}},
		{"paragraphs", "First paragraph without stop\n\nSecond one.", []string{"First paragraph without stop", "Second one."}},
		{"Inc. mid sentence", "Apple Inc. said profits rose.", []string{"Apple Inc. said profits rose."}},
		{"Inc. at the end", "He works for Apple Inc. He is rich.", []string{"He works for Apple Inc.", "He is rich."}},
		{"a.m.", "It began at 9 a.m. and ended at noon.", []string{"It began at 9 a.m. and ended at noon."}},
		{"exclamation", "Stop! Now.", []string{"Stop!", "Now."}},
		{"ellipsis", "We will see ... It is an important topic.", []string{"We will see ...", "It is an important topic."}},
		{"number after stop", "The toll rose. 31 people died.", []string{"The toll rose.", "31 people died."}},
		{"no. abbreviation", "He is the No. 2 official.", []string{"He is the No. 2 official."}},
		{"web address", "Visit example.com for more. Thanks.", []string{"Visit example.com for more.", "Thanks."}},
		{"empty", "", nil},
		{"spaces only", "   \n\n  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"The U.S. said. It", "“Hi.” he said", "a\n\nb", "...", "Mr. X. Y.", "\xff.\xfe A"} {
		f.Add(s)
	}
	sp := New()
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range sp.Split(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("span %v not on rune boundaries in %q", s, text)
			}
			prev = s.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Russian President Vladimir Putin has held a phone call with his Iranian counterpart. The U.S. Dept. of State said on Jan. 16 that \"talks will go on.\" ", 30)
	sp := New()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sp.Split(text)
	}
}

func TestInLower(t *testing.T) {
	set := map[string]bool{"gen": true, "the": true, "états": true}
	tests := []struct {
		word string
		want bool
	}{
		{"Gen", true},
		{"GEN", true},
		{"gen", true},
		{"The", true},
		{"ÉTATS", true},
		{"Dr", false},
		{"", false},
		{strings.Repeat("A", 40), false},
	}
	for _, tc := range tests {
		if got := inLower(set, tc.word); got != tc.want {
			t.Errorf("inLower(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
