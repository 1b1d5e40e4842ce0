package graph

import (
	"context"
	"math"
	"math/rand/v2"
)

// LeidenOptions configure Leiden.
type LeidenOptions struct {
	Resolution float64 // γ; 0 means 1
	Seed       uint64
	// Theta is the randomness of the refinement (θ of Traag et al.; 0
	// means 0.01, igraph's and leidenalg's default).
	Theta float64
	// Iterations is the number of full iterations, each from the
	// previous partition; the run stops early when one changes nothing.
	// 0 means 2 (igraph's default); a negative number means until an
	// iteration changes nothing (at most 100).
	Iterations int
}

// Leiden partitions the network into communities by the Leiden algorithm
// (V. A. Traag, L. Waltman and N. J. van Eck, From Louvain to Leiden:
// guaranteeing well-connected communities, Sci. Rep. 9, 5233 (2019),
// doi:10.1038/s41598-019-41695-z), maximizing the weighted modularity with
// resolution γ (see Modularity). Each iteration runs, level by level:
//
//  1. fast local moving: nodes in a random order in a queue; each moves to
//     the neighbouring community (or an empty one) with the largest gain
//     k_{v,C} - γ k_v K_C / 2W, and when it moves its neighbours outside
//     the new community rejoin the queue;
//  2. refinement: within each community, starting from single nodes, each
//     node still alone and well connected to the rest of its community
//     (k_{v,S-v} >= γ k_v (K_S - k_v) / 2W) joins a well-connected
//     subcommunity it is tied to, chosen at random with probability
//     ∝ exp(gain/θ) among those that do not lower the quality;
//  3. aggregation of the refined subcommunities into nodes, the
//     communities of step 1 as the next level's start,
//
// until the local moving leaves every node of a level alone. Further
// iterations (o.Iterations) start from the previous partition, which
// they can only improve. Every
// community is connected (the refinement merges only along ties; a final
// check splits a community into its components should one not be, which
// only raises the modularity). The random order and choices come from
// one PCG generator seeded with o.Seed: the same seed gives the same
// partition on every machine and any number of cores (the run is
// sequential). Communities are numbered 0, 1, ... by their lowest node;
// isolates are communities of their own. This is the algorithm of igraph
// community_leiden / R igraph cluster_leiden(objective_function =
// "modularity") and of leidenalg; partitions differ with the random
// choices, not in quality (the tests compare modularity).
func Leiden(ctx context.Context, g *Network, o LeidenOptions) (Groups, error) {
	gamma := o.Resolution
	if gamma == 0 {
		gamma = 1
	}
	theta := o.Theta
	if theta <= 0 {
		theta = 0.01
	}
	iters := o.Iterations
	switch {
	case iters == 0:
		iters = 2
	case iters < 0:
		iters = 100
	}
	n := g.N()
	rng := rand.New(rand.NewPCG(o.Seed, 0x1e1de7))
	memb := make([]int32, n)
	for i := range memb {
		memb[i] = int32(i)
	}
	base := newLouvainLevel(g)
	for it := 0; it < iters; it++ {
		next, err := leidenIteration(ctx, base, memb, gamma, theta, rng)
		if err != nil {
			return Groups{}, err
		}
		next, _ = renumber(next)
		same := it > 0
		for i := range next {
			if next[i] != memb[i] {
				same = false
				break
			}
		}
		memb = next
		if same {
			break
		}
	}
	memb = splitDisconnected(g, memb)
	lab32, k := renumber(memb)
	lab := make([]int, n)
	for i, l := range lab32 {
		lab[i] = int(l)
	}
	return Groups{Label: lab, K: k}, nil
}

// leidenIteration runs one iteration of Leiden from the partition memb of
// base's nodes and returns the new partition.
func leidenIteration(ctx context.Context, base *louvainLevel, memb []int32, gamma, theta float64, rng *rand.Rand) ([]int32, error) {
	n := base.n()
	lv := base
	// node2agg: original node -> node of the current level.
	node2agg := make([]int32, n)
	for i := range node2agg {
		node2agg[i] = int32(i)
	}
	comm, _ := renumber(memb)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		k, err := lv.fastMove(ctx, comm, gamma, rng)
		if err != nil {
			return nil, err
		}
		if k == lv.n() {
			break // every node alone: done
		}
		refined, rk := lv.refine(comm, gamma, theta, rng)
		// The next level: refined subcommunities as nodes, each starting
		// in its community of the local moving.
		next := make([]int32, rk)
		for v, r := range refined {
			next[r] = comm[v]
		}
		next, _ = renumber(next)
		for i := range node2agg {
			node2agg[i] = refined[node2agg[i]]
		}
		lv = lv.aggregate(refined, rk)
		comm = next
		if rk == len(refined) {
			// The refinement merged nothing: the aggregate is the same
			// network and the local moving would repeat itself.
			break
		}
	}
	out := make([]int32, n)
	for i, a := range node2agg {
		out[i] = comm[a]
	}
	return out, nil
}

// fastMove is Leiden's queue-based local moving on the level, updating
// comm (labels 0..n-1, possibly with gaps) in place; it returns the
// number of non-empty communities, or ctx's error when it is cancelled.
func (lv *louvainLevel) fastMove(ctx context.Context, comm []int32, gamma float64, rng *rand.Rand) (int, error) {
	n := lv.n()
	tot := make([]float64, n) // community strength, labels < n
	size := make([]int, n)
	for v, c := range comm {
		tot[c] += lv.k[v]
		size[c]++
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			empty = append(empty, int32(c))
		}
	}
	queue := make([]int32, n)
	for i := range queue {
		queue[i] = int32(i)
	}
	for i := n - 1; i > 0; i-- {
		j := int(boundedRand(rng, uint64(i+1)))
		queue[i], queue[j] = queue[j], queue[i]
	}
	inQueue := make([]bool, n)
	for i := range inQueue {
		inQueue[i] = true
	}
	wTo := make([]float64, n)
	seen := make([]bool, n)
	var touched []int32
	scale := gamma / lv.m2
	for head, visits := 0, 0; head < len(queue); head++ {
		if visits++; visits&4095 == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		v := queue[head]
		inQueue[v] = false
		if head > n && head > len(queue)/2 {
			// Reclaim the consumed front of the queue.
			queue = append(queue[:0], queue[head+1:]...)
			head = -1
		}
		cv := comm[v]
		touched = touched[:0]
		for e := lv.off[v]; e < lv.off[v+1]; e++ {
			c := comm[lv.adj[e]]
			if !seen[c] {
				seen[c] = true
				touched = append(touched, c)
			}
			wTo[c] += lv.w[e]
		}
		kv := lv.k[v]
		tot[cv] -= kv
		size[cv]--
		stay := wTo[cv] - kv*tot[cv]*scale // wTo[cv] is 0 unless seen
		best, bestGain := cv, stay
		for _, c := range touched {
			if c == cv {
				continue
			}
			if gain := wTo[c] - kv*tot[c]*scale; gain > bestGain {
				best, bestGain = c, gain
			}
		}
		// An empty community has gain 0.
		if best == cv && stay < 0 && size[cv] > 0 {
			best = empty[len(empty)-1]
			empty = empty[:len(empty)-1]
		}
		for _, c := range touched {
			wTo[c] = 0
			seen[c] = false
		}
		tot[best] += kv
		size[best]++
		if size[cv] == 0 && best != cv {
			empty = append(empty, cv)
		}
		if best != cv {
			comm[v] = best
			for e := lv.off[v]; e < lv.off[v+1]; e++ {
				u := lv.adj[e]
				if !inQueue[u] && comm[u] != best {
					inQueue[u] = true
					queue = append(queue, u)
				}
			}
		}
	}
	k := 0
	for _, s := range size {
		if s > 0 {
			k++
		}
	}
	return k, nil
}

// refine returns the refined partition of Leiden's step 2 (labels 0..rk-1
// numbered community by community) and rk.
func (lv *louvainLevel) refine(comm []int32, gamma, theta float64, rng *rand.Rand) ([]int32, int) {
	n := lv.n()
	scale := gamma / lv.m2
	// Members of each community, in node order.
	nc := 0
	for _, c := range comm {
		nc = max(nc, int(c)+1)
	}
	members := make([][]int32, nc)
	for v, c := range comm {
		members[c] = append(members[c], int32(v))
	}
	refined := make([]int32, n)  // node -> refined cluster (named by a node)
	clW := make([]float64, n)    // refined cluster strength
	ext := make([]float64, n)    // weight from the cluster to the rest of its community
	nonSingle := make([]bool, n) // the cluster has absorbed a node
	wTo := make([]float64, n)    // weight from the current node to each cluster
	seen := make([]bool, n)
	var cands []int32
	var cum, gains []float64
	var ok []bool
	for v := 0; v < n; v++ {
		refined[v] = int32(v)
		clW[v] = lv.k[v]
		for e := lv.off[v]; e < lv.off[v+1]; e++ {
			if comm[lv.adj[e]] == comm[v] {
				ext[v] += lv.w[e]
			}
		}
	}
	for _, ms := range members {
		if len(ms) < 2 {
			continue
		}
		totS := 0.0
		for _, v := range ms {
			totS += lv.k[v]
		}
		order := append([]int32(nil), ms...)
		for i := len(order) - 1; i > 0; i-- {
			j := int(boundedRand(rng, uint64(i+1)))
			order[i], order[j] = order[j], order[i]
		}
		for _, v := range order {
			cv := refined[v]
			if nonSingle[cv] || ext[cv] < clW[cv]*(totS-clW[cv])*scale {
				continue
			}
			kv := lv.k[v]
			clW[cv], ext[cv] = 0, 0 // v leaves its singleton
			cands = append(cands[:0], cv)
			seen[cv] = true
			for e := lv.off[v]; e < lv.off[v+1]; e++ {
				u := lv.adj[e]
				if comm[u] != comm[v] {
					continue
				}
				c := refined[u]
				if !seen[c] {
					seen[c] = true
					cands = append(cands, c)
				}
				wTo[c] += lv.w[e]
			}
			// Gains of the well-connected candidates; sample among those
			// >= 0 with weights exp(gain/θ), scaled by the best gain.
			best, bestGain := cv, 0.0
			cum = cum[:0]
			gains = append(gains[:0], make([]float64, len(cands))...)
			ok = append(ok[:0], make([]bool, len(cands))...)
			for x, c := range cands {
				if ext[c] >= clW[c]*(totS-clW[c])*scale {
					g := wTo[c] - kv*clW[c]*scale
					gains[x], ok[x] = g, g >= 0
					if g > bestGain {
						best, bestGain = c, g
					}
				}
			}
			total := 0.0
			for x := range cands {
				if ok[x] {
					total += math.Exp((gains[x] - bestGain) / theta)
				}
				cum = append(cum, total)
			}
			chosen := best
			if total > 0 {
				r := rng.Float64() * total
				for x, c := range cands {
					if ok[x] && r < cum[x] {
						chosen = c
						break
					}
				}
			}
			for _, c := range cands {
				wTo[c] = 0
				seen[c] = false
			}
			clW[chosen] += kv
			for e := lv.off[v]; e < lv.off[v+1]; e++ {
				u := lv.adj[e]
				if comm[u] != comm[v] || u == v {
					continue
				}
				if refined[u] == chosen {
					ext[chosen] -= lv.w[e]
				} else {
					ext[chosen] += lv.w[e]
				}
			}
			if chosen != cv {
				refined[v] = chosen
				nonSingle[chosen] = true
			}
		}
	}
	// Number the refined clusters community by community.
	out := make([]int32, n)
	id := make([]int32, n)
	for i := range id {
		id[i] = -1
	}
	rk := int32(0)
	for _, ms := range members {
		for _, v := range ms {
			r := refined[v]
			if id[r] < 0 {
				id[r] = rk
				rk++
			}
			out[v] = id[r]
		}
	}
	return out, int(rk)
}

// splitDisconnected gives every connected part of a community a label of
// its own.
func splitDisconnected(g *Network, memb []int32) []int32 {
	n := g.N()
	out := make([]int32, n)
	for i := range out {
		out[i] = -1
	}
	next := int32(0)
	stack := []int32{}
	for s := 0; s < n; s++ {
		if out[s] >= 0 {
			continue
		}
		out[s] = next
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, u := range g.Neighbors(int(v)) {
				if out[u] < 0 && memb[u] == memb[v] {
					out[u] = next
					stack = append(stack, u)
				}
			}
		}
		next++
	}
	return out
}
