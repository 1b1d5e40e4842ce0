//go:build unix

package outfile

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

var umaskOnce = sync.OnceValue(func() fs.FileMode {
	// Umask can only be read by setting it; set it back at once. (Read
	// once, early: files created meanwhile by other goroutines would get
	// the umask 0.)
	m := syscall.Umask(0o022)
	syscall.Umask(m)
	return fs.FileMode(m)
})

// Umask is the process's file mode creation mask: on Linux as
// /proc/self/status says (read without changing it), else as read once
// (call it early, before goroutines create files).
func Umask() fs.FileMode {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return fs.FileMode(m)
				}
			}
		}
	}
	return umaskOnce()
}

// processAlive reports whether process pid exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
