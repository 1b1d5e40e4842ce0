package graph

import (
	"slices"
)

// MeetingFirsts counts, for one meeting, the pairs of organizations that
// attended a meeting together for the first time there.
type MeetingFirsts struct {
	Meeting         int // index into Dataset.Meetings
	Attendees       int // distinct organizations present
	Pairs           int // pairs of organizations present, Attendees (Attendees-1) / 2
	NewPairs        int // pairs present that had not met at an earlier meeting
	NewCrossSector  int // of which from different sectors
	Cumulative      int // distinct pairs that had met, up to and including this meeting
	CumulativeCross int // distinct cross-sector pairs that had met, up to and including this meeting
}

// PairFirst is a pair of organizations that attended meetings together.
type PairFirst struct {
	A, B        int  // indices into Dataset.Orgs, A < B
	Meeting     int  // the first meeting they attended together
	Meetings    int  // meetings they attended together in all
	CrossSector bool // from different sectors
}

// Firsts is who met whom for the first time, from meetings and attendance
// alone.
type Firsts struct {
	Meetings []MeetingFirsts // chronological: by date, then dataset order
	Pairs    []PairFirst     // by first meeting (chronological), then A, then B
}

// FirstMeetings walks d's meetings in chronological order (by date; meetings
// of the same day in dataset order) and records, for every pair of
// organizations that attended a meeting together, the first such meeting,
// and per meeting the number of pairs it introduced and the cumulative
// number of distinct pairs and distinct cross-sector pairs that had met.
// An organization listed twice at one meeting (two people) counts once.
// Meetings without attendance are listed with zero counts.
func FirstMeetings(d *Dataset) Firsts {
	ma := MeetingAffiliation(d)
	sec := d.OrgSectors()
	order := make([]int, len(d.Meetings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return d.Meetings[a].Date.Compare(d.Meetings[b].Date)
	})
	var f Firsts
	seen := map[pairKey]int{} // pair -> index in f.Pairs
	cum, cumCross := 0, 0
	for _, m := range order {
		members := ma.GroupMembers[m]
		mf := MeetingFirsts{Meeting: m, Attendees: len(members), Pairs: len(members) * (len(members) - 1) / 2}
		for x, u := range members {
			for _, v := range members[x+1:] {
				k := pairKey{u, v}
				if p, ok := seen[k]; ok {
					f.Pairs[p].Meetings++
					continue
				}
				cross := sec[u] != sec[v]
				seen[k] = len(f.Pairs)
				f.Pairs = append(f.Pairs, PairFirst{A: int(u), B: int(v), Meeting: m, Meetings: 1, CrossSector: cross})
				mf.NewPairs++
				cum++
				if cross {
					mf.NewCrossSector++
					cumCross++
				}
			}
		}
		mf.Cumulative, mf.CumulativeCross = cum, cumCross
		f.Meetings = append(f.Meetings, mf)
	}
	return f
}

// TopIntroducers returns up to k meetings that introduced the most new
// cross-sector pairs (ties broken by new pairs of any kind, then
// chronological order); meetings that introduced no cross-sector pair are
// left out. k <= 0 means all of them.
func (f Firsts) TopIntroducers(k int) []MeetingFirsts {
	var ms []MeetingFirsts
	for _, m := range f.Meetings {
		if m.NewCrossSector > 0 {
			ms = append(ms, m)
		}
	}
	slices.SortStableFunc(ms, func(a, b MeetingFirsts) int {
		if a.NewCrossSector != b.NewCrossSector {
			return b.NewCrossSector - a.NewCrossSector
		}
		return b.NewPairs - a.NewPairs
	})
	if k > 0 && len(ms) > k {
		ms = ms[:k]
	}
	return ms
}
