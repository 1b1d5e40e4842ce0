package out

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// TestAffiliationPinnedLarge: above largeNetwork nodes the affiliation
// view is placed in Go and pinned (one forum of 1,200 members: a star
// around the forum, every position finite, the same on a second build);
// a layout asked for by name still goes to Graphviz.
func TestAffiliationPinnedLarge(t *testing.T) {
	d := &graph.Dataset{Sectors: []graph.Sector{{ID: "a"}, {ID: "b"}}, Forums: []graph.Forum{{ID: "F1", Name: "The forum"}, {ID: "F2", Name: "Small"}}}
	for i := 0; i < 1200; i++ {
		id := fmt.Sprintf("O%04d", i)
		d.Orgs = append(d.Orgs, graph.Organization{ID: id, Name: id, Sector: []string{"a", "b"}[i%2]})
		d.Memberships = append(d.Memberships, graph.Membership{Org: id, Forum: "F1"})
		if i%100 == 0 {
			d.Memberships = append(d.Memberships, graph.Membership{Org: id, Forum: "F2"})
		}
	}
	a := NewAnalysis(d, AnalysisOptions{Source: "x"})
	o := DefaultDiagram("affiliation")
	dg, err := BuildDiagram(context.Background(), a, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(dg.Pos) != len(dg.Nodes) || len(dg.Nodes) != 1202 {
		t.Fatalf("%d positions for %d nodes", len(dg.Pos), len(dg.Nodes))
	}
	var cx, cy float64
	for _, p := range dg.Pos {
		if math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
			t.Fatalf("position %v", p)
		}
		cx, cy = cx+p.X/1202, cy+p.Y/1202
	}
	forum := slices.IndexFunc(dg.Nodes, func(n DiagramNode) bool { return n.Class == "forum" && n.Name == "The forum" })
	var far float64 // the farthest member from the centre
	for k, n := range dg.Nodes {
		if n.Class != "forum" {
			far = math.Max(far, math.Hypot(dg.Pos[k].X-cx, dg.Pos[k].Y-cy))
		}
	}
	if r := math.Hypot(dg.Pos[forum].X-cx, dg.Pos[forum].Y-cy); r > far/4 {
		t.Errorf("the forum of every member is %.0f pt from the centre, its members up to %.0f", r, far)
	}
	again, _ := BuildDiagram(context.Background(), NewAnalysis(d, AnalysisOptions{Source: "x"}), o)
	if !slices.Equal(dg.Pos, again.Pos) {
		t.Error("a second build placed the nodes elsewhere")
	}
	o.Layout = "sfdp"
	if dg, _ := BuildDiagram(context.Background(), a, o); dg.Pos != nil {
		t.Error("--layout sfdp was pinned")
	}
}
