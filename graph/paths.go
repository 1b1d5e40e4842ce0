package graph

import (
	"context"
	"fmt"
	"math"
)

// Paths says how the length of a path is measured.
type Paths int

const (
	// PathsHops counts ties: every tie has length 1, weights are ignored.
	PathsHops Paths = iota
	// PathsWeighted gives a tie of weight w the length 1/w, so strong
	// ties are short (the convention of Brandes 2001 and Opsahl et al.
	// 2010 for tie strengths; NetworkX with a "distance" attribute 1/w).
	PathsWeighted
)

// ParsePaths reads "hops" (also "unweighted") or "weighted".
func ParsePaths(s string) (Paths, error) {
	switch s {
	case "hops", "unweighted", "":
		return PathsHops, nil
	case "weighted":
		return PathsWeighted, nil
	}
	return 0, fmt.Errorf("unknown paths %q (want hops or weighted)", s)
}

func (p Paths) String() string {
	switch p {
	case PathsHops:
		return "hops"
	case PathsWeighted:
		return "weighted"
	}
	return fmt.Sprintf("Paths(%d)", int(p))
}

// PathOptions configure the shortest-path measures.
type PathOptions struct {
	Paths Paths
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// The results are bit-identical for every value.
	Workers int
	// Progress, when not nil, is called after each block of sources with
	// the number of sources done so far and the total. Calls never overlap.
	Progress func(done, total int)
}

// pathSums are the raw results of one pass over every source.
type pathSums struct {
	// pairs[v] is the Brandes dependency of v summed over all sources:
	// twice the number of shortest paths through v between unordered
	// pairs, each weighted by the share of the pair's shortest paths that
	// pass through v.
	pairs []float64
	// far[s] is the sum of the lengths of shortest paths from s to every
	// node it reaches.
	far []float64
	// reach[s] is the number of nodes s reaches, s included.
	reach []int
}

// numBlocks is the number of source blocks a pass is cut into. It depends
// on n only, never on the number of workers, so the order of the
// floating-point sums (sources in order within a block, blocks in order)
// is the same on every machine.
func numBlocks(n int) int {
	switch {
	case n < 64:
		return max(n, 1)
	case n > 100_000:
		return 16 // keep blocks x n accumulators bounded
	}
	return 64
}

// shortestPathSums runs Brandes' algorithm from every source, breadth-first
// for PathsHops and Dijkstra for PathsWeighted, accumulating dependencies
// (for betweenness) and distance sums (for closeness) in one pass per
// source. Sources are cut into numBlocks(n) contiguous blocks handed out to
// workers; each block sums into its own vector and the vectors are added in
// block order, so the result does not depend on the number of workers.
//
// U. Brandes, A faster algorithm for betweenness centrality, J. Math.
// Sociol. 25(2), 163-177 (2001), doi:10.1080/0022250X.2001.9990249.
func shortestPathSums(ctx context.Context, g *Network, o PathOptions) (pathSums, error) {
	n := g.N()
	res := pathSums{pairs: make([]float64, n), far: make([]float64, n), reach: make([]int, n)}
	if n == 0 {
		return res, ctx.Err()
	}
	// Brandes on the quotient by closed twins (see twinClasses) when
	// there are any: every member of a class has its class's values.
	q, size, loop := g, []int32(nil), []float64(nil)
	tw := findTwins(g, o.Paths == PathsWeighted)
	if tw != nil {
		q, size, loop = tw.q, tw.size, tw.loop
	}
	sums, err := classPathSums(ctx, q, size, loop, o)
	if err != nil || tw == nil {
		return sums, err
	}
	for v, c := range tw.class {
		res.pairs[v], res.far[v], res.reach[v] = sums.pairs[c], sums.far[c], sums.reach[c]
	}
	return res, nil
}

// classPathSums is shortestPathSums over a network whose node c stands
// for size[c] closed twins (all 1 when size is nil) tied to each other by
// weight loop[c]; the sums are those of one member.
func classPathSums(ctx context.Context, g *Network, size []int32, loop []float64, o PathOptions) (pathSums, error) {
	n := g.N()
	res := pathSums{pairs: make([]float64, n), far: make([]float64, n), reach: make([]int, n)}
	var length []float64
	if o.Paths == PathsWeighted {
		length = make([]float64, len(g.W))
		for k, w := range g.W {
			if !(w > 0) || math.IsInf(w, 0) {
				panic(fmt.Sprintf("graph: tie weight %v cannot be a path length 1/w", w))
			}
			length[k] = 1 / w
		}
	}
	if size == nil {
		size = make([]int32, n)
		for i := range size {
			size[i] = 1
		}
	}
	sizeF := make([]float64, n)
	loopLen := make([]float64, n)
	for c, m := range size {
		sizeF[c] = float64(m)
		if m > 1 {
			loopLen[c] = 1
			if length != nil {
				loopLen[c] = 1 / loop[c]
			}
		}
	}
	var comps *hopComponents
	if length == nil {
		comps = newHopComponents(g)
	}
	nb := numBlocks(n)
	blockAcc := make([][]float64, nb)
	progress := progressBy(nb, func(b int) int { return (b+1)*n/nb - b*n/nb }, o.Progress)
	err := parallel(ctx, nb, o.Workers, func(int) func(int) {
		k := newPathKernel(g, length, size, sizeF, loopLen, comps)
		return func(b int) {
			lo, hi := b*n/nb, (b+1)*n/nb
			acc := make([]float64, n)
			for s := lo; s < hi; s++ {
				if s&63 == 0 && ctx.Err() != nil {
					return
				}
				res.far[s], res.reach[s] = k.source(int32(s), acc)
			}
			blockAcc[b] = acc
		}
	}, progress)
	if err != nil {
		return pathSums{}, err
	}
	for _, acc := range blockAcc {
		for v, x := range acc {
			res.pairs[v] += x
		}
	}
	return res, nil
}

// pathKernel holds one worker's buffers, all indexed by node and reset
// after each source by walking the nodes it reached.
type pathKernel struct {
	g       *Network
	length  []float64   // 1/w per CSR entry, nil for hops
	size    []int32     // twins per node (see classPathSums)
	sizeF   []float64   // the same as float64
	loopLen []float64   // path length between two twins
	rec     []hopRec    // hops
	wrec    []weightRec // weighted
	order   []int32     // nodes in the order they were settled
	heap    distHeap

	// For the direction-optimizing breadth-first search (hops):
	comps     *hopComponents
	levels    []int32   // order[levels[l]:levels[l+1]] are the nodes at distance l
	levelDeg  []int     // their degree sums
	unvisited []int32   // bottom-up candidates
	push      []float64 // bottom-up dependency sums, 0 between uses
}

// hopComponents are the connected components of a network with each one's
// nodes and degree sum, shared read-only by the workers.
type hopComponents struct {
	label []int32
	nodes [][]int32
	deg   []int
}

func newHopComponents(g *Network) *hopComponents {
	label, count := g.Components()
	c := &hopComponents{label: make([]int32, len(label)), nodes: make([][]int32, count), deg: make([]int, count)}
	for v, l := range label {
		c.label[v] = int32(l)
		c.nodes[l] = append(c.nodes[l], int32(v))
		c.deg[l] += g.Off[v+1] - g.Off[v]
	}
	return c
}

func newPathKernel(g *Network, length []float64, size []int32, sizeF, loopLen []float64, comps *hopComponents) *pathKernel {
	n := g.N()
	k := &pathKernel{
		g:       g,
		length:  length,
		size:    size,
		sizeF:   sizeF,
		loopLen: loopLen,
		order:   make([]int32, 0, n),
		comps:   comps,
	}
	if length == nil {
		k.push = make([]float64, n)
		k.rec = make([]hopRec, n)
		for i := range k.rec {
			k.rec[i].dist = -1
		}
	} else {
		k.wrec = make([]weightRec, n)
		for i := range k.wrec {
			k.wrec[i].d = math.Inf(1)
		}
	}
	return k
}

// source runs one Brandes pass from (one member of) s, adds the
// dependency of all of s's members on each node into acc, and returns the
// sum of distances from s and the number of nodes reached (s included),
// counting every member of every class.
func (k *pathKernel) source(s int32, acc []float64) (far float64, reach int) {
	if k.length == nil {
		return k.sourceHops(s, acc)
	}
	return k.sourceWeighted(s, acc)
}

func (k *pathKernel) sourceHops(s int32, acc []float64) (float64, int) {
	off, adj := k.g.Off, k.g.Adj
	rec, size, sizeF := k.rec, k.size, k.sizeF
	order := k.order[:1]
	order[0] = s
	rec[s] = hopRec{x: 1, dist: 0}
	levels := append(k.levels[:0], 0, 1)
	levelDeg := append(k.levelDeg[:0], off[s+1]-off[s])
	comp := k.comps.label[s]
	unseenDeg := k.comps.deg[comp] - levelDeg[0] // degree sum of unreached nodes
	unvisited := k.unvisited[:0]
	listed := false
	// Breadth-first, a level at a time, each level the cheaper way round
	// (S. Beamer, K. Asanović and D. Patterson, Direction-optimizing
	// breadth-first search, SC 2012, doi:10.1109/SC.2012.50): top-down,
	// scanning the ties of the frontier, or bottom-up, scanning the ties
	// of the nodes not yet reached, whichever has the smaller degree sum.
	// Bottom-up cannot stop at a node's first parent, since σ sums all of
	// them, but late levels of small-world networks leave few nodes
	// unreached. σ(u) = Σ σ(v)|v| over parents v, |v| the size of v's
	// class (1 for s itself).
	for l := int32(0); unseenDeg > 0; l++ {
		lo, hi := levels[l], levels[l+1]
		if lo == hi {
			break
		}
		next := l + 1
		if l > 0 && unseenDeg < levelDeg[l] {
			if !listed {
				for _, u := range k.comps.nodes[comp] {
					if rec[u].dist < 0 {
						unvisited = append(unvisited, u)
					}
				}
				listed = true
			}
			kept := unvisited[:0]
			for _, u := range unvisited {
				// A top-down level since the list was made may have
				// reached u: it is settled, drop it (searching it again
				// would move it to this level and add to its σ).
				if rec[u].dist >= 0 {
					continue
				}
				sum := 0.0
				for _, v := range adj[off[u]:off[u+1]] {
					r := rec[v]
					pick := [2]float64{0, r.x * sizeF[v]}
					sum += pick[isZero(r.dist^l)]
				}
				if sum > 0 {
					rec[u] = hopRec{x: sum, dist: next}
					order = append(order, u)
				} else {
					kept = append(kept, u)
				}
			}
			unvisited = kept
		} else {
			for _, v := range order[lo:hi] {
				mult := sizeF[v]
				if l == 0 {
					mult = 1
				}
				add := [2]float64{0, rec[v].x * mult}
				for _, u := range adj[off[v]:off[v+1]] {
					r := &rec[u]
					du := r.dist
					if du < 0 { // once per node and source
						r.dist = next
						order = append(order, u)
						du = next
					}
					// Branch-free σ(u) += σ(v)|v| when u is one step
					// further: in dense co-membership networks the test
					// is a coin toss that a branch predictor loses.
					r.x += add[isZero(du^next)]
				}
			}
		}
		d := 0
		for _, u := range order[hi:] {
			d += off[u+1] - off[u]
		}
		levels = append(levels, int32(len(order)))
		levelDeg = append(levelDeg, d)
		unseenDeg -= d
	}
	// The source's twins are one step away and on no path.
	far := int64(size[s] - 1)
	reach := int(size[s])
	top := int32(len(levels) - 2) // deepest non-empty level
	for l := int32(1); l <= top; l++ {
		for _, v := range order[levels[l]:levels[l+1]] {
			far += int64(l) * int64(size[v])
			reach += int(size[v])
		}
	}
	// Dependencies level by level from the deepest: δ(v) = σ(v) Σ_{w succ
	// v} |w| (1 + δ(w)) / σ(w), |w| the size of w's class. Once v's sum is
	// known σ(v) is needed no more, and its slot holds v's coefficient
	// |v| (1 + δ(v)) / σ(v) for v's predecessors. Each of the |s| members
	// of s depends on v by δ(v). The deepest level has no successors;
	// each other level either pulls from its successors (scanning its
	// own ties) or has the next level push to it (scanning that level's
	// ties), whichever has the smaller degree sum.
	srcW := sizeF[s]
	for _, v := range order[levels[top]:levels[top+1]] {
		rec[v].x = sizeF[v] / rec[v].x
	}
	push := k.push
	for l := top - 1; l >= 1; l-- {
		level := order[levels[l]:levels[l+1]]
		if levelDeg[l+1] < levelDeg[l] {
			for _, w := range order[levels[l+1]:levels[l+2]] {
				pick := [2]float64{0, rec[w].x}
				for _, v := range adj[off[w]:off[w+1]] {
					push[v] += pick[isZero(rec[v].dist^l)]
				}
			}
			for _, v := range level {
				sv := rec[v].x
				d := sv * push[v]
				push[v] = 0
				acc[v] += srcW * d
				rec[v].x = sizeF[v] * (1 + d) / sv
			}
			continue
		}
		next := l + 1
		for _, v := range level {
			sum := 0.0
			for _, w := range adj[off[v]:off[v+1]] {
				r := rec[w]
				pick := [2]float64{0, r.x}
				sum += pick[isZero(r.dist^next)]
			}
			sv := rec[v].x
			d := sv * sum
			acc[v] += srcW * d
			rec[v].x = sizeF[v] * (1 + d) / sv
		}
	}
	for _, v := range order {
		rec[v] = hopRec{x: 0, dist: -1}
	}
	k.order, k.levels, k.levelDeg, k.unvisited = order, levels, levelDeg, unvisited
	return float64(far), reach
}

// hopRec is one node's state in a breadth-first Brandes pass, kept
// together so that each neighbour visit touches one cache line.
type hopRec struct {
	x    float64 // σ during the search, then (1 + δ) / σ
	dist int32   // hops from the source, -1 when unreached
}

func (k *pathKernel) sourceWeighted(s int32, acc []float64) (float64, int) {
	off, adj, length := k.g.Off, k.g.Adj, k.length
	rec, sizeF := k.wrec, k.sizeF
	order := k.order[:0]
	h := k.heap[:0]
	rec[s] = weightRec{d: 0, x: 1}
	h = h.push(distItem{0, s})
	// The source's twins are one tie away and on no path.
	far := (sizeF[s] - 1) * k.loopLen[s]
	reach := int(k.size[s])
	mult := 1.0 // σ flows out of a class times its size, out of s alone
	for len(h) > 0 {
		var it distItem
		h, it = h.pop()
		v := it.node
		// Each improvement pushes a smaller distance, so exactly one entry
		// per node carries its final distance; the others are stale.
		if it.d != rec[v].d {
			continue
		}
		order = append(order, v)
		dv := it.d
		if v != s {
			far += dv * sizeF[v]
			reach += int(k.size[v])
			mult = sizeF[v]
		}
		sv := rec[v].x * mult
		for e := off[v]; e < off[v+1]; e++ {
			u := adj[e]
			r := &rec[u]
			d := dv + length[e]
			// A settled u has r.d <= dv < d: neither case applies, so no
			// settled flag is needed (lengths are positive and, for
			// weights within a factor 2^52 of each other, never lost
			// to rounding).
			if d < r.d {
				r.d = d
				r.x = 0
				h = h.push(distItem{d, u})
			}
			r.x += sv * unit[b2i(d == r.d)]
		}
	}
	// Dependencies in reverse order of settling, pulled from successors
	// (neighbours w with d(v) + l(v,w) = d(w), the same sum as when v
	// relaxed w, so the equality is exact), as in sourceHops.
	srcW := sizeF[s]
	for i := len(order) - 1; i > 0; i-- {
		v := order[i]
		dv := rec[v].d
		sum := 0.0
		for e := off[v]; e < off[v+1]; e++ {
			r := rec[adj[e]]
			pick := [2]float64{0, r.x}
			sum += pick[b2i(dv+length[e] == r.d)]
		}
		sv := rec[v].x
		d := sv * sum
		acc[v] += srcW * d
		rec[v].x = sizeF[v] * (1 + d) / sv
	}
	// Every node given a finite distance is settled, so order lists them.
	for _, v := range order {
		rec[v] = weightRec{d: math.Inf(1)}
	}
	k.order = order
	k.heap = h
	return far, reach
}

// weightRec is one node's state in a Dijkstra Brandes pass.
type weightRec struct {
	d float64 // distance from the source, +Inf when unreached
	x float64 // σ during the search, then (1 + δ) / σ
}

// b2i is 1 for true and 0 for false; the compiler makes it a SETcc.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// unit turns isZero's result into a factor.
var unit = [2]float64{0, 1}

// isZero returns 1 when x == 0 and 0 otherwise, for x >= 0, without a
// branch.
func isZero(x int32) int {
	return int((uint32(x) - 1) >> 31)
}

// distItem is a tentative distance in the Dijkstra heap.
type distItem struct {
	d    float64
	node int32
}

// distHeap is a binary min-heap of tentative distances with lazy deletion.
type distHeap []distItem

func (h distHeap) push(it distItem) distHeap {
	h = append(h, it)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !(h[i].d < h[p].d) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	return h
}

func (h distHeap) pop() (distHeap, distItem) {
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= len(h) {
			break
		}
		m := l
		if r := l + 1; r < len(h) && h[r].d < h[l].d {
			m = r
		}
		if !(h[m].d < h[i].d) {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	return h, top
}
