//go:build unix

package outfile

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestOutputModes: a new file gets 0666 less the umask (0600 under umask
// 077), and a file replaced keeps its mode (issue 20: every output was
// forced to 0644, an existing 0600 file became 0644).
func TestOutputModes(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	write := func(w io.Writer) error { _, err := io.WriteString(w, "x\n"); return err }
	p := filepath.Join(dir, "new.csv")
	if err := Write(context.Background(), p, write); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077: %v", st.Mode())
	}
	syscall.Umask(0o022)
	for _, mode := range []os.FileMode{0o600, 0o640, 0o664} {
		p := filepath.Join(dir, "old.csv")
		os.Remove(p)
		os.WriteFile(p, []byte("old\n"), mode)
		os.Chmod(p, mode)
		if err := Write(context.Background(), p, write); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(p); st.Mode().Perm() != mode {
			t.Errorf("a %v file became %v", mode, st.Mode().Perm())
		}
	}
}

// TestStaleTemps: the temporary files killed runs left beside an output
// (an earlier version's, without a process id, and one whose process is
// gone) are removed by the next write; one of a live process is not.
func TestStaleTemps(t *testing.T) {
	dir := t.TempDir()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no true(1) to get a dead process id")
	}
	names := []string{".out.csv.tmp-4711", fmt.Sprintf(".out.csv.tmp-%d-1", gone.Process.Pid), fmt.Sprintf(".out.csv.tmp-%d-2", os.Getpid())}
	for _, n := range names {
		os.WriteFile(filepath.Join(dir, n), []byte("half"), 0o644)
	}
	if err := Write(context.Background(), filepath.Join(dir, "out.csv"), func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if !slices.Equal(left, []string{names[2], "out.csv"}) {
		t.Errorf("left: %v", left)
	}
}
