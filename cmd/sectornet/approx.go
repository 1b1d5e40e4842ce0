package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// approxFlags are the sampling flags of centrality and analyze.
type approxFlags struct {
	on      bool
	epsilon float64
	delta   float64
	sources int
}

func (a *approxFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&a.on, "approx", false, "estimate betweenness and closeness by sampling, with error bounds printed with the output (hop paths only)")
	f.Float64Var(&a.epsilon, "epsilon", graph.DefaultApproxEpsilon, "with --approx: largest error allowed in any betweenness (normalized as NetworkX)")
	f.Float64Var(&a.delta, "delta", graph.DefaultApproxDelta, "with --approx: probability that a stated bound fails")
	f.IntVar(&a.sources, "sources", graph.DefaultApproxSources, "with --approx: sampled sources per component for closeness (smaller components are exact)")
}

// check validates the flags; the sampling flags need --approx, and
// --approx needs hop paths.
func (a *approxFlags) check(cmd *cobra.Command, paths graph.Paths) error {
	if !a.on {
		for _, name := range []string{"epsilon", "delta", "sources"} {
			if cmd.Flags().Changed(name) {
				return usageErr(fmt.Errorf("--%s applies with --approx", name))
			}
		}
		return nil
	}
	switch {
	case paths != graph.PathsHops:
		return usageErr(errors.New("--approx samples hop paths; with --paths weighted, betweenness and closeness are exact only"))
	case !(a.epsilon > 0 && a.epsilon < 1):
		return usageErr(fmt.Errorf("--epsilon must be between 0 and 1, got %v", a.epsilon))
	case !(a.delta > 0 && a.delta < 1):
		return usageErr(fmt.Errorf("--delta must be between 0 and 1, got %v", a.delta))
	case a.sources < 2:
		return usageErr(fmt.Errorf("--sources must be at least 2, got %d", a.sources))
	}
	return nil
}

// pathMeasures are betweenness and closeness, exact or sampled, with the
// sentences that state how they were computed.
type pathMeasures struct {
	betweenness, betweennessErr, closeness []float64
	notes                                  []string
}

// computePaths computes the betweenness (when wantB) and closeness (when
// wantC) of g: exact, in one Brandes pass per source, or sampled with
// --approx.
func computePaths(ctx context.Context, s *streams, g *graph.Network, paths graph.Paths, a *approxFlags, seed uint64, wantB, wantC bool) (pathMeasures, error) {
	var pm pathMeasures
	if !a.on {
		pc, err := graph.ShortestPathCentrality(ctx, g, graph.PathOptions{Paths: paths, Progress: progress(s, "betweenness and closeness")})
		if err != nil {
			return pm, err
		}
		pm.betweenness, pm.closeness = pc.Betweenness, pc.Closeness
		return pm, nil
	}
	o := graph.ApproxOptions{Epsilon: a.epsilon, Delta: a.delta, Sources: a.sources, Seed: seed}
	conf := out.FormatFloat(1 - a.delta)
	exactC := false
	if wantB {
		o.Progress = progress(s, "betweenness (sampling)")
		est, err := graph.ApproxBetweenness(ctx, g, o)
		if err != nil {
			return pm, err
		}
		pm.betweenness, pm.betweennessErr = est.Betweenness, est.Error
		if est.Exact {
			pm.betweennessErr = make([]float64, g.N())
			if est.Closeness != nil {
				pm.closeness, exactC = est.Closeness, true
				pm.notes = append(pm.notes, fmt.Sprintf("betweenness and closeness exact: sampling to ±%s would cost more than the exact computation on this network (betweenness_error 0).", out.FormatFloat(a.epsilon)))
			} else {
				pm.notes = append(pm.notes, "betweenness exact: no shortest path has an organization between its ends (betweenness_error 0).")
			}
		} else {
			pm.notes = append(pm.notes, fmt.Sprintf("betweenness sampled as Riondato and Kornaropoulos (2016): %d shortest paths between random pairs (seed %d); with probability at least %s every betweenness is within ±%s of its exact value, and (probability at least %s) within its own betweenness_error (empirical Bernstein bound).",
				est.Samples, seed, conf, out.FormatFloat(est.Epsilon), conf))
		}
	}
	if wantC && !exactC {
		o.Progress = progress(s, "closeness (sampling)")
		est, err := graph.ApproxCloseness(ctx, g, o)
		if err != nil {
			return pm, err
		}
		pm.closeness = est.Closeness
		if est.Exact {
			pm.notes = append(pm.notes, fmt.Sprintf("closeness exact: no component has more than %d organizations.", a.sources))
		} else {
			pm.notes = append(pm.notes, fmt.Sprintf("closeness sampled as Eppstein and Wang (2004): %d random sources per component of more than %d organizations (seed %d); with probability at least %s every organization's mean distance to those it reaches is within ±%.3g hops of its exact value.",
				est.Sources, a.sources, seed, conf, est.Bound))
		}
	}
	return pm, nil
}

// printNotes writes notes to stderr for the machine formats (csv, json),
// whose output has no room for them.
func printNotes(s *streams, f out.Format, notes []string) {
	if f != out.FormatCSV && f != out.FormatJSON {
		return
	}
	for _, n := range notes {
		fmt.Fprintf(s.Err, "sectornet: %s\n", n)
	}
}
