package graph

import (
	"context"
	"math/bits"
	"runtime"
)

// Triangle counting that stays fast on dense networks.
//
// The classic kernel marks a node's neighbours and scans each neighbour's
// row: Σ_i d_i² steps, n³ on a complete network (1.25·10¹¹ for one forum
// of 5,000 members). Here every node of degree at least ⌈n/64⌉ (a heavy
// node) also keeps its neighbourhood as a bitset of n bits, and the common
// neighbours of i and j are counted in the cheapest way available:
//
//   - both heavy: popcount(N(i) & N(j)), ⌈n/64⌉ word operations;
//   - j heavy, i light: i's neighbours looked up in j's bitset, d_i steps;
//   - otherwise: j's neighbours looked up in i's marks, d_j steps.
//
// Every pair costs at most ⌈n/64⌉ steps (a light node has fewer
// neighbours), so a complete network of 5,000 costs n²·79 word operations
// instead of n³. The heavy bitsets take at most 2m/⌈n/64⌉ rows of ⌈n/64⌉
// words, 16 bytes per tie at most, less than the network itself (24 bytes
// per tie). On sparse networks nothing is heavy and the cost is that of
// the classic kernel. Counts are integers, so the result does not depend
// on the number of workers.

// adjBits holds the bitset rows of a network's heavy nodes.
type adjBits struct {
	words int      // ⌈n/64⌉
	row   []int32  // node -> its row in bits, -1 for a light node
	bits  []uint64 // rows of words words each
}

func newAdjBits(g *Network) *adjBits {
	n := g.N()
	a := &adjBits{words: (n + 63) / 64, row: make([]int32, n)}
	heavy := 0
	for i := 0; i < n; i++ {
		a.row[i] = -1
		if g.Degree(i) >= a.words && g.Degree(i) >= 8 {
			a.row[i] = int32(heavy)
			heavy++
		}
	}
	if heavy == 0 {
		return a
	}
	a.bits = make([]uint64, heavy*a.words)
	for i := 0; i < n; i++ {
		if r := a.row[i]; r >= 0 {
			b := a.bits[int(r)*a.words : int(r+1)*a.words]
			for _, j := range g.Neighbors(i) {
				b[j>>6] |= 1 << (j & 63)
			}
		}
	}
	return a
}

// of returns node i's bitset row, nil for a light node.
func (a *adjBits) of(i int) []uint64 {
	r := a.row[i]
	if r < 0 {
		return nil
	}
	return a.bits[int(r)*a.words : int(r+1)*a.words]
}

// centre is one worker's view of a node i whose common neighbours with
// each of its neighbours are wanted: mine is N(i) as a bitset (i's heavy
// row, or the worker's scratch marks for a light i).
type centre struct {
	g       *Network
	a       *adjBits
	scratch []uint64 // n bits, all zero between centres
	i       int
	mine    []uint64
	light   bool
}

func newCentre(g *Network, a *adjBits) *centre {
	return &centre{g: g, a: a, scratch: make([]uint64, a.words)}
}

// set makes i the centre.
func (c *centre) set(i int) {
	c.i = i
	if b := c.a.of(i); b != nil {
		c.mine, c.light = b, false
		return
	}
	for _, j := range c.g.Neighbors(i) {
		c.scratch[j>>6] |= 1 << (j & 63)
	}
	c.mine, c.light = c.scratch, true
}

// done clears the scratch marks of the current centre.
func (c *centre) done() {
	if c.light {
		for _, j := range c.g.Neighbors(c.i) {
			c.scratch[j>>6] = 0
		}
	}
}

func has(b []uint64, k int32) bool { return b[k>>6]&(1<<(k&63)) != 0 }

// common returns |N(i) ∩ N(j)| for the centre i and a node j.
func (c *centre) common(j int) int {
	bj := c.a.of(j)
	switch {
	case bj != nil && !c.light:
		return andCount(c.mine, bj)
	case bj != nil:
		t := 0
		for _, k := range c.g.Neighbors(c.i) {
			t += int(bj[k>>6] >> (k & 63) & 1)
		}
		return t
	}
	t := 0
	for _, k := range c.g.Neighbors(j) {
		t += int(c.mine[k>>6] >> (k & 63) & 1)
	}
	return t
}

// andCount returns the number of bits set in both a and b.
func andCount(a, b []uint64) int {
	b = b[:len(a)]
	t, w := 0, 0
	for ; w+4 <= len(a); w += 4 {
		t += bits.OnesCount64(a[w]&b[w]) + bits.OnesCount64(a[w+1]&b[w+1]) +
			bits.OnesCount64(a[w+2]&b[w+2]) + bits.OnesCount64(a[w+3]&b[w+3])
	}
	for ; w < len(a); w++ {
		t += bits.OnesCount64(a[w] & b[w])
	}
	return t
}

// andCount2 returns the number of bits set in both a and b, and how many
// of them are also set in g.
func andCount2(a, b, g []uint64) (t, tg int) {
	b, g = b[:len(a)], g[:len(a)]
	for w, x := range a {
		x &= b[w]
		t += bits.OnesCount64(x)
		tg += bits.OnesCount64(x & g[w])
	}
	return t, tg
}

// andCount3 returns the number of bits set in both a and b, and how many
// of them are also set in g and in h.
func andCount3(a, b, g, h []uint64) (t, tg, th int) {
	b, g, h = b[:len(a)], g[:len(a)], h[:len(a)]
	for w, x := range a {
		x &= b[w]
		t += bits.OnesCount64(x)
		tg += bits.OnesCount64(x & g[w])
		th += bits.OnesCount64(x & h[w])
	}
	return t, tg, th
}

// visitTies calls visit(w, c, i, j) once for every tie i < j, with c the
// centre i of worker w (0 <= w < workers). Nodes are handed out in blocks
// of 64 to the workers; skip(i) leaves a node out as a centre. Once ctx is
// cancelled no new block starts, and it returns ctx's error.
func visitTies(ctx context.Context, g *Network, a *adjBits, workers int, skip func(i int) bool, visit func(w int, c *centre, i int, j int32)) error {
	n := g.N()
	const block = 64
	return parallel(ctx, (n+block-1)/block, workers, func(w int) func(int) {
		c := newCentre(g, a)
		return func(b int) {
			c.visitBlock(w, b*block, min(n, (b+1)*block), skip, visit)
		}
	}, nil)
}

// visitBlock is visitTies for the centres lo <= i < hi.
func (c *centre) visitBlock(w, lo, hi int, skip func(i int) bool, visit func(w int, c *centre, i int, j int32)) {
	g := c.g
	for i := lo; i < hi; i++ {
		nb := g.Neighbors(i)
		if len(nb) == 0 || nb[len(nb)-1] < int32(i) || skip(i) {
			continue
		}
		c.set(i)
		for _, j := range nb {
			if j > int32(i) {
				visit(w, c, i, j)
			}
		}
		c.done()
	}
}

// Triangles returns the number of triangles at every node: the number of
// tied pairs among its neighbours, T_i = ½ Σ_{j ∈ N(i)} |N(i) ∩ N(j)|.
// Weights are ignored; nodes with fewer than two neighbours have 0. It
// matches NetworkX triangles(G) and igraph count_triangles. Each tie's
// common neighbours are counted once, in at most min(d_i, d_j, ⌈n/64⌉)
// steps (see adjBits), on GOMAXPROCS goroutines; the counts are the same
// for any number. On a nearly complete network they come from the few
// non-ties instead (see complementCheaper).
func Triangles(g *Network) []int64 {
	t, _ := TrianglesContext(context.Background(), g)
	return t
}

// TrianglesContext is Triangles that returns ctx's error, and no counts,
// once ctx is cancelled (it checks every 64 nodes).
func TrianglesContext(ctx context.Context, g *Network) ([]int64, error) {
	n := g.N()
	a := newAdjBits(g)
	if complementCheaper(g, a) {
		return trianglesByNonTies(ctx, g, a)
	}
	t := make([]int64, n)
	workers := runtime.GOMAXPROCS(0)
	bufs := make([][]int64, workers)
	two := func(i int) bool { return g.Degree(i) < 2 }
	err := visitTies(ctx, g, a, workers, two, func(w int, c *centre, i int, j int32) {
		if two(int(j)) {
			return
		}
		if bufs[w] == nil {
			bufs[w] = make([]int64, n)
		}
		x := int64(c.common(int(j)))
		bufs[w][i] += x
		bufs[w][j] += x
	})
	if err != nil {
		return nil, err
	}
	for _, b := range bufs {
		for v, x := range b {
			t[v] += x
		}
	}
	for v := range t {
		t[v] /= 2
	}
	return t, nil
}

// commonByGroup returns, for the centre b and a neighbour i, the number t
// of common neighbours of b and i, and how many of them are in group cb
// and in group ci (labels lab; gb the group bitsets, or nil).
func (c *centre) commonByGroup(i int, lab []int, cb, ci int, gb [][]uint64) (t, tb, ti int) {
	bi := c.a.of(i)
	switch {
	case bi != nil && !c.light && gb != nil:
		if cb == ci {
			t, tb = andCount2(c.mine, bi, gb[cb])
			return t, tb, tb
		}
		return andCount3(c.mine, bi, gb[cb], gb[ci])
	case bi != nil && !c.light:
		for w, x := range c.mine {
			x &= bi[w]
			for x != 0 {
				l := lab[w<<6+bits.TrailingZeros64(x)]
				t, tb, ti = t+1, tb+b2i(l == cb), ti+b2i(l == ci)
				x &= x - 1
			}
		}
		return t, tb, ti
	}
	// One side light: look the lighter row up in the other's bits.
	row, set := c.g.Neighbors(i), c.mine
	if bi != nil {
		row, set = c.g.Neighbors(c.i), bi
	}
	for _, k := range row {
		if has(set, k) {
			l := lab[k]
			t, tb, ti = t+1, tb+b2i(l == cb), ti+b2i(l == ci)
		}
	}
	return t, tb, ti
}

// forEachTie calls f(u, v, w) for every tie u < v, in Edges' order,
// without building the slice Edges returns (300 MB for a forum of 5,000).
func forEachTie(g *Network, f func(u, v int, w float64)) {
	for u := 0; u < g.N(); u++ {
		ws := g.Weights(u)
		for k, v := range g.Neighbors(u) {
			if int(v) > u {
				f(u, int(v), ws[k])
			}
		}
	}
}
