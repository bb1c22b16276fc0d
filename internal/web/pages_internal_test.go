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
