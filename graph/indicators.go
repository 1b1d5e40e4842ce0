package graph

import (
	"context"
	"math"
	"strings"
)

// BackboneSource says how the backbone organization was found.
type BackboneSource int

const (
	BackboneNone       BackboneSource = iota // not found
	BackboneColumn                           // organizations.csv's backbone column says so
	BackboneBoardChair                       // the chair of the first forum of kind board
)

// CIIndicators are numbers from the partnership's records that inform
// the conditions of Collective Impact (J. Kania and M. Kramer,
// "Collective Impact", Stanford Social Innovation Review 9(1), 2011,
// 36-41): indicators, not proof that a condition is met. NaN or -1 where the data cannot give one.
type CIIndicators struct {
	// Continuous communication: meetings held, distinct attendances, the
	// share of members' seats filled (Engage), and the meetings of the
	// first and of the last period of trends.
	Meetings, Attendances       int
	SeatsFilled                 float64
	FirstPeriod, LastPeriod     string
	FirstMeetings, LastMeetings int
	Lapsed                      int // members on the watch list as lapsed
	// Mutually reinforcing activities: the share of pairs who met at a
	// meeting that cross sectors; new cross-sector collaboration ties
	// between the last two waves (From, To; -1 without two waves); ties
	// of a joint type ("joint project") in the last wave (-1 without
	// waves).
	CrossShareMet                 float64
	From, To                      string
	NewCrossSector, JointLastWave int
	// Backbone support: the backbone organization (index, -1 when
	// unknown), how it was found, its Gould-Fernandez brokerage roles and
	// its betweenness rank (1 = highest) on the forum co-participation
	// network.
	Backbone            int
	BackboneFrom        BackboneSource
	BackboneBrokerage   int
	BackboneRank        int
	BackboneBetweenness float64
	// Shared measurement: the response rate of the last survey wave
	// (NaN without one); inferred when there is no respondents.csv.
	ResponseWave     string
	ResponseRate     float64
	ResponseInferred bool
}

// FindBackbone returns the backbone organization: the first one whose
// organizations.csv backbone column is yes, true, 1 or x, else the chair
// of the first forum of kind board, else -1.
func FindBackbone(d *Dataset) (int, BackboneSource) {
	for i, o := range d.Orgs {
		for _, a := range o.Attrs {
			if strings.EqualFold(a.Key, "backbone") {
				switch strings.ToLower(strings.TrimSpace(a.Value)) {
				case "yes", "true", "1", "x", "y":
					return i, BackboneColumn
				}
			}
		}
	}
	oi := d.OrgIndex()
	for _, f := range d.Forums {
		if f.Kind != "board" {
			continue
		}
		for _, m := range d.Memberships {
			if m.Forum == f.ID && m.Role == "chair" {
				if i, ok := oi[m.Org]; ok {
					return i, BackboneBoardChair
				}
			}
		}
		break
	}
	return -1, BackboneNone
}

// CollectiveImpact computes the indicators from d, its engagement e and
// its trends (any period).
func CollectiveImpact(ctx context.Context, d *Dataset, e *Engagement, trends []PeriodTrend) (CIIndicators, error) {
	ci := CIIndicators{Meetings: len(d.Meetings), SeatsFilled: math.NaN(), CrossShareMet: math.NaN(), NewCrossSector: -1, JointLastWave: -1,
		Backbone: -1, BackboneRank: -1, BackboneBetweenness: math.NaN(), ResponseRate: math.NaN()}
	var seats AttendanceCounts
	for _, me := range e.Members {
		seats.add(me.AttendanceCounts)
	}
	ci.SeatsFilled = seats.Rate()
	for _, w := range e.Watch {
		if w.Kind == WatchLapsed {
			ci.Lapsed++
		}
	}
	pairs, cross := 0, 0
	for _, t := range trends {
		ci.Attendances += t.Attendances
	}
	if all, err := Trends(d, PeriodAll); err == nil && len(all) == 1 {
		pairs, cross = all[0].Pairs, all[0].Cross
	}
	ci.CrossShareMet = ratio(cross, float64(pairs))
	if n := len(trends); n > 0 {
		ci.FirstPeriod, ci.FirstMeetings = trends[0].Label, trends[0].Meetings
		ci.LastPeriod, ci.LastMeetings = trends[n-1].Label, trends[n-1].Meetings
	}
	waves := d.Waves()
	if len(waves) >= 2 {
		ci.From, ci.To = waves[len(waves)-2], waves[len(waves)-1]
		c, err := CompareWaves(ctx, d, ChangeOptions{From: ci.From, To: ci.To})
		if err != nil {
			return ci, err
		}
		ci.NewCrossSector = c.NewCrossSector
	}
	if len(waves) > 0 {
		last := waves[len(waves)-1]
		ci.JointLastWave = 0
		seen := map[pairKey]bool{}
		oi := d.OrgIndex()
		for _, t := range d.Ties {
			if t.Wave != last || !strings.Contains(strings.ToLower(t.Type), "joint") {
				continue
			}
			a, b := int32(oi[t.Source]), int32(oi[t.Target])
			if a > b {
				a, b = b, a
			}
			if k := (pairKey{a, b}); !seen[k] {
				seen[k] = true
				ci.JointLastWave++
			}
		}
		rs := ResponseRates(d)
		r := rs[len(rs)-1]
		ci.ResponseWave, ci.ResponseRate, ci.ResponseInferred = r.Wave, r.All.Rate, r.Inferred
	}
	ci.Backbone, ci.BackboneFrom = FindBackbone(d)
	if ci.Backbone >= 0 && len(d.Memberships) > 0 && !hasUnlisted(d.OrgSectors()) {
		g, err := OneMode(d, NetworkSpec{Basis: BasisForums})
		if err != nil {
			return ci, err
		}
		if err := ctx.Err(); err != nil {
			return ci, err
		}
		bet := Betweenness(g, PathsHops)
		ci.BackboneBetweenness = bet[ci.Backbone]
		ci.BackboneRank = 1
		for _, v := range bet {
			if v > bet[ci.Backbone] {
				ci.BackboneRank++
			}
		}
		ci.BackboneBrokerage = BrokerageRoles(g, SectorGroups(d))[ci.Backbone].Total()
	}
	return ci, nil
}
