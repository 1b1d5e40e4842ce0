// Package graph holds sectornet's model of a cross-sector partnership
// (organizations, sectors, forums, meetings, reported collaboration ties)
// and the networks built from it: the two-mode affiliation network of
// organizations and forums, and the one-mode networks of organizations
// projected from it or reported in survey waves.
//
// The package is pure: no files, no flags, no printing. Every result is
// ordered deterministically (by index, which follows the dataset's order,
// or by id) before it leaves.
package graph

import (
	"math"
	"time"
)

// Attr is one extra column of a dataset row, kept in the file's column order.
type Attr struct {
	Key, Value string
}

// Sector is a sector of society that organizations belong to
// (government, local authorities, business, nonprofits, academia, ...).
type Sector struct {
	ID    string
	Label string // display label in any language; ID when empty
	Color string // display colour such as "#0072B2"; empty for the default palette
}

// Name returns the sector's label, or its id when it has none.
func (s Sector) Name() string {
	if s.Label != "" {
		return s.Label
	}
	return s.ID
}

// Organization is one partner of the initiative.
type Organization struct {
	ID     string
	Name   string
	Sector string // a Sector ID
	Attrs  []Attr
}

// Forum is a forum, committee or board in which organizations sit together.
type Forum struct {
	ID       string
	Name     string
	Kind     string // forum, board, national, ...; "forum" when not given
	Capacity int    // maximum number of members; 0 when not given
	Attrs    []Attr
}

// Membership says that an organization is a member of a forum.
type Membership struct {
	Org, Forum string
	Role       string // chair, member, ...
	Person     string
	Joined     time.Time // the day it joined the forum; zero when not given (a member from the start)
}

// Meeting is one meeting of a forum.
type Meeting struct {
	ID    string
	Forum string
	Date  time.Time
}

// Attendance says that an organization attended a meeting.
type Attendance struct {
	Meeting, Org string
	Person       string
}

// Tie is one survey report: organization Source said, in one survey wave,
// that it collaborated with Target. A report is directed; the undirected
// tie networks combine the reports of A about B and of B about A by a
// Rule (see TieNetworkRule; by default one tie weighted by the larger
// report), and DirectedReports keeps them as arcs.
type Tie struct {
	Source, Target string
	Wave           string
	Type           string
	Weight         float64 // 1 when not given
	Trust, Value   float64 // partnership-survey scores 1-4; NaN when not given
	// Partner holds PARTNER's six trust and value dimensions when the
	// report gives any of them; nil otherwise.
	Partner *PartnerReport
}

// Quota is one entry of the representation key: the target share of a
// sector's members in a forum. Forum "*" applies to every forum that has
// no quota rows of its own.
type Quota struct {
	Forum, Sector string
	Share         float64
}

// NoScore is the value of a missing Trust or Value score.
var NoScore = math.NaN()

// Dataset is everything known about one partnership. Slices keep the order
// of the files they were read from; that order is the display order.
type Dataset struct {
	Sectors     []Sector
	Orgs        []Organization
	Forums      []Forum
	Memberships []Membership
	Meetings    []Meeting
	Attendance  []Attendance
	Ties        []Tie
	Quotas      []Quota
	// Respondents lists who answered each survey wave (respondents.csv).
	// A wave with no row here has its respondents inferred from the
	// reports (see Responses).
	Respondents []Respondent

	// Warnings are what the loader found odd but read (see Warning), in
	// file and line order; nil for a dataset built in code.
	Warnings []Warning
}

// OrgIndex maps each organization id to its index in d.Orgs.
func (d *Dataset) OrgIndex() map[string]int {
	m := make(map[string]int, len(d.Orgs))
	for i, o := range d.Orgs {
		m[o.ID] = i
	}
	return m
}

// ForumIndex maps each forum id to its index in d.Forums.
func (d *Dataset) ForumIndex() map[string]int {
	m := make(map[string]int, len(d.Forums))
	for i, f := range d.Forums {
		m[f.ID] = i
	}
	return m
}

// MeetingIndex maps each meeting id to its index in d.Meetings.
func (d *Dataset) MeetingIndex() map[string]int {
	m := make(map[string]int, len(d.Meetings))
	for i, mt := range d.Meetings {
		m[mt.ID] = i
	}
	return m
}

// SectorIndex maps each sector id to its index in d.Sectors.
func (d *Dataset) SectorIndex() map[string]int {
	m := make(map[string]int, len(d.Sectors))
	for i, s := range d.Sectors {
		m[s.ID] = i
	}
	return m
}

// OrgSectors returns, for each organization in order, the index of its
// sector in d.Sectors (-1 for a sector that is not listed).
func (d *Dataset) OrgSectors() []int {
	si := d.SectorIndex()
	out := make([]int, len(d.Orgs))
	for i, o := range d.Orgs {
		if k, ok := si[o.Sector]; ok {
			out[i] = k
		} else {
			out[i] = -1
		}
	}
	return out
}

// Waves returns the distinct waves of d.Ties and d.Respondents (a wave
// whose respondents all reported no tie is still a wave) in sorted order.
// Waves are compared as numbers when both parse as numbers (so "2" <
// "10"), else as strings.
func (d *Dataset) Waves() []string {
	seen := map[string]bool{}
	var ws []string
	for _, t := range d.Ties {
		if !seen[t.Wave] {
			seen[t.Wave] = true
			ws = append(ws, t.Wave)
		}
	}
	for _, r := range d.Respondents {
		if !seen[r.Wave] {
			seen[r.Wave] = true
			ws = append(ws, r.Wave)
		}
	}
	sortWaves(ws)
	return ws
}

// ForumKinds returns the distinct kinds of d's forums (forum, board, ...)
// in the order of the forums that first have them.
func (d *Dataset) ForumKinds() []string {
	seen := map[string]bool{}
	var ks []string
	for _, f := range d.Forums {
		if !seen[f.Kind] {
			seen[f.Kind] = true
			ks = append(ks, f.Kind)
		}
	}
	return ks
}

// TieTypes returns the distinct non-empty tie types in sorted order.
func (d *Dataset) TieTypes() []string {
	seen := map[string]bool{}
	var ts []string
	for _, t := range d.Ties {
		if t.Type != "" && !seen[t.Type] {
			seen[t.Type] = true
			ts = append(ts, t.Type)
		}
	}
	sortStrings(ts)
	return ts
}
