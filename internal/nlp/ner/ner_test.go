package ner

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

func loadFinder(t testing.TB) *Finder {
	t.Helper()
	f, err := LoadFinder()
	if err != nil {
		t.Fatalf("LoadFinder: %v", err)
	}
	return f
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Putin's aide, Mr. Peskov, spoke.", []string{"Putin", "'s", "aide", ",", "Mr.", "Peskov", ",", "spoke", "."}},
		{"The U.S. didn't (yet) agree", []string{"The", "U.S.", "did", "n't", "(", "yet", ")", "agree"}},
		{"al-Shabab fighters", []string{"al-Shabab", "fighters"}},
		{"“Erdoğan”", []string{"“", "Erdoğan", "”"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenOffsetsAreCodePoints(t *testing.T) {
	text := "Erdoğan met Putin."
	toks := Tokenize(text)
	runes := []rune(text)
	for _, tok := range toks {
		if got := string(runes[tok.Start:tok.End]); got != tok.Text {
			t.Errorf("token %q at [%d,%d) reads %q", tok.Text, tok.Start, tok.End, got)
		}
	}
}

func TestParseAnnotated(t *testing.T) {
	tests := []struct {
		in      string
		words   int
		names   []Name
		wantErr bool
	}{
		{"[person Joe Biden] spoke .", 4, []Name{{0, 2, KindPerson}}, false},
		{"in [place Paris ] today", 3, []Name{{1, 2, KindPlace}}, false},
		{"[person Joe", 0, nil, true},
		{"[animal Rex] barked", 0, nil, true},
		{"[person [place X]]", 0, nil, true},
	}
	for _, tt := range tests {
		got, err := ParseAnnotated(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseAnnotated(%q) error %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if len(got.Words) != tt.words || len(got.Names) != len(tt.names) {
			t.Errorf("ParseAnnotated(%q) = %+v", tt.in, got)
			continue
		}
		for i := range tt.names {
			if got.Names[i] != tt.names[i] {
				t.Errorf("ParseAnnotated(%q) name %d = %+v, want %+v", tt.in, i, got.Names[i], tt.names[i])
			}
		}
	}
}

func TestFindNews(t *testing.T) {
	f := loadFinder(t)
	tests := []struct {
		text, name, kind string
	}{
		{"Vladimir Putin held a phone call with the Iranian president on Friday.", "Vladimir Putin", KindPerson},
		{"Officials met in Geneva on Monday.", "Geneva", KindPlace},
	}
	for _, tt := range tests {
		spans := f.Find(tt.text)
		found := false
		for _, sp := range spans {
			if sp.Text == tt.name {
				found = true
				if sp.Kind != tt.kind {
					t.Errorf("%q: %q is %s, want %s", tt.text, tt.name, sp.Kind, tt.kind)
				}
				if sp.Score <= 0 || sp.Score > 1 {
					t.Errorf("%q: score %v out of (0, 1]", tt.name, sp.Score)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q) = %+v, want %q", tt.text, spans, tt.name)
		}
		start := strings.Index(tt.text, tt.name) // ASCII texts: bytes are code points
		if kind, _, ok := f.KindOf(tt.text, start, start+len(tt.name)); !ok || kind != tt.kind {
			t.Errorf("KindOf(%q) = %q %v, want %q", tt.name, kind, ok, tt.kind)
		}
	}
	if _, ok := Cover(f.Find("the cat sat on the mat ."), 4, 7); ok {
		t.Errorf("a span covers a lower-case common noun")
	}
}

// TestNewsF1 scores the hand-annotated news sentences; the floor guards against a broken model.
func TestNewsF1(t *testing.T) {
	f := loadFinder(t)
	fh, err := os.Open("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var sents []Sentence
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := ParseAnnotated(line)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		sents = append(sents, s)
	}
	all := Evaluate(f, sents)["all"]
	t.Logf("news F1 %.3f (P %.3f R %.3f, %d names)", all.F1(), all.Precision(), all.Recall(), all.Gold)
	if all.F1() < 0.5 {
		t.Errorf("news F1 %.3f below 0.5", all.F1())
	}
}

func TestLoadFast(t *testing.T) {
	start := time.Now()
	loadFinder(t)
	if d := time.Since(start); d > time.Second { // 100 ms on a quiet machine; slack for CI
		t.Errorf("LoadFinder took %v", d)
	}
}

func TestConcurrent(t *testing.T) {
	f := loadFinder(t)
	text := "Angela Merkel said Germany would not send troops to Ukraine."
	want := f.Find(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				got := f.Find(text)
				if len(got) != len(want) {
					t.Errorf("concurrent Find gave %d spans, want %d", len(got), len(want))
					return
				}
			}
		})
	}
	wg.Wait()
}
