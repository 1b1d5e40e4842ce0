package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestAnalyze checks the analyze rows of the good dataset's forum network
// (A-B 1, A-C 2, A-D 1, B-C 1, C-D 2, E alone) against values worked by
// hand. Betweenness: the only pair without a direct tie among A-D is B-D,
// with shortest paths B-A-D and B-C-D, so A and C each get 1/2, normalized
// by (n-1)(n-2)/2 = 6: 1/12. Closeness (Wasserman-Faust, n = 5): A reaches
// 3 others at distance 1 each, (3/3)(3/4) = 0.75; B reaches A, C at 1 and
// D at 2, (3/4)(3/4) = 0.5625; E is isolated, 0.
func TestAnalyze(t *testing.T) {
	code, out, errs := sectornet(t, "analyze", good, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(rows[0], ","); h != "id,name,sector,degree,strength,betweenness,closeness,eigenvector,pagerank,community" {
		t.Errorf("header %q", h)
	}
	want := map[string][]string{ // degree, strength, betweenness, closeness
		"A": {"3", "4", "0.08333333333333333", "0.75"},
		"B": {"2", "2", "0", "0.5625"},
		"C": {"3", "5", "0.08333333333333333", "0.75"},
		"E": {"0", "0", "0", "0"},
	}
	for _, f := range rows[1:] {
		if w, ok := want[f[0]]; ok {
			if got := f[3:7]; strings.Join(got, " ") != strings.Join(w, " ") {
				t.Errorf("%s: got %v, want %v", f[0], got, w)
			}
		}
	}
	if !strings.Contains(errs, "modularity") || !strings.Contains(errs, "seed 1") {
		t.Errorf("stderr %q", errs)
	}
}
