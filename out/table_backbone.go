package out

import (
	"context"

	"github.com/sectornet/sectornet/graph"
)

// BackboneTable lists the ties of the network spec describes that the
// backbone test keeps (every tested tie when all), with their weight,
// forums or meetings shared, expected sharing, p-value and corrected
// p-value.
func BackboneTable(ctx context.Context, a *Analysis, spec graph.NetworkSpec, test graph.BackboneSpec, all bool) (*Tables, error) {
	d := a.Dataset
	t, err := a.TieTest(ctx, spec, test)
	if err != nil {
		return nil, err
	}
	sec := d.OrgSectors()
	sector := func(i int) string {
		if sec[i] < 0 {
			return d.Orgs[i].Sector
		}
		return d.Sectors[sec[i]].ID
	}
	tb := &Table{Name: "backbone", Title: "Backbone: " + a.Describe(spec),
		Columns: []string{"source", "target", "source_name", "target_name", "source_sector", "target_sector", "weight"}}
	if t.Shared != nil {
		tb.Columns = append(tb.Columns, "shared")
	}
	if t.Expected != nil {
		tb.Columns = append(tb.Columns, "expected")
	}
	tb.Columns = append(tb.Columns, "p_value", "p_adjusted", "kept")
	for k, e := range t.Ties {
		kept := t.Adjusted[k] < t.Alpha
		if !kept && !all {
			continue
		}
		row := []any{d.Orgs[e.U].ID, d.Orgs[e.V].ID, d.Orgs[e.U].Name, d.Orgs[e.V].Name, sector(e.U), sector(e.V), e.W}
		if t.Shared != nil {
			row = append(row, t.Shared[k])
		}
		if t.Expected != nil {
			row = append(row, t.Expected[k])
		}
		row = append(row, t.P[k], t.Adjusted[k], kept)
		tb.Add(row...)
	}
	tb.Notes = append(tb.Notes, BackboneNote(t))
	return tables(tb), nil
}
