package graph

import (
	"math"
	"testing"
)

// A path 0-1-2-3 and a tie 4-5, groups {0,1,4} and {2,3,5}: ties within
// group 0: 0-1; within group 1: 2-3; between: 1-2 and 4-5.
// Degrees: 1 2 2 1 1 1, so D_0 = 1+2+1 = 4, D_1 = 2+1+1 = 4, M = 4:
// E_00 = 16/16 = 1, E_11 = 1, E_01 = 16/8 = 2; they sum to M = 4.
func TestQuotientAndExpectedMixing(t *testing.T) {
	g := NewNetwork(6, []Edge{{0, 1, 1}, {1, 2, 2}, {2, 3, 1}, {4, 5, 3}})
	p := Groups{Label: []int{0, 0, 1, 1, 0, 1}, K: 2}
	q := QuotientTies(g, p)
	want := []GroupTie{{0, 0, 1, 1}, {0, 1, 2, 5}, {1, 1, 1, 1}}
	if len(q) != len(want) {
		t.Fatalf("%v", q)
	}
	for i := range want {
		if q[i] != want[i] {
			t.Errorf("%d: %+v, want %+v", i, q[i], want[i])
		}
	}
	e := ExpectedMixing(g, p)
	for _, c := range [][3]float64{{0, 0, 1}, {1, 1, 1}, {0, 1, 2}, {1, 0, 2}} {
		if got := e[int(c[0])][int(c[1])]; math.Abs(got-c[2]) > 1e-12 {
			t.Errorf("E[%v][%v] = %v, want %v", c[0], c[1], got, c[2])
		}
	}
}
