package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
)

// Louvain partitions the network into communities by the Louvain method
// (V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, Fast
// unfolding of communities in large networks, J. Stat. Mech. P10008
// (2008), doi:10.1088/1742-5468/2008/10/P10008), maximizing the weighted
// modularity with resolution γ (see Modularity):
//
//  1. local moving: visit the nodes in a random order and move each to the
//     neighbouring community with the largest gain
//     ΔQ ∝ w_{i→c} - γ Σ_c k_i / 2W, until a full pass moves nothing or
//     raises Q by less than 10⁻⁶ (the precision ε of Blondel et al.'s own
//     program);
//  2. aggregation: merge each community into one node (its inner weight a
//     self-loop) and repeat on the smaller network, until a level moves
//     nothing.
//
// The visiting order comes from a PCG generator seeded with seed, so the
// same seed gives the same partition, on any machine. Levels of 65,536
// nodes and 8 million tie ends or more are worked in batches of 256 nodes
// on all cores, with the same partition for any number of cores. Community labels are
// numbered 0, 1, ... in order of each community's lowest node. Isolates
// are communities of their own. This is the method of NetworkX
// louvain_communities, igraph community_multilevel and gonum
// community.Modularize; their partitions differ in the tie-breaking and
// random order, not in quality (the tests compare modularity).
func Louvain(g *Network, resolution float64, seed uint64) Groups {
	p, _ := LouvainContext(context.Background(), g, resolution, seed, nil)
	return p
}

// LouvainContext is Louvain that stops when ctx is cancelled (returning
// ctx's error) and, when progress is not nil, calls it after every sweep
// of local moving (as many node visits as the level has nodes) with the
// level (1 for the network itself) and the sweeps done in that level. On
// the 200,000-organization registry network (26 million ties) the first
// level takes about 30 sweeps and most of the time.
func LouvainContext(ctx context.Context, g *Network, resolution float64, seed uint64, progress func(level, sweep int)) (Groups, error) {
	n := g.N()
	lv := newLouvainLevel(g)
	node2comm := make([]int32, n) // original node -> node of the current level
	for i := range node2comm {
		node2comm[i] = int32(i)
	}
	rng := rand.New(rand.NewPCG(seed, 0x10a7a1))
	for level := 1; ; level++ {
		comm, moved, err := lv.localMoving(ctx, resolution, rng, func(sweep int) {
			if progress != nil {
				progress(level, sweep)
			}
		})
		if err != nil {
			return Groups{}, err
		}
		if !moved {
			break
		}
		k := 0
		comm, k = renumber(comm)
		for i := range node2comm {
			node2comm[i] = comm[node2comm[i]]
		}
		lv = lv.aggregate(comm, k)
	}
	lab32, k := renumber(node2comm)
	lab := make([]int, n)
	for i, l := range lab32 {
		lab[i] = int(l)
	}
	return Groups{Label: lab, K: k}, nil
}

// renumber relabels labels as 0, 1, ... in order of first appearance.
func renumber(labels []int32) ([]int32, int) {
	var mx int32
	for _, l := range labels {
		mx = max(mx, l)
	}
	m := make([]int32, mx+1)
	for i := range m {
		m[i] = -1
	}
	out := make([]int32, len(labels))
	var k int32
	for i, l := range labels {
		if m[l] < 0 {
			m[l] = k
			k++
		}
		out[i] = m[l]
	}
	return out, int(k)
}

// louvainLevel is one level's network: CSR without self-loops plus each
// node's self-loop weight (ties inside the node, counted once).
type louvainLevel struct {
	off  []int
	adj  []int32
	w    []float64
	loop []float64
	k    []float64 // strength: Σ w + 2 loop
	m2   float64   // Σ k = twice the total weight
}

func newLouvainLevel(g *Network) *louvainLevel {
	n := g.N()
	lv := &louvainLevel{off: g.Off, adj: g.Adj, w: g.W, loop: make([]float64, n), k: make([]float64, n)}
	for i := 0; i < n; i++ {
		lv.k[i] = g.Strength(i)
		lv.m2 += lv.k[i]
	}
	return lv
}

func (lv *louvainLevel) n() int { return len(lv.k) }

// louvainMinGain is the modularity gain below which local moving stops:
// when a sweep (as many node visits as there are nodes) raises Q by less,
// the level is done. It is the default precision of Blondel et al.'s own
// implementation ("a given pass stops when the modularity is increased by
// less than epsilon", 1e-6).
const louvainMinGain = 1e-6

// Local moving on levels of at least louvainBatchNodes nodes and
// louvainBatchTies tie ends runs in batches of louvainBatch queued nodes:
// every node of a batch finds its best community against the same state,
// on all cores, then the moves are made one by one in queue order, each
// rechecked against the community totals of the moment, and found again
// (one core) for a node a neighbour of which moved earlier in the batch.
// So every move raises the modularity as one-at-a-time moving does, and
// the result is the same on any number of cores: the batches and the
// order of the moves do not depend on it.
const louvainBatch = 256

// The size from which local moving runs in batches (variables so that
// tests can lower them).
var (
	louvainBatchNodes = 1 << 16
	louvainBatchTies  = 1 << 23
)

// lvScratch is one goroutine's buffers for evaluating moves.
type lvScratch struct {
	// wTo[c] is the weight from the current node to community c; as
	// every tie weight is positive, wTo[c] == 0 means c is not yet
	// touched.
	wTo     []float64
	touched []int32
}

func (lv *louvainLevel) newScratch() *lvScratch {
	maxDeg := 0
	for i := 0; i < lv.n(); i++ {
		maxDeg = max(maxDeg, lv.off[i+1]-lv.off[i])
	}
	return &lvScratch{wTo: make([]float64, lv.n()), touched: make([]int32, maxDeg)}
}

// evaluate returns the community that raises the modularity most when
// node i joins it (its own when none does), and i's tie weight to that
// community and to its own, given comm and tot (tot[c] the strength of c,
// i included in its own). It changes neither.
func (lv *louvainLevel) evaluate(i int, comm []int32, tot []float64, scale float64, sc *lvScratch) (best int32, wBest, wOwn float64) {
	wTo := sc.wTo
	ci := comm[i]
	ki := lv.k[i]
	nbr := lv.adj[lv.off[i]:lv.off[i+1]]
	ws := lv.w[lv.off[i]:lv.off[i+1]]
	ws = ws[:len(nbr)]
	touched := sc.touched[:len(nbr)]
	t := 0
	for e, j := range nbr {
		// Branch-free: the test for a new community is a coin toss a
		// branch predictor loses.
		c := comm[j]
		w := wTo[c]
		touched[t] = c
		t += b2i(w == 0)
		wTo[c] = w + ws[e]
	}
	touched = touched[:t]
	wOwn = wTo[ci]
	best, bestGain := ci, wOwn-(tot[ci]-ki)*ki*scale
	for _, c := range touched {
		if c == ci {
			continue
		}
		if gain := wTo[c] - tot[c]*ki*scale; gain > bestGain+1e-12*math.Abs(bestGain)+1e-15 {
			best, bestGain = c, gain
		}
	}
	wBest = wTo[best]
	for _, c := range touched {
		wTo[c] = 0
	}
	return best, wBest, wOwn
}

// localMoving runs phase 1 and returns each node's community and whether
// any node moved, calling swept after each sweep of n visits.
func (lv *louvainLevel) localMoving(ctx context.Context, gamma float64, rng *rand.Rand, swept func(sweep int)) ([]int32, bool, error) {
	n := lv.n()
	comm := make([]int32, n)
	tot := make([]float64, n)
	for i := range comm {
		comm[i] = int32(i)
		tot[i] = lv.k[i]
	}
	if lv.m2 == 0 {
		return comm, false, nil
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	for i := n - 1; i > 0; i-- {
		j := boundedRand(rng, uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
	movedAny := false
	scale := gamma / lv.m2
	// Nodes wait in a FIFO queue, first in the random order; when a node
	// moves, its neighbours outside its new community are queued again, so
	// settled nodes are not revisited (the pruning of H. Ozaki, M. Tezuka
	// and M. Inaba, Int. J. Comput. Electr. Eng. 8(3), 207 (2016),
	// doi:10.17706/IJCEE.2016.8.3.207-218; the queue of V. A. Traag, L.
	// Waltman and N. J. van Eck, Sci. Rep. 9, 5233 (2019),
	// doi:10.1038/s41598-019-41695-z). It stops, as repeated full passes
	// do, when no single move raises the modularity, or when a sweep of n
	// visits raised it by less than louvainMinGain.
	queue := make([]int32, n) // a ring: every node is queued at most once
	copy(queue, order)
	inQueue := make([]bool, n)
	for i := range inQueue {
		inQueue[i] = true
	}
	head, size := 0, n
	// stamp[j] == batchNo when a neighbour of j moved in the current batch.
	stamp := make([]int32, n)
	batchNo := int32(0)
	pop := func() int {
		i := int(queue[head])
		head++
		if head == n {
			head = 0
		}
		size--
		inQueue[i] = false
		return i
	}
	// move makes i join best if that still raises the modularity: by
	// 2/m2 · [(w_best - tot[best] k_i γ/m2) - (w_own - (tot[own]-k_i) k_i γ/m2)],
	// returned (0 when i stays).
	move := func(i int, best int32, wBest, wOwn float64) float64 {
		ci := comm[i]
		if best == ci {
			return 0
		}
		ki := lv.k[i]
		stay := wOwn - (tot[ci]-ki)*ki*scale
		gain := wBest - tot[best]*ki*scale
		if !(gain > stay+1e-12*math.Abs(stay)+1e-15) {
			return 0
		}
		tot[ci] -= ki
		tot[best] += ki
		comm[i] = best
		movedAny = true
		for e := lv.off[i]; e < lv.off[i+1]; e++ {
			j := lv.adj[e]
			stamp[j] = batchNo
			if !inQueue[j] && comm[j] != best {
				inQueue[j] = true
				tail := head + size
				if tail >= n {
					tail -= n
				}
				queue[tail] = j
				size++
			}
		}
		return gain - stay
	}
	batched := n >= louvainBatchNodes && len(lv.adj) >= louvainBatchTies
	workers := 1
	if batched {
		workers = runtime.GOMAXPROCS(0)
	}
	scratch := make([]*lvScratch, workers)
	for w := range scratch {
		scratch[w] = lv.newScratch()
	}
	type result struct {
		best        int32
		wBest, wOwn float64
	}
	var batch []int32
	var results []result
	sweepGain, visits, sweeps := 0.0, 0, 0
	for size > 0 {
		if visits >= n {
			sweeps++
			swept(sweeps)
			if 2*sweepGain/lv.m2 < louvainMinGain {
				break
			}
			visits, sweepGain = 0, 0
		}
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		if !batched {
			// One node at a time, up to 1024 between checks of ctx.
			for k := 0; k < 1024 && size > 0 && visits < n; k++ {
				visits++
				i := pop()
				best, wBest, wOwn := lv.evaluate(i, comm, tot, scale, scratch[0])
				sweepGain += move(i, best, wBest, wOwn)
			}
			continue
		}
		batch = batch[:0]
		for len(batch) < louvainBatch && size > 0 {
			batch = append(batch, int32(pop()))
		}
		visits += len(batch)
		results = slices.Grow(results[:0], len(batch))[:len(batch)]
		evalChunk := func(w, c int) {
			for k := c * 32; k < min((c+1)*32, len(batch)); k++ {
				r := &results[k]
				r.best, r.wBest, r.wOwn = lv.evaluate(int(batch[k]), comm, tot, scale, scratch[w])
			}
		}
		parallelForWorkers((len(batch)+31)/32, workers, evalChunk)
		batchNo++
		for k, i := range batch {
			r := results[k]
			if stamp[i] == batchNo {
				r.best, r.wBest, r.wOwn = lv.evaluate(int(i), comm, tot, scale, scratch[0])
			}
			sweepGain += move(int(i), r.best, r.wBest, r.wOwn)
		}
	}
	return comm, movedAny, nil
}

// aggregate returns the level whose nodes are the k communities of comm.
func (lv *louvainLevel) aggregate(comm []int32, k int) *louvainLevel {
	n := lv.n()
	members := make([][]int32, k)
	for i := 0; i < n; i++ {
		members[comm[i]] = append(members[comm[i]], int32(i))
	}
	nl := &louvainLevel{off: make([]int, k+1), loop: make([]float64, k), k: make([]float64, k), m2: lv.m2}
	acc := make([]float64, k)
	seen := make([]bool, k)
	var touched []int32
	for c := 0; c < k; c++ {
		touched = touched[:0]
		for _, i := range members[c] {
			nl.loop[c] += lv.loop[i]
			nl.k[c] += lv.k[i]
			for e := lv.off[i]; e < lv.off[i+1]; e++ {
				d := comm[lv.adj[e]]
				if int(d) == c {
					nl.loop[c] += lv.w[e] / 2 // seen from both ends
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				acc[d] += lv.w[e]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			nl.adj = append(nl.adj, d)
			nl.w = append(nl.w, acc[d])
			acc[d] = 0
			seen[d] = false
		}
		nl.off[c+1] = len(nl.adj)
	}
	return nl
}

// Composition returns the community x sector table of node counts:
// out[c][s] is the number of nodes of community c in sector s.
func Composition(comm, sectors Groups) [][]int {
	if len(comm.Label) != len(sectors.Label) {
		panic("graph: Composition of partitions of different node sets")
	}
	out := make([][]int, comm.K)
	for c := range out {
		out[c] = make([]int, sectors.K)
	}
	for i, c := range comm.Label {
		out[c][sectors.Label[i]]++
	}
	return out
}

// NMI returns the normalized mutual information between two partitions of
// the same nodes,
//
//	NMI = I(A;B) / ((H(A) + H(B)) / 2)
//
// with natural logarithms (the arithmetic-mean normalization of L. Danon,
// A. Díaz-Guilera, J. Duch and A. Arenas, J. Stat. Mech. P09008 (2005),
// doi:10.1088/1742-5468/2005/09/P09008). It matches scikit-learn
// normalized_mutual_info_score (average_method="arithmetic") and igraph
// compare_communities(method="nmi"): 1 when both partitions have a single
// (or no) group, 0 when the mutual information is 0. Only groups that have
// nodes count.
func NMI(a, b Groups) float64 {
	n := len(a.Label)
	if n != len(b.Label) {
		panic("graph: NMI of partitions of different node sets")
	}
	ca, cb := make([]int, a.K), make([]int, b.K)
	type pair struct{ x, y int }
	pairs := make([]pair, n)
	for i := range pairs {
		pairs[i] = pair{a.Label[i], b.Label[i]}
		ca[a.Label[i]]++
		cb[b.Label[i]]++
	}
	present := func(c []int) int {
		k := 0
		for _, x := range c {
			if x > 0 {
				k++
			}
		}
		return k
	}
	ka, kb := present(ca), present(cb)
	if (ka == 1 && kb == 1) || (ka == 0 && kb == 0) {
		return 1
	}
	slices.SortFunc(pairs, func(p, q pair) int {
		if p.x != q.x {
			return p.x - q.x
		}
		return p.y - q.y
	})
	N := float64(n)
	mi := 0.0
	for i := 0; i < n; {
		j := i
		for j < n && pairs[j] == pairs[i] {
			j++
		}
		nij := float64(j - i)
		mi += nij / N * math.Log(N*nij/(float64(ca[pairs[i].x])*float64(cb[pairs[i].y])))
		i = j
	}
	if mi <= 0 {
		return 0
	}
	h := func(c []int) float64 {
		s := 0.0
		for _, x := range c {
			if x > 0 {
				p := float64(x) / N
				s -= p * math.Log(p)
			}
		}
		return s
	}
	return mi / max((h(ca)+h(cb))/2, 2.220446049250313e-16)
}
