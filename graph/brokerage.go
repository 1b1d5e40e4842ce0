package graph

import (
	"context"
	"runtime"
)

// Brokerage counts the brokerage roles one node plays.
type Brokerage struct {
	Coordinator    int // w_I: source, broker and destination in one group
	Itinerant      int // w_O: source and destination in one group, broker in another
	Representative int // b_IO: broker in the source's group, destination in another
	Gatekeeper     int // b_OI: broker in the destination's group, source in another
	Liaison        int // b_O: all three in different groups
}

// Total is the number of brokered two-paths, all roles together.
func (b Brokerage) Total() int {
	return b.Coordinator + b.Itinerant + b.Representative + b.Gatekeeper + b.Liaison
}

// BrokerageRoles returns Gould and Fernandez's brokerage role counts of
// every node (R. V. Gould and R. M. Fernandez, Structures of mediation: a
// formal approach to brokerage in transaction networks, Sociol.
// Methodol. 19, 89-126 (1989), doi:10.2307/270949). A node b brokers
// every ordered two-path i → b → k with i ≠ k and no tie i-k; the role
// depends on the groups of i, b and k. On an undirected network each open
// two-path i-b-k is counted once in each direction, so Representative and
// Gatekeeper are equal. The counts and the order of the tests are exactly
// those of R sna brokerage(g, cl)$raw.nli on the symmetric adjacency
// matrix (columns w_I, w_O, b_IO, b_OI, b_O, t). Weights are ignored;
// isolates and nodes with one neighbour get zeros.
//
// The counts come in closed form from b's partners per group and the ties
// among them, not by visiting every two-path. With n_g partners of b in
// group g, d = Σ n_g and c = b's group, the ordered pairs of distinct
// partners are
//
//	coordinator  n_c(n_c-1)        representative = gatekeeper  n_c(d-n_c)
//	itinerant    Σ_{g≠c} n_g(n_g-1)  liaison  d(d-1) less the others
//
// and the tied pairs among them are subtracted, counted per partner i as
// t_i = |N(b) ∩ N(i)| and its parts in group c and in i's group (with
// bitsets on dense networks, see Triangles). A complete network of 5,000
// costs seconds instead of the hours of the n³ two-paths, and on a nearly
// complete network the open two-paths are counted directly from the few
// non-ties (see complementCheaper): milliseconds for that network.
func BrokerageRoles(g *Network, p Groups) []Brokerage {
	r, _ := BrokerageRolesContext(context.Background(), g, p)
	return r
}

// BrokerageRolesContext is BrokerageRoles that returns ctx's error, and no
// counts, once ctx is cancelled (it checks every 64 nodes).
func BrokerageRolesContext(ctx context.Context, g *Network, p Groups) ([]Brokerage, error) {
	p.check(g.N())
	n := g.N()
	a := newAdjBits(g)
	if complementCheaper(g, a) {
		return brokerageByNonTies(ctx, g, a, p)
	}
	// Group bitsets for pairs of heavy nodes, when they fit the budget.
	var gb [][]uint64
	if a.bits != nil && p.K*a.words <= groupBitsBudget {
		gb = make([][]uint64, p.K)
		for k := range gb {
			gb[k] = make([]uint64, a.words)
		}
		for i, l := range p.Label {
			gb[l][i>>6] |= 1 << (i & 63)
		}
	}
	// The tied pairs of partners of each broker, by role, from each tie
	// b-i once: for broker b with partner i and for broker i with
	// partner b.
	workers := runtime.GOMAXPROCS(0)
	tied := make([][]Brokerage, workers)
	lab := p.Label
	err := visitTies(ctx, g, a, workers, func(int) bool { return false }, func(w int, c *centre, b int, i int32) {
		if tied[w] == nil {
			tied[w] = make([]Brokerage, n)
		}
		cb, ci := lab[b], lab[i]
		t, tb, ti := c.commonByGroup(int(i), lab, cb, ci, gb)
		if t == 0 {
			return
		}
		rb, ri := &tied[w][b], &tied[w][i]
		if cb == ci {
			rb.Coordinator += tb
			rb.Representative += t - tb
			ri.Coordinator += tb
			ri.Representative += t - tb
			return
		}
		rb.Gatekeeper += tb
		rb.Itinerant += ti
		rb.Liaison += t - tb - ti
		ri.Gatekeeper += ti
		ri.Itinerant += tb
		ri.Liaison += t - ti - tb
	})
	if err != nil {
		return nil, err
	}
	out := make([]Brokerage, n)
	cnt := make([]int, p.K) // partners per group
	var touched []int
	for b := 0; b < n; b++ {
		nb := g.Neighbors(b)
		if len(nb) < 2 {
			continue
		}
		cb := lab[b]
		touched = touched[:0]
		for _, i := range nb {
			l := lab[i]
			if cnt[l] == 0 {
				touched = append(touched, l)
			}
			cnt[l]++
		}
		d, nc := len(nb), cnt[cb]
		itin := 0
		for _, l := range touched {
			if l != cb {
				itin += cnt[l] * (cnt[l] - 1)
			}
			cnt[l] = 0
		}
		r := Brokerage{
			Coordinator:    nc * (nc - 1),
			Representative: nc * (d - nc),
			Gatekeeper:     nc * (d - nc),
			Itinerant:      itin,
		}
		r.Liaison = d*(d-1) - r.Coordinator - r.Representative - r.Gatekeeper - r.Itinerant
		for _, tw := range tied {
			if tw != nil {
				x := tw[b]
				r.Coordinator -= x.Coordinator
				r.Representative -= x.Representative
				r.Gatekeeper -= x.Gatekeeper
				r.Itinerant -= x.Itinerant
				r.Liaison -= x.Liaison
			}
		}
		out[b] = r
	}
	return out, nil
}

// Constraint returns Burt's network constraint of every node on the
// weighted network,
//
//	c_i = Σ_{j ∈ N(i)} ( p_ij + Σ_{q ∈ N(i)} p_iq p_qj )²,  p_ij = w_ij / s_i
//
// where s_i is i's strength (R. S. Burt, Structural Holes, Harvard
// University Press, 1992, ch. 2; doi:10.4159/9780674029095). It matches
// NetworkX constraint(G, weight="weight"). Isolates get NaN (constraint
// is undefined without contacts), as in NetworkX. It is
// BurtMeasures(g).Constraint; call BurtMeasures for several measures.
func Constraint(g *Network) []float64 { return BurtMeasures(g).Constraint }

// EffectiveSize returns Burt's effective size of every node on the
// weighted network,
//
//	e_i = Σ_{j ∈ N(i)} ( 1 - Σ_{q ∈ N(i)} p_iq m_jq ),  m_jq = w_jq / max_k w_jk
//
// the number of contacts less their redundancy (Burt 1992, ch. 2). It
// matches NetworkX effective_size(G, weight="weight"); on an unweighted
// network it equals Borgatti's n - 2t/n (Connections 20(1), 35-38, 1997).
// Isolates get NaN, as in NetworkX. It is BurtMeasures(g).EffectiveSize.
func EffectiveSize(g *Network) []float64 { return BurtMeasures(g).EffectiveSize }

// groupBitsBudget is the largest number of words BrokerageRoles spends on
// group bitsets (64 MiB); a variable so that tests can lower it.
var groupBitsBudget = 1 << 23
