package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Dyads is a dyadic variable of an undirected network: one value for every
// unordered pair of the nodes 0..N-1, such as "tied in 2014", "number of
// forums shared" or "same sector". The values are stored in the order R
// sna's gvectorize(m, mode = "graph") gives them, the lower triangle of the
// N×N matrix column by column:
//
//	(1,0), (2,0), ..., (N-1,0), (2,1), ..., (N-1,N-2)
//
// so that a vector of dyads lines up with sna's regression input. NaN
// marks a missing value (a pair outside the pairs at risk, or a score
// nobody reported).
type Dyads struct {
	N int
	V []float64 // len N(N-1)/2
}

// DyadCount returns the number of unordered pairs of n nodes, n(n-1)/2.
func DyadCount(n int) int { return n * (n - 1) / 2 }

// NewDyads returns a dyadic variable of n nodes, every value 0.
func NewDyads(n int) Dyads {
	if n < 0 {
		panic(fmt.Sprintf("graph: %d nodes", n))
	}
	return Dyads{N: n, V: make([]float64, DyadCount(n))}
}

// dyadColumn returns the index of pair (j+1, j), the first of column j.
func dyadColumn(n, j int) int { return j * (2*n - j - 1) / 2 }

// DyadIndex returns the position of the pair {i, j} (i ≠ j) in a Dyads
// vector of n nodes.
func DyadIndex(n, i, j int) int {
	if i < j {
		i, j = j, i
	}
	if j < 0 || i >= n || i == j {
		panic(fmt.Sprintf("graph: pair %d-%d outside the pairs of %d nodes", i, j, n))
	}
	return dyadColumn(n, j) + i - j - 1
}

// At returns the value of the pair {i, j}, i ≠ j.
func (d Dyads) At(i, j int) float64 { return d.V[DyadIndex(d.N, i, j)] }

// Set sets the value of the pair {i, j}, i ≠ j.
func (d Dyads) Set(i, j int, v float64) { d.V[DyadIndex(d.N, i, j)] = v }

// Missing returns the number of missing (NaN) values.
func (d Dyads) Missing() int {
	k := 0
	for _, v := range d.V {
		if math.IsNaN(v) {
			k++
		}
	}
	return k
}

// TieDyads returns 1 for the pairs tied in g and 0 for the others.
func TieDyads(g *Network) Dyads {
	d := NewDyads(g.N())
	for i := 0; i < g.N(); i++ {
		for _, j := range g.Neighbors(i) {
			if int(j) > i {
				d.Set(i, int(j), 1)
			}
		}
	}
	return d
}

// WeightDyads returns the tie weight of the pairs tied in g and 0 for the
// others.
func WeightDyads(g *Network) Dyads {
	d := NewDyads(g.N())
	for i := 0; i < g.N(); i++ {
		ws := g.Weights(i)
		for e, j := range g.Neighbors(i) {
			if int(j) > i {
				d.Set(i, int(j), ws[e])
			}
		}
	}
	return d
}

// permuteTo writes into dst (len N(N-1)/2) the dyads of the network whose
// node a is node o[a] of d: dst{a,b} = d{o[a],o[b]}, R sna's rmperm(m),
// which is m[o, o].
func (d Dyads) permuteTo(dst []float64, o []int32) {
	n := d.N
	k := 0
	for b := 0; b < n; b++ {
		ob := int(o[b])
		for a := b + 1; a < n; a++ {
			oa := int(o[a])
			i, j := oa, ob
			if i < j {
				i, j = j, i
			}
			dst[k] = d.V[dyadColumn(n, j)+i-j-1]
			k++
		}
	}
}

// randomPermutation fills o with a uniform random permutation of 0..len-1
// (Fisher-Yates on boundedRand, so the sequence depends only on the
// generator's stream).
func randomPermutation(o []int32, rng *rand.Rand) {
	for i := range o {
		o[i] = int32(i)
	}
	for i := len(o) - 1; i > 0; i-- {
		j := boundedRand(rng, uint64(i+1))
		o[i], o[j] = o[j], o[i]
	}
}
