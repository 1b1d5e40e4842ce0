package graph

import (
	"bufio"
	"context"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// readRef returns the fields of every non-comment line of a testdata file.
func readRef(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Fields(line))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	v, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// randomDataset reads testdata/random_dataset.txt, made by change_ref.py.
func randomDataset(t *testing.T) *Dataset {
	d := &Dataset{}
	score := func(s string) float64 {
		if s == "-" {
			return NoScore
		}
		return atof(t, s)
	}
	for _, r := range readRef(t, "testdata/random_dataset.txt") {
		switch r[0] {
		case "sector":
			d.Sectors = append(d.Sectors, Sector{ID: r[1]})
		case "org":
			d.Orgs = append(d.Orgs, Organization{ID: r[1], Name: r[1], Sector: r[2]})
		case "forum":
			d.Forums = append(d.Forums, Forum{ID: r[1], Name: r[1]})
			for _, m := range r[2:] {
				d.Memberships = append(d.Memberships, Membership{Org: m, Forum: r[1]})
			}
		case "meeting":
			d.Meetings = append(d.Meetings, Meeting{ID: r[1], Forum: r[2], Date: day(r[3])})
			for _, m := range r[4:] {
				d.Attendance = append(d.Attendance, Attendance{Meeting: r[1], Org: m})
			}
		case "tie":
			d.Ties = append(d.Ties, Tie{Source: r[2], Target: r[3], Wave: r[1], Type: r[4], Weight: 1, Trust: score(r[5]), Value: score(r[6])})
		}
	}
	return d
}

// TestRandomAgainstReference compares CompareWaves, FirstMeetings and
// Suggest on a random 40-organization dataset with values computed
// independently by testdata/change_ref.py (Python sets for the tie-change
// table, R sna::hdist for the Hamming distance, exact fractions for the
// hypergeometric p, networkx.adamic_adar_index for the suggestions).
func TestRandomAgainstReference(t *testing.T) {
	d := randomDataset(t)
	c, err := CompareWaves(context.Background(), d, ChangeOptions{From: "2012", To: "2014", Permutations: 199, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	f := FirstMeetings(d)
	ss, _, err := Suggest(d, SuggestOptions{Org: -1})
	if err != nil {
		t.Fatal(err)
	}
	aa := map[[2]string]float64{}
	for _, s := range ss {
		aa[[2]string{d.Orgs[s.A].ID, d.Orgs[s.B].ID}] = s.Score
	}
	oi := d.OrgIndex()
	si := d.SectorIndex()
	nAA, nFirst := 0, 0
	for _, r := range readRef(t, "testdata/random_ref.txt") {
		switch r[0] {
		case "counts":
			got := map[string]TieCounts{"all": c.All, "cross": c.CrossSector, "within": c.WithinSector}[r[1]]
			want := TieCounts{atoi(t, r[2]), atoi(t, r[3]), atoi(t, r[4]), atoi(t, r[5]), atoi(t, r[6])}
			checkCounts(t, r[1], got, want)
			if got.Hamming() != atoi(t, r[7]) || !near(got.Jaccard(), atof(t, r[8]), 1e-12) {
				t.Errorf("%s: hamming %d jaccard %v; want %s %s", r[1], got.Hamming(), got.Jaccard(), r[7], r[8])
			}
		case "sectorpair":
			a, b := si[r[1]], si[r[2]]
			want := SectorPairChange{a, b, TieCounts{atoi(t, r[3]), atoi(t, r[4]), atoi(t, r[5]), atoi(t, r[6]), atoi(t, r[7])}}
			if !slices.Contains(c.SectorPairs, want) {
				t.Errorf("sector pair %s-%s: want %v in %v", r[1], r[2], want, c.SectorPairs)
			}
		case "hdist":
			if c.All.Hamming() != atoi(t, r[1]) {
				t.Errorf("Hamming %d, R sna hdist %s", c.All.Hamming(), r[1])
			}
		case "attribution":
			a := map[string]Attribution{"all": c.Attribution, "cross": c.CrossAttribution}[r[1]]
			cand, marked, n, k := atoi(t, r[2]), atoi(t, r[3]), atoi(t, r[4]), atoi(t, r[5])
			p := atof(t, r[6])
			if a.Candidates != cand || a.Coparticipants != marked || a.New != n || a.NewCoparticipant != k ||
				math.Abs(a.PExact-p) > 1e-9*p {
				t.Errorf("attribution %s: %+v; want %v", r[1], a, r[2:])
			}
			if a.PValue != 1.0/200 {
				t.Errorf("attribution %s: permutation p %v, want 1/200 (exact p is %v)", r[1], a.PValue, p)
			}
		case "newforum":
			if c.NewAmongForumMembers != atoi(t, r[1]) || c.NewAmongMeetingAttendees != atoi(t, r[3]) {
				t.Errorf("new among forum members %d, meeting attendees %d; want %s %s", c.NewAmongForumMembers, c.NewAmongMeetingAttendees, r[1], r[3])
			}
		case "newcomers":
			var got []string
			for _, o := range c.OrgChanges {
				if o.Newcomer {
					got = append(got, d.Orgs[o.Org].ID)
				}
			}
			if !slices.Equal(got, r[1:]) {
				t.Errorf("newcomers %v, want %v", got, r[1:])
			}
		case "org":
			o := c.OrgChanges[oi[r[1]]]
			got := []int{o.Before, o.After, o.New, o.Dissolved, o.Kept, o.NewCrossSector}
			want := []int{atoi(t, r[2]), atoi(t, r[3]), atoi(t, r[4]), atoi(t, r[5]), atoi(t, r[6]), atoi(t, r[7])}
			if !slices.Equal(got, want) {
				t.Errorf("org %s: %v, want %v", r[1], got, want)
			}
		case "wave":
			w := c.Before
			if r[1] == c.To {
				w = c.After
			}
			if w.Ties != atoi(t, r[2]) || !near(w.EI, atof(t, r[3]), 1e-12) || !near(w.Density, atof(t, r[4]), 1e-12) || !near(w.MeanDegree, atof(t, r[5]), 1e-12) {
				t.Errorf("wave %s: %+v, want %v", r[1], w, r[2:])
			}
		case "scores":
			s := c.Scores.Before.All
			if r[1] == c.To {
				s = c.Scores.After.All
			}
			checkScore(t, "wave "+r[1], s, ScoreMean{atoi(t, r[2]), atoi(t, r[3]), atof(t, r[4]), atoi(t, r[5]), atof(t, r[6])})
		case "aa":
			nAA++
			got, ok := aa[[2]string{r[1], r[2]}]
			if !ok || !near(got, atof(t, r[3]), 1e-9) {
				t.Errorf("Adamic-Adar %s-%s: %v (suggested %v), networkx %s", r[1], r[2], got, ok, r[3])
			}
		case "first":
			m := f.Meetings[nFirst]
			nFirst++
			got := []string{d.Meetings[m.Meeting].ID, strconv.Itoa(m.NewPairs), strconv.Itoa(m.NewCrossSector), strconv.Itoa(m.Cumulative), strconv.Itoa(m.CumulativeCross)}
			if !slices.Equal(got, r[1:]) {
				t.Errorf("first meetings: %v, want %v", got, r[1:])
			}
		}
	}
	if nAA != len(ss) {
		t.Errorf("%d suggestions, networkx scored %d pairs", len(ss), nAA)
	}
	if nFirst != len(f.Meetings) {
		t.Errorf("%d meetings, reference %d", len(f.Meetings), nFirst)
	}
}
