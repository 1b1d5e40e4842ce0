package main

import (
	"bufio"
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

const qapSample = "../../graph/testdata/qapsample"

// TestQAPCommandSNA runs `sectornet qap` on the frozen copy of the sample
// that graph/testdata/qap_ref.R read, with sna's default scheme spelled
// out, and checks the printed coefficients, standard errors and z values
// against R sna netlogit's (graph/testdata/qap_ref_sample.txt, model
// forum-qapy) to 1e-9: the command builds the same dyadic variables and
// the same model as R did from the CSV files.
func TestQAPCommandSNA(t *testing.T) {
	want := map[string][3]float64{}
	f, err := os.Open("../../graph/testdata/qap_ref_sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) > 5 && fs[0] == "coef" && fs[1] == "forum-qapy" {
			var v [3]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(fs[3+i], 64)
			}
			want[fs[2]] = v
		}
	}
	f.Close()
	if len(want) != 4 {
		t.Fatalf("%d coefficients of forum-qapy in the reference", len(want))
	}
	code, stdout, stderr := sectornet(t, "qap", qapSample, "--null", "qapy", "--permutations", "0", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r := csv.NewReader(strings.NewReader(stdout))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, row := range rows {
		w, ok := want[row[0]]
		if !ok || len(row) < 5 {
			continue
		}
		delete(want, row[0]) // the coefficient table comes first
		seen++
		for k, col := range []int{1, 3, 4} { // estimate, se, z
			got, err := strconv.ParseFloat(row[col], 64)
			if err != nil || math.Abs(got-w[k]) > 1e-9*math.Max(1, math.Abs(w[k])) {
				t.Errorf("%s column %d: %s, R %v", row[0], col, row[col], w[k])
			}
		}
	}
	if seen != 4 {
		t.Errorf("%d of 4 coefficients printed:\n%s", seen, stdout)
	}
}

// TestQAPCommandErrors: bad terms and models are usage errors (exit 2)
// naming the flag and the problem.
func TestQAPCommandErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--outcome", "tie:2014", "--predict", "forums,bogus"}, `--predict: unknown dyadic term "bogus": unknown kind "bogus"`},
		{[]string{"--outcome", "tie:2099", "--predict", "forums"}, `--outcome: unknown dyadic term "tie:2099": no ties in wave "2099" (waves: "2012", "2014")`},
		{[]string{"--outcome", "tie:2014", "--predict", "same:colour"}, `organizations.csv has no column "colour" (extra columns: "city", "size"`},
		{[]string{"--outcome", "tie:2014", "--predict", "diff:city"}, `organization "G01" has city "Jerusalem", not a number (same:city compares categories)`},
		{[]string{"--outcome", "tie:2014", "--predict", "forums,same-sector,sector-pairs"}, `is a linear combination of the intercept and`},
		{[]string{"--outcome", "weight:2014", "--predict", "forums", "--model", "logit"}, `logistic regression needs an outcome of 0 and 1`},
		{[]string{"--outcome", "new:2012:2014", "--predict", "tie:2012"}, `"tie:2012" has the same value for every dyad fitted`},
		{[]string{"--null", "qap"}, `"qap" is ambiguous`},
		{[]string{"--outcome", "tie:2014"}, "give both --outcome and --predict"},
	}
	for _, c := range cases {
		code, _, stderr := sectornet(t, append([]string{"qap", qapSample, "--permutations", "0"}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}
