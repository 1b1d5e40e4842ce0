package main

import (
	"io"

	"github.com/sectornet/sectornet/out"
)

// plainWriter is the error stream as run writes it: every message,
// warning and error passes through out.PlainText, the tables' control
// character filter, so that no name from a dataset (a forum id holding
// ESC ] 0 ; ... BEL) can set the terminal's title or colours. Status
// lines are drawn on the terminal itself (terminal unwraps it), with
// sectornet's own escape sequence.
type plainWriter struct{ w io.Writer }

func (p plainWriter) Write(b []byte) (int, error) {
	s := string(b)
	if t := out.PlainText(s); t != s {
		_, err := io.WriteString(p.w, t)
		return len(b), err
	}
	return p.w.Write(b)
}

// Unwrap returns the stream written to.
func (p plainWriter) Unwrap() io.Writer { return p.w }
