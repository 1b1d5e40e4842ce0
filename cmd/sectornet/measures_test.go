package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

// csvRows runs a command and returns its CSV output keyed by the first
// column, with the header under "".
func csvRows(t *testing.T, args ...string) map[string][]string {
	t.Helper()
	code, out, errs := sectornet(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return csvRowsOf(t, out)
}

// csvRowsOf returns CSV text keyed by the first column, with the header
// under "".
func csvRowsOf(t *testing.T, out string) map[string][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]string{"": rows[0]}
	for _, r := range rows[1:] {
		m[r[0]] = r
	}
	return m
}

func checkRow(t *testing.T, what string, got []string, from int, want ...string) {
	t.Helper()
	if strings.Join(got[from:from+len(want)], " ") != strings.Join(want, " ") {
		t.Errorf("%s: got %v, want %v from column %d", what, got, want, from)
	}
}

// The good dataset's forum network, worked by hand: ties A-B 1, A-C 2,
// A-D 1, B-C 1, C-D 2, E alone; sectors A gov, B bus, C and D npo, E aca.

func TestCentralityCommand(t *testing.T) {
	rows := csvRows(t, "centrality", good, "--format", "csv")
	if h := strings.Join(rows[""], ","); h != "id,name,sector,degree,strength,betweenness,closeness,eigenvector,pagerank" {
		t.Errorf("header %q", h)
	}
	// B-D is the only open pair in A-D, bridged by A and C: 1/2 each over
	// (n-1)(n-2)/2 = 6. Closeness (Wasserman-Faust, n = 5): A reaches 3 at
	// distance 1, (3/3)(3/4).
	checkRow(t, "A", rows["A"], 3, "3", "4", "0.08333333333333333", "0.75")
	checkRow(t, "E", rows["E"], 3, "0", "0", "0", "0", "0")
	// Weighted paths: lengths 1/w (A-C and C-D 1/2, the others 1). B-D:
	// B-C-D costs 3/2, B-A-D 2, so C takes the whole pair; A-D: the tie
	// (1) and A-C-D (1/2 + 1/2) tie, so C takes half. (1 + 1/2)/6.
	rows = csvRows(t, "centrality", good, "--format", "csv", "--paths", "weighted")
	checkRow(t, "C weighted", rows["C"], 5, "0.25")
	checkRow(t, "A weighted", rows["A"], 5, "0")
}

// TestCentralityTwoMode checks the two-mode rows against NetworkX's
// bipartite centralities of the same affiliation (graph/testdata/handaff.txt).
func TestCentralityTwoMode(t *testing.T) {
	rows := csvRows(t, "centrality", good, "--mode", "two", "--format", "csv")
	if h := strings.Join(rows[""], ","); h != "id,kind,degree,betweenness,closeness" {
		t.Errorf("header %q", h)
	}
	checkRow(t, "A", rows["A"], 1, "org", "0.6666666666666666", "0.10416666666666666", "0.8571428571428571")
	checkRow(t, "E", rows["E"], 1, "org", "0", "0", "0")
	// 3 × (1/5), the way NetworkX computes it, is 0.6000000000000001.
	checkRow(t, "F1", rows["F1"], 1, "forum", "0.6000000000000001", "0.30701754385964913", "0.7714285714285714")
}

func TestSectorsCommand(t *testing.T) {
	code, out, errs := sectornet(t, "sectors", good, "--format", "json", "--permutations", "2000")
	if code != 0 {
		t.Fatal(errs)
	}
	var v struct {
		EI          float64 `json:"ei_index"`
		External    int     `json:"external_ties"`
		Internal    int     `json:"internal_ties"`
		Density     float64 `json:"density"`
		Permutation struct {
			Expected float64 `json:"expected"`
			Reps     int     `json:"permutations"`
			PLess    float64 `json:"p_less_equal"`
		} `json:"permutation_test"`
		Sectors []struct {
			Sector string   `json:"sector"`
			Orgs   int      `json:"orgs"`
			EI     *float64 `json:"ei_index"`
		} `json:"sectors"`
		Mixing struct {
			Ties [][]int `json:"ties"`
		} `json:"mixing"`
		Orgs []struct {
			ID string   `json:"id"`
			EI *float64 `json:"ei_index"`
		} `json:"organizations"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	// Only C-D stays within a sector: E = 4, I = 1, (4-1)/5.
	if v.EI != 0.6 || v.External != 4 || v.Internal != 1 || v.Density != 0.5 {
		t.Errorf("network: %+v", v)
	}
	// Sizes 1,1,2,1 of 5: P(a tie is internal) = 2/20, expected 1 - 2/10.
	if v.Permutation.Expected != 0.8 || v.Permutation.Reps != 2000 {
		t.Errorf("permutation: %+v", v.Permutation)
	}
	// E = 4 or 5 under reassignment: P(E <= 4) is the chance that the two
	// npo labels land on a tied pair, 5 ties of 10 pairs = 1/2.
	if p := v.Permutation.PLess; p < 0.45 || p > 0.55 {
		t.Errorf("p_less_equal %v, want about 0.5", p)
	}
	if len(v.Sectors) != 4 || v.Sectors[2].Sector != "npo" || *v.Sectors[2].EI != 0.5 || v.Sectors[3].EI != nil {
		t.Errorf("sectors: %+v", v.Sectors)
	}
	if v.Mixing.Ties[0][2] != 2 || v.Mixing.Ties[2][2] != 1 {
		t.Errorf("mixing: %v", v.Mixing.Ties)
	}
	// C: inside C-D, outside A, B: (2-1)/3.
	if v.Orgs[2].ID != "C" || *v.Orgs[2].EI != 1.0/3 || v.Orgs[4].EI != nil {
		t.Errorf("organizations: %+v", v.Orgs)
	}
}

func TestBrokersCommand(t *testing.T) {
	rows := csvRows(t, "brokers", good, "--format", "csv")
	if h := strings.Join(rows[""], ","); h != "id,sector,coordinator,itinerant,gatekeeper,representative,liaison,total,constraint,effective_size,efficiency,hierarchy,partner_blau,partner_iqv" {
		t.Errorf("header %q", h)
	}
	// A (gov) bridges B (bus) and D (npo): B→A→D and D→A→B are liaisons.
	checkRow(t, "A", rows["A"], 2, "0", "0", "0", "0", "2", "2")
	// C (npo) bridges B (bus) and D (npo): B→C→D gatekeeping, D→C→B
	// representation.
	checkRow(t, "C", rows["C"], 2, "0", "0", "1", "1", "0", "2")
	// B's contacts A (1) and C (1): p = 1/2 each; A-C also tied, with
	// p_AC = 2/4 and p_CA = 2/5: constraint (1/2 + 1/2·2/5)² +
	// (1/2 + 1/2·1/2)² = 0.49 + 0.5625; effective size 2 minus the
	// redundancy 1/2·(2/2) of A through C and 1/2·(2/2) of C through A.
	checkRow(t, "B", rows["B"], 8, "1.0525", "1")
	checkRow(t, "E", rows["E"], 8, "", "", "", "", "", "")
	// B's efficiency is effective size per partner, 1/2. Its hierarchy:
	// contributions c_A = 0.49 and c_C = 0.5625 to C = 1.0525, r_j =
	// c_j/(C/2), H = Σ r ln r / (2 ln 2) = 0.0034254711626161448
	// (/usr/bin/python3). Its partners A (gov) and C (npo): shares 1/2,
	// Blau 1/2, IQV (1/2)/(1 - 1/4) = 2/3 over the 4 sectors.
	checkRow(t, "B", rows["B"], 10, "0.5")
	if h, err := strconv.ParseFloat(rows["B"][11], 64); err != nil || math.Abs(h-0.0034254711626161448) > 1e-15 {
		t.Errorf("B hierarchy %q", rows["B"][11])
	}
	checkRow(t, "B", rows["B"], 12, "0.5", "0.6666666666666666")
}

func TestCommunitiesCommand(t *testing.T) {
	code, out, errs := sectornet(t, "communities", good, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	// One community for A-D (splitting them lowers Q below 0) and E alone.
	for _, want := range []string{"communities,2\n", "modularity,0\n", "seed,1\n",
		"0,4,1,1,2,0,npo,0.5\n", "1,1,0,0,0,1,aca,1\n", "E,Epsilon University,aca,1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}

func TestMeasureCommandErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"centrality", good, "--mode", "three"}, "sectornet: unknown mode \"three\" (want one or two)\n"},
		{[]string{"centrality", good, "--mode", "two", "--basis", "ties"}, "sectornet: --mode two needs --basis forums or meetings: reported ties are one-mode\n"},
		{[]string{"centrality", good, "--mode", "two", "--weight", "newman"}, "sectornet: --weight applies to one-mode networks; the two-mode network is unweighted\n"},
		{[]string{"centrality", good, "--paths", "long"}, "sectornet: unknown paths \"long\" (want hops or weighted)\n"},
		{[]string{"sectors", good, "--permutations", "-1"}, "sectornet: --permutations -1: want from 0 to 1000000 permutations (0 skips the test)\n"},
		{[]string{"communities", good, "--resolution", "0"}, "sectornet: --resolution 0: want above 0 and at most 1000 (modularity resolution γ)\n"},
		{[]string{"brokers", good, "--basis", "ties", "--wave", "1999"}, "sectornet: no ties in wave \"1999\" (waves: \"2012\", \"2014\")\n"},
	}
	for _, tt := range tests {
		code, _, errs := sectornet(t, tt.args...)
		if code != exitUsage || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %d, %q", tt.args, code, errs, exitUsage, tt.msg)
		}
	}
}
