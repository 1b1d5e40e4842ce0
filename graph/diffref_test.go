package graph

// Plain, obviously correct references for the differential tests
// (diff_test.go). Each is the textbook algorithm or the definition as the
// reference tool (NetworkX, R sna) writes it, on adjacency lists or dense
// matrices built from g.Edges(), sharing no code with the kernels: no twin
// quotient, no direction switching, no blocks, no workers. They are slow
// (O(n²) or O(n³)) and meant for graphs of at most a few hundred nodes.

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// plainGraph is an adjacency-list copy of a network.
type plainGraph struct {
	n   int
	nbr [][]int
	w   [][]float64 // tie weights, parallel to nbr
	W   [][]float64 // dense weight matrix, 0 for no tie
}

func toPlain(g *Network) *plainGraph {
	n := g.N()
	p := &plainGraph{n: n, nbr: make([][]int, n), w: make([][]float64, n), W: make([][]float64, n)}
	for i := range p.W {
		p.W[i] = make([]float64, n)
	}
	for _, e := range g.Edges() {
		p.nbr[e.U] = append(p.nbr[e.U], e.V)
		p.w[e.U] = append(p.w[e.U], e.W)
		p.nbr[e.V] = append(p.nbr[e.V], e.U)
		p.w[e.V] = append(p.w[e.V], e.W)
		p.W[e.U][e.V] = e.W
		p.W[e.V][e.U] = e.W
	}
	return p
}

// refSums are the raw sums of Brandes' algorithm from every source.
type refSums struct {
	delta []float64 // Σ_s δ_s(v): twice the pair dependencies of v
	far   []float64 // Σ_t d(s,t) over the nodes s reaches
	reach []int     // nodes s reaches, s included
	dist  [][]float64
	sigma [][]float64
}

// refBrandes is Algorithm 1 of U. Brandes (2001), doi:10.1080/0022250X.2001.9990249:
// a breadth-first search (hops) or Dijkstra's algorithm (length 1/w, the
// unsettled node of smallest distance picked by a linear scan, ties to the
// lowest index) from every source, keeping predecessor lists, then the
// dependencies accumulated in reverse order of settling. Distances are
// the float sums d(v) + 1/w, compared with ==, as NetworkX does.
func refBrandes(p *plainGraph, weighted bool) refSums {
	n := p.n
	r := refSums{delta: make([]float64, n), far: make([]float64, n), reach: make([]int, n),
		dist: make([][]float64, n), sigma: make([][]float64, n)}
	for s := 0; s < n; s++ {
		dist := make([]float64, n)
		for i := range dist {
			dist[i] = math.Inf(1)
		}
		sigma := make([]float64, n)
		pred := make([][]int, n)
		var order []int // settled nodes, nondecreasing distance
		dist[s], sigma[s] = 0, 1
		if !weighted {
			queue := []int{s}
			for len(queue) > 0 {
				v := queue[0]
				queue = queue[1:]
				order = append(order, v)
				for _, w := range p.nbr[v] {
					if math.IsInf(dist[w], 1) {
						dist[w] = dist[v] + 1
						queue = append(queue, w)
					}
					if dist[w] == dist[v]+1 {
						sigma[w] += sigma[v]
						pred[w] = append(pred[w], v)
					}
				}
			}
		} else {
			settled := make([]bool, n)
			for {
				v := -1
				for u := 0; u < n; u++ {
					if !settled[u] && !math.IsInf(dist[u], 1) && (v < 0 || dist[u] < dist[v]) {
						v = u
					}
				}
				if v < 0 {
					break
				}
				settled[v] = true
				order = append(order, v)
				for k, w := range p.nbr[v] {
					if settled[w] {
						continue
					}
					alt := dist[v] + 1/p.w[v][k]
					switch {
					case alt < dist[w]:
						dist[w] = alt
						sigma[w] = sigma[v]
						pred[w] = []int{v}
					case alt == dist[w]:
						sigma[w] += sigma[v]
						pred[w] = append(pred[w], v)
					}
				}
			}
		}
		delta := make([]float64, n)
		for i := len(order) - 1; i >= 0; i-- {
			w := order[i]
			for _, v := range pred[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			if w != s {
				r.delta[w] += delta[w]
			}
		}
		for _, v := range order {
			r.far[s] += dist[v]
		}
		r.reach[s] = len(order)
		r.dist[s], r.sigma[s] = dist, sigma
	}
	return r
}

// refBetweenness is NetworkX betweenness_centrality(G, normalized=True)
// on an undirected graph: the sums over sources (each unordered pair seen
// from both ends) times 1/((n-1)(n-2)); unscaled (all 0) for n <= 2.
func refBetweenness(r refSums) []float64 {
	n := len(r.delta)
	b := make([]float64, n)
	for v, d := range r.delta {
		b[v] = d
		if n > 2 {
			b[v] = d / float64((n-1)*(n-2))
		}
	}
	return b
}

// refCloseness is NetworkX closeness_centrality(G, wf_improved=True):
// (r-1)/Σd × (r-1)/(n-1), 0 when Σd = 0.
func refCloseness(r refSums) []float64 {
	n := len(r.far)
	c := make([]float64, n)
	for v := range c {
		if r.far[v] > 0 && n > 1 {
			k := float64(r.reach[v] - 1)
			c[v] = k / r.far[v] * k / float64(n-1)
		}
	}
	return c
}

// refTwoMode is NetworkX's bipartite degree_centrality,
// betweenness_centrality and closeness_centrality with the organizations
// (0..orgs-1) as `nodes`, written out as networkx/algorithms/bipartite/
// centrality.py writes them (Borgatti and Everett 1997), on the bipartite
// graph built here from the membership pairs. NetworkX divides by a zero
// betweenness maximum (ZeroDivisionError); the reference gives 0 there.
func refTwoMode(orgs, groups int, pairs [][2]int) (deg, bet, clo []float64) {
	var es []Edge
	seen := map[[2]int]bool{}
	for _, pr := range pairs {
		if !seen[pr] {
			seen[pr] = true
			es = append(es, Edge{U: pr[0], V: orgs + pr[1], W: 1})
		}
	}
	p := toPlain(NewNetwork(orgs+groups, es))
	r := refBrandes(p, false)
	n, m := float64(orgs), float64(groups)
	tot := orgs + groups
	deg, bet, clo = make([]float64, tot), make([]float64, tot), make([]float64, tot)
	betMax := func(n, m int) float64 {
		if m == 0 {
			return 0
		}
		s, t := (n-1)/m, (n-1)%m
		return float64(m*m*(s+1)*(s+1)+m*(s+1)*(2*t-s-1)-t*(2*s-t+3)) / 2
	}
	maxTop, maxBot := betMax(orgs, groups), betMax(groups, orgs)
	for v := 0; v < tot; v++ {
		top := v < orgs
		d := float64(len(p.nbr[v]))
		if top {
			deg[v] = d / m
		} else {
			deg[v] = d / n
		}
		raw := r.delta[v] / 2 // normalized=False halves on undirected graphs
		mx := maxBot
		if top {
			mx = maxTop
		}
		if mx != 0 {
			bet[v] = raw / mx
		}
		if r.far[v] > 0 && tot > 1 {
			if top {
				clo[v] = (m + 2*(n-1)) / r.far[v]
			} else {
				clo[v] = (n + 2*(m-1)) / r.far[v]
			}
			clo[v] *= float64(r.reach[v]-1) / float64(tot-1)
		}
	}
	return deg, bet, clo
}

// refComponents labels the components of p by breadth-first search, in
// order of lowest node.
func refComponents(p *plainGraph) [][]int {
	seen := make([]bool, p.n)
	var comps [][]int
	for s := 0; s < p.n; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		c := []int{s}
		for i := 0; i < len(c); i++ {
			for _, u := range p.nbr[c[i]] {
				if !seen[u] {
					seen[u] = true
					c = append(c, u)
				}
			}
		}
		slices.Sort(c)
		comps = append(comps, c)
	}
	return comps
}

// refEigen returns, per component, the leading eigenvalue and unit
// non-negative eigenvector (indexed like the component's sorted nodes) of
// its dense weighted adjacency matrix, by gonum's symmetric
// eigendecomposition.
func refEigen(p *plainGraph, comp []int) (float64, []float64) {
	k := len(comp)
	a := mat.NewSymDense(k, nil)
	for i, u := range comp {
		for j, v := range comp {
			if j >= i {
				a.SetSym(i, j, p.W[u][v])
			}
		}
	}
	var es mat.EigenSym
	if !es.Factorize(a, true) {
		panic("reference eigendecomposition failed")
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	top := len(vals) - 1 // ascending
	x := make([]float64, k)
	mat.Col(x, top, &vecs)
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	for i := range x {
		if sum < 0 {
			x[i] = -x[i]
		}
	}
	return vals[top], x
}

// refPageRank solves the PageRank equations exactly (to round-off) by LU:
//
//	x = α M x + (1-α)/n 1,  M_ji = w_ij/s_i (s_i > 0), 1/n (s_i = 0),
//
// NetworkX's pagerank (weighted, dangling nodes spread uniformly) at its
// fixed point.
func refPageRank(p *plainGraph, alpha float64) []float64 {
	n := p.n
	a := mat.NewDense(n, n, nil)
	b := mat.NewVecDense(n, nil)
	for j := 0; j < n; j++ {
		b.SetVec(j, (1-alpha)/float64(n))
	}
	for i := 0; i < n; i++ {
		s := 0.0
		for _, w := range p.w[i] {
			s += w
		}
		for j := 0; j < n; j++ {
			m := 1 / float64(n)
			if s > 0 {
				m = p.W[i][j] / s
			}
			a.Set(j, i, a.At(j, i)-alpha*m)
		}
		a.Set(i, i, a.At(i, i)+1)
	}
	var x mat.VecDense
	if err := x.SolveVec(a, b); err != nil {
		panic(err)
	}
	return x.RawVector().Data
}

// refPageRankNX is NetworkX 2.8.8's _pagerank_scipy iteration written
// out: x from uniform, x' = α(x W/s + Σ_dangling x / n) + (1-α)/n, stop
// when Σ|x' - x| < n·tol, at most maxIter iterations; ok false when it
// does not converge.
func refPageRankNX(p *plainGraph, alpha, tol float64, maxIter int) ([]float64, bool) {
	n := p.n
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	str := make([]float64, n)
	for i := range str {
		for _, w := range p.w[i] {
			str[i] += w
		}
	}
	for it := 0; it < maxIter; it++ {
		next := make([]float64, n)
		dang := 0.0
		for i := 0; i < n; i++ {
			if str[i] == 0 {
				dang += x[i]
			}
		}
		err := 0.0
		for j := 0; j < n; j++ {
			s := 0.0
			for k, i := range p.nbr[j] {
				s += p.w[j][k] * (x[i] / str[i])
			}
			next[j] = alpha*(s+dang/float64(n)) + (1-alpha)/float64(n)
			err += math.Abs(next[j] - x[j])
		}
		x = next
		if err < float64(n)*tol {
			return x, true
		}
	}
	return x, false
}

// refConstraint is NetworkX constraint(G, weight="weight"): Σ_v over
// neighbours of (p_uv + Σ_w p_uw p_wv)², p_uv = w_uv / Σ_x w_ux (mutual
// weights of an undirected graph); NaN for isolates.
func refConstraint(p *plainGraph) []float64 {
	c := make([]float64, p.n)
	nmw := func(u, v int) float64 {
		s := 0.0
		for _, x := range p.W[u] {
			s += x
		}
		if s == 0 {
			return 0
		}
		return p.W[u][v] / s
	}
	for u := 0; u < p.n; u++ {
		if len(p.nbr[u]) == 0 {
			c[u] = math.NaN()
			continue
		}
		for _, v := range p.nbr[u] {
			ind := 0.0
			for _, w := range p.nbr[u] {
				ind += nmw(u, w) * nmw(w, v)
			}
			x := nmw(u, v) + ind
			c[u] += x * x
		}
	}
	return c
}

// refEffectiveSize is NetworkX effective_size(G, weight="weight"): Σ_v
// over neighbours of 1 - Σ_w p_uw m_vw, m_vw = w_vw / max_x w_vx; NaN for
// isolates.
func refEffectiveSize(p *plainGraph) []float64 {
	e := make([]float64, p.n)
	for u := 0; u < p.n; u++ {
		if len(p.nbr[u]) == 0 {
			e[u] = math.NaN()
			continue
		}
		su := 0.0
		for _, x := range p.W[u] {
			su += x
		}
		for _, v := range p.nbr[u] {
			mv := 0.0
			for _, x := range p.W[v] {
				mv = max(mv, x)
			}
			r := 0.0
			for _, w := range p.nbr[u] {
				r += p.W[u][w] / su * (p.W[v][w] / mv)
			}
			e[u] += 1 - r
		}
	}
	return e
}

// refClustering is NetworkX clustering(G): tied pairs of neighbours over
// all pairs of neighbours; 0 below two neighbours.
func refClustering(p *plainGraph) []float64 {
	c := make([]float64, p.n)
	for u := 0; u < p.n; u++ {
		d := len(p.nbr[u])
		if d < 2 {
			continue
		}
		t := 0
		for i, a := range p.nbr[u] {
			for _, b := range p.nbr[u][i+1:] {
				if p.W[a][b] != 0 {
					t++
				}
			}
		}
		c[u] = float64(t) / float64(d*(d-1)/2)
	}
	return c
}

// refBrokerage is R sna brokerage(g, cl)$raw.nli on the symmetric
// adjacency matrix: every ordered triple i → b → k of distinct nodes with
// ties i-b and b-k and none i-k, classified by the groups of i, b and k
// in sna's order of tests.
func refBrokerage(p *plainGraph, cl []int) [][5]int { // w_I, w_O, b_IO, b_OI, b_O
	out := make([][5]int, p.n)
	for b := 0; b < p.n; b++ {
		for i := 0; i < p.n; i++ {
			for k := 0; k < p.n; k++ {
				if i == b || k == b || i == k || p.W[i][b] == 0 || p.W[b][k] == 0 || p.W[i][k] != 0 {
					continue
				}
				switch {
				case cl[i] == cl[b] && cl[b] == cl[k]:
					out[b][0]++ // coordinator
				case cl[i] == cl[k]:
					out[b][1]++ // itinerant
				case cl[b] == cl[i]:
					out[b][2]++ // representative
				case cl[b] == cl[k]:
					out[b][3]++ // gatekeeper
				default:
					out[b][4]++ // liaison
				}
			}
		}
	}
	return out
}

// refEI counts ties within and between groups: the whole network's,
// each group's (ties with one end / both ends in it) and each node's.
func refEI(p *plainGraph, cl []int, k int) (e, in int, ge, gi, ne, ni []int) {
	ge, gi, ne, ni = make([]int, k), make([]int, k), make([]int, p.n), make([]int, p.n)
	for u := 0; u < p.n; u++ {
		for _, v := range p.nbr[u] {
			if cl[u] == cl[v] {
				ni[u]++
			} else {
				ne[u]++
			}
			if v < u {
				continue
			}
			if cl[u] == cl[v] {
				in++
				gi[cl[u]]++
			} else {
				e++
				ge[cl[u]]++
				ge[cl[v]]++
			}
		}
	}
	return e, in, ge, gi, ne, ni
}

// refModularity is Newman's Q = 1/2W Σ_ij (w_ij - γ s_i s_j / 2W) δ(c_i, c_j).
func refModularity(p *plainGraph, cl []int, gamma float64) float64 {
	s := make([]float64, p.n)
	two := 0.0
	for i := range s {
		for _, w := range p.W[i] {
			s[i] += w
		}
		two += s[i]
	}
	if two == 0 {
		return math.NaN()
	}
	q := 0.0
	for i := 0; i < p.n; i++ {
		for j := 0; j < p.n; j++ {
			if cl[i] == cl[j] {
				q += p.W[i][j] - gamma*s[i]*s[j]/two
			}
		}
	}
	return q / two
}

// refAssortativity is NetworkX attribute_assortativity_coefficient: the
// mixing matrix e of tie ends (both directions) normalized to sum 1,
// r = (tr e - Σ(e²)) / (1 - Σ(e²)), Σ(e²) the sum of the entries of e·e.
func refAssortativity(p *plainGraph, cl []int, k int) float64 {
	e := make([][]float64, k)
	for i := range e {
		e[i] = make([]float64, k)
	}
	tot := 0.0
	for u := 0; u < p.n; u++ {
		for _, v := range p.nbr[u] {
			e[cl[u]][cl[v]]++
			tot++
		}
	}
	if tot == 0 {
		return math.NaN()
	}
	tr, sq := 0.0, 0.0
	for i := range e {
		for j := range e[i] {
			e[i][j] /= tot
		}
	}
	for i := range e {
		tr += e[i][i]
		for j := range e {
			for l := range e {
				sq += e[i][l] * e[l][j]
			}
		}
	}
	if sq == 1 {
		return math.NaN()
	}
	return (tr - sq) / (1 - sq)
}
