package graph

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Period is the length of the periods of Trends.
type Period int

const (
	PeriodQuarter Period = iota // calendar quarters, "2013-Q1"
	PeriodHalf                  // calendar half-years, "2013-H1"
	PeriodYear                  // calendar years, "2013"
	PeriodWaves                 // between the survey waves (see Window), "2012-2014"
	PeriodAll                   // one period spanning every meeting
)

var periodNames = [...]string{"quarter", "half", "year", "waves", "all"}

func (p Period) String() string { return periodNames[p] }

// ErrPeriod is the cause of an unknown period name.
var ErrPeriod = errors.New("unknown period")

// ParsePeriod reads quarter, half, year, waves or all.
func ParsePeriod(s string) (Period, error) {
	for i, n := range periodNames {
		if s == n {
			return Period(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q (want quarter, half, year, waves or all)", ErrPeriod, s)
}

// SectorVoice is one sector's share of a period's attendances against the
// key.
type SectorVoice struct {
	Attended int     // attendances by the sector's organizations
	Share    float64 // of all the period's attendances; NaN when none
	// Target is the mean, over the period's attendances, of the target
	// share of the sector in the key of the meeting's forum (see Key):
	// the share the sector would have if every meeting's attendance
	// followed its forum's key. NaN when no meeting's forum targets it.
	Target float64
	Gap    float64 // Share - Target
}

// PeriodTrend is the partnership's indicators over one period.
type PeriodTrend struct {
	Label      string
	Start, End time.Time // the period's first and last day (zero for an open end)
	Meetings   int
	// Attendances counts distinct (meeting, organization) pairs, Orgs the
	// distinct organizations present.
	Attendances, Orgs int
	// Pairs is the pairs of organizations that attended a meeting of the
	// period together; Cross of them from different sectors, CrossShare
	// = Cross / Pairs (NaN when none).
	Pairs, Cross int
	CrossShare   float64
	// NewPairs and NewCross are pairs meeting for the first time at a
	// meeting of the period (FirstMeetings).
	NewPairs, NewCross int
	Voice              []SectorVoice // by sector index
	// Density and EI are those of the period's co-attendance network:
	// every organization of the dataset a node, tied when they attended
	// a meeting of the period together.
	Density float64
	EI      EI
}

// Trends are the partnership's indicators per period: meetings,
// attendances, organizations present, the pairs who met and the share of
// them across sectors, pairs meeting for the first time, each sector's
// voice in attendance against the key, and the density and E-I index of
// the period's co-attendance network. Calendar periods run from the
// first meeting's period to the last meeting's, empty ones included;
// PeriodWaves has one period up to the first wave's end (when meetings
// fall there), one between each consecutive pair of waves (waves named by
// a year or a YYYY-MM-DD date; see Window) and one after the last;
// PeriodAll one period. With PeriodAll the density and E-I are those of
// the meetings basis network (OneMode with BasisMeetings) and the new
// pairs those of FirstMeetings.
func Trends(d *Dataset, p Period) ([]PeriodTrend, error) {
	periods, err := periodsOf(d, p)
	if err != nil {
		return nil, err
	}
	first := FirstMeetings(d)
	firstAt := map[int]MeetingFirsts{}
	for _, mf := range first.Meetings {
		firstAt[mf.Meeting] = mf
	}
	sec := d.OrgSectors()
	fi := d.ForumIndex()
	ks := newKeys(d)
	targets := make([][]float64, len(d.Forums))
	for f := range d.Forums {
		targets[f], _ = ks.key(d.Forums[f].ID)
	}
	var groups Groups
	groups.Label, groups.K = sec, len(d.Sectors)
	for i := range periods {
		pt := &periods[i]
		w := MeetingWindow{Meetings: pt.meetings}
		a := windowAffiliation(d, w)
		g := a.Project(WeightCount)
		pt.Density = g.Density()
		if groups.K > 0 && !hasUnlisted(sec) {
			pt.EI = EIIndex(g, groups)
		} else {
			pt.EI = newEI(0, 0)
		}
		pt.Pairs = g.M()
		for u := range g.N() {
			for _, v := range g.Neighbors(u) {
				if int(v) > u && sec[u] != sec[v] {
					pt.Cross++
				}
			}
		}
		pt.CrossShare = ratio(pt.Cross, float64(pt.Pairs))
		present := map[int]bool{}
		pt.Voice = make([]SectorVoice, len(d.Sectors))
		targetSum := make([]float64, len(d.Sectors))
		targeted := make([]bool, len(d.Sectors))
		for k, members := range a.GroupMembers {
			m := pt.meetings[k]
			f, ok := fi[d.Meetings[m].Forum]
			for _, org := range members {
				present[int(org)] = true
				pt.Attendances++
				if s := sec[org]; s >= 0 {
					pt.Voice[s].Attended++
				}
				if !ok {
					continue
				}
				for s, t := range targets[f] {
					if !math.IsNaN(t) {
						targetSum[s] += t
						targeted[s] = true
					}
				}
			}
			mf := firstAt[m]
			pt.NewPairs += mf.NewPairs
			pt.NewCross += mf.NewCrossSector
		}
		pt.Orgs = len(present)
		for s := range pt.Voice {
			v := &pt.Voice[s]
			v.Share = ratio(v.Attended, float64(pt.Attendances))
			v.Target = math.NaN()
			if targeted[s] {
				v.Target = targetSum[s] / float64(pt.Attendances)
			}
			v.Gap = v.Share - v.Target
		}
		pt.Meetings = len(pt.meetings)
	}
	out := make([]PeriodTrend, len(periods))
	for i, pt := range periods {
		out[i] = pt.PeriodTrend
	}
	return out, nil
}

func hasUnlisted(sec []int) bool {
	for _, s := range sec {
		if s < 0 {
			return true
		}
	}
	return false
}

type periodMeetings struct {
	PeriodTrend
	meetings []int // indices into Dataset.Meetings, chronological
}

// periodsOf splits d's meetings (chronological) into the periods of p.
func periodsOf(d *Dataset, p Period) ([]periodMeetings, error) {
	order := chronological(d)
	if len(order) == 0 {
		return nil, nil
	}
	switch p {
	case PeriodAll:
		pm := periodMeetings{meetings: order}
		pm.Label = "all"
		pm.Start, pm.End = d.Meetings[order[0]].Date, d.Meetings[order[len(order)-1]].Date
		return []periodMeetings{pm}, nil
	case PeriodWaves:
		return wavePeriods(d, order)
	}
	months := map[Period]int{PeriodQuarter: 3, PeriodHalf: 6, PeriodYear: 12}[p]
	start := func(t time.Time) time.Time {
		m := (int(t.Month())-1)/months*months + 1
		return time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	}
	label := func(t time.Time) string {
		switch p {
		case PeriodQuarter:
			return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
		case PeriodHalf:
			return fmt.Sprintf("%d-H%d", t.Year(), (int(t.Month())-1)/6+1)
		}
		return fmt.Sprintf("%d", t.Year())
	}
	var out []periodMeetings
	last := start(d.Meetings[order[len(order)-1]].Date)
	k := 0
	for s := start(d.Meetings[order[0]].Date); !s.After(last); s = s.AddDate(0, months, 0) {
		next := s.AddDate(0, months, 0)
		pm := periodMeetings{}
		pm.Label, pm.Start, pm.End = label(s), s, next.AddDate(0, 0, -1)
		for ; k < len(order) && d.Meetings[order[k]].Date.Before(next); k++ {
			pm.meetings = append(pm.meetings, order[k])
		}
		out = append(out, pm)
	}
	return out, nil
}

// ErrWaveDates is the cause of waves that name no point in time.
var ErrWaveDates = errors.New("waves are not years or dates")

func wavePeriods(d *Dataset, order []int) ([]periodMeetings, error) {
	waves := d.Waves()
	if len(waves) == 0 {
		return nil, fmt.Errorf("%w: there are no survey waves", ErrWaveDates)
	}
	ends := make([]time.Time, len(waves))
	for i, w := range waves {
		t, ok := waveEnd(w)
		if !ok {
			return nil, fmt.Errorf("%w: wave %q is neither a year (2014) nor a date (YYYY-MM-DD)", ErrWaveDates, w)
		}
		ends[i] = t
	}
	var out []periodMeetings
	k := 0
	take := func(label string, from, until time.Time) {
		pm := periodMeetings{}
		pm.Label, pm.End = label, until
		if !from.IsZero() {
			pm.Start = from.AddDate(0, 0, 1)
		}
		for ; k < len(order) && (until.IsZero() || dayNumber(d.Meetings[order[k]].Date) <= dayNumber(until)); k++ {
			pm.meetings = append(pm.meetings, order[k])
		}
		if len(pm.meetings) > 0 || (!from.IsZero() && !until.IsZero()) {
			out = append(out, pm)
		}
	}
	take("to "+waves[0], time.Time{}, ends[0])
	for i := 1; i < len(waves); i++ {
		take(waves[i-1]+"-"+waves[i], ends[i-1], ends[i])
	}
	take("after "+waves[len(waves)-1], ends[len(ends)-1], time.Time{})
	return out, nil
}
