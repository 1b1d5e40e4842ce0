package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

func newCommunitiesCmd(s *streams) *cobra.Command {
	var net networkFlags
	var method string
	var resolution float64
	var seed uint64
	cmd := viewCmd(s, "communities [DIR]", "Leiden or Louvain communities, their sector make-up, and whether they just reproduce the sectors", func(*cobra.Command, viewArgs) (view, error) {
		if err := out.CheckMethod(method); err != nil {
			return nil, usageErr(err)
		}
		spec, err := net.spec()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.CommunitiesTables(ctx, a, spec, method, resolution, seed)
		}, err
	})
	net.add(cmd)
	cmd.Flags().StringVar(&method, "method", out.DefaultCommunityMethod, "leiden or louvain")
	cmd.Flags().Float64Var(&resolution, "resolution", out.DefaultResolution, "modularity resolution γ (above 1: more, smaller communities)")
	cmd.Flags().Uint64Var(&seed, "seed", out.DefaultSeed, "random seed of the method")
	return cmd
}
