package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type communitiesOptions struct {
	dir        string
	format     string
	table      string // --table: print only this table
	net        networkFlags
	resolution float64
	seed       uint64
	method     string
}

func newCommunitiesCmd(s *streams) *cobra.Command {
	var o communitiesOptions
	cmd := &cobra.Command{
		Use:     "communities [DIR]",
		Short:   "Leiden or Louvain communities, their sector make-up, and whether they just reproduce the sectors",
		Long:    helpLong("communities"),
		Example: helpExample("communities"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runCommunities(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().StringVar(&o.method, "method", out.DefaultCommunityMethod, "leiden or louvain")
	cmd.Flags().Float64Var(&o.resolution, "resolution", out.DefaultResolution, "modularity resolution γ (above 1: more, smaller communities)")
	cmd.Flags().Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of the method")
	return cmd
}

func runCommunities(ctx context.Context, s *streams, o communitiesOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if err := out.CheckMethod(o.method); err != nil {
		return usageErr(err)
	}
	spec, err := o.net.spec()
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	v, err := out.CommunitiesTables(ctx, a, spec, o.method, o.resolution, o.seed)
	return writeView(s, f, o.table, v, err)
}
