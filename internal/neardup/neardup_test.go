package neardup

import (
	"strings"
	"testing"
)

const story = `The finance ministers of the twelve member states met in Lisbon on Tuesday and agreed
to raise the common fund for flood relief to four billion euros, after two days of talks that
the Portuguese chair called difficult but honest. The fund will pay for dikes, pumps and the
rebuilding of bridges in the river valleys hit hardest by the storms of last autumn, and the
first payments are due in March. Ministers from the northern states had asked for stricter
audits, and the final text gives the commission the right to stop payments to any region that
cannot show receipts within six months.`

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"same text", story, story, 1, 1},
		{"case, spacing and punctuation only", story, strings.ToUpper(strings.ReplaceAll(story, ",", " ;")), 1, 1},
		{"a byline and a new last sentence", story,
			"By Ana Ribeiro, Lisbon correspondent. " + story + " A vote in the parliaments is expected in spring.", 0.7, 1},
		{"two words changed", story,
			strings.Replace(strings.Replace(story, "difficult", "hard", 1), "receipts", "invoices", 1), 0.75, 1},
		{"first half only", story, story[:len(story)/2], 0.25, 0.7},
		{"another story", story, `A new railway line between the two largest cities of the region opened
on Friday, cutting the journey from five hours to under two. Engineers spent eleven years boring
tunnels through the mountains, and the line cost nearly twice what was planned when the first
contracts were signed. Tickets sold out for the first week within minutes of going on sale, and
the operator said it would add two more trains a day from the summer onward if demand held up.`, 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := Sign(tt.a)
			if !ok {
				t.Fatal("first text not signed")
			}
			b, ok := Sign(tt.b)
			if !ok {
				t.Fatal("second text not signed")
			}
			got := Similarity(a, b)
			if got < tt.min || got > tt.max {
				t.Errorf("similarity %.3f, want between %.2f and %.2f", got, tt.min, tt.max)
			}
			shared := false
			ka, kb := BandKeys(a), BandKeys(b)
			for i := range ka {
				if ka[i] == kb[i] {
					shared = true
				}
			}
			if got >= Threshold && !shared {
				t.Errorf("similarity %.3f but no band in common: the pair would never be a candidate", got)
			}
		})
	}
}

func TestShortTextsAreNotSigned(t *testing.T) {
	for _, text := range []string{"", "   ", "Breaking: ministers agree on flood fund.",
		strings.Repeat("word ", MinWords-1)} {
		if _, ok := Sign(text); ok {
			t.Errorf("Sign(%q) signed a text of %d words", text, len(Words(text)))
		}
	}
	if _, ok := Sign(strings.Repeat("word ", MinWords)); !ok {
		t.Errorf("a text of %d words was not signed", MinWords)
	}
}

func TestBandKeysDifferAcrossBands(t *testing.T) {
	var sig Signature // every value equal: only the band number tells the keys apart
	keys := BandKeys(sig)
	seen := map[int64]bool{}
	for _, k := range keys {
		if k < 0 {
			t.Errorf("key %d is negative", k)
		}
		if seen[k] {
			t.Errorf("key %d appears in two bands", k)
		}
		seen[k] = true
	}
}

func TestStringRoundTrip(t *testing.T) {
	sig, _ := Sign(story)
	back, err := Parse(sig.String())
	if err != nil {
		t.Fatal(err)
	}
	if back != sig {
		t.Error("Parse(String()) differs from the signature")
	}
	for _, bad := range []string{"", "zz", strings.Repeat("g", 8*Hashes)} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
}

func FuzzSign(f *testing.F) {
	f.Add(story)
	f.Add("")
	f.Add("\u00e9\u0301 \uFB01 \x00\xff words")
	f.Fuzz(func(t *testing.T, text string) {
		sig, ok := Sign(text)
		if !ok {
			return
		}
		if s := Similarity(sig, sig); s != 1 {
			t.Errorf("a signature's similarity with itself is %v", s)
		}
		if again, _ := Sign(text); again != sig {
			t.Error("signing the same text twice gave two signatures")
		}
		if back, err := Parse(sig.String()); err != nil || back != sig {
			t.Errorf("round trip failed: %v", err)
		}
	})
}

func BenchmarkSign(b *testing.B) {
	text := strings.Repeat(story+" ", 7) // about 4.5 KB, a typical article
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign(text)
	}
}
