package graph

import "testing"

// TestBrokerageSNA compares the brokerage role counts with R sna
// brokerage()$raw.nli (testdata/sna.R) on the karate club with the two
// clubs, with four groups (node mod 4, so every role occurs) and on the
// hand-checked network.
func TestBrokerageSNA(t *testing.T) {
	for _, name := range []string{"karate", "karate4", "hand"} {
		r := loadRef(t, name)
		g, p := r.network(), r.partition()
		if name == "karate4" {
			lab := make([]int, g.N())
			for i := range lab {
				lab[i] = i % 4
			}
			p = Groups{Label: lab, K: 4}
		}
		br := BrokerageRoles(g, p)
		col := func(f func(Brokerage) int) []float64 {
			out := make([]float64, len(br))
			for i, b := range br {
				out[i] = float64(f(b))
			}
			return out
		}
		compareNodes(t, r, "coordinator", col(func(b Brokerage) int { return b.Coordinator }), 0)
		compareNodes(t, r, "itinerant", col(func(b Brokerage) int { return b.Itinerant }), 0)
		compareNodes(t, r, "representative", col(func(b Brokerage) int { return b.Representative }), 0)
		compareNodes(t, r, "gatekeeper", col(func(b Brokerage) int { return b.Gatekeeper }), 0)
		compareNodes(t, r, "liaison", col(func(b Brokerage) int { return b.Liaison }), 0)
		compareNodes(t, r, "total", col(Brokerage.Total), 0)
	}
}

// TestBrokerageByHand: node 2 (sector b) ties 0 and 1 (a, tied to each
// other) to 3 (b): the open two-paths 0-2-3 and 1-2-3, each in both
// directions. a → b → b is gatekeeping, b → b → a representation.
func TestBrokerageByHand(t *testing.T) {
	r := loadRef(t, "hand")
	br := BrokerageRoles(r.network(), r.partition())
	if want := (Brokerage{Representative: 2, Gatekeeper: 2}); br[2] != want {
		t.Errorf("node 2: %+v, want %+v", br[2], want)
	}
	if br[0] != (Brokerage{}) || br[8] != (Brokerage{}) {
		t.Errorf("nodes 0 and 8: %+v %+v, want none", br[0], br[8])
	}
}

// TestStructuralHoles compares Burt's constraint and effective size with
// NetworkX (weighted) on the karate club and the hand-checked network,
// where the isolate's values are NaN.
func TestStructuralHoles(t *testing.T) {
	for _, name := range []string{"karate", "hand"} {
		r := loadRef(t, name)
		g := r.network()
		compareNodes(t, r, "constraint", Constraint(g), 1e-12)
		compareNodes(t, r, "effective_size", EffectiveSize(g), 1e-12)
	}
	// By hand: node 6's only contact is 7, p = 1, no third party: c = 1,
	// effective size 1.
	g := loadRef(t, "hand").network()
	if c, e := Constraint(g)[6], EffectiveSize(g)[6]; c != 1 || e != 1 {
		t.Errorf("node 6: constraint %v, effective size %v", c, e)
	}
}
