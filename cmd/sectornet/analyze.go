package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newAnalyzeCmd(s *streams) *cobra.Command {
	var net networkFlags
	var paths, pagerank string
	var measures []string
	var approx approxFlags
	o := out.MeasureOptions{}
	cmd := viewCmd(s, "analyze [DIR]", "Every organization's centralities and community, and the network's modularity, E-I index and assortativity, in one pass", func(*cobra.Command, viewArgs) (view, error) {
		o.Paths, _ = graph.ParsePaths(paths) // checked before (approx.preRun)
		spec, err := net.spec()
		if err != nil {
			return nil, err
		}
		if err := out.CheckMethod(o.Method); err != nil {
			return nil, usageErr(err)
		}
		if err := out.CheckMeasures(measures); err != nil {
			return nil, usageErr(err)
		}
		o.PageRank, err = usage(graph.ParsePageRankStop(pagerank))
		o.Approx = approx.options()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.AnalyzeTables(ctx, a, spec, measures, o)
		}, err
	})
	cmd.PreRunE = approx.preRun(&paths)
	net.add(cmd)
	f := cmd.Flags()
	f.StringVar(&paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	f.Float64Var(&o.Resolution, "resolution", out.DefaultResolution, "Louvain resolution γ")
	f.Uint64Var(&o.Seed, "seed", out.DefaultSeed, "random seed of Louvain and of --approx sampling")
	f.StringSliceVar(&measures, "measures", out.OrgMeasures, "per-organization measures to compute, comma-separated (leave out betweenness and closeness for registry-scale data); also "+strings.Join(out.StructureMeasures, ", "))
	f.StringVar(&o.Method, "method", "louvain", "community method: louvain (the benchmarked pipeline) or leiden (as 'communities')")
	pagerankFlag(cmd, &pagerank)
	approx.add(cmd)
	return cmd
}
