package graph

import (
	"math"
	"slices"
	"testing"
)

// engagementDataset is worked by hand in TestEngage: forum F meets five
// times (M1-M5, January to May), forum G twice (M6 in March, M7 in June).
//
//	F: A at all five; B at M1, M2; C at M1, M3, M5; D never; E at M1-M3;
//	   H joined on M4's day and came to M5.
//	G: A at M6 only; B (not a member) at M7 as a guest.
func engagementDataset() *Dataset {
	d := &Dataset{
		Sectors: []Sector{{ID: "gov"}, {ID: "biz"}, {ID: "np"}},
		Orgs: []Organization{
			{ID: "A", Sector: "gov"}, {ID: "B", Sector: "biz"}, {ID: "C", Sector: "biz"},
			{ID: "D", Sector: "np"}, {ID: "E", Sector: "np"}, {ID: "H", Sector: "gov"},
		},
		Forums: []Forum{{ID: "F"}, {ID: "G"}},
		Meetings: []Meeting{
			{ID: "M5", Forum: "F", Date: day("2013-05-01")}, // out of order on purpose
			{ID: "M1", Forum: "F", Date: day("2013-01-01")},
			{ID: "M2", Forum: "F", Date: day("2013-02-01")},
			{ID: "M3", Forum: "F", Date: day("2013-03-01")},
			{ID: "M4", Forum: "F", Date: day("2013-04-01")},
			{ID: "M6", Forum: "G", Date: day("2013-03-15")},
			{ID: "M7", Forum: "G", Date: day("2013-06-01")},
		},
		Quotas: []Quota{{Forum: "*", Sector: "gov", Share: 0.4}, {Forum: "*", Sector: "biz", Share: 0.3}, {Forum: "*", Sector: "np", Share: 0.3}},
	}
	for _, m := range []string{"A", "B", "C", "D", "E", "H"} {
		mb := Membership{Org: m, Forum: "F"}
		if m == "H" {
			mb.Joined = day("2013-04-01")
		}
		d.Memberships = append(d.Memberships, mb)
	}
	d.Memberships = append(d.Memberships, Membership{Org: "A", Forum: "G"}, Membership{Org: "A", Forum: "F", Person: "second row"})
	came := map[string][]string{
		"A": {"M1", "M2", "M3", "M4", "M5", "M6"},
		"B": {"M1", "M2", "M7"},
		"C": {"M1", "M3", "M5", "M5"}, // a repeated row counts once
		"E": {"M1", "M2", "M3"},
		"H": {"M5"},
	}
	for _, org := range []string{"A", "B", "C", "E", "H"} {
		for _, m := range came[org] {
			d.Attendance = append(d.Attendance, Attendance{Meeting: m, Org: org})
		}
	}
	return d
}

func TestEngage(t *testing.T) {
	d := engagementDataset()
	e := Engage(d, DefaultEngagement)
	// Meeting indices: M5 0, M1 1, M2 2, M3 3, M4 4, M6 5, M7 6.
	want := []MemberEngagement{
		// F's schedule M1..M5; the recent window is M3, M4, M5.
		{Org: 0, Forum: 0, AttendanceCounts: AttendanceCounts{5, 5, 3, 3}, First: 1, Last: 0, Missed: 0, Tier: TierCore},
		{Org: 1, Forum: 0, AttendanceCounts: AttendanceCounts{5, 2, 3, 0}, First: 1, Last: 2, Missed: 3, Tier: TierLapsed},
		{Org: 2, Forum: 0, AttendanceCounts: AttendanceCounts{5, 3, 3, 2}, First: 1, Last: 0, Missed: 0, Tier: TierRegular}, // 3/5 = 0.6
		{Org: 3, Forum: 0, AttendanceCounts: AttendanceCounts{5, 0, 3, 0}, First: -1, Last: -1, Missed: 5, Tier: TierNever},
		{Org: 4, Forum: 0, AttendanceCounts: AttendanceCounts{5, 3, 3, 1}, First: 1, Last: 3, Missed: 2, Tier: TierRegular}, // 3/5
		{Org: 5, Forum: 0, AttendanceCounts: AttendanceCounts{2, 1, 2, 1}, First: 0, Last: 0, Missed: 0, Tier: TierRegular}, // joined at M4: 1/2
		{Org: 0, Forum: 1, AttendanceCounts: AttendanceCounts{2, 1, 2, 1}, First: 5, Last: 5, Missed: 1, Tier: TierRegular}, // 1/2
	}
	if len(e.Members) != len(want) {
		t.Fatalf("%d members, want %d: %+v", len(e.Members), len(want), e.Members)
	}
	for i, w := range want {
		if e.Members[i] != w {
			t.Errorf("member %d:\n got %+v\nwant %+v", i, e.Members[i], w)
		}
	}
	// A: 2 memberships, 7 held, 6 attended (6/7 = 0.857, core), recent 5 and 4.
	// B: a guest at M7, its last attendance; no meeting of F after June.
	wantOrgs := []OrgEngagement{
		{Org: 0, Memberships: 2, AttendanceCounts: AttendanceCounts{7, 6, 5, 4}, First: 1, Last: 0, Missed: 1, Tier: TierCore},
		{Org: 1, Memberships: 1, AttendanceCounts: AttendanceCounts{5, 2, 3, 0}, Guest: 1, First: 1, Last: 6, Missed: 0, Tier: TierLapsed},
	}
	for i, w := range wantOrgs {
		if e.Orgs[i] != w {
			t.Errorf("org %d:\n got %+v\nwant %+v", i, e.Orgs[i], w)
		}
	}
	// A's streak: its last attendance is M5 (1 May); of its meetings only
	// M7 (G, June) comes later.
	if e.Orgs[3].Tier != TierNever || e.Orgs[3].Missed != 5 {
		t.Errorf("D: %+v", e.Orgs[3])
	}
	// Sectors: gov = A in F, A in G, H: held 5+2+2, attended 5+1+1, recent 3+2+2 and 3+1+1.
	gov := e.Sectors[0]
	if gov.Members != 3 || gov.AttendanceCounts != (AttendanceCounts{9, 7, 7, 5}) || gov.Tiers[TierCore] != 1 || gov.Tiers[TierRegular] != 2 {
		t.Errorf("gov: %+v", gov)
	}
	biz := e.Sectors[1]
	if biz.Members != 2 || biz.AttendanceCounts != (AttendanceCounts{10, 5, 6, 2}) || biz.Tiers[TierLapsed] != 1 || biz.Tiers[TierRegular] != 1 {
		t.Errorf("biz: %+v", biz)
	}
	np := e.Sectors[2]
	if np.Members != 2 || np.AttendanceCounts != (AttendanceCounts{10, 3, 6, 1}) || np.Tiers[TierNever] != 1 || np.Tiers[TierRegular] != 1 {
		t.Errorf("np: %+v", np)
	}
	if f := e.Forums[0]; f.Members != 6 || f.Held != 27 || f.Attended != 14 {
		t.Errorf("forum F: %+v", f)
	}
	// The watch list: B lapsed in F (3 missed); E falling in F (earlier
	// 2/2 = 1, recent 1/3; the fall 0.667 > 0.5); C is not (earlier 1/2,
	// recent 2/3). In G, at M6 and M7 only A (gov) and B (biz) came: no
	// nonprofit, target 0.3.
	w := e.Watch
	if len(w) != 3 {
		t.Fatalf("watch list: %+v", w)
	}
	if w[0].Kind != WatchLapsed || w[0].Org != 1 || w[0].Missed != 3 || w[0].Window != 3 {
		t.Errorf("watch 0: %+v", w[0])
	}
	if w[1].Kind != WatchFalling || w[1].Org != 4 || w[1].Earlier != 1 || math.Abs(w[1].Recent-1.0/3) > 1e-15 {
		t.Errorf("watch 1: %+v", w[1])
	}
	if w[2].Kind != WatchAbsentSector || w[2].Forum != 1 || w[2].Sector != 2 || w[2].Target != 0.3 || w[2].Window != 2 {
		t.Errorf("watch 2: %+v", w[2])
	}
}

// TestRetain works the engagement dataset's retention by hand. Members
// who came: A in F (M1 to the last, M5: censored at 5 meetings, 120 days),
// B in F (lapsed after M1, M2: 2 meetings, 31 days), C and E in F
// (censored at 5, 120), H in F (joined at M4, came to M5: censored at 1,
// 0 days), A in G (M6 to M7: censored at 2, 78 days); D never came.
func TestRetain(t *testing.T) {
	d := engagementDataset()
	e := Engage(d, DefaultEngagement)
	r := Retain(d, e, RetentionMeetings)
	if r.Never != 1 || len(r.Subjects) != 6 {
		t.Fatalf("never %d, subjects %+v", r.Never, r.Subjects)
	}
	var got []float64
	for _, s := range r.Subjects {
		got = append(got, s.Time)
		if s.Lapsed != (s.Member == 1) {
			t.Errorf("subject %+v: lapsed %v", s, s.Lapsed)
		}
	}
	if want := []float64{5, 2, 5, 5, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("times %v, want %v", got, want)
	}
	// At risk 6 at t=1 (H censored), 5 at t=2 (B lapses: S = 4/5), 3 at t=5.
	if st := r.All.Steps[1]; st.Time != 2 || st.AtRisk != 5 || st.Events != 1 || st.Censored != 1 || st.Survival != 0.8 {
		t.Errorf("step at 2: %+v", st)
	}
	// business: B (2, lapsed) and C (5, censored): S(2) = 1/2 and no lower
	// step, so the median is 2.
	if m := r.Sectors[1].Median; m != 2 {
		t.Errorf("business median %v, want 2", m)
	}
	days := Retain(d, e, RetentionDays)
	got = got[:0]
	for _, s := range days.Subjects {
		got = append(got, s.Time)
	}
	if want := []float64{120, 31, 120, 120, 0, 78}; !slices.Equal(got, want) {
		t.Errorf("days %v, want %v", got, want)
	}
}
