package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// floatFlag is a float flag with a documented finite range: NaN, ±Inf
// and values outside it are refused when the flag is parsed, with the
// range, so no command ever sees them (a NaN font size looped forever in
// the rasterizer; an infinite width wrote width="+Infpt").
type floatFlag struct {
	p      *float64
	lo, hi float64
	openLo bool // lo itself is refused (a width above 0)
}

func (f *floatFlag) String() string { return strconv.FormatFloat(*f.p, 'g', -1, 64) }
func (f *floatFlag) Type() string   { return "float" }

func (f *floatFlag) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < f.lo || v > f.hi || f.openLo && v == f.lo {
		return fmt.Errorf("want %s", f.rangeText())
	}
	*f.p = v
	return nil
}

func (f *floatFlag) rangeText() string {
	lo, hi := strconv.FormatFloat(f.lo, 'g', -1, 64), strconv.FormatFloat(f.hi, 'g', -1, 64)
	if f.openLo {
		return fmt.Sprintf("a number above %s, at most %s", lo, hi)
	}
	return fmt.Sprintf("a number from %s to %s", lo, hi)
}

// floatVarRange defines a float flag whose value must lie in [lo, hi]
// (above lo when openLo); the range is added to the usage.
func floatVarRange(fs *pflag.FlagSet, p *float64, name string, def, lo, hi float64, openLo bool, usage string) {
	*p = def
	f := &floatFlag{p: p, lo: lo, hi: hi, openLo: openLo}
	fs.Var(f, name, usage+" ("+f.rangeText()+")")
}

// intFlag is an int flag with a documented range (a permutation count of
// 9223372036854775807 panicked in makeslice).
type intFlag struct {
	p      *int
	lo, hi int
}

func (f *intFlag) String() string { return strconv.Itoa(*f.p) }
func (f *intFlag) Type() string   { return "int" }

func (f *intFlag) Set(s string) error {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 0, 64)
	if err != nil || v < int64(f.lo) || v > int64(f.hi) {
		return fmt.Errorf("want %s", f.rangeText())
	}
	*f.p = int(v)
	return nil
}

func (f *intFlag) rangeText() string { return fmt.Sprintf("a whole number from %d to %d", f.lo, f.hi) }

// intVarRange defines an int flag whose value must lie in [lo, hi].
func intVarRange(fs *pflag.FlagSet, p *int, name string, def, lo, hi int, usage string) {
	*p = def
	f := &intFlag{p: p, lo: lo, hi: hi}
	fs.Var(f, name, usage+" ("+f.rangeText()+")")
}
