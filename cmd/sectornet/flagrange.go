package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/data"
)

// numRange is the documented range of a numeric flag: every value a
// command can be given is finite and bounded, so no flag can ask for a
// slice of 2^63 permutations, a chart of infinite width or NaN as a
// threshold (which compares false with everything and silently keeps or
// drops all).
type numRange struct {
	// flag is the flag's name; cmds, when not empty, the commands (by
	// name) this range is for, else every command with the flag.
	flag string
	cmds []string
	lo   float64
	hi   float64
	// loOpen and hiOpen exclude the ends.
	loOpen, hiOpen bool
	// zero allows 0 besides the range (a default chosen by the command).
	zero bool
	// any: every value the type holds is allowed (seeds).
	any bool
	// unit follows the numbers ("cm"), note is said in parentheses
	// after them ("0 skips the test").
	unit, note string
}

// Caps on counts of random draws and list lengths: far above any use
// (a p-value's resolution of 1e-6), far below what memory can hold.
const (
	maxPermutations    = 1_000_000
	maxQAPPermutations = 100_000
	maxReplicates      = 100_000
	maxListed          = 1_000_000
)

// flagRanges are the ranges of every numeric flag of every command. The
// README's "Flag ranges" table is written from it (TestFlagRangesREADME),
// and TestEveryNumericFlagHasRange fails for a numeric flag missing here.
var flagRanges = []numRange{
	{flag: "seed", any: true, unit: "any whole number"},
	{flag: "backbone-seed", any: true, unit: "any whole number"},
	{flag: "resolution", lo: 0, hi: 1000, loOpen: true, note: "modularity resolution γ"},
	{flag: "epsilon", lo: 0, hi: 1, loOpen: true, hiOpen: true, note: "largest error of a sampled betweenness"},
	{flag: "delta", lo: 0, hi: 1, loOpen: true, hiOpen: true, note: "probability that a bound fails"},
	{flag: "sources", lo: 2, hi: 10_000_000, unit: "sources"},
	{flag: "alpha", lo: 0, hi: 1, loOpen: true, hiOpen: true, note: "significance level"},
	{flag: "trials", lo: 1, hi: maxPermutations, unit: "trials"},
	{flag: "tolerance", lo: 0, hi: 1, note: "a fraction: 0.15 is 15 points"},
	{flag: "permutations", cmds: []string{"sectors", "change"}, lo: 0, hi: maxPermutations, unit: "permutations", note: "0 skips the test"},
	{flag: "permutations", cmds: []string{"qap"}, lo: 0, hi: maxQAPPermutations, unit: "permutations", note: "0 skips the test"},
	{flag: "permutations", cmds: []string{"core"}, lo: 0, hi: maxCoreRuns, unit: "permutations", note: "0 skips the test"},
	{flag: "qap-permutations", lo: 0, hi: maxQAPPermutations, unit: "permutations", note: "0 fits without the test"},
	{flag: "restarts", lo: 1, hi: maxCoreRuns, unit: "restarts"},
	{flag: "cug", lo: 0, hi: maxReplicates, unit: "random graphs", note: "0: none"},
	{flag: "bootstrap", lo: 0, hi: maxReplicates, unit: "samples", note: "0: none"},
	{flag: "level", lo: 0, hi: 1, loOpen: true, hiOpen: true, note: "0.95 for 95% intervals"},
	{flag: "top", cmds: []string{"chart"}, lo: 1, hi: 500, unit: "organizations"},
	{flag: "top", cmds: []string{"change", "firsts", "render", "suggest"}, lo: 0, hi: maxListed, note: "0: all"},
	{flag: "width", lo: 2, hi: 100, zero: true, unit: "cm", note: "0: the default"},
	{flag: "height", lo: 2, hi: 100, zero: true, unit: "cm", note: "0: the default"},
	{flag: "font-size", lo: 4, hi: 36, unit: "points"},
	{flag: "dpi", lo: 10, hi: 2400, unit: "dots per inch"},
	{flag: "min-weight", lo: 0, hi: 1e9, note: "a tie weight"},
	{flag: "depth", lo: 1, hi: 2, unit: "steps"},
	{flag: "recent", lo: 1, hi: 10_000, unit: "meetings"},
	{flag: "core", lo: 0, hi: 1, note: "an attendance rate"},
	{flag: "regular", lo: 0, hi: 1, note: "an attendance rate"},
	{flag: "drop", lo: 0, hi: 1, note: "a fall in the attendance rate"},
	{flag: "orgs", lo: 1, hi: data.MaxGenerateOrgs, unit: "organizations"},
	{flag: "forum-size", lo: 2, hi: 1_000_000, unit: "members"},
	{flag: "memberships", lo: 1, hi: 10_000, unit: "forums"},
	{flag: "max-memberships", lo: 0, hi: 10_000, unit: "forums"},
}

// numericFlag reports whether f holds a number.
func numericFlag(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return true
	}
	return false
}

// rangeOf returns the range of flag name in command cmd.
func rangeOf(cmd, name string) (numRange, bool) {
	for _, r := range flagRanges {
		if r.flag == name && (len(r.cmds) == 0 || slices.Contains(r.cmds, cmd)) {
			return r, true
		}
	}
	return numRange{}, false
}

// contains reports whether r holds v.
func (r numRange) contains(v float64) bool {
	if r.any {
		return true
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	if r.zero && v == 0 {
		return true
	}
	if v < r.lo || v > r.hi || r.loOpen && v == r.lo || r.hiOpen && v == r.hi {
		return false
	}
	return true
}

// String says the range in words: "from 4 to 36 points", "above 0 and
// below 1 (significance level)".
func (r numRange) String() string {
	if r.any {
		return r.unit
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	var s string
	switch {
	case r.loOpen && r.hiOpen:
		s = "above " + num(r.lo) + " and below " + num(r.hi)
	case r.loOpen:
		s = "above " + num(r.lo) + " and at most " + num(r.hi)
	case r.hiOpen:
		s = "from " + num(r.lo) + " to below " + num(r.hi)
	default:
		s = "from " + num(r.lo) + " to " + num(r.hi)
	}
	if r.zero {
		s = "0 or " + s
	}
	if r.unit != "" {
		s += " " + r.unit
	}
	if r.note != "" {
		s += " (" + r.note + ")"
	}
	return s
}

// checkFlagRanges refuses a numeric flag of cmd outside its range, naming
// the flag, the value and the range (a usage error, exit status 2).
func checkFlagRanges(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || !numericFlag(f) {
			return
		}
		r, ok := rangeOf(cmd.Name(), f.Name)
		if !ok {
			return // TestEveryNumericFlagHasRange fails for it
		}
		s := f.Value.String()
		v, perr := strconv.ParseFloat(s, 64)
		if !r.any && (perr != nil || !r.contains(v)) {
			err = usageErr(fmt.Errorf("--%s %s: want %s", f.Name, s, r))
		}
	})
	return err
}
