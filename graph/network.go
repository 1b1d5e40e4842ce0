package graph

import (
	"fmt"
	"slices"
	"sort"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// Network is an immutable, undirected, weighted network over nodes
// 0..N()-1, stored as compressed adjacency arrays (CSR): the neighbours of
// node i are Adj[Off[i]:Off[i+1]], sorted ascending, with weights
// W[Off[i]:Off[i+1]]. Every undirected tie appears in both rows. There are
// no self-loops and no parallel ties.
//
// Network satisfies gonum's graph.WeightedUndirected, so gonum's
// algorithms run on it directly; node i has gonum ID int64(i).
type Network struct {
	Off []int     // len N()+1
	Adj []int32   // neighbour indices
	W   []float64 // tie weights, parallel to Adj
}

// Edge is an undirected weighted tie between nodes U < V used to build a
// Network.
type Edge struct {
	U, V int
	W    float64
}

// NewNetwork builds a network of n nodes from undirected edges. Edges
// listed more than once (in either direction) have their weights summed.
// It panics on a self-loop or an index out of range: those are programming
// errors, not user data.
func NewNetwork(n int, edges []Edge) *Network {
	deg := make([]int, n+1)
	for _, e := range edges {
		if e.U == e.V {
			panic(fmt.Sprintf("graph: self-loop on node %d", e.U))
		}
		if e.U < 0 || e.V < 0 || e.U >= n || e.V >= n {
			panic(fmt.Sprintf("graph: edge %d-%d out of range [0,%d)", e.U, e.V, n))
		}
		deg[e.U+1]++
		deg[e.V+1]++
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	adj := make([]int32, deg[n])
	w := make([]float64, deg[n])
	pos := slices.Clone(deg[:n])
	for _, e := range edges {
		adj[pos[e.U]] = int32(e.V)
		w[pos[e.U]] = e.W
		pos[e.U]++
		adj[pos[e.V]] = int32(e.U)
		w[pos[e.V]] = e.W
		pos[e.V]++
	}
	// Sort each row and merge duplicates.
	off := make([]int, n+1)
	k := 0
	for i := 0; i < n; i++ {
		lo, hi := deg[i], deg[i+1]
		row := rowSorter{adj[lo:hi], w[lo:hi]}
		// Stable: the duplicates of a tie are summed in the order of the
		// edge list in both its rows, so u sees the same weight as v
		// (0.3+1.7+1.7 and 1.7+0.3+1.7 differ in the last bit).
		sort.Stable(row)
		start := k
		for j := lo; j < hi; j++ {
			if k > start && adj[k-1] == adj[j] {
				w[k-1] += w[j]
				continue
			}
			adj[k] = adj[j]
			w[k] = w[j]
			k++
		}
		off[i+1] = k
	}
	return &Network{Off: off, Adj: adj[:k:k], W: w[:k:k]}
}

type rowSorter struct {
	a []int32
	w []float64
}

func (r rowSorter) Len() int           { return len(r.a) }
func (r rowSorter) Less(i, j int) bool { return r.a[i] < r.a[j] }
func (r rowSorter) Swap(i, j int) {
	r.a[i], r.a[j] = r.a[j], r.a[i]
	r.w[i], r.w[j] = r.w[j], r.w[i]
}

// N returns the number of nodes.
func (g *Network) N() int { return len(g.Off) - 1 }

// M returns the number of undirected ties.
func (g *Network) M() int { return len(g.Adj) / 2 }

// Neighbors returns the sorted neighbours of node i. The slice must not be
// modified.
func (g *Network) Neighbors(i int) []int32 { return g.Adj[g.Off[i]:g.Off[i+1]] }

// Weights returns the weights of node i's ties, parallel to Neighbors(i).
func (g *Network) Weights(i int) []float64 { return g.W[g.Off[i]:g.Off[i+1]] }

// Degree returns the number of distinct neighbours of node i.
func (g *Network) Degree(i int) int { return g.Off[i+1] - g.Off[i] }

// Strength returns the sum of the weights of node i's ties.
func (g *Network) Strength(i int) float64 {
	s := 0.0
	for _, w := range g.Weights(i) {
		s += w
	}
	return s
}

// TieWeight returns the weight of the tie between nodes i and j, and
// whether the tie exists.
func (g *Network) TieWeight(i, j int) (float64, bool) {
	row := g.Neighbors(i)
	k, ok := slices.BinarySearch(row, int32(j))
	if !ok {
		return 0, false
	}
	return g.W[g.Off[i]+k], true
}

// Edges returns every undirected tie once, as U < V, ordered by U then V.
func (g *Network) Edges() []Edge {
	es := make([]Edge, 0, g.M())
	for i := 0; i < g.N(); i++ {
		ws := g.Weights(i)
		for k, j := range g.Neighbors(i) {
			if int(j) > i {
				es = append(es, Edge{U: i, V: int(j), W: ws[k]})
			}
		}
	}
	return es
}

// TotalWeight returns the sum of all tie weights, each tie counted once.
func (g *Network) TotalWeight() float64 {
	s := 0.0
	for i := 0; i < g.N(); i++ {
		ws := g.Weights(i)
		for k, j := range g.Neighbors(i) {
			if int(j) > i {
				s += ws[k]
			}
		}
	}
	return s
}

type node int64

func (n node) ID() int64 { return int64(n) }

type wedge struct {
	f, t node
	w    float64
}

func (e wedge) From() gg.Node         { return e.f }
func (e wedge) To() gg.Node           { return e.t }
func (e wedge) ReversedEdge() gg.Edge { return wedge{e.t, e.f, e.w} }
func (e wedge) Weight() float64       { return e.w }

// Node returns the node with the given ID, or nil when it does not exist.
func (g *Network) Node(id int64) gg.Node {
	if id < 0 || id >= int64(g.N()) {
		return nil
	}
	return node(id)
}

// Nodes returns all nodes in index order.
func (g *Network) Nodes() gg.Nodes {
	ns := make([]gg.Node, g.N())
	for i := range ns {
		ns[i] = node(i)
	}
	return iterator.NewOrderedNodes(ns)
}

// From returns the neighbours of the node with the given ID.
func (g *Network) From(id int64) gg.Nodes {
	if id < 0 || id >= int64(g.N()) {
		return gg.Empty
	}
	row := g.Neighbors(int(id))
	ns := make([]gg.Node, len(row))
	for k, j := range row {
		ns[k] = node(j)
	}
	return iterator.NewOrderedNodes(ns)
}

// HasEdgeBetween reports whether x and y are tied.
func (g *Network) HasEdgeBetween(xid, yid int64) bool {
	if xid < 0 || yid < 0 || xid >= int64(g.N()) || yid >= int64(g.N()) {
		return false
	}
	_, ok := g.TieWeight(int(xid), int(yid))
	return ok
}

// Edge returns the tie from u to v, or nil.
func (g *Network) Edge(uid, vid int64) gg.Edge { return g.WeightedEdgeBetween(uid, vid) }

// EdgeBetween returns the tie between x and y, or nil.
func (g *Network) EdgeBetween(xid, yid int64) gg.Edge { return g.WeightedEdgeBetween(xid, yid) }

// WeightedEdge returns the weighted tie from u to v, or nil.
func (g *Network) WeightedEdge(uid, vid int64) gg.WeightedEdge {
	return g.WeightedEdgeBetween(uid, vid)
}

// WeightedEdgeBetween returns the weighted tie between x and y, or nil.
func (g *Network) WeightedEdgeBetween(xid, yid int64) gg.WeightedEdge {
	if xid < 0 || yid < 0 || xid >= int64(g.N()) || yid >= int64(g.N()) {
		return nil
	}
	w, ok := g.TieWeight(int(xid), int(yid))
	if !ok {
		return nil
	}
	return wedge{node(xid), node(yid), w}
}

// Weight returns the weight of the tie between x and y as gonum's
// graph.Weighted expects: (0, true) for x == y, (0, false) for no tie.
func (g *Network) Weight(xid, yid int64) (float64, bool) {
	if xid < 0 || yid < 0 || xid >= int64(g.N()) || yid >= int64(g.N()) {
		return 0, false
	}
	if xid == yid {
		return 0, true
	}
	return g.TieWeight(int(xid), int(yid))
}

var _ gg.WeightedUndirected = (*Network)(nil)
