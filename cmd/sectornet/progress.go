package main

import (
	"io"
	"os"
	"time"

	"github.com/sectornet/sectornet/out/status"
)

// terminal returns w as a file when it is a terminal, else nil: the one
// check of whether status lines and progress bars are drawn.
func terminal(w io.Writer) *os.File {
	if p, ok := w.(plainWriter); ok {
		w = p.Unwrap()
	}
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return f
}

// progress returns a callback that draws a progress bar with an estimate
// of the time left on stderr, when stderr is a terminal and the work takes
// more than a second (status.Bar); otherwise it returns nil and nothing is
// drawn.
func progress(s *streams, what string) func(done, total int) {
	f := terminal(s.Err)
	if f == nil {
		return nil
	}
	return status.Bar(&s.line, f, what, time.Now)
}

// startPhase starts the status line of a phase on stderr (status.Phase);
// nil when stderr is not a terminal.
func startPhase(s *streams, what string) *status.Phase {
	f := terminal(s.Err)
	if f == nil {
		return nil
	}
	return status.StartPhase(&s.line, f, what)
}
