package cameo

import (
	"bytes"
	"compress/gzip"
	"os"
	"slices"
	"strings"
	"testing"
)

// A dictionary written for the test in the CAMEO verb format.
const sample = `# comment
&WEAPON
+MISSILE
# a comment inside a set
+ROCKET

&HUGE
+A
+B
+C
+D
+E
+F
+G
+H
+I

---  FIRE   [---]  ---
FIRE
SHOOT {SHOOTS SHOT SHOOTING} [190]
+OPEN_FIRE
- * &WEAPON (AT)                         [195]   # FIRE
- * {TEAR GAS}                            [175]
- * MINISTER                              [---]
- $ * +                                   [190]
- * &HUGE                                 [190]
- * &UNKNOWN                              [190]

---  PRAISE   [051]  ---
PRAISE
LAUD
WIRE_+TAP
`

func TestRead(t *testing.T) {
	d, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Sets["WEAPON"]; len(got) != 2 {
		t.Errorf("WEAPON set: got %v, want missile and rocket", got)
	}
	if len(d.Blocks) != 2 {
		t.Fatalf("got %d blocks, want 2", len(d.Blocks))
	}
	fire := d.Blocks[0]
	if fire.Name != "FIRE" || fire.Code != "---" {
		t.Errorf("header: got %q %q", fire.Name, fire.Code)
	}
	var verbs []string
	for _, v := range fire.Verbs {
		verbs = append(verbs, strings.Join(v.Words, " ")+"/"+v.Code)
	}
	if want := []string{"fire/", "shoot/190", "open fire/"}; !slices.Equal(verbs, want) {
		t.Errorf("verbs: got %v, want %v", verbs, want)
	}
	if len(fire.Rules) != 3 || fire.Skipped != 3 {
		t.Errorf("got %d rules and %d skipped, want 3 and 3 (actor slots, a long set, an unknown set)", len(fire.Rules), fire.Skipped)
	}
	if len(d.Blocks[1].Verbs) != 2 {
		t.Errorf("a verb with its particle first must be left out: got %v", d.Blocks[1].Verbs)
	}
	if _, err := Read(strings.NewReader("- * X [010]\n")); err == nil {
		t.Error("a pattern before any block must fail")
	}
	if _, err := Read(strings.NewReader("---  X  ---\n- * X\n")); err == nil {
		t.Error("a pattern without a code must fail")
	}
}

func TestConvert(t *testing.T) {
	d, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	table, err := ReadMapping(strings.NewReader("05: SUPPORT\n051: SUPPORT,  , diplomatic # Praise\n175: COERCE, crowd-control, # x\n19: ASSAULT\n195: ASSAULT, heavy-weapons, military\n010: , , # none\n"))
	if err != nil {
		t.Fatal(err)
	}
	review, err := ReadReview(strings.NewReader("keep\tshoot praise\treviewed\nwords\tfire rocket at\ta test drop\n"))
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]string{"ASSAULT/heavy-weapons": "Heavy-weapons"}
	rows, _ := Convert(d, table, Options{Review: review, Modes: modes})
	got := map[string]string{}
	for _, r := range rows {
		got[strings.Join(r.Words, " ")] = r.Type + "/" + r.Mode
	}
	tests := []struct {
		words, want string
	}{
		{"shoot", "ASSAULT/"},
		{"praise", "SUPPORT/"},
		{"fire missile at", "ASSAULT/Heavy-weapons"},
		{"shoot missile at", "ASSAULT/Heavy-weapons"},
		{"fire tear gas", "COERCE/"}, // a mode tidings does not score is dropped
		{"fire minister", "-/"},      // a sense that codes nothing stops the verb
		{"fire", ""},                 // the bare verb codes nothing
		{"laud", ""},                 // not kept by the review
		{"fire rocket at", ""},       // dropped by the review
		{"open fire missile at", ""}, // a phrasal verb takes no objects of the block
	}
	for _, tc := range tests {
		if got[tc.words] != tc.want {
			t.Errorf("%q: got %q, want %q", tc.words, got[tc.words], tc.want)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "v\tfire missile at\tASSAULT\tHeavy-weapons\tobj pp=on,against,at  # CAMEO 195 FIRE\n") {
		t.Errorf("written patterns lack their provenance:\n%s", buf.String())
	}
}

func TestReadReviewErrors(t *testing.T) {
	for _, in := range []string{"words\tfire\n", "drop\tfire\treason\n"} {
		if _, err := ReadReview(strings.NewReader(in)); err == nil {
			t.Errorf("%q: want an error", in)
		}
	}
}

// TestSharedDictionary reads the CAMEO dictionary of the evaluation kit when it is there.
func TestSharedDictionary(t *testing.T) {
	f, err := os.Open("../../../../../shared/reference/petrarch2/CAMEO.2.0.txt.gz")
	if err != nil {
		t.Skip("the shared CAMEO dictionary is absent:", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(z)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) < 300 {
		t.Errorf("got %d verb blocks, want the dictionary's 397", len(d.Blocks))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("---  X [01")
	f.Add("&S\n+A_B\n\n---  V  [010] ---\nV {VS\n- * &S (ON {A B}) [010]\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, b := range d.Blocks {
			for _, r := range b.Rules {
				for _, a := range r.Alternatives {
					if len(a) == 0 || len(a) >= maxWords {
						t.Fatalf("rule of %d words", len(a))
					}
				}
			}
		}
	})
}
