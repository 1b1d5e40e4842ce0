package graph

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// stopAfter is a context that reports itself cancelled from its n-th
// Err call on: a kernel that returns context.Canceled with n > 1 looked
// at its context again after it had started, not only on entry.
type stopAfter struct {
	context.Context
	n     int64
	calls atomic.Int64
	done  chan struct{}
}

func newStopAfter(n int64) *stopAfter {
	return &stopAfter{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *stopAfter) Done() <-chan struct{} { return c.done }

func (c *stopAfter) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

// TestKernelsCancel stops the dense kernels of issue 20 (triangles and
// brokerage by ties and by non-ties, the projection) through their
// contexts: cancelled before they start, and part way (after their
// third look at the context), each returns context.Canceled and no
// result.
func TestKernelsCancel(t *testing.T) {
	defer func() { complementMode = 0 }()
	// A complete network of 2,000 (one forum) and a sparse one of 20,000
	// (chains), so that each kernel has many blocks of nodes to visit.
	n := 2000
	pairs := make([][2]int, 0, n)
	for i := 0; i < n; i++ {
		pairs = append(pairs, [2]int{i, 0})
	}
	aff := NewAffiliation(n, 1, pairs)
	dense := aff.Project(WeightCount)
	bigPairs := make([][2]int, 5000)
	for i := range bigPairs {
		bigPairs[i] = [2]int{i, 0}
	}
	big := NewAffiliation(5000, 1, bigPairs) // checked at 5 of its rows
	var es []Edge
	for i := 1; i < 20000; i++ {
		es = append(es, Edge{i - 1, i, 1})
	}
	sparse := NewNetwork(20000, es)
	lab := func(g *Network) Groups {
		l := make([]int, g.N())
		for i := range l {
			l[i] = i % 3
		}
		return Groups{Label: l, K: 3}
	}
	for _, start := range []int64{1, 3} {
		for mode := 1; mode <= 2; mode++ {
			complementMode = mode
			for name, g := range map[string]*Network{"dense": dense, "sparse": sparse} {
				if tr, err := TrianglesContext(newStopAfter(start), g); !errors.Is(err, context.Canceled) || tr != nil {
					t.Errorf("triangles (%s, mode %d, stop at check %d): %v", name, mode, start, err)
				}
				if br, err := BrokerageRolesContext(newStopAfter(start), g, lab(g)); !errors.Is(err, context.Canceled) || br != nil {
					t.Errorf("brokerage (%s, mode %d, stop at check %d): %v", name, mode, start, err)
				}
			}
		}
		complementMode = 0
		if g, err := big.ProjectContext(newStopAfter(start), WeightCount); !errors.Is(err, context.Canceled) || g != nil {
			t.Errorf("projection (stop at check %d): %v", start, err)
		}
	}
	// Not cancelled: the same results as without a context.
	ctx := context.Background()
	if tr, err := TrianglesContext(ctx, dense); err != nil || tr[0] != int64(n-1)*int64(n-2)/2 {
		t.Errorf("triangles of the complete network: %v", err)
	}
	if g, err := aff.ProjectContext(ctx, WeightCount); err != nil || g.M() != n*(n-1)/2 {
		t.Errorf("projection: %v", err)
	}
	d := &Dataset{Forums: []Forum{{ID: "F"}}}
	for i := 0; i < 5000; i++ {
		id := string(rune('A'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		d.Orgs = append(d.Orgs, Organization{ID: id, Sector: "s"})
		d.Memberships = append(d.Memberships, Membership{Org: id, Forum: "F"})
	}
	if _, err := OneModeContext(newStopAfter(2), d, NetworkSpec{}); !errors.Is(err, context.Canceled) {
		t.Errorf("OneModeContext: %v", err)
	}
}
