package graph_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/sectornet/sectornet/graph"
)

// hand is the hand-checked network of the tests (testdata/hand.txt): a
// component of six organizations, a dyad and an isolate, in sectors a, b
// and c.
func hand() (*graph.Network, graph.Groups) {
	g := graph.NewNetwork(9, []graph.Edge{
		{U: 0, V: 1, W: 2}, {U: 0, V: 2, W: 1}, {U: 1, V: 2, W: 1}, {U: 2, V: 3, W: 3},
		{U: 3, V: 4, W: 1}, {U: 3, V: 5, W: 2}, {U: 4, V: 5, W: 1}, {U: 6, V: 7, W: 2},
	})
	sectors := graph.Groups{Label: []int{0, 0, 1, 1, 2, 0, 2, 2, 1}, K: 3}
	return g, sectors
}

func ExampleBetweenness() {
	g, _ := hand()
	b := graph.Betweenness(g, graph.PathsHops)
	// Node 2 lies on every shortest path from {0,1} to {3,4,5}: 6 of the
	// (n-1)(n-2)/2 = 28 pairs.
	fmt.Printf("%.6f %.6f %v\n", b[2], 6.0/28, b[8])
	// Output: 0.214286 0.214286 0
}

func ExampleCloseness() {
	g, _ := hand()
	c := graph.Closeness(g, graph.PathsHops)
	// Node 6 reaches only node 7: (1/1) × (1/8). The isolate gets 0.
	fmt.Println(c[6], c[8])
	// Output: 0.125 0
}

func ExampleShortestPathCentrality() {
	g, _ := hand()
	pc, err := graph.ShortestPathCentrality(context.Background(), g, graph.PathOptions{Paths: graph.PathsWeighted})
	if err != nil {
		panic(err)
	}
	fmt.Printf("betweenness %.4f closeness %.4f\n", pc.Betweenness[3], pc.Closeness[3])
	// Output: betweenness 0.2143 closeness 0.6944
}

func ExampleEigenvector() {
	g, _ := hand()
	x, err := graph.Eigenvector(g)
	if err != nil {
		panic(err)
	}
	// The dyad 6-7 and the isolate 8 are outside the leading component.
	fmt.Printf("%.4f %.4f %v %v\n", x[3], x[0], x[6], x[8])
	// Output: 0.6190 0.2533 0 0
}

func ExamplePageRank() {
	g, _ := hand()
	pr, err := graph.PageRank(g, graph.PageRankOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f %.4f\n", pr[3], pr[8])
	// Output: 0.1899 0.0184
}

func ExampleTwoMode() {
	// Forums F1 {A,B,C}, F2 {A,C,D}, F3 {C,D}; E in none.
	a := graph.NewAffiliation(5, 3, [][2]int{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {2, 1}, {3, 1}, {2, 2}, {3, 2}})
	c, err := graph.TwoMode(context.Background(), a, graph.PathOptions{})
	if err != nil {
		panic(err)
	}
	// C is in all three forums: degree 3/3.
	fmt.Printf("C: degree %.4f betweenness %.4f closeness %.4f\n", c.Degree[2], c.Betweenness[2], c.Closeness[2])
	// Output: C: degree 1.0000 betweenness 0.3437 closeness 1.0476
}

func ExampleEIIndex() {
	g, sectors := hand()
	ei := graph.EIIndex(g, sectors)
	fmt.Println(ei.External, ei.Internal, ei.Index)
	// Output: 5 3 0.25
}

func ExampleEIPermutationTest() {
	g, sectors := hand()
	res, err := graph.EIPermutationTest(context.Background(), g, sectors, graph.PermutationOptions{Reps: 1000, Seed: 1})
	if err != nil {
		panic(err)
	}
	// Three sectors of three: a tie is internal with probability
	// 3·(3·2)/(9·8) = 1/4, so the expected index is 1 - 2/4.
	fmt.Println(res.Observed, res.Expected)
	// Output: 0.25 0.5
}

func ExampleAssortativity() {
	g, sectors := hand()
	fmt.Printf("%.6f\n", graph.Assortativity(g, sectors))
	// Output: 0.047619
}

func ExampleModularity() {
	g, sectors := hand()
	fmt.Printf("%.6f\n", graph.Modularity(g, sectors, 1))
	// Output: 0.186391
}

func ExampleMixingMatrix() {
	g, sectors := hand()
	fmt.Println(graph.MixingMatrix(g, sectors).Ties)
	// Output: [[1 3 1] [3 1 1] [1 1 1]]
}

func ExampleDegreeCentralization() {
	g, _ := hand()
	// Degrees 2,2,3,3,2,2,1,1,0: Σ(3 - d) = 11 over (n-1)(n-2) = 56.
	fmt.Printf("%.6f\n", graph.DegreeCentralization(g))
	// Output: 0.196429
}

func ExampleAverageClustering() {
	g, _ := hand()
	fmt.Printf("%.6f\n", graph.AverageClustering(g))
	// Output: 0.518519
}

func ExampleBrokerageRoles() {
	g, sectors := hand()
	b := graph.BrokerageRoles(g, sectors)[2]
	fmt.Printf("%+v total %d\n", b, b.Total())
	// Output: {Coordinator:0 Itinerant:0 Representative:2 Gatekeeper:2 Liaison:0} total 4
}

func ExampleConstraint() {
	g, _ := hand()
	c := graph.Constraint(g)
	fmt.Printf("%.4f %v %v\n", c[3], c[6], c[8])
	// Output: 0.5008 1 NaN
}

func ExampleEffectiveSize() {
	g, _ := hand()
	e := graph.EffectiveSize(g)
	// Node 2's contacts 0, 1 (weight 1) and 3 (weight 3), strength 5: 0
	// and 1 are tied, each redundant by p = 1/5 times m = 2/2, so
	// 0.8 + 0.8 + 1.
	fmt.Printf("%.4f %v\n", e[2], e[8])
	// Output: 2.6000 NaN
}

func ExampleLouvain() {
	g, _ := hand()
	p := graph.Louvain(g, 1, 1)
	fmt.Printf("%d communities, Q = %.4f\n", p.K, graph.Modularity(g, p, 1))
	// Output: 4 communities, Q = 0.3905
}

func ExampleNMI() {
	a := graph.Groups{Label: []int{0, 0, 1, 1}, K: 2}
	b := graph.Groups{Label: []int{1, 1, 0, 0}, K: 2}
	fmt.Println(graph.NMI(a, b))
	// Output: 1
}

func ExampleApproxBetweenness() {
	// 3,000 organizations, each in 1 to 3 of 400 forums drawn at random.
	rng := rand.New(rand.NewPCG(1, 2))
	var pairs [][2]int
	for o := 0; o < 3000; o++ {
		for k := 1 + rng.IntN(3); k > 0; k-- {
			pairs = append(pairs, [2]int{o, rng.IntN(400)})
		}
	}
	g := graph.NewAffiliation(3000, 400, pairs).Project(graph.WeightCount)
	est, err := graph.ApproxBetweenness(context.Background(), g, graph.ApproxOptions{Epsilon: 0.01, Seed: 1})
	if err != nil {
		panic(err)
	}
	exact := graph.Betweenness(g, graph.PathsHops)
	worst, inOwn := 0.0, true
	for v, b := range est.Betweenness {
		worst = max(worst, math.Abs(b-exact[v]))
		inOwn = inOwn && math.Abs(b-exact[v]) <= est.Error[v]
	}
	// r = ⌈0.5/(0.01·2998/3000)² × (⌊log₂(9-2)⌋ + 1 + ln 10)⌉ = ⌈5006.67 × 5.302585⌉.
	fmt.Printf("%d sampled paths (VD ≤ %d); every error within ±%v: %v; within its own bound: %v\n",
		est.Samples, est.VertexDiameter, est.Epsilon, worst <= est.Epsilon, inOwn)
	// Output: 26549 sampled paths (VD ≤ 9); every error within ±0.01: true; within its own bound: true
}

func ExampleApproxCloseness() {
	g, _ := hand()
	// Components of at most Sources nodes are computed exactly: here all.
	est, err := graph.ApproxCloseness(context.Background(), g, graph.ApproxOptions{Sources: 10})
	if err != nil {
		panic(err)
	}
	fmt.Println(est.Exact, est.Closeness[6], est.Closeness[8])
	// Output: true 0.125 0
}
