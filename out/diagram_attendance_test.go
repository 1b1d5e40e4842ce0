package out

import (
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestAttendanceDiagram: on the sample, one cell per meeting held for each
// member, as many "came" cells as the members' attendances (Engage's
// counts, 56 + 112 + 72 + 48 + 42 = 330 in the sector table, as the README
// recounts with Python), and sector-coloured; above AttendanceMapRows seats
// one cell per sector and period.
func TestAttendanceDiagram(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	e := graph.Engage(d, graph.DefaultEngagement)
	trends, _ := graph.Trends(d, graph.PeriodQuarter)
	dg := AttendanceDiagram(d, e, trends, "t")
	came, cells := 0, 0
	for _, n := range dg.Nodes {
		if n.Class == "cell" {
			cells++
			if strings.HasSuffix(n.Name, ": came") {
				came++
			}
		}
	}
	held := 0
	for _, me := range e.Members {
		held += me.Held
	}
	if came != 330 || cells != held || len(dg.Pos) != len(dg.Nodes) {
		t.Errorf("%d came cells (want 330), %d cells (want %d)", came, cells, held)
	}
	// Many seats: a copy of the members, repeated past the limit.
	big := *e
	for len(big.Members) <= AttendanceMapRows {
		big.Members = append(big.Members, e.Members...)
	}
	dg = AttendanceDiagram(d, &big, trends, "t")
	cells = 0
	for _, n := range dg.Nodes {
		if n.Class == "cell" {
			cells++
		}
	}
	if cells != len(d.Sectors)*len(trends) || !strings.Contains(strings.Join(dg.Legend.Notes, " "), "aggregated") {
		t.Errorf("aggregated: %d cells for %d sectors and %d periods; notes %q", cells, len(d.Sectors), len(trends), dg.Legend.Notes)
	}
}
