package graph

import (
	"math"
	"slices"
)

// DisparityPValues returns, for every tie of g in the order of g.Edges(),
// the p-value of the disparity filter of M. Á. Serrano, M. Boguñá and
// A. Vespignani, "Extracting the multiscale backbone of complex weighted
// networks", PNAS 106(16) 6483-6488 (2009), doi:10.1073/pnas.0808904106.
//
// Seen from node i of degree k_i and strength s_i, the tie i-j carries the
// share p_ij = w_ij / s_i of i's weight. Under the null hypothesis that i's
// weight is split among its k_i ties uniformly at random, the probability of
// a share at least p_ij is (the paper's Eq. 2)
//
//	α_ij = 1 - (k_i - 1) ∫_0^p_ij (1 - x)^(k_i - 2) dx = (1 - p_ij)^(k_i - 1).
//
// A tie is significant at level α when α_ij < α from at least one of its
// two ends, so the value returned is min(α_ij, α_ji). From a node of
// degree 1 the share is 1 and the test is undefined (the paper's "k = 1"
// case); the tie is then judged from its other end only, and a tie between
// two nodes of degree 1 gets 1 (never significant). Ties of weight 0 or
// less get 1. Isolates have no tie and so no value. NetworkX and igraph
// have no disparity filter; the values are checked against the paper's
// integral evaluated numerically by scipy (testdata/disparity.py).
func DisparityPValues(g *Network) []float64 {
	s := Strength(g)
	var ps []float64
	for i := 0; i < g.N(); i++ {
		ws := g.Weights(i)
		for k, j := range g.Neighbors(i) {
			if int(j) <= i {
				continue
			}
			w := ws[k]
			if w <= 0 {
				ps = append(ps, 1)
				continue
			}
			a := disparityAlpha(w, s[i], g.Degree(i))
			b := disparityAlpha(w, s[j], g.Degree(int(j)))
			ps = append(ps, math.Min(a, b))
		}
	}
	return ps
}

// disparityAlpha is (1 - w/s)^(k-1), or 1 when k < 2.
func disparityAlpha(w, s float64, k int) float64 {
	if k < 2 || s <= 0 {
		return 1
	}
	p := w / s
	if p >= 1 {
		return 0
	}
	return math.Pow(1-p, float64(k-1))
}

// Backbone is a subset of a network's ties chosen to be drawn.
type Backbone struct {
	Edges []Edge // the kept ties, U < V, ordered by U then V
	Total int    // ties in the whole network
	// Orphans counts the nodes that have ties in the whole network but
	// none among the kept ones.
	Orphans int
}

// Network returns the kept ties as a network over the same n nodes.
func (b Backbone) Network(n int) *Network { return NewNetwork(n, b.Edges) }

func newBackbone(g *Network, keep func(k int, e Edge) bool) Backbone {
	all := g.Edges()
	b := Backbone{Total: len(all)}
	has := make([]bool, g.N())
	for k, e := range all {
		if keep(k, e) {
			b.Edges = append(b.Edges, e)
			has[e.U], has[e.V] = true, true
		}
	}
	for i := range has {
		if !has[i] && g.Degree(i) > 0 {
			b.Orphans++
		}
	}
	return b
}

// DisparityBackbone keeps the ties whose disparity p-value (see
// DisparityPValues) is below alpha. Serrano et al. use α between 0.01 and
// 0.05; smaller keeps fewer ties.
func DisparityBackbone(g *Network, alpha float64) Backbone {
	ps := DisparityPValues(g)
	return newBackbone(g, func(k int, e Edge) bool { return ps[k] < alpha })
}

// MinWeightBackbone keeps the ties of weight at least min.
func MinWeightBackbone(g *Network, min float64) Backbone {
	return newBackbone(g, func(_ int, e Edge) bool { return e.W >= min })
}

// TopBackbone keeps the n heaviest ties; among ties of equal weight the
// ones between lower node indices come first, so the choice is
// deterministic. n <= 0 or n >= M keeps every tie.
func TopBackbone(g *Network, n int) Backbone {
	all := g.Edges()
	if n <= 0 || n >= len(all) {
		return newBackbone(g, func(int, Edge) bool { return true })
	}
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	// all is ordered by (U, V), so a stable sort by weight breaks ties by
	// index order.
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case all[a].W > all[b].W:
			return -1
		case all[a].W < all[b].W:
			return 1
		}
		return 0
	})
	keep := make([]bool, len(all))
	for _, k := range order[:n] {
		keep[k] = true
	}
	return newBackbone(g, func(k int, _ Edge) bool { return keep[k] })
}
