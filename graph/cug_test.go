package graph

import (
	"bufio"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCUGSNA compares CUGTest with R sna cug.test (testdata/cug_ref.R and
// cug_ref.txt) on the sample's forum network and 2014 ties and on
// qap300's 2014 ties: the observed statistics exactly (to 1e-12; E-I,
// assortativity and clustering as computed in R from the adjacency matrix,
// igraph for the local clustering), and the null distribution's mean,
// quantiles and p-values within their Monte Carlo error, for cmode
// "edges" and "dyad.census" (one null model for undirected networks).
func TestCUGSNA(t *testing.T) {
	file := filepath.Join("testdata", "cug_ref.txt")
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type ref struct {
		name   string
		n      int
		groups []int
		edges  []Edge
		cug    map[string][][]float64 // statistic -> one row per cmode
	}
	var refs []*ref
	by := map[string]*ref{}
	num := func(s string) float64 {
		if s == "NaN" || s == "NA" {
			return math.NaN()
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		switch fs[0] {
		case "net":
			r := &ref{name: fs[1], n: int(num(fs[2])), cug: map[string][][]float64{}}
			refs = append(refs, r)
			by[r.name] = r
		case "node":
			by[fs[1]].groups = append(by[fs[1]].groups, int(num(fs[3])))
		case "edge":
			by[fs[1]].edges = append(by[fs[1]].edges, Edge{U: int(num(fs[2])), V: int(num(fs[3])), W: 1})
		case "cug":
			var row []float64
			for _, s := range fs[4:] {
				row = append(row, num(s))
			}
			by[fs[1]].cug[fs[2]] = append(by[fs[1]].cug[fs[2]], row)
		}
	}
	if len(refs) != 3 {
		t.Fatalf("%d networks in %s", len(refs), file)
	}
	for _, r := range refs {
		g := NewNetwork(r.n, r.edges)
		p := Groups{Label: r.groups, K: slices.Max(r.groups) + 1}
		stats := SectorStatistics(p)
		{
			reps := int(r.cug["density"][0][0])
			res, err := CUGTest(context.Background(), g, stats, CUGOptions{Reps: reps, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range res {
				for _, want := range r.cug[c.Statistic] {
					// want: reps obs ple pge mean sd min q025 q25 median q75 q975 max
					if !relNear(c.Observed, want[1], 1e-12) {
						t.Errorf("%s %s: observed %.15g, R %.15g", r.name, c.Statistic, c.Observed, want[1])
					}
					rf := float64(reps)
					for k, got := range []float64{c.PLessEq, c.PGreaterEq} {
						w := want[2+k]
						pm := (got + w) / 2
						if tol := 4.5*math.Sqrt(2*pm*(1-pm)/rf) + 2/rf; math.Abs(got-w) > tol {
							t.Errorf("%s %s: p %d = %.4f, R %.4f (tolerance %.4f)", r.name, c.Statistic, k, got, w, tol)
						}
					}
					sd := math.Max(c.SD, want[5])
					if sd == 0 {
						if c.Mean != want[4] || c.SD != 0 {
							t.Errorf("%s %s: mean %v sd %v, R %v %v", r.name, c.Statistic, c.Mean, c.SD, want[4], want[5])
						}
						continue
					}
					// Mean: SE sd/sqrt(reps) for each; quantiles: about
					// 2.7 sd/sqrt(reps) at 2.5% and 97.5% for a normal
					// statistic; allow 5 of each, and a little more for
					// discrete statistics.
					se := sd * math.Sqrt(2/rf)
					if math.Abs(c.Mean-want[4]) > 5*se {
						t.Errorf("%s %s: null mean %.6g, R %.6g (tolerance %.3g)", r.name, c.Statistic, c.Mean, want[4], 5*se)
					}
					if math.Abs(c.SD-want[5]) > 0.15*sd {
						t.Errorf("%s %s: null sd %.6g, R %.6g", r.name, c.Statistic, c.SD, want[5])
					}
					for k, got := range []float64{c.Q025, c.Median, c.Q975} {
						w := want[[]int{7, 9, 11}[k]]
						if math.Abs(got-w) > 5*2.7*se+0.1*sd {
							t.Errorf("%s %s: null quantile %d = %.6g, R %.6g", r.name, c.Statistic, k, got, w)
						}
					}
				}
			}
		}
	}
}

// TestCUGUniform: the random graphs keep the number of ties, dense ones
// (drawn as complements) too, and the same seed gives the same result on
// one and several goroutines.
func TestCUGUniform(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	seen := map[int64]struct{}{}
	for _, m := range []int{0, 1, 7, 22, 23, 44, 45} {
		es := uniformGraph(10, m, rng, seen, nil)
		g := NewNetwork(10, es)
		if g.M() != m {
			t.Errorf("m = %d: %d ties", m, g.M())
		}
	}
	r := loadRef(t, "karate")
	g, p := r.network(), r.partition()
	run := func(procs int) []CUGResult {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := CUGTest(context.Background(), g, SectorStatistics(p), CUGOptions{Reps: 200, Seed: 11})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if a, b := run(1), run(3); !reflect.DeepEqual(a, b) {
		t.Errorf("1 and 3 goroutines differ:\n%+v\n%+v", a, b)
	}
}
