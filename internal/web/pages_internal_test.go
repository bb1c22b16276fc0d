package web

import "testing"

func TestSnippet(t *testing.T) {
	long := "Russia and China on Thursday blocked a U.N. Security Council statement proposed by the United States and Britain that would"
	tests := []struct{ in, want string }{
		{"Short text.", "Short text."},
		{"Two\n\nparagraphs", "Two paragraphs"},
		{long + " have condemned Iran's violent crackdown on protesters, diplomats said.", long + " have condemned Iran's violent crackdown on protesters, diplomats said."},
		{long + " have condem", long + " have…"},
	}
	for _, tt := range tests {
		if got := snippet(tt.in); got != tt.want {
			t.Errorf("snippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWebURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/news/1": "https://example.org/news/1",
		"http://example.org/a?b=c#d": "http://example.org/a?b=c#d",
		" HTTPS://Example.org/x ":    "https://Example.org/x",
		"javascript:alert(1)":        "",
		"JavaScript:alert(1)":        "",
		"java\tscript:alert(1)":      "",
		"data:text/html,<script>":    "",
		"vbscript:msgbox":            "",
		"//evil.example/x":           "",
		"/articles/1":                "",
		"https:///nohost":            "",
		"ftp://example.org/file":     "",
		"":                           "",
	} {
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, want %q", in, got, want)
		}
	}
}
