package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestCentralityApprox generates a 3,000-organization dataset, runs
// centrality exactly and with --approx --epsilon 0.01 (with the default
// 0.004, sampling would cost more than the exact computation at this
// size), and checks every organization
// against the bounds printed on stderr: betweenness within ±ε and within
// its own betweenness_error, the mean distance implied by closeness within
// the closeness bound; and the other columns unchanged.
func TestCentralityApprox(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g")
	if code, _, errs := sectornet(t, "generate", "--orgs", "3000", "--seed", "4", "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	exact := csvRows(t, "centrality", dir, "--format", "csv")
	code, out, errs := sectornet(t, "centrality", dir, "--approx", "--epsilon", "0.01", "--format", "csv", "--seed", "2")
	if code != 0 {
		t.Fatal(errs)
	}
	mb := regexp.MustCompile(`: (\d+) shortest paths .* within ±([0-9.e-]+) of its exact value`).FindStringSubmatch(errs)
	mc := regexp.MustCompile(`(\d+) random sources .* within ±([0-9.e-]+) hops`).FindStringSubmatch(errs)
	if mb == nil || mc == nil {
		t.Fatalf("no bounds on stderr: %q", errs)
	}
	eps, _ := strconv.ParseFloat(mb[2], 64)
	bound, _ := strconv.ParseFloat(mc[2], 64)
	if eps != 0.01 || mc[1] != "500" {
		t.Errorf("ε = %v and %s sources, want 0.01 and the default 500", eps, mc[1])
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(rows[0], ","); h != "id,name,sector,degree,strength,betweenness,betweenness_error,closeness,eigenvector,pagerank" {
		t.Fatalf("header %s", h)
	}
	// Component sizes, for the mean distance f = (r-1)/((n-1) c).
	d, err := data.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := graph.OneMode(d, graph.NetworkSpec{})
	label, count := g.Components()
	size := make([]int, count)
	for _, l := range label {
		size[l]++
	}
	num := func(s string) float64 {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	n := float64(g.N())
	worstB, worstF := 0.0, 0.0
	for i, a := range rows[1:] {
		e := exact[a[0]]
		b, ba, errB := num(e[5]), num(a[5]), num(a[6])
		if dev := math.Abs(ba - b); dev > eps || dev > errB {
			t.Errorf("%s: betweenness %v, exact %v, ε %v, own bound %v", a[0], ba, b, eps, errB)
		}
		worstB = max(worstB, math.Abs(ba-b))
		if c, ca := num(e[6]), num(a[7]); c > 0 {
			r := float64(size[label[i]] - 1)
			dev := math.Abs(r/((n-1)*ca) - r/((n-1)*c))
			if dev > bound {
				t.Errorf("%s: mean distance off by %v, bound %v", a[0], dev, bound)
			}
			worstF = max(worstF, dev)
		}
		if strings.Join([]string{e[3], e[4], e[7], e[8]}, " ") != strings.Join([]string{a[3], a[4], a[8], a[9]}, " ") {
			t.Errorf("%s: other columns changed: %v vs %v", a[0], e, a)
		}
	}
	t.Logf("largest betweenness error %.3g (ε %v); largest mean-distance error %.3g hops (bound %v)", worstB, eps, worstF, bound)
}

// TestApproxExactFallback: on the small good dataset sampling would cost
// more than the exact computation, so --approx prints the exact values,
// says so, and gives betweenness_error 0.
func TestApproxExactFallback(t *testing.T) {
	exact := csvRows(t, "analyze", good, "--format", "csv")
	code, out, errs := sectornet(t, "analyze", good, "--approx", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(errs, "betweenness and closeness exact: sampling to ±0.004 would cost more") || strings.Contains(errs, "closeness sampled") {
		t.Errorf("stderr %q", errs)
	}
	approx := csvRowsOf(t, out)
	if h := strings.Join(approx[""], ","); h != "id,name,sector,degree,strength,betweenness,betweenness_error,closeness,eigenvector,pagerank,community" {
		t.Errorf("header %s", h)
	}
	for id, e := range exact {
		if id == "" {
			continue
		}
		a := approx[id]
		if a[5] != e[5] || a[6] != "0" || a[7] != e[6] {
			t.Errorf("%s: %v, exact %v", id, a, e)
		}
	}
}

func TestApproxErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"centrality", good, "--epsilon", "0.01"}, "sectornet: --epsilon applies with --approx\n"},
		{[]string{"analyze", good, "--sources", "9"}, "sectornet: --sources applies with --approx\n"},
		{[]string{"centrality", good, "--approx", "--paths", "weighted"}, "sectornet: --approx samples hop paths; with --paths weighted, betweenness and closeness are exact only\n"},
		{[]string{"centrality", good, "--approx", "--mode", "two"}, "sectornet: --approx applies to one-mode networks\n"},
		{[]string{"analyze", good, "--approx", "--epsilon", "1.5"}, "sectornet: --epsilon 1.5: want above 0 and below 1 (largest error of a sampled betweenness)\n"},
		{[]string{"analyze", good, "--approx", "--delta", "0"}, "sectornet: --delta 0: want above 0 and below 1 (probability that a bound fails)\n"},
		{[]string{"centrality", good, "--approx", "--sources", "1"}, "sectornet: --sources 1: want from 2 to 10000000 sources\n"},
	}
	for _, tt := range tests {
		code, _, errs := sectornet(t, tt.args...)
		if code != exitUsage || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %d, %q", tt.args, code, errs, exitUsage, tt.msg)
		}
	}
}

// TestInterrupted: a long command whose context is cancelled (Ctrl-C)
// stops, prints one line and exits 130, writing no output; analyze is
// cancelled part-way through Louvain on a generated dataset.
func TestInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g")
	if code, _, errs := sectornet(t, "generate", "--orgs", "2000", "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		{"analyze", dir, "--format", "csv"},
		{"centrality", dir, "--approx", "--epsilon", "0.01"},
		{"communities", dir},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var stdout, stderr bytes.Buffer
		code := run(ctx, &streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}, args)
		if code != exitInterrupted || stdout.Len() != 0 || stderr.String() != "sectornet: interrupted\n" {
			t.Errorf("%v: code %d, stdout %d bytes, stderr %q", args, code, stdout.Len(), stderr.String())
		}
	}
	// Cancelled in the middle of Louvain's local moving.
	a, _ := data.Load(os.DirFS(dir))
	g, _ := graph.OneMode(a, graph.NetworkSpec{})
	ctx, cancel := context.WithCancel(context.Background())
	_, err := graph.LouvainContext(ctx, g, 1, 1, func(level, sweep int) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Louvain cancelled after its first sweep: %v", err)
	}
}

// TestApproxTinyEpsilon: an ε so small that sampling would need more
// samples than there are pairs gives the exact values, not a stall or a
// panic.
func TestApproxTinyEpsilon(t *testing.T) {
	code, _, errs := sectornet(t, "centrality", good, "--approx", "--epsilon", "1e-300", "--format", "csv")
	if code != 0 || !strings.Contains(errs, "betweenness and closeness exact") {
		t.Errorf("code %d, stderr %q", code, errs)
	}
}
