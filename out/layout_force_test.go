package out

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// surveyNetwork is sparse and survey-shaped: two dense circles joined by a
// long chain, a separate pair and three isolates.
func surveyNetwork() *graph.Network {
	var es []graph.Edge
	for a := 0; a < 8; a++ {
		for b := a + 1; b < 8; b++ {
			es = append(es, graph.Edge{U: a, V: b, W: 1}, graph.Edge{U: 8 + a, V: 8 + b, W: 2})
		}
	}
	prev := 0
	for c := 16; c < 22; c++ { // the chain 0 - 16 - ... - 21 - 8
		es = append(es, graph.Edge{U: prev, V: c, W: 1})
		prev = c
	}
	es = append(es, graph.Edge{U: 21, V: 8, W: 1}, graph.Edge{U: 22, V: 23, W: 1})
	return graph.NewNetwork(27, es)
}

func TestForceLayoutDeterministic(t *testing.T) {
	g := surveyNetwork()
	x1, y1, err := ForceLayout(context.Background(), g, ForceOptions{Seed: 3, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	x2, y2, _ := ForceLayout(context.Background(), g, ForceOptions{Seed: 3, Workers: 2})
	if !slices.Equal(x1, x2) || !slices.Equal(y1, y2) {
		t.Error("one and two workers give different positions")
	}
	x3, _, _ := ForceLayout(context.Background(), g, ForceOptions{Seed: 4})
	if slices.Equal(x1, x3) {
		t.Error("the seed does not change the start")
	}
	// A larger random network takes the parallel path (256+ nodes).
	rng := rand.New(rand.NewPCG(1, 1))
	var es []graph.Edge
	for i := 1; i < 600; i++ {
		es = append(es, graph.Edge{U: rng.IntN(i), V: i, W: 1 + float64(rng.IntN(3))})
	}
	big := graph.NewNetwork(600, es)
	groups := make([]int, 600)
	for i := range groups {
		groups[i] = i % 7
	}
	a, b, _ := ForceLayout(context.Background(), big, ForceOptions{Seed: 1, Workers: 1, Groups: groups, Iterations: 60})
	c, d, _ := ForceLayout(context.Background(), big, ForceOptions{Seed: 1, Workers: 2, Groups: groups, Iterations: 60})
	if !slices.Equal(a, c) || !slices.Equal(b, d) {
		t.Error("one and two workers give different positions on 600 nodes")
	}
}

// TestForceLayoutShape checks what a reader of the map relies on: tied
// organizations closer than untied ones, the two circles apart, nothing
// lost far away (isolates and the separate pair within a few circle
// widths), every position finite.
func TestForceLayoutShape(t *testing.T) {
	g := surveyNetwork()
	x, y, err := ForceLayout(context.Background(), g, ForceOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dist := func(a, b int) float64 { return math.Hypot(x[a]-x[b], y[a]-y[b]) }
	mean := func(pairs [][2]int) float64 {
		s := 0.0
		for _, p := range pairs {
			s += dist(p[0], p[1])
		}
		return s / float64(len(pairs))
	}
	var within, across [][2]int
	for a := 0; a < 8; a++ {
		for b := 0; b < 8; b++ {
			if a < b {
				within = append(within, [2]int{a, b}, [2]int{8 + a, 8 + b})
			}
			across = append(across, [2]int{a, 8 + b})
		}
	}
	w, c := mean(within), mean(across)
	if !(w*2 < c) {
		t.Errorf("circles: mean distance %.3g within, %.3g across; want them apart", w, c)
	}
	for i := range x {
		if math.IsNaN(x[i]) || math.IsInf(x[i], 0) || math.IsNaN(y[i]) || math.IsInf(y[i], 0) {
			t.Fatalf("node %d at (%g, %g)", i, x[i], y[i])
		}
	}
	for _, i := range []int{22, 24, 25, 26} {
		if d := math.Hypot(x[i], y[i]); d > 6*c {
			t.Errorf("node %d is %.3g from the centre, the circles %.3g apart", i, d, c)
		}
	}
}

func TestForceLayoutCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := ForceLayout(ctx, surveyNetwork(), ForceOptions{}); err == nil {
		t.Error("a cancelled layout returned no error")
	}
	x, y, err := ForceLayout(context.Background(), graph.NewNetwork(0, nil), ForceOptions{})
	if err != nil || len(x) != 0 || len(y) != 0 {
		t.Error("the empty network")
	}
}
