package out

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// OrgMeasures are the per-organization measures of a one-mode network that
// analyze and export compute, in column order.
var OrgMeasures = []string{"degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank", "community"}

// CheckMeasures returns an error naming the first name in neither
// OrgMeasures nor StructureMeasures.
func CheckMeasures(names []string) error {
	for _, m := range names {
		if !slices.Contains(OrgMeasures, m) && !slices.Contains(StructureMeasures, m) {
			return fmt.Errorf("unknown measure %q (want %s)", m, strings.Join(append(slices.Clone(OrgMeasures), StructureMeasures...), ", "))
		}
	}
	return nil
}

// Approx asks for sampled betweenness and closeness (see
// graph.ApproxOptions).
type Approx struct {
	Epsilon, Delta float64
	Sources        int
}

// MeasureOptions choose how measures are computed.
type MeasureOptions struct {
	Paths      graph.Paths
	Approx     *Approx // nil for exact betweenness and closeness
	Seed       uint64  // of Louvain and of the sampling
	Resolution float64 // of Louvain
	PageRank   graph.PageRankStop
	Method     string // of the communities: "louvain" (also "") or "leiden"
}

// Column is one computed measure: one value per organization, ints for
// degree and community, float64s otherwise.
type Column struct {
	Name   string
	Values []any
	Int    bool
}

func floatColumn(name string, v []float64) Column {
	c := make([]any, len(v))
	for i, x := range v {
		c[i] = x
	}
	return Column{Name: name, Values: c}
}

func intColumn(name string, v []int) Column {
	c := make([]any, len(v))
	for i, x := range v {
		c[i] = x
	}
	return Column{Name: name, Values: c, Int: true}
}

// Measures computes the wanted measures (names from OrgMeasures and
// StructureMeasures) of the network spec describes, in that order;
// sampled betweenness adds a betweenness_error column after betweenness. It also returns the
// sentences that say how sampled measures were computed.
func (a *Analysis) Measures(ctx context.Context, spec graph.NetworkSpec, want []string, o MeasureOptions) ([]Column, []string, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, nil, err
	}
	wanted := func(m string) bool { return slices.Contains(want, m) }
	var cols []Column
	var notes []string
	for _, m := range OrgMeasures {
		if !wanted(m) {
			continue
		}
		switch m {
		case "degree":
			cols = append(cols, intColumn(m, graph.Degree(g)))
		case "strength":
			cols = append(cols, floatColumn(m, graph.Strength(g)))
		case "betweenness", "closeness":
			pm, err := a.PathMeasures(ctx, spec, o.Paths, o.Approx, o.Seed, wanted("betweenness"), wanted("closeness"))
			if err != nil {
				return nil, nil, err
			}
			if m == "closeness" {
				cols = append(cols, floatColumn(m, pm.Closeness))
				continue
			}
			notes = append(notes, pm.Notes...)
			cols = append(cols, floatColumn(m, pm.Betweenness))
			if o.Approx != nil {
				cols = append(cols, floatColumn("betweenness_error", pm.BetweennessError))
			}
		case "eigenvector":
			v, err := a.Eigenvector(spec)
			if err != nil {
				return nil, nil, err
			}
			cols = append(cols, floatColumn(m, v))
		case "pagerank":
			v, err := a.PageRank(spec, o.PageRank)
			if err != nil {
				return nil, nil, err
			}
			cols = append(cols, floatColumn(m, v))
		case "community":
			comm, err := a.Communities(ctx, spec, o.Method, o.Resolution, o.Seed)
			if err != nil {
				return nil, nil, err
			}
			cols = append(cols, intColumn(m, comm.Label))
		}
	}
	if !wanted("betweenness") && wanted("closeness") {
		pm, _ := a.PathMeasures(ctx, spec, o.Paths, o.Approx, o.Seed, false, true)
		notes = append(notes, pm.Notes...)
	}
	extra, err := a.structureColumns(ctx, spec, o.Seed, wanted)
	if err != nil {
		return nil, nil, err
	}
	return append(cols, extra...), notes, nil
}

// PageRankNote says how PageRank was stopped, for a table's note.
func PageRankNote(stop graph.PageRankStop) string {
	if stop == graph.PageRankNetworkX {
		return "stopped by NetworkX's default rule (tol 1e-6)"
	}
	return "converged to 1e-12"
}

// SizeMeasures are the measures organizations can be sized or ranked by
// in figures; "none" sizes them equally.
var SizeMeasures = []string{"betweenness", "degree", "strength", "pagerank", "eigenvector", "none"}

// Measure returns one measure of every organization (exact, hop paths) as
// float64s with its name for a legend or an axis: the measures of
// SizeMeasures; nil for "none".
func (a *Analysis) Measure(ctx context.Context, spec graph.NetworkSpec, name string) ([]float64, string, error) {
	if name == "none" {
		return nil, "", nil
	}
	title := map[string]string{"pagerank": "PageRank", "eigenvector": "eigenvector centrality"}[name]
	if title == "" {
		title = name
	}
	if !slices.Contains(SizeMeasures, name) {
		return nil, "", &RequestError{fmt.Errorf("unknown size measure %q", name)}
	}
	cols, _, err := a.Measures(ctx, spec, []string{name}, MeasureOptions{Paths: graph.PathsHops})
	if err != nil {
		return nil, "", err
	}
	v := make([]float64, len(cols[0].Values))
	for i, x := range cols[0].Values {
		switch x := x.(type) {
		case int:
			v[i] = float64(x)
		case float64:
			v[i] = x
		}
	}
	return v, title, nil
}

// PathMeasures are betweenness and closeness, exact or sampled, with the
// sentences that state how they were computed.
type PathMeasures struct {
	Betweenness, BetweennessError, Closeness []float64
	Notes                                    []string
}

// PathMeasures returns the betweenness (when wantB) and closeness (when
// wantC) of the network spec describes: exact, in one Brandes pass per
// source shared by both, or sampled when approx is not nil.
func (a *Analysis) PathMeasures(ctx context.Context, spec graph.NetworkSpec, paths graph.Paths, approx *Approx, seed uint64, wantB, wantC bool) (PathMeasures, error) {
	if approx == nil {
		pc, err := a.Paths(ctx, spec, paths)
		return PathMeasures{Betweenness: pc.Betweenness, Closeness: pc.Closeness}, err
	}
	g, err := a.Network(spec)
	if err != nil {
		return PathMeasures{}, err
	}
	return memo(a, approxPathsKey{spec, *approx, seed, wantB, wantC}, func() (PathMeasures, error) {
		return a.approxPaths(ctx, g, *approx, seed, wantB, wantC)
	})
}

func (a *Analysis) approxPaths(ctx context.Context, g *graph.Network, ap Approx, seed uint64, wantB, wantC bool) (PathMeasures, error) {
	var pm PathMeasures
	o := graph.ApproxOptions{Epsilon: ap.Epsilon, Delta: ap.Delta, Sources: ap.Sources, Seed: seed}
	conf := FormatFloat(1 - ap.Delta)
	exactC := false
	if wantB {
		o.Progress = a.progress("betweenness (sampling)")
		est, err := graph.ApproxBetweenness(ctx, g, o)
		if err != nil {
			return pm, err
		}
		pm.Betweenness, pm.BetweennessError = est.Betweenness, est.Error
		if est.Exact {
			pm.BetweennessError = make([]float64, g.N())
			if est.Closeness != nil {
				pm.Closeness, exactC = est.Closeness, true
				pm.Notes = append(pm.Notes, fmt.Sprintf("betweenness and closeness exact: sampling to ±%s would cost more than the exact computation on this network (betweenness_error 0).", FormatFloat(ap.Epsilon)))
			} else {
				pm.Notes = append(pm.Notes, "betweenness exact: no shortest path has an organization between its ends (betweenness_error 0).")
			}
		} else {
			pm.Notes = append(pm.Notes, fmt.Sprintf("betweenness sampled as Riondato and Kornaropoulos (2016): %d shortest paths between random pairs (seed %d); with probability at least %s every betweenness is within ±%s of its exact value, and (probability at least %s) within its own betweenness_error (empirical Bernstein bound).",
				est.Samples, seed, conf, FormatFloat(est.Epsilon), conf))
		}
	}
	if wantC && !exactC {
		o.Progress = a.progress("closeness (sampling)")
		est, err := graph.ApproxCloseness(ctx, g, o)
		if err != nil {
			return pm, err
		}
		pm.Closeness = est.Closeness
		if est.Exact {
			pm.Notes = append(pm.Notes, fmt.Sprintf("closeness exact: no component has more than %d organizations.", ap.Sources))
		} else {
			pm.Notes = append(pm.Notes, fmt.Sprintf("closeness sampled as Eppstein and Wang (2004): %d random sources per component of more than %d organizations (seed %d); with probability at least %s every organization's mean distance to those it reaches is within ±%.3g hops of its exact value.",
				est.Sources, ap.Sources, seed, conf, est.Bound))
		}
	}
	return pm, nil
}

// topK returns the indices idx (all of values when nil) ordered by value,
// largest first, NaN last, ties in the order given; at most k of them
// (all when k <= 0). It is the one ranking of tables, charts, labels and
// headlines.
func topK(values []float64, idx []int, k int) []int {
	if idx == nil {
		idx = make([]int, len(values))
		for i := range idx {
			idx[i] = i
		}
	} else {
		idx = slices.Clone(idx)
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		va, vb := values[a], values[b]
		switch {
		case va > vb || !math.IsNaN(va) && math.IsNaN(vb):
			return -1
		case va < vb || math.IsNaN(va) && !math.IsNaN(vb):
			return 1
		}
		return 0
	})
	if k > 0 && len(idx) > k {
		idx = idx[:k]
	}
	return idx
}
