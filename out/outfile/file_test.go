package outfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileAtomicFailure: a write that fails midway leaves the old
// file untouched and no temporary file behind.
func TestWriteFileAtomicFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := Write(context.Background(), path, func(w io.Writer) error {
		w.Write([]byte("half a new fi"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "old content\n" {
		t.Errorf("old file changed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// A successful write replaces it whole.
	if err := Write(context.Background(), path, func(w io.Writer) error { _, err := w.Write([]byte("new\n")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("new file %q", b)
	}
}

// TestWriteFileAtomicCancelled: an interrupt during the write, or after
// it but before the rename, leaves the old file as it was and no
// temporary file (issue 20: export -o interrupted at 2 s replaced the old
// file anyway).
func TestWriteFileAtomicCancelled(t *testing.T) {
	for _, when := range []string{"during", "after"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "out.csv")
		os.WriteFile(path, []byte("old\n"), 0o644)
		ctx, cancel := context.WithCancel(context.Background())
		err := Write(ctx, path, func(w io.Writer) error {
			if _, err := w.Write(make([]byte, 8192)); err != nil {
				return err
			}
			cancel()
			if when == "after" {
				return nil // the writer does not look: the rename must
			}
			_, err := w.Write(make([]byte, 8192))
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v", when, err)
		}
		if b, _ := os.ReadFile(path); string(b) != "old\n" {
			t.Errorf("%s: the old file was replaced (%d bytes)", when, len(b))
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%s: left behind: %v", when, entries)
		}
	}
}
