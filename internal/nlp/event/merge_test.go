package event

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// repeatCase is one case of testdata/repeats.txt.
type repeatCase struct {
	name, text string
	want       []string
}

func readRepeatCases(t *testing.T, path string) []repeatCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []repeatCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			cases = append(cases, repeatCase{name: strings.TrimPrefix(line, "## ")})
		case strings.HasPrefix(line, "text: ") && len(cases) > 0:
			cases[len(cases)-1].text = strings.TrimPrefix(line, "text: ")
		case strings.HasPrefix(line, "want: ") && len(cases) > 0:
			cases[len(cases)-1].want = append(cases[len(cases)-1].want, strings.TrimPrefix(line, "want: "))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// reports lists each event as "TYPE SOURCES>TARGETS REPORTS" over actor ids.
func reports(doc *model.Document) []string {
	ids := func(l []string) string {
		if len(l) == 0 {
			return "-"
		}
		l = slices.Clone(l)
		slices.Sort(l)
		return strings.Join(l, ",")
	}
	var out []string
	for _, e := range doc.Events {
		out = append(out, fmt.Sprintf("%s %s>%s %d", e.Type, ids(e.Source), ids(e.Target), 1+len(e.Mentions)))
	}
	return out
}

func TestRepeatedReports(t *testing.T) {
	c := testCoder(t)
	cases := readRepeatCases(t, "testdata/repeats.txt")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/repeats.txt")
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.text, testActors...)
			addTimes(doc)
			c.Annotate(doc)
			if got := reports(doc); !slices.Equal(got, tc.want) {
				t.Errorf("%q\n got  %q\n want %q", tc.text, got, tc.want)
			}
			for _, e := range doc.Events {
				for _, m := range e.Mentions {
					if m.Sentence.Start <= e.Sentence.Start {
						t.Errorf("mention at %d does not follow the first report at %d", m.Sentence.Start, e.Sentence.Start)
					}
				}
			}
		})
	}
}

func TestMergeRepeats(t *testing.T) {
	ev := func(typ, mode, src, tgt, date string, sent int) model.Event {
		e := model.Event{Type: typ, Mode: mode, Date: model.EventDate{Value: date},
			Sentence: model.Span{Start: sent, End: sent + 10}, Trigger: model.Span{Start: sent + 1, End: sent + 3}}
		if src != "" {
			e.Source = strings.Split(src, ",")
		}
		if tgt != "" {
			e.Target = strings.Split(tgt, ",")
		}
		return e
	}
	tests := []struct {
		name string
		in   []model.Event
		want []int // reports per output event
	}{
		{"one event", []model.Event{ev("CONSULT", "", "a", "b", "2026-01-02", 0)}, []int{1}},
		{"twice", []model.Event{ev("CONSULT", "", "a", "b", "2026-01-02", 0), ev("CONSULT", "", "a", "b", "2026-01-02", 20)}, []int{2}},
		{"modes that differ stay apart", []model.Event{ev("CONSULT", "Phone", "a", "b", "2026-01-02", 0), ev("CONSULT", "Visit", "a", "b", "2026-01-02", 20)}, []int{1, 1}},
		{"a mode and none join", []model.Event{ev("CONSULT", "", "a", "b", "2026-01-02", 0), ev("CONSULT", "Phone", "a", "b", "2026-01-02", 20)}, []int{2}},
		{"other type", []model.Event{ev("CONSULT", "", "a", "b", "2026-01-02", 0), ev("AGREE", "", "a", "b", "2026-01-02", 20)}, []int{1, 1}},
		{"no target and a target", []model.Event{ev("PROTEST", "", "a", "", "2026-01-02", 0), ev("PROTEST", "", "a", "b", "2026-01-02", 20)}, []int{1, 1}},
		{"sets, not lists", []model.Event{ev("AGREE", "", "a,b", "c", "2026-01", 0), ev("AGREE", "", "b,a", "c", "2026-01", 20), ev("AGREE", "", "a", "c", "2026-01", 40)}, []int{2, 1}},
		{"the same words twice are one report", []model.Event{ev("AGREE", "", "a", "c", "2026-01", 0), ev("AGREE", "", "a", "c", "2026-01", 0)}, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := mergeRepeats(slices.Clone(tc.in))
			var got []int
			for _, e := range out {
				got = append(got, 1+len(e.Mentions))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// addTimes dates the weekdays of a test text in the week of 2026-01-12.
func addTimes(doc *model.Document) {
	days := map[string]string{"Monday": "2026-01-12", "Tuesday": "2026-01-13", "Friday": "2026-01-16", "June": "2026-06"}
	for day, value := range days {
		for off := 0; ; {
			i := strings.Index(doc.Text[off:], day)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(day)
			doc.Times = append(doc.Times, model.Time{Span: model.Span{Start: s, End: off}, Text: day, Type: "DATE", Value: value})
		}
	}
	slices.SortFunc(doc.Times, func(a, b model.Time) int { return a.Start - b.Start })
}

// A time inside the infinitive that follows an agreement or an intent dates what was agreed
// ("to meet again in June"), not the agreement: the event keeps the date of its own words.
func TestContentTimeDoesNotDate(t *testing.T) {
	c := testCoder(t)
	tests := []struct{ text, want string }{
		{"Russia and Iran agreed to meet again in June.", "2026-01-16"},
		{"Russia and Iran agreed on Tuesday to meet again in June.", "2026-01-13"},
		{"Russia and Iran agreed in June to meet again.", "2026-06"},
		{"Russia attacked Ukraine on Tuesday to gain ground before June.", "2026-01-13"},
		{"Russia attacked Ukraine in June.", "2026-06"},
	}
	for _, tc := range tests {
		doc := buildDoc(tc.text, testActors...)
		addTimes(doc)
		c.Annotate(doc)
		if len(doc.Events) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		for _, e := range doc.Events {
			if e.Date.Value != tc.want {
				t.Errorf("%q: %s dated %s (%q), want %s", tc.text, e.Type, e.Date.Value, e.Date.Text, tc.want)
			}
		}
	}
}
