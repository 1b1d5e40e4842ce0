package main

import (
	"bytes"
	"cmp"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// BenchmarkReportFigures draws every figure of the report
// (out.ReportFigures, each in SVG and PNG, from one analysis as the report does) on
// generated datasets of 5,000 and 20,000 organizations (data.Generate,
// seed 1, shaped like shared/bench/gen.py), or on the dataset folders
// listed in SECTORNET_BENCH_FIGURES (comma-separated, e.g.
// /work/data/ds5000,/work/data/ds20000), with the dataset already read:
// the figure budgets of BENCHMARKS.md (5 s and 15 s). It logs where the
// time goes: per figure, building it (the computations it asks of the
// analysis, layouts included) and writing its SVG and its PNG; then the
// analysis's Work by kind; then the wall clock and the CPU time (this
// process and the layout child processes), the fairer figure on a shared
// machine. It also fails when a PNG is over 4,000 pixels a side or 10 MB.
//
//	SECTORNET_BENCH_FIGURES=/work/data/ds5000 go test ./cmd/sectornet -run '^$' -bench ReportFigures -benchtime 1x -v
func BenchmarkReportFigures(b *testing.B) {
	type dataset struct {
		name string
		d    *graph.Dataset
	}
	var sets []dataset
	if dirs := os.Getenv("SECTORNET_BENCH_FIGURES"); dirs != "" {
		for _, dir := range strings.Split(dirs, ",") {
			d, err := data.Load(os.DirFS(dir))
			if err != nil {
				b.Fatal(err)
			}
			sets = append(sets, dataset{filepath.Base(dir), d})
		}
	} else {
		for _, n := range []int{5000, 20000} {
			d, err := data.Generate(data.GenerateOptions{Orgs: n, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			sets = append(sets, dataset{strconv.Itoa(n/1000) + "k", d})
		}
	}
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				cpu0, start := cpuTime(), time.Now()
				a := out.NewAnalysis(set.d, out.AnalysisOptions{Source: "DATA", Layout: childLayout})
				var build, buildCPU time.Duration
				var write, writeCPU [2]time.Duration
				for _, rf := range out.ReportFigures {
					t0, c0 := time.Now(), cpuTime()
					fig, err := rf.Figure(context.Background(), a, graph.NetworkSpec{})
					tb := time.Since(t0)
					build += tb
					buildCPU += cpuTime() - c0
					if err != nil {
						if !strings.Contains(err.Error(), "needs") {
							b.Logf("%s: %v", rf.Name, err)
						}
						continue
					}
					var tw [2]time.Duration
					for i, ext := range []out.FigureFormat{out.FigureSVG, out.FigurePNG} {
						t0, c0 := time.Now(), cpuTime()
						var buf bytes.Buffer
						if err := a.WriteFigure(context.Background(), &buf, fig, ext); err != nil {
							b.Logf("%s: %v", rf.Name, err)
						}
						tw[i] = time.Since(t0)
						write[i] += tw[i]
						writeCPU[i] += cpuTime() - c0
						if err := os.WriteFile(filepath.Join(dir, rf.Name+"."+string(ext)), buf.Bytes(), 0o644); err != nil {
							b.Fatal(err)
						}
					}
					b.Logf("%-13s build %6.2f s  svg %6.2f s  png %6.2f s", rf.Name, tb.Seconds(), tw[0].Seconds(), tw[1].Seconds())
				}
				total, cpu := time.Since(start), cpuTime()-cpu0
				byKind := map[string]time.Duration{}
				var kinds []string
				for _, w := range a.Work() {
					if _, ok := byKind[w.Kind]; !ok {
						kinds = append(kinds, w.Kind)
					}
					byKind[w.Kind] += w.Elapsed
				}
				slices.SortFunc(kinds, func(x, y string) int { return cmp.Compare(byKind[y], byKind[x]) })
				for _, k := range kinds {
					b.Logf("  work %-14s %6.2f s", k, byKind[k].Seconds())
				}
				for _, w := range a.Work() {
					if w.Elapsed >= 100*time.Millisecond {
						b.Logf("  work %-14s %6.2f s  %.70s", w.Kind, w.Elapsed.Seconds(), w.Key)
					}
				}
				b.Logf("all figures: %.2f s (build %.2f, svg %.2f, png %.2f); CPU %.2f s (build %.2f, svg %.2f, png %.2f)", total.Seconds(), build.Seconds(), write[0].Seconds(), write[1].Seconds(),
					cpu.Seconds(), buildCPU.Seconds(), writeCPU[0].Seconds(), writeCPU[1].Seconds())
			}
			b.StopTimer()
			checkPNGs(b, dir)
		})
	}
}

func checkPNGs(b *testing.B, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, p := range files {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		f, _ := os.Open(p)
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if cfg.Width > 4000 || cfg.Height > 4000 || st.Size() > 10<<20 {
			b.Errorf("%s: %dx%d pixels, %d bytes", filepath.Base(p), cfg.Width, cfg.Height, st.Size())
		}
		b.Logf("%s: %dx%d, %d KB", filepath.Base(p), cfg.Width, cfg.Height, st.Size()>>10)
	}
}
