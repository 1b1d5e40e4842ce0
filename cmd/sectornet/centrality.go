package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newCentralityCmd(s *streams) *cobra.Command {
	var net networkFlags
	var mode, paths, pagerank string
	var approx approxFlags
	var seed uint64
	cmd := viewCmd(s, "centrality [DIR]", "Degree, strength, betweenness, closeness, eigenvector and PageRank of every organization", func(cmd *cobra.Command, _ viewArgs) (view, error) {
		p, _ := graph.ParsePaths(paths) // checked before (approx.preRun)
		spec, err := net.spec()
		if err != nil {
			return nil, err
		}
		stop, err := usage(graph.ParsePageRankStop(pagerank))
		if err != nil {
			return nil, err
		}
		two, err := parseMode(cmd.Flags().Changed("weight"), mode, spec)
		switch {
		case err != nil:
			return nil, err
		case !two:
			return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
				return out.CentralityTable(ctx, a, spec, p, stop, approx.options(), seed)
			}, nil
		case p != graph.PathsHops:
			return nil, usageErr(errors.New("--paths weighted applies to one-mode networks; the two-mode network is unweighted"))
		case approx.on:
			return nil, usageErr(errors.New("--approx applies to one-mode networks"))
		}
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.TwoModeTable(ctx, a, spec.Basis)
		}, nil
	})
	cmd.PreRunE = approx.preRun(&paths)
	net.add(cmd)
	cmd.Flags().StringVar(&mode, "mode", "one", "one (organizations) or two (organizations and forums)")
	cmd.Flags().StringVar(&paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	pagerankFlag(cmd, &pagerank)
	approx.add(cmd)
	cmd.Flags().Uint64Var(&seed, "seed", out.DefaultSeed, "random seed for --approx sampling")
	return cmd
}
