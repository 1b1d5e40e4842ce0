package out

import (
	"context"
	"math"

	"github.com/sectornet/sectornet/graph"
)

// pinForce places the nodes of a large diagram (more than largeNetwork
// nodes, no layout asked for: the affiliation and ego views) with
// ForceLayout on its ties, in Go, and pins them (diagram_pinned.go):
// Graphviz's sfdp took 3 to 7 s for the affiliation of one forum of 5,000
// members and twopi 8 s for one member's ego network there, each in a
// child process, and the spring embedder draws the same star in a
// fraction of a second.
func pinForce(ctx context.Context, dg *Diagram, seed int) error {
	const unit = 36.0
	es := make([]graph.Edge, 0, len(dg.Edges))
	for _, e := range dg.Edges {
		if e.U != e.V {
			es = append(es, graph.Edge{U: min(e.U, e.V), V: max(e.U, e.V), W: 1})
		}
	}
	g := graph.NewNetwork(len(dg.Nodes), es)
	x, y, err := ForceLayout(ctx, g, ForceOptions{Seed: uint64(seed)})
	if err != nil {
		return err
	}
	// Scaled so that ties are about unit points long on average and the
	// nodes, about spacing points apart (the area of the drawing over
	// its nodes), do not overlap where they crowd (a star's leaves).
	const spacing = 30.0
	mean := 0.0
	for _, e := range es {
		mean += math.Hypot(x[e.U]-x[e.V], y[e.U]-y[e.V])
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range x {
		x0, x1, y0, y1 = math.Min(x0, x[i]), math.Max(x1, x[i]), math.Min(y0, y[i]), math.Max(y1, y[i])
	}
	scale := unit
	if len(es) > 0 && mean > 0 {
		scale = unit * float64(len(es)) / mean
	}
	if area := (x1 - x0) * (y1 - y0); area > 0 {
		scale = math.Max(scale, spacing/math.Sqrt(area/float64(len(x))))
	}
	dg.Pos = make([]Point, len(dg.Nodes))
	for i := range dg.Pos {
		dg.Pos[i] = Point{x[i] * scale, y[i] * scale}
	}
	dg.Legend.Notes = append(dg.Legend.Notes, "Placed by sectornet's spring embedder (Fruchterman-Reingold).")
	return nil
}
