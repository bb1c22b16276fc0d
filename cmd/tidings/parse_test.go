package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		in   string
		want []string
		code int
	}{
		{"text", []string{"-"}, "Putin didn't call. He wrote.",
			[]string{"# text = Putin didn't call.", "2\tdid\tdo\tAUX\tVBD", "3\tn't\tnot\tPART\tRB", "SpaceAfter=No", "# sent_id = 2",
				"\t4\tnsubj\t", "\t4\taux\t", "\t0\troot\t"}, 0},
		{"conllu", []string{"--conllu", "-"}, "# text = They won\n1\tThey\t_\t_\t_\t_\t0\troot\t_\t_\n2\twon\t_\t_\t_\t_\t1\tdep\t_\t_\n\n",
			[]string{"1\tThey\tthey\tPRON\tPRP", "2\twon\twin\tVERB\tVBD", "\t2\tnsubj\t", "\t0\troot\t"}, 0},
		{"no argument", nil, "", nil, 2},
		{"missing file", []string{"/nonexistent/file.txt"}, "", nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			e := &env{stdin: strings.NewReader(tc.in), stdout: &out, stderr: &errb, log: slog.New(slog.DiscardHandler)}
			if code := run(context.Background(), e, append([]string{"parse"}, tc.args...)); code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, errb.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
