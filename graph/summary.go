package graph

// Summary holds the counts that describe a dataset.
type Summary struct {
	Memberships      int // distinct (organization, forum) pairs
	Attendances      int // distinct (meeting, organization) pairs
	Ties             int // distinct undirected ties summed over waves
	OrgsWithoutForum int
	Sectors          []SectorSummary
	Forums           []ForumSummary
	Meetings         []MeetingSummary
	Waves            []WaveSummary
}

// SectorSummary counts one sector's organizations and their activity.
type SectorSummary struct {
	Sector      Sector
	Orgs        int
	Share       float64 // Orgs / all organizations
	InForums    int     // organizations of the sector in at least one forum
	Memberships int
	Attendances int
}

// ForumSummary counts one forum's members, meetings and attendances.
type ForumSummary struct {
	Forum       Forum
	Members     int
	Meetings    int
	Attendances int
}

// MeetingSummary counts one meeting's attendance.
type MeetingSummary struct {
	Meeting        Meeting
	Attendances    int // distinct organizations present
	SectorsPresent int
}

// WaveSummary counts one survey wave's ties.
type WaveSummary struct {
	Wave        string
	Reports     int // rows of ties.csv in the wave
	Ties        int // distinct undirected ties
	Orgs        int // organizations with at least one tie
	CrossSector int // ties between organizations of different sectors
}

// Summarize counts d's organizations, memberships, meetings and ties per
// sector, forum, meeting and wave, each list in dataset order (waves in
// wave order). Repeated rows (two people of one organization in a forum)
// count once.
func Summarize(d *Dataset) Summary {
	var s Summary
	sec := d.OrgSectors()
	fa := ForumAffiliation(d)
	ma := MeetingAffiliation(d)
	s.Sectors = make([]SectorSummary, len(d.Sectors))
	for k, x := range d.Sectors {
		s.Sectors[k].Sector = x
	}
	for i := range d.Orgs {
		k := sec[i]
		s.Memberships += len(fa.OrgGroups[i])
		s.Attendances += len(ma.OrgGroups[i])
		if len(fa.OrgGroups[i]) == 0 {
			s.OrgsWithoutForum++
		}
		if k < 0 {
			continue
		}
		ss := &s.Sectors[k]
		ss.Orgs++
		if len(fa.OrgGroups[i]) > 0 {
			ss.InForums++
		}
		ss.Memberships += len(fa.OrgGroups[i])
		ss.Attendances += len(ma.OrgGroups[i])
	}
	for k := range s.Sectors {
		if len(d.Orgs) > 0 {
			s.Sectors[k].Share = float64(s.Sectors[k].Orgs) / float64(len(d.Orgs))
		}
	}
	fi := d.ForumIndex()
	s.Forums = make([]ForumSummary, len(d.Forums))
	for f, x := range d.Forums {
		s.Forums[f].Forum = x
		s.Forums[f].Members = len(fa.GroupMembers[f])
	}
	s.Meetings = make([]MeetingSummary, len(d.Meetings))
	for m, x := range d.Meetings {
		ms := &s.Meetings[m]
		ms.Meeting = x
		ms.Attendances = len(ma.GroupMembers[m])
		present := map[int]bool{}
		for _, o := range ma.GroupMembers[m] {
			if sec[o] >= 0 {
				present[sec[o]] = true
			}
		}
		ms.SectorsPresent = len(present)
		if f, ok := fi[x.Forum]; ok {
			s.Forums[f].Meetings++
			s.Forums[f].Attendances += ms.Attendances
		}
	}
	for _, w := range d.Waves() {
		ws := WaveSummary{Wave: w}
		for _, t := range d.Ties {
			if t.Wave == w {
				ws.Reports++
			}
		}
		g := TieNetwork(d, w, "")
		ws.Ties = g.M()
		for i := 0; i < g.N(); i++ {
			if g.Degree(i) > 0 {
				ws.Orgs++
			}
			for _, j := range g.Neighbors(i) {
				if int(j) > i && sec[i] != sec[j] {
					ws.CrossSector++
				}
			}
		}
		s.Ties += ws.Ties
		s.Waves = append(s.Waves, ws)
	}
	return s
}
