// Package status draws a terminal's status line: one line redrawn in
// place while work goes on, as a progress bar with the time left (Bar) or
// a phase of unknown length with the time so far (StartPhase). Whether
// stderr is a terminal is the caller's one check; these only draw.
package status

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// EraseLine is the ANSI sequence that erases from the cursor to the end
// of the line: a status line redrawn shorter leaves nothing of the longer
// one ("bout 0s left"), and no padding spaces end up in a log of the
// terminal.
const EraseLine = "\x1b[K"

// Line is a terminal's status line. It remembers whether the line is open
// (drawn without its newline), so that an error or an interruption
// starts on a line of its own (End). The zero Line is closed; a Line is
// safe for concurrent use.
type Line struct{ open atomic.Bool }

// Draw draws text as the status line on w, over the one drawn before.
func (l *Line) Draw(w io.Writer, text string) {
	fmt.Fprint(w, "\r"+text+EraseLine)
	l.open.Store(true)
}

// Done ends the status line on w, keeping it.
func (l *Line) Done(w io.Writer) {
	fmt.Fprintln(w)
	l.open.Store(false)
}

// Clear erases the status line on w.
func (l *Line) Clear(w io.Writer) {
	fmt.Fprint(w, "\r"+EraseLine)
	l.open.Store(false)
}

// End ends an open status line before a message is printed on w.
func (l *Line) End(w io.Writer) {
	if l.open.Swap(false) {
		fmt.Fprintln(w)
	}
}

// Open reports whether the line is drawn without its newline.
func (l *Line) Open() bool { return l.open.Load() }

// Bar returns a callback that draws a progress bar of what on w, with an
// estimate of the time left by the clock now, once the work has taken a
// second: redrawn at most five times a second, and ended with its newline
// when done reaches total.
func Bar(l *Line, w io.Writer, what string, now func() time.Time) func(done, total int) {
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
		l.Draw(w, fmt.Sprintf("%s [%s%s] %d/%d%s", what, strings.Repeat("#", max(filled, 0)), strings.Repeat(".", max(width-filled, 0)), done, total, left))
		if done >= total && elapsed >= time.Second {
			l.Done(w)
		}
	}
}

// Phase is the status line of a phase of unknown length (reading a
// dataset, building a network, finding communities): from one second on,
// it shows the phase, its latest detail and the time so far, redrawn
// twice a second; End finishes the line. A nil *Phase does nothing.
type Phase struct {
	l      *Line
	w      io.Writer
	what   string
	start  time.Time
	mu     sync.Mutex
	detail string
	drawn  bool
	stop   chan struct{}
	done   chan struct{}
}

// StartPhase starts the status line of phase what on the terminal w.
func StartPhase(l *Line, w io.Writer, what string) *Phase {
	p := &Phase{l: l, w: w, what: what, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
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

func (p *Phase) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := p.what
	if p.detail != "" {
		line += ": " + p.detail
	}
	p.l.Draw(p.w, fmt.Sprintf("%s (%s)", line, time.Since(p.start).Round(time.Second)))
	p.drawn = true
}

// Set changes the detail shown after the phase's name.
func (p *Phase) Set(detail string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.detail = detail
	p.mu.Unlock()
}

// End stops the line, leaving it complete when it was shown.
func (p *Phase) End() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	if p.drawn {
		p.draw()
		p.l.Done(p.w)
	}
}
