package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type summaryOptions struct {
	allPaths bool
	dir      string
	format   string
	net      networkFlags
	inf      inferenceFlags
}

func newSummaryCmd(s *streams) *cobra.Command {
	var o summaryOptions
	cmd := &cobra.Command{
		Use:   "summary [DIR]",
		Short: "Counts per sector, forum, meeting and wave, and the size of the network",
		Long: `Print counts per sector, forum, meeting and survey wave, and the network's size,
density, degree centralization, average clustering and components (--basis,
--weight, --wave choose the network).

  degree centralization           Freeman's, weights ignored: Σ(d_max - d_i) /
                                  ((n-1)(n-2)), 1 for a star; R sna
                                  centralization(g, degree, mode="graph") on
                                  the 0/1 adjacency matrix
  weighted degree centralization  the same with strengths (sums of tie
                                  weights) for degrees: sna's call on the
                                  valued matrix; in the units of the weights,
                                  it can exceed 1
  average clustering              NetworkX average_clustering (isolates 0)`,
		Example: `  sectornet summary                      # the embedded sample
  sectornet summary mydata --format md   # Markdown tables`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSummary(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().BoolVar(&o.allPaths, "all-paths", false, "find every shortest path (betweenness and closeness centralization, diameter, mean path length) even on a network where that takes long")
	o.inf.add(cmd, nil)
	return cmd
}

func runSummary(ctx context.Context, s *streams, o summaryOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if err := o.inf.check(); err != nil {
		return err
	}
	d, g, desc, err := o.net.load(ctx, s, o.dir)
	if err != nil {
		return err
	}
	ts := summaryTables(d, g, desc, o.net.tieType)
	for k, t := range ts {
		if t.Name == "network" {
			ct, err := cohesionTables(ctx, s, g, t, o.allPaths)
			if err != nil {
				return err
			}
			ts = append(ts[:k+1], append([]*out.Table{ct}, ts[k+1:]...)...)
			break
		}
	}
	inf, err := o.inf.tables(ctx, s, graph.SectorGroups(d), []*graph.Network{g}, []string{networkLabel(d, &o.net)}, "")
	if err != nil {
		return err
	}
	ts = append(ts, inf...)
	if o.dir == "" {
		ts[0].Notes = append(ts[0].Notes, "The embedded sample is synthetic: made-up organizations modelled on the figures of Israel's cross-sector volunteering initiative.")
	}
	return writeTables(s, f, ts...)
}

// summaryTables builds the summary's tables: dataset, sectors, forums,
// meetings, waves and network, and tie_scores when ties (of tieType, when
// not empty) carry trust or value scores.
func summaryTables(d *graph.Dataset, g *graph.Network, desc, tieType string) []*out.Table {
	st := graph.Summarize(d)
	ds := &out.Table{Name: "dataset", Title: "Dataset", Columns: []string{"item", "count"}}
	ds.Add("organizations", len(d.Orgs))
	ds.Add("sectors", len(d.Sectors))
	ds.Add("forums", len(d.Forums))
	ds.Add("memberships", st.Memberships)
	ds.Add("organizations in no forum", st.OrgsWithoutForum)
	ds.Add("meetings", len(d.Meetings))
	ds.Add("attendances", st.Attendances)
	ds.Add("waves", len(st.Waves))
	ds.Add("collaboration ties (all waves)", st.Ties)
	ds.Add("quotas", len(d.Quotas))

	sec := &out.Table{Name: "sectors", Title: "Sectors", Columns: []string{"sector", "label", "orgs", "share", "in_forums", "memberships", "attendances"}}
	for _, x := range st.Sectors {
		sec.Add(x.Sector.ID, x.Sector.Name(), x.Orgs, x.Share, x.InForums, x.Memberships, x.Attendances)
	}

	fo := &out.Table{Name: "forums", Title: "Forums", Columns: []string{"forum", "name", "kind", "capacity", "members", "meetings", "attendances"}}
	for _, x := range st.Forums {
		fo.Add(x.Forum.ID, x.Forum.Name, x.Forum.Kind, x.Forum.Capacity, x.Members, x.Meetings, x.Attendances)
	}

	me := &out.Table{Name: "meetings", Title: "Meetings", Columns: []string{"meeting", "forum", "date", "attendances", "sectors_present"}}
	for _, x := range st.Meetings {
		me.Add(x.Meeting.ID, x.Meeting.Forum, x.Meeting.Date.Format("2006-01-02"), x.Attendances, x.SectorsPresent)
	}

	wv := &out.Table{Name: "waves", Title: "Survey waves", Columns: []string{"wave", "reports", "ties", "orgs_involved", "cross_sector_ties"}}
	for _, x := range st.Waves {
		wv.Add(x.Wave, x.Reports, x.Ties, x.Orgs, x.CrossSector)
	}

	_, ncomp := g.Components()
	nt := &out.Table{Name: "network", Title: "Network: " + desc, Columns: []string{"measure", "value"}}
	nt.Add("nodes", g.N())
	nt.Add("ties", g.M())
	nt.Add("isolates", graph.Isolates(g))
	nt.Add("density", g.Density())
	nt.Add("degree centralization", graph.DegreeCentralization(g))
	nt.Add("weighted degree centralization", graph.WeightedDegreeCentralization(g))
	nt.Add("average clustering", graph.AverageClustering(g))
	nt.Add("components", ncomp)
	nt.Add("largest component", graph.LargestComponent(g))
	nt.Add("total tie weight", g.TotalWeight())
	ts := []*out.Table{ds, sec, fo, me, wv, nt}
	if graph.HasScores(d, tieType) {
		ts = append(ts, tieScoresTable(d, tieType))
	}
	return ts
}
