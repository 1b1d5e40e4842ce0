package out

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

// On a crowded random scene, no placed label overlaps another label or
// any node, every label lies in the area, the ones set apart have a leader
// ending on their box, and what does not fit is counted, not drawn.
func TestPlaceLabelsNoOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	s := &scene{}
	var reqs []labelRequest
	for i := range 400 {
		sz := 6 + 10*rng.Float64()
		s.Nodes = append(s.Nodes, sceneNode{X: 600 * rng.Float64(), Y: 400 * rng.Float64(), W: sz, H: sz})
		reqs = append(reqs, labelRequest{Node: i, Text: "Organization " + strconv.Itoa(i), Size: 8})
	}
	for range 300 {
		a, b := s.Nodes[rng.IntN(400)], s.Nodes[rng.IntN(400)]
		s.Edges = append(s.Edges, sceneEdge{Pts: []pt{{a.X, a.Y}, {a.X, a.Y}, {b.X, b.Y}, {b.X, b.Y}}})
	}
	area := box{-20, -20, 620, 420}
	placed, dropped := placeLabels(s, reqs, area)
	var boxes []box
	leaders := 0
	for k, p := range placed {
		if !p.OK {
			continue
		}
		w := typeset.Width(p.Text.Text, p.Text.Size, false)
		h := p.Text.Size * 1.15
		// The box as placed: centred on X, its middle where baselineFor
		// puts the baseline.
		b := box{p.Text.X - w/2, 0, p.Text.X + w/2, 0}
		mid := p.Text.Y - (baselineFor(0, p.Text.Size))
		b.y0, b.y1 = mid-h/2, mid+h/2
		if b.x0 < area.x0-1e-9 || b.y0 < area.y0-1e-9 || b.x1 > area.x1+1e-9 || b.y1 > area.y1+1e-9 {
			t.Errorf("label %d outside the area: %+v", k, b)
		}
		for _, o := range boxes {
			if o.grow(-0.01).overlaps(b) {
				t.Fatalf("label %d overlaps another label", k)
			}
		}
		for i, n := range s.Nodes {
			if (box{n.X - n.W/2, n.Y - n.H/2, n.X + n.W/2, n.Y + n.H/2}).grow(-0.01).overlaps(b) {
				t.Fatalf("label %d overlaps node %d", k, i)
			}
		}
		if p.Leader != nil {
			leaders++
			e := p.Leader[1]
			if e.X < b.x0-1e-6 || e.X > b.x1+1e-6 || e.Y < b.y0-1e-6 || e.Y > b.y1+1e-6 {
				t.Errorf("label %d: leader ends at %v, off its box %+v", k, e, b)
			}
		}
		boxes = append(boxes, b)
	}
	if dropped == 0 || dropped+len(boxes) != len(reqs) {
		t.Errorf("%d placed, %d dropped of %d: a scene this crowded drops some", len(boxes), dropped, len(reqs))
	}
	if leaders == 0 {
		t.Error("no leader used")
	}
	t.Logf("%d placed (%d with leaders), %d dropped", len(boxes), leaders, dropped)
}
