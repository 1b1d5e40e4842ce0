package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/out"
)

// The dense dataset of issue 20: one forum of 5,000 members, so the
// co-membership network is complete (12,497,500 ties). Every command on it
// must finish within 10 s; these benchmarks time the commands whose
// kernels were cubic (clustering, brokerage, constraint, the E-I
// permutation test) and those that use the new structure measures.
//
//	go test ./cmd/sectornet -run XXX -bench Dense -benchtime 1x

// writeDenseForum writes n organizations in five sectors, all members of
// one forum, into dir.
func writeDenseForum(dir string, n int) error {
	sectors := []string{"government", "local", "business", "nonprofit", "academia"}
	var orgs, part strings.Builder
	orgs.WriteString("id,name,sector\n")
	part.WriteString("org,forum\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&orgs, "O%04d,Organization %d,%s\n", i, i, sectors[i%5])
		fmt.Fprintf(&part, "O%04d,F1\n", i)
	}
	for name, text := range map[string]string{
		"organizations.csv": orgs.String(),
		"forums.csv":        "id,name\nF1,The one forum\n",
		"participation.csv": part.String(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func denseDataset(b *testing.B) string {
	dir := b.TempDir()
	if err := writeDenseForum(dir, 5000); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchDense(b *testing.B, args ...string) {
	dir := denseDataset(b)
	a := append([]string{args[0], dir}, args[1:]...)
	for b.Loop() {
		var out, errs bytes.Buffer
		if code := run(context.Background(), &streams{In: strings.NewReader(""), Out: &out, Err: &errs}, a); code != 0 {
			b.Fatalf("%v: exit %d: %s", a, code, errs.String())
		}
	}
}

func BenchmarkDenseSummary(b *testing.B)     { benchDense(b, "summary") }
func BenchmarkDenseSectors(b *testing.B)     { benchDense(b, "sectors") }
func BenchmarkDenseBrokers(b *testing.B)     { benchDense(b, "brokers") }
func BenchmarkDenseCore(b *testing.B)        { benchDense(b, "core") }
func BenchmarkDenseCentrality(b *testing.B)  { benchDense(b, "centrality") }
func BenchmarkDenseAnalyze(b *testing.B)     { benchDense(b, "analyze") }
func BenchmarkDenseCommunities(b *testing.B) { benchDense(b, "communities") }
func BenchmarkDenseAnalyzeStructure(b *testing.B) {
	benchDense(b, "analyze", "--measures", strings.Join(out.StructureMeasures, ","))
}

func BenchmarkDenseReport(b *testing.B) {
	benchDense(b, "report", "-o", filepath.Join(b.TempDir(), "report"))
}
