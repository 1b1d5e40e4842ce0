// Package outfile writes sectornet's output files so that a failing or
// interrupted run loses nothing and leaves nothing: a file is written
// beside its target and renamed into place only when whole (Write), a
// report folder is built in a hidden sibling and swapped in (Stage), a
// file gets the mode of the file it replaces or the umask's, and what
// killed runs left is removed by the next.
package outfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Write writes path through a temporary file in the same folder,
// renamed into place only when write succeeds and ctx was not cancelled,
// so a failing or interrupted run leaves any previous file intact. The
// writer stops at its next write once ctx is cancelled. The file gets the
// mode of the file it replaces, or 0666 less the umask for a new one.
func Write(ctx context.Context, path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: the folder %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	case !st.IsDir():
		return fmt.Errorf("%s: %s is not a folder", path, dir)
	}
	removeStaleTemps(dir, filepath.Base(path))
	tmp, err := os.CreateTemp(dir, tempPrefix(filepath.Base(path)))
	if err != nil {
		return fmt.Errorf("%s: cannot write in %s: %v", path, dir, errors.Unwrap(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(ctxWriter{ctx, tmp})
	if err = write(bw); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = tmp.Chmod(mode(path)); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	// The last check: an interrupted run renames nothing into place.
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	}
	return nil
}

// ctxWriter is a writer that fails once its context is cancelled, so
// that every writer stops at its next write after an interrupt.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(b)
}

// mode is the mode of a file written to path: that of the file
// there now, else 0666 less the process's umask (as os.Create gives).
func mode(path string) fs.FileMode {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return st.Mode().Perm()
	}
	return 0o666 &^ Umask()
}

// tempPrefix is the pattern of the temporary files of base: hidden, with
// the process id, so that a later run can tell a killed run's leftover
// (its process is gone) from a file another run is writing now.
func tempPrefix(base string) string {
	return fmt.Sprintf(".%s.tmp-%d-*", base, os.Getpid())
}

// removeStaleTemps removes the temporary files or folders of base in dir
// that a killed run left: those whose process is gone, and those of
// earlier versions, whose names hold no process id.
func removeStaleTemps(dir, base string) {
	ms, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".tmp-*"))
	for _, m := range ms {
		rest := strings.TrimPrefix(filepath.Base(m), "."+base+".tmp-")
		pid, _, ok := strings.Cut(rest, "-")
		if n, err := strconv.Atoi(pid); ok && err == nil && n > 0 && processAlive(n) {
			continue
		}
		os.RemoveAll(m)
	}
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// Check refuses to write path when it is one of the run's inputs (even
// when forced: the input would be lost before it is read whole), or when
// it exists and force is false (it may hold hand edits).
func Check(path string, force bool, inputs ...string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil // not there: nothing to lose
	}
	if err := RefuseInput(path, inputs); err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name", path)
	}
	if !force {
		return fmt.Errorf("%s already exists; nothing written (use --force to overwrite)", path)
	}
	return nil
}

// RefuseInput refuses to write path when it is one of inputs.
func RefuseInput(path string, inputs []string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, in := range inputs {
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return fmt.Errorf("%s is an input of this run; nothing written (write the output elsewhere)", path)
		}
	}
	return nil
}
