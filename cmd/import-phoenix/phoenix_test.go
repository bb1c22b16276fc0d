package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/testshared"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"940720", "1994-07-20", false},
		{"080507", "2008-05-07", false},
		{"140130", "2014-01-30", false},
		{"150101", "1915-01-01", false},
		{"19270101", "1927-01-01", false},
		{"9008223", "", true},
		{"941320", "", true},
		{"94072a", "", true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q (error %v)", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func TestDecode(t *testing.T) {
	codes := map[string]bool{"BLR": true, "USA": true}
	tests := []struct{ in, country, sector string }{
		{"BLRGOV", "BLR", "GOV"},
		{"BLRELI", "BLR", "ELI"},
		{"IGOUNOKID", "UNO", ""},
		{"IMGMUSALQ", "IMG", "REB"},
		{"USAMED", "USA", "JRN"},
		{"USAHLH", "USA", "MED"},
		{"GOVFRM", "", "GOV"},
		{"BLR", "BLR", ""},
	}
	for _, tt := range tests {
		c, s := decode(tt.in, codes)
		if c != tt.country || s != tt.sector {
			t.Errorf("decode(%q) = %q %q, want %q %q", tt.in, c, s, tt.country, tt.sector)
		}
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"VLADIMIR V. PUTIN", "Vladimir V. Putin"},
		{"ABU BAKR AL-ZARQAWI", "Abu Bakr al-Zarqawi"},
		{"MARIA O'DONNELL MCARTHUR", "Maria O'Donnell McArthur"},
		{"KGB OF BELARUS", "KGB of Belarus"},
	}
	for _, tt := range tests {
		if got := display(tt.in); got != tt.want {
			t.Errorf("display(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGenerateSample imports the sample dictionary and checks every row.
func TestGenerateSample(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"sample.actors.txt", "sample.agents.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "src", f))
		if err != nil {
			t.Fatal(err)
		}
		name := map[string]string{"sample.actors.txt": "Phoenix.Countries.actors.txt.gz", "sample.agents.txt": agentsFile}[f]
		writeGz(t, filepath.Join(dir, name), data)
	}
	writeGz(t, filepath.Join(dir, "Phoenix.International.actors.txt.gz"), nil)
	writeGz(t, filepath.Join(dir, "Phoenix.MilNonState.actors.txt.gz"), nil)
	actors, agents, err := generate(dir, filepath.Join("testdata", "data"), filepath.Join("testdata", "review.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Andrei Petrovich Kovalev\tAndrei Kovalev\tperson\tBLR\tGOV\tBLR:ELI:1970-01-01:1994-07-20|BLR:GOV:1994-07-20:2010-01-01|BLR:GOV:2012-03-01:|BLR:ELI::\tPhoenix.Countries.actors.txt:8",
		"Maria O'Donnell McArthur\t\tperson\tUSA\tGOV\tUSA:GOV:1997-01-20:2001-01-20\tPhoenix.Countries.actors.txt:16",
		"Belarus State Security Committee\tKGB of Belarus\torganization\tBLR\tSPY\tBLR:SPY::\tPhoenix.Countries.actors.txt:20",
		"Minsk City Council\t\torganization\tBLR\tGOV\tBLR:GOV::\tPhoenix.Countries.actors.txt:23",
		"Bad Date Person\t\tperson\tBLR\tGOV\tBLR:GOV:1992-01-01:1993-01-01\tPhoenix.Countries.actors.txt:25",
		"Abu Bakr al-Zarqawi\t\tperson\tIMG\tREB\tIMG:REB:1999-01-01:2006-06-07\tPhoenix.Countries.actors.txt:26",
	}
	checkRows(t, "actors", actors, want)
	wantAgents := []string{
		"foreign minister\t\tGOV\tGOVFRM\tPhoenix.agents.txt:3",
		"policeman\t\tCOP\tCOP\tPhoenix.agents.txt:4",
		"policewoman\t\tCOP\tCOP\tPhoenix.agents.txt:4",
		"troop\t\tMIL\tMIL\tPhoenix.agents.txt:5",
		"attorney general\tattorneys general\tGOV\tGOVATG\tPhoenix.agents.txt:6",
	}
	checkRows(t, "agents", agents, wantAgents)
}

// TestRegenerate checks that importing the shared dictionaries reproduces the committed files.
func TestRegenerate(t *testing.T) {
	src := filepath.Join(testshared.Dir(t, "the regeneration test"), "reference", "petrarch2")
	if _, err := os.Stat(filepath.Join(src, actorFiles[0])); err != nil {
		t.Skip("the Phoenix dictionaries (../shared/reference/petrarch2) are not here")
	}
	data := filepath.Join("..", "..", "internal", "nlp", "actor", "data")
	actors, agents, err := generate(src, data, "review.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"phoenix-actors.tsv": actors, "phoenix-agents.tsv": agents} {
		want, err := os.ReadFile(filepath.Join(data, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what cmd/import-phoenix makes now; run: go run ./cmd/import-phoenix -src ../shared/reference/petrarch2", name)
		}
	}
}

// checkRows compares the data rows of an output file with want.
func checkRows(t *testing.T, label string, b []byte, want []string) {
	t.Helper()
	if got := strings.Join(rows(b), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant:\n%s", label, got, strings.Join(want, "\n"))
	}
}

func rows(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func FuzzParse(f *testing.F) {
	f.Add("A_B_ [USAGOV 940720-100101]\n+C_D\n\t[USAELI >120301]\n")
	f.Add("X [Y\n+\n\t[]\n[---]")
	f.Add("!P! = A, B\nX!P! {XS} [~GOV]\n")
	f.Fuzz(func(t *testing.T, s string) {
		recs, _, err := parseActors(strings.NewReader(s))
		if err == nil {
			for _, r := range recs {
				if r.phrase == "" {
					t.Fatalf("record with no phrase from %q", s)
				}
			}
		}
		if _, err := parseAgents(strings.NewReader(s)); err != nil {
			return
		}
	})
}

func writeGz(t *testing.T, path string, data []byte) {
	t.Helper()
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	if _, err := z.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
