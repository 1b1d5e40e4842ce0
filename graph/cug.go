package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// NetworkStatistic is a named statistic of a network, such as its density
// or its E-I index by sector, for the conditional uniform graph test.
type NetworkStatistic struct {
	Name string
	F    func(g *Network) float64
}

// SectorStatistics returns the statistics the CUG test and the vertex
// bootstrap report for a network whose nodes are partitioned by p (the
// sectors): density, the E-I index, the nominal assortativity, the average
// clustering coefficient and Freeman's degree centralization, each as
// defined by Network.Density, EIIndex, Assortativity, AverageClustering
// and DegreeCentralization.
func SectorStatistics(p Groups) []NetworkStatistic {
	return []NetworkStatistic{
		{"density", func(g *Network) float64 { return g.Density() }},
		{"ei_index", func(g *Network) float64 { return EIIndex(g, p).Index }},
		{"assortativity", func(g *Network) float64 { return Assortativity(g, p) }},
		{"clustering", AverageClustering},
		{"centralization", DegreeCentralization},
	}
}

// CUGOptions configure a conditional uniform graph test.
type CUGOptions struct {
	Reps int    // random graphs drawn
	Seed uint64 // the same seed gives the same graphs
	// Progress, when not nil, is called about every 1% of the graphs with
	// the number drawn and Reps. Calls never overlap.
	Progress func(done, total int)
}

// CUGResult is the conditional uniform graph test of one statistic.
type CUGResult struct {
	Statistic string
	Observed  float64
	Reps      int // random graphs whose statistic is defined (not NaN)
	// Mean, SD and the quantiles (R's type 7) of the statistic over the
	// random graphs.
	Mean, SD                    float64
	Min, Q025, Q25, Median, Q75 float64
	Q975, Max                   float64
	// PLessEq and PGreaterEq are the shares of random graphs whose
	// statistic is <= and >= the observed one, sna cug.test's
	// Pr(X<=Obs) and Pr(X>=Obs). NaN when the observed statistic is.
	PLessEq, PGreaterEq float64
}

// CUGTest tests each statistic of g against uniform random graphs of the
// same size and the same number of ties: o.Reps graphs G(n, M), each M
// pairs drawn uniformly without replacement from the n(n-1)/2, with the
// node attributes (the sectors of the statistics) left in place. It is R
// sna's cug.test(g, FUN, mode = "graph", cmode = "edges", reps); for an
// undirected network the dyad census (M mutual dyads, no asymmetric one)
// fixes the same number, so cmode = "dyad.census" is the same null model
// (B. S. Anderson, C. Butts and K. Carley, The interaction of size and
// density with graph-level indices, Social Networks 21(3), 239-267
// (1999), doi:10.1016/S0378-8733(99)00011-8). Every statistic is computed
// on the same random graphs. Graph r is drawn by a PCG generator seeded
// with (o.Seed, r), and the graphs are shared among
// the cores, so the result is the same on any
// machine and number of cores. Random graphs on which a statistic is
// undefined (an E-I index without ties) are left out of its summary. It
// returns ctx's error when ctx is cancelled first.
func CUGTest(ctx context.Context, g *Network, stats []NetworkStatistic, o CUGOptions) ([]CUGResult, error) {
	if o.Reps < 0 {
		return nil, fmt.Errorf("the number of random graphs must be 0 or more, not %d", o.Reps)
	}
	n, m := g.N(), g.M()
	vals := make([][]float64, len(stats))
	for s := range stats {
		vals[s] = make([]float64, o.Reps)
	}
	err := parallel(ctx, o.Reps, 0, func(int) func(int) {
		seen := map[int64]struct{}{}
		var es []Edge
		return func(r int) {
			rng := rand.New(rand.NewPCG(o.Seed, 0xc06<<40|uint64(r)))
			es = uniformGraph(n, m, rng, seen, es[:0])
			rg := NewNetwork(n, es)
			for s, st := range stats {
				vals[s][r] = st.F(rg)
			}
		}
	}, percentProgress(o.Reps, o.Progress))
	if err != nil {
		return nil, err
	}
	out := make([]CUGResult, len(stats))
	for s, st := range stats {
		out[s] = summarizeNull(st.Name, st.F(g), vals[s])
	}
	return out, nil
}

// summarizeNull summarizes the random values of a statistic against its
// observed value obs.
func summarizeNull(name string, obs float64, vals []float64) CUGResult {
	nan := math.NaN()
	res := CUGResult{Statistic: name, Observed: obs}
	var xs []float64
	for _, v := range vals {
		if !math.IsNaN(v) {
			xs = append(xs, v)
		}
	}
	res.Reps = len(xs)
	if len(xs) == 0 {
		res.Mean, res.SD, res.Min, res.Q025, res.Q25, res.Median, res.Q75, res.Q975, res.Max = nan, nan, nan, nan, nan, nan, nan, nan, nan
		res.PLessEq, res.PGreaterEq = nan, nan
		return res
	}
	slices.Sort(xs)
	sum := 0.0
	le, ge := 0, 0
	for _, v := range xs {
		sum += v
		if v <= obs {
			le++
		}
		if v >= obs {
			ge++
		}
	}
	nf := float64(len(xs))
	res.Mean, res.SD = meanSD(xs, sum)
	res.Min, res.Max = xs[0], xs[len(xs)-1]
	res.Q025, res.Q25, res.Median = quantile7(xs, 0.025), quantile7(xs, 0.25), quantile7(xs, 0.5)
	res.Q75, res.Q975 = quantile7(xs, 0.75), quantile7(xs, 0.975)
	res.PLessEq, res.PGreaterEq = nan, nan
	if !math.IsNaN(obs) {
		res.PLessEq, res.PGreaterEq = float64(le)/nf, float64(ge)/nf
	}
	return res
}

// meanSD returns the mean and the standard deviation (n-1 denominator) of
// sorted values with sum sum: exactly the value and 0 when all are equal,
// NaN for the SD of one value.
func meanSD(sorted []float64, sum float64) (float64, float64) {
	n := len(sorted)
	if sorted[0] == sorted[n-1] {
		if n == 1 {
			return sorted[0], math.NaN()
		}
		return sorted[0], 0
	}
	mean := sum / float64(n)
	ss := 0.0
	for _, v := range sorted {
		ss += (v - mean) * (v - mean)
	}
	if n == 1 {
		return mean, math.NaN()
	}
	return mean, math.Sqrt(ss / float64(n-1))
}

// uniformGraph appends to es the ties of a uniform random graph of n nodes
// and m ties: m distinct pairs drawn uniformly, or, when m is more than
// half the pairs, all pairs but a uniform draw of the others. seen is
// scratch space.
func uniformGraph(n, m int, rng *rand.Rand, seen map[int64]struct{}, es []Edge) []Edge {
	pairs := DyadCount(n)
	if m <= 0 || n < 2 {
		return es
	}
	clear(seen)
	complement := m > pairs/2
	draw := m
	if complement {
		draw = pairs - m
	}
	for len(seen) < draw {
		i := int(boundedRand(rng, uint64(n)))
		j := int(boundedRand(rng, uint64(n-1)))
		if j >= i {
			j++
		}
		if i > j {
			i, j = j, i
		}
		key := int64(i)*int64(n) + int64(j)
		if _, ok := seen[key]; ok {
			continue
		}
		seen[key] = struct{}{}
		if !complement {
			es = append(es, Edge{U: i, V: j, W: 1})
		}
	}
	if complement {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if _, ok := seen[int64(i)*int64(n)+int64(j)]; !ok {
					es = append(es, Edge{U: i, V: j, W: 1})
				}
			}
		}
	}
	return es
}
