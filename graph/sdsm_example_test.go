package graph_test

import (
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// The example of the R backbone package's tests: three organizations and
// four forums. Organizations 0 and 2 share two forums; under the
// stochastic degree sequence model they would share at least two with
// probability 0.555 (backbone's normal approximation says 0.549; the
// Python reference of testdata/sdsm_ref.py gives 0.5553), expecting 1.62:
// not significant. Organization 1 shares no forum, so has no tie.
func ExampleSDSM() {
	a := graph.NewAffiliation(3, 4, [][2]int{{0, 0}, {0, 2}, {0, 3}, {1, 1}, {2, 0}, {2, 3}})
	p, expected := graph.SDSMExpected(a)
	fmt.Printf("tie 0-2: p = %.3f, expected %.2f shared forums\n", p[0], expected[0])
	b := graph.SignificantBackbone(a.Project(graph.WeightCount), graph.AdjustPValues(p, graph.CorrectHolm), 0.05)
	fmt.Println(len(b.Edges), "of", b.Total, "ties kept")
	// Output:
	// tie 0-2: p = 0.555, expected 1.62 shared forums
	// 0 of 1 ties kept
}
