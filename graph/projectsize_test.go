package graph

import (
	"errors"
	"testing"
)

// TestProjectionBound: the bound is Σ |g|(|g|-1)/2, capped at n(n-1)/2,
// and a projection over MaxProjectedTies is refused before anything is
// allocated: 20,000 organizations in each of 100 forums would be
// 100 × 20,000 × 19,999 / 2 = 19,999,000,000 ties by the sum, capped at
// 20,000 × 19,999 / 2 = 199,990,000 pairs.
func TestProjectionBound(t *testing.T) {
	// Worked by hand: groups of 3, 2 and 1 members among 4 organizations:
	// 3 + 1 + 0 = 4 ties at most (the projection has 3: the pair in both
	// groups counts once).
	a := NewAffiliation(4, 3, [][2]int{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {3, 2}})
	if ties, largest := a.ProjectionBound(); ties != 4 || largest != 3 {
		t.Errorf("bound %d, largest %d; want 4, 3", ties, largest)
	}
	if g := a.Project(WeightCount); g.M() != 3 {
		t.Errorf("projection: %d ties, want 3", g.M())
	}
	// The 20,000 x 100 case, built directly (every forum the same list).
	const n, forums = 20000, 100
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	big := &Affiliation{OrgGroups: make([][]int32, n), GroupMembers: make([][]int32, forums)}
	for f := range big.GroupMembers {
		big.GroupMembers[f] = all
	}
	err := big.checkProjection(false)
	want := "too large: the network of shared forums would hold up to 199990000 ties (Σ members×(members-1)/2 over 100 forums, the largest with 20000 members), more than the 100000000 a network may hold"
	var pe *ProjectionSizeError
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) || !errors.As(err, &pe) || pe.Ties != 199990000 {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	// OneMode refuses before projecting: one meeting of 15,000, whose
	// projection would be 15,000 × 14,999 / 2 = 112,492,500 ties.
	d := &Dataset{Meetings: []Meeting{{ID: "M1"}}}
	for i := 0; i < 15000; i++ {
		d.Orgs = append(d.Orgs, Organization{ID: "o" + itoa(i)})
		d.Attendance = append(d.Attendance, Attendance{Meeting: "M1", Org: d.Orgs[i].ID})
	}
	_, err = OneMode(d, NetworkSpec{Basis: BasisMeetings})
	want = "too large: the network of shared meetings would hold up to 112492500 ties (Σ members×(members-1)/2 over 1 meetings, the largest with 15000 members), more than the 100000000 a network may hold"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// TestOneModeTieType: a type no tie has, or none of the wave, is an error
// naming the types, not an empty network (issue 19).
func TestOneModeTieType(t *testing.T) {
	d := &Dataset{
		Orgs: []Organization{{ID: "A"}, {ID: "B"}, {ID: "C"}},
		Ties: []Tie{
			{Source: "A", Target: "B", Wave: "2012", Type: "joint project", Weight: 1},
			{Source: "B", Target: "C", Wave: "2012", Type: "information", Weight: 1},
			{Source: "A", Target: "C", Wave: "2014", Type: "joint project", Weight: 1},
		},
	}
	for _, tt := range []struct{ wave, typ, want string }{
		{"2014", "joint projects", `no ties of type "joint projects" (types: "information", "joint project")`},
		{"2014", "information", `no ties of type "information" in wave "2014" (its types: "joint project")`},
		{"", "information", `no ties of type "information" in wave "2014" (its types: "joint project")`},
		{"2012", "information", ""},
	} {
		g, err := OneMode(d, NetworkSpec{Basis: BasisTies, Wave: tt.wave, Type: tt.typ})
		switch {
		case tt.want == "" && (err != nil || g.M() != 1):
			t.Errorf("%s %s: %v", tt.wave, tt.typ, err)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("%s %s: got %v, want %s", tt.wave, tt.typ, err, tt.want)
		}
	}
}
