package out

import (
	"math"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

// The label placer puts each node's label where it overlaps no node and
// no other label: first at one of eight positions touching the node (right,
// left, above, below, then the corners), preferring the one that crosses
// the fewest ties; then, when all eight are taken, farther out along the
// same directions with a leader line back to the node; else the label is
// dropped and counted, so the legend can say how many. Labels are placed in
// the order given (the caller puts the most important first), so an
// important label is never pushed out by a minor one.

// box is an axis-aligned rectangle in scene points (y down).
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) grow(d float64) box { return box{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

// labelGrid is a uniform grid of boxes for overlap queries.
type labelGrid struct {
	cell  float64
	cells map[[2]int][]int32
	boxes []box
}

func newLabelGrid(cell float64) *labelGrid {
	return &labelGrid{cell: cell, cells: map[[2]int][]int32{}}
}

func (g *labelGrid) span(b box) (int, int, int, int) {
	return int(math.Floor(b.x0 / g.cell)), int(math.Floor(b.y0 / g.cell)), int(math.Floor(b.x1 / g.cell)), int(math.Floor(b.y1 / g.cell))
}

func (g *labelGrid) add(b box) {
	id := int32(len(g.boxes))
	g.boxes = append(g.boxes, b)
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], id)
		}
	}
}

// hits reports whether b overlaps a stored box other than skip.
func (g *labelGrid) hits(b box, skip int32) bool {
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, id := range g.cells[[2]int{x, y}] {
				if id != skip && g.boxes[id].overlaps(b) {
					return true
				}
			}
		}
	}
	return false
}

// segGrid holds tie segments to count how many a label would cross.
type segGrid struct {
	cell  float64
	cells map[[2]int][]int32
	segs  [][2]pt
}

func newSegGrid(cell float64) *segGrid {
	return &segGrid{cell: cell, cells: map[[2]int][]int32{}}
}

func (g *segGrid) add(a, b pt) {
	id := int32(len(g.segs))
	g.segs = append(g.segs, [2]pt{a, b})
	// Walk the cells along the segment (sampled at half a cell).
	n := int(math.Hypot(b.X-a.X, b.Y-a.Y)/(g.cell/2)) + 1
	var last [2]int
	for k := 0; k <= n; k++ {
		t := float64(k) / float64(n)
		c := [2]int{int(math.Floor((a.X + t*(b.X-a.X)) / g.cell)), int(math.Floor((a.Y + t*(b.Y-a.Y)) / g.cell))}
		if k > 0 && c == last {
			continue
		}
		last = c
		l := g.cells[c]
		if len(l) == 0 || l[len(l)-1] != id {
			g.cells[c] = append(l, id)
		}
	}
}

// crossings counts the segments that pass through b.
func (g *segGrid) crossings(b box) int {
	x0, y0 := int(math.Floor(b.x0/g.cell)), int(math.Floor(b.y0/g.cell))
	x1, y1 := int(math.Floor(b.x1/g.cell)), int(math.Floor(b.y1/g.cell))
	seen := map[int32]bool{}
	n := 0
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, id := range g.cells[[2]int{x, y}] {
				if seen[id] {
					continue
				}
				seen[id] = true
				if segmentHitsBox(g.segs[id][0], g.segs[id][1], b) {
					n++
				}
			}
		}
	}
	return n
}

// segmentHitsBox reports whether segment a-b meets box r (Liang-Barsky).
func segmentHitsBox(a, b pt, r box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, c := range [4][2]float64{{-dx, a.X - r.x0}, {dx, r.x1 - a.X}, {-dy, a.Y - r.y0}, {dy, r.y1 - a.Y}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// labelRequest is one label to place, next to node Node.
type labelRequest struct {
	Node int
	Text string
	Size float64
	Bold bool
}

// placedLabel is where a label went.
type placedLabel struct {
	Text   sceneText
	Leader []pt // from the node's edge to the label, nil when touching
	OK     bool
}

// directions of the candidate positions: right, left, above, below, then
// the four corners.
var labelDirs = [8][2]float64{{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}}

// leaderDirs are the directions tried farther out, every 30 degrees.
var leaderDirs = func() (d [12][2]float64) {
	for k := range d {
		a := float64(k) * math.Pi / 6
		d[k] = [2]float64{math.Round(math.Cos(a)*1e6) / 1e6, math.Round(math.Sin(a)*1e6) / 1e6}
	}
	return d
}()

// placeLabels places reqs beside the nodes of s (whose boxes, and the
// ties' segments, are the obstacles) and returns where each went and how
// many were dropped. Labels stay inside area.
func placeLabels(s *scene, reqs []labelRequest, area box) ([]placedLabel, int) {
	grid := newLabelGrid(24)
	for _, n := range s.Nodes {
		grid.add(box{n.X - n.W/2, n.Y - n.H/2, n.X + n.W/2, n.Y + n.H/2})
	}
	for _, e := range s.Edges {
		if t := e.Label; t != nil {
			w := typeset.Width(t.Text, t.Size, t.Bold)
			grid.add(box{t.X - w/2, t.Y - t.Size, t.X + w/2, t.Y + t.Size*0.3})
		}
	}
	var segs *segGrid
	nseg := 0
	for _, e := range s.Edges {
		nseg += max(0, len(e.Pts)-1) / 3
	}
	if nseg > 0 && nseg <= 20000 {
		segs = newSegGrid(24)
		for _, e := range s.Edges {
			for i := 0; i+3 < len(e.Pts); i += 3 {
				segs.add(e.Pts[i], e.Pts[i+3]) // a cubic's chord
			}
		}
	}
	out := make([]placedLabel, len(reqs))
	dropped := 0
	const gap = 2.0
	for r, q := range reqs {
		n := s.Nodes[q.Node]
		tw := typeset.Width(q.Text, q.Size, q.Bold)
		th := q.Size * 1.15
		rx, ry := n.W/2, n.H/2
		found := false
		for ring := 0; ring < 7 && !found; ring++ {
			d := gap + float64(ring)*(th+4)
			bestCost := math.MaxInt
			var best box
			dirs := labelDirs[:]
			if ring > 0 {
				dirs = leaderDirs[:]
			}
			for _, dir := range dirs {
				b := labelBoxAt(n.X, n.Y, rx+d, ry+d, dir, tw, th)
				if b.x0 < area.x0 || b.y0 < area.y0 || b.x1 > area.x1 || b.y1 > area.y1 {
					continue
				}
				if grid.hits(b.grow(0.5), -1) {
					continue
				}
				cost := 0
				if segs != nil {
					cost = segs.crossings(b)
				}
				if cost < bestCost {
					bestCost, best = cost, b
				}
				if cost == 0 {
					break // the preferred free position crossing nothing
				}
			}
			if bestCost == math.MaxInt {
				continue
			}
			found = true
			grid.add(best)
			t := sceneText{X: (best.x0 + best.x1) / 2, Y: baselineFor((best.y0+best.y1)/2, q.Size), Size: q.Size, Bold: q.Bold,
				Anchor: "middle", Text: q.Text, Color: "#111111", Halo: true}
			pl := placedLabel{Text: t, OK: true}
			if ring > 0 {
				// A leader from the node's rim towards the label's
				// nearest point.
				lx := math.Max(best.x0, math.Min(n.X, best.x1))
				ly := math.Max(best.y0, math.Min(n.Y, best.y1))
				ux, uy := lx-n.X, ly-n.Y
				l := math.Hypot(ux, uy)
				if l > 0 {
					ux, uy = ux/l, uy/l
				}
				pl.Leader = []pt{{n.X + ux*(rx+0.5), n.Y + uy*(ry+0.5)}, {lx, ly}}
			}
			out[r] = pl
		}
		if !found {
			dropped++
		}
	}
	return out, dropped
}

// labelBoxAt is the box of a tw x th label touching the ellipse of radii
// rx, ry around (x, y) in direction dir.
func labelBoxAt(x, y, rx, ry float64, dir [2]float64, tw, th float64) box {
	dx, dy := dir[0], dir[1]
	if l := math.Hypot(dx, dy); l > 0 {
		dx, dy = dx/l, dy/l
	}
	cx, cy := x+dx*rx, y+dy*ry
	// Anchor the box's side or corner facing the node at (cx, cy).
	var b box
	switch {
	case dir[0] > 1e-9:
		b.x0 = cx
	case dir[0] < -1e-9:
		b.x0 = cx - tw
	default:
		b.x0 = cx - tw/2
	}
	switch {
	case dir[1] > 1e-9:
		b.y0 = cy
	case dir[1] < -1e-9:
		b.y0 = cy - th
	default:
		b.y0 = cy - th/2
	}
	b.x1, b.y1 = b.x0+tw, b.y0+th
	return b
}
