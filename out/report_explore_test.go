package out

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// TestCommunityMap is the map of a network too large to draw one by one
// (above MapOrganizations), on a small network worked by hand with the
// 50 marks of its own (mapTopOrgs) chosen by the betweenness given:
//
//	orgs 0..49: a path 0-1-...-49, community 0; 50..53: a cycle
//	50-51-52-53-50, community 1, joined by 49-50; 54: an isolate,
//	community 2. Sectors: 50 and 51 gov, 52 and 53 bus, the rest gov.
//	Betweenness (given): 1 for 0..47, 0.5 for 50 and 51, 0 else, so the
//	top 50 are 0..47, 50, 51.
//
// Marks: community 0's mark stands for 48 and 49 (the others are drawn on
// their own; both gov), community 1's for 52 and 53 (both bus); the
// isolate is not drawn. Nodes: the two communities first (0, 1), then the
// 50 organizations in order (org 0 is node 2, org 47 node 49, org 50
// node 50, org 51 node 51). Ties: the 47 of the path 0..47 (nodes 2..49),
// 47-48 (49, 0), 49-50 (0, 50), 50-51 (50, 51), 51-52 (1, 51), 53-50
// (1, 50); 48-49 and 52-53 fall within a mark: 52 ties of weight 1.
func TestCommunityMap(t *testing.T) {
	d := &graph.Dataset{Sectors: []graph.Sector{{ID: "gov", Label: "Government"}, {ID: "bus", Label: "Business"}}}
	for i := range 55 {
		s := "gov"
		if i == 52 || i == 53 {
			s = "bus"
		}
		d.Orgs = append(d.Orgs, graph.Organization{ID: fmt.Sprintf("O%02d", i), Sector: s})
	}
	var es []graph.Edge
	for i := range 49 {
		es = append(es, graph.Edge{U: i, V: i + 1, W: 1})
	}
	es = append(es, graph.Edge{U: 49, V: 50, W: 1}, graph.Edge{U: 50, V: 51, W: 1}, graph.Edge{U: 51, V: 52, W: 1}, graph.Edge{U: 52, V: 53, W: 1}, graph.Edge{U: 50, V: 53, W: 1})
	g := graph.NewNetwork(55, es)
	comm := graph.Groups{K: 3, Label: make([]int, 55)}
	bet := make([]float64, 55)
	for i := range 55 {
		switch {
		case i < 48:
			bet[i] = 1
		case i == 50 || i == 51:
			comm.Label[i], bet[i] = 1, 0.5
		case i > 51 && i < 54:
			comm.Label[i] = 1
		case i == 54:
			comm.Label[i] = 2
		}
	}
	b := &reportBuild{ctx: context.Background(), d: d, g: g, sectors: graph.SectorGroups(d), spec: graph.NetworkSpec{Basis: graph.BasisForums}}
	m, err := b.communityMap(comm, bet)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Nodes) != 52 {
		t.Fatalf("%d nodes, want 52", len(m.Nodes))
	}
	for k, want := range []MapNode{
		{Org: -1, Members: 2, Sector: 0, Community: 0, Label: "Community 0: 2 organizations, 100% of them from Government (and 48 drawn on their own)"},
		{Org: -1, Members: 2, Sector: 1, Community: 1, Label: "Community 1: 2 organizations, 100% of them from Business (and 2 drawn on their own)"},
	} {
		got := m.Nodes[k]
		if got.Org != want.Org || got.Members != want.Members || got.Sector != want.Sector || got.Community != want.Community || got.Label != want.Label {
			t.Errorf("node %d: %+v, want %+v", k, got, want)
		}
	}
	for k := 2; k < 52; k++ {
		org := k - 2
		if k >= 50 {
			org = k
		}
		if m.Nodes[k].Org != org || m.Nodes[k].Community != comm.Label[org] {
			t.Errorf("node %d: org %d community %d, want %d and %d", k, m.Nodes[k].Org, m.Nodes[k].Community, org, comm.Label[org])
		}
	}
	var want [][2]int32
	for k := int32(2); k < 49; k++ {
		want = append(want, [2]int32{k, k + 1})
	}
	want = append(want, [2]int32{0, 49}, [2]int32{0, 50}, [2]int32{50, 51}, [2]int32{1, 51}, [2]int32{1, 50})
	slices.SortFunc(want, func(a, c [2]int32) int {
		if a[0] != c[0] {
			return int(a[0] - c[0])
		}
		return int(a[1] - c[1])
	})
	var got [][2]int32
	for _, e := range m.Edges {
		if e.Weight != 1 {
			t.Errorf("tie %d-%d weight %g", e.U, e.V, e.Weight)
		}
		got = append(got, [2]int32{e.U, e.V})
	}
	if !slices.Equal(got, want) {
		t.Errorf("ties\n%v\nwant\n%v", got, want)
	}
	if wantNote := "55 organizations are too many to draw one by one: each large mark is a community of two or more organizations (hover it for its size and largest sector; click it to show only that community's list), and the 50 organizations with the highest betweenness are drawn on their own. Ties between marks are summed. One organization without ties is not drawn."; m.Note != wantNote {
		t.Errorf("note %q", m.Note)
	}
}
