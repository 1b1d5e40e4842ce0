package graph

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// affiliationOf builds an affiliation from a 0/1 matrix, rows
// organizations, columns groups.
func affiliationOf(m [][]int) *Affiliation {
	var pairs [][2]int
	for i, row := range m {
		for k, x := range row {
			if x != 0 {
				pairs = append(pairs, [2]int{i, k})
			}
		}
	}
	return NewAffiliation(len(m), len(m[0]), pairs)
}

// The worked example of the backbone package's bicm (R backbone 2.1.3,
// inst/tinytest/test_backbone.R, "BICM"):
//
//	M <- rbind(c(0,0,1),c(0,1,0),c(1,0,1))
//	round(bicm(M),3) == rbind(c(.216,.216,.568),c(.216,.216,.568),c(.568,.568,.863))
//
// Checked by hand too: rows and columns of degree 1 have fitness x, those of
// degree 2 fitness z; the row equations are 2x²/(1+x²) + xz/(1+xz) = 1 and
// 2xz/(1+xz) + z²/(1+z²) = 2; x = 0.5247, z = 2.5106 solve them, giving
// x² / (1+x²) = 0.2159, xz/(1+xz) = 0.5685, z²/(1+z²) = 0.8631.
func TestBiCMBackboneExample(t *testing.T) {
	a := affiliationOf([][]int{{0, 0, 1}, {0, 1, 0}, {1, 0, 1}})
	b := FitBiCM(a)
	want := [][]float64{{.216, .216, .568}, {.216, .216, .568}, {.568, .568, .863}}
	for i := range want {
		for k := range want[i] {
			if got := b.Prob(i, k); math.Abs(got-want[i][k]) > 0.0005 {
				t.Errorf("p[%d][%d] = %.4f, backbone's bicm gives %.3f", i, k, got, want[i][k])
			}
		}
	}
	if b.Residual > 1e-12 {
		t.Errorf("residual %g", b.Residual)
	}
}

// rnaUpper is backbone's pb(k, p, lowertail = FALSE): the refined normal
// approximation of Hong (2013) to P(X >= k) for a Poisson-binomial X, as
// R/pb.R computes it, truncated to [0, 1].
func rnaUpper(k float64, p []float64) float64 {
	mu, s2, g := 0.0, 0.0, 0.0
	for _, q := range p {
		mu += q
		s2 += q * (1 - q)
		g += q * (1 - q) * (1 - 2*q)
	}
	sigma := math.Sqrt(s2)
	x := (k - 1 + .5 - mu) / sigma
	phi := math.Exp(-x*x/2) / math.Sqrt(2*math.Pi)
	up := 0.5*math.Erfc(x/math.Sqrt2) - g/(6*sigma*sigma*sigma)*(1-x*x)*phi
	return math.Min(1, math.Max(0, up))
}

// The worked example of backbone's sdsm (test_backbone.R, "SDSM"):
//
//	M <- rbind(c(1,0,1,1),c(0,1,0,0),c(1,0,0,1))
//	sdsm(M, alpha = NULL, missing.as.zero = TRUE, signed = TRUE)$Pupper
//	  rounds to rbind(c(.432,.977,.549),c(.977,.304,.972),c(.549,.972,.329))
//
// backbone computes those with the normal approximation; from our BiCM
// probabilities the same approximation gives the same nine values, and the
// exact tail of the one observed tie (rows 1 and 3 share 2 groups) is
// close to it.
func TestSDSMBackboneExample(t *testing.T) {
	M := [][]int{{1, 0, 1, 1}, {0, 1, 0, 0}, {1, 0, 0, 1}}
	a := affiliationOf(M)
	b := FitBiCM(a)
	want := [][]float64{{.432, .977, .549}, {.977, .304, .972}, {.549, .972, .329}}
	for i := range 3 {
		for j := range 3 {
			w := 0
			var q []float64
			for k := range 4 {
				w += M[i][k] * M[j][k]
				q = append(q, b.Prob(i, k)*b.Prob(j, k))
			}
			if got := rnaUpper(float64(w), q); math.Abs(got-want[i][j]) > 0.0005 {
				t.Errorf("Pupper[%d][%d] = %.4f, backbone gives %.3f", i, j, got, want[i][j])
			}
		}
	}
	p := SDSM(a)
	if len(p) != 1 {
		t.Fatalf("%d p-values, want 1 (one observed tie)", len(p))
	}
	if math.Abs(p[0]-0.549) > 0.03 {
		t.Errorf("exact p = %.4f, far from backbone's approximate .549", p[0])
	}
}

// TestAdjustPValues checks Holm and Benjamini-Hochberg against R 4's
// p.adjust on the example of its help page's style, worked by hand:
//
//	p <- c(0.01, 0.04, 0.03, 0.005, NA)
//	p.adjust(p, "holm") = 0.03 0.06 0.06 0.02 NA
//	  sorted 0.005 0.01 0.03 0.04 times 4 3 2 1 = 0.02 0.03 0.06 0.04,
//	  running max 0.02 0.03 0.06 0.06
//	p.adjust(p, "BH")   = 0.02 0.04 0.04 0.02 NA
//	  sorted times 4/1 4/2 4/3 4/4 = 0.02 0.02 0.04 0.04, running min from
//	  the top 0.02 0.02 0.04 0.04
func TestAdjustPValues(t *testing.T) {
	p := []float64{0.01, 0.04, 0.03, 0.005, math.NaN()}
	for _, c := range []struct {
		m    Correction
		want []float64
	}{
		{CorrectNone, []float64{0.01, 0.04, 0.03, 0.005}},
		{CorrectHolm, []float64{0.03, 0.06, 0.06, 0.02}},
		{CorrectBH, []float64{0.02, 0.04, 0.04, 0.02}},
	} {
		got := AdjustPValues(p, c.m)
		for i, w := range c.want {
			if math.Abs(got[i]-w) > 1e-15 {
				t.Errorf("%v: p[%d] = %v, want %v", c.m, i, got[i], w)
			}
		}
		if !math.IsNaN(got[4]) {
			t.Errorf("%v: NaN became %v", c.m, got[4])
		}
	}
}

// TestFDSMExact compares FDSM's sampled p-values with the exact ones of
// testdata/fdsm_exact.txt (every matrix with the margins enumerated by
// fdsm_ref.py), within 4.5 standard errors of a share of 20000 trials.
func TestFDSMExact(t *testing.T) {
	c := loadFDSMExact(t)
	const trials = 20000
	p, err := FDSM(context.Background(), c.a, FDSMOptions{Trials: trials, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	es := c.a.Project(WeightCount).Edges()
	if len(es) != len(c.ties) {
		t.Fatalf("%d ties, reference %d", len(es), len(c.ties))
	}
	for k, e := range es {
		want := c.ties[[2]int{e.U, e.V}][1]
		se := math.Sqrt(want*(1-want)/trials) + 1e-12
		if math.Abs(p[k]-want) > 4.5*se {
			t.Errorf("tie %d-%d: p = %.4f, exact %.4f (±%.4f)", e.U, e.V, p[k], want, se)
		}
	}
	// Same seed, same values; the values do not depend on the cores.
	q, _ := FDSM(context.Background(), c.a, FDSMOptions{Trials: trials, Seed: 7})
	if !slices.Equal(p, q) {
		t.Error("same seed, different p-values")
	}
}

func loadFDSMExact(t *testing.T) sdsmCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "fdsm_exact.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := sdsmCase{ties: map[[2]int][3]float64{}}
	var pairs [][2]int
	n, m := 0, 0
	for _, l := range strings.Split(string(b), "\n") {
		fs := strings.Fields(l)
		if len(fs) == 0 || fs[0] == "#" {
			continue
		}
		x := make([]float64, len(fs)-1)
		for i, s := range fs[1:] {
			x[i], _ = strconv.ParseFloat(s, 64)
		}
		switch fs[0] {
		case "dims":
			n, m = int(x[0]), int(x[1])
		case "member":
			pairs = append(pairs, [2]int{int(x[0]), int(x[1])})
		case "tie":
			c.ties[[2]int{int(x[0]), int(x[1])}] = [3]float64{x[2], x[3]}
		}
	}
	c.a = NewAffiliation(n, m, pairs)
	return c
}

// TestAdjustPValuesR compares Holm and BH with R's p.adjust on the 1213
// SDSM p-values of the survey case (testdata/padjust_survey.txt, made by
// padjust.R), many of them equal.
func TestAdjustPValuesR(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "padjust_survey.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var p, holm, bh []float64
	for _, l := range strings.Split(string(b), "\n") {
		fs := strings.Fields(l)
		if len(fs) != 3 || fs[0] == "#" {
			continue
		}
		var x [3]float64
		for i := range x {
			x[i], _ = strconv.ParseFloat(fs[i], 64)
		}
		p, holm, bh = append(p, x[0]), append(holm, x[1]), append(bh, x[2])
	}
	if len(p) < 1000 {
		t.Fatalf("read %d p-values", len(p))
	}
	for _, c := range []struct {
		m    Correction
		want []float64
	}{{CorrectHolm, holm}, {CorrectBH, bh}} {
		got := AdjustPValues(p, c.m)
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-12*math.Max(1e-300, c.want[i]) && math.Abs(got[i]-c.want[i]) > 1e-15 {
				t.Fatalf("%v: p[%d] = %.17g, R %.17g", c.m, i, got[i], c.want[i])
			}
		}
	}
}
