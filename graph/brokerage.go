package graph

import "math"

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
func BrokerageRoles(g *Network, p Groups) []Brokerage {
	p.check(g.N())
	n := g.N()
	out := make([]Brokerage, n)
	mark := make([]int32, n) // mark[x] == i+1: x is a neighbour of i
	for b := 0; b < n; b++ {
		nb := g.Neighbors(b)
		if len(nb) < 2 {
			continue
		}
		r := &out[b]
		cb := p.Label[b]
		for _, i := range nb {
			for _, x := range g.Neighbors(int(i)) {
				mark[x] = i + 1
			}
			ci := p.Label[i]
			for _, k := range nb {
				if k == i || mark[k] == i+1 {
					continue
				}
				ck := p.Label[k]
				switch {
				case cb == ci && cb == ck:
					r.Coordinator++
				case cb == ci:
					r.Representative++
				case cb == ck:
					r.Gatekeeper++
				case ci == ck:
					r.Itinerant++
				default:
					r.Liaison++
				}
			}
		}
	}
	return out
}

// Constraint returns Burt's network constraint of every node on the
// weighted network,
//
//	c_i = Σ_{j ∈ N(i)} ( p_ij + Σ_{q ∈ N(i)} p_iq p_qj )²,  p_ij = w_ij / s_i
//
// where s_i is i's strength (R. S. Burt, Structural Holes, Harvard
// University Press, 1992, ch. 2; doi:10.4159/9780674029095). It matches
// NetworkX constraint(G, weight="weight"). Isolates get NaN (constraint
// is undefined without contacts), as in NetworkX.
func Constraint(g *Network) []float64 {
	n := g.N()
	c := make([]float64, n)
	str := Strength(g)
	indirect := make([]float64, n)
	mark := make([]int32, n)
	for i := 0; i < n; i++ {
		nb, ws := g.Neighbors(i), g.Weights(i)
		if len(nb) == 0 {
			c[i] = math.NaN()
			continue
		}
		for _, j := range nb {
			mark[j] = int32(i) + 1
			indirect[j] = 0
		}
		for e, q := range nb {
			piq := ws[e] / str[i]
			qn, qw := g.Neighbors(int(q)), g.Weights(int(q))
			for f, j := range qn {
				if mark[j] == int32(i)+1 {
					indirect[j] += piq * (qw[f] / str[q])
				}
			}
		}
		s := 0.0
		for e, j := range nb {
			x := ws[e]/str[i] + indirect[j]
			s += x * x
		}
		c[i] = s
	}
	return c
}

// EffectiveSize returns Burt's effective size of every node on the
// weighted network,
//
//	e_i = Σ_{j ∈ N(i)} ( 1 - Σ_{q ∈ N(i)} p_iq m_jq ),  m_jq = w_jq / max_k w_jk
//
// the number of contacts less their redundancy (Burt 1992, ch. 2). It
// matches NetworkX effective_size(G, weight="weight"); on an unweighted
// network it equals Borgatti's n - 2t/n (Connections 20(1), 35-38, 1997).
// Isolates get NaN, as in NetworkX.
func EffectiveSize(g *Network) []float64 {
	n := g.N()
	es := make([]float64, n)
	str := Strength(g)
	maxw := make([]float64, n)
	for i := 0; i < n; i++ {
		for _, w := range g.Weights(i) {
			maxw[i] = max(maxw[i], w)
		}
	}
	red := make([]float64, n)
	mark := make([]int32, n)
	for i := 0; i < n; i++ {
		nb, ws := g.Neighbors(i), g.Weights(i)
		if len(nb) == 0 {
			es[i] = math.NaN()
			continue
		}
		for _, j := range nb {
			mark[j] = int32(i) + 1
			red[j] = 0
		}
		for e, q := range nb {
			piq := ws[e] / str[i]
			qn, qw := g.Neighbors(int(q)), g.Weights(int(q))
			for f, j := range qn {
				if mark[j] == int32(i)+1 {
					red[j] += piq * (qw[f] / maxw[j])
				}
			}
		}
		s := 0.0
		for _, j := range nb {
			s += 1 - red[j]
		}
		es[i] = s
	}
	return es
}
