package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestProgressBar: each redraw erases what is left of the longer line
// before it (no "bout 0s left" after the last), no line ends in padding
// spaces, and an error printed while the bar is open starts on a new line.
func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	s := &streams{Err: &buf}
	clock := time.Unix(0, 0)
	p := progressBar(s, &buf, "permutations", func() time.Time { return clock })
	p(1, 100) // within the first second: nothing drawn
	if buf.Len() != 0 {
		t.Fatalf("drawn in the first second: %q", buf.String())
	}
	clock = clock.Add(2 * time.Second)
	p(50, 100) // 2 s for 50: about 2 s left
	want := "\rpermutations [###############...............] 50/100, about 2s left" + eraseLine
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
	if !s.open.Load() {
		t.Error("the line is not marked open")
	}
	clock = clock.Add(2 * time.Second)
	p(100, 100)
	want += "\rpermutations [##############################] 100/100" + eraseLine + "\n"
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
	if s.open.Load() {
		t.Error("the finished line is still open")
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasSuffix(strings.TrimSuffix(l, eraseLine), " ") {
			t.Errorf("line ends in a space: %q", l)
		}
	}

	// Interrupted with the bar open: the message is on a line of its own.
	buf.Reset()
	p = progressBar(s, &buf, "QAP", func() time.Time { return clock })
	clock = clock.Add(3 * time.Second)
	p(1, 10)
	s.endStatus()
	if !strings.HasSuffix(buf.String(), eraseLine+"\n") || s.open.Load() {
		t.Errorf("endStatus: %q", buf.String())
	}
	s.endStatus() // a closed line gets no second newline
	if strings.HasSuffix(buf.String(), "\n\n") {
		t.Error("endStatus wrote a blank line")
	}
}

// TestErrorAfterStatusLine: run ends an open status line before its error
// line (after Ctrl-C, "sectornet: interrupted" starts a line).
func TestErrorAfterStatusLine(t *testing.T) {
	var stderr bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &stderr}
	s.status(&stderr, "reading (3s)")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("test"))
	run(ctx, s, []string{"summary", good})
	if got := stderr.String(); !strings.HasPrefix(got, "\rreading (3s)"+eraseLine+"\nsectornet: interrupted\n") {
		t.Errorf("stderr %q", got)
	}
}
