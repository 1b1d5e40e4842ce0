package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDiversityR compares Blau, IQV and entropy with R's vegan
// (testdata/balance_ref.txt: diversity(x, "simpson"), that / (1 - 1/k),
// diversity(x, "shannon")).
func TestDiversityR(t *testing.T) {
	ref := readFitRef(t, "testdata/balance_ref.txt")
	for _, c := range readFitCases(t) {
		want, ok := ref["diversity "+c.name]
		if !ok {
			t.Fatalf("%s: no reference", c.name)
		}
		p := shares(c.obs)
		for i, got := range []float64{Blau(p), IQV(p, len(p)), Entropy(p)} {
			if !near(got, want[i], 1e-12) {
				t.Errorf("%s measure %d: got %.17g, want %.17g", c.name, i, got, want[i])
			}
		}
	}
}

// TestFitR compares the chi-square and exact multinomial tests with R
// (chisq.test and enumeration with dmultinom, testdata/balance_ref.txt)
// and with Python (scipy.stats.chisquare and enumeration in exact
// rational arithmetic, testdata/balance_exact.txt), and GoodnessOfFit's
// choice of method with the rule "exact when an expected count is under 5".
func TestFitR(t *testing.T) {
	r := readFitRef(t, "testdata/balance_ref.txt")
	py := readFitRef(t, "testdata/balance_exact.txt")
	for _, c := range readFitCases(t) {
		t.Run(c.name, func(t *testing.T) {
			x2, df, p := ChiSquareTest(c.obs, c.probs)
			rc, pc := r["chisq "+c.name], py["chisq "+c.name]
			// R counts categories with p = 0 in df and gets NaN from their
			// 0/0; scipy is given only the categories with p > 0, as here.
			if !same(x2, pc[0], 1e-12) || !near(p, pc[1], 1e-12) {
				t.Errorf("chi-square: got X² %.17g p %.17g, scipy %.17g %.17g", x2, p, pc[0], pc[1])
			}
			if !math.IsNaN(rc[0]) && !math.IsInf(x2, 1) {
				if !near(x2, rc[0], 1e-12) || float64(df) != rc[1] || !near(p, rc[2], 1e-12) {
					t.Errorf("chi-square: got X² %.17g df %d p %.17g, R %v", x2, df, p, rc)
				}
			}
			ep, pObs, ok := ExactMultinomial(c.obs, c.probs)
			re, pe := r["exact "+c.name], py["exact "+c.name]
			if !ok || !near(ep, re[0], 1e-12) || !near(pObs, re[1], 1e-12) || !near(ep, pe[0], 1e-12) || !near(pObs, pe[1], 1e-12) {
				t.Errorf("exact: got p %.17g P(obs) %.17g; R %v, Python %v", ep, pObs, re, pe)
			}
			ft := GoodnessOfFit(c.obs, c.probs)
			n, minE := 0, math.Inf(1)
			for _, x := range c.obs {
				n += x
			}
			for _, q := range c.probs {
				if q > 0 {
					minE = min(minE, float64(n)*q)
				}
			}
			wantMethod, wantP := TestExact, ep
			if minE >= 5 {
				wantMethod, wantP = TestChiSquare, p
			}
			if ft.Method != wantMethod || !near(ft.PValue, wantP, 1e-15) || !same(ft.Statistic, x2, 1e-15) || ft.DF != df {
				t.Errorf("GoodnessOfFit = %+v, want %v with p %v", ft, wantMethod, wantP)
			}
		})
	}
}

// TestExactByHand works the exact test of a small case by hand: 5 members
// against a key of thirds, seated 4, 1, 0.
//
//	P(4,1,0) = 5!/(4! 1! 0!) / 3^5 = 5/243.
//	Outcomes of 5 over 3 categories by type, with their probability × 243:
//	(5,0,0) ×3 outcomes: 1; (4,1,0) ×6: 5; (3,2,0) ×6: 10; (3,1,1) ×3: 20;
//	(2,2,1) ×3: 30. Those no more likely than 5/243: 3·1 + 6·5 = 33, so
//	p = 33/243 = 11/81.
func TestExactByHand(t *testing.T) {
	p, pObs, ok := ExactMultinomial([]int{4, 1, 0}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3})
	if !ok || !near(p, 11.0/81, 1e-12) || !near(pObs, 5.0/243, 1e-12) {
		t.Errorf("got p %v P(obs) %v, want 11/81 and 5/243", p, pObs)
	}
	// Of the 10 + 6·... outcomes of 9 members over thirds, (3,3,3) is the
	// most likely, so its p is 1; the order of the categories is
	// immaterial.
	if p, _, _ := ExactMultinomial([]int{3, 3, 3}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}); !near(p, 1, 1e-12) {
		t.Errorf("(3,3,3): p = %v, want 1", p)
	}
	a, _, _ := ExactMultinomial([]int{2, 3, 4}, []float64{.2, .3, .5})
	b, _, _ := ExactMultinomial([]int{4, 2, 3}, []float64{.5, .2, .3})
	if a != b && !near(a, b, 1e-13) {
		t.Errorf("order matters: %v vs %v", a, b)
	}
}

func TestFitEdgeCases(t *testing.T) {
	// No members, no categories: no test.
	for _, ft := range []FitTest{GoodnessOfFit([]int{0, 0}, []float64{.5, .5}), GoodnessOfFit(nil, nil)} {
		if ft.Method != TestNone || !math.IsNaN(ft.PValue) || !math.IsNaN(ft.Statistic) {
			t.Errorf("empty: %+v", ft)
		}
	}
	// One category: the only outcome, p = 1.
	if ft := GoodnessOfFit([]int{0, 7}, []float64{0, 1}); ft.Method != TestExact || ft.PValue != 1 || ft.DF != 0 {
		t.Errorf("one category: %+v", ft)
	}
	// A member where the key gives 0: impossible, p = 0 whatever the size.
	if ft := GoodnessOfFit([]int{30, 30, 1}, []float64{.5, .5, 0}); !ft.Impossible || ft.PValue != 0 || !math.IsInf(ft.Statistic, 1) || ft.Method != TestChiSquare {
		t.Errorf("impossible, large: %+v", ft)
	}
	if ft := GoodnessOfFit([]int{3, 1, 1}, []float64{.5, .5, 0}); !ft.Impossible || ft.PValue != 0 || ft.PObserved != 0 || ft.Method != TestExact {
		t.Errorf("impossible, small: %+v", ft)
	}
	// Too many outcomes for the exact test: 400 members over 5 categories
	// are C(404, 4) ≈ 1.1e9 outcomes; an expected count of 4 (1%) calls
	// for it, so chi-square stands in and says so.
	ft := GoodnessOfFit([]int{100, 100, 100, 96, 4}, []float64{.25, .25, .25, .24, .01})
	x2, _, p := ChiSquareTest([]int{100, 100, 100, 96, 4}, []float64{.25, .25, .25, .24, .01})
	if ft.Method != TestChiSquare || !ft.TooLarge || ft.PValue != p || ft.Statistic != x2 {
		t.Errorf("too large: %+v", ft)
	}
	if ft.MinExpected != 4 {
		t.Errorf("min expected %v, want 4", ft.MinExpected)
	}
}

func TestGoodnessOfFitPanics(t *testing.T) {
	for _, c := range []struct {
		obs   []int
		probs []float64
	}{
		{[]int{1, 2}, []float64{.5, .4}},
		{[]int{1}, []float64{.5, .5}},
		{[]int{1, 2}, []float64{1.5, -.5}},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "graph: ") {
					t.Errorf("%v %v: recovered %v, want a graph: panic", c.obs, c.probs, r)
				}
			}()
			GoodnessOfFit(c.obs, c.probs)
		}()
	}
}

func BenchmarkExactMultinomial20x6(b *testing.B) {
	obs := []int{5, 4, 3, 3, 3, 2}
	probs := []float64{.2, .2, .2, .15, .15, .1}
	for b.Loop() {
		ExactMultinomial(obs, probs)
	}
}

func BenchmarkExactMultinomial100x5(b *testing.B) {
	obs := []int{25, 15, 30, 26, 4}
	probs := []float64{.2, .15, .3, .32, .03}
	for b.Loop() {
		ExactMultinomial(obs, probs)
	}
}

// TestHypergeomUpper against exact fractions (testdata/hypergeom.txt,
// computed with Python's math.comb and fractions.Fraction).
func TestHypergeomUpper(t *testing.T) {
	for _, r := range readRef(t, "testdata/hypergeom.txt") {
		N, K, n, k := atoi(t, r[0]), atoi(t, r[1]), atoi(t, r[2]), atoi(t, r[3])
		want := atof(t, r[4])
		got := HypergeomUpper(N, K, n, k)
		if math.Abs(got-want) > 1e-10*want && math.Abs(got-want) > 1e-15 {
			t.Errorf("P(X >= %d | N %d K %d n %d) = %.17g, want %.17g", k, N, K, n, got, want)
		}
	}
}

// TestDrawMarkedLaw: every reduction of drawMarked (complement of the
// draws, complement of the marked, swapping the two, and none) samples the
// hypergeometric law: the empirical P(X >= k) of 20000 draws agrees with
// the exact tail (checked against exact fractions in TestHypergeomUpper)
// within 4.5 standard errors.
func TestDrawMarkedLaw(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const reps = 20000
	for _, c := range [][3]int{{40, 6, 10}, {40, 30, 10}, {40, 6, 33}, {40, 10, 6}, {40, 35, 31}, {12, 5, 4}} {
		N, K, n := c[0], c[1], c[2]
		count := map[int]int{}
		for range reps {
			x := drawMarked(r, N, K, n)
			if x < max(0, n-(N-K)) || x > min(n, K) {
				t.Fatalf("%v: draw %d outside the support", c, x)
			}
			count[x]++
		}
		for k := max(0, n-(N-K)); k <= min(n, K); k++ {
			ge := 0
			for x, m := range count {
				if x >= k {
					ge += m
				}
			}
			p := HypergeomUpper(N, K, n, k)
			emp := float64(ge) / reps
			if math.Abs(emp-p) > 4.5*math.Sqrt(p*(1-p)/reps)+1e-9 {
				t.Errorf("N %d K %d n %d: P(X >= %d) empirical %v, exact %v", N, K, n, k, emp, p)
			}
		}
	}
}

// TestAttributeSeed: the same seed gives the same p-value; another seed
// another estimate of the same exact p.
func TestAttributeSeed(t *testing.T) {
	ctx := context.Background()
	a, _ := Attribute(ctx, 14196, 900, 120, 8, 4999, 42)
	b, _ := Attribute(ctx, 14196, 900, 120, 8, 4999, 42)
	c, _ := Attribute(ctx, 14196, 900, 120, 8, 4999, 43)
	if a != b {
		t.Errorf("same seed, different results: %+v %+v", a, b)
	}
	if a.PValue == c.PValue {
		t.Errorf("seeds 42 and 43 gave the same p %v (possible but unlikely)", a.PValue)
	}
	for _, x := range []Attribution{a, c} {
		if math.Abs(x.PValue-x.PExact) > 4*math.Sqrt(x.PExact*(1-x.PExact)/4999)+1.0/5000 {
			t.Errorf("seed %d: permutation p %v, exact %v", x.Seed, x.PValue, x.PExact)
		}
	}
}
