package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
	"github.com/sectornet/sectornet/out/outfile"
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
	if !regexp.MustCompile(`sectornet report: 1/\d+ figures/network\n`).MatchString(errs) || !regexp.MustCompile(`sectornet report: wrote `+regexp.QuoteMeta(dir)+`: report.html, report.md, references.bib, \d+ figure files and `).MatchString(errs) {
		t.Errorf("progress lines:\n%s", errs)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	var written []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != "report.md" && e.Name() != outfile.ManifestName {
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
		"tables/centrality-organizations.tex", "tables/brokers-brokers.csv", "tables/change-sector_pairs.md", "tables/summary-dataset.xlsx",
	} {
		if !slices.Contains(written, want) {
			t.Errorf("no %s", want)
		}
	}
	// Headlines worked from the good dataset's files: forums F1 {A gov,
	// B bus, C npo}, F2 {A, C, D npo}, F3 {C, D}; the forum network has
	// ties A-B, A-C, A-D, B-C, C-D of which C-D is within a sector.
	for _, want := range []string{
		"It covers 5 organizations in 4 sectors",
		"- **Mixing:** 80% of the ties cross sectors (E-I index 0.60,",
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
	r, err := out.WriteReport(context.Background(), a, out.ReportOptions{Auto: true, Made: "2026-01-01"}, files, nil)
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
	// The sample: two waves (one pair); eight diagrams (network,
	// affiliation, sectors, change, waves, mixing, brokers, attendance;
	// change, waves and attendance placed by sectornet), each drawn in SVG
	// and PNG from one layout; 16 figures, 32 files.
	for kind, want := range map[string]int{
		"paths": 1, "eigenvector": 1, "pagerank": 1, "communities": 1, "brokerage": 1, "eiTest": 1, "forumFit": 1, "corePartition": 1,
		"tieChange": 1, "change": 1, "layout": 8, "balance": 1, "firsts": 1,
	} {
		if kinds[kind] != want {
			t.Errorf("%d computations of kind %s, want %d", kinds[kind], kind, want)
		}
	}
	if r.FigureFiles() != 32 || files["figures/network.png"] == nil || files["report.md"] == nil {
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
	if _, err := out.WriteReport(ctx, a, out.ReportOptions{Auto: true}, memFolder{}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled report: %v", err)
	}
	// The same analysis computes what the cancelled run did not keep.
	if _, err := out.WriteReport(context.Background(), a, out.ReportOptions{Auto: true}, memFolder{}, nil); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkReport writes the report of a generated 300-organization
// dataset (or of the dataset folder in SECTORNET_BENCH_REPORT, e.g.
// /work/data/ds5000) into memory, on a fresh analysis each time, and logs
// where the time went: each kind of computation of the analysis
// (networks, measures, tests, layouts), the rest being drawing and
// writing.
//
//	SECTORNET_BENCH_REPORT=/work/data/ds5000 go test ./cmd/sectornet -run '^$' -bench Report -benchtime 1x -v
func BenchmarkReport(b *testing.B) {
	var d *graph.Dataset
	var err error
	if dir := os.Getenv("SECTORNET_BENCH_REPORT"); dir != "" {
		d, err = data.Load(os.DirFS(dir))
	} else {
		d, err = data.Generate(data.GenerateOptions{Orgs: 300, ForumSize: 16, Memberships: 2.5, MaxMemberships: 12, Seed: 1})
	}
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		a := out.NewAnalysis(d, out.AnalysisOptions{Layout: childLayout})
		start := time.Now()
		if _, err := out.WriteReport(context.Background(), a, out.ReportOptions{Auto: true}, memFolder{}, nil); err != nil {
			b.Fatal(err)
		}
		total := time.Since(start)
		byKind := map[string]time.Duration{}
		var kinds []string
		var computed time.Duration
		for _, w := range a.Work() {
			if _, ok := byKind[w.Kind]; !ok {
				kinds = append(kinds, w.Kind)
			}
			byKind[w.Kind] += w.Elapsed
			computed += w.Elapsed
		}
		slices.SortFunc(kinds, func(x, y string) int { return cmp.Compare(byKind[y], byKind[x]) })
		for _, k := range kinds {
			b.Logf("%-12s %8.2f s", k, byKind[k].Seconds())
		}
		for _, w := range a.Work() {
			if w.Kind == "layout" {
				b.Logf("  layout %-40s %8.2f s", w.Key, w.Elapsed.Seconds())
			}
		}
		b.Logf("%-12s %8.2f s (drawing the scenes and charts, writing the files)", "the rest", (total - computed).Seconds())
		b.Logf("%-12s %8.2f s", "total", total.Seconds())
	}
}
