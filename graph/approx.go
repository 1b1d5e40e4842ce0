package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
)

// ApproxOptions configure the sampled (approximate) betweenness and
// closeness. Zero values take the defaults.
type ApproxOptions struct {
	// Epsilon is the largest error allowed in any node's betweenness, on
	// the scale of Betweenness (NetworkX's normalization). Default 0.004
	// (197,000 sampled paths on gen.py's 20,000-organization network).
	Epsilon float64
	// Delta is the probability that a stated bound fails. Default 0.1.
	Delta float64
	// Sources is the number of sampled sources per connected component
	// for closeness; components with no more nodes are computed exactly.
	// Default 500.
	Sources int
	// Seed seeds the sampling; the same seed gives the same estimates.
	Seed uint64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// The results are bit-identical for every value.
	Workers int
	// Progress, when not nil, is called after each block of samples with
	// the number done so far and the total. Calls never overlap.
	Progress func(done, total int)

	// forceSampling turns off the exact fallback (for tests).
	forceSampling bool
}

// Default sampling parameters (see ApproxOptions).
const (
	DefaultApproxEpsilon = 0.004
	DefaultApproxDelta   = 0.1
	DefaultApproxSources = 500
)

func (o ApproxOptions) withDefaults() ApproxOptions {
	if o.Epsilon == 0 {
		o.Epsilon = DefaultApproxEpsilon
	}
	if o.Delta == 0 {
		o.Delta = DefaultApproxDelta
	}
	if o.Sources == 0 {
		o.Sources = DefaultApproxSources
	}
	if !(o.Epsilon > 0 && o.Epsilon < 1) || !(o.Delta > 0 && o.Delta < 1) || o.Sources < 2 {
		panic(fmt.Sprintf("graph: approximation with ε = %v, δ = %v, %d sources (want 0 < ε, δ < 1 and at least 2 sources)", o.Epsilon, o.Delta, o.Sources))
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// BetweennessEstimate is a sampled betweenness with its guarantees: with
// probability at least 1 - Delta, every node's Betweenness is within
// Epsilon of its exact value; and, with probability at least 1 - Delta,
// every node v's is within Error[v] of it.
type BetweennessEstimate struct {
	Betweenness []float64
	Error       []float64 // per node; nil when Exact
	Epsilon     float64
	Delta       float64
	// Samples is the number r of sampled pairs; VertexDiameter the upper
	// bound on the number of nodes of a shortest path that set it.
	Samples        int
	VertexDiameter int
	// Exact is true when no sampling was done: no shortest path has an
	// interior node (every betweenness is 0), or sampling would have cost
	// more than the exact computation.
	Exact bool
	// Closeness is the exact closeness when the exact computation was run
	// (its Brandes passes give it too); nil otherwise.
	Closeness []float64
}

// ApproxBetweenness estimates the betweenness of every node (as
// Betweenness with PathsHops: normalized by (n-1)(n-2)/2, NetworkX's
// convention) by the sampling of M. Riondato and E. M. Kornaropoulos,
// Fast approximation of betweenness centrality through sampling, Data Min.
// Knowl. Disc. 30(2), 438-475 (2016), doi:10.1007/s10618-015-0423-0: draw
// r ordered pairs (s, t), s ≠ t, uniformly; pick one shortest s-t path
// uniformly among all of them; add 1/r to each of its interior nodes. With
//
//	r = ⌈(c/ε'²) (⌊log₂(VD - 2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5,
//
// where VD bounds the number of nodes on any shortest path, the estimates
// of b'(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n-1)) are all within ε' of the
// exact values with probability at least 1 - δ (their Theorem 2, the VC
// dimension of shortest paths being at most ⌊log₂(VD - 2)⌋ + 1; c = 0.5 is
// the constant of Löffler and Phillips they use). Betweenness is b'
// scaled by n/(n-2), so ε' = ε (n-2)/n gives every node's Betweenness
// within ε.
//
// Each node also gets its own bound Error[v], the empirical Bernstein
// bound of A. Maurer and M. Pontil, Empirical Bernstein bounds and sample
// variance penalization, COLT 2009 (Theorem 4), on the share c/r of
// samples whose path passes through v,
//
//	|c/r - b'(v)| ≤ √(2 V ln(4n/δ) / r) + 7 ln(4n/δ) / (3(r-1)),  V = c(r-c)/(r(r-1)),
//
// scaled by n/(n-2); all n hold together with probability at least 1 - δ.
// It is much smaller than ε for nodes on few paths, and shows which
// differences between nodes the sample resolves.
//
// VD is bounded per component by 2e + 1, e the eccentricity of the
// component's lowest node (the diameter is at most twice any node's
// eccentricity). Each shortest-path sample is a balanced bidirectional
// breadth-first search that stops at the first layer where the two
// searches meet (the scheme of M. Borassi and E. Natale, KADABRA,
// doi:10.1145/3284359), so a sample costs far less than a full pass.
// Pairs in different components count as samples with no path. Path
// lengths are hops; weights are ignored. Paths are drawn on the quotient
// by closed twins (see twinClasses), which gives the same distribution of
// interior nodes. Isolates get 0.
//
// When sampling would cost more than the exact computation (estimated
// from 200 pilot samples), or need more samples than there are ordered
// pairs, it returns the exact Betweenness instead, with Exact set, Error
// nil and the exact Closeness, which the same passes give.
//
// Samples are cut into 64 blocks, each drawn from its own PCG stream of
// o.Seed, and only integer counts are added across workers, so the result
// is bit-identical whatever the number of workers. It returns ctx's error
// if ctx is cancelled.
func ApproxBetweenness(ctx context.Context, g *Network, o ApproxOptions) (BetweennessEstimate, error) {
	o = o.withDefaults()
	n := g.N()
	est := BetweennessEstimate{Betweenness: make([]float64, n), Epsilon: o.Epsilon, Delta: o.Delta}
	label, _ := g.Components()
	vd := vertexDiameterBound(g)
	est.VertexDiameter = vd
	if n <= 2 || vd <= 2 {
		est.Exact = true
		return est, ctx.Err()
	}
	eps := o.Epsilon * float64(n-2) / float64(n)
	r := math.Ceil(0.5 / (eps * eps) * (math.Floor(math.Log2(float64(vd-2))) + 1 + math.Log(1/o.Delta)))
	// Paths are drawn on the quotient by closed twins (see twinClasses):
	// an interior class stands for a uniform choice of its members, so a
	// member's estimate is its class's count over the class size, the
	// mean of its members' estimates (which share one exact value), within
	// ε whenever theirs are.
	q, class, size := g, []int32(nil), []float64(nil)
	if tw := findTwins(g, false); tw != nil {
		q, class = tw.q, tw.class
		size = make([]float64, q.N())
		for c, m := range tw.size {
			size[c] = float64(m)
		}
	}
	classOf := func(v int32) int32 {
		if class == nil {
			return v
		}
		return class[v]
	}
	// Sampling pays only while it costs less than the exact computation
	// (at most 2 passes over the ties from each source class): a pilot of
	// samples estimates the ties one sample scans, each costing about 10
	// tie visits of the exact kernel (measured on gen.py's networks of
	// 5,000 and 20,000 organizations, where the exact kernel's
	// direction-optimizing passes skip half the ties or more). When
	// sampling would cost more, return the exact values, with no error.
	pilot := newBiBFS(q, size)
	prng := rand.New(rand.NewPCG(o.Seed, 0x9e3779b9))
	const pilots = 200
	for i := 0; i < pilots; i++ {
		s, t := samplePair(prng, n)
		if cs, ct := classOf(s), classOf(t); label[s] == label[t] && cs != ct {
			pilot.samplePath(cs, ct, prng, nil)
		}
	}
	// More samples than ordered pairs never pay either (a tiny ε).
	if !o.forceSampling && (r >= float64(n)*float64(n-1) || 10*r*float64(pilot.scanned)/pilots >= 2*float64(q.N())*float64(len(q.Adj))) {
		sums, err := shortestPathSums(ctx, g, PathOptions{Paths: PathsHops, Workers: o.Workers, Progress: o.Progress})
		if err != nil {
			return BetweennessEstimate{}, err
		}
		est.Betweenness = normalizeBetweenness(sums.pairs)
		est.Closeness = wfCloseness(sums.far, sums.reach)
		est.Epsilon, est.Exact = 0, true
		return est, nil
	}
	est.Samples = int(r)
	const nb = 64
	nq := q.N()
	counts := make([][]int64, o.Workers)
	err := parallel(ctx, nb, o.Workers,
		func(w int) func(b int) {
			bi := newBiBFS(q, size)
			counts[w] = make([]int64, nq)
			cnt := counts[w]
			return func(b int) {
				rng := rand.New(rand.NewPCG(o.Seed, 0xb7e15162<<8|uint64(b)))
				lo, hi := b*est.Samples/nb, (b+1)*est.Samples/nb
				for i := lo; i < hi; i++ {
					if i&255 == 0 && ctx.Err() != nil {
						return
					}
					s, t := samplePair(rng, n)
					// Twins are tied: no interior node between them.
					if cs, ct := classOf(s), classOf(t); label[s] == label[t] && cs != ct {
						bi.samplePath(cs, ct, rng, cnt)
					}
				}
			}
		}, progressBy(nb, func(b int) int { return (b+1)*est.Samples/nb - b*est.Samples/nb }, o.Progress))
	if err != nil {
		return BetweennessEstimate{}, err
	}
	total := make([]int64, nq)
	for _, c := range counts {
		for v, x := range c {
			total[v] += x
		}
	}
	// Per sample, Z_v = 1/m when v's class (of m members) is interior to
	// the sampled path: i.i.d. with mean b'(v), so m Z_v is Bernoulli and
	// the empirical Bernstein bound (Maurer and Pontil 2009, Theorem 4,
	// both tails, union over the n nodes) applies with the sample
	// variance c(r-c)/(r(r-1)) of c successes in r, divided by m.
	est.Error = make([]float64, n)
	scale := float64(n) / (float64(n-2) * r)
	lg := math.Log(4 * float64(n) / o.Delta)
	for v := range est.Betweenness {
		c, m := float64(total[classOf(int32(v))]), 1.0
		if size != nil {
			m = size[class[v]]
		}
		est.Betweenness[v] = c / m * scale
		variance := c * (r - c) / (r * (r - 1))
		e := math.Sqrt(2*variance*lg/r) + 7*lg/(3*(r-1))
		est.Error[v] = e / m * float64(n) / float64(n-2)
	}
	return est, nil
}

// samplePair draws an ordered pair of distinct nodes uniformly.
func samplePair(rng *rand.Rand, n int) (s, t int32) {
	s = int32(boundedRand(rng, uint64(n)))
	t = int32(boundedRand(rng, uint64(n-1)))
	if t >= s {
		t++
	}
	return s, t
}

// vertexDiameterBound returns an upper bound on the number of nodes of
// any shortest path: over components, min(size, 2e + 1) with e the
// eccentricity of the component's lowest node.
func vertexDiameterBound(g *Network) int {
	n := g.N()
	dist := make([]int32, n)
	for i := range dist {
		dist[i] = -1
	}
	vd := 0
	var queue []int32
	for v := 0; v < n; v++ {
		if dist[v] >= 0 {
			continue // in a component already searched
		}
		queue = append(queue[:0], int32(v))
		dist[v] = 0
		ecc := int32(0)
		for head := 0; head < len(queue); head++ {
			u := queue[head]
			ecc = dist[u]
			for _, w := range g.Adj[g.Off[u]:g.Off[u+1]] {
				if dist[w] < 0 {
					dist[w] = dist[u] + 1
					queue = append(queue, w)
				}
			}
		}
		vd = max(vd, min(len(queue), 2*int(ecc)+1))
	}
	return vd
}

// biBFS holds one worker's buffers for bidirectional breadth-first
// searches; side 0 grows from s, side 1 from t.
type biBFS struct {
	g        *Network
	size     []float64   // twins per node (nil: all 1)
	rec      [2][]hopRec // σ in x, and dist (-1 when unreached)
	visited  [2][]int32
	frontier [2][]int32
	next     []int32
	meet     []int32
	scanned  int // ties scanned, summed over samples
}

func newBiBFS(g *Network, size []float64) *biBFS {
	n := g.N()
	if size == nil {
		size = make([]float64, n)
		for i := range size {
			size[i] = 1
		}
	}
	b := &biBFS{g: g, size: size}
	for side := 0; side < 2; side++ {
		b.rec[side] = make([]hopRec, n)
		for i := range b.rec[side] {
			b.rec[side][i].dist = -1
		}
	}
	return b
}

// samplePath picks one shortest s-t path uniformly at random (s and t in
// one component) and adds 1 to cnt of each of its interior nodes (when
// cnt is not nil).
//
// Both searches grow a whole layer at a time, the side whose frontier has
// the smaller degree sum first. When side a's new layer (depth da) first
// touches nodes side b has reached (depth ≤ db), no node within da-1 of s
// was within db of t, so d(s,t) = da + db and the touched nodes are
// exactly those at distance da from a's end and db from b's on shortest
// paths: σ_st = Σ_x σ_a(x) σ_b(x) over them. A path is drawn by picking x
// with probability σ_a(x) σ_b(x) / σ_st and walking back to each end
// through predecessors p picked with probability σ(p)/σ(y).
func (b *biBFS) samplePath(s, t int32, rng *rand.Rand, cnt []int64) {
	g := b.g
	off, adj := g.Off, g.Adj
	ends := [2]int32{s, t}
	var depth [2]int32
	var fdeg [2]int
	for side := 0; side < 2; side++ {
		v := ends[side]
		b.rec[side][v] = hopRec{x: 1, dist: 0}
		b.visited[side] = append(b.visited[side][:0], v)
		b.frontier[side] = append(b.frontier[side][:0], v)
		fdeg[side] = off[v+1] - off[v]
	}
	defer b.reset()
	for {
		a := 0
		if fdeg[1] < fdeg[0] {
			a = 1
		}
		if len(b.frontier[a]) == 0 {
			return // not connected (callers check components first)
		}
		rec := b.rec[a]
		b.scanned += fdeg[a]
		nd := depth[a] + 1
		next := b.next[:0]
		// σ flows out of a class times its size (paths choose a member),
		// out of an end alone.
		mult := b.size
		for _, v := range b.frontier[a] {
			m := mult[v]
			if nd == 1 {
				m = 1
			}
			add := [2]float64{0, rec[v].x * m}
			for _, u := range adj[off[v]:off[v+1]] {
				r := &rec[u]
				du := r.dist
				if du < 0 {
					r.dist = nd
					next = append(next, u)
					du = nd
				}
				r.x += add[isZero(du^nd)] // branch-free, as in sourceHops
			}
		}
		depth[a] = nd
		b.visited[a] = append(b.visited[a], next...)
		other := b.rec[1-a]
		meet := b.meet[:0]
		total := 0.0
		for _, x := range next {
			if d := other[x].dist; d >= 0 {
				meet = append(meet, x)
				total += rec[x].x * other[x].x * b.through(x, d)
			}
		}
		b.meet = meet
		if len(meet) > 0 {
			b.next = next
			// Pick the meeting node, then walk to both ends.
			pick := rng.Float64() * total
			x := meet[len(meet)-1]
			for _, y := range meet {
				pick -= rec[y].x * other[y].x * b.through(y, other[y].dist)
				if pick < 0 {
					x = y
					break
				}
			}
			if cnt == nil {
				return // a pilot sample, for its cost only
			}
			if other[x].dist > 0 { // x is t itself when side b never grew
				cnt[x]++
			}
			b.walk(a, x, rng, cnt)
			b.walk(1-a, x, rng, cnt)
			return
		}
		deg := 0
		for _, v := range next {
			deg += off[v+1] - off[v]
		}
		b.next = b.frontier[a]
		b.frontier[a] = next
		fdeg[a] = deg
	}
}

// through is the number of members of x a path can pass through: its
// size, or 1 for an end (distance d = 0 from the other side).
func (b *biBFS) through(x, d int32) float64 {
	if d == 0 {
		return 1
	}
	return b.size[x]
}

// walk goes from y back to side's end, one predecessor at a time (picked
// with probability |p| σ(p)/σ(y), |p| its class size), adding 1 to cnt of
// every node passed before the end.
func (b *biBFS) walk(side int, y int32, rng *rand.Rand, cnt []int64) {
	g := b.g
	rec := b.rec[side]
	for rec[y].dist > 1 {
		want := rec[y].dist - 1
		pick := rng.Float64() * rec[y].x
		p := int32(-1)
		for _, u := range g.Adj[g.Off[y]:g.Off[y+1]] {
			if rec[u].dist == want {
				p = u
				pick -= rec[u].x * b.size[u]
				if pick < 0 {
					break
				}
			}
		}
		cnt[p]++
		y = p
	}
}

func (b *biBFS) reset() {
	for side := 0; side < 2; side++ {
		for _, v := range b.visited[side] {
			b.rec[side][v] = hopRec{x: 0, dist: -1}
		}
	}
}

// ClosenessEstimate is a sampled closeness with its guarantee: with
// probability at least 1 - Delta, every node's mean distance to the other
// nodes it reaches is within Bound (hops) of its exact value.
type ClosenessEstimate struct {
	Closeness []float64
	Delta     float64
	// Sources is the number of sampled sources per component larger than
	// that (0 when every component was computed exactly).
	Sources int
	// Bound is the largest error in mean distance over the sampled
	// components (0 when exact).
	Bound float64
	// Exact is true when every component had at most Sources nodes.
	Exact bool
}

// ApproxCloseness estimates the closeness of every node (as Closeness
// with PathsHops: Wasserman-Faust, NetworkX closeness_centrality) from
// breadth-first searches out of sampled sources (D. Eppstein and J. Wang,
// Fast approximation of centrality, J. Graph Algorithms Appl. 8(1), 39-45
// (2004), doi:10.7155/jgaa.00081). In every component C of more than k =
// o.Sources nodes, k distinct sources are drawn uniformly; a node v's mean
// distance f(v) to the other r-1 nodes of C is estimated by the mean over
// the sampled sources other than v, and its closeness is (r-1)/((n-1) f̂).
// Smaller components are computed exactly.
//
// The sources other than v are a uniform sample without replacement of
// C \ {v}, at least k-1 of them, of distances in [1, Δ] where Δ, the
// diameter of C, is bounded by twice the smallest eccentricity of a
// sampled source. By Hoeffding's inequality (which holds without
// replacement; W. Hoeffding, J. Am. Stat. Assoc. 58, 13-30 (1963),
// doi:10.1080/01621459.1963.10500830) and a union bound over the N nodes
// of sampled components, with probability at least 1 - δ every
//
//	|f̂(v) - f(v)| ≤ (Δ - 1) √(ln(2N/δ) / (2(k-1))),
//
// the Bound returned (the largest over components). Path lengths are
// hops. Sources are drawn from a PCG stream of o.Seed; distance sums are
// integers, so the result is bit-identical whatever the number of
// workers. Isolates get 0.
func ApproxCloseness(ctx context.Context, g *Network, o ApproxOptions) (ClosenessEstimate, error) {
	o = o.withDefaults()
	n := g.N()
	est := ClosenessEstimate{Closeness: make([]float64, n), Delta: o.Delta, Exact: true}
	if n == 0 {
		return est, ctx.Err()
	}
	comps := newHopComponents(g)
	label, members, count := comps.label, comps.nodes, len(comps.nodes)
	// Sources, component by component in order of lowest node.
	rng := rand.New(rand.NewPCG(o.Seed, 0x243f6a88))
	var sources []int32
	sampled := make([]bool, count)
	inSample := 0 // nodes of sampled components
	for c, ms := range members {
		if len(ms) <= o.Sources {
			if len(ms) > 1 {
				sources = append(sources, ms...)
			}
			continue
		}
		sampled[c] = true
		est.Exact = false
		est.Sources = o.Sources
		inSample += len(ms)
		pool := slices.Clone(ms)
		for i := 0; i < o.Sources; i++ { // partial Fisher-Yates
			j := i + int(boundedRand(rng, uint64(len(pool)-i)))
			pool[i], pool[j] = pool[j], pool[i]
		}
		src := pool[:o.Sources]
		slices.Sort(src)
		sources = append(sources, src...)
	}
	isSource := make([]bool, n)
	for _, s := range sources {
		isSource[s] = true
	}
	nb := min(64, max(1, len(sources)))
	sums := make([][]int64, o.Workers)
	ecc := make([]int32, len(sources))
	err := parallel(ctx, nb, o.Workers,
		func(w int) func(b int) {
			sums[w] = make([]int64, n)
			sum := sums[w]
			bfs := newLevelBFS(n)
			return func(b int) {
				for i := b * len(sources) / nb; i < (b+1)*len(sources)/nb; i++ {
					if i&63 == 0 && ctx.Err() != nil {
						return
					}
					ecc[i] = bfs.run(g, comps, sources[i])
					for _, u := range bfs.order {
						sum[u] += int64(bfs.dist[u])
						bfs.dist[u] = -1
					}
				}
			}
		}, progressBy(nb, func(b int) int { return (b+1)*len(sources)/nb - b*len(sources)/nb }, o.Progress))
	if err != nil {
		return ClosenessEstimate{}, err
	}
	total := make([]int64, n)
	for _, s := range sums {
		if s == nil {
			continue
		}
		for v, x := range s {
			total[v] += x
		}
	}
	// Diameter bounds of sampled components: twice the smallest
	// eccentricity of their sources.
	minEcc := make([]int32, count)
	for i, s := range sources {
		c := label[s]
		if minEcc[c] == 0 || ecc[i] < minEcc[c] {
			minEcc[c] = ecc[i]
		}
	}
	nf := float64(n - 1)
	for c, ms := range members {
		r := float64(len(ms) - 1)
		if r == 0 {
			continue
		}
		if !sampled[c] {
			for _, v := range ms {
				if total[v] > 0 {
					est.Closeness[v] = r / float64(total[v]) * (r / nf)
				}
			}
			continue
		}
		diam := 2 * float64(minEcc[c])
		bound := (diam - 1) * math.Sqrt(math.Log(2*float64(inSample)/o.Delta)/(2*float64(o.Sources-1)))
		est.Bound = max(est.Bound, bound)
		for _, v := range ms {
			k := float64(o.Sources)
			if isSource[v] {
				k--
			}
			if total[v] > 0 {
				est.Closeness[v] = r / (nf * (float64(total[v]) / k))
			}
		}
	}
	return est, nil
}

// levelBFS is a direction-optimizing breadth-first search (Beamer,
// Asanović and Patterson 2012, doi:10.1109/SC.2012.50) for distances
// only: each level is found top-down from the frontier or bottom-up from
// the unreached nodes of the component, each of which stops at its first
// neighbour in the frontier, whichever side has the smaller degree sum.
type levelBFS struct {
	dist      []int32 // -1 when unreached; the caller resets the reached
	order     []int32 // the nodes reached, by distance
	unvisited []int32
}

func newLevelBFS(n int) *levelBFS {
	b := &levelBFS{dist: make([]int32, n), order: make([]int32, 0, n)}
	for i := range b.dist {
		b.dist[i] = -1
	}
	return b
}

// run searches from s and returns its eccentricity.
func (b *levelBFS) run(g *Network, c *hopComponents, s int32) int32 {
	off, adj, dist := g.Off, g.Adj, b.dist
	order := append(b.order[:0], s)
	dist[s] = 0
	comp := c.label[s]
	frontierDeg := off[s+1] - off[s]
	unseenDeg := c.deg[comp] - frontierDeg
	unvisited := b.unvisited[:0]
	listed := false
	lo, hi := 0, 1
	for l := int32(0); unseenDeg > 0 && lo < hi; l++ {
		next := l + 1
		if l > 0 && unseenDeg < frontierDeg {
			if !listed {
				for _, u := range c.nodes[comp] {
					if dist[u] < 0 {
						unvisited = append(unvisited, u)
					}
				}
				listed = true
			}
			kept := unvisited[:0]
			for _, u := range unvisited {
				if dist[u] >= 0 {
					continue // reached by a top-down level since listed
				}
				found := false
				for _, v := range adj[off[u]:off[u+1]] {
					if dist[v] == l {
						found = true
						break
					}
				}
				if found {
					dist[u] = next
					order = append(order, u)
				} else {
					kept = append(kept, u)
				}
			}
			unvisited = kept
		} else {
			for _, v := range order[lo:hi] {
				for _, u := range adj[off[v]:off[v+1]] {
					if dist[u] < 0 {
						dist[u] = next
						order = append(order, u)
					}
				}
			}
		}
		d := 0
		for _, u := range order[hi:] {
			d += off[u+1] - off[u]
		}
		unseenDeg -= d
		frontierDeg = d
		lo, hi = hi, len(order)
	}
	b.order, b.unvisited = order, unvisited
	return dist[order[len(order)-1]]
}
