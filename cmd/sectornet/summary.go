package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

func newSummaryCmd(s *streams) *cobra.Command {
	var net networkFlags
	var inf inferenceFlags
	var o out.SummaryOptions
	cmd := viewCmd(s, "summary [DIR]", "Counts per sector, forum, meeting and wave, and the size of the network", func(*cobra.Command, viewArgs) (view, error) {
		spec, err := net.spec()
		o.Inference = inf.options()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.SummaryTables(ctx, a, spec, o)
		}, err
	})
	net.add(cmd)
	cmd.Flags().BoolVar(&o.AllPaths, "all-paths", false, "find every shortest path (betweenness and closeness centralization, diameter, mean path length) even on a network where that takes long")
	inf.add(cmd, nil)
	return cmd
}
