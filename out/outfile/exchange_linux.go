//go:build linux

package outfile

import "golang.org/x/sys/unix"

// exchangeDirs exchanges the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE, Linux 3.15 and most file systems); where that is not
// supported it fails and nothing has changed.
func exchangeDirs(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
