package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
)

// Core and periphery: k-cores, Borgatti and Everett's discrete and
// continuous core/periphery models, and a permutation test of the fit.

// CoreNumbers returns the core number of every node: the largest k such
// that the node belongs to a k-core, a maximal subnetwork in which every
// node has at least k neighbours (S. B. Seidman, Network structure and
// minimum degree, Social Networks 5, 269-287 (1983),
// doi:10.1016/0378-8733(83)90028-X), by the O(m) bin-sort peeling of
// V. Batagelj and M. Zaversnik (An O(m) algorithm for cores decomposition
// of networks, arXiv:cs/0310049, 2003). Weights are ignored. It matches
// NetworkX core_number and igraph coreness. Isolates have core number 0.
func CoreNumbers(g *Network) []int {
	n := g.N()
	deg := make([]int, n)
	maxd := 0
	for i := range deg {
		deg[i] = g.Degree(i)
		maxd = max(maxd, deg[i])
	}
	// bin[d]: start of the nodes of degree d in vert; pos[v]: v's place.
	bin := make([]int, maxd+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := 1; d <= maxd+1; d++ {
		bin[d] += bin[d-1]
	}
	vert := make([]int32, n)
	pos := make([]int, n)
	next := slices.Clone(bin)
	for v, d := range deg {
		pos[v] = next[d]
		vert[pos[v]] = int32(v)
		next[d]++
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, u := range g.Neighbors(int(v)) {
			if du := deg[u]; du > deg[v] {
				// Swap u with the first node of its bin, then shrink it.
				pu, pw := pos[u], bin[du]
				w := vert[pw]
				if u != w {
					vert[pu], vert[pw] = w, u
					pos[u], pos[w] = pw, pu
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}

// CorePeripheryOptions configure the discrete core/periphery search.
type CorePeripheryOptions struct {
	// Restarts is the number of local searches from different starts;
	// 0 means 10. The best fit wins; ties go to the earliest restart.
	Restarts int
	// Seed fixes the random starts and visiting orders: the same seed
	// gives the same partition on any machine and number of cores.
	Seed uint64
}

func (o CorePeripheryOptions) restarts() int {
	if o.Restarts <= 0 {
		return 10
	}
	return o.Restarts
}

// CorePeriphery is a discrete core/periphery partition and its fit.
type CorePeriphery struct {
	Core []bool // node in the core
	// Fit is the correlation between the ties and the ideal pattern (see
	// CorePeripheryPartition); NaN when no partition has a defined fit.
	Fit      float64
	CoreSize int
	// Densities of the ties within the core, within the periphery and
	// between them (weights ignored); NaN for a block without pairs.
	CoreDensity, PeripheryDensity, CrossDensity float64
	Restarts                                    int // local searches run
	// Agreement is the number of restarts that reached the best fit
	// (within 1e-12): many means the split is clear, as UCINET advises.
	Agreement int
}

// cpState is the state of a local search: the partition, each node's
// number of tied core members, the core size and the ties within the
// core and within the periphery.
type cpState struct {
	g       *Network
	n       int
	core    []bool
	kc      []int32
	c       int
	tcc     int
	tpp     int
	nPairs  float64 // n(n-1)/2
	mTies   int
	visited []int32
}

// cpFit is the correlation over the pairs within the core and within the
// periphery (the pairs between them left out, as UCINET's default
// "missing" density of core-to-periphery ties) between the ties (1, 0)
// and the ideal pattern (1 within the core, 0 within the periphery):
//
//	ρ = (N t_cc - T N_cc) / √(N_cc N_pp T (N - T))
//
// with N_cc = c(c-1)/2 and N_pp = (n-c)(n-c-1)/2 the pairs in each block,
// N = N_cc + N_pp, t_cc ties within the core and T = t_cc + t_pp.
// NaN when a block has no pairs or the ties in the blocks are all present
// or all absent.
func cpFit(n, c, tcc, tpp int) float64 {
	ncc := float64(c) * float64(c-1) / 2
	npp := float64(n-c) * float64(n-c-1) / 2
	nn := ncc + npp
	t := float64(tcc + tpp)
	if ncc == 0 || npp == 0 || t == 0 || t == nn {
		return math.NaN()
	}
	return (nn*float64(tcc) - t*ncc) / math.Sqrt(ncc*npp*t*(nn-t))
}

func newCPState(g *Network, core []bool) *cpState {
	s := &cpState{g: g, n: g.N(), core: core, kc: make([]int32, g.N()), mTies: g.M()}
	for v := 0; v < s.n; v++ {
		if core[v] {
			s.c++
			for _, u := range g.Neighbors(v) {
				s.kc[u]++
			}
		}
	}
	for v := 0; v < s.n; v++ {
		d := int32(g.Degree(v))
		if core[v] {
			s.tcc += int(s.kc[v])
		} else {
			s.tpp += int(d - s.kc[v])
		}
	}
	s.tcc /= 2
	s.tpp /= 2
	return s
}

// flipped returns the counts after moving v to the other block.
func (s *cpState) flipped(v int) (c, tcc, tpp int) {
	k, d := int(s.kc[v]), s.g.Degree(v)
	if s.core[v] {
		return s.c - 1, s.tcc - k, s.tpp + (d - k)
	}
	return s.c + 1, s.tcc + k, s.tpp - (d - k)
}

func (s *cpState) flip(v int) {
	s.c, s.tcc, s.tpp = s.flipped(v)
	s.core[v] = !s.core[v]
	dk := int32(1)
	if !s.core[v] {
		dk = -1
	}
	for _, u := range s.g.Neighbors(v) {
		s.kc[u] += dk
	}
}

func (s *cpState) fit() float64 { return cpFit(s.n, s.c, s.tcc, s.tpp) }

// better reports whether fit a improves on b (NaN improves on nothing
// and anything defined improves on NaN).
func better(a, b float64) bool {
	if math.IsNaN(a) {
		return false
	}
	if math.IsNaN(b) {
		return true
	}
	return a > b+1e-12*max(1, math.Abs(b))
}

// localSearch moves single nodes between core and periphery, in sweeps
// over a random order, while a move raises the fit; it returns the fit.
func (s *cpState) localSearch(ctx context.Context, rng *rand.Rand) (float64, error) {
	order := make([]int32, s.n)
	for i := range order {
		order[i] = int32(i)
	}
	cur := s.fit()
	for sweep := 0; sweep < 10000; sweep++ {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		for i := len(order) - 1; i > 0; i-- {
			j := int(boundedRand(rng, uint64(i+1)))
			order[i], order[j] = order[j], order[i]
		}
		moved := false
		for _, v := range order {
			c, tcc, tpp := s.flipped(int(v))
			if f := cpFit(s.n, c, tcc, tpp); better(f, cur) {
				s.flip(int(v))
				cur, moved = f, true
			}
		}
		if !moved {
			break
		}
	}
	return cur, nil
}

// CorePeripheryPartition finds the discrete core/periphery partition of
// S. P. Borgatti and M. G. Everett (Models of core/periphery structures,
// Social Networks 21, 375-395 (1999), doi:10.1016/S0378-8733(99)00019-2):
// every node is in the core or the periphery, and the partition maximizes
// the correlation ρ between the observed ties and the ideal pattern of a
// complete core and an empty periphery, over the pairs within each block
// (the pairs between core and periphery are left out, UCINET's default;
// see cpFit for the formula). Weights are ignored.
//
// The maximum is searched by local moves (one node at a time to the
// other block while the fit rises) from o.Restarts starts: the first from
// the densest k-core, the others random cores of random size, each
// restart with its own PCG stream seeded (o.Seed, restart). UCINET fits
// the same criterion with a genetic algorithm and advises several runs;
// Agreement says how many reached the best fit. Restarts run on
// GOMAXPROCS goroutines with the same result for any number.
//
// Isolates fall in the periphery unless that lowers the fit. A network
// with fewer than 4 nodes, without ties or with every pair tied has no
// defined fit: Fit is NaN and the core is empty.
func CorePeripheryPartition(ctx context.Context, g *Network, o CorePeripheryOptions) (CorePeriphery, error) {
	return corePeriphery(ctx, g, o, runtime.GOMAXPROCS(0))
}

// corePeriphery runs the restarts on up to workers goroutines.
func corePeriphery(ctx context.Context, g *Network, o CorePeripheryOptions, workers int) (CorePeriphery, error) {
	n := g.N()
	res := CorePeriphery{Core: make([]bool, n), Fit: math.NaN(), Restarts: o.restarts()}
	res.CoreDensity, res.PeripheryDensity, res.CrossDensity = math.NaN(), math.NaN(), math.NaN()
	pairs := float64(n) * float64(n-1) / 2
	if n < 4 || g.M() == 0 || float64(g.M()) == pairs {
		return res, ctx.Err()
	}
	cores := CoreNumbers(g)
	kmax := slices.Max(cores)
	type result struct {
		core []bool
		fit  float64
		err  error
	}
	results := make([]result, res.Restarts)
	err := parallel(ctx, res.Restarts, workers, func(int) func(int) {
		return func(r int) {
			rng := rand.New(rand.NewPCG(o.Seed, uint64(r)))
			core := make([]bool, n)
			if r == 0 {
				for v, k := range cores {
					core[v] = k == kmax
				}
			} else {
				p := 0.02 + 0.48*rng.Float64()
				for v := range core {
					core[v] = rng.Float64() < p
				}
			}
			fit, err := newCPState(g, core).localSearch(ctx, rng)
			results[r] = result{core, fit, err}
		}
	}, nil)
	if err != nil {
		return CorePeriphery{}, err
	}
	best := 0
	for r, x := range results {
		if x.err != nil {
			return CorePeriphery{}, x.err
		}
		if better(x.fit, results[best].fit) {
			best = r
		}
	}
	if math.IsNaN(results[best].fit) {
		return res, nil
	}
	res.Core, res.Fit = results[best].core, results[best].fit
	for _, x := range results {
		if !math.IsNaN(x.fit) && math.Abs(x.fit-res.Fit) <= 1e-12*max(1, math.Abs(res.Fit)) {
			res.Agreement++
		}
	}
	res.CoreDensity, res.PeripheryDensity, res.CrossDensity = blockDensities(g, res.Core)
	for _, c := range res.Core {
		if c {
			res.CoreSize++
		}
	}
	return res, nil
}

// blockDensities returns the densities of ties within the core, within
// the periphery and between them.
func blockDensities(g *Network, core []bool) (cc, pp, cp float64) {
	n := g.N()
	c := 0
	for _, x := range core {
		if x {
			c++
		}
	}
	var tcc, tpp, tcp int
	forEachTie(g, func(u, v int, _ float64) {
		switch {
		case core[u] && core[v]:
			tcc++
		case !core[u] && !core[v]:
			tpp++
		default:
			tcp++
		}
	})
	ratio := func(t int, pairs float64) float64 {
		if pairs == 0 {
			return math.NaN()
		}
		return float64(t) / pairs
	}
	p := n - c
	return ratio(tcc, float64(c)*float64(c-1)/2), ratio(tpp, float64(p)*float64(p-1)/2), ratio(tcp, float64(c)*float64(p))
}

// CorePeripheryTest is a permutation test of a core/periphery fit.
type CorePeripheryTest struct {
	Observed float64
	Reps     int
	// Mean, SD and Max of the best fits found in the random networks
	// (those with a defined fit: Defined of them).
	Mean, SD, Max float64
	Defined       int
	// P is the share of random networks whose best fit is at least the
	// observed one, (count + 1) / (Defined + 1).
	P float64
}

// TestCorePeriphery tests the fit of the discrete core/periphery model
// against random networks with the same number of nodes and ties: each of
// reps networks places the ties on uniformly random pairs (a permutation
// of the cells of the adjacency matrix, which keeps the density; B&E 1999
// test a fitted structure against such data), and its own best fit is
// searched exactly as for the observed network (same options). A
// structure that chance alone gives as well as the observed one is no
// evidence of a core. P counts the observed network among the draws,
// (count of fits >= observed + 1) / (defined draws + 1). Each draw has its
// own PCG stream seeded (seed, draw), so the result does not depend on the
// number of cores.
func TestCorePeriphery(ctx context.Context, g *Network, observed float64, o CorePeripheryOptions, reps int, seed uint64) (CorePeripheryTest, error) {
	t := CorePeripheryTest{Observed: observed, Reps: reps, Mean: math.NaN(), SD: math.NaN(), Max: math.NaN(), P: math.NaN()}
	if math.IsNaN(observed) || reps <= 0 {
		return t, ctx.Err()
	}
	fits := make([]float64, reps)
	// Draws on every core, each draw's restarts one after another.
	err := parallel(ctx, reps, 0, func(int) func(int) {
		return func(r int) {
			rng := rand.New(rand.NewPCG(seed, uint64(r)))
			h := RandomNetwork(g.N(), g.M(), rng)
			oo := o
			oo.Seed = rng.Uint64()
			cp, err := corePeriphery(ctx, h, oo, 1)
			if err == nil {
				fits[r] = cp.Fit
			}
		}
	}, nil)
	if err != nil {
		return CorePeripheryTest{}, err
	}
	var sum, sumSq float64
	ge := 0
	for _, f := range fits {
		if math.IsNaN(f) {
			continue
		}
		t.Defined++
		sum += f
		sumSq += f * f
		if math.IsNaN(t.Max) || f > t.Max {
			t.Max = f
		}
		if f >= observed-1e-12 {
			ge++
		}
	}
	if t.Defined > 0 {
		d := float64(t.Defined)
		t.Mean = sum / d
		if t.Defined > 1 {
			t.SD = math.Sqrt(max(0, (sumSq-sum*sum/d)/(d-1)))
		}
	}
	t.P = float64(ge+1) / float64(t.Defined+1)
	return t, nil
}

// RandomNetwork returns a uniformly random network with n nodes and m
// ties (Erdős-Rényi G(n, m)), weights 1: a Bernoulli network of density
// m / (n(n-1)/2) drawn in O(n + m) by geometric skips (V. Batagelj and
// U. Brandes, Efficient generation of large random networks, Phys. Rev. E
// 71, 036113 (2005), doi:10.1103/PhysRevE.71.036113), then random ties
// removed or random pairs added until it has m, which keeps it uniform
// among networks of m ties. Above half density it draws the pairs
// without a tie instead. It panics if m exceeds the number of pairs.
func RandomNetwork(n, m int, rng *rand.Rand) *Network {
	pairs := int64(n) * int64(n-1) / 2
	if int64(m) > pairs || m < 0 {
		panic("graph: more ties than pairs")
	}
	if int64(m) > pairs/2 {
		// Draw the non-ties, then take the complement.
		non := randomPairs(n, int(pairs-int64(m)), rng)
		miss := make([][]int32, n)
		for _, e := range non {
			miss[e.U] = append(miss[e.U], int32(e.V))
		}
		es := make([]Edge, 0, m)
		for u := 0; u < n; u++ {
			slices.Sort(miss[u])
			x := 0
			for v := u + 1; v < n; v++ {
				if x < len(miss[u]) && miss[u][x] == int32(v) {
					x++
					continue
				}
				es = append(es, Edge{U: u, V: v, W: 1})
			}
		}
		return NewNetwork(n, es)
	}
	return NewNetwork(n, randomPairs(n, m, rng))
}

// randomPairs returns m distinct uniformly random pairs u < v of n nodes,
// sorted.
func randomPairs(n, m int, rng *rand.Rand) []Edge {
	pairs := int64(n) * int64(n-1) / 2
	if m == 0 {
		return nil
	}
	p := float64(m) / float64(pairs)
	es := make([]Edge, 0, m+m/8+16)
	// Geometric skips over the pairs in order (u, v), u < v.
	if p >= 1 {
		for u := 0; u < n; u++ {
			for v := u + 1; v < n; v++ {
				es = append(es, Edge{U: u, V: v, W: 1})
			}
		}
	} else {
		lq := math.Log(1 - p)
		u, v := 0, 0 // v runs over u+1..n-1
		for u < n-1 {
			r := 1 - rng.Float64() // (0, 1]
			skip := int64(math.Floor(math.Log(r) / lq))
			// advance v by skip+1
			step := skip + 1
			for u < n-1 {
				left := int64(n - 1 - v)
				if step <= left {
					v += int(step)
					break
				}
				step -= left
				u++
				v = u
			}
			if u < n-1 {
				es = append(es, Edge{U: u, V: v, W: 1})
			}
		}
	}
	// Remove random ties, or add random absent pairs, until m; es is
	// sorted by (U, V) and stays so.
	less := func(a, b Edge) int {
		if a.U != b.U {
			return a.U - b.U
		}
		return a.V - b.V
	}
	switch k := len(es); {
	case k > m:
		drop := make([]bool, k)
		for left := k - m; left > 0; {
			if i := boundedRand(rng, uint64(k)); !drop[i] {
				drop[i] = true
				left--
			}
		}
		kept := es[:0]
		for i, e := range es {
			if !drop[i] {
				kept = append(kept, e)
			}
		}
		es = kept
	case k < m:
		added := map[int64]bool{}
		var extra []Edge
		for len(es)+len(extra) < m {
			u := int(boundedRand(rng, uint64(n)))
			v := int(boundedRand(rng, uint64(n)))
			if u == v {
				continue
			}
			e := Edge{U: min(u, v), V: max(u, v), W: 1}
			key := int64(e.U)*int64(n) + int64(e.V)
			if _, found := slices.BinarySearchFunc(es, e, less); found || added[key] {
				continue
			}
			added[key] = true
			extra = append(extra, e)
		}
		slices.SortFunc(extra, less)
		merged := make([]Edge, 0, m)
		i, j := 0, 0
		for i < len(es) || j < len(extra) {
			if j == len(extra) || (i < len(es) && less(es[i], extra[j]) < 0) {
				merged = append(merged, es[i])
				i++
			} else {
				merged = append(merged, extra[j])
				j++
			}
		}
		es = merged
	}
	return es
}

// Coreness returns Borgatti and Everett's continuous coreness of every
// node and the fit: the vector c that makes c_i c_j as close as possible
// to the ties a_ij (1 or 0, weights ignored) in least squares over the
// pairs i ≠ j,
//
//	minimize Σ_{i≠j} (a_ij - c_i c_j)²
//
// (B&E 1999, the continuous model; UCINET's Core/Periphery > Continuous
// "finds a vector C such that C C' is as close as possible to the data").
// It is found by exact coordinate descent, c_i = Σ_j a_ij c_j / Σ_{j≠i}
// c_j², from the degrees, until no value moves by more than 1e-12 of the
// largest. The values are scaled to unit Euclidean norm (the fit does not
// depend on the scale); fit is the correlation between a_ij and c_i c_j
// over the pairs. Isolates get 0; without ties every value is 0 and the
// fit NaN.
func Coreness(g *Network) (c []float64, fit float64) {
	n := g.N()
	c = make([]float64, n)
	if g.M() == 0 {
		return c, math.NaN()
	}
	sumDeg := 0.0
	for i := range c {
		sumDeg += float64(g.Degree(i))
	}
	ss := 0.0
	for i := range c {
		c[i] = float64(g.Degree(i)) / math.Sqrt(sumDeg)
		ss += c[i] * c[i]
	}
	for sweep := 0; sweep < 100000; sweep++ {
		delta, top := 0.0, 0.0
		for i := range c {
			if g.Degree(i) == 0 {
				continue
			}
			num := 0.0
			for _, j := range g.Neighbors(i) {
				num += c[j]
			}
			den := ss - c[i]*c[i]
			x := 0.0
			if den > 0 {
				x = num / den
			}
			ss += x*x - c[i]*c[i]
			delta = max(delta, math.Abs(x-c[i]))
			top = max(top, math.Abs(x))
			c[i] = x
		}
		if delta <= 1e-12*top {
			break
		}
		// Recompute the running sum now and then against drift.
		if sweep%64 == 63 {
			ss = 0
			for _, x := range c {
				ss += x * x
			}
		}
	}
	norm := math.Sqrt(dot(c, c))
	if norm > 0 {
		for i := range c {
			c[i] /= norm
		}
	}
	return c, corenessFit(g, c)
}

// corenessFit is the correlation over the pairs i < j between a_ij and
// c_i c_j, from sums over the nodes and the ties.
func corenessFit(g *Network, c []float64) float64 {
	n := float64(g.N())
	pairs := n * (n - 1) / 2
	var s1, s2, s4 float64
	for _, x := range c {
		s1 += x
		s2 += x * x
		s4 += x * x * x * x
	}
	sumP := (s1*s1 - s2) / 2  // Σ_{i<j} c_i c_j
	sumPP := (s2*s2 - s4) / 2 // Σ_{i<j} (c_i c_j)²
	t := float64(g.M())       // Σ a
	sumAP := 0.0              // Σ a c_i c_j
	forEachTie(g, func(u, v int, _ float64) { sumAP += c[u] * c[v] })
	cov := sumAP/pairs - (t/pairs)*(sumP/pairs)
	va := t/pairs - (t/pairs)*(t/pairs)
	vp := sumPP/pairs - (sumP/pairs)*(sumP/pairs)
	if va <= 0 || vp <= 0 {
		return math.NaN()
	}
	return cov / math.Sqrt(va*vp)
}

// SectorCore is how one group sits in the core/periphery structure.
type SectorCore struct {
	Orgs         int
	InCore       int
	ShareInCore  float64 // InCore / Orgs; NaN for an empty group
	MeanCoreness float64 // mean continuous coreness; NaN for an empty group
	MeanKCore    float64 // mean core number
	MaxKCore     int
}

// CoreBySector summarizes the core/periphery position of each group: how
// many of its nodes are in the discrete core, their mean continuous
// coreness and their k-core numbers. It answers "is any sector stuck at
// the edge?".
func CoreBySector(p Groups, core []bool, coreness []float64, kcore []int) []SectorCore {
	out := make([]SectorCore, p.K)
	for i, l := range p.Label {
		s := &out[l]
		s.Orgs++
		if core != nil && core[i] {
			s.InCore++
		}
		s.MeanCoreness += coreness[i]
		s.MeanKCore += float64(kcore[i])
		s.MaxKCore = max(s.MaxKCore, kcore[i])
	}
	for k := range out {
		s := &out[k]
		if s.Orgs == 0 {
			s.ShareInCore, s.MeanCoreness, s.MeanKCore = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		o := float64(s.Orgs)
		s.ShareInCore = float64(s.InCore) / o
		s.MeanCoreness /= o
		s.MeanKCore /= o
	}
	return out
}
