package main

import (
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
	if paths != graph.PathsHops {
		return usageErr(errors.New("--approx samples hop paths; with --paths weighted, betweenness and closeness are exact only"))
	}
	return nil
}

// preRun is the PreRunE of a command with the sampling flags and --paths
// (its value in paths): both checked before the command's other flags.
func (a *approxFlags) preRun(paths *string) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		p, err := usage(graph.ParsePaths(*paths))
		if err != nil {
			return err
		}
		return a.check(cmd, p)
	}
}

// options returns the sampling the flags ask for, nil for exact
// measures.
func (a *approxFlags) options() *out.Approx {
	if !a.on {
		return nil
	}
	return &out.Approx{Epsilon: a.epsilon, Delta: a.delta, Sources: a.sources}
}
