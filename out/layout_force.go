package out

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/spatial/barneshut"
	"gonum.org/v1/gonum/spatial/r2"

	"github.com/sectornet/sectornet/graph"
)

// ForceOptions tune ForceLayout; the zero value gives the defaults.
type ForceOptions struct {
	Iterations int     // default 300 up to 1,000 nodes, fewer above (at least 120)
	Seed       uint64  // the random start positions
	Gravity    float64 // pull towards the centre, so components stay together: default 1
	Theta      float64 // Barnes-Hut accuracy: default 1.2
	// Groups, when not nil, are the nodes' communities (Groups[i] >= 0):
	// each group starts around a point of its own, so the layout begins
	// with the communities apart and settles in fewer steps.
	Groups  []int
	Workers int // default GOMAXPROCS; the result does not depend on it
	// TieSample is the number of ties per node the attraction keeps on a
	// dense network (see ForceLayout): default 256; negative keeps all.
	TieSample int
}

// ForceLayout positions the nodes of g with the spring embedder of
// Fruchterman and Reingold ("Graph drawing by force-directed placement",
// Software: Practice and Experience 21(11) 1129-1164 (1991),
// doi:10.1002/spe.4380211102), as igraph's layout_with_fr: ties pull their
// ends together with w d²/k, every pair pushes apart with k²/d (here by the
// Barnes-Hut approximation, gonum's spatial/barneshut), and a temperature
// that falls linearly to zero caps each step, so the layout settles. A
// weak pull towards the centre (gravity × d) keeps components and isolates
// in view. Start positions come from Seed and every sum runs in index
// order, so the same network and options give the same positions on any
// machine and number of cores. It returns ctx's error if ctx is cancelled.
//
// On a dense network the attraction along every tie would cost the most
// (a forum of 5,000 members is a complete network of 12.5 million ties,
// 750 million tie steps in 60 iterations), so where the mean degree is
// over 4 × TieSample the attraction runs on a sample of the ties drawn
// once: the tie i-j is kept with probability p = min(1, max(c/d_i, c/d_j))
// (c = TieSample) and its weight divided by p, so that every node keeps
// about c of its ties or all of them when it has fewer, and the pull on
// every node is, in expectation, the pull of all its ties (Karger-style
// sampling, as Barnes-Hut approximates the repulsion). The draw is a hash
// of Seed and the tie, so it is the same on any machine and number of
// cores. Networks under that density are laid out on every tie.
//
// gonum's own graph/layout.EadesR2 was tried first: on the
// 5,000-organization forum projection (100,236 ties) it took 230 ms per
// step and stopped after nine steps on the logarithm of a zero distance.
func ForceLayout(ctx context.Context, g *graph.Network, o ForceOptions) (x, y []float64, err error) {
	n := g.N()
	x, y = make([]float64, n), make([]float64, n)
	if n == 0 {
		return x, y, nil
	}
	if o.Iterations <= 0 {
		o.Iterations = max(60, min(300, 300000/(n+1)))
	}
	if o.Gravity <= 0 {
		o.Gravity = 1
	}
	if o.Theta <= 0 {
		o.Theta = 1.2
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	const k = 1.0 // the ideal tie length
	rng := rand.New(rand.NewPCG(o.Seed, 0x5ec7042e7))
	side := k * math.Sqrt(float64(n))
	for i := range x {
		x[i] = (rng.Float64() - 0.5) * side
		y[i] = (rng.Float64() - 0.5) * side
	}
	if len(o.Groups) == n {
		// Group centres on a sunflower spiral, larger groups first (by
		// size, then number), each group in a disc of its own area.
		size := map[int]int{}
		for _, c := range o.Groups {
			size[c]++
		}
		ids := make([]int, 0, len(size))
		for c := range size {
			ids = append(ids, c)
		}
		slices.SortFunc(ids, func(a, b int) int {
			if size[a] != size[b] {
				return size[b] - size[a]
			}
			return a - b
		})
		cx, cy := map[int]float64{}, map[int]float64{}
		placed := 0
		for _, c := range ids {
			mid := float64(placed) + float64(size[c])/2
			r := k * math.Sqrt(mid)
			a := float64(len(cx)) * 2.399963229728653 // the golden angle
			cx[c], cy[c] = r*math.Cos(a), r*math.Sin(a)
			placed += size[c]
		}
		for i, c := range o.Groups {
			rad := k * math.Sqrt(float64(size[c])) * 0.5 * math.Sqrt(rng.Float64())
			a := 2 * math.Pi * rng.Float64()
			x[i], y[i] = cx[c]+rad*math.Cos(a), cy[c]+rad*math.Sin(a)
		}
	}
	// Weights scaled to mean 1, so that the count, Newman and Jaccard
	// weights give layouts of one size.
	wsum, wn := 0.0, 0
	for i := 0; i < n; i++ {
		for _, w := range g.Weights(i) {
			wsum += w
			wn++
		}
	}
	wscale := 1.0
	if wsum > 0 {
		wscale = float64(wn) / wsum
	}
	if o.TieSample == 0 {
		o.TieSample = 256
	}
	var springs *tieSample
	if o.TieSample > 0 && 2*g.M() > 4*o.TieSample*n {
		springs = sampleTies(g, o.TieSample, o.Seed)
	}
	gravity := o.Gravity / side // a node at the rim feels about 1
	dx, dy := make([]float64, n), make([]float64, n)
	parts := make([]barneshut.Particle2, n)
	t0 := side / 10
	if len(o.Groups) == n {
		t0 = side / 40 // refine the groups' start, do not shuffle it
	}
	for it := 0; it < o.Iterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		for i := range parts {
			parts[i] = frParticle{i: i, pos: r2.Vec{X: x[i], Y: y[i]}}
		}
		plane, perr := barneshut.NewPlane(parts)
		// Repulsion and gravity, each node on its own: the same result
		// whatever the number of workers.
		parallelRange(n, o.Workers, func(i int) {
			fx, fy := 0.0, 0.0
			if perr == nil {
				f := plane.ForceOn(parts[i], o.Theta, func(_, _ barneshut.Particle2, m1, m2 float64, v r2.Vec) r2.Vec {
					d2 := v.X*v.X + v.Y*v.Y
					if d2 == 0 {
						return r2.Vec{}
					}
					return r2.Scale(-k*k*m1*m2/d2, v) // k²/d per pair, away from the other
				})
				fx, fy = f.X, f.Y
			}
			fx -= gravity * x[i] * side
			fy -= gravity * y[i] * side
			dx[i], dy[i] = fx, fy
		})
		// Attraction along ties, in index order.
		if springs != nil {
			springs.pull(x, y, dx, dy, wscale)
		}
		for i := 0; i < n && springs == nil; i++ {
			ws := g.Weights(i)
			for j2, j32 := range g.Neighbors(i) {
				j := int(j32)
				if j <= i {
					continue
				}
				vx, vy := x[j]-x[i], y[j]-y[i]
				f := ws[j2] * wscale * math.Sqrt(vx*vx+vy*vy) / k // w d²/k along the unit vector
				dx[i] += vx * f
				dy[i] += vy * f
				dx[j] -= vx * f
				dy[j] -= vy * f
			}
		}
		// Each step at most the temperature, which falls to zero.
		t := t0 * (1 - float64(it)/float64(o.Iterations))
		for i := 0; i < n; i++ {
			d := math.Sqrt(dx[i]*dx[i] + dy[i]*dy[i])
			if d > t {
				dx[i], dy[i] = dx[i]*t/d, dy[i]*t/d
			}
			x[i] += dx[i]
			y[i] += dy[i]
		}
	}
	return x, y, nil
}

// tieSample is the ties the attraction of a dense network runs on, with
// their weights divided by the probability of keeping them.
type tieSample struct {
	u, v []int32
	w    []float64
}

// sampleTies keeps the tie i-j of g with probability
// min(1, max(c/d_i, c/d_j)), drawn from a hash of seed, i and j, and
// divides its weight by that probability; ties in index order.
func sampleTies(g *graph.Network, c int, seed uint64) *tieSample {
	s := &tieSample{}
	fc := float64(c)
	for i := 0; i < g.N(); i++ {
		pi := fc / float64(g.Degree(i))
		ws := g.Weights(i)
		for k, j32 := range g.Neighbors(i) {
			j := int(j32)
			if j <= i {
				continue
			}
			p := math.Min(1, math.Max(pi, fc/float64(g.Degree(j))))
			if p < 1 && tieDraw(seed, i, j) >= p {
				continue
			}
			s.u = append(s.u, int32(i))
			s.v = append(s.v, j32)
			s.w = append(s.w, ws[k]/p)
		}
	}
	return s
}

// tieDraw is a uniform number in [0, 1) for the tie i-j (i < j): the
// splitmix64 finalizer of seed, i and j.
func tieDraw(seed uint64, i, j int) float64 {
	z := seed ^ (uint64(i)<<32 | uint64(j))
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return float64(z>>11) / (1 << 53)
}

// pull adds the attraction w d²/k of every sampled tie to dx and dy, in
// index order.
func (s *tieSample) pull(x, y, dx, dy []float64, wscale float64) {
	const k = 1.0
	for t, i32 := range s.u {
		i, j := int(i32), int(s.v[t])
		vx, vy := x[j]-x[i], y[j]-y[i]
		f := s.w[t] * wscale * math.Sqrt(vx*vx+vy*vy) / k
		dx[i] += vx * f
		dy[i] += vy * f
		dx[j] -= vx * f
		dy[j] -= vy * f
	}
}

type frParticle struct {
	i   int
	pos r2.Vec
}

func (p frParticle) Coord2() r2.Vec { return p.pos }
func (p frParticle) Mass() float64  { return 1 }

// parallelRange runs f(i) for i in [0, n) on up to workers goroutines.
func parallelRange(n, workers int, f func(i int)) {
	if workers <= 1 || n < 256 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min(n, (w+1)*chunk)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				f(i)
			}
		}()
	}
	wg.Wait()
}
