package out

import (
	"context"

	"github.com/sectornet/sectornet/graph"
)

// SectorsTables say how the sectors mix in the network spec describes:
// the E-I index with its permutation test (reps random reassignments,
// seeded), assortativity, sector modularity, the E-I index per sector and
// per organization, and the mixing matrix; in JSON one object with the
// network's numbers at the top level.
func SectorsTables(ctx context.Context, a *Analysis, spec graph.NetworkSpec, reps int, seed uint64, inf Inference) (*Tables, error) {
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	sec := graph.SectorGroups(d)
	ei := graph.EIIndex(g, sec)
	perm, err := a.EIPermutationTest(ctx, spec, reps, seed)
	if err != nil {
		return nil, err
	}
	assort := graph.Assortativity(g, sec)
	q := graph.Modularity(g, sec, 1)
	groupEI := graph.GroupEI(g, sec)
	nodeEI := graph.NodeEI(g, sec)
	mix := graph.MixingMatrix(g, sec)
	sizes := sec.Sizes()
	ids := make([]string, len(d.Sectors))
	for k, x := range d.Sectors {
		ids[k] = x.ID
	}
	desc := a.Describe(spec)

	nt := &Table{Name: "network", Title: "Sector mixing: " + desc, Columns: []string{"measure", "value"}}
	nt.Add("ei_index", ei.Index)
	nt.Add("external_ties", ei.External)
	nt.Add("internal_ties", ei.Internal)
	nt.Add("assortativity", assort)
	nt.Add("sector_modularity", q)
	nt.Add("density", g.Density())

	pt := &Table{Name: "permutation", Title: "E-I permutation test (sector sizes kept)", Columns: []string{"measure", "value"}}
	pt.Add("observed", perm.Observed)
	pt.Add("expected", perm.Expected)
	pt.Add("permutations", perm.Reps)
	pt.Add("seed", int64(seed))
	pt.Add("mean", perm.Mean)
	pt.Add("sd", perm.SD)
	pt.Add("min", perm.Min)
	pt.Add("max", perm.Max)
	pt.Add("p_greater_equal", perm.PGreater)
	pt.Add("p_less_equal", perm.PLess)
	pt.Add("p_two_sided", perm.PTwoSided)
	pt.Notes = append(pt.Notes, "p values are shares of the random reassignments (count / permutations, as UCINET); p_two_sided counts those at least as far from the expected index as the observed one.")

	st := &Table{Name: "sectors", Title: "Sectors", Columns: []string{"sector", "orgs", "internal_ties", "external_ties", "ei_index"}}
	for k, x := range groupEI {
		st.Add(ids[k], sizes[k], x.Internal, x.External, x.Index)
	}

	mt := &Table{Name: "mixing", Title: "Ties between sectors", Columns: append([]string{"sector"}, ids...)}
	for k := range mix.Ties {
		row := []any{ids[k]}
		for _, c := range mix.Ties[k] {
			row = append(row, c)
		}
		mt.Add(row...)
	}

	seg, err := a.Segregation(spec)
	if err != nil {
		return nil, err
	}
	sgt, sst := segregationTables(d, seg)

	ot := &Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "internal_ties", "external_ties", "ei_index", "ssi"}}
	for i, org := range d.Orgs {
		x := nodeEI[i]
		ot.Add(org.ID, org.Name, org.Sector, x.Internal, x.External, x.Index, seg.NodeSSI[i])
	}
	it, err := a.inferenceTables(ctx, inf, sec, []*graph.Network{g}, []string{a.networkLabel(spec)}, "")
	if err != nil {
		return nil, err
	}
	js := Object{
		KV("network", desc), KV("ei_index", ei.Index), KV("external_ties", ei.External), KV("internal_ties", ei.Internal),
		KV("assortativity", assort), KV("sector_modularity", q), KV("density", g.Density()),
		KV("permutation_test", pt.Object()), KV("sectors", st.JSONRows()),
		KV("mixing", Object{KV("sectors", ids), KV("ties", mix.Ties), KV("weight", mix.Weight)}),
		KV("organizations", ot.JSONRows()), KV("segregation", sgt.Object()), KV("sector_segregation", sst.JSONRows()),
	}
	for _, t := range it {
		js = append(js, KV(t.Name, t.JSONRows()))
	}
	return &Tables{Tables: append([]*Table{nt, pt, sgt, st, sst, mt, ot}, it...), JSON: js}, nil
}

// BrokersTable is one row per organization with the brokerage roles it
// plays between sectors (Gould and Fernandez 1989) and its structural
// holes (Burt 1992) in the network spec describes.
func BrokersTable(ctx context.Context, a *Analysis, spec graph.NetworkSpec, z bool) (*Tables, error) {
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	br, err := a.Brokerage(spec)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	holes, err := a.Burt(spec)
	if err != nil {
		return nil, err
	}
	blau, iqv, err := a.PartnerHeterogeneity(spec)
	if err != nil {
		return nil, err
	}
	desc := a.Describe(spec)
	t := &Table{Name: "brokers", Title: "Brokerage between sectors: " + desc,
		Columns: []string{"id", "sector", "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total",
			"constraint", "effective_size", "efficiency", "hierarchy", "partner_blau", "partner_iqv"}}
	for i, org := range d.Orgs {
		b := br[i]
		t.Add(org.ID, org.Sector, b.Coordinator, b.Itinerant, b.Gatekeeper, b.Representative, b.Liaison, b.Total(),
			holes.Constraint[i], holes.EffectiveSize[i], holes.Efficiency[i], holes.Hierarchy[i], blau[i], iqv[i])
	}
	t.Notes = append(t.Notes,
		"Roles count open two-paths in both directions (R sna brokerage raw.nli); constraint and effective size weighted (NetworkX).",
		"efficiency: effective size per partner (1: no partner redundant); hierarchy: how much of the constraint one partner holds (0: spread evenly).",
		"partner_blau, partner_iqv: how mixed the partners' sectors are (0: all in one sector; IQV 1: spread evenly over every sector).")
	if z {
		return tables(append([]*Table{t}, BrokerageSignificanceTables(d, graph.BrokerageSignificanceOf(g, graph.SectorGroups(d), br), desc)...)...), nil
	}
	return tables(t), nil
}

// CommunitiesTables are the Louvain communities of the network spec
// describes (at resolution, seeded): their number and modularity against
// the sectors', each community's sector make-up, and each organization's
// community.
func CommunitiesTables(ctx context.Context, a *Analysis, spec graph.NetworkSpec, method string, resolution float64, seed uint64) (*Tables, error) {
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	comm, err := a.Communities(ctx, spec, method, resolution, seed)
	if err != nil {
		return nil, err
	}
	sec := graph.SectorGroups(d)
	comp := graph.Composition(comm, sec)

	title := map[string]string{"leiden": "Leiden", "louvain": "Louvain"}[method]
	nt := &Table{Name: "network", Title: "Communities (" + title + "): " + a.Describe(spec), Columns: []string{"measure", "value"}}
	nt.Add("communities", comm.K)
	nt.Add("modularity", graph.Modularity(g, comm, resolution))
	nt.Add("sector_modularity", graph.Modularity(g, sec, resolution))
	nt.Add("nmi_sectors", graph.NMI(comm, sec))
	nt.Add("resolution", resolution)
	nt.Add("seed", int64(seed))

	cols := []string{"community", "orgs"}
	for _, x := range d.Sectors {
		cols = append(cols, x.ID)
	}
	cols = append(cols, "largest_sector", "largest_share")
	ct := &Table{Name: "communities", Title: "Sector make-up of each community", Columns: cols}
	for c, row := range comp {
		cells := []any{c, 0}
		size, top := 0, 0
		for k, n := range row {
			cells = append(cells, n)
			size += n
			if n > row[top] {
				top = k
			}
		}
		cells[1] = size
		cells = append(cells, d.Sectors[top].ID, float64(row[top])/float64(size))
		ct.Add(cells...)
	}

	ot := &Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "community"}}
	for i, org := range d.Orgs {
		ot.Add(org.ID, org.Name, org.Sector, comm.Label[i])
	}
	return tables(nt, ct, ot), nil
}

// segregationReadings say in one sentence how to read each index of the
// segregation table, in its order.
var segregationReadings = []struct{ name, reading string }{
	{"coleman", "Coleman's homophily: 1 all ties within sectors, 0 as many as random choice of partners gives, -1 none within."},
	{"freeman", "Freeman's segregation: 1 no cross-sector ties, 0 as many as random ties give, negative more than random."},
	{"orwg", "Odds ratio: how many times likelier a pair in one sector is tied than a pair across sectors (1 no difference)."},
	{"yule_q", "Yule's Q of the same odds, (OR-1)/(OR+1): from -1 (ties only across) through 0 to 1 (ties only within)."},
	{"ei_index", "E-I over ties: -1 all ties within sectors, +1 all across; depends on the sector sizes."},
	{"ei_weighted", "E-I over tie weights: the same, counting strong ties more."},
	{"ei_min", "The lowest E-I these sector sizes and this many ties allow."},
	{"ei_max", "The highest E-I they allow."},
	{"ei_rescaled", "E-I rescaled from [ei_min, ei_max] to [-1, 1], comparable across networks (UCINET's rescaled E-I)."},
	{"ssi", "Spectral segregation (Echenique and Fryer): mean over organizations of how enclosed their own sector's neighbourhood is; 0 none."},
}

// segregationTables builds the network's segregation indices, with how
// to read each, and their values per sector.
func segregationTables(d *graph.Dataset, seg graph.Segregation) (*Table, *Table) {
	vals := func(x graph.SegregationIndex) []float64 {
		return []float64{x.Coleman, x.Freeman, x.ORWG, x.YuleQ, x.EI, x.EIWeighted, x.EIMin, x.EIMax, x.EIRescaled, x.SSI}
	}
	t := &Table{Name: "segregation", Title: "Segregation and homophily by sector", Columns: []string{"index", "value", "reading"}}
	for k, v := range vals(seg.Overall) {
		t.Add(segregationReadings[k].name, v, segregationReadings[k].reading)
	}
	t.Notes = append(t.Notes, "Several indices because E-I depends on sector sizes; see README for the formulas. Empty: undefined (no ties, or no cross-sector pairs).")
	cols := []string{"sector"}
	for _, r := range segregationReadings {
		cols = append(cols, r.name)
	}
	st := &Table{Name: "sector_segregation", Title: "Segregation of each sector (its ties and pairs)", Columns: cols}
	for k, x := range seg.Groups {
		row := []any{d.Sectors[k].ID}
		for _, v := range vals(x) {
			row = append(row, v)
		}
		st.Add(row...)
	}
	return t, st
}
