package web

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/store"
)

func TestNewChart(t *testing.T) {
	tests := []struct {
		name     string
		points   []store.DyadPoint
		interval string
		bars     int
		dots     int
		lines    int
	}{
		{"empty", nil, "day", 0, 0, 0},
		{"gaps filled by day", []store.DyadPoint{{Period: "2026-01-10", Count: 2, MeanScore: -4}, {Period: "2026-01-13", Count: 1, MeanScore: 3}}, "day", 4, 2, 0},
		{"line runs over consecutive days", []store.DyadPoint{{Period: "2026-01-10", Count: 2}, {Period: "2026-01-11", Count: 1}, {Period: "2026-01-12", Count: 1}, {Period: "2026-01-14", Count: 1}, {Period: "2026-01-15", Count: 1}}, "day", 6, 5, 2},
		{"gaps filled by week", []store.DyadPoint{{Period: "2026-01-05", Count: 2}, {Period: "2026-01-26", Count: 5}}, "week", 4, 2, 0},
		{"off-grid periods kept as given", []store.DyadPoint{{Period: "2026-01-05", Count: 1}, {Period: "2026-01-07", Count: 1}}, "week", 2, 2, 1},
		{"bad periods kept as given", []store.DyadPoint{{Period: "soon", Count: 1}, {Period: "later", Count: 1}}, "day", 2, 2, 1},
		{"very long series not filled", []store.DyadPoint{{Period: "1990-01-01", Count: 1}, {Period: "2026-01-01", Count: 1}}, "day", 2, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewChart("c", tt.points, tt.interval)
			if c.Empty != (len(tt.points) == 0) {
				t.Errorf("Empty = %v", c.Empty)
			}
			dots := 0
			for _, b := range c.Bars {
				if b.HasScore {
					dots++
				}
				if b.Y < c.PlotTop-0.1 || b.Y+b.H > c.PlotBottom+0.1 || b.X < c.PlotLeft || b.X+b.W > c.PlotRight+0.1 {
					t.Errorf("bar %+v outside the plot", b)
				}
				if b.HasScore && (b.DotY < c.PlotTop || b.DotY > c.PlotBottom) {
					t.Errorf("score dot %+v outside the plot", b)
				}
			}
			if len(c.Bars) != tt.bars || dots != tt.dots {
				t.Errorf("%d bars and %d dots, want %d and %d", len(c.Bars), dots, tt.bars, tt.dots)
			}
			if len(c.Lines) != tt.lines {
				t.Errorf("%d score lines %q, want %d", len(c.Lines), c.Lines, tt.lines)
			}
			for _, l := range c.Lines {
				if len(strings.Fields(l)) < 2 {
					t.Errorf("score line %q joins fewer than two dots", l)
				}
			}
		})
	}
}

func TestScoreAxis(t *testing.T) {
	c := NewChart("c", []store.DyadPoint{{Period: "2026-01-01", Count: 1, MeanScore: 10}, {Period: "2026-01-02", Count: 1, MeanScore: -10}, {Period: "2026-01-03", Count: 1, MeanScore: 0}}, "day")
	if c.Bars[0].DotY != c.PlotTop || c.Bars[1].DotY != c.PlotBottom || c.Bars[2].DotY != c.ZeroY {
		t.Errorf("scores +10, -10, 0 should sit at the top, bottom and zero line: %+v (zero %v)", c.Bars, c.ZeroY)
	}
}

func TestNiceCeil(t *testing.T) {
	for _, tt := range []struct{ in, want int }{{0, 2}, {1, 2}, {3, 5}, {7, 10}, {11, 20}, {21, 50}, {99, 100}, {101, 200}} {
		if got := niceCeil(tt.in); got != tt.want {
			t.Errorf("niceCeil(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestNewGraph(t *testing.T) {
	nodes := []store.GraphNode{{ID: "USA", Label: "United States", Events: 3}, {ID: "IRN", Label: "Iran", Events: 4}, {ID: "actor:Hamas", Label: "Hamas", Events: 1}}
	edges := []store.GraphEdge{{Source: "USA", Target: "IRN", Count: 2, MeanScore: -5}, {Source: "IRN", Target: "USA", Count: 1, MeanScore: 2},
		{Source: "actor:Hamas", Target: "IRN", Count: 1}, {Source: "USA", Target: "nowhere", Count: 1}, {Source: "USA", Target: "USA", Count: 1}}
	g := NewGraph(nodes, edges)
	if len(g.Nodes) != 3 || g.Nodes[0].ID != "IRN" {
		t.Fatalf("nodes %+v: want 3, the busiest (IRN) first", g.Nodes)
	}
	if g.Nodes[0].Href != "/?country=IRN" || g.Nodes[2].Href != "/?actor=Hamas" {
		t.Errorf("node links %q and %q", g.Nodes[0].Href, g.Nodes[2].Href)
	}
	if len(g.Edges) != 3 {
		t.Fatalf("edges %+v: want 3 (unknown node and self-loop dropped)", g.Edges)
	}
	for _, e := range g.Edges {
		if !strings.HasPrefix(e.Path, "M") || !strings.Contains(e.Path, "Q") {
			t.Errorf("edge path %q", e.Path)
		}
		if e.Source == "actor:Hamas" && e.Href != "/dyads?source=Hamas&target=IRN" {
			t.Errorf("actor edge links to %q", e.Href)
		}
	}
	if last := g.Edges[len(g.Edges)-1]; last.Count != 2 || last.ScoreClass != "s-conflict" {
		t.Errorf("busiest edge should be drawn last and coloured by its score: %+v", last)
	}
}
