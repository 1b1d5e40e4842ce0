package graph

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// wavePair is a small dataset worked by hand in the tests below.
//
//	organizations: A gov, B bus, C npo, D npo, E aca, F bus
//	forums:        F1 {A, B, C}, F2 {C, D, E}
//	meetings:      M1 F1 2013-03-01 {A, B}       (between the waves)
//	               M2 F2 2012-06-01 {B, E}       (in the first wave's year: not between)
//	               M3 F2 2014-05-01 {D, E, F}    (between; F is a guest)
//	               M4 F1 2015-01-10 {A, C, D}    (after the second wave)
//	               M5 F1 2013-03-01 {A, B, C}    (same day as M1, listed after it)
//	wave 2012:     A-B (reported by both), C-D, D-E
//	wave 2014:     A-B, B-C, D-F, D-E (reported as E-D), A-E, C-E
//
// F has no tie in 2012: it joined the initiative later. The rows of the
// two waves are interleaved, and 2014 rows come first.
func wavePair() *Dataset {
	d := &Dataset{
		Sectors: []Sector{{ID: "gov"}, {ID: "bus"}, {ID: "npo"}, {ID: "aca"}},
		Orgs: []Organization{{ID: "A", Name: "Alpha", Sector: "gov"}, {ID: "B", Name: "Beta", Sector: "bus"},
			{ID: "C", Name: "Gamma", Sector: "npo"}, {ID: "D", Name: "Delta", Sector: "npo"},
			{ID: "E", Name: "Epsilon", Sector: "aca"}, {ID: "F", Name: "Phi", Sector: "bus"}},
		Forums: []Forum{{ID: "F1", Name: "Education"}, {ID: "F2", Name: "Welfare"}},
		Meetings: []Meeting{{"M1", "F1", day("2013-03-01")}, {"M2", "F2", day("2012-06-01")},
			{"M3", "F2", day("2014-05-01")}, {"M4", "F1", day("2015-01-10")}, {"M5", "F1", day("2013-03-01")}},
	}
	for _, p := range [][2]string{{"A", "F1"}, {"B", "F1"}, {"C", "F1"}, {"C", "F2"}, {"D", "F2"}, {"E", "F2"}} {
		d.Memberships = append(d.Memberships, Membership{Org: p[0], Forum: p[1]})
	}
	for _, p := range [][2]string{{"M1", "A"}, {"M1", "B"}, {"M2", "B"}, {"M2", "E"}, {"M3", "D"}, {"M3", "E"}, {"M3", "F"},
		{"M4", "A"}, {"M4", "C"}, {"M4", "D"}, {"M5", "A"}, {"M5", "B"}, {"M5", "C"}, {"M5", "C"}} {
		d.Attendance = append(d.Attendance, Attendance{Meeting: p[0], Org: p[1]})
	}
	nan := NoScore
	d.Ties = []Tie{
		{"B", "C", "2014", "information", 1, 3, 4, nil},
		{"A", "B", "2012", "information", 1, 2, 2, nil},
		{"B", "A", "2012", "information", 1, 3, nan, nil},
		{"C", "D", "2012", "joint project", 1, 1, 1, nil},
		{"A", "B", "2014", "information", 1, 4, 3, nil},
		{"D", "E", "2012", "information", 1, 3, nan, nil},
		{"D", "F", "2014", "information", 1, nan, nan, nil},
		{"E", "D", "2014", "information", 1, 4, 4, nil},
		{"A", "E", "2014", "joint project", 1, 2, 1, nil},
		{"C", "E", "2014", "joint project", 1, 4, 3, nil},
	}
	return d
}

// TestCompareWavesByHand checks every count of CompareWaves on wavePair,
// worked by hand:
//
//	6 organizations, 15 pairs. 2012 ties: A-B, C-D, D-E (A-B reported
//	twice counts once). 2014 ties: A-B, B-C, D-F, D-E, A-E, C-E.
//	kept N11 = 2 (A-B, D-E); dissolved N10 = 1 (C-D);
//	new N01 = 4 (B-C, D-F, A-E, C-E); N00 = 15 - 7 = 8.
//	Hamming = 4 + 1 = 5; Jaccard = 2 / 7.
//	Within-sector pairs: B-F, C-D (2): N10 = 1, N00 = 1.
//	Cross-sector pairs: 15 - 2 = 13: N01 = 4, N11 = 2, N00 = 7.
//
// Co-participants: forum pairs A-B A-C B-C (F1), C-D C-E D-E (F2);
// meetings between 2012-12-31 and 2014-12-31: M1, M5 (pairs A-B A-C B-C)
// and M3 (D-E D-F E-F); M2 (B-E, 2012) and M4 (A-D C-D, 2015) fall
// outside. Union: A-B A-C B-C C-D C-E D-E D-F E-F. Candidates (no 2012
// tie): 15 - 3 = 12, of which co-participants A-C B-C C-E D-F E-F = 5.
// New ties among co-participants: B-C (forum F1 and meeting M5), C-E
// (forum F2), D-F (meeting M3 only) = 3 of 4; A-E met nowhere. Among
// forum members 2 (B-C, C-E), among meeting attendees 2 (B-C, D-F). Observed share 3/4, expected 5/12, ratio
// 1.8. Exact p = P(X >= 3), X ~ Hypergeometric(12, 5, 4):
// (C(5,3) C(7,1) + C(5,4) C(7,0)) / C(12,4) = (70 + 5) / 495.
// Cross-sector: candidates 13 - 2 = 11, co-participants the same 5; new
// 4, of them 3. Expected 5/11; ratio 0.75 / (5/11) = 1.65; p = (C(5,3)
// C(6,1) + C(5,4)) / C(11,4) = 65/330.
func TestCompareWavesByHand(t *testing.T) {
	d := wavePair()
	c, err := CompareWaves(context.Background(), d, ChangeOptions{From: "2012", To: "2014", Permutations: 999, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "all", c.All, TieCounts{Pairs: 15, NoTie: 8, New: 4, Dissolved: 1, Kept: 2})
	checkCounts(t, "cross", c.CrossSector, TieCounts{Pairs: 13, NoTie: 7, New: 4, Dissolved: 0, Kept: 2})
	checkCounts(t, "within", c.WithinSector, TieCounts{Pairs: 2, NoTie: 1, New: 0, Dissolved: 1, Kept: 0})
	if c.All.Hamming() != 5 || !near(c.All.Jaccard(), 2.0/7, 1e-12) {
		t.Errorf("hamming %d jaccard %v, want 5, 2/7", c.All.Hamming(), c.All.Jaccard())
	}
	// The classified ties, by hand from the lists above (A..F = 0..5;
	// B-F and C-D are the within-sector pairs): A-B kept, A-E new, B-C
	// new, C-D dissolved (within), C-E new, D-E kept, D-F new.
	wantTies := []TieChange{{0, 1, TieKept, true}, {0, 4, TieNew, true}, {1, 2, TieNew, true}, {2, 3, TieDissolved, false},
		{2, 4, TieNew, true}, {3, 4, TieKept, true}, {3, 5, TieNew, true}}
	if !slices.Equal(c.Ties, wantTies) {
		t.Errorf("ties %v, want %v", c.Ties, wantTies)
	}
	if JaccardStability(c.All.Jaccard()) == StabilityGood || JaccardStability(0.3) != StabilityGood || JaccardStability(0.1) != StabilityQuestionable || JaccardStability(0.25) != StabilityBorderline {
		t.Errorf("Jaccard stability of %v: %v", c.All.Jaccard(), JaccardStability(c.All.Jaccard()))
	}
	// Sector pairs (gov 0, bus 1, npo 2, aca 3), worked by hand:
	// gov-bus A-B A-F: kept 1; gov-npo A-C A-D: none; gov-aca A-E: new;
	// bus-bus B-F; bus-npo B-C B-D F-C F-D: new B-C, D-F; bus-aca B-E F-E;
	// npo-npo C-D dissolved; npo-aca C-E new, D-E kept. gov-gov and
	// aca-aca have no pair.
	wantSP := []SectorPairChange{
		{0, 1, TieCounts{2, 1, 0, 0, 1}}, {0, 2, TieCounts{2, 2, 0, 0, 0}}, {0, 3, TieCounts{1, 0, 1, 0, 0}},
		{1, 1, TieCounts{1, 1, 0, 0, 0}}, {1, 2, TieCounts{4, 2, 2, 0, 0}}, {1, 3, TieCounts{2, 2, 0, 0, 0}},
		{2, 2, TieCounts{1, 0, 0, 1, 0}}, {2, 3, TieCounts{2, 0, 1, 0, 1}},
	}
	if !slices.Equal(c.SectorPairs, wantSP) {
		t.Errorf("sector pairs:\n got %v\nwant %v", c.SectorPairs, wantSP)
	}
	if c.Newcomers != 1 || c.NewWithNewcomer != 1 {
		t.Errorf("newcomers %d, new ties with one %d; want 1 (F), 1 (D-F)", c.Newcomers, c.NewWithNewcomer)
	}
	if !c.Window.Timed || !slices.Equal(c.Window.Meetings, []int{0, 2, 4}) {
		t.Errorf("window %+v, want M1 M3 M5", c.Window)
	}
	if c.NewAmongForumMembers != 2 || c.NewAmongMeetingAttendees != 2 || c.NewAmongCoparticipants != 3 ||
		c.NewCrossSector != 4 || c.NewCrossAmongCoparticipants != 3 {
		t.Errorf("new among forum %d meeting %d either %d; cross %d among %d; want 2 2 3; 4 3",
			c.NewAmongForumMembers, c.NewAmongMeetingAttendees, c.NewAmongCoparticipants, c.NewCrossSector, c.NewCrossAmongCoparticipants)
	}
	checkAttribution(t, "all", c.Attribution, 12, 5, 4, 3, 0.75, 5.0/12, 1.8, 75.0/495)
	checkAttribution(t, "cross", c.CrossAttribution, 11, 5, 4, 3, 0.75, 5.0/11, 1.65, 65.0/330)

	// Waves: 2012 has 3 ties, A-B and D-E across sectors, C-D within:
	// E-I = (2 - 1) / 3; density 3/15; mean degree 6/6. 2014: 6 ties, all
	// across: E-I 1, density 6/15, mean degree 2.
	if b := c.Before; b.Ties != 3 || b.External != 2 || b.Internal != 1 || !near(b.EI, 1.0/3, 1e-12) || !near(b.Density, 0.2, 1e-12) || b.MeanDegree != 1 {
		t.Errorf("before %+v", b)
	}
	if a := c.After; a.Ties != 6 || a.External != 6 || a.EI != 1 || !near(a.Density, 0.4, 1e-12) || a.MeanDegree != 2 {
		t.Errorf("after %+v", a)
	}

	// Organizations (before, after, new, dissolved, kept, new cross):
	// A {B} -> {B,E}; B {A} -> {A,C}; C {D} -> {B,E}; D {C,E} -> {E,F};
	// E {D} -> {A,C,D}; F {} -> {D}, a newcomer.
	wantOrgs := []struct{ before, after, new, dis, kept, cross int }{
		{1, 2, 1, 0, 1, 1}, {1, 2, 1, 0, 1, 1}, {1, 2, 2, 1, 0, 2}, {2, 2, 1, 1, 1, 1}, {1, 3, 2, 0, 1, 2}, {0, 1, 1, 0, 0, 1},
	}
	for i, w := range wantOrgs {
		o := c.OrgChanges[i]
		if o.Org != i || o.Before != w.before || o.After != w.after || o.New != w.new || o.Dissolved != w.dis || o.Kept != w.kept || o.NewCrossSector != w.cross || o.Newcomer != (i == 5) {
			t.Errorf("org %s: %+v, want %+v", d.Orgs[i].ID, o, w)
		}
	}
	if !slices.Equal(c.OrgChanges[4].NewPartners, []int{0, 2}) {
		t.Errorf("E's new partners %v, want A C", c.OrgChanges[4].NewPartners)
	}
	// Top gainers: C and E (2 new, 2 cross) in dataset order, then A B D F.
	var top []int
	for _, o := range c.TopGainers(3) {
		top = append(top, o.Org)
	}
	if !slices.Equal(top, []int{2, 4, 0}) {
		t.Errorf("top gainers %v, want C E A", top)
	}

	// Scores. A tie's score is the mean of its reports: A-B 2012 trust
	// (2+3)/2 = 2.5, value 2 (B's report has none).
	//   2012: A-B 2.5/2, C-D 1/1, D-E 3/-: trust 6.5/3, value 3/2.
	//   2014: A-B 4/3, B-C 3/4, D-F -/-, D-E 4/4, A-E 2/1, C-E 4/3:
	//         trust 17/5 (5 scored), value 15/5.
	//   new (2014): B-C, D-F, A-E, C-E: trust 9/3, value 8/3.
	//   kept: 2012 A-B, D-E trust 5.5/2, value 2/1; 2014 trust 8/2, value 7/2.
	//   dissolved C-D: 1, 1.
	s := c.Scores
	if s == nil {
		t.Fatal("no scores")
	}
	checkScore(t, "2012", s.Before.All, ScoreMean{3, 3, 6.5 / 3, 2, 1.5})
	checkScore(t, "2014", s.After.All, ScoreMean{6, 5, 3.4, 5, 3})
	checkScore(t, "new", s.New, ScoreMean{4, 3, 3, 3, 8.0 / 3})
	checkScore(t, "kept before", s.KeptBefore, ScoreMean{2, 2, 2.75, 1, 2})
	checkScore(t, "kept after", s.KeptAfter, ScoreMean{2, 2, 4, 2, 3.5})
	checkScore(t, "dissolved", s.DissolvedBefore, ScoreMean{1, 1, 1, 1, 1})
	// 2014 npo-aca: C-E 4/3 and D-E 4/4.
	for _, sp := range s.After.SectorPairs {
		if sp.A == 2 && sp.B == 3 {
			checkScore(t, "2014 npo-aca", sp.ScoreMean, ScoreMean{2, 2, 4, 2, 3.5})
		}
	}
}

func checkCounts(t *testing.T, name string, got, want TieCounts) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %+v, want %+v", name, got, want)
	}
}

func checkScore(t *testing.T, name string, got, want ScoreMean) {
	t.Helper()
	if got.Ties != want.Ties || got.TrustN != want.TrustN || got.ValueN != want.ValueN ||
		!near(got.Trust, want.Trust, 1e-12) || !near(got.Value, want.Value, 1e-12) {
		t.Errorf("%s scores: got %+v, want %+v", name, got, want)
	}
}

func checkAttribution(t *testing.T, name string, a Attribution, cand, marked, n, k int, obs, exp, ratio, p float64) {
	t.Helper()
	if a.Candidates != cand || a.Coparticipants != marked || a.New != n || a.NewCoparticipant != k ||
		!near(a.ObservedShare, obs, 1e-12) || !near(a.ExpectedShare, exp, 1e-12) || !near(a.Ratio, ratio, 1e-12) ||
		!near(a.PExact, p, 1e-12) {
		t.Errorf("%s attribution: got %+v, want candidates %d co-participants %d new %d of them %d, shares %v %v ratio %v p %v",
			name, a, cand, marked, n, k, obs, exp, ratio, p)
	}
	// The permutation p-value estimates the exact one: with 999 sets its
	// standard error is under 0.016.
	if math.Abs(a.PValue-p) > 4*math.Sqrt(p*(1-p)/float64(a.Permutations))+1.0/float64(a.Permutations+1) {
		t.Errorf("%s: permutation p %v far from the exact %v", name, a.PValue, p)
	}
}

// TestCompareWavesRowOrder: the order of the rows of ties.csv, and the
// orientation of each report, change nothing.
func TestCompareWavesRowOrder(t *testing.T) {
	want, err := CompareWaves(context.Background(), wavePair(), ChangeOptions{From: "2012", To: "2014", Permutations: 99, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		d := wavePair()
		r.Shuffle(len(d.Ties), func(i, j int) { d.Ties[i], d.Ties[j] = d.Ties[j], d.Ties[i] })
		for i := range d.Ties {
			if r.IntN(2) == 0 {
				d.Ties[i].Source, d.Ties[i].Target = d.Ties[i].Target, d.Ties[i].Source
			}
		}
		got, err := CompareWaves(context.Background(), d, ChangeOptions{From: "2012", To: "2014", Permutations: 99, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if got.All != want.All || got.CrossSector != want.CrossSector || !slices.Equal(got.SectorPairs, want.SectorPairs) ||
			got.Attribution != want.Attribution || got.NewAmongCoparticipants != want.NewAmongCoparticipants ||
			!near(got.Scores.After.All.Trust, want.Scores.After.All.Trust, 1e-12) {
			t.Fatalf("shuffled rows change the result:\n got %+v\nwant %+v", got, want)
		}
	}
}

// TestCompareWavesOptions: --type, the universe of organizations present in
// both waves, wave labels that are not years, and the errors.
func TestCompareWavesOptions(t *testing.T) {
	d := wavePair()
	// joint project ties: 2012 C-D; 2014 A-E, C-E. New 2, dissolved 1.
	c, err := CompareWaves(context.Background(), d, ChangeOptions{From: "2012", To: "2014", Type: "joint project"})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "joint project", c.All, TieCounts{Pairs: 15, NoTie: 12, New: 2, Dissolved: 1, Kept: 0})
	if !math.IsNaN(c.Attribution.PValue) || c.Attribution.Permutations != 0 {
		t.Errorf("no permutations asked, got p %v", c.Attribution.PValue)
	}
	// Present in both waves: A-E (F is named only in 2014). 10 pairs;
	// 2012 ties 3; 2014 ties without D-F 5: new B-C A-E C-E, kept A-B D-E.
	c, err = CompareWaves(context.Background(), d, ChangeOptions{From: "2012", To: "2014", Universe: UniversePresent})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "present", c.All, TieCounts{Pairs: 10, NoTie: 4, New: 3, Dissolved: 1, Kept: 2})
	if c.Orgs != 5 || c.Newcomers != 0 || len(c.OrgChanges) != 5 {
		t.Errorf("present: %d orgs, %d newcomers", c.Orgs, c.Newcomers)
	}
	// Waves "before" and "after" cannot be placed in time: every meeting
	// counts, adding M2's B-E and M4's A-D and C-D; candidate
	// co-participants are then A-C A-D B-C B-E C-E D-F E-F = 7.
	for i := range d.Ties {
		d.Ties[i].Wave = map[string]string{"2012": "after", "2014": "before"}[d.Ties[i].Wave]
	}
	// "after" sorts before "before" as strings: the earlier wave is
	// "after" here, which holds the 2012 ties.
	c, err = CompareWaves(context.Background(), d, ChangeOptions{From: "after", To: "before"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Window.Timed || len(c.Window.Meetings) != 5 || c.Attribution.Coparticipants != 7 || c.NewAmongCoparticipants != 3 {
		t.Errorf("untimed window: %+v, co-participants %d, new among them %d", c.Window, c.Attribution.Coparticipants, c.NewAmongCoparticipants)
	}

	d = wavePair()
	for _, o := range []ChangeOptions{{From: "2014", To: "2012"}, {From: "2012", To: "1999"}, {From: "2012", To: "2014", Type: "gossip"}} {
		if _, err := CompareWaves(context.Background(), d, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

func TestWavePairs(t *testing.T) {
	d := wavePair()
	d.Ties = append(d.Ties, Tie{"A", "B", "2016", "", 1, NoScore, NoScore, nil}, Tie{"A", "B", "2013", "", 1, NoScore, NoScore, nil})
	tests := []struct {
		from, to string
		want     [][2]string
		cause    error
		err      string
	}{
		{"", "", [][2]string{{"2012", "2013"}, {"2013", "2014"}, {"2014", "2016"}}, nil, ""},
		{"2012", "2016", [][2]string{{"2012", "2016"}}, nil, ""},
		{"2013", "", [][2]string{{"2013", "2014"}}, nil, ""},
		{"", "2013", [][2]string{{"2012", "2013"}}, nil, ""},
		{"2016", "", nil, ErrNoLaterWave, `from "2016" is the latest wave; there is no later wave to compare it with`},
		{"", "2012", nil, ErrNoEarlierWave, `to "2012" is the earliest wave; there is no earlier wave to compare it with`},
		{"2014", "2012", nil, ErrWaveOrder, `from "2014" must come before to "2012" (waves in order: "2012", "2013", "2014", "2016")`},
		{"2011", "2012", nil, ErrUnknownWave, `from: no ties in wave "2011" (waves: "2012", "2013", "2014", "2016")`},
	}
	for _, tt := range tests {
		got, err := WavePairs(d, tt.from, tt.to)
		msg := ""
		var we *WaveError
		if errors.As(err, &we) {
			msg = we.Message("from", "to")
		}
		if msg != tt.err || !slices.Equal(got, tt.want) || !errors.Is(err, tt.cause) && tt.cause != nil {
			t.Errorf("WavePairs(%q, %q) = %v, %v %q; want %v, %v %q", tt.from, tt.to, got, err, msg, tt.want, tt.cause, tt.err)
		}
		if err != nil && strings.Contains(err.Error(), "--") {
			t.Errorf("WavePairs(%q, %q): %q names a flag", tt.from, tt.to, err)
		}
	}
	d.Ties = d.Ties[:1]
	if _, err := WavePairs(d, "", ""); err == nil || err.Error() != `comparing waves needs ties in at least two survey waves; ties.csv has 1 ("2014")` {
		t.Errorf("one wave: %v", err)
	}
}

// TestFirstMeetingsByHand: meetings in date order M2 (2012-06-01), M1 and
// M5 (both 2013-03-01, in dataset order), M3 (2014), M4 (2015).
//
//	M2 {B,E}:   B-E new (cross)                   cumulative 1, cross 1
//	M1 {A,B}:   A-B new (cross)                   2, 2
//	M5 {A,B,C}: A-B met; A-C, B-C new (cross)     4, 4  (C listed twice counts once)
//	M3 {D,E,F}: D-E, D-F, E-F new (cross)         7, 7
//	M4 {A,C,D}: A-C met; A-D new (cross); C-D new (within npo)  9, 8
func TestFirstMeetingsByHand(t *testing.T) {
	d := wavePair()
	f := FirstMeetings(d)
	want := []MeetingFirsts{
		{1, 2, 1, 1, 1, 1, 1}, {0, 2, 1, 1, 1, 2, 2}, {4, 3, 3, 2, 2, 4, 4}, {2, 3, 3, 3, 3, 7, 7}, {3, 3, 3, 2, 1, 9, 8},
	}
	if !slices.Equal(f.Meetings, want) {
		t.Errorf("meetings:\n got %v\nwant %v", f.Meetings, want)
	}
	// A-B met at M1 and M5; A-C at M5 and M4.
	wantPairs := []PairFirst{
		{1, 4, 1, 1, true}, {0, 1, 0, 2, true}, {0, 2, 4, 2, true}, {1, 2, 4, 1, true},
		{3, 4, 2, 1, true}, {3, 5, 2, 1, true}, {4, 5, 2, 1, true}, {0, 3, 3, 1, true}, {2, 3, 3, 1, false},
	}
	if !slices.Equal(f.Pairs, wantPairs) {
		t.Errorf("pairs:\n got %v\nwant %v", f.Pairs, wantPairs)
	}
	// Most new cross-sector pairs: M3 (3), M5 (2), then M4 (1 cross, 2
	// new), M2 and M1 (1, 1) in date order.
	var top []int
	for _, m := range f.TopIntroducers(0) {
		top = append(top, m.Meeting)
	}
	if !slices.Equal(top, []int{2, 4, 3, 1, 0}) {
		t.Errorf("top introducers %v, want M3 M5 M4 M2 M1", top)
	}
}

// TestSuggestByHand: in the network of 2014 ties plus forum memberships,
// degrees are A 3 (B, E, F1), B 3 (A, C, F1), C 4 (B, E, F1, F2), D 3
// (E, F, F2), E 4 (A, C, D, F2), F 1 (D), F1 3, F2 3. Cross-sector pairs
// without a 2014 tie: A-C A-D A-F B-D B-E C-F E-F. Their common
// neighbours: A-C {B, E, F1}: 2/ln 3 + 1/ln 4; B-E {A, C}: 1/ln 3 + 1/ln 4;
// E-F {D}: 1/ln 3; A-D {E}: 1/ln 4; A-F, B-D, C-F none (not suggested).
func TestSuggestByHand(t *testing.T) {
	d := wavePair()
	l3, l4 := 1/math.Log(3), 1/math.Log(4)
	ss, wave, err := Suggest(d, SuggestOptions{Org: -1})
	if err != nil {
		t.Fatal(err)
	}
	if wave != "2014" {
		t.Errorf("wave %q", wave)
	}
	want := []Suggestion{
		{A: 0, B: 2, Score: 2*l3 + l4, Common: 3, ForumScore: l3, PartnerScore: l3 + l4, SharedForums: []int{0}, CommonPartners: []int{1, 4}},
		{A: 1, B: 4, Score: l3 + l4, Common: 2, PartnerScore: l3 + l4, CommonPartners: []int{0, 2}},
		{A: 4, B: 5, Score: l3, Common: 1, PartnerScore: l3, CommonPartners: []int{3}},
		{A: 0, B: 3, Score: l4, Common: 1, PartnerScore: l4, CommonPartners: []int{4}},
	}
	checkSuggestions(t, ss, want)
	// Limited, and for one organization (E): B-E, E-F.
	ss, _, _ = Suggest(d, SuggestOptions{Org: -1, Limit: 2})
	checkSuggestions(t, ss, want[:2])
	ss, _, _ = Suggest(d, SuggestOptions{Org: 4})
	checkSuggestions(t, ss, want[1:3])
	// A third wave 2016 with ties A-B, C-D, B-E: A-E (tied in 2014, not
	// in 2016) share B (degree 3: A, E, F1) and is suggested with its
	// earlier wave.
	d.Ties = append(d.Ties, Tie{"A", "B", "2016", "", 1, NoScore, NoScore, nil}, Tie{"C", "D", "2016", "", 1, NoScore, NoScore, nil}, Tie{"B", "E", "2016", "", 1, NoScore, NoScore, nil})
	ss, _, _ = Suggest(d, SuggestOptions{Org: 0})
	found := false
	for _, s := range ss {
		if s.A == 0 && s.B == 4 {
			found = true
			if !slices.Equal(s.EarlierWaves, []string{"2014"}) || !near(s.Score, l3, 1e-12) {
				t.Errorf("A-E in 2016: %+v", s)
			}
		}
	}
	if !found {
		t.Errorf("A-E not suggested in 2016: %+v", ss)
	}
}

func checkSuggestions(t *testing.T, got, want []Suggestion) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d suggestions, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.A != w.A || g.B != w.B || g.Common != w.Common || !near(g.Score, w.Score, 1e-12) ||
			!near(g.ForumScore, w.ForumScore, 1e-12) || !near(g.PartnerScore, w.PartnerScore, 1e-12) ||
			!slices.Equal(g.SharedForums, w.SharedForums) || !slices.Equal(g.CommonPartners, w.CommonPartners) ||
			len(g.EarlierWaves) != 0 {
			t.Errorf("suggestion %d: got %+v, want %+v", i, g, w)
		}
	}
}

func TestScoresByWave(t *testing.T) {
	d := wavePair()
	ws := ScoresByWave(d, "")
	if len(ws) != 2 {
		t.Fatalf("%d waves", len(ws))
	}
	checkScore(t, "2012", ws[0].All, ScoreMean{3, 3, 6.5 / 3, 2, 1.5})
	checkScore(t, "2014", ws[1].All, ScoreMean{6, 5, 3.4, 5, 3})
	// joint project: 2012 C-D 1/1; 2014 A-E 2/1, C-E 4/3.
	ws = ScoresByWave(d, "joint project")
	checkScore(t, "2014 joint project", ws[1].All, ScoreMean{2, 2, 3, 2, 2})
	if !HasScores(d, "") || HasScores(&Dataset{Ties: []Tie{{"A", "B", "1", "", 1, NoScore, NoScore, nil}}}, "") {
		t.Error("HasScores")
	}
}
