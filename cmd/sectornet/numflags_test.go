package main

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestNumberFlags: NaN, infinities, out-of-range values and junk are
// refused when parsed, naming the flag and its range.
func TestNumberFlags(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	var size float64
	var perms int
	floatVarRange(fs, &size, "font-size", 8, 1, 100, false, "text size in points")
	intVarRange(fs, &perms, "permutations", 9999, 0, 10_000_000, "random permutations")
	for _, tt := range []struct {
		arg, want string
	}{
		{"--font-size=NaN", `invalid argument "NaN" for "--font-size" flag: want a number from 1 to 100`},
		{"--font-size=Inf", `invalid argument "Inf" for "--font-size" flag: want a number from 1 to 100`},
		{"--font-size=1e6", `invalid argument "1e6" for "--font-size" flag: want a number from 1 to 100`},
		{"--font-size=big", `invalid argument "big" for "--font-size" flag: want a number from 1 to 100`},
		{"--permutations=9223372036854775807", `invalid argument "9223372036854775807" for "--permutations" flag: want a whole number from 0 to 10000000`},
		{"--permutations=1.5", `invalid argument "1.5" for "--permutations" flag: want a whole number from 0 to 10000000`},
		{"--font-size=12", ""},
		{"--permutations=999", ""},
	} {
		err := fs.Parse([]string{tt.arg})
		if got := ""; err != nil {
			got = err.Error()
			if got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.arg, got, tt.want)
			}
		} else if tt.want != "" {
			t.Errorf("%s: accepted", tt.arg)
		}
	}
	if size != 12 || perms != 999 {
		t.Errorf("values: %v %v", size, perms)
	}
	if u := fs.Lookup("font-size").Usage; u != "text size in points (a number from 1 to 100)" {
		t.Errorf("usage %q", u)
	}
}

// FuzzNumberFlags parses arbitrary text with the float and int flag
// types: never a panic, and a value taken is finite and within range.
func FuzzNumberFlags(f *testing.F) {
	for _, s := range []string{"1", "0.5", "NaN", "-Inf", "1e308", "0x10", "9223372036854775808", " 7 ", "", "1_000", "+3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := 5.0
		ff := &floatFlag{p: &v, lo: 1, hi: 100}
		if err := ff.Set(s); err == nil && (math.IsNaN(v) || v < 1 || v > 100) {
			t.Fatalf("float %q accepted as %v", s, v)
		} else if err != nil && v != 5 {
			t.Fatalf("float %q refused but set %v", s, v)
		} else if err == nil {
			if w, perr := strconv.ParseFloat(strings.TrimSpace(s), 64); perr != nil || w != v {
				t.Fatalf("float %q read as %v", s, v)
			}
		}
		n := 5
		fi := &intFlag{p: &n, lo: 0, hi: 1000}
		if err := fi.Set(s); err == nil && (n < 0 || n > 1000) {
			t.Fatalf("int %q accepted as %d", s, n)
		} else if err != nil && n != 5 {
			t.Fatalf("int %q refused but set %d", s, n)
		}
	})
}
