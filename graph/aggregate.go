package graph

import (
	"cmp"
	"slices"
)

// GroupTie is the ties between two groups of a partition (A < B), or
// within one (A == B).
type GroupTie struct {
	A, B   int
	Ties   int     // number of ties
	Weight float64 // their summed weight
}

// QuotientTies returns the ties of g between and within the groups of p,
// one entry per pair of groups with at least one tie, ordered by A then
// B: the quotient network of the partition, for drawing communities or
// sectors as nodes. It is sparse, so a partition into thousands of groups
// costs the ties, not the pairs (MixingMatrix is its dense form).
func QuotientTies(g *Network, p Groups) []GroupTie {
	idx := map[[2]int]int{}
	var out []GroupTie
	for u := range g.N() {
		ws := g.Weights(u)
		for k, v := range g.Neighbors(u) {
			if int(v) <= u {
				continue
			}
			a, b := p.Label[u], p.Label[v]
			if a > b {
				a, b = b, a
			}
			key := [2]int{a, b}
			i, ok := idx[key]
			if !ok {
				i = len(out)
				idx[key] = i
				out = append(out, GroupTie{A: a, B: b})
			}
			out[i].Ties++
			out[i].Weight += ws[k]
		}
	}
	slices.SortFunc(out, func(x, y GroupTie) int {
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	return out
}

// ExpectedMixing returns, for every pair of groups k <= l of p, the number
// of ties expected between them (within k when k == l) if g's ties were
// rewired at random keeping every organization's number of partners: the
// null model of Newman's modularity and assortativity (M. E. J. Newman,
// "Mixing patterns in networks", Phys. Rev. E 67, 026126 (2003),
// doi:10.1103/PhysRevE.67.026126),
//
//	E_kl = D_k D_l / (2M)  (k != l),   E_kk = D_k² / (4M),
//
// where D_k is the sum of the degrees in group k and M the number of ties.
// The entries sum to M. Weights are ignored. The matrix is symmetric; with
// no tie every entry is 0.
func ExpectedMixing(g *Network, p Groups) [][]float64 {
	D := make([]float64, p.K)
	for i := range g.N() {
		D[p.Label[i]] += float64(g.Degree(i))
	}
	m := float64(g.M())
	e := make([][]float64, p.K)
	for k := range e {
		e[k] = make([]float64, p.K)
		if m == 0 {
			continue
		}
		for l := range e[k] {
			if k == l {
				e[k][l] = D[k] * D[k] / (4 * m)
			} else {
				e[k][l] = D[k] * D[l] / (2 * m)
			}
		}
	}
	return e
}
