package graph

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Tier is a commitment tier of a forum member, from its attendance.
type Tier int

const (
	TierCore       Tier = iota // attends most meetings: rate at least Core
	TierRegular                // rate at least Regular
	TierOccasional             // attends, at a rate below Regular
	TierLapsed                 // attended before, but none of the forum's last Recent meetings
	TierNever                  // attended none of the meetings held since joining
	TierNone                   // no meeting held since joining: nothing to judge
)

var tierNames = [...]string{"core", "regular", "occasional", "lapsed", "never", "no meetings"}

func (t Tier) String() string { return tierNames[t] }

// Tiers lists the tiers in display order.
var Tiers = []Tier{TierCore, TierRegular, TierOccasional, TierLapsed, TierNever, TierNone}

// EngagementOptions set the thresholds of Engagement.
type EngagementOptions struct {
	Recent  int     // the last N meetings of a forum that count as recent (3)
	Core    float64 // attendance rate from which a member is core (0.75)
	Regular float64 // rate from which a member is regular (0.5); below it, occasional
	// Drop is the fall of the recent rate below the earlier rate beyond
	// which a member is on the watch list (0.5: from 90% to under 40%).
	Drop float64
	// Forums, when not nil, keeps only the members of these forums
	// (indices into Dataset.Forums) and their watch lines.
	Forums []int
}

// DefaultEngagement are the thresholds stated in the README.
var DefaultEngagement = EngagementOptions{Recent: 3, Core: 0.75, Regular: 0.5, Drop: 0.5}

// ErrThreshold is the cause of a threshold outside its range.
var ErrThreshold = errors.New("threshold out of range")

// Check returns an error wrapping ErrThreshold when a threshold is
// outside its range: Recent at least 1, 0 <= Regular <= Core <= 1, Drop in
// 0..1.
func (o EngagementOptions) Check() error {
	switch {
	case o.Recent < 1:
		return fmt.Errorf("%w: the recent window must be at least one meeting", ErrThreshold)
	case !(o.Regular >= 0 && o.Regular <= o.Core && o.Core <= 1):
		return fmt.Errorf("%w: rates must satisfy 0 <= regular <= core <= 1", ErrThreshold)
	case !(o.Drop >= 0 && o.Drop <= 1):
		return fmt.Errorf("%w: the drop must be between 0 and 1", ErrThreshold)
	}
	return nil
}

// Attendance counts of one member, one organization, one sector or one
// forum: meetings it could have attended and did.
type AttendanceCounts struct {
	Held, Attended             int // meetings held since joining (summed over memberships), attended
	RecentHeld, RecentAttended int // of which the forum's last Recent meetings
}

// Rate is Attended / Held; NaN when nothing was held.
func (c AttendanceCounts) Rate() float64 { return ratio(c.Attended, float64(c.Held)) }

// RecentRate is RecentAttended / RecentHeld; NaN when nothing was held.
func (c AttendanceCounts) RecentRate() float64 {
	return ratio(c.RecentAttended, float64(c.RecentHeld))
}

// EarlierRate is the rate over the meetings before the recent window;
// NaN when there were none.
func (c AttendanceCounts) EarlierRate() float64 {
	return ratio(c.Attended-c.RecentAttended, float64(c.Held-c.RecentHeld))
}

func (c *AttendanceCounts) add(o AttendanceCounts) {
	c.Held += o.Held
	c.Attended += o.Attended
	c.RecentHeld += o.RecentHeld
	c.RecentAttended += o.RecentAttended
}

// MemberEngagement is the attendance record of one organization in one
// forum it is a member of.
type MemberEngagement struct {
	Org, Forum int // indices into Dataset.Orgs and Dataset.Forums
	AttendanceCounts
	// First and Last are the first and last meetings it attended (indices
	// into Dataset.Meetings), -1 when none.
	First, Last int
	// Missed is its current streak: the meetings of the forum held since
	// its last attendance (since joining when it never came).
	Missed int
	Tier   Tier
}

// OrgEngagement is one organization's attendance over all its forums.
type OrgEngagement struct {
	Org         int
	Memberships int
	AttendanceCounts
	Guest       int // attendances at meetings of forums it is not a member of
	First, Last int // first and last meeting attended, member or guest; -1 when none
	Missed      int // meetings of its forums held since its last attendance at any of them
	Tier        Tier
}

// GroupEngagement sums the members of a sector or a forum.
type GroupEngagement struct {
	Index   int // sector or forum index
	Members int // memberships
	AttendanceCounts
	Tiers [len(tierNames)]int // memberships per tier
}

// Watch is one line of the engagement watch list.
type Watch struct {
	Kind   WatchKind
	Member int // index into Engagement.Members; -1 for an absent sector
	Forum  int // index into Dataset.Forums
	Org    int // the member, -1 for an absent sector
	Sector int // the sector of Org, or the absent sector
	// Earlier and Recent are the member's rates before and within the
	// recent window (WatchFalling); Target the sector's target share
	// (WatchAbsentSector).
	Earlier, Recent, Target float64
	Missed                  int // meetings missed in a row (WatchLapsed)
	Window                  int // meetings in the recent window
}

// WatchKind is what put a line on the watch list.
type WatchKind int

const (
	WatchLapsed       WatchKind = iota // a member attended none of the forum's last meetings
	WatchFalling                       // a member's recent rate fell by more than Drop
	WatchAbsentSector                  // no one of a targeted sector at the forum's last meetings
)

var watchNames = [...]string{"lapsed", "falling", "absent sector"}

func (k WatchKind) String() string { return watchNames[k] }

// Engagement is the attendance record of every forum member.
type Engagement struct {
	Options EngagementOptions
	// Schedule lists each forum's meetings in date order (meetings of one
	// day in dataset order).
	Schedule [][]int
	Members  []MemberEngagement // by forum (dataset order), then organization
	Orgs     []OrgEngagement    // every organization, dataset order
	Sectors  []GroupEngagement  // every sector of Dataset.Sectors
	Forums   []GroupEngagement  // every forum
	Watch    []Watch            // by forum, then kind, then organization
}

// Engage measures every forum member's attendance.
//
// A member's meetings are those of its forum held on or after the date it
// joined (participation.csv's joined column; every meeting of the forum
// when not given); it attended one when attendance.csv lists it there
// (repeated rows count once). Its rate is attended / held; its recent rate
// the same over the forum's last o.Recent meetings among them, and its
// earlier rate over the ones before. Its tier:
//
//   - no meetings: none held since it joined;
//   - never: it attended none;
//   - lapsed: it attended before, but none of the recent meetings;
//   - core: rate >= o.Core; regular: rate >= o.Regular; else occasional.
//
// An organization's counts sum its memberships (the same tiers on the
// sums); a sector's and a forum's sum their members'. The watch list has
// every lapsed member, every other member whose recent rate is more than
// o.Drop below its earlier rate, and every forum where a sector with a
// positive target in the forum's key (see Key) had no one, member or
// guest, at the forum's last o.Recent meetings.
func Engage(d *Dataset, o EngagementOptions) *Engagement {
	e := &Engagement{Options: o}
	oi, fi, sec := d.OrgIndex(), d.ForumIndex(), d.OrgSectors()
	e.Schedule = forumSchedule(d, fi)
	came := map[[2]int]bool{} // (meeting, org)
	mi := d.MeetingIndex()
	for _, a := range d.Attendance {
		m, ok1 := mi[a.Meeting]
		org, ok2 := oi[a.Org]
		if ok1 && ok2 {
			came[[2]int{m, org}] = true
		}
	}
	selected := make([]bool, len(d.Forums))
	for f := range selected {
		selected[f] = o.Forums == nil
	}
	for _, f := range o.Forums {
		selected[f] = true
	}
	joined := map[[2]int]time.Time{} // (forum, org) -> joined; zero when not given
	member := map[[2]int]bool{}      // every membership, selected or not (guests are non-members)
	var pairs [][2]int
	for _, m := range d.Memberships {
		f, ok1 := fi[m.Forum]
		org, ok2 := oi[m.Org]
		if !ok1 || !ok2 {
			continue
		}
		k := [2]int{f, org}
		member[k] = true
		if !selected[f] {
			continue
		}
		if j, seen := joined[k]; seen {
			if !m.Joined.IsZero() && (j.IsZero() || m.Joined.Before(j)) {
				joined[k] = m.Joined
			}
			continue
		}
		joined[k] = m.Joined
		pairs = append(pairs, k)
	}
	slices.SortFunc(pairs, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	for _, k := range pairs {
		e.Members = append(e.Members, engageMember(d, e.Schedule[k[0]], k[0], k[1], joined[k], came, o))
	}
	e.Orgs = make([]OrgEngagement, len(d.Orgs))
	for i := range e.Orgs {
		e.Orgs[i] = OrgEngagement{Org: i, First: -1, Last: -1, Tier: TierNone}
	}
	e.Sectors = make([]GroupEngagement, len(d.Sectors))
	for i := range e.Sectors {
		e.Sectors[i].Index = i
	}
	e.Forums = make([]GroupEngagement, len(d.Forums))
	for i := range e.Forums {
		e.Forums[i].Index = i
	}
	for _, me := range e.Members {
		oe := &e.Orgs[me.Org]
		oe.Memberships++
		oe.add(me.AttendanceCounts)
		for _, g := range []*GroupEngagement{sectorGroup(e.Sectors, sec[me.Org]), &e.Forums[me.Forum]} {
			if g != nil {
				g.Members++
				g.add(me.AttendanceCounts)
				g.Tiers[me.Tier]++
			}
		}
	}
	// Each organization's first and last attendance, guest attendances,
	// and its current streak over the union of its forums' meetings.
	pos := make([]int, len(d.Meetings)) // chronological position
	for p, m := range chronological(d) {
		pos[m] = p
	}
	attendees := make([][]int, len(d.Meetings))
	for k := range came {
		attendees[k[0]] = append(attendees[k[0]], k[1])
	}
	for m, orgs := range attendees {
		f, ok := fi[d.Meetings[m].Forum]
		for _, org := range orgs {
			oe := &e.Orgs[org]
			if oe.First < 0 || pos[m] < pos[oe.First] {
				oe.First = m
			}
			if oe.Last < 0 || pos[m] > pos[oe.Last] {
				oe.Last = m
			}
			if !ok || !member[[2]int{f, org}] {
				oe.Guest++
			}
		}
	}
	heldBy := make([]map[int]bool, len(d.Orgs)) // meetings held for an organization's memberships
	for _, k := range pairs {
		if heldBy[k[1]] == nil {
			heldBy[k[1]] = map[int]bool{}
		}
		for _, m := range e.Schedule[k[0]] {
			if heldFor(d.Meetings[m], joined[k]) {
				heldBy[k[1]][m] = true
			}
		}
	}
	for org, held := range heldBy {
		oe := &e.Orgs[org]
		for m := range held {
			if oe.Last < 0 || pos[m] > pos[oe.Last] {
				oe.Missed++
			}
		}
	}
	for i := range e.Orgs {
		oe := &e.Orgs[i]
		if oe.Memberships > 0 {
			oe.Tier = tierOf(oe.AttendanceCounts, o)
		}
	}
	e.Watch = watchList(d, e, attendees, sec, selected)
	return e
}

func sectorGroup(gs []GroupEngagement, s int) *GroupEngagement {
	if s < 0 {
		return nil
	}
	return &gs[s]
}

// chronological returns the meetings' indices by date, meetings of one day
// in dataset order.
func chronological(d *Dataset) []int {
	order := make([]int, len(d.Meetings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return d.Meetings[a].Date.Compare(d.Meetings[b].Date) })
	return order
}

// forumSchedule lists each forum's meetings in date order.
func forumSchedule(d *Dataset, fi map[string]int) [][]int {
	s := make([][]int, len(d.Forums))
	for _, m := range chronological(d) {
		if f, ok := fi[d.Meetings[m].Forum]; ok {
			s[f] = append(s[f], m)
		}
	}
	return s
}

// heldFor reports whether meeting m was held on or after the date a
// member joined (zero: always).
func heldFor(m Meeting, joined time.Time) bool {
	return joined.IsZero() || !m.Date.Before(joined)
}

func engageMember(d *Dataset, schedule []int, f, org int, joined time.Time, came map[[2]int]bool, o EngagementOptions) MemberEngagement {
	me := MemberEngagement{Org: org, Forum: f, First: -1, Last: -1}
	var held []int
	for _, m := range schedule {
		if heldFor(d.Meetings[m], joined) {
			held = append(held, m)
		}
	}
	me.Held = len(held)
	me.RecentHeld = min(o.Recent, len(held))
	for i, m := range held {
		if came[[2]int{m, org}] {
			me.Attended++
			if i >= len(held)-me.RecentHeld {
				me.RecentAttended++
			}
			if me.First < 0 {
				me.First = m
			}
			me.Last, me.Missed = m, 0
		} else {
			me.Missed++
		}
	}
	me.Tier = tierOf(me.AttendanceCounts, o)
	return me
}

func tierOf(c AttendanceCounts, o EngagementOptions) Tier {
	switch r := c.Rate(); {
	case c.Held == 0:
		return TierNone
	case c.Attended == 0:
		return TierNever
	case c.RecentAttended == 0:
		return TierLapsed
	case r >= o.Core:
		return TierCore
	case r >= o.Regular:
		return TierRegular
	}
	return TierOccasional
}

func watchList(d *Dataset, e *Engagement, attendees [][]int, sec []int, selected []bool) []Watch {
	o := e.Options
	var w []Watch
	byForum := make([][]int, len(d.Forums)) // member indices
	for i, me := range e.Members {
		byForum[me.Forum] = append(byForum[me.Forum], i)
	}
	ks := newKeys(d)
	for f := range d.Forums {
		for _, i := range byForum[f] {
			if me := e.Members[i]; me.Tier == TierLapsed {
				w = append(w, Watch{Kind: WatchLapsed, Member: i, Forum: f, Org: me.Org, Sector: sec[me.Org], Missed: me.Missed, Window: me.RecentHeld,
					Earlier: me.EarlierRate(), Recent: me.RecentRate(), Target: math.NaN()})
			}
		}
		for _, i := range byForum[f] {
			me := e.Members[i]
			if me.Tier == TierLapsed || me.Tier == TierNever || me.Tier == TierNone {
				continue
			}
			if early, recent := me.EarlierRate(), me.RecentRate(); early-recent > o.Drop {
				w = append(w, Watch{Kind: WatchFalling, Member: i, Forum: f, Org: me.Org, Sector: sec[me.Org], Missed: me.Missed, Window: me.RecentHeld,
					Earlier: early, Recent: recent, Target: math.NaN()})
			}
		}
		sched := e.Schedule[f]
		if len(sched) == 0 || !selected[f] {
			continue
		}
		recent := sched[max(0, len(sched)-o.Recent):]
		present := make([]bool, len(d.Sectors))
		for _, m := range recent {
			for _, org := range attendees[m] {
				if sec[org] >= 0 {
					present[sec[org]] = true
				}
			}
		}
		targets, _ := ks.key(d.Forums[f].ID)
		for s, t := range targets {
			if t > 0 && !present[s] {
				w = append(w, Watch{Kind: WatchAbsentSector, Member: -1, Forum: f, Org: -1, Sector: s, Target: t, Window: len(recent),
					Earlier: math.NaN(), Recent: math.NaN()})
			}
		}
	}
	return w
}

// RetentionUnit is the clock of retention: meetings or days.
type RetentionUnit int

const (
	RetentionMeetings RetentionUnit = iota // meetings of the forum, counted from the first attended
	RetentionDays                          // days since the first attendance
)

// ParseRetentionUnit reads "meetings" or "days".
func ParseRetentionUnit(s string) (RetentionUnit, error) {
	switch s {
	case "meetings":
		return RetentionMeetings, nil
	case "days":
		return RetentionDays, nil
	}
	return 0, fmt.Errorf("%w: want \"meetings\" or \"days\"", ErrThreshold)
}

func (u RetentionUnit) String() string {
	if u == RetentionDays {
		return "days"
	}
	return "meetings"
}

// RetentionSubject is one member's time in its forum.
type RetentionSubject struct {
	Member int     // index into Engagement.Members
	Sector int     // its organization's sector, -1 for an unlisted one
	Time   float64 // meetings or days retained
	Lapsed bool    // true: it lapsed (the event); false: censored at the last meeting held
}

// Retention is the time each forum member stayed, for Kaplan-Meier curves
// and the log-rank test between sectors.
type Retention struct {
	Unit     RetentionUnit
	Subjects []RetentionSubject // members who attended at least once, in Members order
	Never    int                // members who never attended, left out
	All      KMCurve
	Sectors  []KMCurve // by sector index; a sector without subjects has an empty curve
	LogRank  LogRank   // between sectors
}

// Retain measures how long each member stayed in its forum, from its
// first attendance. A member that lapsed (see Engage: it attended none of
// the forum's last Recent meetings) lapsed after its last attendance: its
// time is the forum's meetings from its first attendance to its last,
// both counted (a member that came once has time 1), or the days between
// them. Every other member is censored at the forum's last meeting held:
// its meetings from the first attended to the last held, or the days to
// it. Members that never came have no time and are counted in Never.
// Curves are Kaplan-Meier (KaplanMeier, 95% band) overall and per sector,
// compared by the log-rank test (LogRankTest).
func Retain(d *Dataset, e *Engagement, unit RetentionUnit) Retention {
	r := Retention{Unit: unit}
	sec := d.OrgSectors()
	for i, me := range e.Members {
		if me.First < 0 {
			if me.Held > 0 {
				r.Never++
			}
			continue
		}
		sched := e.Schedule[me.Forum]
		end := sched[len(sched)-1]
		lapsed := me.Tier == TierLapsed
		if lapsed {
			end = me.Last
		}
		var t float64
		if unit == RetentionDays {
			t = math.Round(d.Meetings[end].Date.Sub(d.Meetings[me.First].Date).Hours() / 24)
		} else {
			t = float64(slices.Index(sched, end) - slices.Index(sched, me.First) + 1)
		}
		r.Subjects = append(r.Subjects, RetentionSubject{Member: i, Sector: sec[me.Org], Time: t, Lapsed: lapsed})
	}
	times := make([]float64, len(r.Subjects))
	events := make([]bool, len(r.Subjects))
	groups := make([]int, len(r.Subjects))
	for i, s := range r.Subjects {
		times[i], events[i], groups[i] = s.Time, s.Lapsed, s.Sector
	}
	r.All = KaplanMeier(times, events, 0.95)
	r.Sectors = make([]KMCurve, len(d.Sectors))
	for k := range d.Sectors {
		var ts []float64
		var es []bool
		for i, g := range groups {
			if g == k {
				ts, es = append(ts, times[i]), append(es, events[i])
			}
		}
		r.Sectors[k] = KaplanMeier(ts, es, 0.95)
	}
	r.LogRank = LogRankTest(times, events, groups, len(d.Sectors))
	return r
}
