package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// eraseLine is the ANSI sequence that erases from the cursor to the end
// of the line: a status line redrawn shorter leaves nothing of the longer
// one ("bout 0s left"), and no padding spaces end up in a log of the
// terminal.
const eraseLine = "\x1b[K"

// status draws line as the terminal f's status line, over the one drawn
// before; s remembers that the line is open, so that an error or an
// interruption starts on a line of its own (endStatus).
func (s *streams) status(f io.Writer, line string) {
	fmt.Fprint(f, "\r"+line+eraseLine)
	s.open.Store(true)
}

// statusDone ends the status line, keeping it.
func (s *streams) statusDone(f io.Writer) {
	fmt.Fprintln(f)
	s.open.Store(false)
}

// endStatus ends an open status line before a message is printed on
// stderr.
func (s *streams) endStatus() {
	if s.open.Swap(false) {
		fmt.Fprintln(s.Err)
	}
}

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
// more than a second; otherwise it returns nil and nothing is drawn.
func progress(s *streams, what string) func(done, total int) {
	f := terminal(s.Err)
	if f == nil {
		return nil
	}
	return progressBar(s, f, what, time.Now)
}

// progressBar is progress drawing on f with the clock now.
func progressBar(s *streams, f io.Writer, what string, now func() time.Time) func(done, total int) {
	start := now()
	last := time.Time{}
	var mu sync.Mutex
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		now := now()
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
		s.status(f, fmt.Sprintf("%s [%s%s] %d/%d%s", what, repeat('#', filled), repeat('.', width-filled), done, total, left))
		if done >= total && elapsed >= time.Second {
			s.statusDone(f)
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

// phaseLine is a status line on stderr for a phase of unknown length
// (reading a dataset, building a network, finding communities): from one
// second on, it shows the phase, its latest detail and the time so far,
// redrawn twice a second; End finishes the line. It draws nothing when
// stderr is not a terminal. A nil *phaseLine does nothing.
type phaseLine struct {
	s      *streams
	f      *os.File
	what   string
	start  time.Time
	mu     sync.Mutex
	detail string
	drawn  bool
	stop   chan struct{}
	done   chan struct{}
}

// startPhase starts the status line of a phase; nil when stderr is not a
// terminal.
func startPhase(s *streams, what string) *phaseLine {
	f := terminal(s.Err)
	if f == nil {
		return nil
	}
	p := &phaseLine{s: s, f: f, what: what, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				if time.Since(p.start) >= time.Second {
					p.draw()
				}
			}
		}
	}()
	return p
}

func (p *phaseLine) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := p.what
	if p.detail != "" {
		line += ": " + p.detail
	}
	p.s.status(p.f, fmt.Sprintf("%s (%s)", line, time.Since(p.start).Round(time.Second)))
	p.drawn = true
}

// Set changes the detail shown after the phase's name.
func (p *phaseLine) Set(detail string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.detail = detail
	p.mu.Unlock()
}

// End stops the line, leaving it complete when it was shown.
func (p *phaseLine) End() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	if p.drawn {
		p.draw()
		p.s.statusDone(p.f)
	}
}
