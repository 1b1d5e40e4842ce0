package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type coreOptions struct {
	dir          string
	format       string
	net          networkFlags
	restarts     int
	permutations int
	seed         uint64
}

// maxCoreRuns bounds --restarts and --permutations: each is a full search.
const maxCoreRuns = 100000

func newCoreCmd(s *streams) *cobra.Command {
	var o coreOptions
	cmd := &cobra.Command{
		Use:   "core [DIR]",
		Short: "Who is in the core of the partnership and who is on its edge: core/periphery, coreness, k-cores, per sector",
		Long: `Split the one-mode network (--basis, --weight, --wave) into a core and a
periphery (Borgatti and Everett 1999, as UCINET's categorical core/periphery):
the partition whose pattern is closest to a complete core and an empty
periphery, by the correlation between the ties and that ideal pattern over the
pairs within the core and within the periphery (UCINET's default leaves the
core-periphery pairs out). The best of --restarts local searches wins; the
same --seed gives the same split on every machine. Weights are ignored.

  core           the fit (the correlation: 1 is a perfect core/periphery
                 pattern), the core size, the densities of the three blocks,
                 how many restarts reached the best fit (many: a clear split),
                 and a permutation test: the same search on --permutations
                 random networks with as many ties; p is the share of them
                 that fit at least as well (with the observed one counted)
  sectors        per sector its organizations in the core, their share, the
                 mean continuous coreness and k-core number: is any sector
                 stuck at the edge?
  organizations  each organization's block (core or periphery), continuous
                 coreness (Borgatti and Everett's c with c_i c_j closest to
                 the ties, unit length) and k-core number (NetworkX
                 core_number, igraph coreness)

A network without ties, or with every pair tied, has no core/periphery split:
the fit is empty and everyone is in the periphery.`,
		Example: `  sectornet core mydata
  sectornet core mydata --basis ties --wave 2014 --format md
  sectornet core mydata --restarts 50 --permutations 1000 --seed 7`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runCore(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().IntVar(&o.restarts, "restarts", 10, "local searches from different starts (the best fit wins)")
	cmd.Flags().IntVar(&o.permutations, "permutations", 100, "random networks for the permutation test of the fit (0 to skip)")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "random seed of the searches and of the permutation test")
	return cmd
}

func runCore(ctx context.Context, s *streams, o coreOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if o.restarts < 1 || o.restarts > maxCoreRuns {
		return usageErr(fmt.Errorf("--restarts %d: want 1 to %d", o.restarts, maxCoreRuns))
	}
	if o.permutations < 0 || o.permutations > maxCoreRuns {
		return usageErr(fmt.Errorf("--permutations %d: want 0 to %d", o.permutations, maxCoreRuns))
	}
	d, g, desc, err := o.net.load(ctx, s, o.dir)
	if err != nil {
		return err
	}
	ts, err := coreTables(ctx, s, d, g, desc, o)
	if err != nil {
		return err
	}
	return writeTables(s, f, ts...)
}

// coreTables computes the core/periphery measures and builds core's
// tables.
func coreTables(ctx context.Context, s *streams, d *graph.Dataset, g *graph.Network, desc string, o coreOptions) ([]*out.Table, error) {
	ph := startPhase(s, "core/periphery")
	copt := graph.CorePeripheryOptions{Restarts: o.restarts, Seed: o.seed}
	cp, err := graph.CorePeripheryPartition(ctx, g, copt)
	if err != nil {
		ph.end()
		return nil, err
	}
	ph.set(fmt.Sprintf("permutation test (%d random networks)", o.permutations))
	test, err := graph.TestCorePeriphery(ctx, g, cp.Fit, copt, o.permutations, o.seed)
	ph.end()
	if err != nil {
		return nil, err
	}
	coreness, cfit := graph.Coreness(g)
	kcore := graph.CoreNumbers(g)

	nt := &out.Table{Name: "core", Title: "Core and periphery: " + desc, Columns: []string{"measure", "value"}}
	nt.Add("organizations", g.N())
	nt.Add("ties", g.M())
	nt.Add("core_size", cp.CoreSize)
	nt.Add("fit", cp.Fit)
	nt.Add("core_density", cp.CoreDensity)
	nt.Add("periphery_density", cp.PeripheryDensity)
	nt.Add("core_periphery_density", cp.CrossDensity)
	nt.Add("restarts", cp.Restarts)
	nt.Add("restarts_at_best_fit", cp.Agreement)
	nt.Add("seed", int64(o.seed))
	nt.Add("permutations", test.Reps)
	nt.Add("random_fit_mean", test.Mean)
	nt.Add("random_fit_sd", test.SD)
	nt.Add("random_fit_max", test.Max)
	nt.Add("p_value", test.P)
	nt.Add("coreness_fit", cfit)
	maxK := 0
	for _, k := range kcore {
		maxK = max(maxK, k)
	}
	nt.Add("max_kcore", maxK)
	nt.Notes = append(nt.Notes,
		"fit: correlation of the ties with a complete core and an empty periphery (Borgatti and Everett 1999, core-periphery pairs left out as in UCINET); 1 is a perfect pattern.",
		"p_value: share of random networks with as many ties whose best split fits at least as well, the observed one counted ((count+1)/(permutations+1)); small means the core is not chance.",
		"coreness_fit: correlation of the ties with c_i c_j for the continuous coreness.")

	sec := graph.SectorGroups(d)
	st := &out.Table{Name: "sectors", Title: "Sectors in the core", Columns: []string{"sector", "orgs", "in_core", "share_in_core", "mean_coreness", "mean_kcore", "max_kcore"}}
	for k, x := range graph.CoreBySector(sec, cp.Core, coreness, kcore) {
		st.Add(d.Sectors[k].ID, x.Orgs, x.InCore, x.ShareInCore, x.MeanCoreness, x.MeanKCore, x.MaxKCore)
	}
	st.Notes = append(st.Notes, "A sector with a small share in the core and low coreness sits at the edge of the partnership.")

	ot := &out.Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "block", "coreness", "kcore"}}
	for i, org := range d.Orgs {
		block := "periphery"
		if cp.Core[i] {
			block = "core"
		}
		ot.Add(org.ID, org.Name, org.Sector, block, coreness[i], kcore[i])
	}
	return []*out.Table{nt, st, ot}, nil
}

// coreHeadline is report.md's core/periphery line: the core's size and
// fit, whether it is more than chance, and the sectors with the smallest
// and largest shares in it. "" when the forum network has no split.
func coreHeadline(ctx context.Context, d *graph.Dataset) string {
	g, err := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	if err != nil || len(d.Sectors) < 2 {
		return ""
	}
	o := graph.CorePeripheryOptions{Seed: 1}
	cp, err := graph.CorePeripheryPartition(ctx, g, o)
	if err != nil || cp.CoreSize == 0 {
		return ""
	}
	test, err := graph.TestCorePeriphery(ctx, g, cp.Fit, o, 100, 1)
	if err != nil {
		return ""
	}
	coreness, _ := graph.Coreness(g)
	by := graph.CoreBySector(graph.SectorGroups(d), cp.Core, coreness, graph.CoreNumbers(g))
	lo, hi := -1, -1
	for k, x := range by {
		if x.Orgs == 0 {
			continue
		}
		if lo < 0 || x.ShareInCore < by[lo].ShareInCore {
			lo = k
		}
		if hi < 0 || x.ShareInCore > by[hi].ShareInCore {
			hi = k
		}
	}
	chance := fmt.Sprintf("more than chance: p = %.2g against 100 random networks as dense", test.P)
	if test.P >= 0.05 {
		chance = fmt.Sprintf("no clearer than in random networks as dense (p = %.2g)", test.P)
	}
	share := func(k int) string {
		return fmt.Sprintf("%s, %d of %d (%.0f%%)", out.MarkdownText(d.Sectors[k].Name()), by[k].InCore, by[k].Orgs, 100*by[k].ShareInCore)
	}
	return fmt.Sprintf("**Core and periphery:** %d of %d organizations form the core of the forum network (fit %.2f, %s); the smallest share in it is %s, the largest %s. See `sectornet core`.",
		cp.CoreSize, g.N(), cp.Fit, chance, share(lo), share(hi))
}
