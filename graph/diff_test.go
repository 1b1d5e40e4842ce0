package graph

// Differential tests: every optimized kernel against a plain reference
// (diffref_test.go) and gonum where gonum has the measure, on thousands
// of generated networks of many shapes (diffgen_test.go). A failing
// network is shrunk to a smallest one that still fails (by deleting ties,
// nodes and memberships, and setting weights to 1) and printed as Go
// source for a regression test.

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
)

// The tolerance of the exact measures: relative, with an absolute floor
// for values that are 0 in one computation and round-off in the other.
const diffTol = 1e-12

func agree(got, want, tol float64) bool {
	if math.IsNaN(got) || math.IsNaN(want) {
		return math.IsNaN(got) && math.IsNaN(want)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return got == want
	}
	return math.Abs(got-want) <= tol*max(math.Abs(got), math.Abs(want))+1e-15
}

// diffs describes where got and want differ, "" when they agree.
type diffs struct{ b strings.Builder }

func (d *diffs) vec(what string, got, want []float64, tol float64) {
	if len(got) != len(want) {
		fmt.Fprintf(&d.b, "%s: %d values, want %d; ", what, len(got), len(want))
		return
	}
	bad := 0
	for i := range want {
		if !agree(got[i], want[i], tol) {
			if bad < 3 {
				fmt.Fprintf(&d.b, "%s[%d] = %.17g, want %.17g; ", what, i, got[i], want[i])
			}
			bad++
		}
	}
	if bad > 3 {
		fmt.Fprintf(&d.b, "%s: %d values differ; ", what, bad)
	}
}

func (d *diffs) num(what string, got, want, tol float64) {
	if !agree(got, want, tol) {
		fmt.Fprintf(&d.b, "%s = %.17g, want %.17g; ", what, got, want)
	}
}

// abs is num with an absolute tolerance (measures bounded by 1 whose
// value may be 0 up to round-off, such as modularity).
func (d *diffs) abs(what string, got, want, tol float64) {
	if math.IsNaN(got) != math.IsNaN(want) || math.Abs(got-want) > tol {
		fmt.Fprintf(&d.b, "%s = %.17g, want %.17g; ", what, got, want)
	}
}

func (d *diffs) same(what string, got, want []float64) {
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			fmt.Fprintf(&d.b, "%s[%d] = %v, not the same bits as %v; ", what, i, got[i], want[i])
			return
		}
	}
}

func (d *diffs) failf(format string, args ...any) { fmt.Fprintf(&d.b, format+"; ", args...) }

func (d *diffs) String() string { return d.b.String() }

// diffCheck checks one case; it returns "" when every kernel agrees.
type diffCheck func(c tcase) string

// runDiff runs check on every case; each failure is shrunk and reported
// (at most three per check).
func runDiff(t *testing.T, cases []tcase, check diffCheck) {
	t.Helper()
	failed := 0
	for _, c := range cases {
		msg := safeCheck(check, c)
		if msg == "" {
			continue
		}
		small := shrink(c, check)
		t.Errorf("%s (%d nodes, %d ties, %d memberships): %s\nsmallest failing network: %s\n  %s",
			c.name, c.n+c.orgs+c.groups, len(c.edges), len(c.pairs), msg, small.goString(), safeCheck(check, small))
		if failed++; failed == 3 {
			t.Fatal("stopping after three failures")
		}
	}
}

// safeCheck turns a panic into a failure message, so that a crash shrinks
// too.
func safeCheck(check diffCheck, c tcase) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("panic: %v", r)
		}
	}()
	return check(c)
}

// shrink deletes ties, memberships and nodes and sets weights to 1 while
// the check still fails, until no single step keeps it failing. Deletions
// are tried in chunks, halved down to one (as delta debugging does), so
// that large networks shrink in a few hundred checks.
func shrink(c tcase, check diffCheck) tcase {
	fails := func(x tcase) bool { return safeCheck(check, x) != "" }
	// try deletes chunks of [0, count) with del while the result fails.
	try := func(count func(tcase) int, del func(tcase, int, int) tcase) bool {
		changed := false
		for size := max(1, count(c)/2); size >= 1; size /= 2 {
			for lo := count(c) - size; lo >= 0; lo -= size {
				if x := del(c, lo, lo+size); fails(x) {
					c, changed = x, true
				}
			}
			if lo := 0; count(c)%size != 0 && count(c) > 0 {
				if x := del(c, lo, count(c)%size); fails(x) {
					c, changed = x, true
				}
			}
		}
		return changed
	}
	for changed := true; changed; {
		changed = try(func(x tcase) int { return len(x.edges) }, func(x tcase, lo, hi int) tcase {
			x.edges = slices.Delete(slices.Clone(x.edges), lo, hi)
			return x
		})
		changed = try(func(x tcase) int { return len(x.pairs) }, func(x tcase, lo, hi int) tcase {
			x.pairs = slices.Delete(slices.Clone(x.pairs), lo, hi)
			return x
		}) || changed
		changed = try(func(x tcase) int { return x.n }, func(x tcase, lo, hi int) tcase {
			for v := hi - 1; v >= lo; v-- {
				x = dropNode(x, v)
			}
			return x
		}) || changed
		changed = try(func(x tcase) int { return x.orgs }, func(x tcase, lo, hi int) tcase {
			for v := hi - 1; v >= lo; v-- {
				x = dropMember(x, v, 0)
			}
			return x
		}) || changed
		changed = try(func(x tcase) int { return x.groups }, func(x tcase, lo, hi int) tcase {
			for v := hi - 1; v >= lo; v-- {
				x = dropMember(x, v, 1)
			}
			return x
		}) || changed
		for i, e := range c.edges {
			if e.W != 1 {
				x := c
				x.edges = slices.Clone(c.edges)
				x.edges[i].W = 1
				if fails(x) {
					c, changed = x, true
				}
			}
		}
	}
	return c
}

// dropNode removes node v of a one-mode case and its ties, renumbering
// the nodes above it.
func dropNode(c tcase, v int) tcase {
	x := c
	x.n--
	x.edges = nil
	for _, e := range c.edges {
		if e.U == v || e.V == v {
			continue
		}
		if e.U > v {
			e.U--
		}
		if e.V > v {
			e.V--
		}
		x.edges = append(x.edges, e)
	}
	if c.labels != nil {
		x.labels = slices.Delete(slices.Clone(c.labels), v, v+1)
	}
	return x
}

// dropMember removes organization (side 0) or group (side 1) i of a
// two-mode case and its memberships.
func dropMember(c tcase, i, side int) tcase {
	x := c
	if side == 0 {
		x.orgs--
	} else {
		x.groups--
	}
	x.pairs = nil
	for _, p := range c.pairs {
		if p[side] == i {
			continue
		}
		if p[side] > i {
			p[side]--
		}
		x.pairs = append(x.pairs, p)
	}
	return x
}

// isDyadic reports whether every weight is a power of 2 (exact lengths).
func isDyadic(g *Network) bool {
	for _, w := range g.W {
		if f, _ := math.Frexp(w); f != 0.5 {
			return false
		}
	}
	return true
}

// lengthsNetwork has the path lengths 1/w as weights, for gonum.
func lengthsNetwork(g *Network) *Network {
	l := &Network{Off: g.Off, Adj: g.Adj, W: make([]float64, len(g.W))}
	for k, w := range g.W {
		l.W[k] = 1 / w
	}
	return l
}

// checkPaths: betweenness and closeness, hops and weighted, through
// every entry point (ShortestPathCentrality on 1 and 3 workers with the
// same bits, Betweenness, Closeness, the kernel without the twin
// quotient), against textbook Brandes and gonum.
func checkPaths(c tcase) string {
	var d diffs
	g := c.net()
	p := toPlain(g)
	n := g.N()
	for _, paths := range []Paths{PathsHops, PathsWeighted} {
		r := refBrandes(p, paths == PathsWeighted)
		wantB, wantC := refBetweenness(r), refCloseness(r)
		one, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: paths, Workers: 1})
		if err != nil {
			return err.Error()
		}
		d.vec(paths.String()+" betweenness", one.Betweenness, wantB, diffTol)
		d.vec(paths.String()+" closeness", one.Closeness, wantC, diffTol)
		three, _ := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: paths, Workers: 3})
		d.same(paths.String()+" betweenness on 3 workers", three.Betweenness, one.Betweenness)
		d.same(paths.String()+" closeness on 3 workers", three.Closeness, one.Closeness)
		d.same(paths.String()+" Betweenness", Betweenness(g, paths), one.Betweenness)
		d.same(paths.String()+" Closeness", Closeness(g, paths), one.Closeness)
		// The kernel on the network itself, without the twin quotient.
		plain, _ := classPathSums(context.Background(), g, nil, nil, PathOptions{Paths: paths, Workers: 2})
		d.vec(paths.String()+" betweenness without twins", normalizeBetweenness(plain.pairs), wantB, diffTol)
		d.vec(paths.String()+" closeness without twins", wfCloseness(plain.far, plain.reach), wantC, diffTol)
		if n < 3 || len(c.edges)%4 != 0 {
			continue // gonum on a quarter of the cases: it is slow
		}
		// gonum: betweenness counts each pair from both ends; closeness
		// is 1/Σd over the nodes reached.
		norm := float64((n - 1) * (n - 2))
		switch {
		case paths == PathsHops:
			gb := network.Betweenness(g)
			gotB := make([]float64, n)
			for v := range gotB {
				gotB[v] = gb[int64(v)] / norm
			}
			d.vec("gonum hops betweenness", gotB, wantB, diffTol)
			all := path.DijkstraAllPaths(unitWeights(g))
			gc := network.Closeness(g, all)
			for v := 0; v < n; v++ {
				if r.reach[v] > 1 {
					k := float64(r.reach[v] - 1)
					d.num(fmt.Sprintf("gonum hops closeness[%d]", v), one.Closeness[v], gc[int64(v)]*k*k/float64(n-1), diffTol)
				}
			}
		case isDyadic(g) && n <= 30:
			l := lengthsNetwork(g)
			all := path.DijkstraAllPaths(l)
			gb := network.BetweennessWeighted(l, all)
			gotB := make([]float64, n)
			for v := range gotB {
				gotB[v] = gb[int64(v)] / norm
			}
			d.vec("gonum weighted betweenness", gotB, wantB, diffTol)
		}
	}
	return d.String()
}

// unitWeights has weight 1 on every tie (gonum's Dijkstra reads weights).
func unitWeights(g *Network) *Network {
	u := &Network{Off: g.Off, Adj: g.Adj, W: make([]float64, len(g.W))}
	for k := range u.W {
		u.W[k] = 1
	}
	return u
}

// checkTwins: the classes are exactly the nodes with one closed
// neighbourhood (and, weighted, one weight to every other neighbour and a
// tie between them that is their only shortest path).
func checkTwins(c tcase) string {
	var d diffs
	g := c.net()
	p := toPlain(g)
	for _, weighted := range []bool{false, true} {
		tw := findTwins(g, weighted)
		class := func(v int) int32 {
			if tw == nil {
				return int32(v)
			}
			return tw.class[v]
		}
		for u := 0; u < p.n; u++ {
			for v := u + 1; v < p.n; v++ {
				want := refTwins(p, u, v, weighted)
				if got := class(u) == class(v); got != want {
					d.failf("weighted %v: nodes %d and %d twins %v, want %v", weighted, u, v, got, want)
				}
			}
		}
	}
	return d.String()
}

// refTwins decides closed twins from the definition.
func refTwins(p *plainGraph, u, v int, weighted bool) bool {
	if p.W[u][v] == 0 {
		return false
	}
	minLen := math.Inf(1)
	for x := 0; x < p.n; x++ {
		if x == u || x == v {
			continue
		}
		if (p.W[u][x] != 0) != (p.W[v][x] != 0) {
			return false
		}
		if weighted && p.W[u][x] != p.W[v][x] {
			return false
		}
		if p.W[u][x] != 0 {
			minLen = min(minLen, 1/p.W[u][x])
		}
	}
	// Weighted, any other path between u and v has length at least twice
	// the shortest tie to a neighbour; the tie must be shorter.
	return !weighted || 1/p.W[u][v] < 2*minLen
}

// checkApprox: --approx where it is exact (the fallback of
// ApproxBetweenness, ApproxCloseness on components no larger than
// Sources) equals the references; sampled closeness equals its estimator
// on the sources it drew, within its bound; the vertex-diameter bound
// holds.
func checkApprox(c tcase) string {
	var d diffs
	g := c.net()
	p := toPlain(g)
	r := refBrandes(p, false)
	wantB, wantC := refBetweenness(r), refCloseness(r)
	est, err := ApproxBetweenness(context.Background(), g, ApproxOptions{Seed: 1, Workers: 2})
	if err != nil {
		return err.Error()
	}
	if !est.Exact {
		d.failf("ApproxBetweenness sampled a network of %d nodes", g.N())
	}
	d.vec("approx betweenness (exact)", est.Betweenness, wantB, diffTol)
	if est.Closeness != nil {
		d.vec("approx closeness (exact fallback)", est.Closeness, wantC, diffTol)
	}
	// Vertex diameter: no shortest path has more nodes than the bound.
	for s := range r.dist {
		for _, x := range r.dist[s] {
			if !math.IsInf(x, 1) && int(x)+1 > est.VertexDiameter && g.N() > 2 {
				d.failf("a shortest path of %v nodes, vertex diameter bound %d", x+1, est.VertexDiameter)
			}
		}
	}
	ce, err := ApproxCloseness(context.Background(), g, ApproxOptions{Workers: 2})
	if err != nil {
		return err.Error()
	}
	if !ce.Exact {
		d.failf("ApproxCloseness sampled a network of %d nodes", g.N())
	}
	d.vec("approx closeness (exact)", ce.Closeness, wantC, diffTol)
	// Sampled: 3 sources per component.
	const k = 3
	seed := uint64(len(c.edges))
	se, err := ApproxCloseness(context.Background(), g, ApproxOptions{Sources: k, Seed: seed, Delta: 0.01, Workers: 3})
	if err != nil {
		return err.Error()
	}
	d.vec("sampled closeness", se.Closeness, refSampledCloseness(p, r, k, seed), diffTol)
	worst := 0.0
	for _, comp := range refComponents(p) {
		if len(comp) <= k {
			continue
		}
		for _, v := range comp {
			if se.Closeness[v] == 0 {
				continue
			}
			exact := r.far[v] / float64(len(comp)-1)
			est := float64(len(comp)-1) / (float64(g.N()-1) * se.Closeness[v])
			worst = max(worst, math.Abs(est-exact))
		}
	}
	if worst > se.Bound*(1+1e-12) {
		d.failf("sampled closeness: mean distance off by %v, bound %v", worst, se.Bound)
	}
	return d.String()
}

// refSampledCloseness is Eppstein and Wang's estimator on the sources
// ApproxCloseness draws (k per component of more than k nodes, by a
// partial Fisher-Yates shuffle of the component's nodes on its PCG
// stream, as documented there): for v, the mean distance to the sources
// other than v, closeness (r-1)/((n-1) mean). Components of at most k
// nodes are exact.
func refSampledCloseness(p *plainGraph, r refSums, k int, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 0x243f6a88))
	c := make([]float64, p.n)
	exact := refCloseness(r)
	for _, comp := range refComponents(p) {
		if len(comp) <= k {
			for _, v := range comp {
				c[v] = exact[v]
			}
			continue
		}
		pool := slices.Clone(comp)
		for i := 0; i < k; i++ {
			j := i + int(boundedRand(rng, uint64(len(pool)-i)))
			pool[i], pool[j] = pool[j], pool[i]
		}
		src := pool[:k]
		for _, v := range comp {
			sum, cnt := 0.0, 0
			for _, s := range src {
				if s != v {
					sum += r.dist[s][v]
					cnt++
				}
			}
			c[v] = float64(len(comp)-1) / (float64(p.n-1) * (sum / float64(cnt)))
		}
	}
	return c
}

// checkTwoMode: two-mode centrality against NetworkX's bipartite
// formulas on the bipartite graph built by the reference.
func checkTwoMode(c tcase) string {
	var d diffs
	a := c.affiliation()
	got, err := TwoMode(context.Background(), a, PathOptions{Workers: 2})
	if err != nil {
		return err.Error()
	}
	deg, bet, clo := refTwoMode(c.orgs, c.groups, c.pairs)
	d.vec("two-mode degree", got.Degree, deg, diffTol)
	d.vec("two-mode betweenness", got.Betweenness, bet, diffTol)
	d.vec("two-mode closeness", got.Closeness, clo, diffTol)
	for v, b := range got.Betweenness {
		if b > 1+1e-12 {
			d.failf("two-mode betweenness[%d] = %v > 1", v, b)
		}
	}
	return d.String()
}

// checkSpectral: eigenvector centrality against gonum's dense
// eigendecomposition of each component, and as an eigenvector (residual,
// sign, support on the components of largest eigenvalue, shared norm);
// PageRank run to convergence against the exact solution of its linear
// system, and with NetworkX's default stopping rule against that
// iteration written out.
func checkSpectral(c tcase) string {
	var d diffs
	g := c.net()
	p := toPlain(g)
	ev, err := Eigenvector(g)
	if err != nil {
		d.failf("eigenvector: %v", err)
	}
	comps := refComponents(p)
	lams := make([]float64, len(comps))
	vecs := make([][]float64, len(comps))
	best := 0.0
	for i, comp := range comps {
		if len(comp) > 1 {
			lams[i], vecs[i] = refEigen(p, comp)
			best = max(best, lams[i])
		}
	}
	var top []int
	for i := range comps {
		if vecs[i] != nil && lams[i] >= best*(1-1e-10) {
			top = append(top, i)
		}
	}
	want := make([]float64, p.n)
	for _, i := range top {
		for j, v := range comps[i] {
			want[v] = vecs[i][j] / math.Sqrt(float64(len(top)))
		}
	}
	if best > 0 {
		// Unit-norm vector: compare absolutely, to 1e-12 of the norm.
		for v := range want {
			if math.Abs(ev[v]-want[v]) > 1e-12 {
				d.failf("eigenvector[%d] = %.17g, want %.17g", v, ev[v], want[v])
				break
			}
		}
		// A x = λ x on the support, x >= 0.
		for v := 0; v < p.n; v++ {
			ax := 0.0
			for k, u := range p.nbr[v] {
				ax += p.w[v][k] * ev[u]
			}
			if ev[v] < 0 || math.Abs(ax-best*ev[v]) > 1e-10*best {
				d.failf("eigenvector residual at %d: (Ax)_v = %v, λx_v = %v", v, ax, best*ev[v])
				break
			}
		}
	} else {
		d.vec("eigenvector without ties", ev, want, 0)
	}
	if p.n == 0 {
		return d.String()
	}
	exact := refPageRank(p, 0.85)
	// The default: within 1e-12 of the exact scores in the L1 norm.
	conv, err := PageRank(g, PageRankOptions{})
	if err != nil {
		d.failf("pagerank: %v", err)
	}
	l1 := 0.0
	for v := range exact {
		l1 += math.Abs(conv[v] - exact[v])
	}
	if l1 > 1e-12 {
		d.failf("pagerank: L1 distance %.3g to the exact scores", l1)
	}
	nx, ok := refPageRankNX(p, 0.85, 1e-6, 100)
	got, err := PageRank(g, PageRankOptions{Stop: PageRankNetworkX})
	if (err == nil) != ok {
		d.failf("pagerank (NetworkX rule): error %v, reference converged %v", err, ok)
	}
	d.vec("pagerank (NetworkX rule)", got, nx, 1e-13)
	return d.String()
}

// checkStructural: constraint, effective size, clustering, brokerage,
// E-I (network, groups, nodes), assortativity, modularity (and gonum's
// community.Q), the mixing matrix and degree centralization.
func checkStructural(c tcase) string {
	var d diffs
	g := c.net()
	p := toPlain(g)
	d.vec("constraint", Constraint(g), refConstraint(p), diffTol)
	d.vec("effective size", EffectiveSize(g), refEffectiveSize(p), diffTol)
	cl := refClustering(p)
	d.vec("clustering", Clustering(g), cl, diffTol)
	if p.n > 0 {
		s := 0.0
		for _, x := range cl {
			s += x
		}
		d.num("average clustering", AverageClustering(g), s/float64(p.n), diffTol)
	}
	if c.labels == nil {
		return d.String()
	}
	grp := c.groupsOf()
	rb := refBrokerage(p, c.labels)
	for v, b := range BrokerageRoles(g, grp) {
		got := [5]int{b.Coordinator, b.Itinerant, b.Representative, b.Gatekeeper, b.Liaison}
		if got != rb[v] {
			d.failf("brokerage[%d] = %v, want %v", v, got, rb[v])
			break
		}
	}
	e, in, ge, gi, ne, ni := refEI(p, c.labels, grp.K)
	ei := func(e, i int) float64 {
		if e+i == 0 {
			return math.NaN()
		}
		return float64(e-i) / float64(e+i)
	}
	x := EIIndex(g, grp)
	if x.External != e || x.Internal != in {
		d.failf("E-I counts %d, %d, want %d, %d", x.External, x.Internal, e, in)
	}
	d.num("E-I", x.Index, ei(e, in), diffTol)
	for k, y := range GroupEI(g, grp) {
		if y.External != ge[k] || y.Internal != gi[k] {
			d.failf("group %d E-I counts %d, %d, want %d, %d", k, y.External, y.Internal, ge[k], gi[k])
		}
		d.num(fmt.Sprintf("group %d E-I", k), y.Index, ei(ge[k], gi[k]), diffTol)
	}
	for v, y := range NodeEI(g, grp) {
		if y.External != ne[v] || y.Internal != ni[v] {
			d.failf("node %d E-I counts %d, %d, want %d, %d", v, y.External, y.Internal, ne[v], ni[v])
		}
	}
	// Assortativity and modularity lie in [-1, 1] and are differences of
	// sums of shares: compared to 1e-12 absolutely.
	d.abs("assortativity", Assortativity(g, grp), refAssortativity(p, c.labels, grp.K), diffTol)
	q := Modularity(g, grp, 1)
	d.abs("modularity", q, refModularity(p, c.labels, 1), diffTol)
	d.abs("modularity γ=1.5", Modularity(g, grp, 1.5), refModularity(p, c.labels, 1.5), diffTol)
	if g.M() > 0 {
		comms := make([][]gg.Node, grp.K)
		for v, l := range c.labels {
			comms[l] = append(comms[l], node(v))
		}
		d.abs("modularity vs gonum community.Q", q, community.Q(g, comms, 1), diffTol)
	}
	mm := MixingMatrix(g, grp)
	for k := range mm.Ties {
		for l := range mm.Ties {
			want, wsum := 0, 0.0
			for _, ed := range g.Edges() {
				a, b := c.labels[ed.U], c.labels[ed.V]
				if (a == k && b == l) || (a == l && b == k) {
					want++
					wsum += ed.W
				}
			}
			if mm.Ties[k][l] != want {
				d.failf("mixing ties[%d][%d] = %d, want %d", k, l, mm.Ties[k][l], want)
			}
			d.num(fmt.Sprintf("mixing weight[%d][%d]", k, l), mm.Weight[k][l], wsum, diffTol)
		}
	}
	if p.n >= 3 {
		dmax, sum := 0, 0
		for v := range p.nbr {
			dmax = max(dmax, len(p.nbr[v]))
		}
		for v := range p.nbr {
			sum += dmax - len(p.nbr[v])
		}
		d.num("degree centralization", DegreeCentralization(g), float64(sum)/float64((p.n-1)*(p.n-2)), diffTol)
		// sna on the valued matrix: strengths over the binary star's maximum.
		str := make([]float64, p.n)
		smax, ssum := 0.0, 0.0
		for v := range str {
			for _, w := range p.W[v] {
				str[v] += w
			}
			smax = max(smax, str[v])
		}
		for _, x := range str {
			ssum += smax - x
		}
		d.num("weighted degree centralization", WeightedDegreeCentralization(g), ssum/float64((p.n-1)*(p.n-2)), 1e-12)
	}
	return d.String()
}

// Case counts: thousands of small networks (every shape and branch) and
// some larger ones (64+ nodes: blocked sources; 200+: Lanczos).
func diffCases(t *testing.T) []tcase {
	small := genCases(1, 3000, 14)
	medium := genCases(2, 200, 45)
	if testing.Short() {
		small, medium = small[:500], medium[:20]
	}
	return append(small, medium...)
}

func TestDiffPaths(t *testing.T)      { runDiff(t, diffCases(t), checkPaths) }
func TestDiffTwins(t *testing.T)      { runDiff(t, diffCases(t), checkTwins) }
func TestDiffApprox(t *testing.T)     { runDiff(t, diffCases(t), checkApprox) }
func TestDiffSpectral(t *testing.T)   { runDiff(t, diffCases(t), checkSpectral) }
func TestDiffStructural(t *testing.T) { runDiff(t, diffCases(t), checkStructural) }
func TestDiffNonTies(t *testing.T)    { runDiff(t, diffCases(t), checkNonTies) }

// checkNonTies runs the triangle and brokerage kernels of nearly complete
// networks (triangles_complement.go) on every case, whatever its density,
// against the textbook references: the counts of the open pairs found
// from the non-ties must be those of the two-paths.
func checkNonTies(c tcase) string {
	complementMode = 2
	defer func() { complementMode = 0 }()
	var d diffs
	g := c.net()
	p := toPlain(g)
	d.vec("clustering by non-ties", Clustering(g), refClustering(p), diffTol)
	if c.labels == nil {
		return d.String()
	}
	rb := refBrokerage(p, c.labels)
	for v, b := range BrokerageRoles(g, c.groupsOf()) {
		if got := [5]int{b.Coordinator, b.Itinerant, b.Representative, b.Gatekeeper, b.Liaison}; got != rb[v] {
			d.failf("brokerage by non-ties [%d] = %v, want %v", v, got, rb[v])
			break
		}
	}
	return d.String()
}

func TestDiffTwoMode(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 0xd1ff))
	cases := make([]tcase, 2000)
	for i := range cases {
		cases[i] = genAffiliation(rng, 5+i%40)
		cases[i].name = fmt.Sprintf("case %d (%s)", i, cases[i].name)
	}
	runDiff(t, cases, checkTwoMode)
}

// TestDiffLarge: a few networks above denseEigenMax nodes (Lanczos) and
// n > 64 (blocked sources), survey-shaped and projected.
func TestDiffLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 0xd1ff))
	var cases []tcase
	for i := 0; i < 6; i++ {
		// Shapes joined in a row, one connected component of 220+ nodes.
		b := newBuilder()
		last := -1
		for b.n < 220 {
			vs := b.addShape(rng, shapeNames[rng.IntN(len(shapeNames))], 20+rng.IntN(60))
			if last >= 0 {
				b.tie(last, vs[rng.IntN(len(vs))])
			}
			last = vs[rng.IntN(len(vs))]
		}
		weigh(rng, b.es, weightModes[rng.IntN(len(weightModes))])
		c := shuffle(rng, tcase{name: fmt.Sprintf("large %d", i), n: b.n, edges: b.es, labels: make([]int, b.n)})
		cases = append(cases, c)
	}
	for i := 0; i < 2; i++ {
		c := projected(rng, 400)
		c.name = fmt.Sprintf("large projection %d", i)
		cases = append(cases, c)
	}
	runDiff(t, cases, func(c tcase) string { return checkPaths(c) + checkSpectral(c) })
}

// checkApproxSampled: sampled betweenness (the exact fallback off) is
// within ε of the exact value and within each node's own bound, and the
// same bits on 1 and 3 workers.
func checkApproxSampled(c tcase) string {
	var d diffs
	g := c.net()
	if g.N() < 3 {
		return ""
	}
	want := refBetweenness(refBrandes(toPlain(g), false))
	o := ApproxOptions{Epsilon: 0.05, Delta: 0.01, Seed: uint64(len(c.edges)), Workers: 1, forceSampling: true}
	est, err := ApproxBetweenness(context.Background(), g, o)
	if err != nil {
		return err.Error()
	}
	o.Workers = 3
	est3, _ := ApproxBetweenness(context.Background(), g, o)
	d.same("sampled betweenness on 3 workers", est3.Betweenness, est.Betweenness)
	if est.Exact {
		d.vec("sampled betweenness (no interior nodes)", est.Betweenness, want, diffTol)
		return d.String()
	}
	for v, w := range want {
		e := math.Abs(est.Betweenness[v] - w)
		if e > est.Epsilon || e > est.Error[v] {
			d.failf("sampled betweenness[%d] = %v, exact %v: error %.3g, ε %v, own bound %.3g", v, est.Betweenness[v], w, e, est.Epsilon, est.Error[v])
		}
	}
	return d.String()
}

// checkPathSampler: biBFS.samplePath draws each shortest path with equal
// probability, so over many draws between s and t, twin class c is
// interior to the drawn path in a share Σ_{v ∈ c} σ_sv σ_vt / σ_st of
// them (at most one member of a class lies on a shortest path). Checked
// on the twin quotient ApproxBetweenness samples on, for a few pairs, to
// 6 standard errors.
func checkPathSampler(c tcase) string {
	var d diffs
	g := c.net()
	n := g.N()
	if n < 3 {
		return ""
	}
	r := refBrandes(toPlain(g), false)
	q, class := g, make([]int32, n)
	for v := range class {
		class[v] = int32(v)
	}
	var size []float64
	if tw := findTwins(g, false); tw != nil {
		q, class = tw.q, tw.class
		size = make([]float64, q.N())
		for k, m := range tw.size {
			size[k] = float64(m)
		}
	}
	bi := newBiBFS(q, size)
	rng := rand.New(rand.NewPCG(uint64(n), 5))
	const draws = 2000
	for pair := 0; pair < 4; pair++ {
		s, t := samplePair(rng, n)
		if math.IsInf(r.dist[s][t], 1) || class[s] == class[t] {
			continue
		}
		want := make([]float64, q.N())
		for v := 0; v < n; v++ {
			if v != int(s) && v != int(t) && r.dist[s][v]+r.dist[v][t] == r.dist[s][t] {
				want[class[v]] += r.sigma[s][v] * r.sigma[t][v] / r.sigma[s][t]
			}
		}
		cnt := make([]int64, q.N())
		for i := 0; i < draws; i++ {
			bi.samplePath(class[s], class[t], rng, cnt)
		}
		for k, p := range want {
			got := float64(cnt[k]) / draws
			if math.Abs(got-p) > 6*math.Sqrt(p*(1-p)/draws)+1e-9 {
				d.failf("pair %d-%d: class %d interior to %.4f of the drawn paths, want %.4f", s, t, k, got, p)
			}
		}
	}
	return d.String()
}

// checkPermutation: the E-I permutation test's exact expectation against
// the mean over every reassignment (n <= 7), and its random
// reassignments against Fisher-Yates shuffles of the labels on the
// documented PCG streams (seed, rep): the same E-I indices, so the same
// mean, SD, extremes and p-values.
func checkPermutation(c tcase) string {
	var d diffs
	g := c.net()
	grp := c.groupsOf()
	p := toPlain(g)
	const reps = 60
	res, err := EIPermutationTest(context.Background(), g, grp, PermutationOptions{Reps: reps, Seed: 9})
	if err != nil {
		return err.Error()
	}
	e, in, _, _, _, _ := refEI(p, c.labels, grp.K)
	tot := e + in
	if tot == 0 || p.n < 2 {
		if !math.IsNaN(res.Expected) {
			d.failf("no ties: expected %v, want NaN", res.Expected)
		}
		return d.String()
	}
	external := func(lab []int) int {
		x := 0
		for _, ed := range g.Edges() {
			if lab[ed.U] != lab[ed.V] {
				x++
			}
		}
		return x
	}
	index := func(x int) float64 { return float64(2*x-tot) / float64(tot) }
	if p.n <= 7 {
		sum, count := 0.0, 0
		perm := make([]int, p.n)
		for i := range perm {
			perm[i] = i
		}
		var rec func(k int)
		rec = func(k int) {
			if k == len(perm) {
				lab := make([]int, p.n)
				for i, j := range perm {
					lab[i] = c.labels[j]
				}
				sum += index(external(lab))
				count++
				return
			}
			for i := k; i < len(perm); i++ {
				perm[k], perm[i] = perm[i], perm[k]
				rec(k + 1)
				perm[k], perm[i] = perm[i], perm[k]
			}
		}
		rec(0)
		d.num("E-I expected", res.Expected, sum/float64(count), 1e-12)
	}
	var xs []float64
	ge, le, two := 0, 0, 0
	eExp := (res.Expected + 1) * float64(tot) / 2
	for rep := 0; rep < reps; rep++ {
		rng := rand.New(rand.NewPCG(9, uint64(rep)))
		lab := slices.Clone(c.labels)
		for i := len(lab) - 1; i > 0; i-- {
			j := boundedRand(rng, uint64(i+1))
			lab[i], lab[j] = lab[j], lab[i]
		}
		x := external(lab)
		xs = append(xs, index(x))
		if x >= e {
			ge++
		}
		if x <= e {
			le++
		}
		if math.Abs(float64(x)-eExp) >= math.Abs(float64(e)-eExp)-1e-9 {
			two++
		}
	}
	mean, sd := 0.0, 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= reps
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	sd = math.Sqrt(sd / (reps - 1))
	d.num("E-I permutation mean", res.Mean, mean, 1e-12)
	d.abs("E-I permutation SD", res.SD, sd, 1e-12)
	d.num("E-I permutation min", res.Min, slices.Min(xs), 0)
	d.num("E-I permutation max", res.Max, slices.Max(xs), 0)
	d.num("p >=", res.PGreater, float64(ge)/reps, 0)
	d.num("p <=", res.PLess, float64(le)/reps, 0)
	d.num("p two-sided", res.PTwoSided, float64(two)/reps, 0)
	return d.String()
}

func TestDiffApproxSampled(t *testing.T) {
	cases := diffCases(t)
	runDiff(t, cases[:len(cases)/10], checkApproxSampled)
}

func TestDiffPathSampler(t *testing.T) {
	cases := diffCases(t)
	runDiff(t, cases[:len(cases)/5], checkPathSampler)
}

func TestDiffPermutation(t *testing.T) {
	cases := diffCases(t)
	runDiff(t, cases[:len(cases)/5], checkPermutation)
}
