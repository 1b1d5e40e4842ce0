package graph

import (
	"context"
	"testing"
)

// TestWeightRangeNetworkX: at the ends of the weights' range (a chain
// alternating MaxWeight and MinWeight ties, more ties of 1e-4, 1 and 1e4,
// testdata/weightrange.py) weighted betweenness and closeness agree with
// NetworkX and PageRank with PRPACK and NetworkX, and no normalized
// betweenness exceeds 1. Beyond the range (1e16 beside 1) the same kernel
// gave normalized betweenness of 1855, and 1e308 made PageRank's scores
// sum to 0.24: so the readers refuse weights outside it (data's
// TestWeightOutOfRange).
func TestWeightRangeNetworkX(t *testing.T) {
	r := loadRef(t, "weightrange")
	g := r.network()
	pc, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: PathsWeighted})
	if err != nil {
		t.Fatal(err)
	}
	compareNodes(t, r, "betweenness_weighted", pc.Betweenness, 1e-12)
	compareNodes(t, r, "closeness_weighted", pc.Closeness, 1e-12)
	for i, b := range pc.Betweenness {
		if b > 1 {
			t.Errorf("node %d: normalized betweenness %v", i, b)
		}
	}
	pr, err := PageRank(g, PageRankOptions{})
	if err != nil {
		t.Fatal(err)
	}
	compareNodes(t, r, "pagerank_prpack", pr, 1e-10)
	compareNodes(t, r, "pagerank_tight", pr, 1e-10)
}
