package out

import (
	"context"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// StructureMeasures are the per-organization measures of core/periphery,
// cohesion, ego networks and segregation that analyze and export add on
// request (--measures), after OrgMeasures, in this order.
var StructureMeasures = []string{
	"kcore", "coreness", "core", "harmonic", "eccentricity", "clustering", "weighted_clustering",
	"constraint", "effective_size", "efficiency", "hierarchy", "partner_blau", "partner_iqv", "ssi",
}

// CommunityMethods are the methods Communities finds communities with.
var CommunityMethods = []string{"leiden", "louvain"}

// CheckMethod returns an error unless m is a community method.
func CheckMethod(m string) error {
	if m != "leiden" && m != "louvain" {
		return fmt.Errorf("--method %q: want leiden or louvain", m)
	}
	return nil
}

type communitiesKey struct {
	spec       graph.NetworkSpec
	method     string
	resolution float64
	seed       uint64
}

// Communities returns the communities of the network spec describes, found
// with method ("leiden", or "louvain" also for "").
func (a *Analysis) Communities(ctx context.Context, spec graph.NetworkSpec, method string, resolution float64, seed uint64) (graph.Groups, error) {
	if method != "leiden" {
		return a.Louvain(ctx, spec, resolution, seed)
	}
	g, err := a.Network(spec)
	if err != nil {
		return graph.Groups{}, err
	}
	return memo(a, communitiesKey{spec, method, resolution, seed}, func() (graph.Groups, error) {
		ph := a.phase("communities (Leiden)")
		defer ph.End()
		return graph.Leiden(ctx, g, graph.LeidenOptions{Resolution: resolution, Seed: seed})
	})
}

type (
	burtKey          struct{ spec graph.NetworkSpec }
	partnerHetKey    struct{ spec graph.NetworkSpec }
	segregationKey   struct{ spec graph.NetworkSpec }
	pathStatsKey     struct{ spec graph.NetworkSpec }
	corePartitionKey struct {
		spec     graph.NetworkSpec
		restarts int
		seed     uint64
	}
)

// Burt returns Burt's structural-hole measures of every organization.
func (a *Analysis) Burt(spec graph.NetworkSpec) (graph.StructuralHoles, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.StructuralHoles{}, err
	}
	return memo(a, burtKey{spec}, func() (graph.StructuralHoles, error) { return graph.BurtMeasures(g), nil })
}

// PartnerHeterogeneity returns Blau's heterogeneity and the IQV of every
// organization's partners' sectors.
func (a *Analysis) PartnerHeterogeneity(spec graph.NetworkSpec) (blau, iqv []float64, err error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, nil, err
	}
	v, err := memo(a, partnerHetKey{spec}, func() ([2][]float64, error) {
		b, q := graph.PartnerHeterogeneity(g, graph.SectorGroups(a.Dataset))
		return [2][]float64{b, q}, nil
	})
	return v[0], v[1], err
}

// Segregation returns the segregation indices of the network by sector.
func (a *Analysis) Segregation(spec graph.NetworkSpec) (graph.Segregation, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.Segregation{}, err
	}
	return memo(a, segregationKey{spec}, func() (graph.Segregation, error) {
		return graph.SegregationIndices(g, graph.SectorGroups(a.Dataset)), nil
	})
}

// PathStats returns the path measures of every organization and component
// (harmonic closeness, eccentricity, diameters).
func (a *Analysis) PathStats(ctx context.Context, spec graph.NetworkSpec) (graph.PathStats, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.PathStats{}, err
	}
	return memo(a, pathStatsKey{spec}, func() (graph.PathStats, error) { return graph.PathMeasures(ctx, g) })
}

// CorePartition returns the Borgatti-Everett core/periphery partition found
// by restarts seeded searches (0 for the default number).
func (a *Analysis) CorePartition(ctx context.Context, spec graph.NetworkSpec, restarts int, seed uint64) (graph.CorePeriphery, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.CorePeriphery{}, err
	}
	if restarts <= 0 {
		restarts = DefaultCoreRestarts
	}
	return memo(a, corePartitionKey{spec, restarts, seed}, func() (graph.CorePeriphery, error) {
		ph := a.phase("core/periphery")
		defer ph.End()
		return graph.CorePeripheryPartition(ctx, g, graph.CorePeripheryOptions{Restarts: restarts, Seed: seed})
	})
}

// structureColumns computes the wanted structure measures of the network
// spec describes (seed is the core/periphery search's).
func (a *Analysis) structureColumns(ctx context.Context, spec graph.NetworkSpec, seed uint64, wanted func(string) bool) ([]Column, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	var cols []Column
	for _, m := range StructureMeasures {
		if !wanted(m) {
			continue
		}
		switch m {
		case "kcore":
			cols = append(cols, intColumn(m, graph.CoreNumbers(g)))
		case "coreness":
			c, _ := graph.Coreness(g)
			cols = append(cols, floatColumn(m, c))
		case "core":
			cp, err := a.CorePartition(ctx, spec, 0, seed)
			if err != nil {
				return nil, err
			}
			v := make([]int, g.N())
			for i, in := range cp.Core {
				if in {
					v[i] = 1
				}
			}
			cols = append(cols, intColumn(m, v))
		case "harmonic", "eccentricity":
			ps, err := a.PathStats(ctx, spec)
			if err != nil {
				return nil, err
			}
			if m == "harmonic" {
				cols = append(cols, floatColumn(m, ps.Harmonic))
			} else {
				cols = append(cols, intColumn(m, ps.Eccentricity))
			}
		case "clustering":
			tri, err := a.Triangles(ctx, spec)
			if err != nil {
				return nil, err
			}
			cols = append(cols, floatColumn(m, graph.ClusteringOf(g, tri)))
		case "weighted_clustering":
			cols = append(cols, floatColumn(m, graph.WeightedClustering(g)))
		case "constraint", "effective_size", "efficiency", "hierarchy":
			h, err := a.Burt(spec)
			if err != nil {
				return nil, err
			}
			v := map[string][]float64{"constraint": h.Constraint, "effective_size": h.EffectiveSize, "efficiency": h.Efficiency, "hierarchy": h.Hierarchy}[m]
			cols = append(cols, floatColumn(m, v))
		case "partner_blau", "partner_iqv":
			blau, iqv, err := a.PartnerHeterogeneity(spec)
			if err != nil {
				return nil, err
			}
			if m == "partner_blau" {
				cols = append(cols, floatColumn(m, blau))
			} else {
				cols = append(cols, floatColumn(m, iqv))
			}
		case "ssi":
			seg, err := a.Segregation(spec)
			if err != nil {
				return nil, err
			}
			cols = append(cols, floatColumn(m, seg.NodeSSI))
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return cols, nil
}
