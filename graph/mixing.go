package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
)

// Groups describes a partition of a network's nodes into k groups (the
// sectors, or communities): Label[i] in [0, K) is node i's group.
type Groups struct {
	Label []int
	K     int
}

// SectorGroups returns the partition of d's organizations by sector, in
// the order of d.Sectors. It panics if an organization's sector is not
// listed (data.Load rejects such datasets).
func SectorGroups(d *Dataset) Groups {
	lab := d.OrgSectors()
	for i, l := range lab {
		if l < 0 {
			panic(fmt.Sprintf("graph: organization %q has unknown sector %q", d.Orgs[i].ID, d.Orgs[i].Sector))
		}
	}
	return Groups{Label: lab, K: len(d.Sectors)}
}

func (p Groups) check(n int) {
	if len(p.Label) != n {
		panic(fmt.Sprintf("graph: %d group labels for %d nodes", len(p.Label), n))
	}
	for i, l := range p.Label {
		if l < 0 || l >= p.K {
			panic(fmt.Sprintf("graph: node %d has group %d outside [0,%d)", i, l, p.K))
		}
	}
}

// Sizes returns the number of nodes in each group.
func (p Groups) Sizes() []int {
	s := make([]int, p.K)
	for _, l := range p.Label {
		s[l]++
	}
	return s
}

// EI is an E-I index with its counts.
type EI struct {
	External int     // ties between different groups
	Internal int     // ties within one group
	Index    float64 // (E - I) / (E + I); NaN when E + I = 0
}

func newEI(e, i int) EI {
	x := EI{External: e, Internal: i, Index: math.NaN()}
	if e+i > 0 {
		x.Index = float64(e-i) / float64(e+i)
	}
	return x
}

// EIIndex returns Krackhardt and Stern's E-I index of the whole network,
//
//	EI = (E - I) / (E + I)
//
// where E counts ties between nodes of different groups and I ties within
// a group, every tie once whatever its weight (D. Krackhardt and R. N.
// Stern, Informal networks and organizational crises, Soc. Psychol. Q.
// 51(2), 123-140 (1988), doi:10.2307/2786835; UCINET's E-I index on
// binary data). -1 means every tie stays within a group, +1 every tie
// crosses groups. NaN for a network without ties.
func EIIndex(g *Network, p Groups) EI {
	p.check(g.N())
	e, in := 0, 0
	for i := 0; i < g.N(); i++ {
		for _, j := range g.Neighbors(i) {
			if int(j) > i {
				if p.Label[i] == p.Label[j] {
					in++
				} else {
					e++
				}
			}
		}
	}
	return newEI(e, in)
}

// GroupEI returns the E-I index of each group: E counts ties with exactly
// one end in the group, I ties with both ends in it (Krackhardt and Stern
// 1988, the group-level index). NaN for a group without ties.
func GroupEI(g *Network, p Groups) []EI {
	p.check(g.N())
	e := make([]int, p.K)
	in := make([]int, p.K)
	for i := 0; i < g.N(); i++ {
		for _, j := range g.Neighbors(i) {
			if int(j) > i {
				a, b := p.Label[i], p.Label[j]
				if a == b {
					in[a]++
				} else {
					e[a]++
					e[b]++
				}
			}
		}
	}
	out := make([]EI, p.K)
	for k := range out {
		out[k] = newEI(e[k], in[k])
	}
	return out
}

// NodeEI returns each node's own E-I index over its ties: E its ties to
// other groups, I its ties within its group. NaN for isolates.
func NodeEI(g *Network, p Groups) []EI {
	p.check(g.N())
	out := make([]EI, g.N())
	for i := range out {
		e, in := 0, 0
		for _, j := range g.Neighbors(i) {
			if p.Label[i] == p.Label[j] {
				in++
			} else {
				e++
			}
		}
		out[i] = newEI(e, in)
	}
	return out
}

// EIPermutation is the permutation test of an E-I index.
type EIPermutation struct {
	Observed float64 // the network's E-I index
	Expected float64 // its exact mean over all reassignments keeping group sizes
	Reps     int
	Mean, SD float64 // over the random reassignments
	Min, Max float64
	// PGreater and PLess are the shares of reassignments whose index is >=
	// and <= the observed one; PTwoSided the share at least as far from
	// Expected as the observed one (UCINET's convention: count/reps).
	PGreater, PLess, PTwoSided float64
}

// EIPermutationTest tests the network's E-I index against random
// reassignments of the group labels to nodes that keep each group's size
// (the network is fixed; this is UCINET's E-I permutation test). Each of
// the o.Reps reassignments is a Fisher-Yates shuffle of the labels driven by
// its own PCG generator, seeded with (seed, rep number), so the same seed
// gives the same result on any machine and any number of cores; the
// reassignments are shared among runtime.GOMAXPROCS(0) goroutines. It
// returns ctx's error if ctx is cancelled first.
//
// Because every reassignment has the same total number of ties T, the
// index is (2E - T)/T and the comparisons are made exactly on the integer
// E. Expected is the exact mean over all reassignments, 1 - 2 Σ_k
// n_k(n_k-1) / (n(n-1)). With no ties every field but Reps is NaN.
func EIPermutationTest(ctx context.Context, g *Network, p Groups, o PermutationOptions) (EIPermutation, error) {
	reps, seed := o.Reps, o.Seed
	obs := EIIndex(g, p)
	res := EIPermutation{Observed: obs.Index, Reps: reps}
	t := obs.External + obs.Internal
	n := g.N()
	nan := math.NaN()
	res.Expected, res.Mean, res.SD, res.Min, res.Max = nan, nan, nan, nan, nan
	res.PGreater, res.PLess, res.PTwoSided = nan, nan, nan
	if t == 0 || n < 2 {
		return res, nil
	}
	res.Expected = expectedEI(p, n, t)
	if reps <= 0 {
		return res, nil
	}
	external := make([]int, reps) // E of each reassignment
	step := max(1, reps/100)
	done := 0
	progress := func(r int) {
		if (r+1)%step == 0 {
			done += step
			o.Progress(min(done, reps), reps)
		}
	}
	if o.Progress == nil {
		progress = nil
	}
	small := p.K <= 256
	counter := newWithinCounter(g, p.K, groupBitsBudget)
	err := parallel(ctx, reps, 0, func(int) func(int) {
		var lab8 []uint8
		var lab32 []int32
		sc := counter.newScratch(p.K)
		if small {
			lab8 = make([]uint8, n)
		} else {
			lab32 = make([]int32, n)
		}
		return func(r int) {
			rng := rand.New(rand.NewPCG(seed, uint64(r)))
			if small {
				external[r] = shuffledExternal(counter, sc, p.Label, lab8, rng)
			} else {
				external[r] = shuffledExternal(counter, sc, p.Label, lab32, rng)
			}
		}
	}, progress)
	if err != nil {
		return EIPermutation{}, err
	}
	// E expected as a count, to measure "as far" from it.
	eExp := (res.Expected + 1) * float64(t) / 2
	dObs := math.Abs(float64(obs.External) - eExp)
	sumE := 0 // integer, so the mean of equal indices is that index
	minE, maxE := t, 0
	ge, le, two := 0, 0, 0
	for _, e := range external {
		sumE += e
		minE, maxE = min(minE, e), max(maxE, e)
		if e >= obs.External {
			ge++
		}
		if e <= obs.External {
			le++
		}
		if math.Abs(float64(e)-eExp) >= dObs-1e-9 {
			two++
		}
	}
	rf := float64(reps)
	res.Mean = (2*float64(sumE)/rf - float64(t)) / float64(t)
	if reps > 1 {
		// Two passes: Σx² - (Σx)²/r cancels to round-off (1e-8 where
		// every reassignment gives the same index, as in a clique).
		ss := 0.0
		for _, e := range external {
			dx := float64(2*e-t)/float64(t) - res.Mean
			ss += dx * dx
		}
		res.SD = math.Sqrt(ss / (rf - 1))
	}
	res.Min = float64(2*minE-t) / float64(t)
	res.Max = float64(2*maxE-t) / float64(t)
	res.PGreater = float64(ge) / rf
	res.PLess = float64(le) / rf
	res.PTwoSided = float64(two) / rf
	return res, nil
}

// PermutationOptions configure a permutation test.
type PermutationOptions struct {
	Reps int    // number of random reassignments
	Seed uint64 // the same seed gives the same reassignments
	// Progress, when not nil, is called every 1% of the reassignments with
	// the number done and Reps. Calls never overlap.
	Progress func(done, total int)
}

// shuffledExternal shuffles the labels into lab by Fisher-Yates and
// returns the number of ties between different labels (counted by c, see
// withinCounter).
func shuffledExternal[L uint8 | int32](c *withinCounter, s *withinScratch, labels []int, lab []L, rng *rand.Rand) int {
	for i, l := range labels {
		lab[i] = L(l)
	}
	for i := len(lab) - 1; i > 0; i-- {
		j := boundedRand(rng, uint64(i+1))
		lab[i], lab[j] = lab[j], lab[i]
	}
	return c.g.M() - internalTies(c, lab, s)
}

// expectedEI is the mean E-I index over all reassignments of labels
// keeping group sizes: a tie is internal with probability
// Σ_k n_k(n_k-1) / (n(n-1)).
func expectedEI(p Groups, n, t int) float64 {
	same := 0.0
	for _, s := range p.Sizes() {
		same += float64(s) * float64(s-1)
	}
	pin := same / (float64(n) * float64(n-1))
	return 1 - 2*pin
}

// Assortativity returns Newman's assortativity coefficient for a nominal
// attribute (the groups),
//
//	r = (Σ_k e_kk - Σ_k a_k²) / (1 - Σ_k a_k²)
//
// where e_kl is the share of tie ends joining group k to group l (each
// tie counted in both directions, weights ignored) and a_k = Σ_l e_kl
// (M. E. J. Newman, Mixing patterns in networks, Phys. Rev. E 67, 026126
// (2003), doi:10.1103/PhysRevE.67.026126). It matches NetworkX
// attribute_assortativity_coefficient and igraph assortativity_nominal
// (directed=False). NaN when there are no ties or every tie is within one
// group (a zero denominator).
func Assortativity(g *Network, p Groups) float64 {
	mm := MixingMatrix(g, p)
	total := 0.0
	for k := range mm.Ties {
		for l := range mm.Ties[k] {
			total += float64(mm.Ties[k][l])
		}
	}
	// Both directions: the diagonal counts twice, off-diagonal entries
	// appear in both triangles already.
	total += traceInt(mm.Ties)
	if total == 0 {
		return math.NaN()
	}
	tr, sq := 0.0, 0.0
	for k := range mm.Ties {
		a := 0.0
		for l := range mm.Ties[k] {
			c := float64(mm.Ties[k][l])
			if k == l {
				c *= 2
			}
			a += c
		}
		a /= total
		tr += 2 * float64(mm.Ties[k][k]) / total
		sq += a * a
	}
	if sq == 1 {
		return math.NaN()
	}
	return (tr - sq) / (1 - sq)
}

func traceInt(m [][]int) float64 {
	s := 0
	for k := range m {
		s += m[k][k]
	}
	return float64(s)
}

// Mixing is the group x group mixing matrix of a network.
type Mixing struct {
	// Ties[k][l] is the number of ties between groups k and l; the matrix
	// is symmetric and Ties[k][k] counts the ties within group k once.
	Ties [][]int
	// Weight[k][l] is the same with tie weights summed.
	Weight [][]float64
}

// MixingMatrix returns the group x group matrix of tie counts and tie
// weights; every tie is counted once (in both Ties[k][l] and Ties[l][k]
// when k != l). Its upper triangle sums to the number of ties.
func MixingMatrix(g *Network, p Groups) Mixing {
	p.check(g.N())
	mm := Mixing{Ties: make([][]int, p.K), Weight: make([][]float64, p.K)}
	for k := range mm.Ties {
		mm.Ties[k] = make([]int, p.K)
		mm.Weight[k] = make([]float64, p.K)
	}
	for i := 0; i < g.N(); i++ {
		ws := g.Weights(i)
		for e, j := range g.Neighbors(i) {
			if int(j) <= i {
				continue
			}
			a, b := p.Label[i], p.Label[j]
			mm.Ties[a][b]++
			mm.Weight[a][b] += ws[e]
			if a != b {
				mm.Ties[b][a]++
				mm.Weight[b][a] += ws[e]
			}
		}
	}
	return mm
}

// Modularity returns the weighted modularity of the partition p,
//
//	Q = Σ_c [ W_c/W - γ (S_c / 2W)² ]
//
// where W is the total tie weight, W_c the weight of ties inside group c
// and S_c the summed strength of its nodes (M. E. J. Newman, Analysis of
// weighted networks, Phys. Rev. E 70, 056131 (2004),
// doi:10.1103/PhysRevE.70.056131; the resolution γ of Reichardt and
// Bornholdt 2006, doi:10.1103/PhysRevE.74.016110). It matches NetworkX
// community.modularity(G, communities, weight="weight", resolution=γ).
// Isolates add nothing. NaN for a network without ties (NetworkX raises
// ZeroDivisionError).
func Modularity(g *Network, p Groups, resolution float64) float64 {
	p.check(g.N())
	in := make([]float64, p.K)
	str := make([]float64, p.K)
	total := 0.0
	for i := 0; i < g.N(); i++ {
		ws := g.Weights(i)
		for e, j := range g.Neighbors(i) {
			str[p.Label[i]] += ws[e]
			if int(j) > i {
				total += ws[e]
				if p.Label[i] == p.Label[j] {
					in[p.Label[i]] += ws[e]
				}
			}
		}
	}
	if total == 0 {
		return math.NaN()
	}
	q := 0.0
	for c := range in {
		s := str[c] / (2 * total)
		q += in[c]/total - resolution*s*s
	}
	return q
}
