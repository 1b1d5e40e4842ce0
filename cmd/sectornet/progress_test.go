package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/out/status"
)

// TestErrorAfterStatusLine: run ends an open status line before its error
// line (after Ctrl-C, "sectornet: interrupted" starts a line).
func TestErrorAfterStatusLine(t *testing.T) {
	var stderr bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &stderr}
	s.line.Draw(&stderr, "reading (3s)")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("test"))
	run(ctx, s, []string{"summary", good})
	if got := stderr.String(); !strings.HasPrefix(got, "\rreading (3s)"+status.EraseLine+"\nsectornet: interrupted\n") {
		t.Errorf("stderr %q", got)
	}
}
