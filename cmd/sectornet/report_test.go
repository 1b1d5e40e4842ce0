package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/out"
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

// memFolder keeps a report's files in memory.
type memFolder map[string][]byte

func (m memFolder) WriteFile(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	m[name] = b.Bytes()
	return nil
}

// TestReportWork counts the work the report of the sample does: every
// network, measure, test and layout the analysis computes runs once,
// though several views show it (betweenness sizes the network diagram,
// ranks the centrality chart, fills the centrality table and names the
// top brokers; the forum effect is in the change tables and the
// headlines; each diagram's SVG and PNG share one layout).
func TestReportWork(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	a := out.NewAnalysis(d, out.AnalysisOptions{Layout: childLayout})
	files := memFolder{}
	r, err := out.WriteReport(context.Background(), a, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, w := range a.Work() {
		t.Logf("%s %s: %d", w.Kind, w.Key, w.Runs)
		if w.Runs != 1 {
			t.Errorf("%s %s ran %d times", w.Kind, w.Key, w.Runs)
		}
		kinds[w.Kind]++
	}
	// The sample: two waves (one pair); four diagrams (network,
	// affiliation, sectors, change), each drawn in SVG and PNG.
	for kind, want := range map[string]int{
		"paths": 1, "eigenvector": 1, "pagerank": 1, "louvain": 1, "brokerage": 1, "eiTest": 1,
		"tieChange": 1, "change": 1, "layout": 4, "balance": 1, "firsts": 1,
	} {
		if kinds[kind] != want {
			t.Errorf("%d computations of kind %s, want %d", kinds[kind], kind, want)
		}
	}
	if r.FigureFiles() != 18 || files["figures/network.png"] == nil || files["report.md"] == nil {
		t.Errorf("%d figure files; report.md %d bytes", r.FigureFiles(), len(files["report.md"]))
	}
}

// TestReportCancel stops the report through its context: it returns the
// context's error, and what was cut short is not kept as a result.
func TestReportCancel(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	a := out.NewAnalysis(d, out.AnalysisOptions{Layout: childLayout})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := out.WriteReport(ctx, a, memFolder{}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled report: %v", err)
	}
	// The same analysis computes what the cancelled run did not keep.
	if _, err := out.WriteReport(context.Background(), a, memFolder{}, nil); err != nil {
		t.Fatal(err)
	}
}
