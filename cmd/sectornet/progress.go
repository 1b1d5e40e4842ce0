package main

import (
	"fmt"
	"os"
	"time"
)

// progress returns a callback that draws a progress bar with an estimate
// of the time left on stderr, when stderr is a terminal and the work takes
// more than a second; otherwise it returns nil and nothing is drawn.
func progress(s *streams, what string) func(done, total int) {
	f, ok := s.Err.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	start := time.Now()
	last := time.Time{}
	return func(done, total int) {
		now := time.Now()
		elapsed := now.Sub(start)
		if done < total && (elapsed < time.Second || now.Sub(last) < 200*time.Millisecond) {
			return
		}
		last = now
		const width = 30
		filled := width * done / max(total, 1)
		left := ""
		if done > 0 && done < total {
			rem := time.Duration(float64(elapsed) * float64(total-done) / float64(done)).Round(time.Second)
			left = fmt.Sprintf(", about %s left", rem)
		}
		fmt.Fprintf(f, "\r%s [%s%s] %d/%d%s   ", what, repeat('#', filled), repeat('.', width-filled), done, total, left)
		if done >= total && elapsed >= time.Second {
			fmt.Fprintln(f)
		}
	}
}

func repeat(c byte, n int) string {
	b := make([]byte, max(n, 0))
	for i := range b {
		b[i] = c
	}
	return string(b)
}
