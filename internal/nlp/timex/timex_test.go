package timex

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

type want struct {
	text, typ, value string
}

func find(t *testing.T, text, published string) []model.Time {
	t.Helper()
	doc := &model.Document{Text: text, Published: published}
	New().Annotate(doc)
	return doc.Times
}

func TestAnnotate(t *testing.T) {
	const fri = "2026-01-16T19:54" // a Friday
	const wed = "2025-03-12T14:00" // a Wednesday
	tests := []struct {
		name      string
		published string
		text      string
		want      []want
	}{
		{"late last month", fri, "The unrest broke out late last month.", []want{{"late last month", "DATE", "2025-12"}}},
		{"on Friday past", fri, "The Kremlin said on Friday that talks went well.", []want{{"Friday", "DATE", "2026-01-16"}}},
		{"weekday past", wed, "The ministers met on Monday in Jeddah.", []want{{"Monday", "DATE", "2025-03-10"}}},
		{"weekday future", wed, "The ministers will meet on Friday in Jeddah.", []want{{"Friday", "DATE", "2025-03-14"}}},
		{"weekday same day", wed, "Officials said Wednesday the deal holds.", []want{{"Wednesday", "DATE", "2025-03-12"}}},
		{"this week", fri, "Zakharova said this week that Moscow objects.", []want{{"this week", "DATE", "2026-W03"}}},
		{"earlier this week", fri, "Earlier this week, the leader spoke.", []want{{"Earlier this week", "DATE", "2026-W03"}}},
		{"month naming an event", "2024-06-30T12:00", "Doubts about the country's February elections would hurt the talks.", []want{{"February", "DATE", "2024-02"}}},
		{"month in a future clause", "2024-06-30T12:00", "The council would meet again in February.", []want{{"February", "DATE", "2025-02"}}},
		{"weekday in a present clause", "2025-03-11T12:00", "There's another meeting in Paris Wednesday.", []want{{"Wednesday", "DATE", "2025-03-12"}}},
		{"weekday possessive in a present clause", "2025-03-11T12:00", "Trump is raising questions about Monday's debate.", []want{{"Monday", "DATE", "2025-03-10"}}},
		{"weekday after is", "2025-03-11T12:00", "The vote is Thursday.", []want{{"Thursday", "DATE", "2025-03-13"}}},
		{"last January", fri, "He visited Moscow last January.", []want{{"last January", "DATE", "2025-01"}}},
		{"in recent weeks", fri, "Protests have grown in recent weeks.", []want{{"recent weeks", "DATE", "PAST_REF"}}},
		{"recently", wed, "She recently left the party.", []want{{"recently", "DATE", "PAST_REF"}}},
		{"now", wed, "The party is now in opposition.", []want{{"now", "DATE", "PRESENT_REF"}}},
		{"the future", wed, "They will talk in the future.", []want{{"the future", "DATE", "FUTURE_REF"}}},
		{"absolute day first", fri, "It happened on 16 Jan, 2026 in Tehran.", []want{{"16 Jan, 2026", "DATE", "2026-01-16"}}},
		{"absolute with clock", fri, "16 Jan, 2026 19:54", []want{{"16 Jan, 2026 19:54", "TIME", "2026-01-16T19:54"}}},
		{"month day", wed, "The vote was held on March 6 in Damascus.", []want{{"March 6", "DATE", "2025-03-06"}}},
		{"abbreviated month", wed, "The deadline passed on Feb. 28.", []want{{"Feb. 28", "DATE", "2025-02-28"}}},
		{"iso date", wed, "Filed on 2025-03-14 in court.", []want{{"2025-03-14", "DATE", "2025-03-14"}}},
		{"slashed date", wed, "Filed on 14/03/2025 in court.", []want{{"14/03/2025", "DATE", "2025-03-14"}}},
		{"month year", wed, "The regime fell in December 2024.", []want{{"December 2024", "DATE", "2024-12"}}},
		{"bare month past", wed, "Elections were held in November.", []want{{"November", "DATE", "2024-11"}}},
		{"decade", wed, "Ties date back to the 1970s.", []want{{"the 1970s", "DATE", "197"}}},
		{"year", wed, "The group was founded in 1987.", []want{{"1987", "DATE", "1987"}}},
		{"not a year", wed, "Some 1,987 people and 2000 troops were there.", nil},
		{"may the verb", wed, "He may resign. March on, they said.", nil},
		{"may the month", wed, "The summit was held in May.", []want{{"May", "DATE", "2024-05"}}},
		{"today", wed, "Talks resume today.", []want{{"today", "DATE", "2025-03-12"}}},
		{"yesterday", wed, "Talks ended yesterday.", []want{{"yesterday", "DATE", "2025-03-11"}}},
		{"tomorrow", wed, "Talks resume tomorrow.", []want{{"tomorrow", "DATE", "2025-03-13"}}},
		{"monday night", wed, "Strikes hit the city Monday night.", []want{{"Monday night", "TIME", "2025-03-10TNI"}}},
		{"this year", wed, "Growth slowed this year.", []want{{"this year", "DATE", "2025"}}},
		{"last year", wed, "Growth slowed last year.", []want{{"last year", "DATE", "2024"}}},
		{"next month", wed, "Talks resume next month.", []want{{"next month", "DATE", "2025-04"}}},
		{"early 2024", wed, "The plan dates from early 2024.", []want{{"early 2024", "DATE", "2024"}}},
		{"past six months", wed, "Prices rose over the past six months.", []want{{"the past six months", "DURATION", "P6M"}}},
		{"days ago", wed, "He left three days ago.", []want{{"three days ago", "DATE", "2025-03-09"}}},
		{"weeks ago", wed, "He left six weeks ago.", []want{{"six weeks ago", "DATE", "2025-W05"}}},
		{"duration", wed, "He served two years in prison.", []want{{"two years", "DURATION", "P2Y"}}},
		{"adjectival duration", wed, "A five-year transitional period and a 30-day ceasefire.", []want{{"five-year", "DURATION", "P5Y"}, {"30-day", "DURATION", "P30D"}}},
		{"more than", wed, "Talks lasted more than eight hours.", []want{{"more than eight hours", "DURATION", "PT8H"}}},
		{"every friday", wed, "They protest every Friday.", []want{{"every Friday", "SET", "XXXX-WXX-5"}}},
		{"daily", wed, "Flights run daily.", []want{{"daily", "SET", "P1D"}}},
		{"quarter", "1989-10-26", "Profit rose in the third quarter.", []want{{"the third quarter", "DATE", "1989-Q3"}}},
		{"quarter adjective", "1989-10-26", "Third-quarter profit rose.", []want{{"Third-quarter", "DATE", "1989-Q3"}}},
		{"a year earlier", "1989-10-26", "Profit rose in the third quarter from a year earlier.", []want{{"the third quarter", "DATE", "1989-Q3"}, {"a year earlier", "DATE", "1988-Q3"}}},
		{"fiscal", "1989-10-26", "Sales in fiscal 1989 fell.", []want{{"fiscal 1989", "DATE", "1989"}}},
		{"anchored unknown", wed, "Ten hours after the strike, rescuers arrived.", []want{{"Ten hours", "DURATION", "PT10H"}}},
		{"anchored known", wed, "Two days after March 6, rescuers arrived.", []want{{"Two days after March 6", "DATE", "2025-03-08"}}},
		{"the year before", wed, "Deaths rose 45% in 2024 from the year before.", []want{{"2024", "DATE", "2024"}, {"the year before", "DATE", "2023"}}},
		{"clock", wed, "The blast came at 10:35 a.m. local time.", []want{{"10:35 a.m. local time", "TIME", "2025-03-12T10:35"}}},
		{"clock with day", wed, "Polls will close at 10 p.m. Thursday.", []want{{"10 p.m. Thursday", "TIME", "2025-03-13T22:00"}}},
		{"this weekend", "2025-03-14T16:00", "Talks continue this weekend.", []want{{"this weekend", "DATE", "2025-W11-WE"}}},
		{"holiday", wed, "They met on Christmas Day.", []want{{"Christmas Day", "DATE", "2024-12-25"}}},
		{"fall of a regime", wed, "Three months after the fall of Assad, in the spring of 2024.", []want{{"Three months", "DURATION", "P3M"}, {"the spring of 2024", "DATE", "2024-SP"}}},
		{"spoken year", wed, "It began in nineteen ninety-six.", []want{{"nineteen ninety-six", "DATE", "1996"}}},
		{"no reference", "", "He arrived on Friday, not in 2019.", []want{{"Friday", "DATE", ""}, {"2019", "DATE", "2019"}}},
		{"same weekday twice", wed, "On Tuesday, the ministers will meet in Geneva. Trade was not the focus of Tuesday's talks.",
			[]want{{"Tuesday", "DATE", "2025-03-18"}, {"Tuesday", "DATE", "2025-03-18"}}},
		{"same weekday, clause turned", wed, "Effective Friday, fees will rise. Shares fell on Friday, traders said.",
			[]want{{"Friday", "DATE", "2025-03-14"}, {"Friday", "DATE", "2025-03-07"}}},
		{"age", wed, "The minister, 52 years old, resigned.", nil},
		{"more", wed, "The troops will stay two more weeks.", []want{{"two more weeks", "DURATION", "P2W"}}},
		{"additional", wed, "The loan may be extended for an additional year.", []want{{"an additional year", "DURATION", "P1Y"}}},
		{"month of this year", wed, "Talks began in June last year and end in October this year.",
			[]want{{"June last year", "DATE", "2024-06"}, {"October this year", "DATE", "2025-10"}}},
		{"month and spoken year", wed, "January nineteen ninety-seven. A bomb went off.", []want{{"January nineteen ninety-seven", "DATE", "1997-01"}}},
		{"last with a day", wed, "He was shot last Oct. 23 at home.", []want{{"last Oct. 23", "DATE", "2024-10-23"}}},
		{"previous weekday", wed, "Shares fell on Friday, down 4% from the previous Friday.",
			[]want{{"Friday", "DATE", "2025-03-07"}, {"the previous Friday", "DATE", "2025-02-28"}}},
		{"day before a date", wed, "The day before last Tuesday's hearing, he left.", []want{{"The day before last Tuesday", "DATE", "2025-03-10"}}},
		{"later weekday", wed, "Later Monday, the talks resumed.", []want{{"Later Monday", "DATE", "2025-03-10"}}},
		{"soon", wed, "The army will soon leave the city.", []want{{"soon", "DATE", "FUTURE_REF"}}},
		{"soon in the past", wed, "He was soon released, soon after the raid.", nil},
		{"near term", wed, "Costs will rise in the near term.", []want{{"the near term", "DATE", "FUTURE_REF"}}},
		{"latest period", "1989-10-26", "Profit rose in the fiscal fourth quarter. Sales in the latest period fell.",
			[]want{{"the fiscal fourth quarter", "DATE", "1989-Q4"}, {"the latest period", "DATE", "1989-Q4"}}},
		{"this past", "2025-10-20", "Sales collapsed this past spring.", []want{{"this past spring", "DATE", "2025-SP"}}},
		{"centuries", wed, "Wars of the 20th century and the twenty-first century.",
			[]want{{"the 20th century", "DATE", "19"}, {"the twenty-first century", "DATE", "20"}}},
		{"year-end", wed, "The deal should close by year-end; it was signed at year end.",
			[]want{{"year-end", "DATE", "2025"}, {"year end", "DATE", "2024"}}},
		{"fractions", wed, "Iraq imports about three-quarters of its food and a quarter of its fuel.", nil},
		{"quarters of losses", wed, "Profit returned after several quarters of losses.", []want{{"several quarters", "DURATION", "PXQ"}}},
		{"over the years", wed, "Over the years the town grew.", []want{{"the years", "DURATION", "PXY"}}},
		{"end of the month", wed, "Troops will arrive by the end of the month.", []want{{"the end of the month", "DATE", "2025-03"}}},
		{"future quarters", wed, "The credits will cut taxes in future quarters.", []want{{"future quarters", "DATE", "FUTURE_REF"}}},
		{"recently first", wed, "Recently, analysts have said the firm is weak.", []want{{"Recently", "DATE", "PAST_REF"}}},
		{"currently first", wed, "Currently, organs are shared by region.", nil},
		{"early summer", "2025-10-20", "Orders rose from the low levels of the early summer.", []want{{"the early summer", "DATE", "2025-SU"}}},
		{"quarters as TimeML writes them", wed, "Losses mounted in the past two quarters.", []want{{"the past two quarters", "DURATION", "P2Q"}}},
		{"corresponding period", "1989-11-01", "Net rose in the third quarter from the corresponding period last year.",
			[]want{{"the third quarter", "DATE", "1989-Q3"}, {"the corresponding period last year", "DATE", "1988-Q3"}}},
		{"a year's quarter", "1989-11-01", "Sales in this year's third quarter beat last year's quarter.",
			[]want{{"this year's third quarter", "DATE", "1989-Q3"}, {"last year's quarter", "DATE", "1988-Q3"}}},
		{"weekdays sharing a part of day", wed, "Flights leave on Monday and Tuesday nights.",
			[]want{{"Monday", "SET", "XXXX-WXX-1TNI"}, {"Tuesday nights", "SET", "XXXX-WXX-2TNI"}}},
		{"clock in the morning", wed, "The father will leave at 4 in the morning.", []want{{"4 in the morning", "TIME", "2025-03-12T04:00"}}},
		{"clock with an aside", wed, "The blast came at 10:35 a.m. (0735 GMT) Monday.",
			[]want{{"10:35 a.m.", "TIME", "2025-03-10T10:35"}, {"Monday", "DATE", "2025-03-10"}}},
		{"trading days", wed, "Prices fell five trading days after March 3.", []want{{"five trading days", "DURATION", "P5D"}, {"March 3", "DATE", "2025-03-03"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.text, tt.published)
			if len(got) != len(tt.want) {
				t.Fatalf("%q: got %d expressions %+v, want %d %+v", tt.text, len(got), got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Type != w.typ || g.Value != w.value {
					t.Errorf("%q: expression %d = %q %s %q, want %q %s %q", tt.text, i, g.Text, g.Type, g.Value, w.text, w.typ, w.value)
				}
				if tt.text[g.Start:g.End] != g.Text {
					t.Errorf("span %d-%d is %q, text says %q", g.Start, g.End, tt.text[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

// TestTense checks how the tense of the clause picks the past or the next occurrence of a
// weekday or a date (the reference is Wednesday 12 March 2025).
func TestTense(t *testing.T) {
	const wed = "2025-03-12T14:00"
	tests := []struct {
		text, expr, value string
	}{
		{"The vote will be held on Nov. 4.", "Nov. 4", "2025-11-04"},
		{"Shelling killed ten people next to the school on Monday.", "Monday", "2025-03-10"},
		{"Officials postponed the hearing until Friday.", "Friday", "2025-03-14"},
		{"Until Tuesday, the ministry had not named a suspect.", "Tuesday", "2025-03-11"},
		{"The offer had been due to expire on Monday.", "Monday", "2025-03-10"},
		{"Protesters planned a march on Saturday and were planning to rally on Sunday.", "Saturday", "2025-03-15"},
		{"Protesters planned a march on Saturday and were planning to rally on Sunday.", "Sunday", "2025-03-16"},
		{"The team could arrive as early as Friday.", "Friday", "2025-03-14"},
		{"The ship has been at sea since November and was scheduled to return.", "November", "2024-11"},
		{"The stock is to resume trading on Monday.", "Monday", "2025-03-17"},
		{`"The army will withdraw its forces from the city Thursday," officials said.`, "Thursday", "2025-03-13"},
		{"The bonus will be paid on a still unspecified date in January.", "January", "2026-01"},
		{"The dividend is payable Jan. 2 to holders of record.", "Jan. 2", "2026-01-02"},
		{"Trading opened on Monday after a pause.", "Monday", "2025-03-10"},
		{"The sale, which had been expected, is part of a plan to repay the loan by November.", "November", "2025-11"},
		{"He quit as chairman, president and chief executive in November.", "November", "2024-11"},
		{"The two countries agreed to meet again in June.", "June", "2025-06"},
		{"The rebels vowed to keep fighting until November.", "November", "2025-11"},
		{"In June, the two countries agreed to meet again.", "June", "2024-06"},
		{"The two countries agreed in January to sign the deal.", "January", "2025-01"},
		{"The company agreed on a merger in June.", "June", "2024-06"},
		{"The government hoped to reopen the border in June.", "June", "2025-06"},
		{"Investigators sought to question him in November.", "November", "2025-11"},
		{"Investigators sought his arrest in November.", "November", "2024-11"},
		{"The rebels undertook to disarm by November.", "November", "2025-11"},
	}
	for _, tt := range tests {
		got := find(t, tt.text, wed)
		found := false
		for _, g := range got {
			if g.Text == tt.expr {
				found = true
				if g.Value != tt.value {
					t.Errorf("%q: %q = %q, want %q", tt.text, tt.expr, g.Value, tt.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found in %+v", tt.text, tt.expr, got)
		}
	}
}

func TestNowFallback(t *testing.T) {
	doc := &model.Document{Text: "It happened yesterday.", Now: "2026-01-17T06:00:00"}
	New().Annotate(doc)
	if len(doc.Times) != 1 || doc.Times[0].Value != "2026-01-16" {
		t.Fatalf("got %+v, want yesterday = 2026-01-16 from Now", doc.Times)
	}
}

func TestMods(t *testing.T) {
	got := find(t, "The unrest broke out late last month and in mid-December.", "2026-01-16")
	if len(got) != 2 || got[0].Mod != "END" || got[1].Mod != "MID" || got[1].Value != "2025-12" {
		t.Fatalf("got %+v, want late last month END and mid-December 2025-12 MID", got)
	}
}

func TestDateFor(t *testing.T) {
	text := "In 2019 the two met. On Friday, in March, Putin said talks would go on."
	doc := &model.Document{Text: text, Published: "2025-03-14"}
	New().Annotate(doc)
	second := model.Span{Start: strings.Index(text, "On Friday"), End: len(text)}
	got, ok := DateFor(doc, second)
	if !ok || got.Text != "Friday" || got.Value != "2025-03-14" {
		t.Fatalf("DateFor(second sentence) = %+v, %v; want Friday 2025-03-14", got, ok)
	}
	if _, ok := DateFor(doc, model.Span{Start: 8, End: 19}); ok {
		t.Fatalf("DateFor(a clause without a date) found one")
	}
}

func TestPrecision(t *testing.T) {
	for v, want := range map[string]int{"19": 1, "199": 2, "2025": 3, "2025-Q1": 4, "2025-SU": 4, "2025-03": 5,
		"2025-W11": 6, "2025-03-14": 7, "2025-03-14TNI": 8, "PAST_REF": 0, "P2Y": 0, "": 0} {
		if got := Precision(v); got != want {
			t.Errorf("Precision(%q) = %d, want %d", v, got, want)
		}
	}
}

func TestLexicon(t *testing.T) {
	if _, err := parseLexicon(lexiconTSV); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"month\tjanuary", "month\tjanuary\tx", "colour\tred\t1"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) accepted a bad line", bad)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"The unrest broke out late last month.", "16 Jan, 2026 19:54", "Friday, March 14, 2025 at 10 a.m. EST",
		"the 1990s, '90s, 1,987 people", "5 1/2 hours and a year and a half", "2025-03-14 14/03/2025",
		"mid-", "a", "", "\xff\xfe", "Ｆｒｉｄａｙ", "the year two thousand", "every other week",
	} {
		f.Add(s, "2026-01-16T19:54")
	}
	tg := New()
	f.Fuzz(func(t *testing.T, text, published string) {
		// the text is also the header and the dateline
		doc := &model.Document{Text: text, Published: published, Header: text, Dateline: text}
		tg.Annotate(doc)
		for _, x := range doc.FieldTimes {
			if x.Start < 0 || x.End <= x.Start || x.End > len(text) || text[x.Start:x.End] != x.Text {
				t.Fatalf("field time %+v outside its field", x)
			}
		}
		// rune boundaries as a decoder sees them (an invalid byte is a rune of its own)
		bound := make(map[int]bool, len(text)+1)
		for i := range text {
			bound[i] = true
		}
		bound[len(text)] = true
		prev := 0
		for _, x := range doc.Times {
			if x.Start < prev || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad span %d-%d (previous end %d, text length %d)", x.Start, x.End, prev, len(text))
			}
			if !bound[x.Start] || !bound[x.End] {
				t.Fatalf("span %d-%d cuts a character", x.Start, x.End)
			}
			if x.Text != text[x.Start:x.End] {
				t.Fatalf("text %q does not match span %q", x.Text, text[x.Start:x.End])
			}
			prev = x.End
		}
	})
}

// The header's stamps and the dateline are tagged too, as FieldTimes with offsets into their
// field; a stamp counted back from the reading has a value only when the reading time is known.
func TestFieldTimes(t *testing.T) {
	tg := New()
	type ft struct{ field, text, value string }
	tests := []struct {
		name string
		doc  model.Document
		want []ft
	}{
		{"header with the reading time",
			model.Document{Header: "16 Jan, 2026 19:54 / Updated 10 hours ago", Published: "2026-01-16T19:54", Now: "2026-01-17T06:00"},
			[]ft{{model.FieldHeader, "16 Jan, 2026 19:54", "2026-01-16T19:54"}, {model.FieldHeader, "10 hours ago", "2026-01-16T20:00"}}},
		{"header without it",
			model.Document{Header: "16 Jan, 2026 19:54 / Updated 10 hours ago", Published: "2026-01-16T19:54"},
			[]ft{{model.FieldHeader, "16 Jan, 2026 19:54", "2026-01-16T19:54"}, {model.FieldHeader, "10 hours ago", ""}}},
		{"wire dateline",
			model.Document{Dateline: "JOHANNESBURG, August 7 (Xinhua) --", Published: "1998-08-07T14:00"},
			[]ft{{model.FieldDateline, "August 7", "1998-08-07"}}},
		{"neither", model.Document{Text: "Talks ended on Friday.", Published: "2026-01-17"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			tg.Annotate(&doc)
			var got []ft
			for _, tm := range doc.FieldTimes {
				src := doc.Header
				if tm.Field == model.FieldDateline {
					src = doc.Dateline
				}
				if src[tm.Start:tm.End] != tm.Text {
					t.Errorf("%q: its span gives %q", tm.Text, src[tm.Start:tm.End])
				}
				got = append(got, ft{tm.Field, tm.Text, tm.Value})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
