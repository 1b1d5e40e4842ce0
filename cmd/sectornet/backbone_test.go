package main

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestBackboneCommand compares `backbone --all --format csv` on the good
// dataset with the independent Python reference of graph/testdata
// (sdsm_ref.py, case good: C sits in every forum, E in none).
func TestBackboneCommand(t *testing.T) {
	ref := map[string][2]float64{} // "A-B": shared, p
	b, err := os.ReadFile("../../graph/testdata/sdsm_good.txt")
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"A", "B", "C", "D", "E"}
	for _, l := range strings.Split(string(b), "\n") {
		fs := strings.Fields(l)
		if len(fs) == 6 && fs[0] == "tie" {
			i, _ := strconv.Atoi(fs[1])
			j, _ := strconv.Atoi(fs[2])
			w, _ := strconv.ParseFloat(fs[3], 64)
			p, _ := strconv.ParseFloat(fs[4], 64)
			ref[ids[i]+"-"+ids[j]] = [2]float64{w, p}
		}
	}
	code, stdout, errs := sectornet(t, "backbone", good, "--all", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"source", "target", "source_name", "target_name", "source_sector", "target_sector", "weight", "shared", "expected", "p_value", "p_adjusted", "kept"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Fatalf("header %v", rows[0])
	}
	if len(rows)-1 != len(ref) {
		t.Fatalf("%d ties, reference %d", len(rows)-1, len(ref))
	}
	for _, r := range rows[1:] {
		w, ok := ref[r[0]+"-"+r[1]]
		p, _ := strconv.ParseFloat(r[9], 64)
		if !ok || r[7] != strconv.Itoa(int(w[0])) || math.Abs(p-w[1]) > 1e-9 {
			t.Errorf("tie %s-%s shared %s p %s, reference %v", r[0], r[1], r[7], r[9], w)
		}
		if r[11] != "no" {
			t.Errorf("tie %s-%s kept: no tie of so small a network is significant", r[0], r[1])
		}
	}
	// Reported ties take the disparity filter; SDSM on them is refused.
	if code, _, errs := sectornet(t, "backbone", good, "--basis", "ties", "--method", "sdsm"); code != exitUsage || !strings.Contains(errs, "not reported ties") {
		t.Errorf("sdsm on ties: code %d, %s", code, errs)
	}
	if code, out, errs := sectornet(t, "backbone", good, "--basis", "ties", "--all"); code != 0 || !strings.Contains(out, "disparity") {
		t.Errorf("ties: code %d, %s%s", code, out, errs)
	}
}

// export --backbone writes exactly the ties the backbone command keeps.
func TestExportBackbone(t *testing.T) {
	code, kept, errs := sectornet(t, "backbone", "--basis", "meetings", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	code, el, errs := sectornet(t, "export", "--basis", "meetings", "--backbone", "sdsm")
	if code != 0 {
		t.Fatal(errs)
	}
	k, _ := csv.NewReader(strings.NewReader(kept)).ReadAll()
	e, _ := csv.NewReader(strings.NewReader(el)).ReadAll()
	if len(k) < 50 || len(k) != len(e) {
		t.Fatalf("backbone keeps %d ties, export writes %d", len(k)-1, len(e)-1)
	}
	ties := map[string]bool{}
	for _, r := range k[1:] {
		ties[r[0]+"-"+r[1]] = true
	}
	for _, r := range e[1:] {
		if !ties[r[0]+"-"+r[1]] && !ties[r[1]+"-"+r[0]] {
			t.Errorf("export writes %s-%s, which the backbone does not keep", r[0], r[1])
		}
	}
}

// Every aggregated view draws on the good dataset and on the sample, in
// SVG (and PNG on good), and its legend says which view it is.
func TestAggregateViews(t *testing.T) {
	dir := t.TempDir()
	for _, ds := range [][]string{{good}, nil} {
		for _, v := range []string{"communities", "mixing", "brokers", "forums", "waves", "sector-change"} {
			exts := []string{".svg", ".png"}
			if ds == nil {
				exts = exts[:1]
			}
			for _, ext := range exts {
				path := dir + "/" + v + ext
				args := append(append([]string{"render"}, ds...), "--view", v, "-o", path)
				if code, _, errs := sectornet(t, args...); code != 0 {
					t.Fatalf("%v: %s", args, errs)
				}
				if ext != ".svg" {
					continue
				}
				b, _ := os.ReadFile(path)
				if text := strings.Join(strings.Fields(svgText(t, b)), " "); !strings.Contains(text, "View: ") {
					t.Errorf("%v: the legend does not say which view:\n%s", args, text)
				}
			}
		}
	}
}
