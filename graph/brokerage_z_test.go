package graph

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestBrokerageSignificanceSNA compares the expected counts, standard
// deviations and z-scores of the brokerage roles, per node and for the
// network, with R sna brokerage() (testdata/brokerage_ref.R and
// brokerage_ref.txt) on the 2014 ties of the sample dataset and of qap300
// by sector, and on the karate club with four groups.
func TestBrokerageSignificanceSNA(t *testing.T) {
	file := filepath.Join("testdata", "brokerage_ref.txt")
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type net struct {
		n      int
		groups []int
		edges  []Edge
		nli    map[[2]int][4]float64 // role, node -> raw exp sd z
		gli    map[int][4]float64
	}
	nets := map[string]*net{}
	var order []string
	num := func(s string) float64 {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			if s == "NaN" || s == "NA" {
				return math.NaN()
			}
			if s == "Inf" {
				return math.Inf(1)
			}
			if s == "-Inf" {
				return math.Inf(-1)
			}
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
			nets[fs[1]] = &net{n: int(num(fs[2])), nli: map[[2]int][4]float64{}, gli: map[int][4]float64{}}
			order = append(order, fs[1])
		case "node":
			nets[fs[1]].groups = append(nets[fs[1]].groups, int(num(fs[3])))
		case "edge":
			nets[fs[1]].edges = append(nets[fs[1]].edges, Edge{U: int(num(fs[2])), V: int(num(fs[3])), W: 1})
		case "nli":
			role := slices.Index(BrokerageColumns[:], fs[2])
			nets[fs[1]].nli[[2]int{role, int(num(fs[3]))}] = [4]float64{num(fs[4]), num(fs[5]), num(fs[6]), num(fs[7])}
		case "gli":
			role := slices.Index(BrokerageColumns[:], fs[2])
			nets[fs[1]].gli[role] = [4]float64{num(fs[3]), num(fs[4]), num(fs[5]), num(fs[6])}
		}
	}
	if len(order) != 3 {
		t.Fatalf("%d networks in %s", len(order), file)
	}
	same := func(a, b float64) bool {
		if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
			return a == b || (math.IsNaN(a) && math.IsNaN(b))
		}
		return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
	}
	for _, name := range order {
		nt := nets[name]
		k := slices.Max(nt.groups) + 1
		bt := BrokerageSignificance(NewNetwork(nt.n, nt.edges), Groups{Label: nt.groups, K: k})
		check := func(what string, s BrokerageScores, want map[int][4]float64) {
			for role := range 6 {
				w := want[role]
				got := [4]float64{s.Observed[role], s.Expected[role], s.SD[role], s.Z[role]}
				for q := range 4 {
					if !same(got[q], w[q]) {
						t.Errorf("%s %s %s: %v, sna %v", name, what, BrokerageColumns[role], got, w)
						break
					}
				}
			}
		}
		check("network", bt.Network, nt.gli)
		for i := range nt.n {
			want := map[int][4]float64{}
			for role := range 6 {
				want[role] = nt.nli[[2]int{role, i}]
			}
			check("node "+strconv.Itoa(i), bt.Nodes[i], want)
		}
	}
}
