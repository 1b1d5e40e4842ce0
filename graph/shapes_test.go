package graph

// Regression tests for the faults the differential tests found, each
// named after the smallest shape that shows it, with its values worked
// by hand or taken from NetworkX.

import (
	"context"
	"fmt"
	"testing"
)

// broom is the shape of issue 12: hub 0 with seven partners 1..7, and 7
// continuing into the path 7-8-9-10-11 (12 nodes).
func broom() *Network {
	var es []Edge
	for i := 1; i <= 7; i++ {
		es = append(es, Edge{0, i, 1})
	}
	for i := 8; i <= 11; i++ {
		es = append(es, Edge{i - 1, i, 1})
	}
	return NewNetwork(12, es)
}

// TestBroomHopPaths: from the hub, the direction-optimizing search went
// bottom-up from level 1 (the unreached 8..11 have 7 tie ends, fewer than
// the 8 of the partners 1..7), top-down from levels 2 and 3, then
// bottom-up again from level 4 over the list it made the first time,
// which still held node 9, reached at level 3: 9 was reached again, at
// level 5, and counted twice, so the hub reached "13" nodes at distance
// sum 26 and its closeness came out 12/26 × 12/11 = 0.5035.
//
// By hand, n = 12, (n-1)(n-2)/2 = 55 pairs of other nodes:
//
//	closeness = 11 / Σ distances:
//	  hub 0:     7·1 + 2 + 3 + 4 + 5 = 21 (11/21 = 0.5238)
//	  leaf 1..6: 1 + 5·2 + 2 + 3 + 4 + 5 + 6 = 31
//	  7:         1 + 6·2 + 1 + 2 + 3 + 4 = 23
//	  8:         1 + 2 + 6·3 + 1 + 2 + 3 = 27
//	  9:         1 + 2 + 3 + 6·4 + 1 + 2 = 33
//	  10:        1 + 2 + 3 + 4 + 6·5 + 1 = 41
//	  11:        1 + 2 + 3 + 4 + 5 + 6·6 = 51
//	betweenness(0): pairs of its branches {1}..{6}, {7..11}:
//	                C(6,2) + 6·5 = 45, / 55
//	betweenness(7): {0..6} × {8..11} = 7·4 = 28, / 55
//	betweenness(8), (9), (10): 8·3 = 24, 9·2 = 18, 10·1 = 10, / 55
//	leaves and 11: 0
func TestBroomHopPaths(t *testing.T) {
	g := broom()
	wantB := []float64{45.0 / 55, 0, 0, 0, 0, 0, 0, 28.0 / 55, 24.0 / 55, 18.0 / 55, 10.0 / 55, 0}
	pc, err := ShortestPathCentrality(context.Background(), g, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ce, _ := ApproxCloseness(context.Background(), g, ApproxOptions{})
	be, _ := ApproxBetweenness(context.Background(), g, ApproxOptions{})
	if !ce.Exact || !be.Exact {
		t.Fatal("--approx sampled a 12-node network")
	}
	far := []float64{21, 31, 31, 31, 31, 31, 31, 23, 27, 33, 41, 51}
	for _, c := range []struct {
		name string
		got  []float64
	}{{"closeness", pc.Closeness}, {"approx closeness", ce.Closeness}, {"approx fallback closeness", be.Closeness}} {
		for v, f := range far {
			if !near(c.got[v], 11/f, 1e-15) {
				t.Errorf("%s %d: %.4f, want 11/%v = %.4f", c.name, v, c.got[v], f, 11/f)
			}
		}
	}
	for v, w := range wantB {
		if !near(pc.Betweenness[v], w, 1e-15) || !near(be.Betweenness[v], w, 1e-15) {
			t.Errorf("betweenness %d: %v (approx fallback %v), want %v", v, pc.Betweenness[v], be.Betweenness[v], w)
		}
	}
}

// TestTreeBetweennessWholePairs: on a tree every pair has one path, so a
// node's unnormalized betweenness is the number of pairs it separates,
// Σ_{i<j} b_i b_j over the sizes b of the branches left when it is
// removed: a whole number. The faulty search gave half-integers on this
// 17-node tree (the smallest the differential test found).
func TestTreeBetweennessWholePairs(t *testing.T) {
	es := []Edge{{10, 11, 1}, {7, 10, 1}, {7, 16, 1}, {5, 10, 1}, {11, 14, 1}, {15, 16, 1}, {13, 15, 1}, {5, 9, 1},
		{8, 11, 1}, {3, 9, 1}, {3, 12, 1}, {0, 5, 1}, {4, 12, 1}, {2, 15, 1}, {1, 11, 1}, {4, 6, 1}}
	g := NewNetwork(17, es)
	n := g.N()
	pairs := float64((n - 1) * (n - 2) / 2)
	b := Betweenness(g, PathsHops)
	for v := 0; v < n; v++ {
		// Branch sizes at v, by a search that does not enter v.
		seen := make([]bool, n)
		seen[v] = true
		var sizes []int
		for _, u := range g.Neighbors(v) {
			stack, size := []int32{u}, 0
			seen[u] = true
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				size++
				for _, y := range g.Neighbors(int(x)) {
					if !seen[y] {
						seen[y] = true
						stack = append(stack, y)
					}
				}
			}
			sizes = append(sizes, size)
		}
		want := 0
		for i := range sizes {
			for j := i + 1; j < len(sizes); j++ {
				want += sizes[i] * sizes[j]
			}
		}
		if got := b[v] * pairs; !near(got, float64(want), 1e-12) {
			t.Errorf("node %d: separates %v pairs, want %d (branches %v)", v, got, want, sizes)
		}
	}
}

// TestMeetingChainTwoMode: meetings in a chain, each sharing attendees
// with the next (M0 {0,1}, M1 {1,2}, M2 {2,3,4}, M3 {3,4,5,6}, M4
// {4,5,6}), the shape of --basis meetings where the faulty search
// re-levelled nodes. Values from NetworkX 2.8.8 (Debian):
// bipartite.degree_centrality, betweenness_centrality and
// closeness_centrality(G, orgs) on the same graph.
func TestMeetingChainTwoMode(t *testing.T) {
	a := NewAffiliation(7, 5, [][2]int{{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {3, 2}, {4, 2}, {3, 3}, {4, 3}, {5, 3}, {6, 3}, {4, 4}, {5, 4}, {6, 4}})
	want := [][3]float64{ // degree, betweenness, closeness
		{0.2, 0.0, 0.2982456140350877},
		{0.4, 0.375, 0.4358974358974359},
		{0.4, 0.5833333333333334, 0.5862068965517241},
		{0.4, 0.14583333333333331, 0.5483870967741935},
		{0.6000000000000001, 0.37152777777777773, 0.5862068965517241},
		{0.4, 0.012152777777777776, 0.4146341463414634},
		{0.4, 0.012152777777777776, 0.4146341463414634},
		{0.2857142857142857, 0.19607843137254902, 0.3191489361702128},
		{0.2857142857142857, 0.47058823529411764, 0.45454545454545453},
		{0.42857142857142855, 0.6029411764705882, 0.5555555555555556},
		{0.5714285714285714, 0.24999999999999997, 0.45454545454545453},
		{0.42857142857142855, 0.10784313725490194, 0.42857142857142855},
	}
	c, err := TwoMode(context.Background(), a, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for v, w := range want {
		got := [3]float64{c.Degree[v], c.Betweenness[v], c.Closeness[v]}
		for k := range w {
			if !near(got[k], w[k], 1e-12) {
				t.Errorf("node %d: %v, NetworkX %v", v, got, w)
				break
			}
		}
	}
}

// TestWeakTwinTieTriangle: 0 and 2 are closed twins (each tied to the
// other and to 1, with weight 3 to 1), but their own tie is weak (weight
// 1, length 1), so their shortest path is 0-1-2 (length 1/3 + 1/3). The
// twin quotient, which puts twins one tie apart, gave 1 no betweenness;
// twins are now merged only when their tie is their one shortest path.
//
// By hand (n = 3, one pair besides each node): betweenness(1) = 1 (the
// pair 0-2 always passes it), 0 for the others; closeness(0) = 2 / (1/3 +
// 2/3) = 2, closeness(1) = 2 / (2/3) = 3.
func TestWeakTwinTieTriangle(t *testing.T) {
	g := NewNetwork(3, []Edge{{0, 1, 3}, {1, 2, 3}, {0, 2, 1}})
	pc, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: PathsWeighted})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(pc.Betweenness, pc.Closeness)
	if want := fmt.Sprint([]float64{0, 1, 0}, []float64{2, 3, 2}); got != want {
		t.Errorf("betweenness, closeness %s, want %s", got, want)
	}
	if findTwins(g, true) != nil {
		t.Error("0 and 2 are merged although their tie is not their shortest path")
	}
	if tw := findTwins(g, false); tw == nil || tw.class[0] != tw.class[2] {
		t.Error("hops: 0 and 2 are twins (every tie has length 1)")
	}
}

// TestCliquePermutationSD: in a clique every reassignment of the sectors
// keeps the number of cross-sector ties (it depends on the sector sizes
// only: with sizes 2, 2, 1 of 5 nodes, E = 10 - 1 - 1 = 8 of 10 ties), so
// every random index is the observed 0.6 and the SD is exactly 0. The
// one-pass Σx² - (Σx)²/r left round-off (9.9e-9 on a 6-node clique) and
// the mean of the float indices was 0.5999999999999999.
func TestCliquePermutationSD(t *testing.T) {
	var es []Edge
	for i := 0; i < 5; i++ {
		for j := i + 1; j < 5; j++ {
			es = append(es, Edge{i, j, 1})
		}
	}
	g := NewNetwork(5, es)
	res, err := EIPermutationTest(context.Background(), g, Groups{Label: []int{0, 0, 1, 1, 2}, K: 3}, PermutationOptions{Reps: 500, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.SD != 0 || res.Mean != 0.6 || res.Min != 0.6 || res.Max != 0.6 || res.Observed != 0.6 {
		t.Errorf("got %+v, want SD 0 and every index 0.6", res)
	}
}
