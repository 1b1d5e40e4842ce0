package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// backboneHand is worked by hand below: a triangle 0-1-2 with a pendant
// 0-3, and a dyad 4-5.
func backboneHand() *Network {
	return NewNetwork(6, []Edge{
		{U: 0, V: 1, W: 6}, {U: 0, V: 2, W: 1}, {U: 0, V: 3, W: 1}, {U: 1, V: 2, W: 2}, {U: 4, V: 5, W: 1},
	})
}

// TestDisparityHand checks the disparity filter against values worked by
// hand from α_ij = (1 - w_ij/s_i)^(k_i - 1):
//
//	node 0: k=3, s=8: 0-1 (1-6/8)^2 = 0.0625, 0-2 and 0-3 (1-1/8)^2 = 0.765625
//	node 1: k=2, s=8: 1-0 (1-6/8) = 0.25,     1-2 (1-2/8) = 0.75
//	node 2: k=2, s=3: 2-0 (1-1/3) = 2/3,      2-1 (1-2/3) = 1/3
//	node 3, 4, 5: degree 1, no test (1)
//	tie 0-1 min(0.0625, 0.25) = 0.0625; 0-2 min(0.765625, 2/3) = 2/3;
//	0-3 0.765625; 1-2 min(0.75, 1/3) = 1/3; 4-5 1.
func TestDisparityHand(t *testing.T) {
	g := backboneHand()
	got := DisparityPValues(g)
	want := []float64{0.0625, 2.0 / 3, 0.765625, 1.0 / 3, 1}
	for k := range want {
		if !near(got[k], want[k], 1e-12) {
			t.Errorf("tie %v: α = %v, want %v", g.Edges()[k], got[k], want[k])
		}
	}
	tests := []struct {
		name    string
		b       Backbone
		kept    string
		orphans int
	}{
		// Only 0-1 is below 0.1; nodes 2, 3, 4, 5 lose every tie.
		{"disparity 0.1", DisparityBackbone(g, 0.1), "[0-1]", 4},
		{"disparity 0.5", DisparityBackbone(g, 0.5), "[0-1 1-2]", 3},
		{"min weight 2", MinWeightBackbone(g, 2), "[0-1 1-2]", 3},
		// The two heaviest, then the first weight-1 tie in index order.
		{"top 2", TopBackbone(g, 2), "[0-1 1-2]", 3},
		{"top 3", TopBackbone(g, 3), "[0-1 0-2 1-2]", 3},
		{"top 0", TopBackbone(g, 0), "[0-1 0-2 0-3 1-2 4-5]", 0},
	}
	for _, tt := range tests {
		var s []string
		for _, e := range tt.b.Edges {
			s = append(s, fmt.Sprintf("%d-%d", e.U, e.V))
		}
		if got := fmt.Sprint(s); got != tt.kept || tt.b.Orphans != tt.orphans || tt.b.Total != 5 {
			t.Errorf("%s: kept %s, orphans %d, total %d; want %s, %d, 5", tt.name, got, tt.b.Orphans, tt.b.Total, tt.kept, tt.orphans)
		}
	}
}

// TestDisparityKarate compares the closed form with the paper's Eq. 2
// integrated numerically by scipy (testdata/disparity.py) on the weighted
// karate club.
func TestDisparityKarate(t *testing.T) {
	r := loadRef(t, "karate")
	g := NewNetwork(len(r.groups), r.edges)
	got := DisparityPValues(g)
	want := loadAlphas(t)
	es := g.Edges()
	if len(want) != len(es) {
		t.Fatalf("%d reference ties, network has %d", len(want), len(es))
	}
	for k, e := range es {
		w := want[k]
		if w.u != e.U || w.v != e.V || w.w != e.W {
			t.Fatalf("tie %d: %v, reference %+v", k, e, w)
		}
		if !near(got[k], w.alpha, 1e-9) {
			t.Errorf("tie %d-%d: α = %.15g, scipy %.15g", e.U, e.V, got[k], w.alpha)
		}
	}
}

type refAlpha struct {
	u, v     int
	w, alpha float64
}

func loadAlphas(t *testing.T) []refAlpha {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "disparity.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var rs []refAlpha
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var r refAlpha
		if _, err := fmt.Sscanf(line, "alpha %d %d %g %g", &r.u, &r.v, &r.w, &r.alpha); err != nil {
			t.Fatalf("disparity.txt:%d: %v", i+1, err)
		}
		rs = append(rs, r)
	}
	return rs
}

func BenchmarkDisparityPValues(b *testing.B) {
	g, _ := benchNetwork(b)
	b.ResetTimer()
	for b.Loop() {
		DisparityPValues(g)
	}
}
