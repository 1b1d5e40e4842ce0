package graph

import (
	"context"
	"math"
)

// Cohesion: transitivity, weighted clustering, path lengths per
// component, harmonic closeness and Freeman's centralization of the path
// and eigenvector centralities.

// Transitivity returns the global clustering coefficient, the share of
// connected triples (two-paths) that are closed,
//
//	T = 3 × triangles / connected triples = Σ_i T_i / Σ_i d_i(d_i-1)/2
//
// (Wasserman and Faust 1994, p. 243; Newman, SIAM Rev. 45, 167 (2003),
// doi:10.1137/S003614450342480), weights ignored, as NetworkX
// transitivity and igraph transitivity_undirected. NaN when no node has
// two neighbours (NetworkX returns 0 there, igraph NaN).
func Transitivity(g *Network) float64 { return TransitivityOf(g, Triangles(g)) }

// TransitivityOf is Transitivity from g's triangles t (Triangles(g)).
func TransitivityOf(g *Network, t []int64) float64 {
	var closed, triples float64
	for i, t := range t {
		d := float64(g.Degree(i))
		closed += float64(t)
		triples += d * (d - 1) / 2
	}
	if triples == 0 {
		return math.NaN()
	}
	return closed / triples
}

// WeightedClustering returns each node's weighted clustering coefficient
// in the geometric-mean form of J.-P. Onnela, J. Saramäki, J. Kertész and
// K. Kaski (Intensity and coherence of motifs in weighted complex
// networks, Phys. Rev. E 71, 065103 (2005),
// doi:10.1103/PhysRevE.71.065103),
//
//	c_i = 1/(d_i(d_i-1)) Σ_{j,k} (ŵ_ij ŵ_ik ŵ_jk)^(1/3),  ŵ = w / max w
//
// over the ordered pairs of i's tied neighbours, weights scaled by the
// largest in the network. It matches NetworkX clustering(G,
// weight="weight"); with equal weights it is the unweighted clustering.
// Nodes with fewer than two neighbours get 0. It runs on the quotient by
// weighted closed twins (see egoNet): a forum of 5,000 is one step.
func WeightedClustering(g *Network) []float64 {
	e := newEgoNet(g)
	k := e.q.N()
	top := 0.0
	for _, w := range g.W {
		top = max(top, w)
	}
	out := make([]float64, k)
	if top == 0 {
		return e.spread(out)
	}
	// Cube roots of the scaled weights, once: the product of three cube
	// roots is the cube root of the product (to rounding).
	cw := make([]float64, len(e.q.W))
	for x, w := range e.q.W {
		cw[x] = math.Cbrt(w / top)
	}
	cl := make([]float64, k)
	for c, w := range e.loop {
		cl[c] = math.Cbrt(w / top)
	}
	e.forClasses(func(a int, s *egoScratch) {
		e.partners(a, s)
		deg := 0.0
		for _, en := range s.ent {
			deg += en.mult
		}
		if deg < 2 {
			return
		}
		// The cube root of each partner class's tie to a.
		root := s.acc[0]
		for x, en := range s.ent {
			root[x] = math.Cbrt(en.w / top)
		}
		sum := 0.0
		e.wedges(a, s, func(jx, qx int, cnt, wqj float64, x int) {
			rqj := cl[s.ent[qx].c]
			if x >= 0 {
				rqj = cw[x]
			}
			sum += s.ent[jx].mult * cnt * (root[jx] * root[qx] * rqj)
		})
		out[a] = sum / (deg * (deg - 1))
	})
	return e.spread(out)
}

// ComponentPaths describes the shortest paths within one component.
type ComponentPaths struct {
	Nodes, Ties int
	// Diameter is the longest shortest path in hops (0 for an isolate).
	Diameter int
	// MeanPath is the mean shortest-path length in hops over the ordered
	// pairs of distinct nodes; NaN for an isolate.
	MeanPath float64
}

// PathStats holds the path measures of a network, per component and per
// node.
type PathStats struct {
	// Components in the order of Network.Components (by lowest node).
	Components []ComponentPaths
	// Eccentricity of every node: its largest distance to a node of its
	// component (0 for an isolate).
	Eccentricity []int
	// Harmonic closeness of every node (see PathMeasures).
	Harmonic []float64
}

// PathMeasures returns the diameter and mean path length of every
// component, and every node's eccentricity and harmonic closeness,
//
//	H(u) = 1/(n-1) Σ_{v≠u} 1/d(u,v)
//
// with 1/d = 0 between components (M. Marchiori and V. Latora, Harmony in
// the small-world, Physica A 285, 539-546 (2000),
// doi:10.1016/S0378-4371(00)00311-3; Y. Rochat 2009), so it is defined on
// disconnected networks. Distances are hops, weights ignored. Harmonic
// closeness is NetworkX harmonic_centrality divided by n-1 (igraph
// harmonic_centrality(normalized=TRUE)); the diameter of a component is
// NetworkX diameter and igraph diameter on its subnetwork, the mean path
// length NetworkX average_shortest_path_length. Isolates have harmonic
// closeness 0, eccentricity 0, and form components of diameter 0 and mean
// path length NaN.
//
// One breadth-first search runs from every node of the quotient by closed
// twins (see twinClasses; twins are one hop apart and have the same
// distances to everyone else), with the direction-optimizing search of
// the sampled closeness, on GOMAXPROCS goroutines; the sums are integers
// per source and give the same bytes for any number. It returns ctx's
// error if ctx is cancelled first.
func PathMeasures(ctx context.Context, g *Network) (PathStats, error) {
	n := g.N()
	q, size := g, []int32(nil)
	class := []int32(nil)
	if tw := findTwins(g, false); tw != nil {
		q, size, class = tw.q, tw.size, tw.class
	}
	k := q.N()
	if size == nil {
		size = make([]int32, k)
		for i := range size {
			size[i] = 1
		}
	}
	comps := newHopComponents(q)
	// Per class: eccentricity, Σ size·d and Σ size/d over the other classes.
	ecc := make([]int32, k)
	far := make([]int64, k)
	harm := make([]float64, k)
	const block = 32
	err := parallel(ctx, (k+block-1)/block, 0, func(int) func(int) {
		x := newLevelBFS(k)
		return func(b int) {
			for s := b * block; s < min(k, (b+1)*block); s++ {
				e := x.run(q, comps, int32(s))
				var f int64
				// Σ size/d summed by distance: the same order on any core.
				maxd := int(e)
				cnt := make([]int64, maxd+1)
				for _, u := range x.order {
					d := x.dist[u]
					f += int64(size[u]) * int64(d)
					cnt[d] += int64(size[u])
					x.dist[u] = -1
				}
				h := 0.0
				for d := 1; d <= maxd; d++ {
					h += float64(cnt[d]) / float64(d)
				}
				// Twins of the source are one hop away.
				if size[s] > 1 {
					f += int64(size[s] - 1)
					h += float64(size[s] - 1)
					e = max(e, 1)
				}
				ecc[s], far[s], harm[s] = e, f, h
			}
		}
	}, nil)
	if err != nil {
		return PathStats{}, err
	}
	res := PathStats{Eccentricity: make([]int, n), Harmonic: make([]float64, n)}
	cls := func(v int) int {
		if class == nil {
			return v
		}
		return int(class[v])
	}
	label, count := g.Components()
	res.Components = make([]ComponentPaths, count)
	sumFar := make([]int64, count)
	for v := 0; v < n; v++ {
		c := cls(v)
		res.Eccentricity[v] = int(ecc[c])
		if n > 1 {
			res.Harmonic[v] = harm[c] / float64(n-1)
		}
		cp := &res.Components[label[v]]
		cp.Nodes++
		cp.Ties += g.Degree(v)
		cp.Diameter = max(cp.Diameter, int(ecc[c]))
		sumFar[label[v]] += far[c]
	}
	for l := range res.Components {
		cp := &res.Components[l]
		cp.Ties /= 2
		cp.MeanPath = math.NaN()
		if cp.Nodes > 1 {
			cp.MeanPath = float64(sumFar[l]) / (float64(cp.Nodes) * float64(cp.Nodes-1))
		}
	}
	return res, nil
}

// freemanCentralization returns Σ_i (max_j x_j - x_i) / maxDev, NaN for
// fewer than 3 scores.
func freemanCentralization(x []float64, maxDev float64) float64 {
	if len(x) < 3 || maxDev == 0 {
		return math.NaN()
	}
	top := math.Inf(-1)
	for _, v := range x {
		top = max(top, v)
	}
	s := 0.0
	for _, v := range x {
		s += top - v
	}
	return s / maxDev
}

// BetweennessCentralization returns Freeman's betweenness
// centralization (Freeman 1978, doi:10.1016/0378-8733(78)90021-7) from
// normalized betweenness scores b (as Betweenness returns, raw counts
// divided by (n-1)(n-2)/2):
//
//	C_B = Σ_i (b_max - b_i) / (n-1)
//
// the raw sum over its maximum (n-1)²(n-2)/2, reached by a star. It
// matches R sna centralization(g, betweenness, mode="graph") for
// hop-path betweenness. NaN for fewer than 3 nodes.
func BetweennessCentralization(b []float64) float64 {
	return freemanCentralization(b, float64(len(b)-1))
}

// ClosenessCentralization returns Freeman's closeness centralization
// from closeness scores c (as Closeness returns):
//
//	C_C = Σ_i (c_max - c_i) / ((n-1)(n-2)/(2n-3))
//
// the denominator the value for a star. On a connected network it
// matches R sna centralization(g, closeness, mode="graph"); on a
// disconnected one it uses the Wasserman-Faust closeness of Closeness
// (sna's closeness is 0 for everyone there). NaN for fewer than 3 nodes.
func ClosenessCentralization(c []float64) float64 {
	n := float64(len(c))
	return freemanCentralization(c, (n-1)*(n-2)/(2*n-3))
}

// EigenvectorCentralization returns Freeman's eigenvector
// centralization from unit-norm eigenvector scores e (as Eigenvector
// returns):
//
//	C_E = Σ_i (e_max - e_i) / ((n-2)/√2)
//
// the denominator R sna's theoretical maximum for graphs (evcent with
// tmaxdev=TRUE); it matches sna centralization(g, evcent, mode="graph")
// on the weighted adjacency matrix of a connected network. NaN for fewer
// than 3 nodes.
func EigenvectorCentralization(e []float64) float64 {
	n := float64(len(e))
	return freemanCentralization(e, math.Sqrt2/2*(n-2))
}

// AllPathsCost estimates the work of a breadth-first search from every
// node: the number of nodes times the number of ties of the quotient by
// closed twins (see twinClasses), on which the path measures run. A forum
// of 5,000 members alone costs nothing (one class); gen.py's 20,000
// organizations about 4·10⁹.
func AllPathsCost(g *Network) float64 {
	q := g
	if tw := findTwins(g, false); tw != nil {
		q = tw.q
	}
	return float64(q.N()) * float64(max(q.M(), 1))
}
