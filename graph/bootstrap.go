package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// TieBlau returns Blau's heterogeneity of the sectors (groups) at the ends
// of the ties, 1 - Σ_k a_k² with a_k the share of tie ends in group k
// (each tie counted from both ends, weights ignored): the chance that two
// tie ends drawn at random belong to different sectors, high when every
// sector takes part in the collaboration in equal measure. The a_k are
// those of Assortativity. NaN without ties.
func TieBlau(g *Network, p Groups) float64 {
	mm := MixingMatrix(g, p)
	total := 0.0
	a := make([]float64, p.K)
	for k, row := range mm.Ties {
		for l, x := range row {
			a[k] += float64(x)
			if k == l { // a tie within the group has both ends in it
				a[k] += float64(x)
			}
		}
		total += a[k]
	}
	if total == 0 {
		return math.NaN()
	}
	ss := 0.0
	for _, x := range a {
		ss += (x / total) * (x / total)
	}
	return 1 - ss
}

// BootstrapStatistics names the statistics VertexBootstrap estimates, in
// the order of its results.
var BootstrapStatistics = []string{"density", "mean_degree", "ei_index", "assortativity", "blau"}

// BootstrapOptions configure a vertex bootstrap.
type BootstrapOptions struct {
	Reps  int     // bootstrap samples
	Seed  uint64  // the same seed gives the same samples
	Level float64 // of the percentile intervals; 0.95 when 0
	// Progress, when not nil, is called about every 1% of the samples
	// with the number done and Reps. Calls never overlap.
	Progress func(done, total int)
}

// BootstrapInterval is the bootstrap distribution of one statistic.
type BootstrapInterval struct {
	Statistic string
	Estimate  float64 // on the observed network(s)
	Reps      int     // samples on which the statistic is defined
	Mean, SE  float64 // mean and standard deviation over the samples
	// Lower and Upper are the percentile interval: the (1-Level)/2 and
	// (1+Level)/2 quantiles of the samples (R's type 7).
	Lower, Upper float64
	Level        float64
}

// Bootstrap is the vertex bootstrap of a set of networks over the same
// nodes (the waves of a survey).
type Bootstrap struct {
	Reps  int
	Seed  uint64
	Level float64
	// Networks holds, for each network, its intervals in the order of
	// BootstrapStatistics.
	Networks [][]BootstrapInterval
	// Change holds, when there are two networks, the intervals of the
	// second's statistic minus the first's, from the same samples (a
	// paired bootstrap).
	Change []BootstrapInterval
}

// VertexBootstrap estimates the sampling distribution of the density, the
// mean degree, the E-I index, the assortativity and TieBlau of each
// network by Snijders and Borgatti's vertex bootstrap (T. A. B. Snijders
// and S. P. Borgatti, Non-parametric standard errors and tests for network
// statistics, Connections 22(2), 161-170 (1999)): a sample draws n nodes
// with replacement, i(1), ..., i(n); positions h and k are tied when
// nodes i(h) and i(k) are, and keep their node's group; for the pairs
// with i(h) = i(k), which the network cannot say, the tie is that of a
// uniformly drawn pair of distinct nodes (the same pair in every
// network). The nets share the samples, so the difference of a statistic
// between two waves gets its paired interval. Sample r is drawn by a PCG
// generator seeded with (o.Seed, r), and the samples are shared among
// the cores, so the result is the same on any
// machine and number of cores. The statistics come from counts weighted by
// the sample's multiplicities, not from building each sample's network,
// so a sample costs the ties of the nodes drawn, not n². It returns ctx's
// error when ctx is cancelled first.
func VertexBootstrap(ctx context.Context, nets []*Network, p Groups, o BootstrapOptions) (*Bootstrap, error) {
	if len(nets) == 0 {
		panic("graph: a bootstrap of no network")
	}
	n := nets[0].N()
	for _, g := range nets {
		if g.N() != n {
			panic(fmt.Sprintf("graph: bootstrap of networks of %d and %d nodes", n, g.N()))
		}
	}
	p.check(n)
	if o.Reps < 0 {
		return nil, fmt.Errorf("the number of bootstrap samples must be 0 or more, not %d", o.Reps)
	}
	level := o.Level
	if level == 0 {
		level = 0.95
	}
	if level <= 0 || level >= 1 {
		return nil, fmt.Errorf("the interval level must be between 0 and 1, not %v", level)
	}
	ns := len(BootstrapStatistics)
	// vals[net][stat][rep]
	vals := make([][][]float64, len(nets))
	for a := range vals {
		vals[a] = make([][]float64, ns)
		for s := range vals[a] {
			vals[a][s] = make([]float64, o.Reps)
		}
	}
	err := parallel(ctx, o.Reps, 0, func(int) func(int) {
		vs := &vertexSample{}
		bs := newBootScratch(n, p.K)
		out := make([]float64, ns)
		return func(r int) {
			rng := rand.New(rand.NewPCG(o.Seed, 0xb007<<40|uint64(r)))
			vs.draw(n, rng)
			for a, g := range nets {
				bs.stats(g, p, vs, out)
				for s := range ns {
					vals[a][s][r] = out[s]
				}
			}
		}
	}, percentProgress(o.Reps, o.Progress))
	if err != nil {
		return nil, err
	}
	b := &Bootstrap{Reps: o.Reps, Seed: o.Seed, Level: level}
	obs := make([][]float64, len(nets))
	for a, g := range nets {
		obs[a] = []float64{g.Density(), meanDegree(g), EIIndex(g, p).Index, Assortativity(g, p), TieBlau(g, p)}
		var iv []BootstrapInterval
		for s, name := range BootstrapStatistics {
			iv = append(iv, bootInterval(name, obs[a][s], vals[a][s], level))
		}
		b.Networks = append(b.Networks, iv)
	}
	if len(nets) == 2 {
		diff := make([]float64, o.Reps)
		for s, name := range BootstrapStatistics {
			for r := range diff {
				diff[r] = vals[1][s][r] - vals[0][s][r]
			}
			b.Change = append(b.Change, bootInterval(name, obs[1][s]-obs[0][s], diff, level))
		}
	}
	return b, nil
}

func meanDegree(g *Network) float64 {
	if g.N() == 0 {
		return 0
	}
	return 2 * float64(g.M()) / float64(g.N())
}

func bootInterval(name string, est float64, vals []float64, level float64) BootstrapInterval {
	iv := BootstrapInterval{Statistic: name, Estimate: est, Level: level}
	xs := make([]float64, 0, len(vals))
	for _, v := range vals {
		if !math.IsNaN(v) {
			xs = append(xs, v)
		}
	}
	iv.Reps = len(xs)
	nan := math.NaN()
	iv.Mean, iv.SE, iv.Lower, iv.Upper = nan, nan, nan, nan
	if len(xs) == 0 {
		return iv
	}
	slices.Sort(xs)
	sum := 0.0
	for _, v := range xs {
		sum += v
	}
	iv.Mean, iv.SE = meanSD(xs, sum)
	iv.Lower = quantile7(xs, (1-level)/2)
	iv.Upper = quantile7(xs, (1+level)/2)
	return iv
}

// vertexSample is one bootstrap sample: the node at each position, and
// for each pair of positions holding the same node the pair of distinct
// nodes whose tie stands in for theirs.
type vertexSample struct {
	node []int32
	dup  []dupPair
	pos  [][]int32 // scratch: positions of each node
}

type dupPair struct{ h, k, i, j int32 }

// draw draws n nodes with replacement, then, for the positions h < k
// holding one node (h ascending, then k), a pair i ≠ j uniformly.
func (vs *vertexSample) draw(n int, rng *rand.Rand) {
	if cap(vs.node) < n {
		vs.node = make([]int32, n)
		vs.pos = make([][]int32, n)
	}
	vs.node = vs.node[:n]
	for u := range vs.pos[:n] {
		vs.pos[u] = vs.pos[u][:0]
	}
	for h := range vs.node {
		u := int32(boundedRand(rng, uint64(n)))
		vs.node[h] = u
		vs.pos[u] = append(vs.pos[u], int32(h))
	}
	vs.dup = vs.dup[:0]
	if n < 2 {
		return
	}
	for h, u := range vs.node {
		ps := vs.pos[u]
		for _, k := range ps[slices.Index(ps, int32(h))+1:] {
			i := int32(boundedRand(rng, uint64(n)))
			j := int32(boundedRand(rng, uint64(n-1)))
			if j >= i {
				j++
			}
			vs.dup = append(vs.dup, dupPair{int32(h), k, i, j})
		}
	}
}

// bootScratch is the working memory of one goroutine's bootstrap.
type bootScratch struct {
	mult []float64   // multiplicity of each node in the sample
	mix  [][]float64 // tie ends between groups
}

func newBootScratch(n, k int) *bootScratch {
	b := &bootScratch{mult: make([]float64, n), mix: make([][]float64, k)}
	for i := range b.mix {
		b.mix[i] = make([]float64, k)
	}
	return b
}

// stats computes the BootstrapStatistics of the sample vs of g into out.
// A tie u-v of g is c_u c_v ties of the sample (c the multiplicities),
// plus the ties drawn for the pairs of copies.
func (b *bootScratch) stats(g *Network, p Groups, vs *vertexSample, out []float64) {
	n := g.N()
	clear(b.mult)
	for _, u := range vs.node {
		b.mult[u]++
	}
	for _, row := range b.mix {
		clear(row)
	}
	var ties, ext, in float64
	lab := p.Label
	for u := 0; u < n; u++ {
		cu := b.mult[u]
		if cu == 0 {
			continue
		}
		for _, v := range g.Neighbors(u) {
			if int(v) <= u || b.mult[v] == 0 {
				continue
			}
			w := cu * b.mult[v]
			ties += w
			su, sv := lab[u], lab[v]
			if su == sv {
				in += w
			} else {
				ext += w
			}
			b.mix[su][sv] += w
			b.mix[sv][su] += w
		}
	}
	for _, d := range vs.dup {
		if _, ok := g.TieWeight(int(d.i), int(d.j)); ok {
			ties++
			in++
			s := lab[vs.node[d.h]]
			b.mix[s][s] += 2
		}
	}
	nf := float64(n)
	out[0], out[1] = 0, 0
	if n > 1 {
		out[0] = ties / (nf * (nf - 1) / 2)
	}
	if n > 0 {
		out[1] = 2 * ties / nf
	}
	out[2] = math.NaN()
	if ext+in > 0 {
		out[2] = (ext - in) / (ext + in)
	}
	// Assortativity and Blau from the tie ends, as Assortativity and
	// TieBlau.
	out[3], out[4] = math.NaN(), math.NaN()
	if ties > 0 {
		total := 2 * ties
		tr, sa := 0.0, 0.0
		for k, row := range b.mix {
			tr += row[k] / total
			a := 0.0
			for _, x := range row {
				a += x
			}
			a /= total
			sa += a * a
		}
		if den := 1 - sa; den != 0 {
			out[3] = (tr - sa) / den
		}
		out[4] = 1 - sa
	}
}

// Induced returns the network g induces on the nodes with keep[i], numbered
// 0, 1, ... in their order, with the groups of p restricted to them.
func Induced(g *Network, p Groups, keep []bool) (*Network, Groups) {
	index := make([]int, g.N())
	var lab []int
	for i := range index {
		index[i] = -1
		if keep[i] {
			index[i] = len(lab)
			lab = append(lab, p.Label[i])
		}
	}
	var es []Edge
	for _, e := range g.Edges() {
		if keep[e.U] && keep[e.V] {
			es = append(es, Edge{U: index[e.U], V: index[e.V], W: e.W})
		}
	}
	return NewNetwork(len(lab), es), Groups{Label: lab, K: p.K}
}
