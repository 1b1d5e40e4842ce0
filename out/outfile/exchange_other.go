//go:build !linux

package outfile

import "errors"

// exchangeDirs cannot exchange two folders in one step here.
func exchangeDirs(a, b string) error { return errors.ErrUnsupported }
