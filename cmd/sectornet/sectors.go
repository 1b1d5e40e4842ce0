package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type sectorsOptions struct {
	dir          string
	format       string
	net          networkFlags
	permutations int
	seed         uint64
	inf          inferenceFlags
}

func newSectorsCmd(s *streams) *cobra.Command {
	var o sectorsOptions
	cmd := &cobra.Command{
		Use:   "sectors [DIR]",
		Short: "How sectors mix: E-I index with a permutation test, assortativity, modularity, mixing matrix",
		Long: `Measure how the sectors mix in the one-mode network (--basis, --weight, --wave):

  ei_index           Krackhardt and Stern's (E - I)/(E + I) over ties, weights
                     ignored: -1 all ties within sectors, +1 all across
  permutation test   the share of random reassignments of sectors to
                     organizations (keeping sector sizes) whose E-I index is
                     >= / <= the observed one, and as far from its expected
                     value (UCINET's test); --permutations, --seed
  assortativity      Newman's nominal assortativity by sector (NetworkX
                     attribute_assortativity_coefficient, igraph
                     assortativity_nominal)
  sector_modularity  weighted modularity of the partition by sector (NetworkX
                     community.modularity with weight)
  mixing             the sector x sector matrix of tie counts

and per sector and per organization its internal and external ties and E-I
index (empty when it has no ties). Then segregation and homophily indices,
for the network and for each sector (its ties and the pairs that involve it),
each with one sentence on how to read it:

  coleman       Coleman's homophily index (R netseg coleman)
  freeman       Freeman's segregation index (netseg freeman)
  orwg          odds ratio of within-sector ties (netseg orwg)
  yule_q        Yule's Q of the same 2x2 table of pairs
  ei_weighted   E-I over tie weights
  ei_min/max    the E-I range the sector sizes and number of ties allow
  ei_rescaled   E-I rescaled to that range (UCINET)
  ssi           Echenique and Fryer's spectral segregation index (netseg
                ssi), per organization in the organizations table`,
		Example: `  sectornet sectors mydata
  sectornet sectors mydata --basis ties --wave 2014 --format json
  sectornet sectors mydata --permutations 10000 --seed 7`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSectors(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().IntVar(&o.permutations, "permutations", 5000, "random reassignments for the E-I permutation test (0 to skip)")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "random seed of the permutation test, --cug and --bootstrap")
	o.inf.add(cmd, &o.seed)
	return cmd
}

func runSectors(ctx context.Context, s *streams, o sectorsOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if o.permutations < 0 {
		return usageErr(errors.New("--permutations must be 0 or more"))
	}
	if err := o.inf.check(); err != nil {
		return err
	}
	d, g, desc, err := o.net.load(ctx, s, o.dir)
	if err != nil {
		return err
	}
	sec := graph.SectorGroups(d)
	ei := graph.EIIndex(g, sec)
	perm, err := graph.EIPermutationTest(ctx, g, sec, graph.PermutationOptions{Reps: o.permutations, Seed: o.seed, Progress: progress(s, "E-I permutation test")})
	if err != nil {
		return err
	}
	assort := graph.Assortativity(g, sec)
	q := graph.Modularity(g, sec, 1)
	groupEI := graph.GroupEI(g, sec)
	nodeEI := graph.NodeEI(g, sec)
	mix := graph.MixingMatrix(g, sec)
	sizes := sec.Sizes()
	sectorIDs := make([]string, len(d.Sectors))
	for k, x := range d.Sectors {
		sectorIDs[k] = x.ID
	}

	nt := &out.Table{Name: "network", Title: "Sector mixing: " + desc, Columns: []string{"measure", "value"}}
	nt.Add("ei_index", ei.Index)
	nt.Add("external_ties", ei.External)
	nt.Add("internal_ties", ei.Internal)
	nt.Add("assortativity", assort)
	nt.Add("sector_modularity", q)
	nt.Add("density", g.Density())

	pt := &out.Table{Name: "permutation", Title: "E-I permutation test (sector sizes kept)", Columns: []string{"measure", "value"}}
	pt.Add("observed", perm.Observed)
	pt.Add("expected", perm.Expected)
	pt.Add("permutations", perm.Reps)
	pt.Add("seed", int64(o.seed))
	pt.Add("mean", perm.Mean)
	pt.Add("sd", perm.SD)
	pt.Add("min", perm.Min)
	pt.Add("max", perm.Max)
	pt.Add("p_greater_equal", perm.PGreater)
	pt.Add("p_less_equal", perm.PLess)
	pt.Add("p_two_sided", perm.PTwoSided)
	pt.Notes = append(pt.Notes, "p values are shares of the random reassignments (count / permutations, as UCINET); p_two_sided counts those at least as far from the expected index as the observed one.")

	st := &out.Table{Name: "sectors", Title: "Sectors", Columns: []string{"sector", "orgs", "internal_ties", "external_ties", "ei_index"}}
	for k, x := range groupEI {
		st.Add(sectorIDs[k], sizes[k], x.Internal, x.External, x.Index)
	}

	mt := &out.Table{Name: "mixing", Title: "Ties between sectors", Columns: append([]string{"sector"}, sectorIDs...)}
	for k := range mix.Ties {
		row := []any{sectorIDs[k]}
		for _, c := range mix.Ties[k] {
			row = append(row, c)
		}
		mt.Add(row...)
	}

	seg := graph.SegregationIndices(g, sec)
	sgt, sst := segregationTables(d, seg)

	ot := &out.Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "internal_ties", "external_ties", "ei_index", "ssi"}}
	for i, org := range d.Orgs {
		x := nodeEI[i]
		ot.Add(org.ID, org.Name, org.Sector, x.Internal, x.External, x.Index, seg.NodeSSI[i])
	}

	inf, err := o.inf.tables(ctx, s, sec, []*graph.Network{g}, []string{networkLabel(d, &o.net)}, "")
	if err != nil {
		return err
	}
	if f == out.FormatJSON {
		// One object with the network's numbers at the top level.
		obj := out.Row{
			Keys: []string{"network", "ei_index", "external_ties", "internal_ties", "assortativity", "sector_modularity", "density",
				"permutation_test", "sectors", "mixing", "organizations", "segregation", "sector_segregation"},
			Values: []any{desc, ei.Index, ei.External, ei.Internal, assort, q, g.Density(),
				rowsToObject(pt), st.JSONRows(),
				out.Row{Keys: []string{"sectors", "ties", "weight"}, Values: []any{sectorIDs, mix.Ties, mix.Weight}},
				ot.JSONRows(), rowsToObject(sgt), sst.JSONRows()},
		}
		for _, t := range inf {
			obj.Keys, obj.Values = append(obj.Keys, t.Name), append(obj.Values, t.JSONRows())
		}
		return out.WriteJSON(s.Out, obj)
	}
	return writeTables(s, f, append([]*out.Table{nt, pt, sgt, st, sst, mt, ot}, inf...)...)
}

// rowsToObject turns a two-column measure/value table into one JSON
// object.
func rowsToObject(t *out.Table) out.Row {
	r := out.Row{}
	for _, row := range t.Rows {
		r.Keys = append(r.Keys, row[0].(string))
		r.Values = append(r.Values, row[1])
	}
	return r
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
func segregationTables(d *graph.Dataset, seg graph.Segregation) (*out.Table, *out.Table) {
	vals := func(x graph.SegregationIndex) []float64 {
		return []float64{x.Coleman, x.Freeman, x.ORWG, x.YuleQ, x.EI, x.EIWeighted, x.EIMin, x.EIMax, x.EIRescaled, x.SSI}
	}
	t := &out.Table{Name: "segregation", Title: "Segregation and homophily by sector", Columns: []string{"index", "value", "reading"}}
	for k, v := range vals(seg.Overall) {
		t.Add(segregationReadings[k].name, v, segregationReadings[k].reading)
	}
	t.Notes = append(t.Notes, "Several indices because E-I depends on sector sizes; see README for the formulas. Empty: undefined (no ties, or no cross-sector pairs).")
	cols := []string{"sector"}
	for _, r := range segregationReadings {
		cols = append(cols, r.name)
	}
	st := &out.Table{Name: "sector_segregation", Title: "Segregation of each sector (its ties and pairs)", Columns: cols}
	for k, x := range seg.Groups {
		row := []any{d.Sectors[k].ID}
		for _, v := range vals(x) {
			row = append(row, v)
		}
		st.Add(row...)
	}
	return t, st
}
