package graph

import "math"

// withinCounter counts the ties within groups of a network under many
// relabelings of its nodes (the permutation tests), each node in the
// cheapest of three ways: over its row (d_i steps), over the nodes it is
// not tied to (n-1-d_i steps, for nodes tied to nearly everyone), or as a
// popcount of its row's bitset and its group's (⌈n/64⌉ words). A complete
// network of 5,000 then costs 5,000 steps per relabeling instead of 25
// million.
type withinCounter struct {
	g     *Network
	n     int
	a     *adjBits
	comp  [][]int32 // nodes not tied to i (i excluded), or nil
	useB  []bool    // count i with its bitset
	words int
	anyB  bool
}

// newWithinCounter prepares the counts for labels of k groups; bitsets
// are used only when k group bitsets fit in budget words.
func newWithinCounter(g *Network, k, budget int) *withinCounter {
	n := g.N()
	c := &withinCounter{g: g, n: n, a: newAdjBits(g), comp: make([][]int32, n), useB: make([]bool, n)}
	c.words = c.a.words
	bitsOK := c.a.bits != nil && k*c.words <= budget
	for i := 0; i < n; i++ {
		d := g.Degree(i)
		cost := d
		if bitsOK && c.a.of(i) != nil && c.words+k*c.words/n < cost {
			cost = c.words
			c.useB[i] = true
		}
		if n-1-d < cost {
			c.useB[i] = false
			row := g.Neighbors(i)
			comp := make([]int32, 0, n-1-d)
			x := 0
			for j := int32(0); j < int32(n); j++ {
				if x < len(row) && row[x] == j {
					x++
					continue
				}
				if j != int32(i) {
					comp = append(comp, j)
				}
			}
			c.comp[i] = comp
		}
		if c.useB[i] {
			c.anyB = true
		}
	}
	return c
}

// withinScratch is one worker's buffers for withinCounter.
type withinScratch struct {
	size []int      // nodes per group
	bits [][]uint64 // group bitsets when needed
}

func (c *withinCounter) newScratch(k int) *withinScratch {
	s := &withinScratch{size: make([]int, k)}
	if c.anyB {
		s.bits = make([][]uint64, k)
		for g := range s.bits {
			s.bits[g] = make([]uint64, c.words)
		}
	}
	return s
}

// internal returns the number of ties between nodes of one group under
// the labels lab.
func internalTies[L uint8 | int32](c *withinCounter, lab []L, s *withinScratch) int {
	clear(s.size)
	for _, l := range lab {
		s.size[l]++
	}
	if s.bits != nil {
		for _, b := range s.bits {
			clear(b)
		}
		for i, l := range lab {
			s.bits[l][i>>6] |= 1 << (i & 63)
		}
	}
	g := c.g
	in := 0 // ordered pairs
	for i, li := range lab {
		switch {
		case c.comp[i] != nil:
			x := s.size[li] - 1
			for _, j := range c.comp[i] {
				x -= b2i(lab[j] == li)
			}
			in += x
		case c.useB[i]:
			in += andCount(c.a.of(i), s.bits[li])
		default:
			for _, j := range g.Adj[g.Off[i]:g.Off[i+1]] {
				in += b2i(lab[j] == li)
			}
		}
	}
	return in / 2
}

// SegregationIndex holds the segregation and homophily indices of a
// network, or of one group in it (see Segregation for the definitions).
type SegregationIndex struct {
	Internal, External      int     // ties within the group(s), and leaving them
	WithinPairs, CrossPairs float64 // pairs of nodes within, and across
	Coleman                 float64
	Freeman                 float64
	ORWG                    float64
	YuleQ                   float64
	EI                      float64 // Krackhardt and Stern's E-I over ties
	EIWeighted              float64 // E-I over tie weights
	EIMin, EIMax            float64 // the E-I range the group sizes and ties allow
	EIRescaled              float64 // E-I rescaled to that range, -1..1
	SSI                     float64 // mean spectral segregation of the nodes
}

// Segregation holds the indices of the whole network, of each group, and
// each node's spectral segregation index.
type Segregation struct {
	Overall SegregationIndex
	Groups  []SegregationIndex
	NodeSSI []float64
}

// SegregationIndices returns the segregation and homophily indices of the
// partition p of g, for the network and for each group. With n_k the
// nodes of group k, N all nodes, I_k the ties within k, E_k the ties with
// one end in k, M all ties, W = Σ_k C(n_k,2) the pairs within groups and
// B = C(N,2) - W the pairs across (for one group: W_k = C(n_k,2), B_k =
// n_k(N-n_k); weights ignored except in EIWeighted):
//
//   - Coleman's homophily index (J. S. Coleman, Relational analysis: the
//     study of social organizations with survey methods, Human
//     Organization 17(4), 28-36 (1958)), as R netseg coleman on the
//     ties in both directions: with s_k = 2I_k + E_k the tie ends of k and
//     x_k = s_k (n_k-1)/(N-1) the ends expected inside k if partners were
//     chosen at random, C_k = (2I_k - x_k)/(s_k - x_k) when 2I_k > x_k,
//     else (2I_k - x_k)/x_k: 1 all ties inside, 0 as random, -1 none
//     inside. The network's value pools the groups (Σ 2I_k, Σ s_k, Σ x_k).
//   - Freeman's segregation index (L. C. Freeman, Segregation in social
//     networks, Sociol. Methods Res. 6(4), 411-429 (1978),
//     doi:10.1177/004912417800600401), as netseg freeman: with the cross
//     ties expected at random X = M B / C(N,2), S = (X - E)/X: 1 no cross
//     ties, 0 as many as random, negative more (Freeman truncated at 0;
//     netseg and this do not). For a group, the same over the ties and
//     pairs that involve it: X_k = (I_k + E_k) B_k / (W_k + B_k).
//   - The odds ratio of within-group ties (J. Moody, Race, school
//     integration, and friendship segregation in America, Am. J. Sociol.
//     107(3), 679-716 (2001), doi:10.1086/338954), as netseg orwg: the
//     odds that a pair within a group is tied over the odds for a pair
//     across, I(B-E) / ((W-I)E); +Inf without cross ties, NaN when
//     undefined.
//   - Yule's Q of the same 2×2 table of pairs, (OR-1)/(OR+1), in -1..1.
//   - The E-I index (Krackhardt and Stern 1988) over ties, and over tie
//     weights, (E_w - I_w)/(E_w + I_w).
//   - The rescaled E-I: M ties and the group sizes allow E between
//     max(0, M-W) and min(M, B), so E-I between EIMin and EIMax;
//     2(EI - EIMin)/(EIMax - EIMin) - 1 maps that range onto -1..1, as
//     UCINET rescales E-I for the density and group sizes. For a group,
//     the same with its ties I_k + E_k and pairs W_k, B_k.
//   - The spectral segregation index (F. Echenique and R. G. Fryer, A
//     measure of segregation based on social interactions, Q. J. Econ.
//     122(2), 441-485 (2007), doi:10.1162/qjec.122.2.441), as netseg ssi:
//     with every tie of node i weighted 1/d_i, each connected component of
//     a group's own ties has the largest eigenvalue λ of its weight matrix
//     and its eigenvector v; a node's SSI is λ v_i / mean(v). A group's
//     and the network's SSI are the means over their nodes.
//
// Every index is NaN where its denominator is 0 (a group without ties, a
// single group, no ties). Isolates count in the group sizes, have no
// ties, and have SSI 0.
func SegregationIndices(g *Network, p Groups) Segregation {
	p.check(g.N())
	n := g.N()
	sizes := p.Sizes()
	res := Segregation{Groups: make([]SegregationIndex, p.K)}
	in := make([]int, p.K)
	ex := make([]int, p.K)
	inW := make([]float64, p.K)
	exW := make([]float64, p.K)
	var I, E int
	var IW, EW float64
	forEachTie(g, func(u, v int, w float64) {
		a, b := p.Label[u], p.Label[v]
		if a == b {
			in[a]++
			inW[a] += w
			I++
			IW += w
		} else {
			ex[a]++
			ex[b]++
			exW[a] += w
			exW[b] += w
			E++
			EW += w
		}
	})
	N := float64(n)
	allPairs := N * (N - 1) / 2
	W := 0.0
	var ends, endsIn, expIn float64
	for k, s := range sizes {
		nk := float64(s)
		W += nk * (nk - 1) / 2
		sk := float64(2*in[k] + ex[k])
		xk := 0.0
		if n > 1 {
			xk = sk * (nk - 1) / (N - 1)
		}
		ends += sk
		endsIn += float64(2 * in[k])
		expIn += xk
		gi := &res.Groups[k]
		gi.Internal, gi.External = in[k], ex[k]
		gi.WithinPairs, gi.CrossPairs = nk*(nk-1)/2, nk*(N-nk)
		gi.Coleman = coleman(float64(2*in[k]), sk, xk)
		fillPairIndices(gi, float64(in[k]), float64(ex[k]), inW[k], exW[k])
	}
	o := &res.Overall
	o.Internal, o.External = I, E
	o.WithinPairs, o.CrossPairs = W, allPairs-W
	o.Coleman = coleman(endsIn, ends, expIn)
	fillPairIndices(o, float64(I), float64(E), IW, EW)
	res.NodeSSI = spectralSegregation(g, p)
	sum := make([]float64, p.K)
	total := 0.0
	for i, x := range res.NodeSSI {
		sum[p.Label[i]] += x
		total += x
	}
	for k, s := range sizes {
		res.Groups[k].SSI = math.NaN()
		if s > 0 {
			res.Groups[k].SSI = sum[k] / float64(s)
		}
	}
	o.SSI = math.NaN()
	if n > 0 {
		o.SSI = total / N
	}
	return res
}

// coleman is netseg's Coleman index from the tie ends inside the group,
// all its tie ends and the ends expected inside.
func coleman(inside, ends, expected float64) float64 {
	if inside > expected {
		return (inside - expected) / (ends - expected)
	}
	if expected == 0 {
		return math.NaN()
	}
	return (inside - expected) / expected
}

// fillPairIndices sets the indices that come from the 2×2 table of pairs
// (within or across, tied or not) and the E-I indices, from x's pair
// counts and the ties i within and e across (wi, we their weights).
func fillPairIndices(x *SegregationIndex, i, e, wi, we float64) {
	nan := math.NaN()
	W, B := x.WithinPairs, x.CrossPairs
	t := i + e
	x.Freeman, x.ORWG, x.YuleQ, x.EI, x.EIWeighted = nan, nan, nan, nan, nan
	x.EIMin, x.EIMax, x.EIRescaled = nan, nan, nan
	if t > 0 && B > 0 {
		exp := t * B / (W + B)
		x.Freeman = (exp - e) / exp
	}
	num, den := i*(B-e), (W-i)*e
	switch {
	case den > 0:
		x.ORWG = num / den
	case num > 0:
		x.ORWG = math.Inf(1)
	}
	if num+den > 0 {
		x.YuleQ = (num - den) / (num + den)
	}
	if t > 0 {
		x.EI = (e - i) / t
		lo, hi := max(0, t-W), min(t, B)
		x.EIMin, x.EIMax = (2*lo-t)/t, (2*hi-t)/t
		if x.EIMax > x.EIMin {
			x.EIRescaled = 2*(x.EI-x.EIMin)/(x.EIMax-x.EIMin) - 1
		}
	}
	if wi+we > 0 {
		x.EIWeighted = (we - wi) / (we + wi)
	}
}

// spectralSegregation returns every node's spectral segregation index
// (see SegregationIndices). The weight matrix of a component of a
// group's ties, B_ij = 1/d_i (d_i the node's degree in the whole
// network), is similar to the symmetric S = D^(-1/2) A D^(-1/2), whose
// Perron vector u gives B's as v = D^(-1/2) u.
func spectralSegregation(g *Network, p Groups) []float64 {
	n := g.N()
	ssi := make([]float64, n)
	var es []Edge
	forEachTie(g, func(u, v int, _ float64) {
		if p.Label[u] == p.Label[v] {
			w := 1 / math.Sqrt(float64(g.Degree(u))*float64(g.Degree(v)))
			es = append(es, Edge{U: u, V: v, W: w})
		}
	})
	h := NewNetwork(n, es)
	label, count := h.Components()
	members := make([][]int32, count)
	for v, l := range label {
		members[l] = append(members[l], int32(v))
	}
	for _, ms := range members {
		if len(ms) < 2 {
			continue // a lone node: the 1×1 zero matrix, SSI 0
		}
		lam, u, _ := perron(h, ms)
		mean := 0.0
		v := make([]float64, len(ms))
		for k, x := range ms {
			v[k] = u[k] / math.Sqrt(float64(g.Degree(int(x))))
			mean += v[k]
		}
		mean /= float64(len(ms))
		for k, x := range ms {
			ssi[x] = lam * v[k] / mean
		}
	}
	return ssi
}
