package graph

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sdsmCase is one case of testdata/sdsm_ref.py: an affiliation and the
// reference p-values and expectations of its ties.
type sdsmCase struct {
	a     *Affiliation
	ties  map[[2]int][3]float64 // shared, p-value, expected
	probs map[[2]int]float64
}

func loadSDSMCase(t *testing.T, name string) sdsmCase {
	t.Helper()
	file := filepath.Join("testdata", "sdsm_"+name+".txt")
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := sdsmCase{ties: map[[2]int][3]float64{}, probs: map[[2]int]float64{}}
	var n, m int
	var pairs [][2]int
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		x := make([]float64, len(fs)-1)
		for i, s := range fs[1:] {
			if x[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("%s:%d: %v", file, line, err)
			}
		}
		switch fs[0] {
		case "dims":
			n, m = int(x[0]), int(x[1])
		case "member":
			pairs = append(pairs, [2]int{int(x[0]), int(x[1])})
		case "prob":
			c.probs[[2]int{int(x[0]), int(x[1])}] = x[2]
		case "tie":
			c.ties[[2]int{int(x[0]), int(x[1])}] = [3]float64{x[2], x[3], x[4]}
		default:
			t.Fatalf("%s:%d: unknown line", file, line)
		}
	}
	c.a = NewAffiliation(n, m, pairs)
	return c
}

// TestSDSMReference compares the SDSM p-values, expectations and BiCM
// probabilities with the independent Python computation of
// testdata/sdsm_ref.py (scipy root finding per organization and group,
// numpy.convolve over every group) to 1e-9.
func TestSDSMReference(t *testing.T) {
	for _, name := range []string{"davis", "forums", "meetings", "survey", "edge", "good"} {
		t.Run(name, func(t *testing.T) {
			c := loadSDSMCase(t, name)
			b := FitBiCM(c.a)
			for k, want := range c.probs {
				if got := b.Prob(k[0], k[1]); math.Abs(got-want) > 1e-9 {
					t.Errorf("p[%d][%d] = %.12g, reference %.12g", k[0], k[1], got, want)
				}
			}
			g := c.a.Project(WeightCount)
			ps, ex := SDSMExpected(c.a)
			es := g.Edges()
			if len(es) != len(c.ties) {
				t.Fatalf("%d ties, reference has %d", len(es), len(c.ties))
			}
			worst := 0.0
			for k, e := range es {
				want, ok := c.ties[[2]int{e.U, e.V}]
				if !ok {
					t.Fatalf("tie %d-%d not in the reference", e.U, e.V)
				}
				if e.W != want[0] {
					t.Errorf("tie %d-%d shares %v, reference %v", e.U, e.V, e.W, want[0])
				}
				d := math.Abs(ps[k] - want[1])
				worst = math.Max(worst, d)
				if d > 1e-9 || (want[1] > 1e-300 && d/want[1] > 1e-6) {
					t.Errorf("tie %d-%d: p = %.15g, reference %.15g", e.U, e.V, ps[k], want[1])
				}
				if math.Abs(ex[k]-want[2]) > 1e-9 {
					t.Errorf("tie %d-%d: expected %.12g, reference %.12g", e.U, e.V, ex[k], want[2])
				}
			}
			t.Logf("%d ties, largest difference %.2g, %d Newton steps, residual %.1g", len(es), worst, b.Iterations, b.Residual)
		})
	}
}
