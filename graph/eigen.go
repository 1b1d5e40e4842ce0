package graph

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// denseEigenMax is the largest component solved with a dense symmetric
// eigendecomposition; larger ones use restarted Lanczos.
const denseEigenMax = 200

// perron returns the leading eigenvalue and the non-negative unit
// eigenvector of the weighted adjacency matrix of the connected component
// whose nodes are ms (ascending), the vector indexed like ms.
func perron(g *Network, ms []int32) (float64, []float64, error) {
	sub := induced(g, ms)
	var (
		lam float64
		x   []float64
		err error
	)
	if len(ms) <= denseEigenMax {
		lam, x = perronDense(sub)
	} else {
		lam, x, err = perronLanczos(sub, 1e-12, 500)
	}
	// Fix the sign (the sum is positive for a Perron vector) and clear
	// round-off of the wrong sign.
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	if sum < 0 {
		for i := range x {
			x[i] = -x[i]
		}
	}
	for i, v := range x {
		x[i] = math.Abs(v)
	}
	return lam, x, err
}

// induced returns the subnetwork on the sorted nodes ms, renumbered
// 0..len(ms)-1. ms must be a union of components (no tie leaves it).
func induced(g *Network, ms []int32) *Network {
	pos := make(map[int32]int32, len(ms))
	for k, v := range ms {
		pos[v] = int32(k)
	}
	off := make([]int, len(ms)+1)
	for k, v := range ms {
		off[k+1] = off[k] + g.Degree(int(v))
	}
	adj := make([]int32, off[len(ms)])
	w := make([]float64, off[len(ms)])
	for k, v := range ms {
		for e, u := range g.Neighbors(int(v)) {
			adj[off[k]+e] = pos[u]
		}
		copy(w[off[k]:], g.Weights(int(v)))
	}
	return &Network{Off: off, Adj: adj, W: w}
}

func perronDense(g *Network) (float64, []float64) {
	n := g.N()
	a := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		ws := g.Weights(i)
		for e, j := range g.Neighbors(i) {
			a.SetSym(i, int(j), ws[e])
		}
	}
	var es mat.EigenSym
	if !es.Factorize(a, true) {
		panic("graph: dense eigendecomposition failed")
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	top := 0
	for i, v := range vals {
		if v > vals[top] {
			top = i
		}
	}
	x := make([]float64, n)
	mat.Col(x, top, &vecs)
	return vals[top], x
}

// mulAdj sets y = A x for the weighted adjacency matrix of g.
func mulAdj(g *Network, x, y []float64) {
	for i := range y {
		s := 0.0
		for e := g.Off[i]; e < g.Off[i+1]; e++ {
			s += g.W[e] * x[g.Adj[e]]
		}
		y[i] = s
	}
}

// perronLanczos finds the largest eigenpair of the weighted adjacency
// matrix of the connected network g by explicitly restarted Lanczos with
// full reorthogonalization (Golub and Van Loan, Matrix Computations,
// 4th ed., §10.1), restarting from the Ritz vector, until
// ‖Ax - θx‖ <= tol·θ.
func perronLanczos(g *Network, tol float64, maxRestarts int) (float64, []float64, error) {
	n := g.N()
	m := min(n, 40)
	basis := make([][]float64, m+1)
	for i := range basis {
		basis[i] = make([]float64, n)
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / math.Sqrt(float64(n))
	}
	ax := make([]float64, n)
	alpha := make([]float64, m)
	beta := make([]float64, m)
	theta := 0.0
	for restart := 0; restart < maxRestarts; restart++ {
		copy(basis[0], x)
		k := m
		for j := 0; j < m; j++ {
			w := basis[j+1]
			mulAdj(g, basis[j], w)
			alpha[j] = dot(w, basis[j])
			// Full reorthogonalization, twice ("twice is enough").
			for pass := 0; pass < 2; pass++ {
				for i := 0; i <= j; i++ {
					axpy(-dot(w, basis[i]), basis[i], w)
				}
			}
			b := math.Sqrt(dot(w, w))
			beta[j] = b
			if j == m-1 {
				break
			}
			if b <= 1e-13*math.Abs(alpha[j])+1e-300 {
				k = j + 1 // invariant subspace: the Ritz values are exact
				break
			}
			for i := range w {
				w[i] /= b
			}
		}
		t := mat.NewSymDense(k, nil)
		for i := 0; i < k; i++ {
			t.SetSym(i, i, alpha[i])
			if i+1 < k {
				t.SetSym(i, i+1, beta[i])
			}
		}
		var es mat.EigenSym
		if !es.Factorize(t, true) {
			panic("graph: tridiagonal eigendecomposition failed")
		}
		vals := es.Values(nil)
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		top := 0
		for i, v := range vals {
			if v > vals[top] {
				top = i
			}
		}
		theta = vals[top]
		for i := range x {
			x[i] = 0
		}
		for j := 0; j < k; j++ {
			axpy(vecs.At(j, top), basis[j], x)
		}
		nx := math.Sqrt(dot(x, x))
		for i := range x {
			x[i] /= nx
		}
		mulAdj(g, x, ax)
		r := 0.0
		for i := range x {
			d := ax[i] - theta*x[i]
			r += d * d
		}
		if math.Sqrt(r) <= tol*math.Abs(theta) {
			return theta, x, nil
		}
	}
	return theta, x, ErrNoConvergence
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

func axpy(alpha float64, x, y []float64) {
	for i, v := range x {
		y[i] += alpha * v
	}
}
