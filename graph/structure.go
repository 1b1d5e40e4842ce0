package graph

// Structure measures of a whole network: density, components, isolates,
// degree centralization and clustering.

import "math"

// Isolates returns the number of nodes with no tie.
func Isolates(g *Network) int {
	n := 0
	for i := 0; i < g.N(); i++ {
		if g.Degree(i) == 0 {
			n++
		}
	}
	return n
}

// LargestComponent returns the number of nodes in g's largest component.
func LargestComponent(g *Network) int {
	label, count := g.Components()
	size := make([]int, count)
	best := 0
	for _, l := range label {
		size[l]++
		best = max(best, size[l])
	}
	return best
}

// DegreeCentralization returns Freeman's degree centralization,
//
//	C = Σ_i (d_max - d_i) / ((n-1)(n-2))
//
// the sum of differences from the largest degree over its maximum, reached
// by a star (L. C. Freeman, Centrality in social networks: conceptual
// clarification, Social Networks 1, 215-239 (1978),
// doi:10.1016/0378-8733(78)90021-7). It matches R sna
// centralization(g, degree, mode="graph") on the 0/1 adjacency matrix (or
// with ignore.eval=TRUE). Weights are ignored; WeightedDegreeCentralization
// is the form on tie weights. NaN for fewer than 3 nodes.
func DegreeCentralization(g *Network) float64 {
	n := g.N()
	if n < 3 {
		return math.NaN()
	}
	dmax := 0
	for i := 0; i < n; i++ {
		dmax = max(dmax, g.Degree(i))
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += dmax - g.Degree(i)
	}
	return float64(sum) / (float64(n-1) * float64(n-2))
}

// WeightedDegreeCentralization is Freeman's degree centralization on tie
// weights, what R sna centralization(g, degree, mode="graph") returns on
// the valued adjacency matrix: strengths s_i (sums of tie weights) in
// place of degrees, over the same maximum as DegreeCentralization, that of
// a binary star,
//
//	C_w = Σ_i (s_max - s_i) / ((n-1)(n-2))
//
// so it is in the units of the weights and not bounded by 1 (sna keeps the
// binary maximum: degree(..., tmaxdev=TRUE)). NaN for fewer than 3 nodes.
func WeightedDegreeCentralization(g *Network) float64 {
	n := g.N()
	if n < 3 {
		return math.NaN()
	}
	s := Strength(g)
	smax := 0.0
	for _, x := range s {
		smax = max(smax, x)
	}
	sum := 0.0
	for _, x := range s {
		sum += smax - x
	}
	return sum / (float64(n-1) * float64(n-2))
}

// Clustering returns each node's local clustering coefficient, the share
// of pairs of its neighbours that are tied, 2T_i / (d_i(d_i-1)) (Watts and
// Strogatz 1998, doi:10.1038/30918), weights ignored, as NetworkX
// clustering(G). Nodes with fewer than two neighbours get 0. The
// triangles T_i come from Triangles, which stays fast on dense networks.
func Clustering(g *Network) []float64 { return ClusteringOf(g, Triangles(g)) }

// ClusteringOf is Clustering from g's triangles t (Triangles(g)), for a
// caller that has them already.
func ClusteringOf(g *Network, t []int64) []float64 {
	c := make([]float64, g.N())
	for i, t := range t {
		if d := g.Degree(i); d >= 2 {
			c[i] = 2 * float64(t) / (float64(d) * float64(d-1))
		}
	}
	return c
}

// AverageClustering returns the mean of the local clustering coefficients
// over all nodes, counting the zeros of nodes with fewer than two
// neighbours, as NetworkX average_clustering(G) (count_zeros=True).
// NaN for an empty network.
func AverageClustering(g *Network) float64 { return AverageClusteringOf(g, Triangles(g)) }

// AverageClusteringOf is AverageClustering from g's triangles t
// (Triangles(g)).
func AverageClusteringOf(g *Network, t []int64) float64 {
	if g.N() == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, c := range ClusteringOf(g, t) {
		s += c
	}
	return s / float64(g.N())
}

// Density returns 2M / (N(N-1)), the share of possible ties present; 0 for
// fewer than two nodes.
func (g *Network) Density() float64 {
	n := g.N()
	if n < 2 {
		return 0
	}
	return 2 * float64(g.M()) / (float64(n) * float64(n-1))
}

// Components returns the component label of each node (labels 0, 1, ...
// in order of each component's lowest node) and the number of components.
// An isolate is a component of its own.
func (g *Network) Components() (label []int, count int) {
	n := g.N()
	label = make([]int, n)
	for i := range label {
		label[i] = -1
	}
	stack := make([]int32, 0, 64)
	for s := 0; s < n; s++ {
		if label[s] >= 0 {
			continue
		}
		label[s] = count
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, u := range g.Neighbors(int(v)) {
				if label[u] < 0 {
					label[u] = count
					stack = append(stack, u)
				}
			}
		}
		count++
	}
	return label, count
}

// gonum graph interfaces.
