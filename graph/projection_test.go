package graph

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// goodDataset is data/testdata/good built in code: forums F1 {A,B,C},
// F2 {A,C,D}, F3 {C,D} (D listed twice in F3), meetings M1 {A,B},
// M2 {A,C,D}, M3 {A,B,C}; E in nothing.
func goodDataset() *Dataset {
	d := &Dataset{
		Sectors: []Sector{{ID: "gov"}, {ID: "bus"}, {ID: "npo"}, {ID: "aca"}},
		Orgs: []Organization{{ID: "A", Sector: "gov"}, {ID: "B", Sector: "bus"}, {ID: "C", Sector: "npo"},
			{ID: "D", Sector: "npo"}, {ID: "E", Sector: "aca"}},
		Forums:   []Forum{{ID: "F1"}, {ID: "F2"}, {ID: "F3"}},
		Meetings: []Meeting{{ID: "M1", Forum: "F1"}, {ID: "M2", Forum: "F2"}, {ID: "M3", Forum: "F1"}},
	}
	for _, p := range [][2]string{{"A", "F1"}, {"B", "F1"}, {"C", "F1"}, {"A", "F2"}, {"C", "F2"}, {"D", "F2"}, {"C", "F3"}, {"D", "F3"}, {"D", "F3"}} {
		d.Memberships = append(d.Memberships, Membership{Org: p[0], Forum: p[1]})
	}
	for _, p := range [][2]string{{"M1", "A"}, {"M1", "B"}, {"M2", "A"}, {"M2", "C"}, {"M2", "D"}, {"M3", "A"}, {"M3", "B"}, {"M3", "C"}} {
		d.Attendance = append(d.Attendance, Attendance{Meeting: p[0], Org: p[1]})
	}
	for _, t := range []Tie{{"A", "B", "2012", "information", 1, 3, 2, nil}, {"B", "A", "2012", "information", 2, NoScore, NoScore, nil},
		{"A", "C", "2012", "resources", 1, 2, 2, nil}, {"A", "B", "2014", "joint project", 1, 4, 4, nil},
		{"C", "D", "2014", "information", 1, 3, 3, nil}, {"B", "E", "2014", "information", 1, NoScore, NoScore, nil}} {
		d.Ties = append(d.Ties, t)
	}
	return d
}

// TestProjectionNetworkX compares every projection weight with NetworkX's
// bipartite projections (testdata/projection.txt, made by projection.py;
// the forum weights were also worked by hand: Newman's A-C is 1/2 + 1/2
// from F1 and F2 of three members each, C-D is 1/2 + 1/1).
func TestProjectionNetworkX(t *testing.T) {
	f, err := os.Open("testdata/projection.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]map[[2]string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fs := strings.Fields(line)
		w, err := strconv.ParseFloat(fs[4], 64)
		if err != nil {
			t.Fatal(err)
		}
		key := fs[0] + "/" + fs[1]
		if want[key] == nil {
			want[key] = map[[2]string]float64{}
		}
		want[key][[2]string{fs[2], fs[3]}] = w
	}
	d := goodDataset()
	ids := []string{"A", "B", "C", "D", "E"}
	for _, basis := range []Basis{BasisForums, BasisMeetings} {
		for _, wt := range []Weighting{WeightCount, WeightNewman, WeightJaccard} {
			key := basis.String() + "/" + wt.String()
			t.Run(key, func(t *testing.T) {
				g, err := OneMode(d, NetworkSpec{Basis: basis, Weighting: wt})
				if err != nil {
					t.Fatal(err)
				}
				if g.N() != 5 {
					t.Fatalf("N = %d, want 5 (E stays as an isolate)", g.N())
				}
				if g.Degree(4) != 0 {
					t.Errorf("E has degree %d", g.Degree(4))
				}
				if g.M() != len(want[key]) {
					t.Errorf("M = %d, want %d", g.M(), len(want[key]))
				}
				for _, e := range g.Edges() {
					w, ok := want[key][[2]string{ids[e.U], ids[e.V]}]
					if !ok || math.Abs(w-e.W) > 1e-12 {
						t.Errorf("%s-%s: weight %v, want %v (present %v)", ids[e.U], ids[e.V], e.W, w, ok)
					}
					// Symmetric storage.
					if w2, _ := g.TieWeight(e.V, e.U); w2 != e.W {
						t.Errorf("%s-%s asymmetric: %v vs %v", ids[e.U], ids[e.V], e.W, w2)
					}
				}
			})
		}
	}
}

// TestTieNetwork checks the wave networks by hand: in 2012 A-B is reported
// twice (weights 1 and 2: one tie of weight 2) and A-C once; in 2014 A-B,
// C-D and B-E.
func TestTieNetwork(t *testing.T) {
	d := goodDataset()
	g := TieNetwork(d, "2012", "")
	if g.M() != 2 {
		t.Errorf("2012: %d ties, want 2", g.M())
	}
	if w, ok := g.TieWeight(0, 1); !ok || w != 2 {
		t.Errorf("2012 A-B = %v %v, want 2", w, ok)
	}
	g = TieNetwork(d, "2014", "")
	if g.M() != 3 || g.Degree(1) != 2 {
		t.Errorf("2014: %d ties, B degree %d; want 3, 2", g.M(), g.Degree(1))
	}
	g = TieNetwork(d, "2014", "information")
	if g.M() != 2 {
		t.Errorf("2014 information: %d ties, want 2", g.M())
	}
	if _, err := OneMode(d, NetworkSpec{Basis: BasisTies}); err != nil {
		t.Error(err)
	}
	if _, err := OneMode(d, NetworkSpec{Basis: BasisTies, Wave: "2013"}); err == nil || err.Error() != `no ties in wave "2013" (waves: "2012", "2014")` {
		t.Errorf("missing wave: %v", err)
	}
}

func TestNetworkBasics(t *testing.T) {
	// Two components and an isolate: 0-1-2 path, 3-4, 5 alone; the 0-1
	// edge listed twice is merged (weights summed).
	g := NewNetwork(6, []Edge{{0, 1, 1}, {1, 2, 2}, {3, 4, 1}, {1, 0, 0.5}})
	if g.M() != 3 || g.N() != 6 {
		t.Fatalf("N, M = %d, %d", g.N(), g.M())
	}
	if w, _ := g.TieWeight(0, 1); w != 1.5 {
		t.Errorf("merged weight %v", w)
	}
	if s := g.Strength(1); s != 3.5 {
		t.Errorf("strength %v", s)
	}
	if d := g.Density(); math.Abs(d-3.0/15) > 1e-15 {
		t.Errorf("density %v", d)
	}
	label, n := g.Components()
	if n != 3 || label[2] != 0 || label[4] != 1 || label[5] != 2 {
		t.Errorf("components %v %d", label, n)
	}
	if LargestComponent(g) != 3 || Isolates(g) != 1 {
		t.Errorf("largest %d isolates %d", LargestComponent(g), Isolates(g))
	}
	// gonum view.
	if !g.HasEdgeBetween(2, 1) || g.HasEdgeBetween(0, 2) || g.Node(6) != nil {
		t.Error("gonum view")
	}
	if w, ok := g.Weight(1, 2); !ok || w != 2 {
		t.Error("gonum Weight")
	}
	if g.From(1).Len() != 2 {
		t.Error("gonum From")
	}
}
