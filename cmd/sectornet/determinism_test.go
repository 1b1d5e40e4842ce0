package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// invocations are the command lines whose output must be byte-identical
// across runs and across GOMAXPROCS values (issue 8: same input, same
// bytes). Every command that writes output belongs here; "{out}" is
// replaced by a fresh output path for commands that write files.
var invocations = [][]string{
	{"summary", good, "--format", "json"},
	{"summary", good, "--format", "table"},
	{"summary", good, "--basis", "meetings", "--weight", "jaccard", "--format", "csv"},
	{"export", good, "--format", "edgelist"},
	{"analyze", good, "--format", "json"},
	{"analyze", good, "--basis", "ties", "--paths", "weighted", "--format", "csv"},
	{"export", good, "--basis", "ties", "--format", "edgelist", "-o", "{out}"},
	{"centrality", good, "--format", "csv"},
	{"centrality", good, "--paths", "weighted", "--format", "json"},
	{"centrality", good, "--approx", "--format", "md"},
	{"analyze", good, "--approx", "--seed", "3", "--format", "json"},
	{"centrality", good, "--mode", "two", "--basis", "meetings", "--format", "md"},
	{"sectors", good, "--format", "json"},
	{"sectors", good, "--basis", "meetings", "--format", "table"},
	{"brokers", good, "--format", "csv"},
	{"brokers", "--format", "csv"},
	{"core", "--format", "json"},
	{"core", good, "--restarts", "3", "--format", "md"},
	{"sectors", "--permutations", "200", "--format", "json"},
	{"analyze", "--method", "leiden", "--measures", "degree,community,kcore,coreness,core,harmonic,eccentricity,clustering,weighted_clustering,constraint,effective_size,efficiency,hierarchy,partner_blau,partner_iqv,ssi", "--format", "csv"},
	{"communities", "--format", "csv"},
	{"communities", good, "--format", "json"},
	{"communities", good, "--resolution", "2", "--seed", "9", "--format", "tex"},
	{"change", waves, "--format", "json"},
	{"change", waves, "--format", "table", "--seed", "5"},
	{"firsts", waves, "--pairs", "--format", "csv"},
	{"suggest", waves, "--format", "md"},
	{"change", "--format", "csv"},
	{"suggest", "--format", "json"},
	{"firsts", "--pairs", "--format", "csv"},
	{"init", "--xlsx", "{out}.xlsx", "--sample"},
	{"init", "--xlsx", "{out}.xlsx"},
	{"import", "matrix", "testdata/matrix.csv", "--as", "participation"},
	{"export", "--format", "graphml"},
	{"export", "--format", "gexf", "--waves"},
	{"export", "--format", "pajek", "--mode", "two", "--basis", "meetings"},
	{"export", "--format", "dl", "--mode", "two"},
	{"export", "--format", "kumu", "--basis", "ties"},
	{"export", "--format", "dot", "-o", "{out}.dot"},
	{"render", good, "-o", "{out}.svg"},
	{"render", good, "--view", "affiliation", "-o", "{out}.png"},
	{"render", waves, "--view", "change", "-o", "{out}.pdf"},
	{"render", good, "--view", "sectors", "--format", "dot"},
	{"balance", "--format", "json"},
	{"balance", seedForum, "--format", "md"},
	{"balance", seedForum, "--check", "--forum", "F1", "--tolerance", "0.3"},
	{"chart", good, "--kind", "degree", "-o", "{out}.svg"},
	{"report", good, "-o", "{out}"},
	{"chart", good, "--kind", "balance", "-o", "{out}.pdf"},
	{"chart", waves, "--kind", "firsts", "-o", "{out}.png"},
	{"chart", waves, "--kind", "change", "--format", "svg"},
	{"qap", "--format", "csv"},
	{"qap", "--outcome", "tie:2014", "--predict", "forums,tie:2012,same:city", "--model", "lm", "--null", "qapy", "--permutations", "300", "--format", "md"},
	{"qap", waves, "--outcome", "tie:2014", "--predict", "tie:2012,forums", "--null", "qapy", "--format", "json"},
	{"summary", good, "--cug", "200", "--bootstrap", "200", "--format", "json"},
	{"sectors", "--cug", "100", "--bootstrap", "100", "--format", "csv"},
	{"change", waves, "--cug", "100", "--bootstrap", "100", "--format", "json"},
	{"brokers", "--z", "--format", "csv"},
}

// runBytes runs one invocation and returns its stdout followed by the
// content of the file or folder it wrote, if any.
func runBytes(t *testing.T, args []string) []byte {
	t.Helper()
	outPath := ""
	a := make([]string, len(args))
	for i, s := range args {
		if strings.Contains(s, "{out}") {
			if outPath == "" {
				outPath = filepath.Join(t.TempDir(), "out")
			}
			s = strings.ReplaceAll(s, "{out}", outPath)
		}
		a[i] = s
	}
	code, stdout, stderr := sectornet(t, a...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	var b bytes.Buffer
	b.WriteString(stdout)
	if outPath != "" {
		filepath.WalkDir(filepath.Dir(outPath), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				c, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(filepath.Dir(outPath), p)
				b.WriteString("\n== " + rel + "\n")
				b.Write(c)
			}
			return nil
		})
	}
	return b.Bytes()
}

func TestSameBytes(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, args := range invocations {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			runtime.GOMAXPROCS(1)
			first := runBytes(t, args)
			runtime.GOMAXPROCS(2)
			second := runBytes(t, args)
			third := runBytes(t, args)
			if !bytes.Equal(first, second) || !bytes.Equal(second, third) {
				t.Errorf("output differs between runs (GOMAXPROCS 1 vs 2)")
			}
		})
	}
}

// TestSameBytesGenerated runs the parallel kernels (Brandes blocks over
// twin classes, sampled betweenness and closeness, PageRank chunks) on a
// generated 1,500-organization dataset, large enough that every one of
// them is cut into many blocks, and compares the output of GOMAXPROCS 1
// and 2 byte for byte (issue 7).
func TestSameBytesGenerated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g")
	if code, _, errs := sectornet(t, "generate", "--orgs", "1500", "--seed", "3", "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, args := range [][]string{
		{"analyze", dir, "--format", "csv"},
		{"analyze", dir, "--approx", "--epsilon", "0.02", "--sources", "200", "--format", "csv"},
		{"centrality", dir, "--basis", "meetings", "--paths", "weighted", "--format", "csv"},
	} {
		runtime.GOMAXPROCS(1)
		one := runBytes(t, args)
		runtime.GOMAXPROCS(2)
		if two := runBytes(t, args); !bytes.Equal(one, two) {
			t.Errorf("%v: output differs between GOMAXPROCS 1 and 2", args)
		}
	}
}
