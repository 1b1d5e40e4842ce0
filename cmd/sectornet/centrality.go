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
		Use:   "centrality [DIR]",
		Short: "Degree, strength, betweenness, closeness, eigenvector and PageRank of every organization",
		Long: `Print one row per organization with its centralities in the one-mode network
(--basis, --weight, --wave choose which):

  degree       number of distinct partners
  strength     sum of tie weights
  betweenness  Brandes, normalized by (n-1)(n-2)/2 as NetworkX
               betweenness_centrality(normalized=True)
  closeness    Wasserman-Faust for disconnected networks, as NetworkX
               closeness_centrality (0 for isolates)
  eigenvector  weighted, unit Euclidean norm, non-negative, as NetworkX
               eigenvector_centrality_numpy (0 outside the component with
               the largest eigenvalue)
  pagerank     weighted, damping 0.85, isolates spread uniformly, converged
               to within 1e-12 of the exact scores (as igraph's PRPACK, and
               NetworkX pagerank with tol=1e-12); --pagerank networkx stops
               where NetworkX pagerank stops by default (tol=1e-6), giving its
               scores exactly, up to 1e-5 from the exact ones

Path lengths count ties (--paths hops), or are 1/weight (--paths weighted) so
strong ties are short.

With --approx, betweenness and closeness are estimated by sampling, for
networks of tens of thousands of organizations: betweenness from random
shortest paths (Riondato and Kornaropoulos 2016), with probability 1-δ
(--delta) within ±ε (--epsilon) of the exact value, and a column
betweenness_error with each organization's own, usually much smaller, bound;
closeness from breadth-first searches out of --sources random organizations
per component (Eppstein and Wang 2004). The bounds are printed with the output
(on stderr for csv and json). --seed chooses the sample. Where sampling would
cost more than the exact computation (small networks), the exact values are
printed, and the output says so.

With --mode two the network is the two-mode network of organizations and
forums (or meetings with --basis meetings), one row per node, with degree,
betweenness and closeness normalized for two-mode data as Borgatti and Everett
(1997) define them (NetworkX bipartite.degree_centrality,
betweenness_centrality, closeness_centrality).`,
		Example: `  sectornet centrality mydata --format csv > centrality.csv
  sectornet centrality mydata --basis ties --wave 2014 --paths weighted
  sectornet centrality mydata --mode two --format md
  sectornet centrality registry --approx --epsilon 0.002 --format csv`,
		Args: dirArg,
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
