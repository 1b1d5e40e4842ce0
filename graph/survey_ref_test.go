package graph

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// reportsData reads testdata/reports.csv (written by reports_gen.py: 80
// organizations, a chain of 15, three small groups, a sparse core, 18
// isolates) as one wave in which every organization answered.
func reportsData(t *testing.T) *Dataset {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "reports.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	d := &Dataset{Sectors: []Sector{{ID: "s"}}}
	for i := range 80 {
		id := strconv.Itoa(i)
		d.Orgs = append(d.Orgs, Organization{ID: id, Name: id, Sector: "s"})
		d.Respondents = append(d.Respondents, Respondent{Org: id, Wave: "1"})
	}
	for _, r := range rows[1:] {
		w, _ := strconv.ParseFloat(r[2], 64)
		d.Ties = append(d.Ties, Tie{Source: r[0], Target: r[1], Wave: "1", Weight: w, Trust: NoScore, Value: NoScore})
	}
	return d
}

// refLines reads the lines of a reference output, without its header.
func refLines(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, strings.Fields(l))
		}
	}
	return out
}

func refFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReciprocityReference compares reciprocity, in-degree and
// out-degree with NetworkX (testdata/reciprocity_networkx.txt) and R sna
// (testdata/reciprocity_sna.txt), and, when everyone answered, the tie
// sets of RuleMax and RuleMin with sna symmetrize(rule="weak") and
// (rule="strong") and the weights of max, union, min and reciprocated
// with igraph as.undirected ("collapse" with max and mean, "mutual" with
// min and mean).
func TestReciprocityReference(t *testing.T) {
	d := reportsData(t)
	r := DirectedReports(d, "1", "")
	x := r.Reciprocity()
	in, out := r.Degrees()
	for _, file := range []string{"reciprocity_networkx.txt", "reciprocity_sna.txt"} {
		sym := map[string]map[[2]int]float64{}
		for _, l := range refLines(t, file) {
			switch l[0] {
			case "reciprocity", "overall_reciprocity":
				if v := refFloat(t, l[1]); !nearly(x.Arc, v) {
					t.Errorf("%s: %s %v, ours %v", file, l[0], v, x.Arc)
				}
			case "grecip":
				want := map[string]float64{"dyadic": x.Dyadic, "dyadic.nonnull": x.Dyad, "edgewise": x.Arc}[l[1]]
				if v := refFloat(t, l[2]); !nearly(want, v) {
					t.Errorf("%s: grecip %s %v, ours %v", file, l[1], v, want)
				}
			case "degree":
				v := int(refFloat(t, l[1]))
				if wi, wo := int(refFloat(t, l[2])), int(refFloat(t, l[3])); in[v] != wi || out[v] != wo {
					t.Errorf("%s: node %d in %d out %d, ours %d %d", file, v, wi, wo, in[v], out[v])
				}
			case "weak", "strong", "igraph-collapse-max", "igraph-collapse-mean", "igraph-mutual-min", "igraph-mutual-mean",
				"nonresponse-min", "nonresponse-respondent-only":
				if sym[l[0]] == nil {
					sym[l[0]] = map[[2]int]float64{}
				}
				sym[l[0]][[2]int{int(refFloat(t, l[1])), int(refFloat(t, l[2]))}] = refFloat(t, l[3])
			default:
				t.Fatalf("%s: unknown line %v", file, l)
			}
		}
		if file != "reciprocity_sna.txt" {
			continue
		}
		for _, c := range []struct {
			rule    Rule
			ref     string
			weights bool
		}{
			// sna's symmetrize gives binary tie sets.
			{RuleMax, "weak", false}, {RuleMin, "strong", false},
			// igraph combines the weights.
			{RuleMax, "igraph-collapse-max", true}, {RuleUnion, "igraph-collapse-mean", true},
			{RuleMin, "igraph-mutual-min", true}, {RuleReciprocated, "igraph-mutual-mean", true},
		} {
			want := sym[c.ref]
			got := edgesOf(TieNetworkRule(d, "1", "", c.rule, MissingReconstruct))
			if len(got) != len(want) || len(want) == 0 {
				t.Errorf("%v: %d ties, %s %d", c.rule, len(got), c.ref, len(want))
			}
			for k, w := range want {
				if gw, ok := got[k]; !ok || (c.weights && !nearly(gw, w)) {
					t.Errorf("%v: tie %v weight %v (present %v), %s %v", c.rule, k, gw, ok, c.ref, w)
				}
			}
		}
	}
	// Nonresponse: organizations 2, 7, 12, ... did not answer; their
	// reports are gone. The R script reconstructs their rows from their
	// columns before the strong rule, and takes the weak rule on the
	// respondents' submatrix.
	var nd Dataset
	nd.Sectors, nd.Orgs = d.Sectors, d.Orgs
	non := func(id string) bool { i, _ := strconv.Atoi(id); return i%5 == 2 }
	for _, r := range d.Respondents {
		if !non(r.Org) {
			nd.Respondents = append(nd.Respondents, r)
		}
	}
	for _, x := range d.Ties {
		if !non(x.Source) {
			nd.Ties = append(nd.Ties, x)
		}
	}
	sym := map[string]map[[2]int]float64{}
	for _, l := range refLines(t, "reciprocity_sna.txt") {
		if strings.HasPrefix(l[0], "nonresponse-") {
			if sym[l[0]] == nil {
				sym[l[0]] = map[[2]int]float64{}
			}
			sym[l[0]][[2]int{int(refFloat(t, l[1])), int(refFloat(t, l[2]))}] = refFloat(t, l[3])
		}
	}
	for rule, ref := range map[Rule]string{RuleMin: "nonresponse-min", RuleRespondentOnly: "nonresponse-respondent-only"} {
		want := sym[ref]
		got := edgesOf(TieNetworkRule(&nd, "1", "", rule, MissingReconstruct))
		if len(got) != len(want) || len(want) == 0 {
			t.Errorf("%v with nonresponse: %d ties, R %d", rule, len(got), len(want))
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%v with nonresponse: tie %v weight %v, R %v", rule, k, got[k], w)
			}
		}
	}
	// The network is survey-shaped: mostly null dyads, some mutual.
	if x.Mutual == 0 || x.Asym == 0 || x.Null < 3000 {
		t.Errorf("counts %+v", x)
	}
}
