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
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().StringVar(&o.mode, "mode", "one", "one (organizations) or two (organizations and forums)")
	cmd.Flags().StringVar(&o.paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	pagerankFlag(cmd, &o.pagerank)
	o.approx.add(cmd)
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "random seed for --approx sampling")
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
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	var (
		t     *out.Table
		notes []string
	)
	if o.mode == "two" {
		t, err = twoModeTable(ctx, s, d, spec.Basis)
	} else {
		t, notes, err = centralityTable(ctx, s, d, &o.net, paths, stop, &o.approx, o.seed)
	}
	if err != nil {
		return err
	}
	printNotes(s, f, notes)
	return writeTables(s, f, t)
}

// centralityTable returns the one-mode centrality table and, with
// --approx, the sentences stating how betweenness and closeness were
// sampled (also among the table's notes).
func centralityTable(ctx context.Context, s *streams, d *graph.Dataset, nf *networkFlags, paths graph.Paths, stop graph.PageRankStop, af *approxFlags, seed uint64) (*out.Table, []string, error) {
	g, desc, err := nf.build(d)
	if err != nil {
		return nil, nil, err
	}
	pm, err := computePaths(ctx, s, g, paths, af, seed, true, true)
	if err != nil {
		return nil, nil, err
	}
	eig, err := graph.Eigenvector(g)
	if err != nil {
		return nil, nil, fmt.Errorf("eigenvector centrality: %w", err)
	}
	pr, err := graph.PageRank(g, graph.PageRankOptions{Stop: stop})
	if err != nil {
		return nil, nil, fmt.Errorf("pagerank: %w", err)
	}
	cols := []string{"id", "name", "sector", "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank"}
	if af.on {
		cols = []string{"id", "name", "sector", "degree", "strength", "betweenness", "betweenness_error", "closeness", "eigenvector", "pagerank"}
	}
	t := &out.Table{Name: "organizations", Title: "Centrality: " + desc, Columns: cols}
	for i, org := range d.Orgs {
		if af.on {
			t.Add(org.ID, org.Name, org.Sector, g.Degree(i), g.Strength(i), pm.betweenness[i], pm.betweennessErr[i], pm.closeness[i], eig[i], pr[i])
		} else {
			t.Add(org.ID, org.Name, org.Sector, g.Degree(i), g.Strength(i), pm.betweenness[i], pm.closeness[i], eig[i], pr[i])
		}
	}
	lengths := "path lengths in ties"
	if paths == graph.PathsWeighted {
		lengths = "path lengths 1/weight"
	}
	t.Notes = append(t.Notes,
		"betweenness normalized by (n-1)(n-2)/2; closeness Wasserman-Faust (0 for isolates); "+lengths+"; eigenvector unit norm; PageRank damping 0.85, "+pagerankNote(stop)+" (NetworkX conventions).")
	t.Notes = append(t.Notes, pm.notes...)
	return t, pm.notes, nil
}

func twoModeTable(ctx context.Context, s *streams, d *graph.Dataset, basis graph.Basis) (*out.Table, error) {
	a, kind, groupIDs := graph.ForumAffiliation(d), "forum", make([]string, len(d.Forums))
	for i, f := range d.Forums {
		groupIDs[i] = f.ID
	}
	if basis == graph.BasisMeetings {
		a, kind, groupIDs = graph.MeetingAffiliation(d), "meeting", make([]string, len(d.Meetings))
		for i, m := range d.Meetings {
			groupIDs[i] = m.ID
		}
	}
	c, err := graph.TwoMode(ctx, a, graph.PathOptions{Progress: progress(s, "betweenness and closeness")})
	if err != nil {
		return nil, err
	}
	t := &out.Table{Name: "nodes", Title: "Two-mode centrality: organizations and " + kind + "s",
		Columns: []string{"id", "kind", "degree", "betweenness", "closeness"}}
	for v := range c.Degree {
		id, k := "", "org"
		if v < c.Orgs {
			id = d.Orgs[v].ID
		} else {
			id, k = groupIDs[v-c.Orgs], kind
		}
		t.Add(id, k, c.Degree[v], c.Betweenness[v], c.Closeness[v])
	}
	t.Notes = append(t.Notes, "Normalized for two-mode data (Borgatti and Everett 1997; NetworkX bipartite): degree over the size of the other mode; betweenness over its two-mode maximum; closeness as the minimum distance sum over the actual one, times the share of nodes reached.")
	return t, nil
}
