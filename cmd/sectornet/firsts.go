package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type firstsOptions struct {
	dir    string
	format string
	top    int
	pairs  bool
}

func newFirstsCmd(s *streams) *cobra.Command {
	var o firstsOptions
	cmd := &cobra.Command{
		Use:   "firsts [DIR]",
		Short: "Who met whom for the first time, meeting by meeting (from attendance alone)",
		Long: `From meetings.csv and attendance.csv alone (no survey needed): meeting by
meeting in date order (meetings of one day in file order), how many pairs of
organizations attended a meeting together for the first time, how many of
them from different sectors, and the cumulative number of distinct pairs and
distinct cross-sector pairs that had met; which meetings introduced the most
new cross-sector pairs; with --pairs, the first meeting of every pair.`,
		Example: `  sectornet firsts                      # the embedded sample
  sectornet firsts mydata --pairs --format csv`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runFirsts(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	cmd.Flags().IntVar(&o.top, "top", 5, "meetings to list among those that introduced the most cross-sector pairs (0 for all)")
	cmd.Flags().BoolVar(&o.pairs, "pairs", false, "also list every pair with the date of its first meeting together")
	return cmd
}

func runFirsts(ctx context.Context, s *streams, o firstsOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if o.top < 0 {
		return usageErr(errors.New("--top must be 0 or more"))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	if len(d.Meetings) == 0 || len(d.Attendance) == 0 {
		return errors.New("firsts needs meetings (meetings.csv) and who attended them (attendance.csv); the dataset has none")
	}
	fr := graph.FirstMeetings(d)
	date := func(m int) string { return d.Meetings[m].Date.Format("2006-01-02") }

	mt := &out.Table{Name: "meetings", Title: "First meetings, meeting by meeting",
		Columns: []string{"meeting", "forum", "date", "attendees", "pairs", "new_pairs", "new_cross_sector_pairs", "cumulative_pairs", "cumulative_cross_sector_pairs"}}
	for _, m := range fr.Meetings {
		x := d.Meetings[m.Meeting]
		mt.Add(x.ID, x.Forum, date(m.Meeting), m.Attendees, m.Pairs, m.NewPairs, m.NewCrossSector, m.Cumulative, m.CumulativeCross)
	}
	if n := len(fr.Meetings); n > 0 {
		last := fr.Meetings[n-1]
		mt.Notes = append(mt.Notes, fmt.Sprintf("%d distinct pairs of organizations met at %d meetings; %d of them from different sectors.", last.Cumulative, n, last.CumulativeCross))
	}

	tt := &out.Table{Name: "top_meetings", Title: "Meetings that introduced the most cross-sector pairs",
		Columns: []string{"rank", "meeting", "forum", "date", "new_cross_sector_pairs", "new_pairs"}}
	for k, m := range fr.TopIntroducers(o.top) {
		x := d.Meetings[m.Meeting]
		tt.Add(k+1, x.ID, x.Forum, date(m.Meeting), m.NewCrossSector, m.NewPairs)
	}
	ts := []*out.Table{mt, tt}
	if o.pairs {
		pt := &out.Table{Name: "pairs", Title: "Pairs and their first meeting together",
			Columns: []string{"org_a", "org_b", "sector_a", "sector_b", "cross_sector", "first_meeting", "first_date", "meetings_together"}}
		for _, p := range fr.Pairs {
			a, b := d.Orgs[p.A], d.Orgs[p.B]
			pt.Add(a.ID, b.ID, a.Sector, b.Sector, p.CrossSector, d.Meetings[p.Meeting].ID, date(p.Meeting), p.Meetings)
		}
		ts = append(ts, pt)
	}
	return writeTables(s, f, ts...)
}
