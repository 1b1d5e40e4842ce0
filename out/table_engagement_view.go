package out

import (
	"context"
	"errors"
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// EngagementOptions choose the engagement view: the flags of the
// engagement command.
type EngagementOptions struct {
	Thresholds graph.EngagementOptions
	Unit       graph.RetentionUnit
	Period     graph.Period
	Curves     bool // add the retention curves themselves
}

// DefaultEngagementOptions are the engagement command's defaults.
var DefaultEngagementOptions = EngagementOptions{Thresholds: graph.DefaultEngagement, Unit: graph.RetentionMeetings, Period: graph.PeriodQuarter}

// EngagementView is the attendance record of every forum member and
// organization, the retention of members per sector, the trends per
// period and the Collective Impact indicators.
func EngagementView(ctx context.Context, a *Analysis, o EngagementOptions) (*Tables, error) {
	d := a.Dataset
	if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
		return nil, &RequestError{errors.New("engagement needs forums with members (forums.csv, participation.csv) and their meetings (meetings.csv); the dataset has none")}
	}
	e := graph.Engage(d, o.Thresholds)
	ts := EngagementTables(d, e)
	rt := RetentionTables(d, graph.Retain(d, e, o.Unit))
	ts = append(ts, rt[0])
	if o.Curves {
		ts = append(ts, rt[1])
	}
	trends, err := graph.Trends(d, o.Period)
	if err != nil {
		return nil, &RequestError{fmt.Errorf("--period waves: %v", err)}
	}
	ts = append(ts, TrendTable(d, trends, o.Period))
	ci, err := graph.CollectiveImpact(ctx, d, e, trends)
	if err != nil {
		return nil, err
	}
	ts = append(ts, IndicatorsTable(d, ci))
	return tables(ts...), nil
}
