package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReport writes the report of the good dataset and checks that
// report.md links every file written and every link leads to a file, that
// each figure exists in SVG and PNG and each table in CSV, Markdown and
// LaTeX, and that a second run replaces its files and leaves others alone.
func TestReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	code, _, errs := sectornet(t, "report", good, "-o", dir)
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(errs, "sectornet report: 1/29 figures/network\n") || !strings.Contains(errs, "sectornet report: wrote "+dir+": 32 figure files, ") {
		t.Errorf("progress lines:\n%s", errs)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	var written []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != "report.md" {
			rel, _ := filepath.Rel(dir, p)
			written = append(written, filepath.ToSlash(rel))
		}
		return nil
	})
	var linked []string
	for _, m := range regexp.MustCompile(`\]\(([^)]+)\)`).FindAllStringSubmatch(string(md), -1) {
		if !slices.Contains(linked, m[1]) {
			linked = append(linked, m[1])
		}
	}
	slices.Sort(linked)
	slices.Sort(written)
	if !slices.Equal(linked, written) {
		t.Errorf("report.md links\n%v\nfiles written\n%v", linked, written)
	}
	for _, want := range []string{
		"figures/network.svg", "figures/network.png", "figures/balance.svg", "figures/firsts.png", "figures/change.svg",
		"tables/summary-dataset.csv", "tables/summary-dataset.md", "tables/summary-dataset.tex",
		"tables/centrality-organizations.tex", "tables/brokers-brokers.csv", "tables/change-sector_pairs.md",
	} {
		if !slices.Contains(written, want) {
			t.Errorf("no %s", want)
		}
	}
	// Headlines worked from the good dataset's files: forums F1 {A gov,
	// B bus, C npo}, F2 {A, C, D npo}, F3 {C, D}; the forum network has
	// ties A-B, A-C, A-D, B-C, C-D of which C-D is within a sector.
	for _, want := range []string{
		"5 organizations in 4 sectors, 3 forums, 3 meetings, 2 survey waves",
		"**Mixing:** E-I index 0.60 over shared forums: 4 ties across sectors, 1 within",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	// A second run leaves a foreign file alone and rewrites its own.
	foreign := filepath.Join(dir, "figures", "mine.txt")
	os.WriteFile(foreign, []byte("keep"), 0o644)
	os.WriteFile(filepath.Join(dir, "tables", "summary-dataset.csv"), []byte("stale"), 0o644)
	if code, _, errs := sectornet(t, "report", good, "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(foreign); string(b) != "keep" {
		t.Error("a file the report did not write was changed")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "tables", "summary-dataset.csv")); !strings.HasPrefix(string(b), "item,count\n") {
		t.Errorf("summary-dataset.csv not rewritten: %q", b)
	}
	if ms, _ := filepath.Glob(filepath.Join(dir, "*", ".*tmp*")); len(ms) > 0 {
		t.Errorf("temporary files left: %v", ms)
	}
}
