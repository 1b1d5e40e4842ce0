package main

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sectornet/sectornet/data"
)

// BenchmarkReportFigures draws every figure of the report (reportFigures,
// each in SVG and PNG, through the same command lines the report runs) on
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
				for _, f := range reportFigures {
					for _, ext := range []string{"svg", "png"} {
						t0 := time.Now()
						path := filepath.Join(dir, f.name+"."+ext)
						args := append(append(slices.Clone(f.args[:1]), "DATA"), f.args[1:]...)
						var errb bytes.Buffer
						sub := &streams{In: strings.NewReader(""), Out: io.Discard, Err: &errb, loaded: d, loadedDir: "DATA"}
						root := newRootCmd(sub)
						root.SetArgs(append(args, "-o", path))
						if err := root.ExecuteContext(context.Background()); err != nil && !strings.Contains(err.Error(), "needs") {
							b.Logf("%s: %v", f.name, err)
						}
						b.Logf("%s.%s: %v", f.name, ext, time.Since(t0).Round(time.Millisecond))
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
