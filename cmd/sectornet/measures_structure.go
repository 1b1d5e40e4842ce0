package main

import (
	"context"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// structureMeasures are the per-organization measures of core/periphery,
// cohesion, ego networks and segregation that analyze and export add on
// request (--measures), after the defaults, in this order.
var structureMeasures = []string{
	"kcore", "coreness", "core", "harmonic", "eccentricity", "clustering", "weighted_clustering",
	"constraint", "effective_size", "efficiency", "hierarchy", "partner_blau", "partner_iqv", "ssi",
}

// structureColumns computes the wanted structure measures of g (sectors
// the partition by sector, seed the core/periphery search's).
func structureColumns(ctx context.Context, s *streams, g *graph.Network, sectors graph.Groups, seed uint64, want map[string]bool) ([]measureColumn, error) {
	var cols []measureColumn
	add := func(name string, isInt bool, n int, at func(i int) any) {
		c := make([]any, n)
		for i := range c {
			c[i] = at(i)
		}
		cols = append(cols, measureColumn{name, c, isInt})
	}
	floats := func(name string, v []float64) { add(name, false, len(v), func(i int) any { return v[i] }) }
	ints := func(name string, v []int) { add(name, true, len(v), func(i int) any { return v[i] }) }
	needSectors := func(name string) error {
		if len(sectors.Label) != g.N() {
			return fmt.Errorf("%s needs the organizations' sectors", name)
		}
		return nil
	}
	var holes *graph.StructuralHoles
	burt := func() *graph.StructuralHoles {
		if holes == nil {
			h := graph.BurtMeasures(g)
			holes = &h
		}
		return holes
	}
	var blau, iqv []float64
	var paths *graph.PathStats
	for _, m := range structureMeasures {
		if !want[m] {
			continue
		}
		switch m {
		case "kcore":
			ints(m, graph.CoreNumbers(g))
		case "coreness":
			c, _ := graph.Coreness(g)
			floats(m, c)
		case "core":
			ph := startPhase(s, "core/periphery")
			cp, err := graph.CorePeripheryPartition(ctx, g, graph.CorePeripheryOptions{Seed: seed})
			ph.end()
			if err != nil {
				return nil, err
			}
			add(m, true, g.N(), func(i int) any {
				if cp.Core[i] {
					return 1
				}
				return 0
			})
		case "harmonic", "eccentricity":
			if paths == nil {
				ps, err := graph.PathMeasures(ctx, g)
				if err != nil {
					return nil, err
				}
				paths = &ps
			}
			if m == "harmonic" {
				floats(m, paths.Harmonic)
			} else {
				ints(m, paths.Eccentricity)
			}
		case "clustering":
			floats(m, graph.Clustering(g))
		case "weighted_clustering":
			floats(m, graph.WeightedClustering(g))
		case "constraint":
			floats(m, burt().Constraint)
		case "effective_size":
			floats(m, burt().EffectiveSize)
		case "efficiency":
			floats(m, burt().Efficiency)
		case "hierarchy":
			floats(m, burt().Hierarchy)
		case "partner_blau", "partner_iqv":
			if err := needSectors(m); err != nil {
				return nil, err
			}
			if blau == nil {
				blau, iqv = graph.PartnerHeterogeneity(g, sectors)
			}
			if m == "partner_blau" {
				floats(m, blau)
			} else {
				floats(m, iqv)
			}
		case "ssi":
			if err := needSectors(m); err != nil {
				return nil, err
			}
			floats(m, graph.SegregationIndices(g, sectors).NodeSSI)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return cols, nil
}
