package graph

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// survivalCase is one case of graph/testdata/survival_ref.txt, written by
// survival_ref.R (R 4.2.2, survival 3.5-3).
type survivalCase struct {
	name    string
	times   []float64
	events  []bool
	group   []int
	km      map[string][][]float64 // curve ("all", "0", ...) -> rows
	median  map[string][]float64
	logrank []float64 // chisq, df, p
	oe      [][]float64
}

func readSurvivalRef(t *testing.T) []*survivalCase {
	t.Helper()
	f, err := os.Open("testdata/survival_ref.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("survival_ref.txt: %q: %v", s, err)
		}
		return v
	}
	nums := func(fs []string) []float64 {
		v := make([]float64, len(fs))
		for i, s := range fs {
			v[i] = num(s)
		}
		return v
	}
	var cases []*survivalCase
	var c *survivalCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		switch fs[0] {
		case "case":
			c = &survivalCase{name: fs[1], km: map[string][][]float64{}, median: map[string][]float64{}}
			cases = append(cases, c)
		case "data":
			for _, s := range fs[1:] {
				p := strings.Split(s, ":")
				c.times = append(c.times, num(p[0]))
				c.events = append(c.events, p[1] == "1")
				c.group = append(c.group, int(num(p[2])))
			}
		case "km":
			c.km[fs[1]] = append(c.km[fs[1]], nums(fs[2:]))
		case "median":
			c.median[fs[1]] = nums(fs[2:])
		case "logrank":
			c.logrank = nums(fs[1:])
		case "oe":
			c.oe = append(c.oe, nums(fs[1:]))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func nearRel(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

// TestKaplanMeierMatchesR compares every step of every curve, the median
// with its limits and the log-rank test with R's survfit and survdiff.
func TestKaplanMeierMatchesR(t *testing.T) {
	for _, c := range readSurvivalRef(t) {
		t.Run(c.name, func(t *testing.T) {
			k := 0
			for _, g := range c.group {
				k = max(k, g+1)
			}
			for curve, rows := range c.km {
				var ts []float64
				var es []bool
				for i := range c.times {
					if curve == "all" || strconv.Itoa(c.group[i]) == curve {
						ts, es = append(ts, c.times[i]), append(es, c.events[i])
					}
				}
				km := KaplanMeier(ts, es, 0.95)
				if len(km.Steps) != len(rows) {
					t.Fatalf("curve %s: %d steps, R has %d", curve, len(km.Steps), len(rows))
				}
				for i, st := range km.Steps {
					r := rows[i]
					got := []float64{st.Time, float64(st.AtRisk), float64(st.Events), float64(st.Censored), st.Survival, st.StdErr, st.Lower, st.Upper}
					for j := range got {
						if !nearRel(got[j], r[j], 1e-12) {
							t.Errorf("curve %s step %d column %d: got %v, R %v", curve, i, j, got[j], r[j])
						}
					}
				}
				m := c.median[curve]
				if !nearRel(km.Median, m[0], 1e-12) || !nearRel(km.MedianLower, m[1], 1e-12) || !nearRel(km.MedianUpper, m[2], 1e-12) {
					t.Errorf("curve %s: median %v (%v, %v), R %v", curve, km.Median, km.MedianLower, km.MedianUpper, m)
				}
			}
			lr := LogRankTest(c.times, c.events, c.group, k)
			if !nearRel(lr.Statistic, c.logrank[0], 1e-10) || float64(lr.DF) != c.logrank[1] || !nearRel(lr.P, c.logrank[2], 1e-10) {
				t.Errorf("log-rank: chisq %v df %d p %v; R %v", lr.Statistic, lr.DF, lr.P, c.logrank)
			}
			for _, oe := range c.oe {
				g := int(oe[0])
				if !nearRel(lr.Observed[g], oe[1], 1e-12) || !nearRel(lr.Expected[g], oe[2], 1e-12) {
					t.Errorf("group %d: O %v E %v; R %v", g, lr.Observed[g], lr.Expected[g], oe[1:])
				}
			}
		})
	}
}
