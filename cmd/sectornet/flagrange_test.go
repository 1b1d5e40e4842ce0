package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// allCommands lists every command under the root.
func allCommands() []*cobra.Command {
	var cs []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		cs = append(cs, c)
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(newRootCmd(&streams{}))
	return cs
}

// TestEveryNumericFlagHasRange: each numeric flag of each command has a
// documented range that holds its default, so a flag added without one
// fails here rather than taking NaN or 2^63.
func TestEveryNumericFlagHasRange(t *testing.T) {
	n := 0
	for _, c := range allCommands() {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !numericFlag(f) {
				return
			}
			n++
			if _, ok := rangeOf(c.Name(), f.Name); !ok {
				t.Errorf("%s --%s (%s): no range in flagRanges", c.CommandPath(), f.Name, f.Value.Type())
			}
		})
		if err := checkFlagRanges(c); err != nil {
			t.Errorf("%s: default out of range: %v", c.CommandPath(), err)
		}
	}
	if n < 60 {
		t.Errorf("only %d numeric flags seen", n)
	}
}

// TestAbsurdFlagValues: the values of issue 20 and, for every numeric
// flag of every command, NaN, ±Inf and the largest int64, each refused
// at once with exit 2 and a message naming the flag, the value and the
// range. Before: sectors --permutations 2^63-1 panicked in makeslice,
// chart --font-size NaN never returned, chart --width Inf wrote
// width="+Infpt", render --min-weight NaN drew nothing.
func TestAbsurdFlagValues(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"sectors", good, "--permutations", "9223372036854775807"}, "--permutations 9223372036854775807: want from 0 to 1000000 permutations (0 skips the test)"},
		{[]string{"chart", good, "--kind", "balance", "--font-size", "NaN", "-o", "x.png"}, "--font-size NaN: want from 4 to 36 points"},
		{[]string{"chart", good, "--kind", "balance", "--font-size", "1e6", "-o", "x.png"}, "--font-size 1e+06: want from 4 to 36 points"},
		{[]string{"chart", good, "--kind", "balance", "--width", "Inf", "-o", "x.svg"}, "--width +Inf: want 0 or from 2 to 100 cm (0: the default)"},
		{[]string{"render", good, "--min-weight", "NaN", "-o", "x.svg"}, "--min-weight NaN: want from 0 to 1000000000 (a tie weight)"},
		{[]string{"analyze", good, "--resolution", "0"}, "--resolution 0: want above 0 and at most 1000 (modularity resolution γ)"},
		{[]string{"qap", good, "--permutations", "100001"}, "--permutations 100001: want from 0 to 100000 permutations (0 skips the test)"},
		{[]string{"import", "survey", "../../data/testdata/surveys/google.csv", "--dataset", "nowhere", "--likert", "Often=NaN"}, `--likert "Often=NaN": "NaN" is not a finite number`},
	} {
		code, _, errs := sectornet(t, tt.args...)
		if code != exitUsage || errs != "sectornet: "+tt.msg+"\n" {
			t.Errorf("%v: code %d, stderr %q; want 2, %q", tt.args, code, errs, tt.msg)
		}
	}
	for _, c := range allCommands() {
		path := strings.Fields(c.CommandPath())[1:]
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !numericFlag(f) {
				return
			}
			r, _ := rangeOf(c.Name(), f.Name)
			if r.any {
				return
			}
			bad := []string{"9223372036854775807", "-9223372036854775808"}
			if strings.HasPrefix(f.Value.Type(), "float") {
				bad = []string{"NaN", "Inf", "-Inf", "1e300", "-1e300"}
			}
			for _, v := range bad {
				args := append(append([]string{}, path...), "--"+f.Name+"="+v)
				code, _, errs := sectornet(t, args...)
				if code != exitUsage || !strings.Contains(errs, "--"+f.Name+" ") || !strings.Contains(errs, "want") {
					t.Errorf("%v: code %d, stderr %q; want 2 naming --%s", args, code, errs, f.Name)
				}
			}
		})
	}
}

// TestFlagRangesREADME: the README's table of flag ranges is the one in
// flagRanges (go test -run TestFlagRangesREADME -update rewrites it).
func TestFlagRangesREADME(t *testing.T) {
	const begin, end = "<!-- flag ranges: begin (written by TestFlagRangesREADME -update) -->\n", "<!-- flag ranges: end -->"
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no flag ranges table between %q and %q", begin, end)
	}
	want := flagRangesMarkdown(newRootCmd(&streams{}))
	if got := s[i+len(begin) : j]; got != want {
		if *update {
			if err := os.WriteFile("../../README.md", []byte(s[:i+len(begin)]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's flag ranges differ from flagRanges; run go test ./cmd/sectornet -run TestFlagRangesREADME -update\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// flagRangesMarkdown is the README's table of the ranges, each with the
// commands under root that have the flag.
func flagRangesMarkdown(root *cobra.Command) string {
	var b strings.Builder
	b.WriteString("| flag | commands | allowed values |\n|---|---|---|\n")
	for _, r := range flagRanges {
		var cmds []string
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			if f := c.Flags().Lookup(r.flag); f != nil && numericFlag(f) {
				if got, _ := rangeOf(c.Name(), r.flag); got.flag == r.flag && slices.Equal(got.cmds, r.cmds) {
					cmds = append(cmds, "`"+strings.TrimPrefix(c.CommandPath(), "sectornet ")+"`")
				}
			}
			for _, s := range c.Commands() {
				walk(s)
			}
		}
		walk(root)
		fmt.Fprintf(&b, "| `--%s` | %s | %s |\n", r.flag, strings.Join(cmds, ", "), r)
	}
	return b.String()
}
