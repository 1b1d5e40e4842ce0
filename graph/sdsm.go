package graph

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// BiCM is the bipartite configuration model of an affiliation (F. Saracco,
// R. Di Clemente, A. Gabrielli and T. Squartini, "Randomizing bipartite
// networks: the case of the World Trade Web", Scientific Reports 5, 10595
// (2015), doi:10.1038/srep10595): the maximum-entropy distribution over
// organizations x groups membership matrices whose expected row and column
// sums are the observed degrees. Cell (i, k) is 1 with probability
//
//	p_ik = x_i y_k / (1 + x_i y_k)
//
// where the fitnesses x and y solve Σ_k p_ik = d_i for every organization
// and Σ_i p_ik = d_k for every group. It is what the R package backbone
// (Z. P. Neal, PLOS ONE 17, e0269137 (2022), doi:10.1371/journal.pone.0269137;
// version 2.1.3, function bicm) uses for the stochastic degree sequence
// model, including its treatment of "non-conforming" data: organizations in
// no group and groups with no member get probability 0, an organization in
// every remaining group and a group holding every remaining organization
// get probability 1, repeatedly, and the model is fitted on what is left,
// with degrees reduced by the full rows and columns removed.
//
// The fitnesses depend only on degrees, so they are solved for per distinct
// degree (the classes below) by Newton's method on the concave
// log-likelihood in log-fitnesses with a backtracking line search, to a
// degree residual below 1e-12 (R's bicm stops at a gradient norm of 1e-8;
// its probabilities agree with these to 3e-9 on the cases of
// testdata/sdsm_ref.py).
type BiCM struct {
	rowClass []int32 // class of each organization
	colClass []int32 // class of each group
	rows     []bicmClass
	cols     []bicmClass
	prob     [][]float64 // prob[rowClass][colClass]
	// Iterations is the number of Newton steps taken.
	Iterations int
	// Residual is the largest |expected - observed| degree of a fitted
	// row or column at the end.
	Residual float64
}

type bicmClass struct {
	free  bool    // fitted by the model
	deg   int     // reduced degree (free classes)
	seq   int     // removal step (fixed classes): 2*round, +1 for full
	full  bool    // fixed to 1 (full) or 0 (empty)
	count int     // rows or columns in the class
	fit   float64 // log-fitness (free classes)
}

// FitBiCM fits the bipartite configuration model to a.
func FitBiCM(a *Affiliation) *BiCM {
	n, m := len(a.OrgGroups), len(a.GroupMembers)
	rowGood := make([]bool, n)
	colGood := make([]bool, m)
	rowDeg := make([]int, n) // degree among the good columns
	colDeg := make([]int, m)
	for i := range n {
		rowGood[i] = true
		rowDeg[i] = len(a.OrgGroups[i])
	}
	for k := range m {
		colGood[k] = true
		colDeg[k] = len(a.GroupMembers[k])
	}
	nGoodRows, nGoodCols := n, m
	const free = math.MaxInt
	rowSeq := make([]int, n)
	colSeq := make([]int, m)
	rowFull := make([]bool, n)
	colFull := make([]bool, m)
	for i := range rowSeq {
		rowSeq[i] = free
	}
	for k := range colSeq {
		colSeq[k] = free
	}
	removeRow := func(i int) {
		rowGood[i] = false
		nGoodRows--
		for _, k := range a.OrgGroups[i] {
			colDeg[k]--
		}
	}
	removeCol := func(k int) {
		colGood[k] = false
		nGoodCols--
		for _, i := range a.GroupMembers[k] {
			rowDeg[i]--
		}
	}
	// The loop of backbone's bicm for non-conforming matrices: remove
	// empty rows, then empty columns; then rows and columns that are full
	// (found on the same reduced matrix) get 1 and are removed; repeat.
	for round := 0; ; round++ {
		changed := false
		var zr, zc []int
		for i := range n {
			if rowGood[i] && rowDeg[i] == 0 {
				zr = append(zr, i)
			}
		}
		for _, i := range zr {
			rowSeq[i] = 2 * round
			removeRow(i)
		}
		for k := range m {
			if colGood[k] && colDeg[k] == 0 {
				zc = append(zc, k)
			}
		}
		for _, k := range zc {
			colSeq[k] = 2 * round
			removeCol(k)
		}
		changed = len(zr)+len(zc) > 0
		var fr, fc []int
		for i := range n {
			if rowGood[i] && rowDeg[i] == nGoodCols {
				fr = append(fr, i)
			}
		}
		for k := range m {
			if colGood[k] && colDeg[k] == nGoodRows {
				fc = append(fc, k)
			}
		}
		for _, i := range fr {
			rowSeq[i], rowFull[i] = 2*round+1, true
			removeRow(i)
		}
		for _, k := range fc {
			colSeq[k], colFull[k] = 2*round+1, true
			removeCol(k)
		}
		if !changed && len(fr)+len(fc) == 0 {
			break
		}
	}
	b := &BiCM{rowClass: make([]int32, n), colClass: make([]int32, m)}
	b.rows = classify(n, rowGood, rowDeg, rowSeq, rowFull, b.rowClass)
	b.cols = classify(m, colGood, colDeg, colSeq, colFull, b.colClass)
	b.fit()
	b.prob = make([][]float64, len(b.rows))
	for r, rc := range b.rows {
		b.prob[r] = make([]float64, len(b.cols))
		for c, cc := range b.cols {
			b.prob[r][c] = cellProb(rc, cc)
		}
	}
	return b
}

// classify groups rows (or columns) into classes: free ones by reduced
// degree, fixed ones by removal step and kind; classes are ordered free
// first by degree, then fixed by step.
func classify(n int, good []bool, deg, seq []int, full []bool, class []int32) []bicmClass {
	type key struct {
		free     bool
		deg, seq int
		full     bool
	}
	idx := map[key]int{}
	var cs []bicmClass
	for i := range n {
		k := key{free: good[i]}
		if good[i] {
			k.deg = deg[i]
		} else {
			k.seq, k.full = seq[i], full[i]
		}
		if _, ok := idx[k]; !ok {
			idx[k] = len(cs)
			cs = append(cs, bicmClass{free: k.free, deg: k.deg, seq: k.seq, full: k.full})
		}
		cs[idx[k]].count++
	}
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := cs[a], cs[b]
		switch {
		case x.free != y.free:
			if x.free {
				return -1
			}
			return 1
		case x.free:
			return x.deg - y.deg
		}
		return x.seq - y.seq
	})
	rank := make([]int32, len(cs))
	sorted := make([]bicmClass, len(cs))
	for r, o := range order {
		rank[o] = int32(r)
		sorted[r] = cs[o]
	}
	for i := range n {
		k := key{free: good[i]}
		if good[i] {
			k.deg = deg[i]
		} else {
			k.seq, k.full = seq[i], full[i]
		}
		class[i] = rank[idx[k]]
	}
	return sorted
}

// cellProb is the probability of a cell whose row and column are in
// classes r and c: the fitted value when both are free; else fixed by
// whichever of the two was removed first (1 if that removal was of a full
// row or column, 0 if of an empty one).
func cellProb(r, c bicmClass) float64 {
	switch {
	case r.free && c.free:
		return sigmoid(r.fit + c.fit)
	case r.free:
		return b2f(c.full)
	case c.free:
		return b2f(r.full)
	case r.seq < c.seq:
		return b2f(r.full)
	case c.seq < r.seq:
		return b2f(c.full)
	}
	// Removed in the same step: both full (set to 1) or both empty.
	return b2f(r.full && c.full)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// softplus is log(1 + e^z).
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// fit solves the BiCM equations on the free classes.
func (b *BiCM) fit() {
	var R, C []int // free class indices
	edges := 0
	for r, c := range b.rows {
		if c.free {
			R = append(R, r)
			edges += c.deg * c.count
		}
	}
	for k, c := range b.cols {
		if c.free {
			C = append(C, k)
		}
	}
	if len(R) == 0 || len(C) == 0 {
		return
	}
	// Start where backbone's bicm starts: x = d / (sqrt(E) + 1).
	s := math.Sqrt(float64(edges)) + 1
	th := make([]float64, len(R))
	ph := make([]float64, len(C))
	for a, r := range R {
		th[a] = math.Log(float64(b.rows[r].deg) / s)
	}
	for c, k := range C {
		ph[c] = math.Log(float64(b.cols[k].deg) / s)
	}
	mr := func(a int) float64 { return float64(b.rows[R[a]].count) }
	mc := func(c int) float64 { return float64(b.cols[C[c]].count) }
	dr := func(a int) float64 { return float64(b.rows[R[a]].deg) }
	dc := func(c int) float64 { return float64(b.cols[C[c]].deg) }
	loglik := func(th, ph []float64) float64 {
		l := 0.0
		for a := range th {
			l += mr(a) * dr(a) * th[a]
		}
		for c := range ph {
			l += mc(c) * dc(c) * ph[c]
		}
		for a := range th {
			for c := range ph {
				l -= mr(a) * mc(c) * softplus(th[a]+ph[c])
			}
		}
		return l
	}
	// Variables: θ for every row class, φ for every column class but
	// the last, whose φ stays where it is (the model is invariant under
	// x·t, y/t).
	nv := len(R) + len(C) - 1
	g := make([]float64, nv)
	H := mat.NewSymDense(max(nv, 1), nil)
	resid := func(th, ph []float64) float64 {
		worst := 0.0
		for a := range th {
			e := 0.0
			for c := range ph {
				e += mc(c) * sigmoid(th[a]+ph[c])
			}
			worst = math.Max(worst, math.Abs(e-dr(a)))
		}
		for c := range ph {
			e := 0.0
			for a := range th {
				e += mr(a) * sigmoid(th[a]+ph[c])
			}
			worst = math.Max(worst, math.Abs(e-dc(c)))
		}
		return worst
	}
	nth, nph := make([]float64, len(th)), make([]float64, len(ph))
	// Rounding in sums over many organizations keeps the residual above
	// about 1e-16 times their number.
	stop := 1e-12 * math.Max(1, float64(len(b.rowClass)+len(b.colClass))/1000)
	const maxIter = 500
	it := 0
	for ; it < maxIter; it++ {
		if resid(th, ph) < stop {
			break
		}
		// Gradient and negative Hessian of the log-likelihood.
		for i := range g {
			g[i] = 0
		}
		for i := range nv {
			for j := range nv {
				H.SetSym(i, j, 0)
			}
		}
		for a := range th {
			for c := range ph {
				p := sigmoid(th[a] + ph[c])
				w := mr(a) * mc(c)
				v := w * p * (1 - p)
				g[a] -= w * p
				H.SetSym(a, a, H.At(a, a)+v)
				if c < len(C)-1 {
					j := len(R) + c
					g[j] -= w * p
					H.SetSym(j, j, H.At(j, j)+v)
					H.SetSym(a, j, H.At(a, j)+v)
				}
			}
		}
		for a := range th {
			g[a] += mr(a) * dr(a)
		}
		for c := 0; c < len(C)-1; c++ {
			g[len(R)+c] += mc(c) * dc(c)
		}
		var ch mat.Cholesky
		dx := mat.NewVecDense(nv, nil)
		ok := ch.Factorize(H) && ch.SolveVecTo(dx, mat.NewVecDense(nv, g)) == nil
		if !ok || !finiteVec(dx) {
			// Singular (the degrees are on the border of what the
			// model can fit): a gradient step instead.
			for i := range g {
				dx.SetVec(i, g[i]/math.Max(H.At(i, i), 1e-12))
			}
		}
		// Backtrack until the log-likelihood rises; near the solution,
		// where its change is below rounding, until the residual falls.
		l0, r0 := loglik(th, ph), resid(th, ph)
		tol := 1e-13 * math.Abs(l0)
		step := 1.0
		improved := false
		for range 60 {
			for a := range th {
				nth[a] = th[a] + step*dx.AtVec(a)
			}
			copy(nph, ph)
			for c := 0; c < len(C)-1; c++ {
				nph[c] = ph[c] + step*dx.AtVec(len(R)+c)
			}
			l := loglik(nth, nph)
			if l > l0+tol || l >= l0-tol && resid(nth, nph) < r0 {
				improved = true
				break
			}
			step /= 2
		}
		if !improved {
			break
		}
		copy(th, nth)
		copy(ph, nph)
	}
	b.Iterations = it
	b.Residual = resid(th, ph)
	for a, r := range R {
		b.rows[r].fit = th[a]
	}
	for c, k := range C {
		b.cols[k].fit = ph[c]
	}
}

func finiteVec(v *mat.VecDense) bool {
	for i := range v.Len() {
		if x := v.AtVec(i); math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// Prob returns the model's probability that organization i belongs to
// group k.
func (b *BiCM) Prob(i, k int) float64 {
	return b.prob[b.rowClass[i]][b.colClass[k]]
}

// SDSM returns, for every tie of a's projection in the order of
// a.Project(w).Edges() (the same ties for every weighting w), the p-value of
// the stochastic degree sequence model of Z. P. Neal, "The backbone of
// bipartite projections: Inferring relationships from co-authorship,
// co-sponsorship, co-attendance and other co-behaviors", Social Networks
// 39, 84-97 (2014), doi:10.1016/j.socnet.2014.06.001.
//
// The tie between organizations i and j shares w_ij groups. Under the
// model, memberships are independent with the probabilities p_ik of the
// bipartite configuration model (FitBiCM, as the R package backbone
// computes them), so the number of groups i and j share is a sum of
// independent Bernoulli variables of probability p_ik·p_jk over the groups
// k: a Poisson-binomial variable X_ij. The p-value is its upper tail,
//
//	p_ij = P(X_ij >= w_ij),
//
// computed exactly by convolution, term by term with nothing subtracted,
// so small p-values keep their relative precision. (backbone's sdsm uses
// the refined normal approximation of Hong (2013) instead; the values agree
// to about 3 decimals on its documented example.) The test is one-tailed
// and only observed ties are tested (backbone's missing.as.zero = FALSE,
// signed = FALSE). Organizations in no group have no tie and so no value.
// The values are checked against an independent computation in Python
// (testdata/sdsm_ref.py: the BiCM equations solved by scipy, the
// distribution by numpy.convolve over every group).
func SDSM(a *Affiliation) []float64 {
	p, _ := SDSMExpected(a)
	return p
}

// SDSMExpected is SDSM that also returns each tie's expected number of
// shared groups under the model, E[X_ij] = Σ_k p_ik·p_jk.
func SDSMExpected(a *Affiliation) (pvalues, expected []float64) {
	return sdsmExpected(a, a.Project(WeightCount))
}

// sdsmExpected is SDSMExpected with g = a.Project(WeightCount).
func sdsmExpected(a *Affiliation, g *Network) (pvalues, expected []float64) {
	b := FitBiCM(a)
	nr := len(b.rows)
	pairOf := func(u, v int) int {
		r, s := int(b.rowClass[u]), int(b.rowClass[v])
		if r > s {
			r, s = s, r
		}
		return r*nr + s
	}
	// The largest shared count of each pair of classes, so each
	// distribution is computed once, as far as needed.
	need := make([]int, nr*nr)
	for u := range g.N() {
		ws := g.Weights(u)
		for k, v := range g.Neighbors(u) {
			if int(v) > u {
				p := pairOf(u, int(v))
				need[p] = max(need[p], int(ws[k]))
			}
		}
	}
	tails := make([][]float64, nr*nr)
	means := make([]float64, nr*nr)
	var qs []float64
	var ns []int
	for p, w := range need {
		if w == 0 {
			continue
		}
		r, s := p/nr, p%nr
		qs, ns = qs[:0], ns[:0]
		mean := 0.0
		for c, cc := range b.cols {
			q := b.prob[r][c] * b.prob[s][c]
			if q == 0 {
				continue
			}
			qs = append(qs, q)
			ns = append(ns, cc.count)
			mean += float64(cc.count) * q
		}
		tails[p] = poissonBinomialTails(qs, ns, w)
		means[p] = mean
	}
	pvalues = make([]float64, 0, g.M())
	expected = make([]float64, 0, g.M())
	for u := range g.N() {
		ws := g.Weights(u)
		for k, v := range g.Neighbors(u) {
			if int(v) > u {
				p := pairOf(u, int(v))
				pvalues = append(pvalues, tails[p][int(ws[k])])
				expected = append(expected, means[p])
			}
		}
	}
	return pvalues, expected
}

// poissonBinomialTails returns P(X >= w) for w = 0..W, where X is the sum
// of independent Bernoulli variables, ns[c] of them of probability qs[c].
// The distribution is kept on 0..W-1 exactly, with the mass of W and above
// in one absorbing cell, so every tail is a sum of non-negative terms.
func poissonBinomialTails(qs []float64, ns []int, W int) []float64 {
	s := make([]float64, W+1) // s[W] is P(X >= W)
	s[0] = 1
	for c, q := range qs {
		r := 1 - q
		for range ns[c] {
			s[W] += s[W-1] * q
			for x := W - 1; x >= 1; x-- {
				s[x] = s[x]*r + s[x-1]*q
			}
			s[0] *= r
		}
	}
	t := make([]float64, W+1)
	t[W] = s[W]
	for x := W - 1; x >= 0; x-- {
		t[x] = t[x+1] + s[x]
	}
	return t
}
