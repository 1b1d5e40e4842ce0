package status

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgressBar: each redraw erases what is left of the longer line
// before it (no "bout 0s left" after the last), no line ends in padding
// spaces, and an error printed while the bar is open starts on a new line.
func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	var l Line
	clock := time.Unix(0, 0)
	p := Bar(&l, &buf, "permutations", func() time.Time { return clock })
	p(1, 100) // within the first second: nothing drawn
	if buf.Len() != 0 {
		t.Fatalf("drawn in the first second: %q", buf.String())
	}
	clock = clock.Add(2 * time.Second)
	p(50, 100) // 2 s for 50: about 2 s left
	want := "\rpermutations [###############...............] 50/100, about 2s left" + EraseLine
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
	if !l.Open() {
		t.Error("the line is not marked open")
	}
	clock = clock.Add(2 * time.Second)
	p(100, 100)
	want += "\rpermutations [##############################] 100/100" + EraseLine + "\n"
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
	if l.Open() {
		t.Error("the finished line is still open")
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasSuffix(strings.TrimSuffix(l, EraseLine), " ") {
			t.Errorf("line ends in a space: %q", l)
		}
	}

	// Interrupted with the bar open: the message is on a line of its own.
	buf.Reset()
	p = Bar(&l, &buf, "QAP", func() time.Time { return clock })
	clock = clock.Add(3 * time.Second)
	p(1, 10)
	l.End(&buf)
	if !strings.HasSuffix(buf.String(), EraseLine+"\n") || l.Open() {
		t.Errorf("End: %q", buf.String())
	}
	l.End(&buf) // a closed line gets no second newline
	if strings.HasSuffix(buf.String(), "\n\n") {
		t.Error("End wrote a blank line")
	}
}
