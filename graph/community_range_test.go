package graph

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLouvainRange: Louvain is a heuristic, and NetworkX's and igraph's
// runs reach different modularities with different seeds
// (testdata/louvain_range.txt, from louvain_range.py: ten seeds each).
// sectornet's ten seeds reach modularities in the same range: its worst
// run and its median within 0.005 of their worst and lower median, its
// best within 0.01 of their best. It is not always at their best (karate:
// 0.4449, as theirs; twins: 0.5311 against 0.5316) nor its worst run at
// their worst (karate: 0.4260 against 0.4266).
func TestLouvainRange(t *testing.T) {
	f, err := os.Open("testdata/louvain_range.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type rng struct{ min, median, max float64 }
	ref := map[string][]rng{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 6 || fs[0] != "range" {
			continue
		}
		var r rng
		for i, p := range []*float64{&r.min, &r.median, &r.max} {
			if *p, err = strconv.ParseFloat(fs[3+i], 64); err != nil {
				t.Fatal(err)
			}
		}
		ref[fs[1]] = append(ref[fs[1]], r)
	}
	for _, name := range []string{"karate", "twins", "longchains"} {
		g := loadRef(t, name).network()
		var q []float64
		for seed := uint64(1); seed <= 10; seed++ {
			q = append(q, Modularity(g, Louvain(g, 1, seed), 1))
		}
		slices.Sort(q)
		median := (q[4] + q[5]) / 2
		theirs := ref[name]
		if len(theirs) != 2 {
			t.Fatalf("%s: %d reference ranges", name, len(theirs))
		}
		worst := min(theirs[0].min, theirs[1].min)
		lowMedian := min(theirs[0].median, theirs[1].median)
		best := max(theirs[0].max, theirs[1].max)
		t.Logf("%s: sectornet %.4f / %.4f / %.4f (min / median / max), NetworkX %.4f / %.4f / %.4f, igraph %.4f / %.4f / %.4f",
			name, q[0], median, q[9], theirs[0].min, theirs[0].median, theirs[0].max, theirs[1].min, theirs[1].median, theirs[1].max)
		if q[0] < worst-0.005 || median < lowMedian-0.005 || q[9] < best-0.01 {
			t.Errorf("%s: modularity %v (min %v, median %v) outside the range of NetworkX and igraph [%v, %v], median %v",
				name, q, q[0], median, worst, best, lowMedian)
		}
	}
}
