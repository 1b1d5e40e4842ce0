package graph

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"testing"
)

// TestMixingReferences compares the sector-mixing measures with NetworkX,
// igraph and R sna (testdata/measures.py, sna.R) and the E-I indices with
// the independent count in measures.py.
func TestMixingReferences(t *testing.T) {
	for _, name := range []string{"karate", "hand"} {
		r := loadRef(t, name)
		g, p := r.network(), r.partition()
		compareScalar(t, r, "ei_index", EIIndex(g, p).Index, 1e-12)
		for k, e := range GroupEI(g, p) {
			compareScalar(t, r, fmt.Sprintf("ei_sector_%d", k), e.Index, 1e-12)
		}
		nodeEI := NodeEI(g, p)
		got := make([]float64, len(nodeEI))
		for i, e := range nodeEI {
			got[i] = e.Index
		}
		compareNodes(t, r, "ei_node", got, 1e-12)
		compareScalar(t, r, "assortativity", Assortativity(g, p), 1e-12)
		compareScalar(t, r, "assortativity_igraph", Assortativity(g, p), 1e-12)
		compareScalar(t, r, "sector_modularity", Modularity(g, p, 1), 1e-12)
		compareScalar(t, r, "sector_modularity_res2", Modularity(g, p, 2), 1e-12)
		compareScalar(t, r, "density", g.Density(), 1e-15)
		mm := MixingMatrix(g, p)
		for a := range mm.Ties {
			for b := range mm.Ties[a] {
				// NetworkX counts tie ends: within-group ties twice.
				want := mm.Ties[a][b]
				if a == b {
					want *= 2
				}
				compareScalar(t, r, fmt.Sprintf("mixing_%d_%d", a, b), float64(want), 0)
			}
		}
		compareNodes(t, r, "clustering", Clustering(g), 1e-12)
		compareScalar(t, r, "average_clustering", AverageClustering(g), 1e-12)
		compareScalar(t, r, "degree_centralization", DegreeCentralization(g), 1e-12)
		compareScalar(t, r, "weighted_degree_centralization", WeightedDegreeCentralization(g), 1e-12)
	}
}

// TestMixingByHand works the hand-checked network's sector measures out
// by hand. Sectors a = {0,1,5}, b = {2,3,8}, c = {4,6,7}; ties 0-1 (a-a),
// 0-2 (a-b), 1-2 (a-b), 2-3 (b-b), 3-4 (b-c), 3-5 (b-a), 4-5 (c-a), 6-7
// (c-c).
func TestMixingByHand(t *testing.T) {
	r := loadRef(t, "hand")
	g, p := r.network(), r.partition()
	// 5 external and 3 internal ties: (5-3)/8.
	if e := EIIndex(g, p); e.External != 5 || e.Internal != 3 || e.Index != 0.25 {
		t.Errorf("EI %+v", e)
	}
	// Sector a: inside 0-1; out 0-2, 1-2, 3-5, 4-5: (4-1)/5.
	if e := GroupEI(g, p)[0]; e.Index != 0.6 {
		t.Errorf("sector a EI %+v", e)
	}
	// The isolate has no ties: NaN.
	if e := NodeEI(g, p)[8]; !math.IsNaN(e.Index) {
		t.Errorf("isolate EI %+v", e)
	}
	// Degrees 2,2,3,3,2,2,1,1,0: Σ(3 - d) = 11 over (8)(7).
	if c := DegreeCentralization(g); !near(c, 11.0/56, 1e-15) {
		t.Errorf("centralization %v", c)
	}
	// Triangles 0-1-2 and 3-4-5: nodes 0,1,4,5 have C = 1, nodes 2 and 3
	// have 1 of 3 pairs tied; mean (4 + 2/3)/9.
	if c := AverageClustering(g); !near(c, (4+2.0/3)/9, 1e-15) {
		t.Errorf("average clustering %v", c)
	}
}

// TestEIPermutationExact checks the permutation test against exhaustive
// enumeration: a path 0-1-2-3-4-5 with sectors {0,1,2} and {3,4,5} has
// C(6,3) = 20 equally likely relabelings keeping sizes; the test's shares
// must approach the exact ones.
func TestEIPermutationExact(t *testing.T) {
	g := NewNetwork(6, []Edge{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 5, 1}})
	p := Groups{Label: []int{0, 0, 0, 1, 1, 1}, K: 2}
	obs := EIIndex(g, p) // E = 1, I = 4: -0.6
	var ge, le, two, sum float64
	// Expected E over all relabelings: 5 ties × P(ends differ) = 5 × 3×3×2/30 = 3.
	for mask := 0; mask < 64; mask++ {
		if popcount(mask) != 3 {
			continue
		}
		lab := make([]int, 6)
		for i := range lab {
			lab[i] = mask >> i & 1
		}
		e := EIIndex(g, Groups{Label: lab, K: 2})
		sum += e.Index
		if e.External >= obs.External {
			ge++
		}
		if e.External <= obs.External {
			le++
		}
		if math.Abs(float64(e.External)-3) >= math.Abs(float64(obs.External)-3) {
			two++
		}
	}
	res, _ := EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 40000, Seed: 42})
	if !near(res.Expected, sum/20, 1e-12) || !near(res.Expected, (2*3.0-5)/5, 1e-12) {
		t.Errorf("expected %v, enumeration %v", res.Expected, sum/20)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"P>=", res.PGreater, ge / 20}, {"P<=", res.PLess, le / 20}, {"two-sided", res.PTwoSided, two / 20}, {"mean", res.Mean, sum / 20}} {
		// 40,000 draws: standard error below 0.0025.
		if math.Abs(c.got-c.want) > 0.01 {
			t.Errorf("%s: %v, exact %v", c.name, c.got, c.want)
		}
	}
	again, _ := EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 40000, Seed: 42})
	if again != res {
		t.Errorf("same seed, different result: %+v vs %+v", again, res)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if one, _ := EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 40000, Seed: 42}); one != res {
		t.Errorf("GOMAXPROCS 1 differs: %+v vs %+v", one, res)
	}
	if other, _ := EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 40000, Seed: 43}); other == res {
		t.Errorf("different seeds gave identical results")
	}
}

func popcount(x int) int {
	n := 0
	for ; x > 0; x >>= 1 {
		n += x & 1
	}
	return n
}

func TestMixingEmpty(t *testing.T) {
	g := NewNetwork(3, nil)
	p := Groups{Label: []int{0, 1, 0}, K: 2}
	if !math.IsNaN(EIIndex(g, p).Index) || !math.IsNaN(Assortativity(g, p)) || !math.IsNaN(Modularity(g, p, 1)) {
		t.Error("want NaN for a network without ties")
	}
	if r, _ := EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 10, Seed: 1}); !math.IsNaN(r.PTwoSided) {
		t.Errorf("permutation test without ties: %+v", r)
	}
}

func TestEIPermutationProgressCancel(t *testing.T) {
	g, p := randomNetwork(200, 600, 2), Groups{Label: make([]int, 200), K: 2}
	for i := range p.Label {
		p.Label[i] = i % 2
	}
	last := 0
	if _, err := EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 300, Seed: 1,
		Progress: func(done, total int) { last = done }}); err != nil || last != 300 {
		t.Errorf("err %v, last progress %d, want 300", err, last)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := EIPermutationTest(ctx, g, p, PermutationOptions{Reps: 300, Seed: 1}); err != context.Canceled {
		t.Errorf("cancelled: %v", err)
	}
}
