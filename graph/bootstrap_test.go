package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
)

// referenceBootstrapNetwork is Snijders and Borgatti's bootstrap sample
// written out plainly: the n×n matrix Y*[h][k] = Y[i(h)][i(k)], the pairs
// of copies of one node taking the tie of their drawn pair, as a Network
// of n positions with the groups of their nodes.
func referenceBootstrapNetwork(g *Network, p Groups, vs *vertexSample) (*Network, Groups) {
	n := g.N()
	y := make([][]bool, n)
	for h := range y {
		y[h] = make([]bool, n)
		for k := range y[h] {
			if h != k && vs.node[h] != vs.node[k] {
				_, y[h][k] = g.TieWeight(int(vs.node[h]), int(vs.node[k]))
			}
		}
	}
	for _, d := range vs.dup {
		_, ok := g.TieWeight(int(d.i), int(d.j))
		y[d.h][d.k], y[d.k][d.h] = ok, ok
	}
	var es []Edge
	for h := range n {
		for k := h + 1; k < n; k++ {
			if y[h][k] {
				es = append(es, Edge{U: h, V: k, W: 1})
			}
		}
	}
	lab := make([]int, n)
	for h, u := range vs.node {
		lab[h] = p.Label[u]
	}
	return NewNetwork(n, es), Groups{Label: lab, K: p.K}
}

// TestBootstrapReference checks the counting shortcut of the bootstrap
// against the plain construction: on 300 samples of the karate club and
// of a sparse network with isolates, every statistic of the sample equals
// the one the ordinary measures (Density, EIIndex, Assortativity,
// TieBlau) give on the sample's network built pair by pair.
func TestBootstrapReference(t *testing.T) {
	r := loadRef(t, "karate")
	sparse := NewNetwork(40, []Edge{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 5, 1}, {10, 11, 1}, {11, 12, 1}, {10, 12, 1}, {20, 21, 1}, {30, 31, 1}, {31, 32, 1}})
	lab := make([]int, 40)
	for i := range lab {
		lab[i] = i % 3
	}
	cases := []struct {
		name string
		g    *Network
		p    Groups
	}{{"karate", r.network(), r.partition()}, {"sparse", sparse, Groups{Label: lab, K: 3}}}
	for _, c := range cases {
		rng := rand.New(rand.NewPCG(1, 2))
		vs := &vertexSample{}
		bs := newBootScratch(c.g.N(), c.p.K)
		got := make([]float64, len(BootstrapStatistics))
		dups := 0
		for range 300 {
			vs.draw(c.g.N(), rng)
			dups += len(vs.dup)
			bs.stats(c.g, c.p, vs, got)
			bg, bp := referenceBootstrapNetwork(c.g, c.p, vs)
			want := []float64{bg.Density(), meanDegree(bg), EIIndex(bg, bp).Index, Assortativity(bg, bp), TieBlau(bg, bp)}
			for s, name := range BootstrapStatistics {
				if !relNear(got[s], want[s], 1e-12) {
					t.Fatalf("%s %s: %v, the plain sample network gives %v", c.name, name, got[s], want[s])
				}
			}
		}
		if dups == 0 {
			t.Errorf("%s: no sample drew a node twice", c.name)
		}
	}
}

// TestBootstrapCoverage checks the percentile intervals by simulation on
// two known generating models, 160 networks of 80 nodes each, 250
// bootstrap samples per network:
//
//   - blocks: each node's group drawn with probabilities 0.5, 0.3, 0.2,
//     each pair tied independently with probability 0.12 within a group and
//     0.04 between (a stochastic block model with random types). The true
//     density is θ = Σ π_a π_b p_ab = 0.38·0.12 + 0.62·0.04 = 0.0704, the
//     true E-I index (E - I)/(E + I) with E = 0.62·0.04, I = 0.38·0.12,
//     -0.2955. Most of the variance is in the dyads, which the vertex
//     bootstrap overstates (a tie of two nodes drawn twice each counts
//     four times), so its intervals are wide: they must cover at least 92%
//     of the time.
//   - activity: each node's activity a_i lognormal with mean 1 (σ = 0.9 on
//     the log scale), pairs tied with probability min(1, 0.05 a_i a_j), the
//     degree heterogeneity of survey networks. Here the variance is in the
//     nodes and the intervals must cover θ = E min(1, 0.05 a_i a_j)
//     (computed below from 400,000 pairs) between 90% and 99% of the time.
func TestBootstrapCoverage(t *testing.T) {
	const nets, n, reps = 160, 80, 250
	rng := rand.New(rand.NewPCG(42, 7))
	pi := []float64{0.5, 0.3, 0.2}
	same := 0.0
	for _, x := range pi {
		same += x * x
	}
	blockTheta := same*0.12 + (1-same)*0.04
	eTrue, iTrue := (1-same)*0.04, same*0.12
	blockEI := (eTrue - iTrue) / (eTrue + iTrue)
	const sigma, c = 0.9, 0.05
	activity := func() float64 { return math.Exp(sigma*rng.NormFloat64() - sigma*sigma/2) }
	actTheta := 0.0
	for range 400000 {
		actTheta += math.Min(1, c*activity()*activity())
	}
	actTheta /= 400000
	type model struct {
		name string
		tie  func(i, j int, lab []int, a []float64) float64
	}
	models := []model{
		{"blocks", func(i, j int, lab []int, a []float64) float64 {
			if lab[i] == lab[j] {
				return 0.12
			}
			return 0.04
		}},
		{"activity", func(i, j int, lab []int, a []float64) float64 { return math.Min(1, c*a[i]*a[j]) }},
	}
	for _, m := range models {
		covered := map[string]int{}
		for s := range nets {
			lab := make([]int, n)
			act := make([]float64, n)
			for i := range lab {
				u := rng.Float64()
				switch {
				case u < pi[0]:
					lab[i] = 0
				case u < pi[0]+pi[1]:
					lab[i] = 1
				default:
					lab[i] = 2
				}
				act[i] = activity()
			}
			var es []Edge
			for i := range n {
				for j := i + 1; j < n; j++ {
					if rng.Float64() < m.tie(i, j, lab, act) {
						es = append(es, Edge{U: i, V: j, W: 1})
					}
				}
			}
			b, err := VertexBootstrap(context.Background(), []*Network{NewNetwork(n, es)}, Groups{Label: lab, K: 3}, BootstrapOptions{Reps: reps, Seed: uint64(s)})
			if err != nil {
				t.Fatal(err)
			}
			for _, iv := range b.Networks[0] {
				truth := math.NaN()
				switch {
				case iv.Statistic == "density" && m.name == "blocks":
					truth = blockTheta
				case iv.Statistic == "ei_index" && m.name == "blocks":
					truth = blockEI
				case iv.Statistic == "density":
					truth = actTheta
				}
				if iv.Lower <= truth && truth <= iv.Upper {
					covered[iv.Statistic]++
				}
			}
		}
		for _, st := range []string{"density", "ei_index"} {
			if m.name == "activity" && st == "ei_index" {
				continue
			}
			cov := float64(covered[st]) / nets
			t.Logf("%s, %s: 95%% intervals cover the truth in %.1f%% of %d networks", m.name, st, 100*cov, nets)
			lo, hi := 0.92, 1.0
			if m.name == "activity" {
				lo, hi = 0.90, 0.99
			}
			if cov < lo || cov > hi {
				t.Errorf("%s, %s: coverage %.3f outside [%.2f, %.2f]", m.name, st, cov, lo, hi)
			}
		}
	}
}

// TestBootstrapDeterministic: the same seed gives the same intervals on
// one and three goroutines, and the change of a network against itself is
// zero in every sample.
func TestBootstrapDeterministic(t *testing.T) {
	r := loadRef(t, "karate")
	g, p := r.network(), r.partition()
	run := func(procs int) *Bootstrap {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		b, err := VertexBootstrap(context.Background(), []*Network{g, g}, p, BootstrapOptions{Reps: 200, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := run(1), run(3)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("1 and 3 goroutines differ")
	}
	for _, iv := range a.Change {
		if iv.Estimate != 0 || iv.Lower != 0 || iv.Upper != 0 || iv.SE != 0 {
			t.Errorf("%s: change of a network against itself %+v", iv.Statistic, iv)
		}
	}
	if d := a.Networks[0][0]; math.Abs(d.Mean-d.Estimate) > 3*d.SE/math.Sqrt(200)+0.01 {
		t.Errorf("density: bootstrap mean %v far from the estimate %v", d.Mean, d.Estimate)
	}
}

// TestTieBlauByHand: ties A(gov)-B(bus) and C(gov)-D(gov), E(bus) alone:
// tie ends gov 3, bus 1, so Blau = 1 - (3/4)² - (1/4)² = 0.375.
func TestTieBlauByHand(t *testing.T) {
	g := NewNetwork(5, []Edge{{0, 1, 1}, {2, 3, 1}})
	p := Groups{Label: []int{0, 1, 0, 0, 1}, K: 2}
	if b := TieBlau(g, p); math.Abs(b-0.375) > 1e-15 {
		t.Errorf("TieBlau = %v, want 0.375", b)
	}
	if b := TieBlau(NewNetwork(2, nil), Groups{Label: []int{0, 1}, K: 2}); !math.IsNaN(b) {
		t.Errorf("no ties: %v, want NaN", b)
	}
}
