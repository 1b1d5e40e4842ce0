package graph

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// fitCase is one line of testdata/balance_cases.txt.
type fitCase struct {
	name  string
	obs   []int
	probs []float64
}

func parseProb(t *testing.T, s string) float64 {
	t.Helper()
	num, den, frac := strings.Cut(s, "/")
	a, err := strconv.ParseFloat(num, 64)
	if err != nil {
		t.Fatal(err)
	}
	if !frac {
		return a
	}
	b, err := strconv.ParseFloat(den, 64)
	if err != nil {
		t.Fatal(err)
	}
	return a / b
}

func readFitCases(t *testing.T) []fitCase {
	t.Helper()
	f, err := os.Open("testdata/balance_cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []fitCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		fs := strings.Fields(l)
		c := fitCase{name: fs[0]}
		for _, x := range strings.Split(fs[1], ",") {
			v, err := strconv.Atoi(x)
			if err != nil {
				t.Fatal(err)
			}
			c.obs = append(c.obs, v)
		}
		for _, p := range strings.Split(fs[2], ",") {
			c.probs = append(c.probs, parseProb(t, p))
		}
		cs = append(cs, c)
	}
	return cs
}

// readFitRef reads lines "KIND NAME V1 V2 ..." of a reference file into
// ref[KIND+" "+NAME] = values ("inf" and "NaN" parse as floats).
func readFitRef(t *testing.T, file string) map[string][]float64 {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := map[string][]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 3 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		var vs []float64
		for _, s := range fs[2:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			vs = append(vs, v)
		}
		ref[fs[0]+" "+fs[1]] = vs
	}
	return ref
}

// same is near that also takes equal infinities as equal.
func same(a, b, tol float64) bool { return a == b || near(a, b, tol) }

func shares(obs []int) []float64 {
	n := 0
	for _, x := range obs {
		n += x
	}
	s := make([]float64, len(obs))
	for i, x := range obs {
		s[i] = float64(x) / float64(n)
	}
	return s
}

// TestSeedForumByHand works the seed's forum by hand: 20 seats, three
// sectors, a key of thirds; seated 7 government, 3 business, 10
// nonprofits.
//
//	shares .35 .15 .50
//	Blau    = 1 - (.1225 + .0225 + .25) = .605
//	IQV     = .605 / (1 - 1/3) = .9075
//	entropy = .35 ln(1/.35) + .15 ln(1/.15) + .5 ln 2
//	        = .35(1.0498221) + .15(1.8971200) + .5(.6931472) = .9985793
//	expected 20/3 each (>= 5, so chi-square):
//	X² = ((1/3)² + (11/3)² + (10/3)²) / (20/3) = (222/9) / (20/3) = 3.7
//	df = 2, and for 2 degrees of freedom P(χ² >= x) = exp(-x/2) = exp(-1.85)
func TestSeedForumByHand(t *testing.T) {
	obs := []int{7, 3, 10}
	third := []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}
	p := shares(obs)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"blau", Blau(p), .605},
		{"iqv", IQV(p, 3), .9075},
		{"entropy", Entropy(p), .9985793},
	} {
		if !near(c.got, c.want, 1e-7) {
			t.Errorf("%s = %.10g, want %.10g", c.name, c.got, c.want)
		}
	}
	ft := GoodnessOfFit(obs, third)
	if ft.Method != TestChiSquare || !near(ft.Statistic, 3.7, 1e-12) || ft.DF != 2 || !near(ft.PValue, math.Exp(-1.85), 1e-12) {
		t.Errorf("test = %+v, want chi-square 3.7, df 2, p exp(-1.85)", ft)
	}
}

func TestKeyShares(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name    string
		targets []float64
		want    map[int]float64
	}{
		// Every sector targeted: rescaled, 0.3333 ×3 becomes thirds.
		{"thirds", []float64{.3333, .3333, .3333}, map[int]float64{0: 1.0 / 3, 1: 1.0 / 3, 2: 1.0 / 3}},
		// Untargeted sectors take the unallocated 0.2.
		{"rest", []float64{.4, nan, .4, nan}, map[int]float64{0: .4, 2: .4, restCategory: .2}},
		// Nothing unallocated: the untargeted get 0.
		{"rest zero", []float64{.5, nan, .5}, map[int]float64{0: .5, 2: .5, restCategory: 0}},
		{"zero target", []float64{.5, .5, 0}, map[int]float64{0: .5, 1: .5, 2: 0}},
		// All targets 0 but some untargeted: they take everything.
		{"zeros", []float64{0, nan}, map[int]float64{0: 0, restCategory: 1}},
	} {
		_, probs, ok := keyShares(c.targets)
		if !ok || len(probs) != len(c.want) {
			t.Errorf("%s: %v, %v", c.name, probs, ok)
			continue
		}
		for k, w := range c.want {
			if !near(probs[k], w, 1e-12) {
				t.Errorf("%s: category %d share %v, want %v", c.name, k, probs[k], w)
			}
		}
	}
	for _, targets := range [][]float64{{nan, nan}, {0, 0}, {}} {
		if _, _, ok := keyShares(targets); ok {
			t.Errorf("%v: want no key", targets)
		}
	}
}

// seedDataset is the seed's forum and two more, three sectors (government
// with the local authorities, business, nonprofits), a key of thirds
// written as 0.3333 each:
//
//	F1 capacity 20: g1-g7, b1-b3, n1-n10 (7, 3, 10)
//	F2 capacity 20: no members
//	F3 capacity 4:  g1 g2 g8 g9 b4       (4, 1, 0)
//	M1 (F1): g1-g5, b1, n1-n8, and n11, a guest who is no member
//	M2 (F1): g1-g6, n1-n9, g1 listed twice (two people)
//	M3 (F3): g1 g8 b4
func seedDataset() *Dataset {
	d := &Dataset{
		Sectors:  []Sector{{ID: "gov"}, {ID: "bus"}, {ID: "npo"}},
		Forums:   []Forum{{ID: "F1", Capacity: 20}, {ID: "F2", Capacity: 20}, {ID: "F3", Capacity: 4}},
		Meetings: []Meeting{{ID: "M1", Forum: "F1"}, {ID: "M2", Forum: "F1"}, {ID: "M3", Forum: "F3"}},
		Quotas:   []Quota{{"*", "gov", .3333}, {"*", "bus", .3333}, {"*", "npo", .3333}},
	}
	org := func(prefix, sector string, n int) {
		for i := 1; i <= n; i++ {
			d.Orgs = append(d.Orgs, Organization{ID: fmt.Sprint(prefix, i), Sector: sector})
		}
	}
	org("g", "gov", 9)
	org("b", "bus", 4)
	org("n", "npo", 11)
	add := func(forum string, ids ...string) {
		for _, id := range ids {
			d.Memberships = append(d.Memberships, Membership{Org: id, Forum: forum})
		}
	}
	add("F1", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "b1", "b2", "b3", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10")
	add("F3", "g1", "g2", "g8", "g9", "b4")
	attend := func(m string, ids ...string) {
		for _, id := range ids {
			d.Attendance = append(d.Attendance, Attendance{Meeting: m, Org: id})
		}
	}
	attend("M1", "g1", "g2", "g3", "g4", "g5", "b1", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n11")
	attend("M2", "g1", "g2", "g3", "g4", "g5", "g6", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "g1")
	attend("M3", "g1", "g8", "b4")
	return d
}

type sectorWant struct {
	members            int
	share, target, gap float64
	attended           int
	attShare, attGap   float64
	memberAttended     int
	rate               float64
}

func checkSectors(t *testing.T, name string, got []SectorBalance, want []sectorWant) {
	t.Helper()
	for k, w := range want {
		g := got[k]
		if g.Sector != k || g.Members != w.members || g.Attended != w.attended || g.MemberAttended != w.memberAttended ||
			!near(g.Share, w.share, 1e-12) || !near(g.Target, w.target, 1e-12) || !near(g.Gap, w.gap, 1e-12) ||
			!near(g.AttendanceShare, w.attShare, 1e-12) || !near(g.AttendanceGap, w.attGap, 1e-12) || !near(g.AttendanceRate, w.rate, 1e-12) {
			t.Errorf("%s sector %d:\ngot  %+v\nwant %+v", name, k, g, w)
		}
	}
}

func checkForum(t *testing.T, name string, got ForumBalance, members, orgs, capacity, over, meetings, atts, guests int, blau, iqv, entropy float64, missing []int) {
	t.Helper()
	if got.Members != members || got.Organizations != orgs || got.Capacity != capacity || got.OverCapacity != over ||
		got.Meetings != meetings || got.Attendances != atts || got.GuestAttendances != guests ||
		!near(got.Blau, blau, 1e-12) || !near(got.IQV, iqv, 1e-12) || !near(got.Entropy, entropy, 1e-12) ||
		fmt.Sprint(got.Missing) != fmt.Sprint(missing) {
		t.Errorf("%s: got members %d orgs %d capacity %d over %d meetings %d attendances %d guests %d blau %v iqv %v entropy %v missing %v",
			name, got.Members, got.Organizations, got.Capacity, got.OverCapacity, got.Meetings, got.Attendances, got.GuestAttendances,
			got.Blau, got.IQV, got.Entropy, got.Missing)
	}
}

// TestSectorBalancesSeed checks seedDataset against values worked by hand
// (the diversity and tests also against R: cases seed20, seed_small,
// seed_overall of testdata/balance_ref.txt).
func TestSectorBalancesSeed(t *testing.T) {
	d := seedDataset()
	b := SectorBalances(d, nil)
	if len(b.Forums) != 3 {
		t.Fatalf("%d forums", len(b.Forums))
	}
	const q = .3333
	nan := math.NaN()

	// F1: shares .35 .15 .5 (TestSeedForumByHand). Attendances: M1 has 5
	// gov, 1 bus, 8 npo members and the guest n11; M2 6 gov and 9 npo (g1
	// once though listed twice): 30 attendances, gov 11, bus 1, npo 18.
	// Members' attendances: gov 11 of 7×2, bus 1 of 3×2, npo 17 of 10×2.
	f1 := b.Forums[0]
	checkForum(t, "F1", f1, 20, 20, 20, 0, 2, 30, 1, .605, .9075, 0.99857933158739209, nil)
	checkSectors(t, "F1", f1.Sectors, []sectorWant{
		{7, .35, q, .35 - q, 11, 11.0 / 30, 11.0/30 - q, 11, 11.0 / 14},
		{3, .15, q, .15 - q, 1, 1.0 / 30, 1.0/30 - q, 1, 1.0 / 6},
		{10, .5, q, .5 - q, 18, .6, .6 - q, 17, .85},
	})
	// The key 0.3333 ×3 names every sector, so the test uses thirds: X² 3.7.
	if ft := f1.Test; ft.Method != TestChiSquare || !near(ft.Statistic, 3.7, 1e-9) || !near(ft.PValue, 0.15723716631362761, 1e-9) {
		t.Errorf("F1 test %+v", ft)
	}
	if f1.KeySource != "*" {
		t.Errorf("F1 key %q", f1.KeySource)
	}

	// F2: no members, no meetings: every targeted sector missing, no
	// shares, no indices, no test.
	f2 := b.Forums[1]
	checkForum(t, "F2", f2, 0, 0, 20, 0, 0, 0, 0, nan, nan, nan, []int{0, 1, 2})
	checkSectors(t, "F2", f2.Sectors, []sectorWant{
		{0, nan, q, nan, 0, nan, nan, 0, nan}, {0, nan, q, nan, 0, nan, nan, 0, nan}, {0, nan, q, nan, 0, nan, nan, 0, nan},
	})
	if f2.Test.Method != TestNone {
		t.Errorf("F2 test %+v", f2.Test)
	}

	// F3: 4 gov, 1 bus, no npo in 4 seats: one over, npo missing. Shares
	// .8 .2 0: Blau 1 - .64 - .04 = .32, IQV .48, entropy .5004024.
	// Expected 5/3 < 5: exact, p = 11/81 (TestExactByHand). M3: g1 g8 b4,
	// gov 2 of 4×1, bus 1 of 1×1.
	f3 := b.Forums[2]
	checkForum(t, "F3", f3, 5, 5, 4, 1, 1, 3, 0, .32, .48, 0.50040242353818787, []int{2})
	checkSectors(t, "F3", f3.Sectors, []sectorWant{
		{4, .8, q, .8 - q, 2, 2.0 / 3, 2.0/3 - q, 2, .5},
		{1, .2, q, .2 - q, 1, 1.0 / 3, 1.0/3 - q, 1, 1},
		{0, 0, q, -q, 0, 0, -q, 0, nan},
	})
	if ft := f3.Test; ft.Method != TestExact || !near(ft.PValue, 11.0/81, 1e-9) || !near(ft.Statistic, 5.2, 1e-9) {
		t.Errorf("F3 test %+v", ft)
	}

	// All forums: 25 seats, gov 7+4, bus 3+1, npo 10; 23 organizations (g1
	// and g2 sit in two). Target (20q + 0q + 5q)/25 = q. Blau 1 - .44² -
	// .16² - .4² = .6208. Test: 25/3 expected each, X² 3.44 (R
	// seed_overall). Attendances 30 + 3, members' gov 11+2 of 14+4, bus
	// 1+1 of 6+1, npo 17 of 20.
	all := b.Overall
	checkForum(t, "all", all, 25, 23, 44, 1, 3, 33, 1, .6208, .6208*1.5, 1.0209607698601171, nil)
	checkSectors(t, "all", all.Sectors, []sectorWant{
		{11, .44, q, .44 - q, 13, 13.0 / 33, 13.0/33 - q, 13, 13.0 / 18},
		{4, .16, q, .16 - q, 2, 2.0 / 33, 2.0/33 - q, 2, 2.0 / 7},
		{10, .4, q, .4 - q, 18, 18.0 / 33, 18.0/33 - q, 17, .85},
	})
	if ft := all.Test; ft.Method != TestChiSquare || !near(ft.Statistic, 3.44, 1e-9) || !near(ft.PValue, 0.17906614791149314, 1e-9) {
		t.Errorf("all test %+v", ft)
	}

	// No seats at all (F2 alone): the target of all forums is the plain
	// mean of the forums' targets, and every targeted sector is missing.
	empty := SectorBalances(d, []int{1}).Overall
	if !near(empty.Sectors[0].Target, q, 1e-12) || fmt.Sprint(empty.Missing) != "[0 1 2]" || empty.Test.Method != TestNone {
		t.Errorf("F2 alone: %+v", empty)
	}

	// One forum: all forums is that forum.
	one := SectorBalances(d, []int{2})
	if len(one.Forums) != 1 || one.Overall.Members != 5 || !near(one.Overall.Test.PValue, 11.0/81, 1e-9) {
		t.Errorf("F3 alone: %+v", one.Overall)
	}
}

// keysDataset has forums with keys of their own: untargeted sectors, a
// target of 0, and the "*" key.
//
//	sectors gov loc bus npo aca
//	*:  gov .2 loc .15 bus .3 npo .25 aca .1
//	G1: gov .4 bus .4 (loc npo aca untargeted: they share .2)
//	G2: gov .5 bus .5 npo 0 (loc aca untargeted: nothing left for them)
//	G1 members: gov ×2, bus, npo, aca
//	G2 members: gov ×3, bus, npo
//	G3 (board, the * key) members: gov, loc, bus, npo
func keysDataset() *Dataset {
	d := &Dataset{
		Sectors: []Sector{{ID: "gov"}, {ID: "loc"}, {ID: "bus"}, {ID: "npo"}, {ID: "aca"}},
		Forums:  []Forum{{ID: "G1"}, {ID: "G2"}, {ID: "G3", Kind: "board"}},
		Quotas: []Quota{{"*", "gov", .2}, {"*", "loc", .15}, {"*", "bus", .3}, {"*", "npo", .25}, {"*", "aca", .1},
			{"G1", "gov", .4}, {"G1", "bus", .4}, {"G2", "gov", .5}, {"G2", "bus", .5}, {"G2", "npo", 0}},
	}
	for _, o := range [][2]string{{"g1", "gov"}, {"g2", "gov"}, {"g3", "gov"}, {"l1", "loc"}, {"b1", "bus"}, {"n1", "npo"}, {"a1", "aca"}} {
		d.Orgs = append(d.Orgs, Organization{ID: o[0], Sector: o[1]})
	}
	for _, m := range [][2]string{{"g1", "G1"}, {"g2", "G1"}, {"b1", "G1"}, {"n1", "G1"}, {"a1", "G1"},
		{"g1", "G2"}, {"g2", "G2"}, {"g3", "G2"}, {"b1", "G2"}, {"n1", "G2"},
		{"g1", "G3"}, {"l1", "G3"}, {"b1", "G3"}, {"n1", "G3"}} {
		d.Memberships = append(d.Memberships, Membership{Org: m[0], Forum: m[1]})
	}
	return d
}

func TestSectorBalancesKeys(t *testing.T) {
	d := keysDataset()
	b := SectorBalances(d, nil)
	nan := math.NaN()
	g1, g2, g3, all := b.Forums[0], b.Forums[1], b.Forums[2], b.Overall

	// G1: 5 members, shares gov .4, loc 0, bus .2, npo .2, aca .2; loc is
	// untargeted, so not missing. Test categories gov (.4) 2, bus (.4) 1,
	// the rest (.2) 2: R case "rest", exact p .4368, X² 1.5.
	if g1.KeySource != "G1" || g1.Missing != nil {
		t.Errorf("G1 key %q missing %v", g1.KeySource, g1.Missing)
	}
	checkSectors(t, "G1", g1.Sectors, []sectorWant{
		{2, .4, .4, 0, 0, nan, nan, 0, nan},
		{0, 0, nan, nan, 0, nan, nan, 0, nan},
		{1, .2, .4, -.2, 0, nan, nan, 0, nan},
		{1, .2, nan, nan, 0, nan, nan, 0, nan},
		{1, .2, nan, nan, 0, nan, nan, 0, nan},
	})
	if ft := g1.Test; ft.Method != TestExact || !near(ft.PValue, .4368, 1e-12) || !near(ft.Statistic, 1.5, 1e-12) || ft.DF != 2 {
		t.Errorf("G1 test %+v", ft)
	}

	// G2: a nonprofit sits where the key gives nonprofits 0: a gap of .2,
	// not missing, and the test's p is 0.
	if g2.Missing != nil || !near(g2.Sectors[3].Gap, .2, 1e-12) {
		t.Errorf("G2 missing %v gap %v", g2.Missing, g2.Sectors[3].Gap)
	}
	if ft := g2.Test; !ft.Impossible || ft.PValue != 0 || ft.Method != TestExact {
		t.Errorf("G2 test %+v", ft)
	}

	// G3: the * key; no academic: missing. Test 1,1,1,1,0 against the key:
	// enumeration by hand is long, so only the method (expected 4·.1 < 5).
	if g3.KeySource != "*" || fmt.Sprint(g3.Missing) != "[4]" || g3.Test.Method != TestExact {
		t.Errorf("G3 key %q missing %v test %+v", g3.KeySource, g3.Missing, g3.Test)
	}

	// All forums: 14 seats, gov 2+3+1, loc 1, bus 3, npo 3, aca 1.
	// Targets, seat-weighted (a forum leaving a sector out counts 0):
	//   gov (5·.4 + 5·.5 + 4·.2)/14 = 5.3/14   loc 4·.15/14 = .6/14
	//   bus (5·.4 + 5·.5 + 4·.3)/14 = 5.7/14   npo (5·0 + 4·.25)/14 = 1/14
	//   aca 4·.1/14 = .4/14
	checkSectors(t, "all", all.Sectors, []sectorWant{
		{6, 6.0 / 14, 5.3 / 14, .7 / 14, 0, nan, nan, 0, nan},
		{1, 1.0 / 14, .6 / 14, .4 / 14, 0, nan, nan, 0, nan},
		{3, 3.0 / 14, 5.7 / 14, -2.7 / 14, 0, nan, nan, 0, nan},
		{3, 3.0 / 14, 1.0 / 14, 2.0 / 14, 0, nan, nan, 0, nan},
		{1, 1.0 / 14, .4 / 14, .6 / 14, 0, nan, nan, 0, nan},
	})
	// Pooled test categories, observed (expected): gov 6 (2+2.5+.8),
	// bus 3 (2+2.5+1.2), G1's rest 2 (1) with G2's rest 0 (0), npo of G2
	// and G3 1+1 (0+1), loc of G3 1 (.6), aca of G3 0 (.4): R and Python
	// case "pooled".
	ref := readFitRef(t, "testdata/balance_ref.txt")["exact pooled"]
	if ft := all.Test; ft.Method != TestExact || !near(ft.PValue, ref[0], 1e-12) || !near(ft.PObserved, ref[1], 1e-12) {
		t.Errorf("all test %+v, want p %v", ft, ref)
	}

	// Only forums of kind "" (G1, G2): G3's seats leave the whole.
	two := SectorBalances(d, []int{0, 1})
	if two.Overall.Members != 10 || !near(two.Overall.Sectors[0].Target, .45, 1e-12) || !math.IsNaN(two.Overall.Sectors[1].Target) {
		t.Errorf("G1+G2: members %d targets %v %v", two.Overall.Members, two.Overall.Sectors[0].Target, two.Overall.Sectors[1].Target)
	}
}

// TestSectorBalancesNoKey: without quotas there are no targets, gaps,
// missing sectors or tests, and the composition is still measured.
func TestSectorBalancesNoKey(t *testing.T) {
	d := keysDataset()
	d.Quotas = nil
	b := SectorBalances(d, nil)
	for _, fb := range append(b.Forums, b.Overall) {
		if fb.Test.Method != TestNone || fb.Missing != nil || !math.IsNaN(fb.Sectors[0].Target) || !math.IsNaN(fb.Sectors[0].Gap) {
			t.Errorf("forum %d: %+v", fb.Forum, fb)
		}
	}
	if b.Forums[0].KeySource != "" || !near(b.Forums[0].Blau, 1-(.16+.04+.04+.04), 1e-12) {
		t.Errorf("G1: key %q blau %v", b.Forums[0].KeySource, b.Forums[0].Blau)
	}
}
