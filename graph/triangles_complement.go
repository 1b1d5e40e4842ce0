package graph

import (
	"context"
	"math/bits"
	"runtime"
	"slices"
)

// Nearly complete networks by their non-ties.
//
// Triangles and brokerage count, for every node b, the pairs of its
// neighbours that are tied (closed) or not (open): T_b is the closed
// pairs, Gould and Fernandez's roles the open ones. On a network where
// nearly every pair is tied, such as the projection of one forum of
// 5,000 members (12.5 million ties, none missing), visiting the ties
// costs m·⌈n/64⌉ word operations, while the open pairs are found from the
// few non-ties: b's neighbours j and k form an open pair exactly when j-k
// is not a tie and b is a common neighbour of j and k. So
//
//	open_b = #{non-ties j-k : b ∈ N(j) ∩ N(k)},  T_b = d_b(d_b-1)/2 - open_b
//
// and the brokerage roles of b are its open pairs by the groups of j, b
// and k. The non-ties are those among the nodes with a tie (isolates take
// part in no two-path), found as the zero bits of a node's row; each one
// costs what a tie costs in visitTies, plus one step per common neighbour.
// complementCheaper compares the two costs before either runs, so the
// counts are the same either way (integers) and only the time differs.

// complementMode forces a kernel for tests: 0 chooses by cost, 1 always
// visits the ties, 2 always the non-ties.
var complementMode = 0

// complementCheaper reports whether visiting g's non-ties costs less than
// visiting its ties: the ties cost Σ_{i-j} min(d_i, d_j, ⌈n/64⌉) steps;
// the non-ties j-k among the nodes with ties at most
// Σ_{j-k} 2 min(d_j, d_k) (the intersection and its common neighbours),
// computed from the sorted degrees less the ties' part, and a scan of
// ⌈n/64⌉ words per node.
func complementCheaper(g *Network, a *adjBits) bool {
	switch complementMode {
	case 1:
		return false
	case 2:
		return true
	}
	n := g.N()
	var deg []int
	for i := 0; i < n; i++ {
		if d := g.Degree(i); d > 0 {
			deg = append(deg, d)
		}
	}
	na := len(deg)
	pairs := na * (na - 1) / 2
	if na < 64 || pairs-g.M() > g.M()/8 {
		return false // more than one non-tie for 8 ties: not worth a look
	}
	tied, tiedMin := 0, 0
	for i := 0; i < n; i++ {
		di := g.Degree(i)
		for _, j := range g.Neighbors(i) {
			if int(j) > i {
				m := min(di, g.Degree(int(j)))
				tiedMin += m
				tied += min(m, a.words)
			}
		}
	}
	// Σ over all pairs of nodes with ties of min(d_j, d_k): the r-th
	// smallest degree is the minimum of its pairs with the na-1-r larger.
	slices.Sort(deg)
	allMin := 0
	for r, d := range deg {
		allMin += d * (na - 1 - r)
	}
	return 2*(allMin-tiedMin)+na*a.words < tied
}

// activeBits returns the bitset of g's nodes with at least one tie.
func activeBits(g *Network, words int) []uint64 {
	act := make([]uint64, words)
	for i := 0; i < g.N(); i++ {
		if g.Degree(i) > 0 {
			act[i>>6] |= 1 << (i & 63)
		}
	}
	return act
}

// visitNonTies calls visit(w, c, j, k) once for every pair j < k of
// nodes with ties that is not a tie, with c the centre j of worker w; it
// returns ctx's error once ctx is cancelled (checked every 64 nodes).
func visitNonTies(ctx context.Context, g *Network, a *adjBits, workers int, visit func(w int, c *centre, j, k int)) error {
	n := g.N()
	act := activeBits(g, a.words)
	const block = 64
	return parallel(ctx, (n+block-1)/block, workers, func(w int) func(int) {
		c := newCentre(g, a)
		return func(b int) {
			visitNonTiesBlock(w, c, act, b*block, min(n, (b+1)*block), visit)
		}
	}, nil)
}

// visitNonTiesBlock is visitNonTies for the centres lo <= j < hi.
func visitNonTiesBlock(w int, c *centre, act []uint64, lo, hi int, visit func(w int, c *centre, j, k int)) {
	g, a := c.g, c.a
	for j := lo; j < hi; j++ {
		if g.Degree(j) == 0 {
			continue
		}
		c.set(j)
		for x := j >> 6; x < a.words; x++ {
			free := ^c.mine[x] & act[x]
			if x == j>>6 {
				free &= ^uint64(0) << (j & 63) << 1 // only k > j
			}
			for free != 0 {
				k := x<<6 + bits.TrailingZeros64(free)
				free &= free - 1
				visit(w, c, j, k)
			}
		}
		c.done()
	}
}

// eachCommon calls f(b) for every common neighbour b of the centre and k,
// in at most min(d_i, d_k, ⌈n/64⌉) steps plus one a neighbour.
func (c *centre) eachCommon(k int, f func(b int)) {
	bk := c.a.of(k)
	switch {
	case bk != nil && !c.light:
		for x, m := range c.mine {
			m &= bk[x]
			for m != 0 {
				f(x<<6 + bits.TrailingZeros64(m))
				m &= m - 1
			}
		}
	case bk != nil:
		for _, b := range c.g.Neighbors(c.i) {
			if has(bk, b) {
				f(int(b))
			}
		}
	default:
		for _, b := range c.g.Neighbors(k) {
			if has(c.mine, b) {
				f(int(b))
			}
		}
	}
}

// trianglesByNonTies is Triangles from the open pairs of every node.
func trianglesByNonTies(ctx context.Context, g *Network, a *adjBits) ([]int64, error) {
	n := g.N()
	workers := runtime.GOMAXPROCS(0)
	open := make([][]int64, workers)
	err := visitNonTies(ctx, g, a, workers, func(w int, c *centre, j, k int) {
		if open[w] == nil {
			open[w] = make([]int64, n)
		}
		o := open[w]
		c.eachCommon(k, func(b int) { o[b]++ })
	})
	if err != nil {
		return nil, err
	}
	t := make([]int64, n)
	for b := range t {
		d := int64(g.Degree(b))
		t[b] = d * (d - 1) / 2
		for _, o := range open {
			if o != nil {
				t[b] -= o[b]
			}
		}
	}
	return t, nil
}

// brokerageByNonTies is BrokerageRoles from the open pairs of every node:
// the non-tie j-k with the common neighbour b is the two-paths j → b → k
// and k → b → j, whose roles follow from the groups of j, b and k.
func brokerageByNonTies(ctx context.Context, g *Network, a *adjBits, p Groups) ([]Brokerage, error) {
	n := g.N()
	lab := p.Label
	workers := runtime.GOMAXPROCS(0)
	acc := make([][]Brokerage, workers)
	err := visitNonTies(ctx, g, a, workers, func(w int, c *centre, j, k int) {
		if acc[w] == nil {
			acc[w] = make([]Brokerage, n)
		}
		r := acc[w]
		cj, ck := lab[j], lab[k]
		c.eachCommon(k, func(b int) {
			cb := lab[b]
			switch {
			case cj == ck && cb == cj:
				r[b].Coordinator += 2
			case cj == ck:
				r[b].Itinerant += 2
			case cb == cj || cb == ck: // one end in b's group, one not
				r[b].Representative++
				r[b].Gatekeeper++
			default:
				r[b].Liaison += 2
			}
		})
	})
	if err != nil {
		return nil, err
	}
	out := make([]Brokerage, n)
	for _, r := range acc {
		for b := range r {
			x := r[b]
			out[b].Coordinator += x.Coordinator
			out[b].Itinerant += x.Itinerant
			out[b].Representative += x.Representative
			out[b].Gatekeeper += x.Gatekeeper
			out[b].Liaison += x.Liaison
		}
	}
	return out, nil
}
