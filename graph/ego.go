package graph

import (
	"math"
	"runtime"
)

// Ego-network measures: Burt's structural holes (constraint, effective
// size, efficiency, hierarchy) and the sector heterogeneity of each
// organization's partners.
//
// The structural-hole measures sum over the wedges q-i-j of each node i,
// Σ_i d_i² terms, n³ on a complete network. They are computed on the
// quotient of the network by its weighted closed twins (see twinClasses):
// members of one class have the same partners with the same weights, so
// they have the same values, and a class's wedges stand for many wedges
// of its members at once. A forum of 5,000 members with nothing else is
// one class of 5,000 twins, computed in one step. Without twins the sums
// run in exactly the order of the plain kernel and give the same bits.

// egoNet is a network or its quotient by weighted closed twins, with each
// class's strength and largest tie weight.
type egoNet struct {
	q     *Network  // over classes
	size  []int32   // members per class
	loop  []float64 // weight between two members of a class (size > 1)
	class []int32   // node -> class; nil when classes are nodes
	str   []float64 // strength of a member
	maxw  []float64 // largest tie weight of a member
}

func newEgoNet(g *Network) *egoNet {
	e := &egoNet{q: g}
	if tw := findTwins(g, true); tw != nil {
		e.q, e.size, e.loop, e.class = tw.q, tw.size, tw.loop, tw.class
	} else {
		e.size = make([]int32, g.N())
		for i := range e.size {
			e.size[i] = 1
		}
		e.loop = make([]float64, g.N())
	}
	k := e.q.N()
	e.str = make([]float64, k)
	e.maxw = make([]float64, k)
	for c := 0; c < k; c++ {
		s := float64(e.size[c]-1) * e.loop[c]
		m := 0.0
		if e.size[c] > 1 {
			m = e.loop[c]
		}
		ws := e.q.Weights(c)
		for x, d := range e.q.Neighbors(c) {
			s += float64(e.size[d]) * ws[x]
			m = max(m, ws[x])
		}
		e.str[c], e.maxw[c] = s, m
	}
	return e
}

// spread copies per-class values to the nodes.
func (e *egoNet) spread(v []float64) []float64 {
	if e.class == nil {
		return v
	}
	out := make([]float64, len(e.class))
	for i, c := range e.class {
		out[i] = v[c]
	}
	return out
}

// egoEntry is one class among the partners of a member of class A: its
// class, the tie weight and how many partners it holds.
type egoEntry struct {
	c    int32
	w    float64
	mult float64
}

// egoScratch is one worker's buffers: the partner classes of the current
// class and, per class, its position among them.
type egoScratch struct {
	ent  []egoEntry
	acc  [2][]float64 // per-partner-class accumulators, zeroed by partners
	mark []int32      // class -> A+1 when it is a partner class of A
	pos  []int32
}

func (e *egoNet) newScratch() *egoScratch {
	k := e.q.N()
	return &egoScratch{mark: make([]int32, k), pos: make([]int32, k)}
}

// partners fills s.ent with the partner classes of a member of class a:
// its own class first when it has other members, then the quotient
// neighbours in order.
func (e *egoNet) partners(a int, s *egoScratch) {
	s.ent = s.ent[:0]
	if e.size[a] > 1 {
		s.ent = append(s.ent, egoEntry{int32(a), e.loop[a], float64(e.size[a] - 1)})
	}
	ws := e.q.Weights(a)
	for x, c := range e.q.Neighbors(a) {
		s.ent = append(s.ent, egoEntry{c, ws[x], float64(e.size[c])})
	}
	for x, en := range s.ent {
		s.mark[en.c] = int32(a) + 1
		s.pos[en.c] = int32(x)
	}
	for k := range s.acc {
		if cap(s.acc[k]) < len(s.ent) {
			s.acc[k] = make([]float64, len(s.ent), 2*len(s.ent))
		}
		s.acc[k] = s.acc[k][:len(s.ent)]
		clear(s.acc[k])
	}
}

// wedges calls f(jx, qx, cnt, wqj, x) for every pair of partner classes
// J = s.ent[jx], Q = s.ent[qx] of a member i of class a whose members are
// tied (wqj the weight of that tie, x its index in e.q.W, or -1 for the
// tie between two members of Q), cnt the number of members q of Q tied to
// a given member j of J other than i and j: |Q| less one for each of i
// and j in Q. Pairs come in the order of Q, then of Q's partners.
func (e *egoNet) wedges(a int, s *egoScratch, f func(jx, qx int, cnt, wqj float64, x int)) {
	for qx, en := range s.ent {
		q := int(en.c)
		base := float64(e.size[q])
		if q == a {
			base--
		}
		if cnt := base - 1; cnt > 0 { // j and q both in Q
			f(int(s.pos[q]), qx, cnt, e.loop[q], -1)
		}
		if base <= 0 {
			continue
		}
		for x := e.q.Off[q]; x < e.q.Off[q+1]; x++ {
			if c := e.q.Adj[x]; s.mark[c] == int32(a)+1 {
				f(int(s.pos[c]), qx, base, e.q.W[x], x)
			}
		}
	}
}

// forClasses runs f over every class on GOMAXPROCS goroutines, each with
// its own scratch. f writes only its class's results, so the values do
// not depend on the number of goroutines.
func (e *egoNet) forClasses(f func(a int, s *egoScratch)) {
	k := e.q.N()
	workers := runtime.GOMAXPROCS(0)
	ss := make([]*egoScratch, workers)
	const block = 64
	parallelForWorkers((k+block-1)/block, workers, func(w, b int) {
		if ss[w] == nil {
			ss[w] = e.newScratch()
		}
		for a := b * block; a < min(k, (b+1)*block); a++ {
			f(a, ss[w])
		}
	})
}

// StructuralHoles holds Burt's structural-hole measures of every node.
type StructuralHoles struct {
	Constraint    []float64
	EffectiveSize []float64
	Efficiency    []float64
	Hierarchy     []float64
}

// BurtMeasures returns Burt's structural-hole measures of every node on
// the weighted network (R. S. Burt, Structural Holes, Harvard University
// Press, 1992, ch. 2, doi:10.4159/9780674029095), with p_ij = w_ij / s_i
// the share of i's tie strength s_i spent on j and m_jq = w_jq / max_k
// w_jk:
//
//	constraint      c_i = Σ_j c_ij,  c_ij = ( p_ij + Σ_{q≠i,j} p_iq p_qj )²
//	effective size  e_i = Σ_j ( 1 - Σ_{q≠i,j} p_iq m_jq )
//	efficiency      e_i / d_i
//	hierarchy       h_i = Σ_j r_ij ln r_ij / (d_i ln d_i),  r_ij = c_ij / (c_i / d_i)
//
// with j and q over i's d_i partners. Constraint and effective size match
// NetworkX constraint and effective_size (weight="weight"); on an
// unweighted network effective size is Borgatti's d - 2t/d (Connections
// 20(1), 35-38, 1997). Efficiency is UCINET's Efficie (effective size per
// contact). Hierarchy is Burt's (1992, p. 70-71), the Coleman-Theil
// disorder of the contacts' constraints: 0 when every contact constrains
// i equally, towards 1 when one contact holds all of it; NetworkX has no
// hierarchy, it is checked against the formula evaluated independently
// (testdata/structure_ref.py). Isolates get NaN in every measure (no
// contacts), as in NetworkX; hierarchy is NaN for one contact too (d ln d
// is 0).
func BurtMeasures(g *Network) StructuralHoles {
	e := newEgoNet(g)
	k := e.q.N()
	con, eff, effi, hier := make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k)
	e.forClasses(func(a int, s *egoScratch) {
		e.partners(a, s)
		if len(s.ent) == 0 {
			con[a], eff[a], effi[a], hier[a] = math.NaN(), math.NaN(), math.NaN(), math.NaN()
			return
		}
		ind, red := s.acc[0], s.acc[1] // Σ_q p_iq p_qj and Σ_q p_iq m_jq per partner class
		sa := e.str[a]
		e.wedges(a, s, func(jx, qx int, cnt, wqj float64, _ int) {
			q, j := s.ent[qx].c, s.ent[jx].c
			piq := cnt * (s.ent[qx].w / sa)
			ind[jx] += piq * (wqj / e.str[q])
			red[jx] += piq * (wqj / e.maxw[j])
		})
		c, es, deg := 0.0, 0.0, 0.0
		for x, en := range s.ent {
			v := en.w/sa + ind[x]
			c += en.mult * (v * v)
			es += en.mult * (1 - red[x])
			deg += en.mult
		}
		con[a], eff[a], effi[a] = c, es, es/deg
		hier[a] = math.NaN()
		if deg > 1 && c > 0 {
			h := 0.0
			for x, en := range s.ent {
				v := en.w/sa + ind[x]
				if r := v * v / (c / deg); r > 0 {
					h += en.mult * r * math.Log(r)
				}
			}
			hier[a] = h / (deg * math.Log(deg))
		}
	})
	return StructuralHoles{
		Constraint:    e.spread(con),
		EffectiveSize: e.spread(eff),
		Efficiency:    e.spread(effi),
		Hierarchy:     e.spread(hier),
	}
}

// PartnerHeterogeneity returns, for every node, Blau's heterogeneity and
// the index of qualitative variation of its partners' groups (P. M. Blau,
// Inequality and Heterogeneity, Free Press, 1977; J. E. Mueller and K. F.
// Schuessler, Statistical Reasoning in Sociology, 1961): with p_k the
// share of the node's partners in group k (each partner once, weights
// ignored),
//
//	Blau = 1 - Σ_k p_k²,   IQV = Blau / (1 - 1/K)
//
// over the K groups of the partition (K = p.K, whether or not they occur
// among the partners): 0 when every partner is in one group; IQV 1 when
// the partners are spread evenly over all K. The node's own group does
// not count. Isolates get NaN in both; IQV is NaN for K < 2. These are
// Blau and IQV (stats.go) of the partners' composition.
func PartnerHeterogeneity(g *Network, p Groups) (blau, iqv []float64) {
	p.check(g.N())
	n := g.N()
	blau, iqv = make([]float64, n), make([]float64, n)
	cnt := make([]int, p.K)
	var touched []int
	shares := make([]float64, 0, p.K)
	for i := 0; i < n; i++ {
		nb := g.Neighbors(i)
		if len(nb) == 0 {
			blau[i], iqv[i] = math.NaN(), math.NaN()
			continue
		}
		touched = touched[:0]
		for _, j := range nb {
			l := p.Label[j]
			if cnt[l] == 0 {
				touched = append(touched, l)
			}
			cnt[l]++
		}
		shares = shares[:0]
		for _, l := range touched {
			shares = append(shares, float64(cnt[l])/float64(len(nb)))
			cnt[l] = 0
		}
		blau[i] = Blau(shares)
		iqv[i] = IQV(shares, p.K)
	}
	return blau, iqv
}
