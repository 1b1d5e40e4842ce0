package graph

import (
	"sort"
	"strconv"
)

// sortWaves orders wave labels numerically when both parse as numbers,
// else as strings, so "2" < "10" and "2012" < "2014".
func sortWaves(ws []string) {
	sort.SliceStable(ws, func(i, j int) bool { return WaveLess(ws[i], ws[j]) })
}

// WaveLess reports whether wave a comes before wave b: numerically when
// both parse as numbers, else by string order.
func WaveLess(a, b string) bool {
	fa, ea := strconv.ParseFloat(a, 64)
	fb, eb := strconv.ParseFloat(b, 64)
	if ea == nil && eb == nil && fa != fb {
		return fa < fb
	}
	if (ea == nil) != (eb == nil) {
		return ea == nil // numbers first
	}
	return a < b
}

func sortStrings(ss []string) { sort.Strings(ss) }
