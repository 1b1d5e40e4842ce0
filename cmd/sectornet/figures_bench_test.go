package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
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
// seed 1, shaped like shared/bench/gen.py), with the dataset already read:
// the figure budgets of BENCHMARKS.md (5 s and 15 s). It also fails when a
// PNG is over 4,000 pixels a side or 10 MB.
func BenchmarkReportFigures(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		d, err := data.Generate(data.GenerateOptions{Orgs: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				a := out.NewAnalysis(d, out.AnalysisOptions{Source: "DATA", Layout: childLayout})
				for _, rf := range out.ReportFigures {
					fig, err := rf.Figure(context.Background(), a, graph.NetworkSpec{})
					if err != nil {
						if !strings.Contains(err.Error(), "needs") {
							b.Logf("%s: %v", rf.Name, err)
						}
						continue
					}
					for _, ext := range []out.FigureFormat{out.FigureSVG, out.FigurePNG} {
						t0 := time.Now()
						var buf bytes.Buffer
						if err := a.WriteFigure(context.Background(), &buf, fig, ext); err != nil {
							b.Logf("%s: %v", rf.Name, err)
						}
						if err := os.WriteFile(filepath.Join(dir, rf.Name+"."+string(ext)), buf.Bytes(), 0o644); err != nil {
							b.Fatal(err)
						}
						b.Logf("%s.%s: %v", rf.Name, ext, time.Since(t0).Round(time.Millisecond))
					}
				}
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
