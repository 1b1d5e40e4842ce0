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

// plantedDense is a dense network of two groups of n/2: pairs tied with
// probability pin within a group and pout across, weights 1 to 3.
func plantedDense(n int, pin, pout float64, seed uint64) *graph.Network {
	rng := rand.New(rand.NewPCG(seed, 2))
	var es []graph.Edge
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			p := pout
			if i < n/2 == (j < n/2) {
				p = pin
			}
			if rng.Float64() < p {
				es = append(es, graph.Edge{U: i, V: j, W: float64(1 + rng.IntN(3))})
			}
		}
	}
	return graph.NewNetwork(n, es)
}

// TestForceTieSample checks the sampled attraction of dense networks
// against the pull of every tie at the same positions: the sample keeps
// each node's ties or at least about c of them, and its error is that of
// an unbiased estimate, Σ_ij (1-p_ij)/p_ij |f_ij|² in expectation.
func TestForceTieSample(t *testing.T) {
	g := plantedDense(400, 0.9, 0.6, 1)
	const c = 32
	s := sampleTies(g, c, 7)
	n := g.N()
	kept := make([]int, n)
	for k := range s.u {
		kept[s.u[k]]++
		kept[s.v[k]]++
	}
	for i := 0; i < n; i++ {
		if want := min(g.Degree(i), c); kept[i] < want/2 {
			t.Errorf("node %d keeps %d of its %d ties", i, kept[i], g.Degree(i))
		}
	}
	// p_ij <= c/d_i + c/d_j, so at most n c ties in expectation.
	if len(s.u) > c*n {
		t.Errorf("the sample keeps %d of %d ties", len(s.u), g.M())
	}
	rng := rand.New(rand.NewPCG(3, 3))
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i] = rng.NormFloat64()*5, rng.NormFloat64()*5
	}
	ex, ey := make([]float64, n), make([]float64, n) // every tie
	var want float64                                 // the expected squared error
	for i := 0; i < n; i++ {
		ws := g.Weights(i)
		for k, j32 := range g.Neighbors(i) {
			j := int(j32)
			if j <= i {
				continue
			}
			vx, vy := x[j]-x[i], y[j]-y[i]
			f := ws[k] * math.Sqrt(vx*vx+vy*vy)
			ex[i] += vx * f
			ey[i] += vy * f
			ex[j] -= vx * f
			ey[j] -= vy * f
			p := math.Min(1, math.Max(float64(c)/float64(g.Degree(i)), float64(c)/float64(g.Degree(j))))
			want += 2 * (1 - p) / p * (vx*vx + vy*vy) * f * f
		}
	}
	sx, sy := make([]float64, n), make([]float64, n)
	s.pull(x, y, sx, sy, 1)
	var got, bias, scale float64
	for i := range sx {
		got += (sx[i]-ex[i])*(sx[i]-ex[i]) + (sy[i]-ey[i])*(sy[i]-ey[i])
		bias += sx[i] - ex[i]
		scale += math.Hypot(ex[i], ey[i])
	}
	// 800 nearly independent node errors: the ratio within 20% of 1.
	if r := got / want; r < 0.8 || r > 1.2 {
		t.Errorf("squared error %.4g, expected %.4g (ratio %.3f)", got, want, r)
	}
	// The x errors of 400 nodes sum to about sqrt(400) node errors.
	if sd := math.Sqrt(want / float64(2*n)); math.Abs(bias) > 4*sd*math.Sqrt(float64(n)) {
		t.Errorf("errors sum to %.4g in x, sd of one %.4g", bias, sd)
	}
	t.Logf("%d of %d ties kept; squared error %.4g, expected %.4g; rms error per node %.3g against mean pull %.3g",
		len(s.u), g.M(), got, want, math.Sqrt(got/float64(n)), scale/float64(n))
}

// TestForceLayoutDense lays out a dense network of two groups on a
// sample of its ties: the groups stay apart as on every tie, and the
// positions are the same for one and two workers.
func TestForceLayoutDense(t *testing.T) {
	g := plantedDense(400, 0.8, 0.1, 2)
	o := ForceOptions{Seed: 1, TieSample: 32, Workers: 1}
	if 2*g.M() <= 4*o.TieSample*g.N() {
		t.Fatalf("mean degree %d: not sampled", 2*g.M()/g.N())
	}
	x, y, err := ForceLayout(context.Background(), g, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Workers = 2
	x2, y2, _ := ForceLayout(context.Background(), g, o)
	if !slices.Equal(x, x2) || !slices.Equal(y, y2) {
		t.Error("one and two workers give different positions")
	}
	apart := func(x, y []float64) float64 {
		var in, across float64
		var nin, nacross int
		for i := 0; i < 400; i += 3 {
			for j := i + 1; j < 400; j += 3 {
				d := math.Hypot(x[i]-x[j], y[i]-y[j])
				if i < 200 == (j < 200) {
					in, nin = in+d, nin+1
				} else {
					across, nacross = across+d, nacross+1
				}
			}
		}
		return (across / float64(nacross)) / (in / float64(nin))
	}
	xa, ya, _ := ForceLayout(context.Background(), g, ForceOptions{Seed: 1, TieSample: -1})
	rs, ra := apart(x, y), apart(xa, ya)
	if rs < 1.5 || rs < 0.8*ra {
		t.Errorf("across/within distance %.3f on the sample, %.3f on every tie", rs, ra)
	}
	t.Logf("across/within distance %.3f on the sample, %.3f on every tie", rs, ra)
}
