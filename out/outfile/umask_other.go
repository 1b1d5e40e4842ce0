//go:build !unix

package outfile

import "io/fs"

// Umask is the usual 022 where there is none.
func Umask() fs.FileMode { return 0o022 }

// processAlive cannot tell here: a temporary file is kept unless it has no
// process id.
func processAlive(pid int) bool { return true }
