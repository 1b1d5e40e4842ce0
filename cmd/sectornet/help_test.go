package main

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestHelpTexts checks the --help of every command, hidden ones and
// cobra's own included, against testdata/help.golden: the help texts
// are read by people, and moving them (cmd/sectornet/help/) must not
// change a byte. After changing a help text on purpose, read the diff and
// rerun with -update.
func TestHelpTexts(t *testing.T) {
	root := newRootCmd(&streams{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(root, nil)
	var b strings.Builder
	for _, p := range paths {
		args := append(append([]string(nil), p...), "--help")
		code, stdout, stderr := sectornet(t, args...)
		b.WriteString("==> sectornet " + strings.Join(args, " ") + "\n")
		if code != exitOK || stderr != "" {
			t.Errorf("sectornet %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
		}
		b.WriteString(stdout)
	}
	got := b.String()
	const golden = "testdata/help.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("--help differs from %s at line %d:\ngot  %q\nwant %q\n(if the change is meant, read it and rerun with -update)", golden, i+1, g, w)
			}
		}
	}
}
