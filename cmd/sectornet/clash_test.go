package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// clashData has organizations F1, forum:F1 and forum2:F1 beside forums F1
// and F2: prefixing the forums' ids with "forum:" (the first way out of
// the clash of F1 with F1) would clash again with the organization
// forum:F1, and "forum2:" with forum2:F1.
const clashData = "testdata/clash"

// TestTwoModeIDClash: the two-mode exports give each of the 4
// organizations and 2 forums a node id of its own (before, an
// organization forum:F1 beside a forum F1 gave two nodes of one id in
// GraphML, GEXF and Kumu, merged them in DOT, and failed the affiliation
// diagram: "Graphviz layout: 5 nodes, want 6"), say which prefix they
// chose, and the affiliation diagram is drawn with 6 nodes.
func TestTwoModeIDClash(t *testing.T) {
	ids := map[string]*regexp.Regexp{
		"graphml": regexp.MustCompile(`<node id="([^"]*)"`),
		"gexf":    regexp.MustCompile(`<node id="([^"]*)"`),
		"kumu":    regexp.MustCompile(`\{"id": "([^"]*)", "label"`),
		"dot":     regexp.MustCompile(`(?m)^\t"([^"]*)" \[label=`),
	}
	for format, re := range ids {
		code, stdout, stderr := sectornet(t, "export", clashData, "--mode", "two", "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		var got []string
		for _, m := range re.FindAllStringSubmatch(stdout, -1) {
			got = append(got, m[1])
		}
		slices.Sort(got)
		want := []string{"B", "F1", "forum2:F1", "forum3:F1", "forum3:F2", "forum:F1"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: node ids %q, want %q", format, got, want)
		}
		if !strings.Contains(stderr, `forum id "F1" is also an organization's; forum ids are written as forum3:ID`) {
			t.Errorf("%s: stderr %q", format, stderr)
		}
	}
	dir := t.TempDir()
	for _, ext := range []string{"svg", "dot"} {
		p := filepath.Join(dir, "a."+ext)
		if code, _, stderr := sectornet(t, "render", clashData, "--view", "affiliation", "-o", p); code != 0 {
			t.Fatalf("render %s: exit %d: %s", ext, code, stderr)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "a.dot"))
	for _, id := range []string{"\t\"forum3:F1\" [", "\t\"forum3:F2\" [", "\t\"forum:F1\" [", "\tF1 ["} {
		if !strings.Contains(string(b), id) {
			t.Errorf("affiliation DOT lacks node %s", id)
		}
	}
}
