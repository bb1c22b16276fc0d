package timex

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/testshared"
)

func sharedDir(t *testing.T) string { return testshared.Dir(t, "the TempEval check") }

type goldTimex struct {
	start, end int
	value      string
}

// readTimeML returns the creation time, the plain text of TEXT and its TIMEX3 spans (bytes).
func readTimeML(path string) (dct, text string, gold []goldTimex, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", nil, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	dec.Strict = false
	var b strings.Builder
	inText := false
	var open []goldTimex
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", "", nil, err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if x.Name.Local == "TEXT" {
				inText = true
			}
			if x.Name.Local == "TIMEX3" {
				var g goldTimex
				fn := ""
				for _, a := range x.Attr {
					switch a.Name.Local {
					case "value":
						g.value = a.Value
					case "functionInDocument":
						fn = a.Value
					}
				}
				if fn == "CREATION_TIME" && dct == "" {
					dct = g.value
				}
				g.start = b.Len()
				open = append(open, g)
			}
		case xml.EndElement:
			if x.Name.Local == "TEXT" {
				inText = false
			}
			if x.Name.Local == "TIMEX3" && len(open) > 0 {
				g := open[len(open)-1]
				open = open[:len(open)-1]
				g.end = b.Len()
				if inText && g.end > g.start {
					gold = append(gold, g)
				}
			}
		case xml.CharData:
			if inText {
				b.Write(x)
			}
		}
	}
	return dct, b.String(), gold, nil
}

func trim(text string, s, e int) (int, int) {
	for s < e && strings.ContainsRune(" \t\r\n", rune(text[s])) {
		s++
	}
	for e > s && strings.ContainsRune(" \t\r\n", rune(text[e-1])) {
		e--
	}
	return s, e
}

// TestTempEval keeps the figures on the TempEval-3 training data from sliding back.
func TestTempEval(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 256 TimeML files")
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir(t), "bench", "timex", "*", "*.tml"))
	if len(files) == 0 {
		t.Skip("no TimeML files under ../shared/bench/timex")
	}
	tg := New()
	var tp, tpv, npred, ngold int
	for _, path := range files {
		dct, text, gold, err := readTimeML(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pred := tg.Find(text, dct, "", nil)
		npred += len(pred)
		ngold += len(gold)
		used := make([]bool, len(pred))
		for _, g := range gold {
			gs, ge := trim(text, g.start, g.end)
			hit := -1
			for i, p := range pred {
				if !used[i] && p.Start < ge && gs < p.End {
					if hit < 0 || p.Value == g.value {
						hit = i
					}
				}
			}
			if hit >= 0 {
				used[hit] = true
				tp++
				if pred[hit].Value == g.value {
					tpv++
				}
			}
		}
	}
	f1 := func(tp int) float64 { return 2 * float64(tp) / float64(npred+ngold) }
	t.Logf("%d files, %d gold, %d predicted: relaxed F1 %.3f, value F1 %.3f", len(files), ngold, npred, f1(tp), f1(tpv))
	if f1(tp) < 0.90 || f1(tpv) < 0.75 {
		t.Errorf("relaxed F1 %.3f (want >= 0.90), value F1 %.3f (want >= 0.75)", f1(tp), f1(tpv))
	}
}
