package graph

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel is graph's one worker pool. It runs items 0..n-1 on up to
// workers goroutines (workers <= 0 means runtime.GOMAXPROCS(0)); with one
// worker, or one item, it runs them in the calling goroutine, in order.
//
// newWorker(w) is called once per goroutine w (0 <= w < the number
// started), in that goroutine before its first item (so calls for
// different w may overlap: each must touch only w's own state), and
// returns the function that runs one item with w's buffers. Items are handed out in increasing order,
// one at a time, to whichever goroutine is free, so which goroutine runs
// an item depends on timing: callers that must give the same bytes on
// any number of cores write each item's result to its own slot (or add
// integers), and combine the slots in item order afterwards.
//
// done, when not nil, is called after each item with its number, never
// two calls at once (progress reports). Once ctx is cancelled no new item
// starts; parallel waits for the running ones and returns ctx.Err().
func parallel(ctx context.Context, n, workers int, newWorker func(w int) func(i int), done func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	if workers == 1 {
		if n == 0 {
			return ctx.Err()
		}
		run := newWorker(0)
		for i := 0; i < n; i++ {
			if ctx.Err() != nil {
				break
			}
			run(i)
			if done != nil {
				done(i)
			}
		}
		return ctx.Err()
	}
	var (
		next atomic.Int64
		mu   sync.Mutex
		wg   sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run := newWorker(w)
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				run(i)
				if done != nil {
					mu.Lock()
					done(i)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// progressBy returns a done function for parallel that calls
// progress(done, total) with done the summed size(i) of the items
// finished and total that of all n items; nil when progress is nil.
func progressBy(n int, size func(i int) int, progress func(done, total int)) func(int) {
	if progress == nil {
		return nil
	}
	total := 0
	for i := 0; i < n; i++ {
		total += size(i)
	}
	done := 0
	return func(i int) {
		done += size(i)
		progress(done, total)
	}
}

// parallelForWorkers is parallel without a context or progress: f(w, i)
// for i = 0..n-1 on up to workers goroutines, w the goroutine's number.
func parallelForWorkers(n, workers int, f func(w, i int)) {
	parallel(context.Background(), n, workers, func(w int) func(int) {
		return func(i int) { f(w, i) }
	}, nil)
}
