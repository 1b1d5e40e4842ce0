package graph_test

import (
	"context"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// coreNet is a complete core of four (0-3), each with one partner of its
// own in the periphery (4-7), and an isolate (8).
func coreNet() *graph.Network {
	var es []graph.Edge
	for i := 0; i < 4; i++ {
		for j := i + 1; j < 4; j++ {
			es = append(es, graph.Edge{U: i, V: j, W: 1})
		}
		es = append(es, graph.Edge{U: i, V: 4 + i, W: 1})
	}
	return graph.NewNetwork(9, es)
}

func ExampleCoreNumbers() {
	fmt.Println(graph.CoreNumbers(coreNet()))
	// Output: [3 3 3 3 1 1 1 1 0]
}

func ExampleCorePeripheryPartition() {
	cp, _ := graph.CorePeripheryPartition(context.Background(), coreNet(), graph.CorePeripheryOptions{Seed: 1})
	// The core's 6 pairs are all tied, the periphery's 10 not at all: the
	// ties are the ideal pattern, ρ = 1.
	fmt.Println(cp.Core, cp.Fit, cp.CrossDensity)
	// Output: [true true true true false false false false false] 1 0.2
}

func ExampleTransitivity() {
	// The core holds 4 triangles, each closing 3 two-paths: 12 closed of
	// the C(4,2) = 6 two-paths at each core node (the periphery has none),
	// 12 / 24.
	fmt.Println(graph.Transitivity(coreNet()))
	// Output: 0.5
}

func ExampleBurtMeasures() {
	b := graph.BurtMeasures(coreNet())
	// Node 4's one contact: constraint 1, effective size 1, no hierarchy.
	fmt.Println(b.Constraint[4], b.EffectiveSize[4], b.Efficiency[4], b.Hierarchy[4])
	// Output: 1 1 1 NaN
}

func ExampleSegregationIndices() {
	g := coreNet()
	// The core in one sector, the periphery and the isolate in another:
	// the 6 core ties are within, the 4 core-periphery ties across. Pairs:
	// W = 6 + 10 within, B = 20 across; OR = 6·(20-4) / ((16-6)·4) = 2.4,
	// Q = (96-40)/(96+40). 10 ties can have 0 to 10 across: E-I's range is
	// -1..1, so the rescaled index is E-I itself.
	p := graph.Groups{Label: []int{0, 0, 0, 0, 1, 1, 1, 1, 1}, K: 2}
	s := graph.SegregationIndices(g, p).Overall
	fmt.Printf("E-I %.2f, rescaled %.2f, ORWG %.1f, Yule's Q %.3f\n", s.EI, s.EIRescaled, s.ORWG, s.YuleQ)
	// Output: E-I -0.20, rescaled -0.20, ORWG 2.4, Yule's Q 0.412
}

func ExampleLeiden() {
	// Two triangles joined by one tie: two communities.
	g := graph.NewNetwork(6, []graph.Edge{{U: 0, V: 1, W: 1}, {U: 1, V: 2, W: 1}, {U: 0, V: 2, W: 1},
		{U: 3, V: 4, W: 1}, {U: 4, V: 5, W: 1}, {U: 3, V: 5, W: 1}, {U: 2, V: 3, W: 1}})
	p, _ := graph.Leiden(context.Background(), g, graph.LeidenOptions{Seed: 1})
	fmt.Println(p.Label, p.K)
	// Output: [0 0 0 1 1 1] 2
}

func ExamplePathMeasures() {
	ps, _ := graph.PathMeasures(context.Background(), coreNet())
	big := ps.Components[0]
	fmt.Println(big.Nodes, big.Diameter, ps.Eccentricity[4], ps.Harmonic[8])
	// Output: 8 3 3 0
}
