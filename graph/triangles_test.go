package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The kernels below are the plain Σ d² kernels that Clustering,
// BrokerageRoles, Constraint and EffectiveSize used before the dense
// versions (bitsets, closed forms, twin quotient); they were checked
// against NetworkX and R sna (testdata/measures.py, sna.R) and stay here
// as the reference the fast kernels must equal on many random networks.

func plainClustering(g *Network) []float64 {
	n := g.N()
	c := make([]float64, n)
	mark := make([]int32, n)
	for i := range mark {
		mark[i] = -1
	}
	for i := 0; i < n; i++ {
		nb := g.Neighbors(i)
		d := len(nb)
		if d < 2 {
			continue
		}
		for _, j := range nb {
			mark[j] = int32(i)
		}
		t := 0
		for _, j := range nb {
			for _, k := range g.Neighbors(int(j)) {
				if mark[k] == int32(i) {
					t++
				}
			}
		}
		c[i] = float64(t) / (float64(d) * float64(d-1))
	}
	return c
}

func plainBrokerage(g *Network, p Groups) []Brokerage {
	n := g.N()
	out := make([]Brokerage, n)
	mark := make([]int32, n)
	for b := 0; b < n; b++ {
		nb := g.Neighbors(b)
		if len(nb) < 2 {
			continue
		}
		r := &out[b]
		cb := p.Label[b]
		for _, i := range nb {
			for _, x := range g.Neighbors(int(i)) {
				mark[x] = i + 1
			}
			ci := p.Label[i]
			for _, k := range nb {
				if k == i || mark[k] == i+1 {
					continue
				}
				ck := p.Label[k]
				switch {
				case cb == ci && cb == ck:
					r.Coordinator++
				case cb == ci:
					r.Representative++
				case cb == ck:
					r.Gatekeeper++
				case ci == ck:
					r.Itinerant++
				default:
					r.Liaison++
				}
			}
		}
	}
	return out
}

func plainConstraint(g *Network) []float64 {
	n := g.N()
	c := make([]float64, n)
	str := Strength(g)
	indirect := make([]float64, n)
	mark := make([]int32, n)
	for i := 0; i < n; i++ {
		nb, ws := g.Neighbors(i), g.Weights(i)
		if len(nb) == 0 {
			c[i] = math.NaN()
			continue
		}
		for _, j := range nb {
			mark[j] = int32(i) + 1
			indirect[j] = 0
		}
		for e, q := range nb {
			piq := ws[e] / str[i]
			qn, qw := g.Neighbors(int(q)), g.Weights(int(q))
			for f, j := range qn {
				if mark[j] == int32(i)+1 {
					indirect[j] += piq * (qw[f] / str[q])
				}
			}
		}
		s := 0.0
		for e, j := range nb {
			x := ws[e]/str[i] + indirect[j]
			s += x * x
		}
		c[i] = s
	}
	return c
}

func plainEffectiveSize(g *Network) []float64 {
	n := g.N()
	es := make([]float64, n)
	str := Strength(g)
	maxw := make([]float64, n)
	for i := 0; i < n; i++ {
		for _, w := range g.Weights(i) {
			maxw[i] = max(maxw[i], w)
		}
	}
	red := make([]float64, n)
	mark := make([]int32, n)
	for i := 0; i < n; i++ {
		nb, ws := g.Neighbors(i), g.Weights(i)
		if len(nb) == 0 {
			es[i] = math.NaN()
			continue
		}
		for _, j := range nb {
			mark[j] = int32(i) + 1
			red[j] = 0
		}
		for e, q := range nb {
			piq := ws[e] / str[i]
			qn, qw := g.Neighbors(int(q)), g.Weights(int(q))
			for f, j := range qn {
				if mark[j] == int32(i)+1 {
					red[j] += piq * (qw[f] / maxw[j])
				}
			}
		}
		s := 0.0
		for _, j := range nb {
			s += 1 - red[j]
		}
		es[i] = s
	}
	return es
}

// randomNetworks returns networks of every shape the kernels branch on:
// sparse and dense random networks (heavy and light nodes, bitsets or
// not), complete networks (one twin class), forum projections (many
// weighted twins), with isolates, integer or real weights, and groups
// from one to one per node.
func randomNetworks(seed uint64, count int) []struct {
	name string
	g    *Network
	p    Groups
} {
	rng := rand.New(rand.NewPCG(seed, 99))
	var out []struct {
		name string
		g    *Network
		p    Groups
	}
	for c := 0; c < count; c++ {
		n := rng.IntN(200)
		if c%10 == 0 {
			n = rng.IntN(12)
		}
		var es []Edge
		weight := func() float64 {
			switch c % 3 {
			case 0:
				return 1
			case 1:
				return float64(1 + rng.IntN(3))
			}
			return 0.1 + rng.Float64()
		}
		shape := c % 4
		switch shape {
		case 0, 1: // Erdős-Rényi, density from 0 to 1
			p := rng.Float64()
			if shape == 0 {
				p = p * p * p
			}
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					if rng.Float64() < p {
						es = append(es, Edge{i, j, weight()})
					}
				}
			}
		case 2: // complete on a prefix, the rest isolates or a chain
			k := n - rng.IntN(n/4+1)
			w := weight()
			for i := 0; i < k; i++ {
				for j := i + 1; j < k; j++ {
					es = append(es, Edge{i, j, w})
				}
			}
			for i := k; i+1 < n; i += 2 {
				es = append(es, Edge{i, i + 1, weight()})
			}
		case 3: // projection of a random affiliation: forums of members
			forums := 1 + rng.IntN(8)
			members := make([][]int, forums)
			for i := 0; i < n; i++ {
				for f := range members {
					if rng.IntN(3) == 0 {
						members[f] = append(members[f], i)
					}
				}
			}
			if n > 0 {
				members[0] = append(members[0], rng.IntN(n)) // a repeat: its weight doubles
			}
			wf := make([]float64, forums)
			for f := range wf {
				wf[f] = weight()
			}
			for f, ms := range members {
				for x, i := range ms {
					for _, j := range ms[x+1:] {
						if i != j {
							es = append(es, Edge{min(i, j), max(i, j), wf[f]})
						}
					}
				}
			}
		}
		k := 1 + rng.IntN(6)
		if c%7 == 0 && n > 0 {
			k = n
		}
		lab := make([]int, n)
		for i := range lab {
			lab[i] = rng.IntN(k)
		}
		out = append(out, struct {
			name string
			g    *Network
			p    Groups
		}{fmt.Sprintf("net%d(n=%d,shape=%d)", c, n, shape), NewNetwork(n, es), Groups{Label: lab, K: k}})
	}
	return out
}

// sameFloats reports whether a and b agree within tol relatively (NaN
// with NaN).
func sameFloats(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	for i := range want {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s node %d: got %.17g, want %.17g", what, i, got[i], want[i])
			return
		}
	}
}

// TestDenseKernelsEqualPlain checks Clustering, BrokerageRoles,
// Constraint, EffectiveSize and the permutation tests' count of ties
// within groups against the plain kernels on 150 random
// networks. Integer counts must be equal; constraint and effective size
// must be the same bits where there are no twins and equal to 1e-12
// where the twin quotient sums a class at once.
func TestDenseKernelsEqualPlain(t *testing.T) {
	saved := groupBitsBudget
	defer func() { groupBitsBudget = saved }()
	for c, x := range randomNetworks(1, 150) {
		groupBitsBudget = saved
		if c%5 == 0 {
			groupBitsBudget = 0 // no group bitsets: the set-bit walk
		}
		g := x.g
		if got, want := Clustering(g), plainClustering(g); !equalBits(got, want) {
			sameFloats(t, x.name+" clustering", got, want, 0)
		}
		got, want := BrokerageRoles(g, x.p), plainBrokerage(g, x.p)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s brokerage node %d: %+v, want %+v", x.name, i, got[i], want[i])
				break
			}
		}
		// Ties within groups, as the permutation tests count them.
		plainIn := 0
		for _, e := range g.Edges() {
			plainIn += b2i(x.p.Label[e.U] == x.p.Label[e.V])
		}
		wc := newWithinCounter(g, x.p.K, groupBitsBudget)
		sc := wc.newScratch(x.p.K)
		lab8, lab32 := make([]uint8, g.N()), make([]int32, g.N())
		for i, l := range x.p.Label {
			lab8[i], lab32[i] = uint8(l), int32(l)
		}
		if x.p.K <= 256 {
			if got := internalTies(wc, lab8, sc); got != plainIn {
				t.Errorf("%s: %d ties within groups (uint8 labels), want %d", x.name, got, plainIn)
			}
		}
		if got := internalTies(wc, lab32, sc); got != plainIn {
			t.Errorf("%s: %d ties within groups, want %d", x.name, got, plainIn)
		}
		bm := BurtMeasures(g)
		pc, pe := plainConstraint(g), plainEffectiveSize(g)
		if findTwins(g, true) == nil {
			if !equalBits(bm.Constraint, pc) || !equalBits(bm.EffectiveSize, pe) {
				t.Errorf("%s: no twins, but constraint or effective size differ in bits", x.name)
			}
		}
		sameFloats(t, x.name+" constraint", bm.Constraint, pc, 1e-12)
		// Effective size is d less a sum of d² products: in a clique it is
		// exactly 1 after cancelling terms near d, and the plain kernel's
		// rounding reaches 1.5e-12 there (the quotient's, 3e-14).
		sameFloats(t, x.name+" effective size", bm.EffectiveSize, pe, 1e-10)
	}
}

func equalBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// TestTrianglesByHand: a complete network of 5 has C(4,2) = 6 triangles
// at each node; the hand network's triangle 0-1-2 and 3-4-5 give one at
// each corner.
func TestTrianglesByHand(t *testing.T) {
	var es []Edge
	for i := 0; i < 5; i++ {
		for j := i + 1; j < 5; j++ {
			es = append(es, Edge{i, j, 1})
		}
	}
	for i, x := range Triangles(NewNetwork(5, es)) {
		if x != 6 {
			t.Errorf("K5 node %d: %d triangles, want 6", i, x)
		}
	}
	want := []int64{1, 1, 1, 1, 1, 1, 0, 0, 0}
	for i, x := range Triangles(loadRef(t, "hand").network()) {
		if x != want[i] {
			t.Errorf("hand node %d: %d triangles, want %d", i, x, want[i])
		}
	}
}

// TestNonTieKernelsEqualPlain runs Triangles and BrokerageRoles by their
// ties and by their non-ties on every network of randomNetworks, and on
// nearly complete ones (a complete network less a few ties, with isolates
// and pendants), against the plain kernels: the counts must be equal,
// whichever kernel the cost rule would choose.
func TestNonTieKernelsEqualPlain(t *testing.T) {
	defer func() { complementMode = 0 }()
	nets := randomNetworks(2, 150)
	rng := rand.New(rand.NewPCG(5, 5))
	for c := 0; c < 30; c++ {
		n := 64 + rng.IntN(150)
		iso := rng.IntN(4)
		missing := map[[2]int]bool{} // a few non-ties, and a pendant for c%3 == 0
		for range rng.IntN(6) {
			i := rng.IntN(n - iso - 1)
			missing[[2]int{i, i + 1 + rng.IntN(n-iso-1-i)}] = true
		}
		var es []Edge
		for i := 0; i < n-iso; i++ {
			for j := i + 1; j < n-iso; j++ {
				if !missing[[2]int{i, j}] && (c%3 != 0 || j < n-iso-1 || i == 0) {
					es = append(es, Edge{i, j, 1})
				}
			}
		}
		k := 1 + rng.IntN(5)
		lab := make([]int, n)
		for i := range lab {
			lab[i] = rng.IntN(k)
		}
		g := NewNetwork(n, es)
		nets = append(nets, struct {
			name string
			g    *Network
			p    Groups
		}{fmt.Sprintf("nearly-complete%d(n=%d)", c, n), g, Groups{Label: lab, K: k}})
	}
	chosen := 0
	for _, x := range nets {
		complementMode = 0
		if complementCheaper(x.g, newAdjBits(x.g)) {
			chosen++
		}
		want, wantB := plainClustering(x.g), plainBrokerage(x.g, x.p)
		for mode := 1; mode <= 2; mode++ {
			complementMode = mode
			if got := Clustering(x.g); !equalBits(got, want) {
				sameFloats(t, fmt.Sprintf("%s mode %d clustering", x.name, mode), got, want, 0)
			}
			got := BrokerageRoles(x.g, x.p)
			for i := range wantB {
				if got[i] != wantB[i] {
					t.Errorf("%s mode %d brokerage node %d: %+v, want %+v", x.name, mode, i, got[i], wantB[i])
					break
				}
			}
		}
	}
	if chosen < 25 {
		t.Errorf("the non-ties were chosen for %d networks; want the nearly complete ones", chosen)
	}
	t.Logf("the non-ties chosen for %d of %d networks", chosen, len(nets))
}
