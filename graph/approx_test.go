package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"testing"
)

// TestApproxBetweennessKarate samples betweenness on Zachary's karate club
// and on the twin-rich projection of testdata/twins.txt (sampled on its
// quotient) and checks every node against NetworkX's exact value: within
// ε, and within its own empirical Bernstein bound.
func TestApproxBetweennessKarate(t *testing.T) {
	tw := loadRef(t, "twins")
	for seed := uint64(1); seed <= 3; seed++ {
		est, err := ApproxBetweenness(context.Background(), tw.network(), ApproxOptions{Epsilon: 0.01, Seed: seed, forceSampling: true})
		if err != nil || est.Exact {
			t.Fatal(err, est.Exact)
		}
		checkBetweennessBounds(t, est, tw.value(t, "betweenness"))
	}
	r := loadRef(t, "karate")
	g := r.network()
	want := r.value(t, "betweenness")
	for seed := uint64(1); seed <= 5; seed++ {
		est, err := ApproxBetweenness(context.Background(), g, ApproxOptions{Epsilon: 0.02, Seed: seed, forceSampling: true})
		if err != nil {
			t.Fatal(err)
		}
		if est.Exact || est.Samples == 0 {
			t.Fatal("sampling was not used")
		}
		// VD: karate's diameter is 5 hops (6 nodes); node 0's
		// eccentricity is 3, so the bound is min(34, 2·3+1) = 7 and
		// r = ⌈0.5/(0.02·32/34)² (⌊log₂ 5⌋ + 1 + ln 10)⌉ = ⌈3193.57 × 5.302585⌉.
		if est.VertexDiameter != 7 || est.Samples != int(math.Ceil(0.5/math.Pow(0.02*32/34, 2)*(3+math.Log(10)))) {
			t.Errorf("VD %d, r %d", est.VertexDiameter, est.Samples)
		}
		checkBetweennessBounds(t, est, want)
	}
}

// checkBetweennessBounds checks est against exact values: every error
// within ε and within the node's own bound.
func checkBetweennessBounds(t *testing.T, est BetweennessEstimate, want []float64) {
	t.Helper()
	worst, worstRatio := 0.0, 0.0
	for v, w := range want {
		d := math.Abs(est.Betweenness[v] - w)
		worst = max(worst, d)
		if d > est.Epsilon {
			t.Errorf("node %d: %v, exact %v: error %.3g > ε = %v", v, est.Betweenness[v], w, d, est.Epsilon)
		}
		if d > est.Error[v] {
			t.Errorf("node %d: %v, exact %v: error %.3g > its bound %.3g", v, est.Betweenness[v], w, d, est.Error[v])
		}
		if est.Error[v] > 0 {
			worstRatio = max(worstRatio, d/est.Error[v])
		}
	}
	t.Logf("r = %d: largest error %.3g (ε %.3g); largest error / own bound %.2f", est.Samples, worst, est.Epsilon, worstRatio)
}

// plantedBrokers returns a generated co-membership network
// (benchAffiliation, shaped like gen.py) of n organizations plus 20
// umbrella organizations: umbrella j sits in 3 of the network's forums and
// in a forum of its own with ⌊base · 1.1^j⌋ member organizations found
// nowhere else (its chapters), so every path from a chapter to the rest
// runs through it: peak bodies, the brokers a partnership's staff look
// for.
func plantedBrokers(n int, seed uint64, base float64) *Network {
	a, _ := benchAffiliation(n, seed)
	rng := rand.New(rand.NewPCG(seed, 99))
	nf := len(a.GroupMembers)
	var pairs [][2]int
	for o, gs := range a.OrgGroups {
		for _, f := range gs {
			pairs = append(pairs, [2]int{o, int(f)})
		}
	}
	next, forum := n+20, nf
	for j := 0; j < 20; j++ {
		u := n + j
		for _, f := range rng.Perm(nf)[:3] {
			pairs = append(pairs, [2]int{u, f})
		}
		pairs = append(pairs, [2]int{u, forum})
		for c := 0; c < int(base*math.Pow(1.1, float64(j))); c++ {
			pairs = append(pairs, [2]int{next, forum})
			next++
		}
		forum++
	}
	return NewAffiliation(next, forum, pairs).Project(WeightCount)
}

// topK returns the indices of the k largest values, ties by index.
func topK(x []float64, k int) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return x[idx[i]] > x[idx[j]] })
	return idx[:k]
}

// TestApproxTopBrokers: on a generated network of 1,500 organizations
// with 20 umbrella organizations and their 3,426 chapters, the sampled
// top 20 brokers (ε = 0.002) are the exact top 20, in the same order, and
// every error respects both bounds. The exact top 20 (19 umbrellas and a
// hub) are at least 3.1% apart. Sampling cannot order nodes whose
// betweenness differs by less than its error: on gen.py's networks many
// hubs lie within 0.5% of each other, which is why the per-node bounds are
// printed with the output (TestApproxRankingResolved).
func TestApproxTopBrokers(t *testing.T) {
	g := plantedBrokers(1500, 11, 60)
	exact := Betweenness(g, PathsHops)
	want := topK(exact, 21)
	gap := 1.0
	for k := 0; k < 20; k++ {
		gap = min(gap, (exact[want[k]]-exact[want[k+1]])/exact[want[k]])
	}
	t.Logf("exact top 20 from %.4f to %.4f; smallest relative gap %.3f", exact[want[0]], exact[want[19]], gap)
	est, err := ApproxBetweenness(context.Background(), g, ApproxOptions{Epsilon: 0.002, Seed: 1, forceSampling: true})
	if err != nil {
		t.Fatal(err)
	}
	checkBetweennessBounds(t, est, exact)
	if got := topK(est.Betweenness, 20); !slices.Equal(got, want[:20]) {
		t.Errorf("top 20: sampled %v, exact %v", got, want[:20])
	}
}

// TestApproxRankingResolved: on a plain generated network (no planted
// brokers), wherever the bounds of two of the exact top 20 do not overlap,
// the sampled order is the exact one.
func TestApproxRankingResolved(t *testing.T) {
	a, _ := benchAffiliation(2000, 4)
	g := a.Project(WeightCount)
	exact := Betweenness(g, PathsHops)
	est, err := ApproxBetweenness(context.Background(), g, ApproxOptions{Epsilon: 0.004, Seed: 2, forceSampling: true})
	if err != nil {
		t.Fatal(err)
	}
	checkBetweennessBounds(t, est, exact)
	top := topK(exact, 20)
	resolved := 0
	for i, u := range top {
		for _, v := range top[i+1:] {
			b, e := est.Betweenness, est.Error
			if b[u]-e[u] > b[v]+e[v] || b[v]-e[v] > b[u]+e[u] {
				resolved++
				if (b[u] > b[v]) != (exact[u] > exact[v]) {
					t.Errorf("nodes %d, %d: sampled %v > %v, exact %v > %v", u, v, b[u], b[v], exact[u], exact[v])
				}
			}
		}
	}
	t.Logf("%d of 190 pairs of the top 20 resolved by their bounds", resolved)
}

// TestApproxBetweennessDeterministic: the same seed gives the same bits
// on any number of workers and GOMAXPROCS 1 and 2; another seed differs.
func TestApproxBetweennessDeterministic(t *testing.T) {
	a, _ := benchAffiliation(1000, 2)
	g := a.Project(WeightCount)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	o := ApproxOptions{Epsilon: 0.01, Seed: 3, forceSampling: true}
	first, _ := ApproxBetweenness(context.Background(), g, o)
	runtime.GOMAXPROCS(2)
	for _, w := range []int{0, 1, 2, 7} {
		o.Workers = w
		est, _ := ApproxBetweenness(context.Background(), g, o)
		if !slices.Equal(est.Betweenness, first.Betweenness) || !slices.Equal(est.Error, first.Error) {
			t.Fatalf("workers %d: estimates differ", w)
		}
	}
	o.Seed = 4
	if other, _ := ApproxBetweenness(context.Background(), g, o); slices.Equal(other.Betweenness, first.Betweenness) {
		t.Error("seeds 3 and 4 gave the same estimates")
	}
}

// TestApproxBetweennessExact: when sampling would cost more than the exact
// computation (karate with the default ε), the exact values are returned.
func TestApproxBetweennessExact(t *testing.T) {
	r := loadRef(t, "karate")
	est, err := ApproxBetweenness(context.Background(), r.network(), ApproxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !est.Exact || est.Epsilon != 0 || est.Error != nil || len(est.Closeness) != 34 {
		t.Fatalf("not exact: %+v", est)
	}
	compareNodes(t, r, "betweenness", est.Betweenness, 1e-12)
	compareNodes(t, r, "closeness", est.Closeness, 1e-12)
	// Two dyads and an isolate: no shortest path has an interior node
	// (VD = min(2, 2·1+1) = 2), so all betweenness is exactly 0.
	dyads := NewNetwork(5, []Edge{{0, 1, 1}, {2, 3, 1}})
	if est, _ := ApproxBetweenness(context.Background(), dyads, ApproxOptions{forceSampling: true}); !est.Exact || est.VertexDiameter != 2 {
		t.Errorf("dyads: %+v", est)
	}
}

func TestApproxCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a, _ := benchAffiliation(500, 1)
	g := a.Project(WeightCount)
	if _, err := ApproxBetweenness(ctx, g, ApproxOptions{forceSampling: true}); err != context.Canceled {
		t.Errorf("betweenness: %v", err)
	}
	if _, err := ApproxCloseness(ctx, g, ApproxOptions{Sources: 10}); err != context.Canceled {
		t.Errorf("closeness: %v", err)
	}
}

// TestApproxCloseness checks the sampled closeness against the exact one
// on a generated network with small components: every mean distance
// within the stated bound, small components exact, and the same bits on
// any number of workers.
func TestApproxCloseness(t *testing.T) {
	a, _ := benchAffiliation(1500, 6)
	g := a.Project(WeightCount)
	// Add a separate triangle and an isolate.
	n := g.N()
	es := g.Edges()
	es = append(es, Edge{U: n, V: n + 1, W: 1}, Edge{U: n + 1, V: n + 2, W: 1}, Edge{U: n, V: n + 2, W: 1})
	g = NewNetwork(n+4, es)
	n = g.N()
	exact := Closeness(g, PathsHops)
	label, count := g.Components()
	size := make([]int, count)
	for _, l := range label {
		size[l]++
	}
	var first []float64
	for _, w := range []int{1, 2, 3} {
		est, err := ApproxCloseness(context.Background(), g, ApproxOptions{Sources: 100, Seed: 9, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if est.Exact || est.Sources != 100 || !(est.Bound > 0) {
			t.Fatalf("%+v", est)
		}
		if first == nil {
			first = est.Closeness
			worst := 0.0
			for v := range exact {
				r := float64(size[label[v]] - 1)
				if size[label[v]] <= 100 {
					if est.Closeness[v] != exact[v] {
						t.Errorf("node %d in a component of %d: %v, exact %v", v, size[label[v]], est.Closeness[v], exact[v])
					}
					continue
				}
				// mean distance f = (r-1)/((n-1) c)
				f := r / (float64(n-1) * exact[v])
				fe := r / (float64(n-1) * est.Closeness[v])
				worst = max(worst, math.Abs(fe-f))
				if math.Abs(fe-f) > est.Bound {
					t.Errorf("node %d: mean distance %v, exact %v, bound %v", v, fe, f, est.Bound)
				}
			}
			t.Logf("largest error in mean distance %.3g hops, bound %.3g", worst, est.Bound)
		} else if !slices.Equal(first, est.Closeness) {
			t.Fatalf("workers %d: estimates differ", w)
		}
	}
	est, _ := ApproxCloseness(context.Background(), g, ApproxOptions{Sources: n})
	if !est.Exact || est.Bound != 0 || !slices.Equal(est.Closeness, exact) {
		t.Error("with as many sources as nodes, closeness should be exact")
	}
}
