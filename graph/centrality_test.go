package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
)

// TestCentralityReferences compares every one-mode centrality, node by
// node, with NetworkX (testdata/measures.py) on Zachary's karate club and
// the hand-checked network.
func TestCentralityReferences(t *testing.T) {
	for _, name := range []string{"karate", "hand"} {
		r := loadRef(t, name)
		g := r.network()
		compareNodes(t, r, "degree", ints(Degree(g)), 0)
		compareNodes(t, r, "strength", Strength(g), 1e-12)
		for _, p := range []Paths{PathsHops, PathsWeighted} {
			suffix := ""
			if p == PathsWeighted {
				suffix = "_weighted"
			}
			pc, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: p})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, r, "betweenness"+suffix, pc.Betweenness, 1e-9)
			compareNodes(t, r, "closeness"+suffix, pc.Closeness, 1e-9)
			compareNodes(t, r, "betweenness"+suffix, Betweenness(g, p), 1e-9)
			compareNodes(t, r, "closeness"+suffix, Closeness(g, p), 1e-9)
		}
		ev, err := Eigenvector(g)
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, r, "eigenvector", ev, 1e-9)
		pr, err := PageRank(g, PageRankOptions{Stop: PageRankNetworkX})
		if err != nil {
			t.Fatal(err)
		}
		// The same iteration and stopping rule as NetworkX: the same
		// iterate to round-off.
		compareNodes(t, r, "pagerank", pr, 1e-12)
		pr, err = PageRank(g, PageRankOptions{Stop: PageRankNetworkX, Tol: 1e-13, MaxIter: 10000})
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, r, "pagerank_tight", pr, 1e-12)
		// The default runs to within 1e-12 of the exact scores, which
		// NetworkX with tol=1e-13 reaches too.
		pr, err = PageRank(g, PageRankOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, r, "pagerank_tight", pr, 1e-12)
	}
}

// TestCentralitySNA compares with R sna (testdata/sna.R): betweenness()
// counts each unordered pair once, unnormalized; evcent(use.eigen=TRUE) on
// the weighted adjacency matrix is the unit Perron vector.
func TestCentralitySNA(t *testing.T) {
	for _, name := range []string{"karate", "hand"} {
		r := loadRef(t, name)
		g := r.network()
		n := float64(g.N())
		b := Betweenness(g, PathsHops)
		for i := range b {
			b[i] *= (n - 1) * (n - 2) / 2
		}
		compareNodes(t, r, "sna_betweenness", b, 1e-9)
		ev, _ := Eigenvector(g)
		compareNodes(t, r, "sna_eigenvector", ev, 1e-9)
	}
}

// TestCentralityByHand checks values of the hand-checked network worked out
// by hand (testdata/hand.txt: ties 0-1 w2, 0-2, 1-2, 2-3 w3, 3-4, 3-5 w2,
// 4-5, 6-7 w2; node 8 isolated; n = 9).
func TestCentralityByHand(t *testing.T) {
	g := loadRef(t, "hand").network()
	pc, _ := ShortestPathCentrality(context.Background(), g, PathOptions{})
	// Every shortest path from {0,1} to {3,4,5} runs through 2 (6 pairs),
	// and from {0,1,2} to {4,5} through 3 (6 pairs); normalized by
	// (n-1)(n-2)/2 = 28.
	for _, c := range []struct {
		v    int
		want float64
	}{{2, 6.0 / 28}, {3, 6.0 / 28}, {0, 0}, {6, 0}, {8, 0}} {
		if !near(pc.Betweenness[c.v], c.want, 1e-15) {
			t.Errorf("betweenness %d: %v, want %v", c.v, pc.Betweenness[c.v], c.want)
		}
	}
	// Node 6 reaches only 7 (r = 2, distance 1): 1/1 × 1/8. Node 2 reaches
	// 0,1,3 at 1 and 4,5 at 2: 5/7 × 5/8. The isolate: 0.
	for _, c := range []struct {
		v    int
		want float64
	}{{6, 1.0 / 8}, {2, 5.0 / 7 * 5 / 8}, {8, 0}} {
		if !near(pc.Closeness[c.v], c.want, 1e-15) {
			t.Errorf("closeness %d: %v, want %v", c.v, pc.Closeness[c.v], c.want)
		}
	}
	// Weighted: 2-3 has length 1/3, so 0 → 3 costs 1 + 1/3 and 0 → 5
	// costs 1 + 1/3 + 1/2 (via 3, not 4).
	pw, _ := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: PathsWeighted})
	far0 := 0.5 + 1 + (1 + 1.0/3) + (1 + 1.0/3 + 1) + (1 + 1.0/3 + 0.5)
	if want := 5 / far0 * (5.0 / 8); !near(pw.Closeness[0], want, 1e-12) {
		t.Errorf("weighted closeness 0: %v, want %v", pw.Closeness[0], want)
	}
	// The dyad's eigenvalue 2 is below the big component's, so 6, 7 and
	// the isolate get 0.
	ev, _ := Eigenvector(g)
	for _, v := range []int{6, 7, 8} {
		if ev[v] != 0 {
			t.Errorf("eigenvector %d = %v, want 0", v, ev[v])
		}
	}
}

// TestEigenvectorTies checks the documented choice for components sharing
// the largest eigenvalue: two equal dyads share the vector evenly, each
// node 1/2 (unit norm over four nodes).
func TestEigenvectorTies(t *testing.T) {
	g := NewNetwork(5, []Edge{{0, 1, 3}, {2, 3, 3}})
	ev, err := Eigenvector(g)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.5, 0.5, 0.5, 0.5, 0} {
		if !near(ev[i], want, 1e-15) {
			t.Errorf("node %d: %v, want %v", i, ev[i], want)
		}
	}
	if ev, _ := Eigenvector(NewNetwork(3, nil)); ev[0] != 0 || ev[2] != 0 {
		t.Errorf("no ties: %v, want zeros", ev)
	}
}

// randomNetwork returns a deterministic sparse random network with
// weights 1..4, for oracle comparisons.
func randomNetwork(n, m int, seed uint64) *Network {
	rng := rand.New(rand.NewPCG(seed, 1))
	var es []Edge
	for len(es) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u != v {
			es = append(es, Edge{U: u, V: v, W: float64(1 + rng.IntN(4))})
		}
	}
	return NewNetwork(n, es)
}

// TestEigenvectorLanczos checks the Lanczos solver used for components
// above denseEigenMax nodes against gonum's dense symmetric
// eigendecomposition on the same connected networks.
func TestEigenvectorLanczos(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		g := randomNetwork(400, 2000, seed)
		label, _ := g.Components()
		var ms []int32
		for v, l := range label {
			if l == label[0] {
				ms = append(ms, int32(v))
			}
		}
		sub := induced(g, ms)
		lamD, xD := perronDense(sub)
		lamL, xL, err := perronLanczos(sub, 1e-12, 500)
		if err != nil {
			t.Fatal(err)
		}
		if !near(lamL, lamD, 1e-10) {
			t.Errorf("seed %d: λ Lanczos %v, dense %v", seed, lamL, lamD)
		}
		if dot(xL, xD) < 0 {
			for i := range xL {
				xL[i] = -xL[i]
			}
		}
		for i := range xD {
			if math.Abs(xL[i]-xD[i]) > 1e-9 {
				t.Fatalf("seed %d node %d: Lanczos %v, dense %v", seed, i, xL[i], xD[i])
			}
		}
	}
}

// TestBetweennessGonum compares with gonum's Brandes implementations,
// the oracle the issue names: network.Betweenness counts each unordered
// pair twice and omits zeros; network.BetweennessWeighted takes the edge
// weights as lengths.
func TestBetweennessGonum(t *testing.T) {
	g := randomNetwork(120, 300, 7)
	n := float64(g.N())
	norm := (n - 1) * (n - 2)
	got := Betweenness(g, PathsHops)
	want := network.Betweenness(g)
	for v := range got {
		if !near(got[v], want[int64(v)]/norm, 1e-12) {
			t.Errorf("hops node %d: %v, gonum %v", v, got[v], want[int64(v)]/norm)
		}
	}
	// Weights 1, 1/2, 1/4 give integer lengths 1, 2, 4, so that tied path
	// lengths are exactly equal whatever the order of summation (gonum's
	// Floyd-Warshall adds in another order than Dijkstra).
	g = &Network{Off: g.Off, Adj: g.Adj, W: make([]float64, len(g.W))}
	lengths := &Network{Off: g.Off, Adj: g.Adj, W: make([]float64, len(g.W))}
	for i := 0; i < g.N(); i++ {
		for e := g.Off[i]; e < g.Off[i+1]; e++ {
			j := int(g.Adj[e])
			lengths.W[e] = float64(int(1) << ((min(i, j)*7 + max(i, j)*3) % 3))
			g.W[e] = 1 / lengths.W[e]
		}
	}
	all, _ := path.FloydWarshall(lengths)
	wantW := network.BetweennessWeighted(lengths, all)
	gotW := Betweenness(g, PathsWeighted)
	for v := range gotW {
		if !near(gotW[v], wantW[int64(v)]/norm, 1e-9) {
			t.Errorf("weighted node %d: %v, gonum %v", v, gotW[v], wantW[int64(v)]/norm)
		}
	}
}

// TestPathsDeterministic checks that the results are bit-identical for
// every number of workers and GOMAXPROCS 1 and 2 (issue 7).
func TestPathsDeterministic(t *testing.T) {
	g := randomNetwork(700, 4000, 3)
	for _, p := range []Paths{PathsHops, PathsWeighted} {
		var first PathCentrality
		for i, workers := range []int{1, 2, 3, 8, 0} {
			if workers == 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			}
			pc, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: p, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = pc
				continue
			}
			for v := range pc.Betweenness {
				if pc.Betweenness[v] != first.Betweenness[v] || pc.Closeness[v] != first.Closeness[v] {
					t.Fatalf("%v workers %d node %d differs: %v vs %v", p, workers, v, pc.Betweenness[v], first.Betweenness[v])
				}
			}
		}
	}
}

func TestPathsCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ShortestPathCentrality(ctx, randomNetwork(300, 900, 1), PathOptions{}); err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestPathsProgress(t *testing.T) {
	var last, calls int
	_, err := ShortestPathCentrality(context.Background(), randomNetwork(300, 900, 1), PathOptions{
		Workers:  2,
		Progress: func(done, total int) { last = done; calls++ },
	})
	if err != nil || last != 300 || calls != numBlocks(300) {
		t.Errorf("err %v, last %d, calls %d", err, last, calls)
	}
}

// TestPageRankDeterministic: the parallel iteration gives the same bits
// with one core and with two (issue 7).
func TestPageRankDeterministic(t *testing.T) {
	g := randomNetwork(20000, 60000, 4)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one, err := PageRank(g, PageRankOptions{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GOMAXPROCS(2)
	two, _ := PageRank(g, PageRankOptions{})
	for i := range one {
		if one[i] != two[i] {
			t.Fatalf("node %d: %v with one core, %v with two", i, one[i], two[i])
		}
	}
}

// TestTwinsNetworkX compares betweenness and closeness with NetworkX on a
// co-membership projection full of closed twins (testdata/twins.py), where
// the Brandes passes run on the quotient by twin classes, and checks that
// the quotient is used, that it is exact for the twins' own pairs, and that
// its results are the same bits on any number of workers.
func TestTwinsNetworkX(t *testing.T) {
	r := loadRef(t, "twins")
	g := r.network()
	for _, weighted := range []bool{false, true} {
		tw := findTwins(g, weighted)
		if tw == nil || tw.q.N() > g.N()*2/3 {
			t.Fatalf("weighted %v: twins not found (%v)", weighted, tw)
		}
	}
	for _, p := range []Paths{PathsHops, PathsWeighted} {
		suffix := ""
		if p == PathsWeighted {
			suffix = "_weighted"
		}
		var first PathCentrality
		for i, workers := range []int{1, 2, 5} {
			pc, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: p, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			compareNodes(t, r, "betweenness"+suffix, pc.Betweenness, 1e-12)
			compareNodes(t, r, "closeness"+suffix, pc.Closeness, 1e-12)
			if i == 0 {
				first = pc
			}
			for v := range pc.Betweenness {
				if pc.Betweenness[v] != first.Betweenness[v] || pc.Closeness[v] != first.Closeness[v] {
					t.Fatalf("%v: workers %d node %d differs from one worker", p, workers, v)
				}
			}
		}
	}
}

// TestClosedTwins checks the twin classes on networks worked by hand.
func TestClosedTwins(t *testing.T) {
	// A triangle 0-1-2 with a tail 2-3: N[0] = N[1] = {0,1,2}, so 0 and 1
	// are twins; 2 (N[2] = {0,1,2,3}) and 3 are not.
	g := NewNetwork(4, []Edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}})
	tw := findTwins(g, false)
	if tw == nil || tw.class[0] != tw.class[1] || tw.class[2] == tw.class[0] || tw.class[3] == tw.class[2] || tw.q.N() != 3 {
		t.Fatalf("triangle with a tail: %+v", tw)
	}
	// With weights, 0 and 1 differ in their weight to 2.
	g = NewNetwork(4, []Edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 2}, {2, 3, 1}})
	if findTwins(g, true) != nil {
		t.Error("weighted: 0 and 1 are not twins (weights 1 and 2 to node 2)")
	}
	if tw := findTwins(g, false); tw == nil || tw.class[0] != tw.class[1] {
		t.Error("hops: 0 and 1 are twins whatever the weights")
	}
	// Open twins (same neighbours, not tied to each other) are not closed
	// twins: the star 0-1, 0-2.
	if findTwins(NewNetwork(3, []Edge{{0, 1, 1}, {0, 2, 1}}), false) != nil {
		t.Error("star: leaves are open twins, not closed")
	}
}
