package out

import (
	"math"
	"slices"
)

// Pinned diagrams carry their own node positions (Diagram.Pos) and are
// drawn without Graphviz: ties are straight, edge labels sit at their
// middle. The aggregated views of large networks (community map, forum
// map, sector views, small multiples on a stable layout) are pinned, so
// they cost milliseconds whatever the dataset's size and give the same
// positions to the same organization in every panel.

// pinnedLayout returns d's placement from d.Pos (points, y down as in a
// scene; converted to Graphviz's y up).
func pinnedLayout(d *Diagram) *placed {
	p := &placed{Nodes: make([]placedNode, len(d.Nodes)), Edges: make([]placedEdge, len(d.Edges))}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, n := range d.Nodes {
		h := n.Height
		if h == 0 {
			h = n.Size
		}
		q := pt{d.Pos[i].X, d.Pos[i].Y}
		p.Nodes[i] = placedNode{X: q.X, Y: -q.Y}
		x0, x1 = math.Min(x0, q.X-n.Size/2), math.Max(x1, q.X+n.Size/2)
		y0, y1 = math.Min(y0, -q.Y-h/2), math.Max(y1, -q.Y+h/2)
	}
	if len(d.Nodes) == 0 {
		return p
	}
	p.BB = [4]float64{x0 - 4, y0 - 4, x1 + 4, y1 + 4}
	for k, e := range d.Edges {
		a, b := p.Nodes[e.U], p.Nodes[e.V]
		pe := &p.Edges[k]
		if e.U == e.V {
			// A loop: a small teardrop above the node.
			r := d.Nodes[e.U].Size/2 + 10
			pe.Pts = []pt{{a.X - 3, a.Y}, {a.X - r, a.Y + r*1.6}, {a.X + r, a.Y + r*1.6}, {a.X + 3, a.Y}}
			pe.LX, pe.LY, pe.HasL = a.X, a.Y+r*1.3, true
			continue
		}
		pe.Pts = []pt{{a.X, a.Y}, {a.X + (b.X-a.X)/3, a.Y + (b.Y-a.Y)/3}, {a.X + 2*(b.X-a.X)/3, a.Y + 2*(b.Y-a.Y)/3}, {b.X, b.Y}}
		pe.LX, pe.LY, pe.HasL = (a.X+b.X)/2, (a.Y+b.Y)/2, true
	}
	// Loops and edge labels may reach past the nodes.
	for k, pe := range p.Edges {
		for _, q := range pe.Pts {
			p.BB[0], p.BB[2] = math.Min(p.BB[0], q.X-2), math.Max(p.BB[2], q.X+2)
			p.BB[1], p.BB[3] = math.Min(p.BB[1], q.Y-2), math.Max(p.BB[3], q.Y+2)
		}
		if d.Edges[k].Label != "" {
			half := float64(len([]rune(d.Edges[k].Label)))*labelFont*0.3 + 2
			p.BB[0], p.BB[2] = math.Min(p.BB[0], pe.LX-half), math.Max(p.BB[2], pe.LX+half)
			p.BB[1], p.BB[3] = math.Min(p.BB[1], pe.LY-labelFont), math.Max(p.BB[3], pe.LY+labelFont)
		}
	}
	return p
}

// stressLayout places n nodes in the plane by stress majorization (E. R.
// Gansner, Y. Koren and S. North, "Graph drawing by stress majorization",
// Graph Drawing 2004, doi:10.1007/978-3-540-31843-9_25), the method of
// Graphviz's neato, with the graph distance of edges (each of length
// lens[k], 1 when nil) as the target distances; nodes in different
// components are kept apart at the largest distance plus one. It starts
// from a circle in node order and is deterministic. unit is the length of
// one unit of distance in points; the result is in points, y down.
func stressLayout(n int, edges [][2]int, lens []float64, unit float64) []pt {
	pos := make([]pt, n)
	if n == 0 {
		return pos
	}
	if n == 1 {
		return pos
	}
	adj := make([][]int, n)
	adjL := make([][]float64, n)
	for k, e := range edges {
		l := 1.0
		if lens != nil {
			l = lens[k]
		}
		adj[e[0]] = append(adj[e[0]], e[1])
		adj[e[1]] = append(adj[e[1]], e[0])
		adjL[e[0]] = append(adjL[e[0]], l)
		adjL[e[1]] = append(adjL[e[1]], l)
	}
	// All-pairs distances by Dijkstra (n is at most a few hundred).
	dist := make([][]float64, n)
	maxd := 0.0
	for s := range n {
		d := make([]float64, n)
		for i := range d {
			d[i] = math.Inf(1)
		}
		d[s] = 0
		if lens == nil {
			// Unit lengths: breadth-first search.
			queue := []int{s}
			for len(queue) > 0 {
				u := queue[0]
				queue = queue[1:]
				for _, v := range adj[u] {
					if math.IsInf(d[v], 1) {
						d[v] = d[u] + 1
						queue = append(queue, v)
					}
				}
			}
		}
		done := make([]bool, n)
		for lens != nil {
			u, best := -1, math.Inf(1)
			for i := range n {
				if !done[i] && d[i] < best {
					u, best = i, d[i]
				}
			}
			if u < 0 {
				break
			}
			done[u] = true
			for k, v := range adj[u] {
				if nd := d[u] + adjL[u][k]; nd < d[v] {
					d[v] = nd
				}
			}
		}
		for _, x := range d {
			if !math.IsInf(x, 1) {
				maxd = math.Max(maxd, x)
			}
		}
		dist[s] = d
	}
	far := maxd + 1
	for i := range dist {
		for j := range dist[i] {
			if math.IsInf(dist[i][j], 1) {
				dist[i][j] = far
			}
		}
	}
	r := far / 2
	for i := range pos {
		a := 2 * math.Pi * float64(i) / float64(n)
		pos[i] = pt{r * math.Cos(a), r * math.Sin(a)}
	}
	next := make([]pt, n)
	for iter := 0; iter < 300; iter++ {
		moved := 0.0
		for i := range n {
			var sx, sy, sw float64
			for j := range n {
				if i == j || dist[i][j] == 0 {
					continue
				}
				w := 1 / (dist[i][j] * dist[i][j])
				dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
				l := math.Hypot(dx, dy)
				if l < 1e-9 {
					// Coincident: nudge apart deterministically.
					dx, dy, l = float64(i-j)*1e-3, 1e-3, math.Hypot(float64(i-j)*1e-3, 1e-3)
				}
				sx += w * (pos[j].X + dist[i][j]*dx/l)
				sy += w * (pos[j].Y + dist[i][j]*dy/l)
				sw += w
			}
			if sw > 0 {
				next[i] = pt{sx / sw, sy / sw}
			} else {
				next[i] = pos[i]
			}
			moved = math.Max(moved, math.Hypot(next[i].X-pos[i].X, next[i].Y-pos[i].Y))
		}
		copy(pos, next)
		if moved < 1e-4*far {
			break
		}
	}
	for i := range pos {
		pos[i].X *= unit
		pos[i].Y *= unit
	}
	return pos
}

// separate pushes apart nodes (centres pos, diameters size) that overlap
// by more than nothing, keeping at least gap points between them, by a
// few rounds of pairwise moves; deterministic.
func separate(pos []pt, size []float64, gap float64) {
	n := len(pos)
	for round := 0; round < 200; round++ {
		moved := false
		for i := range n {
			for j := i + 1; j < n; j++ {
				need := (size[i]+size[j])/2 + gap
				dx, dy := pos[j].X-pos[i].X, pos[j].Y-pos[i].Y
				l := math.Hypot(dx, dy)
				if l >= need {
					continue
				}
				if l < 1e-9 {
					dx, dy, l = 1, 0, 1
				}
				push := (need - l) / 2
				pos[i].X -= dx / l * push
				pos[i].Y -= dy / l * push
				pos[j].X += dx / l * push
				pos[j].Y += dy / l * push
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// fitTo scales pos about its centre so that its larger side is at most
// side points, never enlarging.
func fitTo(pos []pt, side float64) {
	if len(pos) == 0 {
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range pos {
		x0, x1 = math.Min(x0, q.X), math.Max(x1, q.X)
		y0, y1 = math.Min(y0, q.Y), math.Max(y1, q.Y)
	}
	s := math.Max(x1-x0, y1-y0)
	if s <= side || s == 0 {
		return
	}
	f := side / s
	cx, cy := (x0+x1)/2, (y0+y1)/2
	for i := range pos {
		pos[i] = pt{cx + (pos[i].X-cx)*f, cy + (pos[i].Y-cy)*f}
	}
}

// circlePositions puts n nodes on a circle of radius r, the first at the
// top, clockwise.
func circlePositions(n int, r float64) []pt {
	pos := make([]pt, n)
	for i := range pos {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(max(n, 1))
		pos[i] = pt{r * math.Cos(a), r * math.Sin(a)}
	}
	return pos
}

// topIndices returns the indices of the k largest of v (ties by index).
func topIndices(v []float64, k int) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case v[a] > v[b]:
			return -1
		case v[a] < v[b]:
			return 1
		}
		return 0
	})
	if k < len(idx) {
		idx = idx[:k]
	}
	return idx
}
