package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newEngagementCmd(s *streams) *cobra.Command {
	eo := out.EngagementOptions{Thresholds: graph.DefaultEngagement}
	var forum, kind, unit, period string
	var check bool
	cmd := viewCmd(s, "engagement [DIR]", "Who keeps coming, who is drifting away, retention per sector and the partnership's trends", func(_ *cobra.Command, va viewArgs) (view, error) {
		th := eo.Thresholds
		if err := th.Check(); err != nil {
			return nil, usageErr(fmt.Errorf("--recent %d, --core %v, --regular %v, --drop %v: %v", th.Recent, th.Core, th.Regular, th.Drop, err))
		}
		var err error
		if eo.Unit, err = graph.ParseRetentionUnit(unit); err != nil {
			return nil, usageErr(fmt.Errorf("--unit %q: want meetings or days", unit))
		}
		if eo.Period, err = graph.ParsePeriod(period); err != nil {
			return nil, usageErr(fmt.Errorf("--period %q: want quarter, half, year, waves or all", period))
		}
		if check && va.dir == "" {
			return nil, usageErr(errors.New("engagement --check needs DIR, the dataset to watch: it is meant for scheduled jobs, and the embedded sample would stand in for your data (sectornet engagement mydata --check)"))
		}
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			d, o := a.Dataset, eo
			if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
				return nil, usageErr(errors.New("engagement needs forums with members (forums.csv, participation.csv) and their meetings (meetings.csv); the dataset has none"))
			}
			if forum != "" || kind != "" {
				var err error
				if o.Thresholds.Forums, err = selectForums(d, forum, kind); err != nil {
					return nil, err
				}
			}
			if check { // the watch list, exit status 4 when it is not empty
				summary, err := out.WriteWatch(s.Out, d, graph.Engage(d, o.Thresholds), s.format(va.format))
				if err != nil || summary == "" {
					return nil, err
				}
				return nil, &exitErr{code: exitCheck, err: errors.New(summary)}
			}
			return out.EngagementView(ctx, a, o)
		}, nil
	})
	f := cmd.Flags()
	f.StringVar(&forum, "forum", "", "only this forum (by id)")
	f.StringVar(&kind, "kind", "", "only forums of this kind (forum, board, ... as in forums.csv)")
	f.IntVar(&eo.Thresholds.Recent, "recent", eo.Thresholds.Recent, "the forum's last N meetings count as recent")
	f.Float64Var(&eo.Thresholds.Core, "core", eo.Thresholds.Core, "attendance rate from which a member is core")
	f.Float64Var(&eo.Thresholds.Regular, "regular", eo.Thresholds.Regular, "attendance rate from which a member is regular (below: occasional)")
	f.Float64Var(&eo.Thresholds.Drop, "drop", eo.Thresholds.Drop, "with --check: a fall of the recent rate below the earlier rate by more than this puts a member on the list")
	f.StringVar(&unit, "unit", "meetings", "retention time in meetings or days")
	f.StringVar(&period, "period", "quarter", "trend periods: quarter, half, year, waves or all")
	f.BoolVar(&check, "check", false, "print the watch list; exit status 4 if it is not empty")
	f.BoolVar(&eo.Curves, "curves", false, "also print every step of the Kaplan-Meier curves")
	return cmd
}
