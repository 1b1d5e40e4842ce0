package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
)

// orgMeasures are the per-organization measures of a one-mode network
// that analyze and export compute, in column order.
var orgMeasures = []string{"degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank", "community"}

// measureColumn is one computed measure: ints or float64s, one per node.
type measureColumn struct {
	name   string
	values []any
	isInt  bool
}

// measureOptions choose how the measures are computed.
type measureOptions struct {
	want       []string // names from orgMeasures
	paths      graph.Paths
	resolution float64 // Louvain
	seed       uint64  // Louvain
	pagerank   graph.PageRankStop
	progress   string // label of the progress bar for betweenness and closeness; "" for none
	// approx, when not nil and on, samples betweenness and closeness
	// (adding a betweenness_error column) and appends to notes the
	// sentences stating their bounds.
	approx *approxFlags
	notes  *[]string
	// sectors is the partition by sector (partner_blau, partner_iqv, ssi).
	sectors graph.Groups
	// method finds the communities: "louvain" (also "") or "leiden".
	method string
}

// pagerankFlag adds --pagerank, PageRank's stopping rule.
func pagerankFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "pagerank", "converged", "PageRank stopping rule: converged (every score within 1e-12 of the exact one, as igraph's PRPACK) or networkx (NetworkX pagerank's default tol=1e-6: its scores, up to 1e-5 off)")
}

// pagerankNote says how PageRank was stopped, for a table's note.
func pagerankNote(stop graph.PageRankStop) string {
	if stop == graph.PageRankNetworkX {
		return "stopped by NetworkX's default rule (tol 1e-6)"
	}
	return "converged to 1e-12"
}

// parsePagerank reads --pagerank.
func parsePagerank(s string) (graph.PageRankStop, error) {
	stop, err := graph.ParsePageRankStop(s)
	if err != nil {
		return 0, usageErr(err)
	}
	return stop, nil
}

// louvain finds the Louvain communities of g, with a status line on a
// terminal, stopping when ctx is cancelled.
func louvain(ctx context.Context, s *streams, g *graph.Network, resolution float64, seed uint64) (graph.Groups, error) {
	ph := startPhase(s, "communities (Louvain)")
	defer ph.end()
	return graph.LouvainContext(ctx, g, resolution, seed, func(level, sweep int) {
		ph.set(fmt.Sprintf("level %d, sweep %d", level, sweep))
	})
}

// checkMeasures returns a usage error for a name not in orgMeasures or
// structureMeasures.
func checkMeasures(names []string) error {
	for _, m := range names {
		if !slices.Contains(orgMeasures, m) && !slices.Contains(structureMeasures, m) {
			return usageErr(fmt.Errorf("unknown measure %q (want %s)", m, strings.Join(append(slices.Clone(orgMeasures), structureMeasures...), ", ")))
		}
	}
	return nil
}

// computeMeasures computes the wanted measures of g, in orgMeasures
// order, and the Louvain communities (always: analyze needs them for the
// modularity).
func computeMeasures(ctx context.Context, s *streams, g *graph.Network, o measureOptions) ([]measureColumn, graph.Groups, error) {
	want := map[string]bool{}
	for _, m := range o.want {
		want[m] = true
	}
	var cols []measureColumn
	ints := func(name string, v []int) {
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = x
		}
		cols = append(cols, measureColumn{name, c, true})
	}
	floats := func(name string, v []float64) {
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = x
		}
		cols = append(cols, measureColumn{name, c, false})
	}
	if want["degree"] {
		ints("degree", graph.Degree(g))
	}
	if want["strength"] {
		floats("strength", graph.Strength(g))
	}
	if (want["betweenness"] || want["closeness"]) && o.approx != nil && o.approx.on {
		pm, err := computePaths(ctx, s, g, o.paths, o.approx, o.seed, want["betweenness"], want["closeness"])
		if err != nil {
			return nil, graph.Groups{}, err
		}
		if o.notes != nil {
			*o.notes = append(*o.notes, pm.notes...)
		}
		if want["betweenness"] {
			floats("betweenness", pm.betweenness)
			floats("betweenness_error", pm.betweennessErr)
		}
		if want["closeness"] {
			floats("closeness", pm.closeness)
		}
	} else if want["betweenness"] || want["closeness"] {
		po := graph.PathOptions{Paths: o.paths}
		if o.progress != "" {
			po.Progress = progress(s, o.progress)
		}
		pc, err := graph.ShortestPathCentrality(ctx, g, po)
		if err != nil {
			return nil, graph.Groups{}, err
		}
		if want["betweenness"] {
			floats("betweenness", pc.Betweenness)
		}
		if want["closeness"] {
			floats("closeness", pc.Closeness)
		}
	}
	if want["eigenvector"] {
		eig, err := graph.Eigenvector(g)
		if err != nil {
			return nil, graph.Groups{}, fmt.Errorf("eigenvector centrality: %w", err)
		}
		floats("eigenvector", eig)
	}
	if want["pagerank"] {
		pr, err := graph.PageRank(g, graph.PageRankOptions{Stop: o.pagerank})
		if err != nil {
			return nil, graph.Groups{}, fmt.Errorf("pagerank: %w", err)
		}
		floats("pagerank", pr)
	}
	method := o.method
	if method == "" {
		method = "louvain"
	}
	comm, err := communitiesBy(ctx, s, g, method, o.resolution, o.seed)
	if err != nil {
		return nil, graph.Groups{}, err
	}
	if want["community"] {
		ints("community", comm.Label)
	}
	extra, err := structureColumns(ctx, s, g, o.sectors, o.seed, want)
	if err != nil {
		return nil, graph.Groups{}, err
	}
	return append(cols, extra...), comm, nil
}
