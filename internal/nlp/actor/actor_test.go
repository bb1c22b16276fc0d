package actor

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp/lowercase"
	"github.com/tidings-news/tidings/internal/nlp/sentence"
	"github.com/tidings-news/tidings/internal/nlp/syntax"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/testshared"
)

// testRecognizer loads the small lexicons of testdata/lex.
func testRecognizer(t *testing.T, extra ...string) *Recognizer {
	t.Helper()
	r, err := New(Options{Data: os.DirFS("testdata/lex"), ExtraFiles: extra})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return r
}

func annotate(r *Recognizer, text, published string) *model.Document {
	doc := &model.Document{Text: text, Published: published}
	doc.Sentences = sentence.New().Split(text)
	r.Annotate(doc)
	return doc
}

// find returns the actor whose name is name, or nil.
func find(doc *model.Document, name string) *model.Actor {
	for i := range doc.Actors {
		if doc.Actors[i].Name == name {
			return &doc.Actors[i]
		}
	}
	return nil
}

func mentionTexts(a *model.Actor) []string {
	var out []string
	for _, m := range a.Mentions {
		out = append(out, m.Text)
	}
	return out
}

func TestActors(t *testing.T) {
	r := testRecognizer(t)
	type want struct {
		name, kind, country, role string
		mentions                  []string // texts that must be among the mentions
	}
	tests := []struct {
		name   string
		text   string
		want   []want
		absent []string // names that must not be actors
	}{
		{
			name: "title with demonym, surname later",
			text: "Iraqi Prime Minister Mohammed Shia al-Sudani announced the strike on Friday. Sudani called it a success.",
			want: []want{
				{"Mohammed Shia al-Sudani", "person", "IRQ", "Prime Minister", []string{"Mohammed Shia al-Sudani", "Sudani"}},
				{"Iraq", "country", "IRQ", "", []string{"Iraqi"}},
			},
			absent: []string{"Friday"},
		},
		{
			name: "apposition gives the body's code",
			text: "Geir Pedersen, the U.N. special envoy for Syria, said the talks would go on. Pedersen spoke in Geneva.",
			want: []want{
				{"Geir Pedersen", "person", "UNO", "", []string{"Geir Pedersen", "Pedersen"}},
				{"Syria", "country", "SYR", "", []string{"Syria"}},
			},
		},
		{
			name: "capital and seat stand for the state",
			text: "Moscow said the plan was dead. The Kremlin gave no reason.",
			want: []want{{"Russia", "country", "RUS", "", []string{"Moscow", "The Kremlin"}}},
		},
		{
			name: "bodies and groups take the state before them",
			text: "The Russian Foreign Ministry condemned the arrests. Iranian protesters clashed with security forces.",
			want: []want{
				{"Russian Foreign Ministry", "organization", "RUS", "", nil},
				{"Iranian protesters", "group", "IRN", "", nil},
				{"security forces", "group", "", "", nil},
			},
		},
		{
			name: "speech verb and given name",
			text: "\"We will stay,\" said Lucy Mtilatila, who runs the office.",
			want: []want{{"Lucy Mtilatila", "person", "", "", nil}},
		},
		{
			name:   "no people from storms, months or headline words",
			text:   "Tropical Cyclone Jude hit Malawi in January. However, Meanwhile Foods said nothing.",
			want:   []want{{"Malawi", "country", "MWI", "", nil}},
			absent: []string{"Cyclone Jude", "Jude", "Meanwhile Foods", "However"},
		},
		{
			name: "pronoun goes to the woman of the sentence before",
			text: "Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow was ready. She accused foreign powers of meddling.",
			want: []want{{"Maria Zakharova", "person", "RUS", "Foreign Ministry spokeswoman", []string{"Maria Zakharova", "She"}}},
		},
		{
			name: "a possessive after a speech verb is not the speaker a later he stands for",
			text: "Economic adviser Kevin Hassett spoke on Sunday. He said Donald Trump's tariffs were aimed at drugs. \"It is a big problem,\" he said.",
			want: []want{{"Kevin Hassett", "person", "", "", []string{"Kevin Hassett", "He", "he"}}},
		},
		{
			name: "counterpart, both presidents and the leader",
			text: "The Russian leader phoned Masoud Pezeshkian. Russian President Vladimir Putin held a call with his Iranian counterpart, Masoud Pezeshkian. Both presidents called for calm.",
			want: []want{
				{"Vladimir Putin", "person", "RUS", "President", []string{"The Russian leader", "Vladimir Putin", "Both presidents"}},
				{"Masoud Pezeshkian", "person", "IRN", "President", []string{"his Iranian counterpart", "Both presidents"}},
			},
		},
		{
			name: "listed office holder valid at the date",
			text: "Trump spoke to reporters. Donald Trump later left.",
			want: []want{{"Donald Trump", "person", "USA", "President", []string{"Trump", "Donald Trump"}}},
		},
		{
			name:   "a relative is not the listed person",
			text:   "Melania Trump spoke to reporters on Friday.",
			want:   []want{{"Melania Trump", "person", "", "", nil}},
			absent: []string{"Donald Trump"},
		},
		{
			name:   "a place, not the state",
			text:   "Ships crossed the Taiwan Strait. Farmers from Alabama and Georgia protested.",
			absent: []string{"Taiwan", "Georgia"},
		},
		{
			name:   "the end of a longer name",
			text:   "Fires burned in New South Wales while Southern Georgian towns were calm.",
			absent: []string{"United Kingdom"},
		},
		{
			name: "hyphenated state",
			text: "U.S.-backed forces took the town.",
			want: []want{{"United States", "country", "USA", "", []string{"U.S."}}},
		},
		{
			name:   "credit line names no one",
			text:   "The vote was delayed. Simon Denhere contributed to this report.",
			absent: []string{"Simon Denhere"},
		},
		{
			name:   "a broadcast hand-off names a reporter, not an actor",
			text:   "Talks opened in Paris. Lisa Morrow has more from Paris. Mary Okafor reports from Lagos. Defense Minister Ruben Holt spoke.",
			absent: []string{"Lisa Morrow", "Mary Okafor"},
			want:   []want{{"Ruben Holt", "person", "", "Defense Minister", nil}},
		},
		{
			name:   "a video label names a reporter",
			text:   "Parties won again. WATCH: Anita Pell's video report Opposition leaders say the vote was unfair.",
			absent: []string{"Anita Pell"},
		},
		{
			name: "a name with has more is still a person in a longer sentence",
			text: "John Hale has more money than any rival, the filing said.",
			want: []want{{"John Hale", "person", "", "", nil}},
		},
		{
			name:   "news agency credit",
			text:   "BAGHDAD (Reuters) - Iraqi authorities said the road was open.",
			want:   []want{{"Iraqi authorities", "group", "IRQ", "", nil}},
			absent: []string{"Reuters"},
		},
		{
			name: "unlisted organisation with its state and acronym",
			text: "Experts at the Germany-based Kurdish Center for Studies (KCS) disagreed. KCS said the text was flawed.",
			want: []want{{"Germany-based Kurdish Center for Studies", "organization", "DEU", "", []string{"KCS"}}},
		},
		{
			name: "a body after his takes the owner's state",
			text: "U.S. President Donald Trump said his administration was ready.",
			want: []want{{"administration", "organization", "USA", "", []string{"administration"}}},
		},
		{
			name: "unnamed state bodies take the clear home state",
			text: "Malawi declared a disaster. Malawi asked for aid. The military said roads were closed. Malawi thanked donors.",
			want: []want{{"military", "organization", "MWI", "", nil}},
		},
		{
			name: "he added goes to the last speaker",
			text: "Mhlanga's arrest was a warning, Simon Mhike told VOA. \"It is worrisome,\" he added.",
			want: []want{{"Simon Mhike", "person", "", "", []string{"he"}}},
		},
		{
			name: "they opens a clause after a group",
			text: "Iranian protesters gathered in Tehran. They demanded change.",
			want: []want{{"Iranian protesters", "group", "IRN", "", []string{"They"}}},
		},
		{
			name: "a description with modifiers before the state",
			text: "U.S. Secretary of State Marco Rubio met donors. \"We will help,\" the top U.S. diplomat said.",
			want: []want{{"Marco Rubio", "person", "USA", "Secretary of State", []string{"the top U.S. diplomat"}}},
		},
		{
			name:   "a place before a title is no given name",
			text:   "Charlotte Mayor Jennifer Roberts said the city was calm.",
			want:   []want{{"Jennifer Roberts", "person", "", "Charlotte Mayor", nil}},
			absent: []string{"Charlotte Mayor Jennifer Roberts"},
		},
		{
			name:   "a place named after someone",
			text:   "The girl is at Queen Maria Central Hospital, said the police.",
			absent: []string{"Maria Central", "Maria Central Hospital"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := annotate(r, tc.text, "2026-01-16")
			for _, w := range tc.want {
				a := find(doc, w.name)
				if a == nil {
					t.Fatalf("no actor %q in %s", w.name, dump(doc))
				}
				if a.Kind != w.kind || a.Country != w.country {
					t.Errorf("%q: kind %q country %q, want %q %q", w.name, a.Kind, a.Country, w.kind, w.country)
				}
				if w.role != "" && a.Role != w.role {
					t.Errorf("%q: role %q, want %q", w.name, a.Role, w.role)
				}
				got := mentionTexts(a)
				for _, m := range w.mentions {
					if !contains(got, m) {
						t.Errorf("%q: mentions %q lack %q", w.name, got, m)
					}
				}
			}
			for _, n := range tc.absent {
				if a := find(doc, n); a != nil {
					t.Errorf("unexpected actor %q (%s)", n, a.Kind)
				}
				for _, a := range doc.Actors {
					if a.Kind == model.KindCountry && strings.EqualFold(a.Name, n) {
						t.Errorf("unexpected state %q", n)
					}
				}
			}
			checkSpans(t, doc)
		})
	}
}

// TestEmbeddedGivenNames checks the embedded list of given names: a listed given name alone
// makes a capitalised pair a person, and a word that opens place and group names is not listed.
func TestEmbeddedGivenNames(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text     string
		people, absent []string
	}{
		{"Turkish", "Prosecutors questioned Metin Yavuzer about the contracts.", []string{"Metin Yavuzer"}, nil},
		{"English short form", "Chuck Pelham visited the flooded farms on Monday.", []string{"Chuck Pelham"}, nil},
		{"Albanian", "Lulzim Krasniqi joined the new coalition in March.", []string{"Lulzim Krasniqi"}, nil},
		{"Kurdish", "Nechirvan Dosky toured the camps near the border.", []string{"Nechirvan Dosky"}, nil},
		{"Somali", "Abdikarim Warfaa opened the new clinic.", []string{"Abdikarim Warfaa"}, nil},
		{"Ghanaian", "Kwadwo Mensah-Boateng led the march through the capital.", []string{"Kwadwo Mensah-Boateng"}, nil},
		{"places that open with a given name", "Revellers filled Lan Kwai Fong and Hua Hin over the holiday.", nil, []string{"Lan Kwai Fong", "Hua Hin"}},
		{"a troupe and a settlement", "Fans of Monty Python met settlers from Elon Moreh.", nil, []string{"Monty Python", "Elon Moreh"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := annotate(r, tc.text, "2026-01-16")
			for _, n := range tc.people {
				if a := find(doc, n); a == nil || a.Kind != model.KindPerson {
					t.Errorf("no person %q in %s", n, dump(doc))
				}
			}
			for _, n := range tc.absent {
				if a := find(doc, n); a != nil && a.Kind == model.KindPerson {
					t.Errorf("unexpected person %q", n)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func dump(doc *model.Document) string {
	var b strings.Builder
	for _, a := range doc.Actors {
		b.WriteString(a.Name + "/" + a.Kind + "/" + a.Country + "; ")
	}
	return b.String()
}

// checkSpans verifies that every mention lies in the text, on rune boundaries, with its text.
func checkSpans(t *testing.T, doc *model.Document) {
	t.Helper()
	for _, a := range doc.Actors {
		if a.ID == "" || len(a.Mentions) == 0 {
			t.Errorf("actor %q without id or mentions", a.Name)
		}
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
				t.Fatalf("mention %+v outside the text (%d bytes)", m.Span, len(doc.Text))
			}
			if !boundary(doc.Text, m.Start) || !boundary(doc.Text, m.End) {
				t.Fatalf("mention %+v not on rune boundaries", m.Span)
			}
			if doc.Text[m.Start:m.End] != m.Text {
				t.Errorf("mention text %q, span says %q", m.Text, doc.Text[m.Start:m.End])
			}
		}
	}
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || (s[i]&0xC0) != 0x80
}

func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "local.tsv")
	data := "# format: people\n# our officials\nJane Okonkwo\tOkonkwo\tNGA\tGovernor\tGOV\t2024-01-01\t\n"
	if err := os.WriteFile(f, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	r := testRecognizer(t, f)
	doc := annotate(r, "Okonkwo opened the bridge on Monday.", "2026-01-16")
	a := find(doc, "Jane Okonkwo")
	if a == nil || a.Country != "NGA" || a.Role != "Governor" {
		t.Fatalf("user lexicon person not found: %s", dump(doc))
	}

	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("Jane\tNGA\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Data: os.DirFS("testdata/lex"), ExtraFiles: []string{bad}}); err == nil {
		t.Error("a user lexicon without a format line was accepted")
	}
	if _, err := New(Options{Data: os.DirFS("testdata/lex"), ExtraFiles: []string{filepath.Join(dir, "missing.tsv")}}); err == nil {
		t.Error("a missing user lexicon was accepted")
	}
}

func TestIndex(t *testing.T) {
	r := testRecognizer(t)
	doc := annotate(r, "The Russian Foreign Ministry said Iran was calm.", "2026-01-16")
	x := NewIndex(doc)
	start := strings.Index(doc.Text, "Russian")
	end := strings.Index(doc.Text, " said")
	sp := model.Span{Start: start, End: end}
	outer := x.Outer(sp)
	if len(outer) != 1 || x.Actor(outer[0]).Name != "Russian Foreign Ministry" {
		t.Fatalf("Outer = %+v", outer)
	}
	if in := x.In(sp); len(in) != 2 {
		t.Errorf("In = %+v, want the ministry and the state inside it", in)
	}
	if a := MentionAt(doc, model.Span{Start: start, End: start + len("Russian")}); a == nil || a.Country != "RUS" || a.Kind != model.KindCountry {
		t.Errorf("MentionAt(Russian) = %+v", a)
	}
	if at := x.At(start); len(at) != 2 || x.Actor(at[0]).Kind != model.KindCountry {
		t.Errorf("At = %+v, want the state first", at)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. President", []string{"U.S.", "President"}},
		{"Iran's al-Rufay'i", []string{"Iran", "'s", "al-Rufay'i"}},
		{"Iran’s Tima-Weeyne.", []string{"Iran", "’s", "Tima-Weeyne", "."}},
		{"C. Raja Mohan", []string{"C.", "Raja", "Mohan"}},
		{"Gen. Smith", []string{"Gen", ".", "Smith"}},
		{"We don't, they can’t.", []string{"We", "don't", ",", "they", "can’t", "."}},
		{"1,000 at AT&T ''", []string{"1", ",", "000", "at", "AT", "&", "T", "'", "'"}},
		{"a U.S.-led force", []string{"a", "U.S.", "-", "led", "force"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range tokenize(tc.in, 0, nil, nil, nil) {
			got = append(got, tk.text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDocTokensFromLayer checks that the words read from a document's layer tokens, text
// between its sentences included, are the words of its text tokenised afresh, and that
// sentences out of order fall back to the text.
func TestDocTokensFromLayer(t *testing.T) {
	text := "HEADLINE\n\nMr. Putin met Iran's envoy. They don't agree; U.S.-led talks stall.  Tail words"
	sentAt := func(s string) model.Span {
		i := strings.Index(text, s)
		return model.Span{Start: i, End: i + len(s)}
	}
	sents := []model.Span{sentAt("Mr. Putin met Iran's envoy."), sentAt("They don't agree; U.S.-led talks stall.")}
	layer := make([][]model.Token, len(sents))
	for i, s := range sents {
		layer[i] = syntax.AppendTokens(nil, text, s.Start, s.End)
	}
	spans := func(ts []token) []string {
		var out []string
		for _, tk := range ts {
			out = append(out, fmt.Sprintf("%d-%d:%s", tk.start, tk.end, tk.text))
		}
		return out
	}
	var low lowercase.Text
	low.Reset(text)
	want := spans(tokenize(text, 0, &low, nil, nil))
	for _, tc := range []struct {
		name  string
		sents []model.Span
		toks  [][]model.Token
	}{
		{"layer", sents, layer},
		{"no layer", sents, nil},
		{"out of order", []model.Span{sents[1], sents[0]}, [][]model.Token{layer[1], layer[0]}},
	} {
		doc := &model.Document{Text: text, Sentences: tc.sents, Tokens: tc.toks}
		got, _ := docTokens(doc, &low, nil, nil)
		if !slices.Equal(spans(got), want) {
			t.Errorf("%s: %q, want %q", tc.name, spans(got), want)
		}
		for _, tk := range got {
			if tk.lower != strings.ToLower(tk.text) {
				t.Errorf("%s: lower of %q is %q", tc.name, tk.text, tk.lower)
			}
		}
	}
}

func sharedDir(t *testing.T) string { return testshared.Dir(t, "the seed test") }

func TestSeedArticle(t *testing.T) {
	shared := sharedDir(t)
	b, err := os.ReadFile(filepath.Join(shared, "seed", "putin-talks-to-iranian-president.txt"))
	if err != nil {
		t.Skipf("seed article unreadable: %v", err)
	}
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Read as the pipeline reads it: the title and standfirst come off the text.
	doc, err := reader.Read(b, reader.Options{Now: time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	doc.Sentences = sentence.New().Split(doc.Text)
	r.Annotate(doc)
	people := map[string]*model.Actor{}
	for i := range doc.Actors {
		if doc.Actors[i].Kind == model.KindPerson {
			people[doc.Actors[i].Name] = &doc.Actors[i]
		}
	}
	want := map[string][2]string{
		"Vladimir Putin":    {"RUS", "President"},
		"Masoud Pezeshkian": {"IRN", "President"},
		"Maria Zakharova":   {"RUS", "Foreign Ministry spokeswoman"},
		"Donald Trump":      {"USA", "President"},
	}
	if len(people) != len(want) {
		t.Errorf("people = %d, want %d: %s", len(people), len(want), dump(doc))
	}
	for name, w := range want {
		p := people[name]
		if p == nil {
			t.Errorf("missing %s", name)
			continue
		}
		if p.Country != w[0] || p.Role != w[1] {
			t.Errorf("%s: %s %q, want %s %q", name, p.Country, p.Role, w[0], w[1])
		}
	}
	if p := people["Vladimir Putin"]; p != nil {
		got := mentionTexts(p)
		for _, m := range []string{"Vladimir Putin", "Both presidents", "Putin"} {
			if !contains(got, m) {
				t.Errorf("Putin's mentions %q lack %q", got, m)
			}
		}
		// "The Russian leader" is in the standfirst alone, "Putin" in the title.
		var lead []string
		for _, m := range p.LeadMentions {
			lead = append(lead, m.Field+": "+m.Text)
		}
		for _, m := range []string{"standfirst: The Russian leader", "title: Putin"} {
			if !contains(lead, m) {
				t.Errorf("Putin's lead mentions %q lack %q", lead, m)
			}
		}
	}
	states := map[string]bool{}
	for _, a := range doc.Actors {
		if a.Country != "" {
			states[a.Country] = true
		}
	}
	for _, c := range []string{"RUS", "IRN", "USA", "ISR"} {
		if !states[c] {
			t.Errorf("state %s not found", c)
		}
	}
	checkSpans(t, doc)
}
