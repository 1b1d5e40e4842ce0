package out

import (
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// A top-5 chart of a measure that is positive for two organizations shows
// two bars and says that three of the top 5 are 0.
func TestCentralityChartDropsZeros(t *testing.T) {
	d := &graph.Dataset{Sectors: []graph.Sector{{ID: "government"}, {ID: "business"}}}
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		d.Orgs = append(d.Orgs, graph.Organization{ID: id, Name: "Org " + id, Sector: "business"})
	}
	c := CentralityChart(d, []float64{0, 0.5, 0, 0, 0.25, 0}, "betweenness", 5)
	if len(c.Categories) != 2 || c.Categories[0] != "Org b" || c.Categories[1] != "Org e" {
		t.Errorf("categories %q, want Org b, Org e", c.Categories)
	}
	if c.Note != "3 of the top 5 have betweenness 0 and are not shown." {
		t.Errorf("note %q", c.Note)
	}
}
