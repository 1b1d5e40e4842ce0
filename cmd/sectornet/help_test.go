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

// TestHelpExamples: every example in the help texts (help/NAME.txt) names
// a command sectornet has and flags that command takes, with values its
// flags accept: an example cannot outlive a renamed flag. Shell syntax is
// read as far as the examples use it: quotes, a trailing backslash
// continuing the line, a comment, and a pipe or redirection ending the
// command line; a line not starting with sectornet is what an example
// prints.
func TestHelpExamples(t *testing.T) {
	names, err := helpFiles.ReadDir("help")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range names {
		_, example := helpText(strings.TrimSuffix(e.Name(), ".txt"))
		example = strings.ReplaceAll(example, "\\\n", " ")
		for _, line := range strings.Split(example, "\n") {
			args := shellWords(line)
			if len(args) == 0 || args[0] != "sectornet" {
				continue // what the example prints (validate)
			}
			root := newRootCmd(&streams{})
			c, rest, err := root.Find(args[1:])
			if err == nil {
				err = c.ParseFlags(rest)
			}
			if err != nil {
				t.Errorf("%s: example %q: %v", e.Name(), line, err)
			}
			n++
		}
	}
	if n < 50 {
		t.Errorf("only %d examples read", n)
	}
}

// shellWords splits a command line as a shell would, as far as the help
// examples go: words separated by spaces, '...' and "..." quoting, up to
// a #, | or > outside quotes.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	in, quote := false, rune(0)
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == '#' || r == '|' || r == '>':
			if in {
				words = append(words, w.String())
			}
			return words
		case r == ' ' || r == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}
