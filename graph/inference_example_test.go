package graph_test

import (
	"context"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

func ExampleTieBlau() {
	g, sectors := hand()
	// Tie ends per sector (a: 0, 1, 5; b: 2, 3, 8; c: 4, 6, 7): a 6
	// (both ends of 0-1, and 0-2, 1-2, 3-5, 4-5), b 6, c 4, of 16:
	// 1 - (36 + 36 + 16)/256.
	fmt.Printf("%.6f %.6f\n", graph.TieBlau(g, sectors), 1-88.0/256)
	// Output: 0.656250 0.656250
}

func ExampleBrokerageSignificance() {
	g, sectors := hand()
	bt := graph.BrokerageSignificance(g, sectors)
	// Density d = 2·8/(9·8) = 2/9; a random network of that density gives
	// d²(1-d)(N-1)(N-2) = (4/81)(7/9)·56 = 2.151 brokered two-paths per
	// node and N times that in all. Observed: 2 brokers 0-2-3 and 1-2-3, 3
	// brokers 2-3-4 and 2-3-5 (the other pairs of partners are tied),
	// each in both directions: 8.
	t := len(graph.BrokerageColumns) - 1
	fmt.Printf("d %.4f expected per node %.3f, in all %.2f; observed %v, z %.2f\n",
		bt.Density, bt.Nodes[0].Expected[t], bt.Network.Expected[t], bt.Network.Observed[t], bt.Network.Z[t])
	// Output: d 0.2222 expected per node 2.151, in all 19.36; observed 8, z -1.36
}

func ExampleQAP() {
	g, sectors := hand()
	y := graph.TieDyads(g)
	same := graph.NewDyads(g.N())
	for i := 0; i < g.N(); i++ {
		for j := i + 1; j < g.N(); j++ {
			if sectors.Label[i] == sectors.Label[j] {
				same.Set(i, j, 1)
			}
		}
	}
	fit, err := graph.QAP(context.Background(), y, []graph.QAPTerm{{Name: "same-sector", X: same}},
		graph.QAPOptions{Model: graph.QAPLinear, Null: graph.QAPY, Permutations: 500, Seed: 1})
	if err != nil {
		panic(err)
	}
	c := fit.Coefficients[1]
	// 3 of the 9 same-sector pairs are tied (0-1, 2-3, 6-7), 5 of the 27
	// others: the least-squares coefficient is 3/9 - 5/27 = 0.1481, and
	// R² = β² var(x)/var(y) = 0.1481² (9·27/36²) / (8·28/36²) = 0.0238.
	fmt.Printf("%.4f %.4f R² %.4f\n", c.Estimate, 3.0/9-5.0/27, fit.RSquared)
	// Output: 0.1481 0.1481 R² 0.0238
}
