package graph

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
)

// FDSMOptions sets the sampling of FDSM.
type FDSMOptions struct {
	// Trials is the number of random affiliations drawn (1000 when 0).
	// The smallest p-value FDSM can give is 0, the next 1/Trials.
	Trials int
	// Seed chooses the random affiliations: the same seed gives the same
	// p-values on every machine and number of cores.
	Seed uint64
	// Trades is the number of curveball trades from the observed
	// affiliation to each random one (5 times the number of rows traded,
	// as backbone's fastball, when 0).
	Trades int
}

// FDSM returns, for every tie of a's projection in the order of
// a.Project(w).Edges(), the p-value of the fixed degree sequence model
// (K. Zweig and M. Kaufmann, "A systematic approach to the one-mode
// projection of bipartite graphs", Social Network Analysis and Mining 1,
// 187-218 (2011), doi:10.1007/s13278-011-0021-0; Neal 2014): the share of
// random affiliations with exactly the observed degrees of every
// organization and every group in which the two organizations share at
// least as many groups as observed,
//
//	p_ij = #{t : P*_ij(t) >= P_ij} / Trials,
//
// as backbone's fdsm computes it (R package backbone 2.1.3). Each random
// affiliation is drawn by opts.Trades curveball trades (G. Strona et al.,
// Nature Communications 5, 4114 (2014), doi:10.1038/ncomms5114) from the
// observed one over the smaller side (organizations or groups), trial t
// with its own random stream from (Seed, t), so trials run on every core
// and the counts, summed, do not depend on their order. It returns
// ctx.Err() when cancelled.
func FDSM(ctx context.Context, a *Affiliation, opts FDSMOptions) ([]float64, error) {
	trials := opts.Trials
	if trials <= 0 {
		trials = 1000
	}
	g := a.Project(WeightCount)
	es := g.Edges()
	// Trade over the side with fewer rows, as fastball after backbone's
	// rotation of a long matrix.
	rows, byOrg := a.OrgGroups, true
	if len(a.GroupMembers) < len(a.OrgGroups) {
		rows, byOrg = a.GroupMembers, false
	}
	trades := opts.Trades
	if trades <= 0 {
		trades = 5 * len(rows)
	}
	workers := min(runtime.GOMAXPROCS(0), trials)
	counts := make([][]int32, workers)
	err := parallel(ctx, trials, workers, func(w int) func(int) {
		counts[w] = make([]int32, len(es))
		cnt := counts[w]
		cur := make([][]int32, len(rows))
		orgs := make([][]int32, len(a.OrgGroups))
		mark := make([]int32, len(a.GroupMembers))
		var scratch curveball
		return func(t int) {
			rng := rand.New(rand.NewPCG(opts.Seed, uint64(t)))
			for i, r := range rows {
				cur[i] = append(cur[i][:0], r...)
			}
			for range trades {
				scratch.trade(rng, cur)
			}
			og := cur
			if !byOrg {
				for i := range orgs {
					orgs[i] = orgs[i][:0]
				}
				for k, ms := range cur {
					for _, i := range ms {
						orgs[i] = append(orgs[i], int32(k))
					}
				}
				og = orgs
			}
			// P*_ij for each observed tie: mark i's groups, count j's.
			stamp := int32(0)
			last := -1
			for k, e := range es {
				if e.U != last {
					last = e.U
					stamp++
					for _, f := range og[e.U] {
						mark[f] = stamp
					}
				}
				shared := 0
				for _, f := range og[e.V] {
					if mark[f] == stamp {
						shared++
					}
				}
				if float64(shared) >= e.W {
					cnt[k]++
				}
			}
			for i := range mark {
				mark[i] = 0
			}
		}
	}, nil)
	if err != nil {
		return nil, err
	}
	p := make([]float64, len(es))
	for k := range es {
		s := 0
		for _, c := range counts { // integer sums: any order, same counts
			if c != nil {
				s += int(c[k])
			}
		}
		p[k] = float64(s) / float64(trials)
	}
	return p, nil
}

// curveball holds the scratch space of one curveball trade.
type curveball struct {
	only1, only2, pool []int32
}

// trade is one curveball trade (Strona et al. 2014), as backbone's
// fastball makes it: two distinct rows drawn at random keep what they
// share and deal the rest out at random, each keeping its size.
func (c *curveball) trade(rng *rand.Rand, rows [][]int32) {
	if len(rows) < 2 {
		return
	}
	i := rng.IntN(len(rows))
	j := rng.IntN(len(rows) - 1)
	if j >= i {
		j++
	}
	r1, r2 := rows[i], rows[j]
	if len(r1) == 0 || len(r2) == 0 {
		return
	}
	c.only1, c.only2 = c.only1[:0], c.only2[:0]
	x, y := 0, 0
	for x < len(r1) && y < len(r2) {
		switch {
		case r1[x] < r2[y]:
			c.only1 = append(c.only1, r1[x])
			x++
		case r1[x] > r2[y]:
			c.only2 = append(c.only2, r2[y])
			y++
		default:
			x++
			y++
		}
	}
	c.only1 = append(c.only1, r1[x:]...)
	c.only2 = append(c.only2, r2[y:]...)
	if len(c.only1) == 0 || len(c.only2) == 0 {
		return
	}
	c.pool = append(append(c.pool[:0], c.only1...), c.only2...)
	rng.Shuffle(len(c.pool), func(a, b int) { c.pool[a], c.pool[b] = c.pool[b], c.pool[a] })
	n1 := len(c.only1)
	// Rebuild both rows in place: keep the shared entries, then add the
	// dealt ones, and sort.
	keep := func(r []int32, drop []int32, add []int32) []int32 {
		out := r[:0]
		d := 0
		for _, v := range r {
			if d < len(drop) && drop[d] == v {
				d++
				continue
			}
			out = append(out, v)
		}
		out = append(out, add...)
		slices.Sort(out)
		return out
	}
	rows[i] = keep(r1, c.only1, c.pool[:n1])
	rows[j] = keep(r2, c.only2, c.pool[n1:])
}
