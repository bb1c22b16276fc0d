package event

import (
	"os"
	"strings"
	"testing"
)

func TestSeedHandActors(t *testing.T) {
	b, err := os.ReadFile("/work/shared/seed/putin-talks-to-iranian-president.txt")
	if err != nil {
		t.Skip("no seed")
	}
	text := string(b)
	i := strings.Index(text, "Russian President Vladimir")
	text = text[i:]
	doc := buildDoc(text,
		act{"a1", "person", "RUS", []string{"Russian President Vladimir Putin", "Vladimir Putin", "Putin"}},
		act{"a2", "person", "IRN", []string{"Iranian counterpart, Masoud Pezeshkian", "Masoud Pezeshkian", "Pezeshkian"}},
		act{"a3", "country", "IRN", []string{"Islamic Republic", "Iran", "Iranian", "the country", "Tehran"}},
		act{"a4", "country", "USA", []string{"US", "the US leader"}},
		act{"a5", "country", "ISR", []string{"Israel"}},
		act{"a6", "organization", "RUS", []string{"Kremlin", "Russian Foreign Ministry", "Moscow"}},
		act{"a7", "person", "RUS", []string{"Maria Zakharova", "Zakharova", "She"}},
		act{"a8", "person", "USA", []string{"US President Donald Trump", "Donald Trump"}},
		act{"a9", "country", "RUS", []string{"Russia", "Russian"}},
		act{"a10", "group", "", []string{"Western", "foreign powers"}},
		act{"a11", "organization", "IRN", []string{"Iranian authorities", "security forces"}},
	)
	testCoder(t).Annotate(doc)
	for _, e := range doc.Events {
		t.Logf("%s %s %v>%v %s %q trig=%q date=%v attr=%q", e.ID, e.Type, e.Source, e.Target, e.Certainty, doc.Text[e.Sentence.Start:min(e.Sentence.End, e.Sentence.Start+60)], doc.Text[e.Trigger.Start:e.Trigger.End], e.Date, e.AttributedTo)
	}
	t.Log(triples(doc))
}
