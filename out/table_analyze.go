package out

import (
	"context"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// AnalyzeTables are what a network analyst computes first, in one pass:
// per organization the wanted measures (names from OrgMeasures), for the
// network the modularity of the Louvain communities, the sector E-I index
// and the sector assortativity. As CSV only the organizations, with the
// network's numbers in one line for the error stream.
func AnalyzeTables(ctx context.Context, a *Analysis, spec graph.NetworkSpec, want []string, o MeasureOptions) (*Tables, error) {
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	measures, notes, err := a.Measures(ctx, spec, want, o)
	if err != nil {
		return nil, err
	}
	comm, err := a.Communities(ctx, spec, o.Method, o.Resolution, o.Seed)
	if err != nil {
		return nil, err
	}
	cols := []string{"id", "name", "sector"}
	for _, m := range measures {
		cols = append(cols, m.Name)
	}
	sec := graph.SectorGroups(d)
	q := graph.Modularity(g, comm, o.Resolution)
	ei := graph.EIIndex(g, sec)
	r := graph.Assortativity(g, sec)

	orgs := &Table{Name: "organizations", Title: "Organizations: " + a.Describe(spec), Columns: cols, Notes: notes}
	for i, org := range d.Orgs {
		row := make([]any, 0, len(cols))
		row = append(row, org.ID, org.Name, org.Sector)
		for _, m := range measures {
			row = append(row, m.Values[i])
		}
		orgs.Rows = append(orgs.Rows, row)
	}
	nt := &Table{Name: "network", Title: "Network", Columns: []string{"measure", "value"}}
	nt.Add("organizations", g.N())
	nt.Add("ties", g.M())
	nt.Add("communities", comm.K)
	nt.Add("modularity", q)
	nt.Add("ei_index", ei.Index)
	nt.Add("assortativity", r)
	nt.Add("louvain_seed", int(o.Seed))
	return &Tables{
		Tables: []*Table{nt, orgs},
		CSV:    []*Table{orgs},
		Notes:  notes,
		CSVNotes: []string{fmt.Sprintf("%d organizations, %d ties; %d communities, modularity %s (Louvain, seed %d); E-I index %s; sector assortativity %s",
			g.N(), g.M(), comm.K, FormatFloat(q), o.Seed, FormatFloat(ei.Index), FormatFloat(r))},
	}, nil
}
