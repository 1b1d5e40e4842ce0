package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type analyzeOptions struct {
	dir        string
	format     string
	table      string // --table: print only this table
	net        networkFlags
	paths      string
	resolution float64
	seed       uint64
	measures   []string
	method     string
	pagerank   string
	approx     approxFlags
}

func newAnalyzeCmd(s *streams) *cobra.Command {
	var o analyzeOptions
	cmd := &cobra.Command{
		Use:     "analyze [DIR]",
		Short:   "Every organization's centralities and community, and the network's modularity, E-I index and assortativity, in one pass",
		Long:    helpLong("analyze"),
		Example: helpExample("analyze"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			paths, err := graph.ParsePaths(o.paths)
			if err != nil {
				return usageErr(err)
			}
			if err := o.approx.check(cmd, paths); err != nil {
				return err
			}
			return runAnalyze(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().StringVar(&o.paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	cmd.Flags().Float64Var(&o.resolution, "resolution", out.DefaultResolution, "Louvain resolution γ")
	cmd.Flags().Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of Louvain and of --approx sampling")
	cmd.Flags().StringSliceVar(&o.measures, "measures", out.OrgMeasures, "per-organization measures to compute, comma-separated (leave out betweenness and closeness for registry-scale data); also "+strings.Join(out.StructureMeasures, ", "))
	cmd.Flags().StringVar(&o.method, "method", "louvain", "community method: louvain (the benchmarked pipeline) or leiden (as 'communities')")
	pagerankFlag(cmd, &o.pagerank)
	o.approx.add(cmd)
	return cmd
}

func runAnalyze(ctx context.Context, s *streams, o analyzeOptions) error {
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
	if err := out.CheckMethod(o.method); err != nil {
		return usageErr(err)
	}
	if err := out.CheckMeasures(o.measures); err != nil {
		return usageErr(err)
	}
	stop, err := parsePagerank(o.pagerank)
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	v, err := out.AnalyzeTables(ctx, a, spec, o.measures, out.MeasureOptions{Paths: paths, Approx: o.approx.options(), Seed: o.seed, Resolution: o.resolution, PageRank: stop, Method: o.method})
	return writeView(s, f, o.table, v, err)
}
