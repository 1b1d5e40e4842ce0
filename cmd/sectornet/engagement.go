package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type engagementOptions struct {
	dir, format   string
	table         string // --table: print only this table
	forum, kind   string
	thresholds    graph.EngagementOptions
	unit, period  string
	check, curves bool
}

func newEngagementCmd(s *streams) *cobra.Command {
	o := engagementOptions{thresholds: graph.DefaultEngagement}
	cmd := &cobra.Command{
		Use:     "engagement [DIR]",
		Short:   "Who keeps coming, who is drifting away, retention per sector and the partnership's trends",
		Long:    helpLong("engagement"),
		Example: helpExample("engagement"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runEngagement(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	f := cmd.Flags()
	f.StringVar(&o.forum, "forum", "", "only this forum (by id)")
	f.StringVar(&o.kind, "kind", "", "only forums of this kind (forum, board, ... as in forums.csv)")
	f.IntVar(&o.thresholds.Recent, "recent", o.thresholds.Recent, "the forum's last N meetings count as recent")
	f.Float64Var(&o.thresholds.Core, "core", o.thresholds.Core, "attendance rate from which a member is core")
	f.Float64Var(&o.thresholds.Regular, "regular", o.thresholds.Regular, "attendance rate from which a member is regular (below: occasional)")
	f.Float64Var(&o.thresholds.Drop, "drop", o.thresholds.Drop, "with --check: a fall of the recent rate below the earlier rate by more than this puts a member on the list")
	f.StringVar(&o.unit, "unit", "meetings", "retention time in meetings or days")
	f.StringVar(&o.period, "period", "quarter", "trend periods: quarter, half, year, waves or all")
	f.BoolVar(&o.check, "check", false, "print the watch list; exit status 4 if it is not empty")
	f.BoolVar(&o.curves, "curves", false, "also print every step of the Kaplan-Meier curves")
	return cmd
}

func runEngagement(ctx context.Context, s *streams, o engagementOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	th := o.thresholds
	if err := th.Check(); err != nil {
		return usageErr(fmt.Errorf("--recent %d, --core %v, --regular %v, --drop %v: %v", th.Recent, th.Core, th.Regular, th.Drop, err))
	}
	unit, err := graph.ParseRetentionUnit(o.unit)
	if err != nil {
		return usageErr(fmt.Errorf("--unit %q: want meetings or days", o.unit))
	}
	period, err := graph.ParsePeriod(o.period)
	if err != nil {
		return usageErr(fmt.Errorf("--period %q: want quarter, half, year, waves or all", o.period))
	}
	if o.check && o.dir == "" {
		return usageErr(errors.New("engagement --check needs DIR, the dataset to watch: it is meant for scheduled jobs, and the embedded sample would stand in for your data (sectornet engagement mydata --check)"))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	if err := requireData(o.dir, d); err != nil {
		return err
	}
	if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
		return usageErr(errors.New("engagement needs forums with members (forums.csv, participation.csv) and their meetings (meetings.csv); the dataset has none"))
	}
	if o.forum != "" || o.kind != "" {
		if th.Forums, err = selectForums(d, o.forum, o.kind); err != nil {
			return err
		}
	}
	if o.check {
		return writeWatch(s, f, d, graph.Engage(d, th))
	}
	v, err := out.EngagementView(ctx, out.NewAnalysis(d, out.AnalysisOptions{Source: o.dir}), out.EngagementOptions{Thresholds: th, Unit: unit, Period: period, Curves: o.curves})
	return writeView(s, f, o.table, v, err)
}

// writeWatch prints the watch list (out.WriteWatch), exit status 4 when it
// is not empty.
func writeWatch(s *streams, f out.Format, d *graph.Dataset, e *graph.Engagement) error {
	summary, err := out.WriteWatch(s.Out, d, e, s.format(f))
	if err != nil || summary == "" {
		return err
	}
	return &exitErr{code: exitCheck, err: errors.New(summary)}
}
