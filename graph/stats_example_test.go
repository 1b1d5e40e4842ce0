package graph_test

import (
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// The seed's forum: 20 seats, three sectors with an equal voice, seated
// 7, 3 and 10.
func ExampleBlau() {
	shares := []float64{7.0 / 20, 3.0 / 20, 10.0 / 20}
	fmt.Printf("Blau %.4f, IQV %.4f, entropy %.4f nats\n", graph.Blau(shares), graph.IQV(shares, 3), graph.Entropy(shares))
	// Output: Blau 0.6050, IQV 0.9075, entropy 0.9986 nats
}

// Expected counts of 20/3 are above 5, so chi-square; 4, 1, 0 of five
// seats expect 5/3 each, so the exact test.
func ExampleGoodnessOfFit() {
	thirds := []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}
	for _, seats := range [][]int{{7, 3, 10}, {4, 1, 0}} {
		t := graph.GoodnessOfFit(seats, thirds)
		fmt.Printf("%v: %s, X² %.2f, df %d, p %.4f\n", seats, t.Method, t.Statistic, t.DF, t.PValue)
	}
	// Output:
	// [7 3 10]: chi-square, X² 3.70, df 2, p 0.1572
	// [4 1 0]: exact multinomial, X² 5.20, df 2, p 0.1358
}

func ExampleHypergeomUpper() {
	// 4 new ties among 12 candidate pairs, 5 of them co-participants: the
	// chance that 3 or more land on co-participants is
	// (C(5,3)C(7,1) + C(5,4)) / C(12,4) = 75/495.
	fmt.Printf("%.6f %.6f\n", graph.HypergeomUpper(12, 5, 4, 3), 75.0/495)
	// Output: 0.151515 0.151515
}
