package graph

import (
	"context"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
)

// TestParallel: every item runs once, on a worker number below the
// number of workers, done is called once per item and never twice at
// once, and a cancelled context stops the pool.
func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 5, 100} {
		for _, workers := range []int{0, 1, 2, 3, 8} {
			ran := make([]int32, n)
			var inDone, doneCalls atomic.Int32
			started := make([]bool, 8)
			err := parallel(context.Background(), n, workers, func(w int) func(int) {
				if started[w] {
					t.Errorf("worker %d set up twice", w)
				}
				started[w] = true
				return func(i int) { atomic.AddInt32(&ran[i], 1) }
			}, func(int) {
				if inDone.Add(1) != 1 {
					t.Error("done called concurrently")
				}
				doneCalls.Add(1)
				inDone.Add(-1)
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range ran {
				if r != 1 {
					t.Fatalf("n %d workers %d: item %d ran %d times", n, workers, i, r)
				}
			}
			if int(doneCalls.Load()) != n {
				t.Errorf("n %d workers %d: done called %d times", n, workers, doneCalls.Load())
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var count atomic.Int32
	err := parallel(ctx, 1000, 2, func(int) func(int) {
		return func(i int) {
			if count.Add(1) == 10 {
				cancel()
			}
		}
	}, nil)
	if err != context.Canceled || count.Load() >= 1000 {
		t.Errorf("cancelled: err %v after %d items", err, count.Load())
	}
}

// TestPoolUsersSameBytes: every measure that runs on the pool gives the
// same bits with GOMAXPROCS 1 and 2 (PageRank, paths, --approx, the E-I
// permutation test, two-mode centrality, FDSM; batched Louvain is tested
// in community_test.go).
func TestPoolUsersSameBytes(t *testing.T) {
	g := randomNetwork(900, 5000, 8)
	grp := Groups{Label: make([]int, g.N()), K: 3}
	for i := range grp.Label {
		grp.Label[i] = i % 3
	}
	a, _ := benchAffiliation(600, 3)
	small, _ := benchAffiliation(150, 4)
	run := func() [][]float64 {
		var out [][]float64
		pr, _ := PageRank(g, PageRankOptions{})
		out = append(out, pr)
		pc, _ := ShortestPathCentrality(context.Background(), g, PathOptions{})
		out = append(out, pc.Betweenness, pc.Closeness)
		be, _ := ApproxBetweenness(context.Background(), g, ApproxOptions{Epsilon: 0.05, Seed: 1, forceSampling: true})
		out = append(out, be.Betweenness, be.Error)
		ce, _ := ApproxCloseness(context.Background(), g, ApproxOptions{Sources: 50, Seed: 1})
		out = append(out, ce.Closeness)
		ei, _ := EIPermutationTest(context.Background(), g, grp, PermutationOptions{Reps: 300, Seed: 2})
		out = append(out, []float64{ei.Mean, ei.SD, ei.PGreater, ei.PLess, ei.PTwoSided})
		tm, _ := TwoMode(context.Background(), a, PathOptions{})
		out = append(out, tm.Betweenness, tm.Closeness)
		fd, _ := FDSM(context.Background(), small, FDSMOptions{Trials: 40, Seed: 3})
		out = append(out, fd)
		return out
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := run()
	runtime.GOMAXPROCS(2)
	two := run()
	for k := range one {
		if !slices.Equal(one[k], two[k]) {
			t.Errorf("result %d differs between GOMAXPROCS 1 and 2", k)
		}
	}
}
