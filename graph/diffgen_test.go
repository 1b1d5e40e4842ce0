package graph

// Generators of test networks for the differential tests (diff_test.go):
// many shapes, each deterministic in its PCG seed, with optional sectors
// (node labels), weights with ties, isolates, several components and
// shuffled node numbers.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// tcase is one generated test network: one-mode (n, edges, labels) or
// two-mode (orgs, groups, pairs), or both when a one-mode case is a
// projection of its two-mode data.
type tcase struct {
	name   string
	n      int
	edges  []Edge
	labels []int // a group (sector) per node, k = max + 1
	// Two-mode data: organizations 0..orgs-1 in groups 0..groups-1.
	orgs, groups int
	pairs        [][2]int
}

func (c tcase) net() *Network { return NewNetwork(c.n, c.edges) }

func (c tcase) k() int {
	k := 0
	for _, l := range c.labels {
		k = max(k, l+1)
	}
	return k
}

func (c tcase) groupsOf() Groups { return Groups{Label: c.labels, K: c.k()} }

func (c tcase) affiliation() *Affiliation { return NewAffiliation(c.orgs, c.groups, c.pairs) }

// goString prints the case as Go source a regression test can paste.
func (c tcase) goString() string {
	var b strings.Builder
	if c.pairs != nil || (c.orgs > 0 && c.n == 0) {
		fmt.Fprintf(&b, "NewAffiliation(%d, %d, [][2]int{", c.orgs, c.groups)
		for i, p := range c.pairs {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{%d, %d}", p[0], p[1])
		}
		b.WriteString("})")
		return b.String()
	}
	fmt.Fprintf(&b, "NewNetwork(%d, []Edge{", c.n)
	for i, e := range c.edges {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{%d, %d, %v}", e.U, e.V, e.W)
	}
	b.WriteString("})")
	if c.labels != nil {
		fmt.Fprintf(&b, " labels %v", c.labels)
	}
	return b.String()
}

// builder accumulates a simple graph (no loops, no repeated pairs).
type builder struct {
	n    int
	seen map[[2]int]bool
	es   []Edge
}

func newBuilder() *builder { return &builder{seen: map[[2]int]bool{}} }

func (b *builder) node() int { b.n++; return b.n - 1 }

func (b *builder) nodes(k int) []int {
	vs := make([]int, k)
	for i := range vs {
		vs[i] = b.node()
	}
	return vs
}

func (b *builder) tie(u, v int) {
	if u == v {
		return
	}
	key := [2]int{min(u, v), max(u, v)}
	if b.seen[key] {
		return
	}
	b.seen[key] = true
	b.es = append(b.es, Edge{U: key[0], V: key[1], W: 1})
}

// The shapes. Each adds its nodes to b and returns them.

func (b *builder) path(k int) []int {
	vs := b.nodes(k)
	for i := 1; i < k; i++ {
		b.tie(vs[i-1], vs[i])
	}
	return vs
}

func (b *builder) cycle(k int) []int {
	vs := b.path(k)
	if k > 2 {
		b.tie(vs[0], vs[k-1])
	}
	return vs
}

func (b *builder) star(leaves int) []int {
	vs := b.nodes(leaves + 1)
	for _, v := range vs[1:] {
		b.tie(vs[0], v)
	}
	return vs
}

// broom: a hub with `leaves` partners, one of which continues into a path
// of `tail` more ties (the shape of issue 12).
func (b *builder) broom(leaves, tail int) []int {
	vs := b.star(leaves)
	last := vs[len(vs)-1]
	for i := 0; i < tail; i++ {
		v := b.node()
		b.tie(last, v)
		vs = append(vs, v)
		last = v
	}
	return vs
}

// spider: a centre with legs of the given lengths.
func (b *builder) spider(legs []int) []int {
	c := b.node()
	vs := []int{c}
	for _, l := range legs {
		last := c
		for i := 0; i < l; i++ {
			v := b.node()
			b.tie(last, v)
			vs = append(vs, v)
			last = v
		}
	}
	return vs
}

func (b *builder) caterpillar(rng *rand.Rand, spine, maxLegs int) []int {
	vs := b.path(spine)
	for _, s := range vs[:spine] {
		for l := rng.IntN(maxLegs + 1); l > 0; l-- {
			v := b.node()
			b.tie(s, v)
			vs = append(vs, v)
		}
	}
	return vs
}

func (b *builder) tree(rng *rand.Rand, k int) []int {
	vs := b.nodes(k)
	for i := 1; i < k; i++ {
		b.tie(vs[i], vs[rng.IntN(i)])
	}
	return vs
}

func (b *builder) grid(r, c int) []int {
	vs := b.nodes(r * c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if j+1 < c {
				b.tie(vs[i*c+j], vs[i*c+j+1])
			}
			if i+1 < r {
				b.tie(vs[i*c+j], vs[(i+1)*c+j])
			}
		}
	}
	return vs
}

func (b *builder) gnp(rng *rand.Rand, k int, p float64) []int {
	vs := b.nodes(k)
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			if rng.Float64() < p {
				b.tie(vs[i], vs[j])
			}
		}
	}
	return vs
}

func (b *builder) clique(k int) []int {
	vs := b.nodes(k)
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			b.tie(vs[i], vs[j])
		}
	}
	return vs
}

func (b *builder) completeBipartite(x, y int) []int {
	a, c := b.nodes(x), b.nodes(y)
	for _, u := range a {
		for _, v := range c {
			b.tie(u, v)
		}
	}
	return append(a, c...)
}

// pearls: cliques strung on paths, dense and thin by turns, so a
// breadth-first search switches direction several times.
func (b *builder) pearls(rng *rand.Rand, count int) []int {
	var vs []int
	last := -1
	for i := 0; i < count; i++ {
		c := b.clique(3 + rng.IntN(6))
		if last >= 0 {
			p := b.path(rng.IntN(4))
			chain := append(append([]int{last}, p...), c[0])
			for j := 1; j < len(chain); j++ {
				b.tie(chain[j-1], chain[j])
			}
			vs = append(vs, p...)
		}
		vs = append(vs, c...)
		last = c[rng.IntN(len(c))]
	}
	return vs
}

// survey: a sparse survey-shaped network: a random tree with a few extra
// ties, brooms and chains hanging off it.
func (b *builder) survey(rng *rand.Rand, k int) []int {
	vs := b.tree(rng, k)
	for e := rng.IntN(k/3 + 1); e > 0; e-- {
		b.tie(vs[rng.IntN(k)], vs[rng.IntN(k)])
	}
	for c := rng.IntN(3); c > 0; c-- {
		p := b.path(2 + rng.IntN(6))
		b.tie(vs[rng.IntN(k)], p[0])
		vs = append(vs, p...)
	}
	return vs
}

// shapeNames are the one-mode shapes, drawn by genShape.
var shapeNames = []string{"path", "cycle", "star", "broom", "spider", "caterpillar", "tree", "grid",
	"sparse", "dense", "clique", "bipartite", "pearls", "survey", "barbell", "wheel"}

// addShape adds one shape of about size nodes.
func (b *builder) addShape(rng *rand.Rand, shape string, size int) []int {
	size = max(size, 1)
	switch shape {
	case "path":
		return b.path(size)
	case "cycle":
		return b.cycle(size)
	case "star":
		return b.star(size - 1)
	case "broom":
		return b.broom(1+rng.IntN(max(1, size/2)), rng.IntN(size))
	case "spider":
		legs := make([]int, 1+rng.IntN(5))
		for i := range legs {
			legs[i] = 1 + rng.IntN(max(1, size/len(legs)))
		}
		return b.spider(legs)
	case "caterpillar":
		return b.caterpillar(rng, max(1, size/2), 3)
	case "tree":
		return b.tree(rng, size)
	case "grid":
		r := 1 + rng.IntN(max(1, size/3))
		return b.grid(r, max(1, size/r))
	case "sparse":
		return b.gnp(rng, size, 1.5/float64(size))
	case "dense":
		return b.gnp(rng, size, 0.3+0.6*rng.Float64())
	case "clique":
		return b.clique(min(size, 12))
	case "bipartite":
		x := 1 + rng.IntN(max(1, size/2))
		return b.completeBipartite(x, max(1, size-x))
	case "pearls":
		return b.pearls(rng, 2+rng.IntN(4))
	case "survey":
		return b.survey(rng, size)
	case "barbell":
		a := b.clique(3 + rng.IntN(5))
		p := b.path(rng.IntN(size))
		c := b.clique(3 + rng.IntN(5))
		chain := append(append([]int{a[0]}, p...), c[0])
		for j := 1; j < len(chain); j++ {
			b.tie(chain[j-1], chain[j])
		}
		return slices.Concat(a, p, c)
	case "wheel":
		vs := b.cycle(max(3, size-1))
		h := b.node()
		for _, v := range vs {
			b.tie(h, v)
		}
		return append(vs, h)
	}
	panic("unknown shape " + shape)
}

// weightModes: how tie weights are drawn. dyadic weights (powers of 2)
// give lengths 1/w whose sums are exact, so tied path lengths are equal
// in any order of summation; int are counts; real are arbitrary.
var weightModes = []string{"unit", "int", "dyadic", "real", "twovalues"}

func weigh(rng *rand.Rand, es []Edge, mode string) {
	for i := range es {
		switch mode {
		case "unit":
			es[i].W = 1
		case "int":
			es[i].W = float64(1 + rng.IntN(4))
		case "dyadic":
			es[i].W = []float64{0.25, 0.5, 1, 2, 4}[rng.IntN(5)]
		case "real":
			es[i].W = 0.1 + 3*rng.Float64()
		case "twovalues":
			es[i].W = []float64{1, 3}[rng.IntN(2)]
		}
	}
}

// genOneMode draws a one-mode case: one to four shapes (some with a few
// ties between them), isolates, a weight mode, sectors, and shuffled node
// numbers. maxN bounds the size of each shape.
func genOneMode(rng *rand.Rand, maxN int) tcase {
	b := newBuilder()
	parts := 1 + rng.IntN(4)
	var names []string
	var comps [][]int
	for i := 0; i < parts; i++ {
		s := shapeNames[rng.IntN(len(shapeNames))]
		names = append(names, s)
		comps = append(comps, b.addShape(rng, s, 1+rng.IntN(maxN)))
	}
	// Sometimes join parts by a tie or two (a shape with a long arm).
	if parts > 1 && rng.IntN(3) == 0 {
		for i := 1; i < parts; i++ {
			a, c := comps[i-1], comps[i]
			b.tie(a[rng.IntN(len(a))], c[rng.IntN(len(c))])
		}
		names = append(names, "joined")
	}
	iso := 0
	if rng.IntN(3) == 0 {
		iso = 1 + rng.IntN(3)
		b.nodes(iso)
	}
	mode := weightModes[rng.IntN(len(weightModes))]
	weigh(rng, b.es, mode)
	c := tcase{n: b.n, edges: b.es}
	c.name = fmt.Sprintf("%s+%disolates/%s", strings.Join(names, "+"), iso, mode)
	c.labels = make([]int, c.n)
	k := 1 + rng.IntN(4)
	for i := range c.labels {
		c.labels[i] = rng.IntN(k)
	}
	return shuffle(rng, c)
}

// shuffle renumbers the nodes by a random permutation, so that no kernel
// passes because nodes are numbered in search order.
func shuffle(rng *rand.Rand, c tcase) tcase {
	perm := rng.Perm(c.n)
	es := make([]Edge, len(c.edges))
	for i, e := range c.edges {
		u, v := perm[e.U], perm[e.V]
		es[i] = Edge{U: min(u, v), V: max(u, v), W: e.W}
	}
	lab := make([]int, c.n)
	for i, l := range c.labels {
		lab[perm[i]] = l
	}
	c.edges, c.labels = es, lab
	return c
}

// genAffiliation draws two-mode data: forums (random members with a
// heavy-tailed size, organizations in several forums, twin-rich once
// projected), meetings (a chain: consecutive meetings share attendees, so
// paths are long), stars (one organization in every group), with
// organizations in no group and groups without members.
func genAffiliation(rng *rand.Rand, maxOrgs int) tcase {
	orgs := 1 + rng.IntN(maxOrgs)
	groups := 1 + rng.IntN(max(1, orgs/2+2))
	var pairs [][2]int
	kind := []string{"forums", "meetings", "star", "sparse"}[rng.IntN(4)]
	switch kind {
	case "forums":
		for o := 0; o < orgs; o++ {
			if rng.IntN(8) == 0 {
				continue // in no forum
			}
			k := 1
			if rng.IntN(3) == 0 {
				k += rng.IntN(3)
			}
			for ; k > 0; k-- {
				g := int(float64(groups) * rng.Float64() * rng.Float64())
				pairs = append(pairs, [2]int{o, g})
			}
		}
	case "meetings":
		// Meeting g is attended by a window of organizations that slides
		// along, so consecutive meetings share one or two attendees.
		pos := 0
		for g := 0; g < groups; g++ {
			w := 1 + rng.IntN(4)
			for i := 0; i < w; i++ {
				pairs = append(pairs, [2]int{(pos + i) % orgs, g})
			}
			pos += 1 + rng.IntN(w)
		}
	case "star":
		for g := 0; g < groups; g++ {
			pairs = append(pairs, [2]int{0, g})
			for i := rng.IntN(3); i > 0; i-- {
				pairs = append(pairs, [2]int{rng.IntN(orgs), g})
			}
		}
	case "sparse":
		for i := rng.IntN(orgs + groups + 1); i > 0; i-- {
			pairs = append(pairs, [2]int{rng.IntN(orgs), rng.IntN(groups)})
		}
	}
	return tcase{name: "twomode/" + kind, orgs: orgs, groups: groups, pairs: pairs}
}

// projected is a one-mode case made by projecting two-mode forums with a
// weighting: the co-membership networks users analyze, full of closed
// twins.
func projected(rng *rand.Rand, maxOrgs int) tcase {
	a := genAffiliation(rng, maxOrgs)
	w := []Weighting{WeightCount, WeightNewman, WeightJaccard}[rng.IntN(3)]
	g := a.affiliation().Project(w)
	c := tcase{name: "projection/" + a.name + "/" + w.String(), n: g.N(), edges: g.Edges()}
	c.labels = make([]int, c.n)
	for i := range c.labels {
		c.labels[i] = rng.IntN(3)
	}
	return c
}

// genCases returns count one-mode cases: mostly shapes, a quarter
// projections of two-mode data.
func genCases(seed uint64, count, maxN int) []tcase {
	rng := rand.New(rand.NewPCG(seed, 0xd1ff))
	cs := make([]tcase, count)
	for i := range cs {
		if i%4 == 3 {
			cs[i] = projected(rng, 2*maxN)
		} else {
			cs[i] = genOneMode(rng, maxN)
		}
		cs[i].name = fmt.Sprintf("case %d (%s)", i, cs[i].name)
	}
	return cs
}
