package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
)

// ErrNoConvergence is returned by the iterative measures when they do not
// converge within their iteration limit.
var ErrNoConvergence = errors.New("graph: the iteration did not converge")

// Degree returns the degree of every node: its number of distinct
// neighbours, whatever the tie weights (Freeman 1978,
// doi:10.1016/0378-8733(78)90021-7), unnormalized, as NetworkX G.degree().
// Isolates have degree 0.
func Degree(g *Network) []int {
	d := make([]int, g.N())
	for i := range d {
		d[i] = g.Degree(i)
	}
	return d
}

// Strength returns the strength of every node, s_i = Σ_j w_ij, the sum of
// the weights of its ties (Barrat et al., PNAS 101, 3747 (2004),
// doi:10.1073/pnas.0400087101), as NetworkX G.degree(weight="weight").
// Isolates have strength 0.
func Strength(g *Network) []float64 {
	s := make([]float64, g.N())
	for i := range s {
		s[i] = g.Strength(i)
	}
	return s
}

// PathCentrality holds the shortest-path measures of every node.
type PathCentrality struct {
	Betweenness []float64
	Closeness   []float64
}

// ShortestPathCentrality computes betweenness and closeness together, in
// one Brandes pass per source (see Betweenness and Closeness for the
// formulas). Sources are shared among o.Workers goroutines; the results
// are bit-identical whatever the number of workers. It returns ctx's error
// if ctx is cancelled before the end.
func ShortestPathCentrality(ctx context.Context, g *Network, o PathOptions) (PathCentrality, error) {
	sums, err := shortestPathSums(ctx, g, o)
	if err != nil {
		return PathCentrality{}, err
	}
	return PathCentrality{
		Betweenness: normalizeBetweenness(sums.pairs),
		Closeness:   wfCloseness(sums.far, sums.reach),
	}, nil
}

// Betweenness returns the normalized betweenness centrality of every
// node (Freeman 1977, doi:10.2307/3033543), computed with Brandes'
// algorithm (doi:10.1080/0022250X.2001.9990249):
//
//	b(v) = Σ_{s<t, s≠v≠t} σ_st(v)/σ_st  ÷  ((n-1)(n-2)/2)
//
// where σ_st is the number of shortest s-t paths and σ_st(v) those
// passing through v. Path lengths are hops, or 1/w per tie with
// PathsWeighted. The normalization is NetworkX betweenness_centrality
// (normalized=True) on an undirected graph; pairs in different components
// contribute nothing. Isolates, and every node when n <= 2, get 0.
//
// gonum's network.Betweenness counts each unordered pair twice and leaves
// zero scores out of its map; this does neither.
func Betweenness(g *Network, p Paths) []float64 {
	sums, _ := shortestPathSums(context.Background(), g, PathOptions{Paths: p})
	return normalizeBetweenness(sums.pairs)
}

// Closeness returns the closeness centrality of every node in the
// Wasserman and Faust (1994, p. 201) form for disconnected networks:
//
//	c(v) = (r-1)/Σ_u d(v,u)  ×  (r-1)/(n-1)
//
// where r is the number of nodes v reaches (v included) and the sum runs
// over them; path lengths are hops, or 1/w per tie with PathsWeighted. It
// matches NetworkX closeness_centrality (wf_improved=True; with
// distance=1/w for PathsWeighted). Isolates get 0; on a connected network
// it is the classic (n-1)/Σ d (Sabidussi 1966, doi:10.1007/BF02289527).
func Closeness(g *Network, p Paths) []float64 {
	sums, _ := shortestPathSums(context.Background(), g, PathOptions{Paths: p})
	return wfCloseness(sums.far, sums.reach)
}

func normalizeBetweenness(pairs []float64) []float64 {
	n := len(pairs)
	b := make([]float64, n)
	if n <= 2 {
		// NetworkX leaves the sums unscaled; they are all 0.
		copy(b, pairs)
		return b
	}
	// pairs counts every unordered pair from both ends: the NetworkX
	// scale 1/((n-1)(n-2)) turns it into pairs ÷ ((n-1)(n-2)/2).
	scale := 1 / (float64(n-1) * float64(n-2))
	for v, x := range pairs {
		b[v] = x * scale
	}
	return b
}

func wfCloseness(far []float64, reach []int) []float64 {
	n := len(far)
	c := make([]float64, n)
	for v := range c {
		if far[v] > 0 && n > 1 {
			r := float64(reach[v] - 1)
			c[v] = r / far[v] * (r / float64(n-1))
		}
	}
	return c
}

// Eigenvector returns the eigenvector centrality of every node on the
// weighted network (Bonacich 1972, doi:10.1080/0022250X.1972.9989806;
// 1987, doi:10.1086/228631): the Perron eigenvector x of the weighted
// adjacency matrix, A x = λ₁ x, scaled to unit Euclidean norm and
// non-negative, as NetworkX eigenvector_centrality_numpy(G,
// weight="weight") returns it.
//
// On a disconnected network the leading eigenvector lives on the component
// with the largest leading eigenvalue λ₁; every other node, isolates
// included, gets 0, which is what NetworkX's ARPACK solver returns (to
// round-off). When several components share the largest λ₁ the
// eigenvector is not unique (NetworkX returns an arbitrary mixture); this
// returns the symmetric one, each such component's unit Perron vector
// divided by √k for k components. A network without ties gets all zeros.
//
// It is computed per component by restarted Lanczos iteration until the
// residual ‖Ax - λx‖ is below 1e-12 λ; it returns ErrNoConvergence (with
// the best vector found) if that takes more than 500 restarts.
func Eigenvector(g *Network) ([]float64, error) {
	n := g.N()
	x := make([]float64, n)
	label, count := g.Components()
	members := make([][]int32, count)
	for v, l := range label {
		members[l] = append(members[l], int32(v))
	}
	type lead struct {
		lambda float64
		vec    []float64 // over members, unit norm
	}
	leads := make([]lead, count)
	var firstErr error
	best := 0.0
	for c, ms := range members {
		if len(ms) < 2 {
			continue
		}
		lam, vec, err := perron(g, ms)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		leads[c] = lead{lam, vec}
		best = max(best, lam)
	}
	if best == 0 {
		return x, firstErr
	}
	var top []int
	for c, l := range leads {
		if l.vec != nil && l.lambda >= best*(1-1e-10) {
			top = append(top, c)
		}
	}
	scale := 1 / math.Sqrt(float64(len(top)))
	for _, c := range top {
		for k, v := range members[c] {
			x[v] = leads[c].vec[k] * scale
		}
	}
	return x, firstErr
}

// PageRankStop says when PageRank's power iteration stops.
type PageRankStop int

const (
	// PageRankConverged, the default, iterates until the scores are
	// provably within Tol (default 1e-12) of the exact PageRank vector in
	// the L1 norm, so every score is within Tol of its exact value, the
	// solution of the linear system that igraph's PRPACK solves directly
	// (and NetworkX reaches with tol=1e-12): two organizations whose
	// exact scores differ by more than 2·Tol are never ranked the wrong
	// way round.
	PageRankConverged PageRankStop = iota
	// PageRankNetworkX stops where NetworkX pagerank does by default,
	// when Σ|x - x_prev| < n·Tol with Tol 1e-6 and at most 100
	// iterations: the same iterate, for matching an existing script. It
	// can be 1e-6 from the exact scores and swap near ranks.
	PageRankNetworkX
)

// ParsePageRankStop reads "converged" or "networkx".
func ParsePageRankStop(s string) (PageRankStop, error) {
	switch s {
	case "converged", "":
		return PageRankConverged, nil
	case "networkx":
		return PageRankNetworkX, nil
	}
	return 0, fmt.Errorf("unknown PageRank stopping rule %q (want converged or networkx)", s)
}

func (s PageRankStop) String() string {
	switch s {
	case PageRankConverged:
		return "converged"
	case PageRankNetworkX:
		return "networkx"
	}
	return fmt.Sprintf("PageRankStop(%d)", int(s))
}

// PageRankOptions configure PageRank. Zero values take the defaults.
type PageRankOptions struct {
	Damping float64 // α, default 0.85
	Stop    PageRankStop
	// Tol is the bound on the L1 distance to the exact scores with
	// PageRankConverged (default 1e-12), NetworkX's tol with
	// PageRankNetworkX (default 1e-6: stop when Σ|x - x_prev| < n·Tol).
	Tol float64
	// MaxIter is the iteration limit: by default 100 with
	// PageRankNetworkX, and with PageRankConverged 50 more than the
	// ⌈ln(Tol/2)/ln α⌉ iterations that always suffice (225 at α = 0.85).
	MaxIter int
}

// PageRank returns the weighted PageRank of every node (Brin and Page
// 1998, doi:10.1016/S0169-7552(98)00110-X) by power iteration from the
// uniform vector:
//
//	x'_j = α (Σ_i x_i w_ij / s_i + Σ_{d dangling} x_d / n) + (1-α)/n
//
// where s_i is the strength of i; a dangling node (an isolate) spreads
// its score uniformly over all nodes, as NetworkX pagerank(G, alpha=0.85,
// weight="weight") and igraph's PRPACK do; the scores sum to 1. An
// isolate's score is (1-α)/n plus its share of the dangling mass.
//
// The iteration matrix is column-stochastic times α, so the error e_k =
// x* - x_k shrinks by α in the L1 norm at each step and
//
//	‖x* - x_k‖₁ ≤ α/(1-α) ‖x_k - x_{k-1}‖₁.
//
// With PageRankConverged (the default) it stops when that bound is below
// Tol: every score within 1e-12 of the exact one by default, which
// equals igraph's PRPACK to round-off. With PageRankNetworkX it stops
// when Σ|x' - x| < n·Tol, NetworkX's own rule (its _pagerank_scipy
// iteration, same start), and returns NetworkX's scores to round-off. It
// returns ErrNoConvergence (and the last iterate) after MaxIter
// iterations without stopping, where NetworkX raises
// PowerIterationFailedConvergence.
func PageRank(g *Network, o PageRankOptions) ([]float64, error) {
	alpha, tol, maxIter := o.Damping, o.Tol, o.MaxIter
	if alpha == 0 {
		alpha = 0.85
	}
	converged := o.Stop == PageRankConverged
	if tol == 0 {
		tol = 1e-6
		if converged {
			tol = 1e-12
		}
	}
	if maxIter == 0 {
		maxIter = 100
		if converged && alpha > 0 {
			maxIter = 50 + int(math.Ceil(math.Log(tol/2)/math.Log(alpha)))
		}
	}
	if alpha < 0 || alpha >= 1 {
		panic(fmt.Sprintf("graph: PageRank damping %v outside [0,1)", alpha))
	}
	n := g.N()
	if n == 0 {
		return nil, nil
	}
	inv := make([]float64, n) // 1/s_i, 0 for dangling nodes
	var dangling []int32
	for i := 0; i < n; i++ {
		if s := g.Strength(i); s != 0 {
			inv[i] = 1 / s
		} else {
			dangling = append(dangling, int32(i))
		}
	}
	nf := float64(n)
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / nf
	}
	next := make([]float64, n)
	y := make([]float64, n) // x_i / s_i
	teleport := (1 - alpha) * (1 / nf)
	// Rows are cut into fixed chunks (independent of the number of
	// cores) whose error sums are added in order: the same bytes anywhere.
	const chunk = 4096
	nchunks := (n + chunk - 1) / chunk
	errs := make([]float64, nchunks)
	workers := min(runtime.GOMAXPROCS(0), nchunks)
	if g.M() < 50_000 {
		workers = 1 // not worth the goroutines
	}
	for it := 0; it < maxIter; it++ {
		dsum := 0.0
		for _, d := range dangling {
			dsum += x[d]
		}
		dshare := dsum * (1 / nf)
		for i, v := range x {
			y[i] = v * inv[i]
		}
		step := func(c int) {
			lo, hi := c*chunk, min((c+1)*chunk, n)
			e := 0.0
			for j := lo; j < hi; j++ {
				s := 0.0
				for k := g.Off[j]; k < g.Off[j+1]; k++ {
					s += g.W[k] * y[g.Adj[k]]
				}
				next[j] = alpha*(s+dshare) + teleport
				e += math.Abs(next[j] - x[j])
			}
			errs[c] = e
		}
		parallel(context.Background(), nchunks, workers, func(int) func(int) { return step }, nil)
		err := 0.0
		for _, e := range errs {
			err += e
		}
		x, next = next, x
		if converged && err*alpha <= tol*(1-alpha) || !converged && err < nf*tol {
			return x, nil
		}
	}
	return x, ErrNoConvergence
}
