package web

import (
	"cmp"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/tidings-news/tidings/internal/store"
)

// Graph geometry, in SVG user units: wider than tall, to leave room for labels at the sides.
const (
	graphW, graphH = 1000, 720
	graphRadius    = 290
)

// Graph is the actor graph laid out on a circle. The busiest node is at the top and the next
// busiest are spread around the circle rather than packed beside it, so that the edges
// between busy nodes run as long, readable chords.
type Graph struct {
	W, H  int
	Nodes []GraphNode
	Edges []GraphEdge
}

// GraphNode is a placed node.
type GraphNode struct {
	store.GraphNode
	X, Y, R float64
	// LabelX, LabelY and Anchor place the label outside the circle.
	LabelX, LabelY float64
	Anchor         string
	// Query is what the dyad page takes for this node (a country code or an actor's name).
	Query string
	// Href lists the node's articles.
	Href string
}

// GraphEdge is a drawn edge: a curve from source to target, bent so that the two directions
// of a pair do not overlap, coloured by the mean score.
type GraphEdge struct {
	store.GraphEdge
	Path        string
	Width       float64
	ScoreClass  string
	Title       string
	Href        string
	SourceLabel string
	TargetLabel string
}

// NewGraph lays out nodes and edges.
func NewGraph(nodes []store.GraphNode, edges []store.GraphEdge) Graph {
	g := Graph{W: graphW, H: graphH}
	ns := slices.Clone(nodes)
	slices.SortStableFunc(ns, func(a, b store.GraphNode) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.ID, b.ID))
	})
	cx, cy := float64(graphW)/2, float64(graphH)/2
	stride := spreadStride(len(ns))
	index := make(map[string]int, len(ns))
	maxEvents := 1
	for _, n := range ns {
		maxEvents = max(maxEvents, n.Events)
	}
	g.Nodes = make([]GraphNode, 0, len(ns))
	for i, n := range ns {
		slot := i * stride % len(ns)
		angle := -math.Pi/2 + 2*math.Pi*float64(slot)/float64(len(ns))
		sin, cos := math.Sincos(angle)
		gn := GraphNode{GraphNode: n,
			X: round1(cx + graphRadius*cos), Y: round1(cy + graphRadius*sin),
			R:      round1(5 + 13*math.Sqrt(float64(n.Events)/float64(maxEvents))),
			LabelX: round1(cx + (graphRadius+24)*cos), LabelY: round1(cy + (graphRadius+24)*sin + 5),
			Anchor: "middle", Query: n.ID}
		switch {
		case cos > 0.3:
			gn.Anchor = "start"
		case cos < -0.3:
			gn.Anchor = "end"
		}
		gn.Href = "/?" + url.Values{"country": {n.ID}}.Encode()
		if name, ok := strings.CutPrefix(n.ID, "actor:"); ok {
			gn.Query = name
			gn.Href = "/?" + url.Values{"actor": {name}}.Encode()
		}
		index[n.ID] = i
		g.Nodes = append(g.Nodes, gn)
	}
	for _, e := range edges {
		si, ok1 := index[e.Source]
		ti, ok2 := index[e.Target]
		if !ok1 || !ok2 || si == ti {
			continue
		}
		s, t := g.Nodes[si], g.Nodes[ti]
		g.Edges = append(g.Edges, GraphEdge{GraphEdge: e,
			Path:        edgePath(s, t),
			Width:       round1(1 + 1.5*math.Log2(float64(e.Count)+1)),
			ScoreClass:  scoreClass(e.MeanScore),
			Title:       fmt.Sprintf("%s → %s: %d event%s, mean score %.1f", s.Label, t.Label, e.Count, plural(e.Count), e.MeanScore),
			Href:        dyadURL(s.Query, t.Query),
			SourceLabel: s.Label, TargetLabel: t.Label,
		})
	}
	// Draw the busiest edges last, on top.
	slices.SortStableFunc(g.Edges, func(a, b GraphEdge) int { return cmp.Compare(a.Count, b.Count) })
	return g
}

// spreadStride is a step, coprime with n and near n times the golden ratio's conjugate, by
// which consecutive nodes are placed around the circle.
func spreadStride(n int) int {
	if n < 5 {
		return 1
	}
	for s := int(math.Round(float64(n) * 0.382)); s < n; s++ {
		if gcd(s, n) == 1 {
			return s
		}
	}
	return 1
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// edgePath is a quadratic curve from the rim of s to the rim of t, bent to its left.
func edgePath(s, t GraphNode) string {
	dx, dy := t.X-s.X, t.Y-s.Y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return ""
	}
	ux, uy := dx/d, dy/d
	// control point: the middle, pushed sideways by a fifth of the length
	mx, my := (s.X+t.X)/2-uy*d*0.2, (s.Y+t.Y)/2+ux*d*0.2
	// leave the source and reach the target at their rims, towards the control point
	sx, sy := towards(s.X, s.Y, mx, my, s.R+2)
	tx, ty := towards(t.X, t.Y, mx, my, t.R+6)
	return fmt.Sprintf("M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f", sx, sy, mx, my, tx, ty)
}

func towards(x, y, px, py, r float64) (float64, float64) {
	dx, dy := px-x, py-y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return x, y
	}
	return x + dx/d*r, y + dy/d*r
}
