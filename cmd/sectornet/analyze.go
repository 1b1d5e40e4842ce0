package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type analyzeOptions struct {
	dir        string
	format     string
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
		Use:   "analyze [DIR]",
		Short: "Every organization's centralities and community, and the network's modularity, E-I index and assortativity, in one pass",
		Long: `Compute, in one run, what a network analyst computes first: per organization
its degree, strength, betweenness, closeness, eigenvector centrality, PageRank
and Louvain community; for the network the modularity of the communities, the
sector E-I index and the sector assortativity. The measures are those of
'centrality', 'communities' and 'sectors' (see their help for conventions).
This is the pipeline BENCHMARKS.md times against NetworkX and igraph.

With --approx, betweenness and closeness are sampled, with error bounds printed
with the output (see 'sectornet centrality --help'); betweenness then comes
with a betweenness_error column.`,
		Example: `  sectornet analyze mydata --format csv > orgs.csv
  sectornet analyze --seed 7 --format json
  sectornet analyze registry --approx --format csv > orgs.csv`,
		Args: dirArg,
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
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().StringVar(&o.paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	cmd.Flags().Float64Var(&o.resolution, "resolution", 1, "Louvain resolution γ")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "random seed of Louvain and of --approx sampling")
	cmd.Flags().StringSliceVar(&o.measures, "measures", orgMeasures, "per-organization measures to compute, comma-separated (leave out betweenness and closeness for registry-scale data); also "+strings.Join(structureMeasures, ", "))
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
	if _, err := o.net.spec(); err != nil {
		return err
	}
	if err := checkMethod(o.method); err != nil {
		return err
	}
	if err := checkMeasures(o.measures); err != nil {
		return err
	}
	stop, err := parsePagerank(o.pagerank)
	if err != nil {
		return err
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	g, desc, err := o.net.build(d)
	if err != nil {
		return err
	}
	var notes []string
	measures, comm, err := computeMeasures(ctx, s, g, measureOptions{want: o.measures, paths: paths, resolution: o.resolution, seed: o.seed, pagerank: stop, progress: "betweenness and closeness", approx: &o.approx, notes: &notes,
		sectors: graph.SectorGroups(d), method: o.method})
	if err != nil {
		return err
	}
	cols := []string{"id", "name", "sector"}
	for _, m := range measures {
		cols = append(cols, m.name)
	}
	sec := graph.SectorGroups(d)
	q := graph.Modularity(g, comm, o.resolution)
	ei := graph.EIIndex(g, sec)
	r := graph.Assortativity(g, sec)

	orgs := &out.Table{Name: "organizations", Title: "Organizations: " + desc, Columns: cols, Notes: notes}
	for i, org := range d.Orgs {
		row := make([]any, 0, len(cols))
		row = append(row, org.ID, org.Name, org.Sector)
		for _, m := range measures {
			row = append(row, m.values[i])
		}
		orgs.Rows = append(orgs.Rows, row)
	}
	nt := &out.Table{Name: "network", Title: "Network", Columns: []string{"measure", "value"}}
	nt.Add("organizations", g.N())
	nt.Add("ties", g.M())
	nt.Add("communities", comm.K)
	nt.Add("modularity", q)
	nt.Add("ei_index", ei.Index)
	nt.Add("assortativity", r)
	nt.Add("louvain_seed", int(o.seed))
	printNotes(s, f, notes)
	if f == out.FormatCSV {
		// One CSV row per organization; the network's numbers on stderr.
		fmt.Fprintf(s.Err, "sectornet: %d organizations, %d ties; %d communities, modularity %s (Louvain, seed %d); E-I index %s; sector assortativity %s\n",
			g.N(), g.M(), comm.K, out.FormatFloat(q), o.seed, out.FormatFloat(ei.Index), out.FormatFloat(r))
		return writeTables(s, f, orgs)
	}
	return writeTables(s, f, nt, orgs)
}
