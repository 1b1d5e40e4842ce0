package graph_test

import (
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// A hub 0 with one heavy tie (to 1) among three: from 0's side the heavy
// tie carries 6/8 of its strength, α = (1 - 6/8)^(3-1) = 0.0625, the only
// tie significant at 0.1. Nodes 2 and 3 lose their ties; an isolate
// (node 4) has no tie to test.
func ExampleDisparityBackbone() {
	g := graph.NewNetwork(5, []graph.Edge{{U: 0, V: 1, W: 6}, {U: 0, V: 2, W: 1}, {U: 0, V: 3, W: 1}, {U: 1, V: 2, W: 2}})
	fmt.Println(graph.DisparityPValues(g)[0])
	b := graph.DisparityBackbone(g, 0.1)
	fmt.Println(b.Edges, b.Total, b.Orphans)
	// Output:
	// 0.0625
	// [{0 1 6}] 4 2
}
