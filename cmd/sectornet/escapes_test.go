package main

import (
	"strings"
	"testing"
)

// escapesData is hostile8 with terminal escape sequences in its names: a
// forum id that sets the terminal's title (ESC ] 0 ; pwned BEL), an
// organization id that clears the screen (ESC [ 2 J), a sector id with a
// BEL, a sector label and a name in red (ESC [ 31 m) and a name with the
// 8-bit CSI (U+009B).
const escapesData = "testdata/escapes"

// terminalControls returns the control characters of s that a terminal
// acts on: every C0 control but the line feed, DEL and the C1 controls.
func terminalControls(s string) []rune {
	var bad []rune
	for _, r := range s {
		if r != '\n' && (r < 0x20 || r >= 0x7f && r <= 0x9f) {
			bad = append(bad, r)
		}
	}
	return bad
}

// TestTerminalEscapes runs every command that prints for people on
// escapesData: nothing it prints on stdout in the text, Markdown, LaTeX
// and (spreadsheet-safe) CSV formats, nor anything on stderr (messages,
// warnings, notes, errors), holds a control character a terminal acts on.
// Before, balance --check printed the forum id raw (setting the
// terminal's title) and every table let U+009B through. --raw CSV keeps
// the text as it is, escapes included, for tools.
func TestTerminalEscapes(t *testing.T) {
	runs := [][]string{
		{"summary"}, {"balance"}, {"balance", "--check"}, {"engagement"}, {"engagement", "--check"},
		{"centrality"}, {"brokers"}, {"sectors", "--permutations", "20"}, {"communities"}, {"core"},
		{"firsts"}, {"suggest"}, {"survey"}, {"analyze"}, {"validate"}, {"backbone"},
		{"change", "--from", "2012", "--to", "2014", "--permutations", "20"},
		{"centrality", "--org", "nobody"}, // an error naming what was asked for
	}
	seen := 0
	for _, r := range runs {
		for _, f := range []string{"table", "md", "tex", "csv"} {
			args := append([]string{r[0], escapesData, "--format", f}, r[1:]...)
			code, stdout, stderr := sectornet(t, args...)
			if code != exitOK && code != exitCheck && code != exitUsage {
				t.Errorf("%v: exit %d: %s", args, code, stderr)
			}
			if bad := terminalControls(stdout); len(bad) > 0 {
				t.Errorf("%v: stdout holds %q:\n%s", args, bad, stdout)
			}
			if bad := terminalControls(stderr); len(bad) > 0 {
				t.Errorf("%v: stderr holds %q:\n%s", args, bad, stderr)
			}
			if strings.Contains(stdout, "pwned") || strings.Contains(stdout, "Plain [31mGov") {
				seen++
			}
		}
	}
	if seen < 10 {
		t.Errorf("the hostile names came out only %d times: the test tests too little", seen)
	}
	// The forum id in a breach: its ESC and BEL are spaces.
	_, stdout, _ := sectornet(t, "balance", escapesData, "--check")
	if !strings.Contains(stdout, "F1 ]0;pwned : ") {
		t.Errorf("balance --check:\n%s", stdout)
	}
	// An error naming a folder: the path, typed or from a script, is
	// printed as text.
	code, _, stderr := sectornet(t, "summary", "no\x1b]0;pwned\x07where")
	if code != exitError || stderr != "sectornet: no ]0;pwned where: no such folder\n" {
		t.Errorf("error line: %d %q", code, stderr)
	}
	// --raw: CSV is data, written as it is.
	_, stdout, _ = sectornet(t, "summary", escapesData, "--format", "csv", "--raw")
	if !strings.Contains(stdout, "F1\x1b]0;pwned\x07") {
		t.Errorf("--raw CSV lost the id's escape:\n%q", stdout)
	}
}
