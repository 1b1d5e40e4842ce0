package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type centralityOptions struct {
	dir       string
	format    string
	table     string // --table: print only this table
	net       networkFlags
	weightSet bool // --weight given explicitly
	mode      string
	paths     string
	pagerank  string
	approx    approxFlags
	seed      uint64
}

func newCentralityCmd(s *streams) *cobra.Command {
	var o centralityOptions
	cmd := &cobra.Command{
		Use:     "centrality [DIR]",
		Short:   "Degree, strength, betweenness, closeness, eigenvector and PageRank of every organization",
		Long:    helpLong("centrality"),
		Example: helpExample("centrality"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.weightSet = cmd.Flags().Changed("weight")
			paths, err := graph.ParsePaths(o.paths)
			if err != nil {
				return usageErr(err)
			}
			if err := o.approx.check(cmd, paths); err != nil {
				return err
			}
			return runCentrality(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().StringVar(&o.mode, "mode", "one", "one (organizations) or two (organizations and forums)")
	cmd.Flags().StringVar(&o.paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	pagerankFlag(cmd, &o.pagerank)
	o.approx.add(cmd)
	cmd.Flags().Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed for --approx sampling")
	return cmd
}

func runCentrality(ctx context.Context, s *streams, o centralityOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	paths, err := graph.ParsePaths(o.paths)
	if err != nil {
		return usageErr(err)
	}
	spec, err := o.net.spec()
	if err != nil {
		return err
	}
	stop, err := parsePagerank(o.pagerank)
	if err != nil {
		return err
	}
	switch o.mode {
	case "one":
	case "two":
		switch {
		case spec.Basis == graph.BasisTies:
			return usageErr(errors.New("--mode two needs --basis forums or meetings: reported ties are one-mode"))
		case o.weightSet:
			return usageErr(errors.New("--weight applies to one-mode networks; the two-mode network is unweighted"))
		case paths != graph.PathsHops:
			return usageErr(errors.New("--paths weighted applies to one-mode networks; the two-mode network is unweighted"))
		case o.approx.on:
			return usageErr(errors.New("--approx applies to one-mode networks"))
		}
	default:
		return usageErr(fmt.Errorf("unknown mode %q (want one or two)", o.mode))
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	if o.mode == "two" {
		v, err := out.TwoModeTable(ctx, a, spec.Basis)
		return writeView(s, f, o.table, v, err)
	}
	v, err := out.CentralityTable(ctx, a, spec, paths, stop, o.approx.options(), o.seed)
	return writeView(s, f, o.table, v, err)
}
