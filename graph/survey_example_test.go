package graph_test

import (
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// survey: A and B name each other, A names C, C did not answer.
func exampleSurvey() *graph.Dataset {
	d := &graph.Dataset{Sectors: []graph.Sector{{ID: "gov"}, {ID: "npo"}}}
	for _, o := range [][2]string{{"A", "gov"}, {"B", "npo"}, {"C", "npo"}} {
		d.Orgs = append(d.Orgs, graph.Organization{ID: o[0], Name: o[0], Sector: o[1]})
	}
	d.Respondents = []graph.Respondent{{Org: "A", Wave: "1"}, {Org: "B", Wave: "1"}}
	for _, r := range [][2]string{{"A", "B"}, {"B", "A"}, {"A", "C"}} {
		d.Ties = append(d.Ties, graph.Tie{Source: r[0], Target: r[1], Wave: "1", Weight: 1, Trust: graph.NoScore, Value: graph.NoScore})
	}
	return d
}

func ExampleReports_Reciprocity() {
	x := graph.DirectedReports(exampleSurvey(), "1", "").Reciprocity()
	fmt.Printf("arcs %d, mutual %d, asymmetric %d\n", x.Arcs, x.Mutual, x.Asym)
	fmt.Printf("arc %.3f, dyad %.3f, confirmed %.0f%%\n", x.Arc, x.Dyad, 100*x.Confirmed)
	// Output:
	// arcs 3, mutual 1, asymmetric 1
	// arc 0.667, dyad 0.500, confirmed 100%
}

func ExampleTieNetworkRule() {
	d := exampleSurvey()
	for _, r := range graph.Rules {
		g := graph.TieNetworkRule(d, "1", "", r, graph.MissingReconstruct)
		fmt.Printf("%s: %d ties\n", r, len(g.Edges()))
	}
	// Output:
	// max: 2 ties
	// min: 2 ties
	// union: 2 ties
	// reciprocated: 1 ties
	// respondent-only: 1 ties
}

func ExampleResponseRates() {
	for _, w := range graph.ResponseRates(exampleSurvey()) {
		fmt.Printf("wave %s: %d of %d (inferred %v); npo %d of %d\n", w.Wave, w.All.Responded, w.All.Orgs, w.Inferred, w.Sectors[1].Responded, w.Sectors[1].Orgs)
	}
	// Output:
	// wave 1: 2 of 3 (inferred false); npo 1 of 2
}

func ExamplePartnerReport_Trust() {
	p := graph.PartnerReport{Reliability: 4, Mission: 3, Openness: graph.NoScore, Power: 2, Involvement: 2, Resources: 1}
	fmt.Printf("trust %.2f, value %.2f\n", p.Trust(), p.Value())
	// Output:
	// trust 3.50, value 1.67
}
