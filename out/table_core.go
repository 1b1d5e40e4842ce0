package out

import (
	"context"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// CoreTables are the core and periphery of the network spec describes:
// the Borgatti-Everett partition found by restarts seeded searches and its
// permutation test against permutations random networks, the continuous
// coreness and k-cores, per sector and per organization.
func CoreTables(ctx context.Context, a *Analysis, spec graph.NetworkSpec, restarts, permutations int, seed uint64) (*Tables, error) {
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	desc := a.Describe(spec)
	cp, err := a.CorePartition(ctx, spec, restarts, seed)
	if err != nil {
		return nil, err
	}
	test, err := a.CoreTest(ctx, spec, cp, restarts, permutations, seed)
	if err != nil {
		return nil, err
	}
	coreness, cfit := graph.Coreness(g)
	kcore := graph.CoreNumbers(g)

	nt := &Table{Name: "core", Title: "Core and periphery: " + desc, Columns: []string{"measure", "value"}}
	nt.Add("organizations", g.N())
	nt.Add("ties", g.M())
	nt.Add("core_size", cp.CoreSize)
	nt.Add("fit", cp.Fit)
	nt.Add("core_density", cp.CoreDensity)
	nt.Add("periphery_density", cp.PeripheryDensity)
	nt.Add("core_periphery_density", cp.CrossDensity)
	nt.Add("restarts", cp.Restarts)
	nt.Add("restarts_at_best_fit", cp.Agreement)
	nt.Add("seed", int64(seed))
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
	st := &Table{Name: "sectors", Title: "Sectors in the core", Columns: []string{"sector", "orgs", "in_core", "share_in_core", "mean_coreness", "mean_kcore", "max_kcore"}}
	for k, x := range graph.CoreBySector(sec, cp.Core, coreness, kcore) {
		st.Add(d.Sectors[k].ID, x.Orgs, x.InCore, x.ShareInCore, x.MeanCoreness, x.MeanKCore, x.MaxKCore)
	}
	st.Notes = append(st.Notes, "A sector with a small share in the core and low coreness sits at the edge of the partnership.")

	ot := &Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "block", "coreness", "kcore"}}
	for i, org := range d.Orgs {
		block := "periphery"
		if cp.Core[i] {
			block = "core"
		}
		ot.Add(org.ID, org.Name, org.Sector, block, coreness[i], kcore[i])
	}
	return tables(nt, st, ot), nil
}

type coreTestKey struct {
	spec                   graph.NetworkSpec
	restarts, permutations int
	seed                   uint64
}

// CoreTest returns the permutation test of the core/periphery fit of cp.
func (a *Analysis) CoreTest(ctx context.Context, spec graph.NetworkSpec, cp graph.CorePeriphery, restarts, permutations int, seed uint64) (graph.CorePeripheryTest, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.CorePeripheryTest{}, err
	}
	if restarts <= 0 {
		restarts = DefaultCoreRestarts
	}
	return memo(a, coreTestKey{spec, restarts, permutations, seed}, func() (graph.CorePeripheryTest, error) {
		ph := a.phase(fmt.Sprintf("core/periphery: permutation test (%d random networks)", permutations))
		defer ph.End()
		return graph.TestCorePeriphery(ctx, g, cp.Fit, graph.CorePeripheryOptions{Restarts: restarts, Seed: seed}, permutations, seed)
	})
}
