package graph

import (
	"context"
	"testing"
)

func (r *ref) affiliation(t *testing.T) *Affiliation {
	orgs, groups := 0, 0
	for _, g := range r.groups {
		if g == 0 {
			orgs++
		} else {
			groups++
		}
	}
	pairs := make([][2]int, len(r.members))
	copy(pairs, r.members)
	return NewAffiliation(orgs, groups, pairs)
}

// TestTwoModeReferences compares the two-mode centralities node by node
// with NetworkX's bipartite module (testdata/measures.py) on Davis's
// Southern Women and a small affiliation with an organization in no
// forum, and the one-mode projection's centralities with NetworkX on the
// projected graph.
func TestTwoModeReferences(t *testing.T) {
	for _, name := range []string{"davis", "handaff"} {
		r := loadRef(t, name)
		a := r.affiliation(t)
		c, err := TwoMode(context.Background(), a, PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, r, "twomode_degree", c.Degree, 1e-12)
		compareNodes(t, r, "twomode_betweenness", c.Betweenness, 1e-9)
		compareNodes(t, r, "twomode_closeness", c.Closeness, 1e-9)

		p := a.Project(WeightCount)
		compareNodes(t, r, "proj_betweenness", Betweenness(p, PathsHops), 1e-9)
		compareNodes(t, r, "proj_betweenness_weighted", Betweenness(p, PathsWeighted), 1e-9)
		compareNodes(t, r, "proj_closeness", Closeness(p, PathsHops), 1e-9)
		ev, err := Eigenvector(p)
		if err != nil {
			t.Fatal(err)
		}
		compareNodes(t, r, "proj_eigenvector", ev, 1e-9)
		pr, _ := PageRank(p, PageRankOptions{Stop: PageRankNetworkX})
		compareNodes(t, r, "proj_pagerank", pr, 1e-12)
	}
}

// TestTwoModeDavisPublished compares with the two-mode centralities of the
// Davis data published by Borgatti and Halgin (2011), "Analyzing
// affiliation networks", in P. Carrington and J. Scott (eds), The Sage
// Handbook of Social Network Analysis, doi:10.4135/9781446294413.n28, to
// the two decimals printed there (as transcribed in NetworkX's
// algorithms/bipartite/tests/test_centrality.py).
func TestTwoModeDavisPublished(t *testing.T) {
	r := loadRef(t, "davis")
	c, err := TwoMode(context.Background(), r.affiliation(t), PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	published := map[string][3]float64{ // degree, betweenness, closeness
		"E8": {0.78, 0.24, 0.85}, "E9": {0.67, 0.23, 0.79}, "E7": {0.56, 0.13, 0.73},
		"Nora Fayette": {0.57, 0.11, 0.80}, "Evelyn Jefferson": {0.57, 0.10, 0.80},
		"Theresa Anderson": {0.57, 0.09, 0.80}, "E6": {0.44, 0.07, 0.69},
		"Sylvia Avondale": {0.50, 0.07, 0.77}, "Laura Mandeville": {0.50, 0.05, 0.73},
		"Brenda Rogers": {0.50, 0.05, 0.73}, "Katherina Rogers": {0.43, 0.05, 0.73},
		"E5": {0.44, 0.04, 0.59}, "Helen Lloyd": {0.36, 0.04, 0.73}, "E3": {0.33, 0.02, 0.56},
		"Ruth DeSand": {0.29, 0.02, 0.71}, "Verne Sanderson": {0.29, 0.02, 0.71},
		"E12": {0.33, 0.02, 0.56}, "Myra Liddel": {0.29, 0.02, 0.69}, "E11": {0.22, 0.02, 0.54},
		"Eleanor Nye": {0.29, 0.01, 0.67}, "Frances Anderson": {0.29, 0.01, 0.67},
		"Pearl Oglethorpe": {0.21, 0.01, 0.67}, "E4": {0.22, 0.01, 0.54},
		"Charlotte McDowd": {0.29, 0.01, 0.60}, "E10": {0.28, 0.01, 0.55},
		"Olivia Carleton": {0.14, 0.01, 0.59}, "Flora Price": {0.14, 0.01, 0.59},
		"E2": {0.17, 0.00, 0.52}, "E1": {0.17, 0.00, 0.52}, "Dorothy Murchison": {0.14, 0.00, 0.65},
		"E13": {0.17, 0.00, 0.52}, "E14": {0.17, 0.00, 0.52},
	}
	if len(published) != len(r.names) {
		t.Fatalf("%d published rows for %d nodes", len(published), len(r.names))
	}
	for i, name := range r.names {
		want, ok := published[name]
		if !ok {
			t.Fatalf("no published row for %q", name)
		}
		got := [3]float64{c.Degree[i], c.Betweenness[i], c.Closeness[i]}
		for k, what := range []string{"degree", "betweenness", "closeness"} {
			// Two printed decimals: within half a unit of the last digit.
			if !near(got[k], want[k], 0.005+1e-12) {
				t.Errorf("%s %s: %.4f, published %.2f", name, what, got[k], want[k])
			}
		}
	}
}
