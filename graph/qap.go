package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// QAPModel is the regression model of a QAP regression.
type QAPModel int

const (
	// QAPLinear is ordinary least squares, as R sna netlm.
	QAPLinear QAPModel = iota
	// QAPLogistic is logistic regression fitted by iteratively reweighted
	// least squares, as R sna netlogit (which calls glm.fit).
	QAPLogistic
)

// ParseQAPModel reads "lm" (also "linear", "ols") or "logit" (also
// "logistic").
func ParseQAPModel(s string) (QAPModel, error) {
	switch s {
	case "lm", "linear", "ols":
		return QAPLinear, nil
	case "logit", "logistic":
		return QAPLogistic, nil
	}
	return 0, fmt.Errorf("unknown regression model %q (want lm or logit)", s)
}

func (m QAPModel) String() string {
	switch m {
	case QAPLinear:
		return "lm"
	case QAPLogistic:
		return "logit"
	}
	return fmt.Sprintf("QAPModel(%d)", int(m))
}

// QAPNull is the permutation scheme that gives a QAP regression its null
// distribution.
type QAPNull int

const (
	// QAPY permutes the outcome: the rows and columns of the outcome
	// matrix are relabelled by one random permutation of the nodes and
	// the model refitted (D. Krackhardt, Predicting with networks:
	// nonparametric multiple regression analysis of dyadic data, Social
	// Networks 10(4), 359-381 (1988), doi:10.1016/0378-8733(88)90004-4).
	// It is R sna's nullhyp = "qapy".
	QAPY QAPNull = iota
	// QAPSemiPartial is Dekker, Krackhardt and Snijders' double
	// semi-partialling: for each coefficient, the predictor is regressed
	// on the other predictors (with the intercept), its residual matrix is
	// permuted, and the model refitted with the permuted residuals in the
	// predictor's place (D. Dekker, D. Krackhardt and T. A. B. Snijders,
	// Sensitivity of MRQAP tests to collinearity and autocorrelation
	// conditions, Psychometrika 72(4), 563-581 (2007),
	// doi:10.1007/s11336-007-9016-1). It is R sna's nullhyp = "qapspp",
	// and also what sna runs for nullhyp = "qap".
	QAPSemiPartial
)

// ErrAmbiguousNull is returned by ParseQAPNull for "qap", which names
// different schemes in different tools.
var ErrAmbiguousNull = errors.New(`"qap" is ambiguous: R sna's nullhyp = "qap" is the semi-partialling scheme (qapspp), while classical QAP (Krackhardt 1988, UCINET's Y-permutation) permutes the outcome (qapy); name one of them`)

// ParseQAPNull reads "qapy" (also "y") or "qapspp" (also "spp").
func ParseQAPNull(s string) (QAPNull, error) {
	switch s {
	case "qapy", "y":
		return QAPY, nil
	case "qapspp", "spp":
		return QAPSemiPartial, nil
	case "qap":
		return 0, ErrAmbiguousNull
	}
	return 0, fmt.Errorf("unknown permutation scheme %q (want qapy or qapspp)", s)
}

func (n QAPNull) String() string {
	switch n {
	case QAPY:
		return "qapy"
	case QAPSemiPartial:
		return "qapspp"
	}
	return fmt.Sprintf("QAPNull(%d)", int(n))
}

// QAPTerm is one predictor of a QAP regression.
type QAPTerm struct {
	Name string
	X    Dyads // no missing values
}

// QAPOptions configure a QAP regression.
type QAPOptions struct {
	Model        QAPModel
	Null         QAPNull
	Permutations int    // permutations per coefficient (sna's reps); 0 for none
	Seed         uint64 // the same seed gives the same permutations
	// Progress, when not nil, is called about every 1% of the fits with
	// the number of permutation fits done and their total. Calls never
	// overlap.
	Progress func(done, total int)

	// permutation, when not nil, gives permutation rep of coefficient coef
	// (coef 0 under QAPY) instead of the seeded draw: the tests replay the
	// permutations R sna drew.
	permutation func(coef, rep int, o []int32)
	// keepDist, when not nil, receives every coefficient's statistic over
	// the permutations.
	keepDist func(dist [][]float64)
}

// QAPDistribution summarizes the statistic of one coefficient over the
// permutations, as sna's summary prints it (quantiles of R's default type
// 7).
type QAPDistribution struct {
	Min, Q1, Median, Mean, Q3, Max float64
}

// QAPCoefficient is one coefficient of a QAP regression.
type QAPCoefficient struct {
	Name     string
	Estimate float64
	SE       float64 // its standard error under the model's usual assumptions
	// Statistic is Estimate / SE, the t value (linear) or z value
	// (logistic); it is the statistic the permutations compare, sna's
	// default test.statistic.
	Statistic float64
	// PLessEq, PGreaterEq and PTwoSided are the shares of permutations
	// whose statistic is <= Statistic, >= Statistic and at least as large
	// in absolute value: sna's Pr(<=b), Pr(>=b) and Pr(>=|b|), as count /
	// permutations. NaN without permutations.
	PLessEq, PGreaterEq, PTwoSided float64
	Null                           QAPDistribution // the statistic over the permutations
}

// QAPFit is a fitted QAP regression with its permutation test.
type QAPFit struct {
	Model QAPModel
	// Null is the scheme run. As in sna, a model without predictors has
	// no other predictor to partial out, so QAPSemiPartial falls back on
	// QAPY.
	Null         QAPNull
	Permutations int
	Seed         uint64
	Coefficients []QAPCoefficient // the intercept first, then the terms in order

	N          int // dyads in the fit
	Missing    int // dyads left out because the outcome is missing there
	DFResidual int // N - number of coefficients
	// Failed counts permutation fits that could not be computed (a
	// singular design); they are left out of the p-values' denominators.
	Failed int

	// Linear model (sna summary.netlm): R² = MSS / (MSS + RSS) with MSS
	// the sum of squares of the fitted values about their mean, adjusted
	// R², the residual standard error and the F test of all terms.
	RSquared, AdjRSquared, Sigma float64
	F, FPValue                   float64
	FDF1, FDF2                   int

	// Logistic model (sna summary.netlogit). NullDeviance is sna's: the
	// deviance of p = 1/2 for every dyad (glm.fit without an intercept of
	// its own), 2 N ln 2, on DFNull = N degrees of freedom. AIC = Deviance
	// + 2k, BIC = Deviance + k ln N. PseudoR2 is sna's (Dn-Dr)/(Dn-Dr+dfn)
	// and DevianceR2 its (Dn-Dr)/Dn, both against that null deviance.
	// InterceptDeviance is the deviance of the intercept-only model and
	// McFaddenR2 = 1 - Deviance / InterceptDeviance, the usual pseudo-R²
	// (as R glm(y ~ x) null.deviance).
	Deviance, NullDeviance      float64
	DFNull                      int
	AIC, BIC                    float64
	PseudoR2, DevianceR2        float64
	InterceptDeviance           float64
	McFaddenR2                  float64
	Iterations                  int
	Converged                   bool
	Boundary                    bool // fitted probabilities numerically 0 or 1 (separation), as glm.fit warns
	FractionCorrect             float64
	PredictedOnes, ObservedOnes int
}

// Sentinel causes of QAP errors, for errors.Is.
var (
	ErrCollinear = errors.New("collinear predictors")
	ErrNotBinary = errors.New("outcome not binary")
	ErrTooFew    = errors.New("too few dyads")
)

// qapTol is R's tolerance for a linearly dependent column (lm.fit and
// netlm's qr(tol = 1e-07)).
const qapTol = 1e-7

// QAP fits the regression of the dyadic outcome y on an intercept and the
// terms, and tests each coefficient by permutation: R sna's netlm (o.Model
// QAPLinear) or netlogit (QAPLogistic) with mode = "graph", diag = FALSE,
// test.statistic "t-value" / "z-value", nullhyp "qapy" or "qapspp", and
// reps = o.Permutations. Dyads where y is missing are left out of every
// fit, as sna does: under QAPY the missing cells travel with the permuted
// outcome.
//
// The linear fit is least squares by Householder QR; the logistic fit is
// glm.fit's iteration step for step (start μ = (y + 1/2)/2, weights
// μ(1-μ), at most 25 iterations, stop when |D - D_old| / (|D| + 0.1) <
// 1e-8), its weighted least squares solved through the Cholesky factor of
// XᵀWX; the standard errors are sqrt(diag((XᵀWX)⁻¹)) at the weights of the
// last iteration, as sna takes them from glm.fit's QR.
//
// Permutation r of coefficient i is drawn by a PCG generator seeded with
// (o.Seed, i, r) (one permutation per r for all coefficients under QAPY),
// and the fits run on the cores, so the result is
// the same on any machine and any number of cores. It returns ctx's error
// when ctx is cancelled first, ErrCollinear when a term is a linear
// combination of the intercept and the terms before it among the dyads
// fitted, ErrNotBinary for a logistic model of an outcome other than 0/1,
// and ErrTooFew when there are no more dyads than coefficients.
func QAP(ctx context.Context, y Dyads, terms []QAPTerm, o QAPOptions) (*QAPFit, error) {
	n := y.N
	m := len(y.V)
	if m != DyadCount(n) {
		panic(fmt.Sprintf("graph: %d outcome values for %d nodes", m, n))
	}
	for _, t := range terms {
		if t.X.N != n || len(t.X.V) != m {
			panic(fmt.Sprintf("graph: term %q has %d nodes, the outcome %d", t.Name, t.X.N, n))
		}
		for _, v := range t.X.V {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("term %q: a missing or infinite value", t.Name)
			}
		}
	}
	if o.Permutations < 0 {
		return nil, fmt.Errorf("the number of permutations must be 0 or more, not %d", o.Permutations)
	}
	k := len(terms) + 1
	names := make([]string, k)
	names[0] = "(intercept)"
	// The design over every dyad, row-major m×k.
	xall := make([]float64, m*k)
	for r := 0; r < m; r++ {
		xall[r*k] = 1
		for j, t := range terms {
			xall[r*k+j+1] = t.X.V[r]
		}
	}
	for j, t := range terms {
		names[j+1] = t.Name
	}
	fit := &QAPFit{Model: o.Model, Null: o.Null, Permutations: o.Permutations, Seed: o.Seed}
	if k == 1 {
		fit.Null = QAPY // sna: nothing to partial out
	}
	rows := make([]int, 0, m) // dyads with an outcome
	for r, v := range y.V {
		if !math.IsNaN(v) {
			rows = append(rows, r)
		}
	}
	fit.N, fit.Missing, fit.DFResidual = len(rows), m-len(rows), len(rows)-k
	if len(rows) <= k {
		return nil, fmt.Errorf("%w: %d dyads with an outcome for %d coefficients", ErrTooFew, len(rows), k)
	}
	yo := make([]float64, len(rows))
	xo := mat.NewDense(len(rows), k, nil)
	for a, r := range rows {
		yo[a] = y.V[r]
		xo.SetRow(a, xall[r*k:(r+1)*k])
	}
	if err := checkRank(xo, names); err != nil {
		return nil, err
	}
	if o.Model == QAPLogistic {
		for _, v := range yo {
			if v != 0 && v != 1 {
				return nil, fmt.Errorf("%w: logistic regression needs an outcome of 0 and 1, not %v", ErrNotBinary, v)
			}
		}
	}

	fit.Coefficients = make([]QAPCoefficient, k)
	for j := range fit.Coefficients {
		fit.Coefficients[j].Name = names[j]
	}
	switch o.Model {
	case QAPLinear:
		var qr mat.QR
		qr.Factorize(xo)
		res, err := olsSolve(&qr, xo, yo)
		if err != nil {
			return nil, err
		}
		for j := range fit.Coefficients {
			c := &fit.Coefficients[j]
			c.Estimate, c.SE, c.Statistic = res.beta[j], res.se[j], res.beta[j]/res.se[j]
		}
		nf := float64(len(rows))
		mean := 0.0
		for _, f := range res.fitted {
			mean += f
		}
		mean /= nf
		mss := 0.0
		for _, f := range res.fitted {
			mss += (f - mean) * (f - mean)
		}
		rdf := float64(fit.DFResidual)
		fit.RSquared = mss / (mss + res.rss)
		fit.AdjRSquared = 1 - (1-fit.RSquared)*((nf-1)/rdf)
		fit.Sigma = math.Sqrt(res.rss / rdf)
		fit.FDF1, fit.FDF2 = k-1, fit.DFResidual
		fit.F, fit.FPValue = math.NaN(), math.NaN()
		if k > 1 {
			fit.F = (mss / float64(k-1)) / (res.rss / rdf)
			fit.FPValue = distuv.F{D1: float64(k - 1), D2: rdf}.Survival(fit.F)
		}
	case QAPLogistic:
		var sc logitScratch
		res := sc.fit(xall, k, y.V, nil)
		if res.singular {
			return nil, fmt.Errorf("%w: the weighted design became singular", ErrCollinear)
		}
		for j := range fit.Coefficients {
			c := &fit.Coefficients[j]
			c.Estimate, c.SE = res.beta[j], res.se[j]
			c.Statistic = c.Estimate / c.SE
		}
		nf := float64(len(rows))
		fit.Deviance = res.dev
		fit.NullDeviance = 2 * nf * math.Ln2
		fit.DFNull = len(rows)
		fit.AIC = res.dev + 2*float64(k)
		fit.BIC = res.dev + float64(k)*math.Log(nf)
		fit.PseudoR2 = (fit.NullDeviance - res.dev) / (fit.NullDeviance - res.dev + float64(fit.DFNull))
		fit.DevianceR2 = 1 - res.dev/fit.NullDeviance
		ones := 0
		for _, v := range yo {
			ones += int(v)
		}
		fit.ObservedOnes = ones
		fit.InterceptDeviance = bernoulliDeviance(ones, len(rows))
		fit.McFaddenR2 = 1 - res.dev/fit.InterceptDeviance
		fit.Iterations, fit.Converged, fit.Boundary = res.iter, res.conv, res.boundary
		correct := 0
		for a, r := range rows {
			p := 0.0
			if sc.mu[r] >= 0.5 {
				p = 1
				fit.PredictedOnes++
			}
			if p == yo[a] {
				correct++
			}
		}
		fit.FractionCorrect = float64(correct) / nf
	default:
		panic(fmt.Sprintf("graph: unknown QAP model %d", o.Model))
	}
	if o.Permutations == 0 {
		nan := math.NaN()
		for j := range fit.Coefficients {
			c := &fit.Coefficients[j]
			c.PLessEq, c.PGreaterEq, c.PTwoSided = nan, nan, nan
			c.Null = QAPDistribution{nan, nan, nan, nan, nan, nan}
		}
		return fit, nil
	}
	dist, failed, err := qapPermute(ctx, y, xall, k, rows, fit.Null, o)
	if err != nil {
		return nil, err
	}
	fit.Failed = failed
	if o.keepDist != nil {
		o.keepDist(dist)
	}
	for j := range fit.Coefficients {
		c := &fit.Coefficients[j]
		c.PLessEq, c.PGreaterEq, c.PTwoSided, c.Null = permutationP(c.Statistic, dist[j])
	}
	return fit, nil
}

// bernoulliDeviance is the deviance of the intercept-only logistic model of
// ones successes among n: -2 Σ [y ln p + (1-y) ln(1-p)], p = ones/n.
func bernoulliDeviance(ones, n int) float64 {
	if ones == 0 || ones == n {
		return 0
	}
	p := float64(ones) / float64(n)
	return -2 * (float64(ones)*math.Log(p) + float64(n-ones)*math.Log(1-p))
}

// permutationP returns sna's three p-values of the observed statistic t
// against the permuted ones (NaN entries, failed fits, left out) and the
// distribution's summary.
func permutationP(t float64, dist []float64) (le, ge, two float64, d QAPDistribution) {
	vals := make([]float64, 0, len(dist))
	for _, v := range dist {
		if !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	nan := math.NaN()
	if len(vals) == 0 {
		return nan, nan, nan, QAPDistribution{nan, nan, nan, nan, nan, nan}
	}
	nle, nge, ntwo := 0, 0, 0
	sum := 0.0
	for _, v := range vals {
		if v <= t {
			nle++
		}
		if v >= t {
			nge++
		}
		if math.Abs(v) >= math.Abs(t) {
			ntwo++
		}
		sum += v
	}
	nf := float64(len(vals))
	slices.Sort(vals)
	d = QAPDistribution{
		Min: vals[0], Q1: quantile7(vals, 0.25), Median: quantile7(vals, 0.5),
		Mean: sum / nf, Q3: quantile7(vals, 0.75), Max: vals[len(vals)-1],
	}
	return float64(nle) / nf, float64(nge) / nf, float64(ntwo) / nf, d
}

// quantile7 is R's default quantile (type 7) of sorted values: linear
// interpolation between the order statistics at h = (n-1)p.
func quantile7(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i >= n-1 {
		return sorted[n-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

// checkRank returns ErrCollinear naming the first column of x that is, to
// R's tolerance 1e-7, a linear combination of the columns before it: the
// norm left after Householder elimination of the earlier columns (|R_jj|)
// against the column's own norm, LINPACK dqrdc2's test.
func checkRank(x *mat.Dense, names []string) error {
	r, k := x.Dims()
	var qr mat.QR
	qr.Factorize(x)
	var rm mat.Dense
	qr.RTo(&rm)
	for j := 0; j < k; j++ {
		norm := 0.0
		for i := 0; i < r; i++ {
			norm += x.At(i, j) * x.At(i, j)
		}
		norm = math.Sqrt(norm)
		if norm == 0 || math.Abs(rm.At(j, j)) <= qapTol*norm {
			if j == 0 {
				return fmt.Errorf("%w: the intercept", ErrCollinear)
			}
			if constantColumn(x, j) {
				return fmt.Errorf("%w: %q has the same value for every dyad fitted, so the intercept already accounts for it", ErrCollinear, names[j])
			}
			return fmt.Errorf("%w: %q is a linear combination of the intercept and %s among the dyads fitted; leave one of them out", ErrCollinear, names[j], joinQuoted(names[1:j]))
		}
	}
	return nil
}

func constantColumn(x *mat.Dense, j int) bool {
	r, _ := x.Dims()
	for i := 1; i < r; i++ {
		if x.At(i, j) != x.At(0, j) {
			return false
		}
	}
	return true
}

// olsResult is a least-squares fit.
type olsResult struct {
	beta, se, fitted []float64
	rss              float64
}

// olsSolve fits y on x by the QR factorization qr of x: the coefficients,
// their standard errors sqrt(diag((RᵀR)⁻¹) RSS/(n-k)) as R summary.lm, the
// fitted values and the residual sum of squares.
func olsSolve(qr *mat.QR, x *mat.Dense, y []float64) (olsResult, error) {
	n, k := x.Dims()
	var b mat.VecDense
	if err := qr.SolveVecTo(&b, false, mat.NewVecDense(n, y)); err != nil {
		return olsResult{}, fmt.Errorf("%w: %v", ErrCollinear, err)
	}
	res := olsResult{beta: make([]float64, k), se: make([]float64, k), fitted: make([]float64, n)}
	for j := range k {
		res.beta[j] = b.AtVec(j)
	}
	for i := range n {
		f := 0.0
		for j := range k {
			f += x.At(i, j) * res.beta[j]
		}
		res.fitted[i] = f
		e := y[i] - f
		res.rss += e * e
	}
	cdiag := rInverseDiag(qr, k)
	resvar := res.rss / float64(n-k)
	for j := range k {
		res.se[j] = math.Sqrt(cdiag[j] * resvar)
	}
	return res, nil
}

// rInverseDiag returns diag((RᵀR)⁻¹) of a QR factorization with k
// columns: the squared row norms of R⁻¹.
func rInverseDiag(qr *mat.QR, k int) []float64 {
	var rm mat.Dense
	qr.RTo(&rm)
	rt := mat.NewTriDense(k, mat.Upper, nil)
	for i := range k {
		for j := i; j < k; j++ {
			rt.SetTri(i, j, rm.At(i, j))
		}
	}
	var ri mat.TriDense
	out := make([]float64, k)
	if err := ri.InverseTri(rt); err != nil {
		for j := range out {
			out[j] = math.NaN()
		}
		return out
	}
	for i := range k {
		s := 0.0
		for j := i; j < k; j++ {
			s += ri.At(i, j) * ri.At(i, j)
		}
		out[i] = s
	}
	return out
}

// R's logit link constants (src/library/stats/src/family.c).
const (
	logitThresh  = 30.0
	logitMThresh = -30.0
	dblEpsilon   = 2.220446049250313e-16
)

// logitMu returns R's logit linkinv and mu.eta of eta, μ = t/(1+t) and
// dμ/dη = t/(1+t)² with t = exp(η) kept within [DBL_EPSILON,
// 1/DBL_EPSILON] (|η| <= 30; beyond, dμ/dη is DBL_EPSILON), and t.
func logitMu(eta float64) (mu, muEta, t float64) {
	switch {
	case eta < logitMThresh:
		t = dblEpsilon
		return t / (1 + t), dblEpsilon, t
	case eta > logitThresh:
		t = 1 / dblEpsilon
		return t / (1 + t), dblEpsilon, t
	}
	t = math.Exp(eta)
	return t / (1 + t), t / ((1 + t) * (1 + t)), t
}

// logitScratch is the working memory of logistic fits, reused from fit to
// fit.
type logitScratch struct {
	eta, mu, me []float64
	a, b        []float64
	beta        mat.VecDense
	chol        mat.Cholesky
	inv         mat.SymDense
}

type logitResult struct {
	beta, se       []float64
	dev            float64
	iter           int
	conv, boundary bool
	singular       bool
}

// fit runs glm.fit's IRLS for the binomial family with the logit link on
// 0/1 outcomes, as glm.fit(x, y, family = binomial()) does on one row per
// dyad: μ starts at (y + 1/2)/2, each step solves the weighted least
// squares of z = η + (y - μ)/μ' with weights μ'²/(μ(1-μ)), and the
// iteration stops when the deviance D = -2 Σ [y ln μ + (1-y) ln(1-μ)]
// changes by less than 1e-8 (|D - D_old| / (|D| + 0.1)), or after 25
// steps. x is the row-major design (k columns). Without trials (nil),
// each row is one dyad with outcome y (rows where y is NaN are skipped);
// with trials, row r stands for trials[r] dyads of that design row,
// y[r] of them 1s as a proportion: the same sums over the same dyads, in
// fewer rows, so the same iterations and the same estimates as the row
// per dyad (the first step, from glm's per-dyad start, takes the dyads'
// two starting values, one for 0s and one for 1s, by their counts). One
// pass over the rows per step computes η, μ and the deviance of the new
// coefficients and accumulates the next step's normal equations.
func (s *logitScratch) fit(x []float64, k int, y, trials []float64) logitResult {
	m := len(y)
	if cap(s.eta) < m {
		s.eta, s.mu, s.me = make([]float64, m), make([]float64, m), make([]float64, m)
	}
	s.eta, s.mu, s.me = s.eta[:m], s.mu[:m], s.me[:m]
	if len(s.a) != k*k {
		s.a, s.b = make([]float64, k*k), make([]float64, k)
	}
	res := logitResult{beta: make([]float64, k), se: make([]float64, k)}
	sym := mat.NewSymDense(k, s.a)
	bv := mat.NewVecDense(k, s.b)
	accumulate := func(row []float64, w, e, mu, me, yr float64) {
		z := e + (yr-mu)/me
		w2 := w * me * me / (mu * (1 - mu))
		for i, xi := range row {
			wi := w2 * xi
			s.b[i] += wi * z
			ai := s.a[i*k:]
			for j := i; j < k; j++ {
				ai[j] += wi * row[j]
			}
		}
	}
	// glm's start: μ = 3/4 for a 1, 1/4 for a 0.
	e1 := math.Log(0.75 / 0.25)
	mu1, me1, _ := logitMu(e1)
	mu0, me0, _ := logitMu(-e1)
	clear(s.a)
	clear(s.b)
	devold := 0.0
	for r, yr := range y {
		if math.IsNaN(yr) {
			continue
		}
		n := 1.0
		if trials != nil {
			n = trials[r]
		}
		row := x[r*k : (r+1)*k]
		ones := n * yr
		if ones > 0 {
			accumulate(row, ones, e1, mu1, me1, 1)
			devold += 2 * ones * math.Log(1/mu1)
		}
		if zeros := n - ones; zeros > 0 {
			accumulate(row, zeros, -e1, mu0, me0, 0)
			devold += 2 * zeros * math.Log(1/(1-mu0))
		}
	}
	// pass sets η, μ, μ' of every row from the coefficients beta and
	// returns the deviance, accumulating the next step's normal equations.
	pass := func(beta []float64) float64 {
		clear(s.a)
		clear(s.b)
		dev := 0.0
		for r, yr := range y {
			if math.IsNaN(yr) {
				continue
			}
			n := 1.0
			if trials != nil {
				n = trials[r]
			}
			row := x[r*k : (r+1)*k]
			e := 0.0
			for j, v := range row {
				e += v * beta[j]
			}
			mu, me, t := logitMu(e)
			s.eta[r], s.mu[r], s.me[r] = e, mu, me
			lt := e
			if e < logitMThresh || e > logitThresh {
				lt = math.Log(t)
			}
			// -2 [y ln μ + (1-y) ln(1-μ)] per dyad, μ = t/(1+t).
			dev += 2 * n * (math.Log1p(t) - yr*lt)
			accumulate(row, n, e, mu, me, yr)
		}
		return dev
	}
	for iter := 1; iter <= 25; iter++ {
		if !s.chol.Factorize(sym) {
			res.singular = true
			return res
		}
		if err := s.chol.SolveVecTo(&s.beta, bv); err != nil {
			res.singular = true
			return res
		}
		dev := pass(s.beta.RawVector().Data)
		res.iter = iter
		res.dev = dev
		if math.Abs(dev-devold)/(math.Abs(dev)+0.1) < 1e-8 {
			res.conv = true
			break
		}
		devold = dev
	}
	for j := range k {
		res.beta[j] = s.beta.AtVec(j)
	}
	if err := s.chol.InverseTo(&s.inv); err != nil {
		res.singular = true
		return res
	}
	for j := range k {
		res.se[j] = math.Sqrt(s.inv.At(j, j))
	}
	const eps = 10 * dblEpsilon
	for r, yr := range y {
		if !math.IsNaN(yr) && (s.mu[r] > 1-eps || s.mu[r] < eps) {
			res.boundary = true
			break
		}
	}
	return res
}

// qapPermute returns, for each coefficient, its statistic over the
// permutations of the null scheme, and the number of fits that failed.
func qapPermute(ctx context.Context, y Dyads, xall []float64, k int, rows []int, null QAPNull, o QAPOptions) ([][]float64, int, error) {
	n, m := y.N, len(y.V)
	reps := o.Permutations
	dist := make([][]float64, k)
	for j := range dist {
		dist[j] = make([]float64, reps)
	}
	hasMissing := len(rows) < m

	// Semi-partialling: each predictor's residual on the others, over
	// every dyad (sna regresses the predictors on each other before the
	// outcome's missing cells are dropped).
	var resid []Dyads
	var zp []*projector  // the other predictors among the rows fitted (linear)
	var ytil [][]float64 // the outcome's residual on them (linear)
	var tasks int
	if null == QAPSemiPartial {
		resid = make([]Dyads, k)
		zp, ytil = make([]*projector, k), make([][]float64, k)
		yo := make([]float64, len(rows))
		for a, r := range rows {
			yo[a] = y.V[r]
		}
		for i := range k {
			z := otherColumns(xall, k, i, nil)
			xi := make([]float64, m)
			for r := range m {
				xi[r] = xall[r*k+i]
			}
			var qr mat.QR
			qr.Factorize(z)
			res, err := olsSolve(&qr, z, xi)
			if err != nil {
				return nil, 0, err
			}
			e := Dyads{N: n, V: make([]float64, m)}
			for r := range m {
				e.V[r] = xi[r] - res.fitted[r]
			}
			resid[i] = e
			if o.Model == QAPLinear {
				zr := otherColumns(xall, k, i, rows)
				var q mat.QR
				q.Factorize(zr)
				r2, err := olsSolve(&q, zr, yo)
				if err != nil {
					return nil, 0, err
				}
				yt := make([]float64, len(rows))
				for a := range rows {
					yt[a] = yo[a] - r2.fitted[a]
				}
				p, err := newProjector(zr)
				if err != nil {
					return nil, 0, err
				}
				zp[i], ytil[i] = p, yt
			}
		}
		tasks = k * reps
	} else {
		tasks = reps
	}

	// Y-permutation of a linear model without missing outcomes: one QR of
	// the design serves every permutation.
	var xp *projector
	var cdiag []float64
	if null == QAPY && o.Model == QAPLinear && !hasMissing {
		xo := mat.NewDense(m, k, slices.Clone(xall))
		var err error
		if xp, err = newProjector(xo); err != nil {
			return nil, 0, err
		}
		cdiag = make([]float64, k)
		for i := range k {
			for j := i; j < k; j++ {
				cdiag[i] += xp.rinv[i*k+j] * xp.rinv[i*k+j]
			}
		}
	}
	// Logistic fits of designs with few distinct rows (counts and
	// dummies) run on the distinct rows with their trials and successes:
	// the same maximum-likelihood fit at a fraction of the cost.
	var grp *logitGroups
	if o.Model == QAPLogistic {
		grp = newLogitGroups(xall, k, n, resid)
	}

	var failed atomic.Int64
	err := parallel(ctx, tasks, 0, func(int) func(int) {
		s := &struct {
			perm   []int32
			buf    []float64
			design []float64 // xall with one column replaced (logistic spp)
			col    int
			logit  logitScratch
			agg    groupScratch
		}{perm: make([]int32, n), buf: make([]float64, m), col: -1}
		return func(t int) {
			i, r := 0, t
			if null == QAPSemiPartial {
				i, r = t/reps, t%reps
			}
			if o.permutation != nil {
				o.permutation(i, r, s.perm)
			} else {
				rng := rand.New(rand.NewPCG(o.Seed, 0x9a9c0ffee<<20^uint64(i)<<32^uint64(r)))
				randomPermutation(s.perm, rng)
			}
			if null == QAPY && grp != nil {
				y.permuteTo(s.buf, s.perm)
				res := grp.fitY(s.buf, &s.agg, &s.logit)
				for j := range k {
					dist[j][r] = res.beta[j] / res.se[j]
					if res.singular {
						dist[j][r] = math.NaN()
					}
				}
				if res.singular {
					failed.Add(1)
				}
			} else if null == QAPY {
				y.permuteTo(s.buf, s.perm)
				stats, ok := qapyStats(s.buf, xall, k, o.Model, xp, cdiag, &s.logit)
				if !ok {
					failed.Add(1)
				}
				for j := range k {
					dist[j][r] = stats[j]
				}
			} else {
				var st float64
				ok := true
				if o.Model == QAPLinear {
					resid[i].permuteTo(s.buf, s.perm)
					st, ok = sppLinearStat(s.buf, rows, zp[i], ytil[i])
				} else if grp != nil {
					grp.patterns().permuteTo(s.buf, s.perm)
					res := grp.fitSPP(i, s.buf, y.V, &s.agg, &s.logit)
					st = res.beta[i] / res.se[i]
					ok = !res.singular
				} else {
					resid[i].permuteTo(s.buf, s.perm)
					if s.col != i {
						s.design = append(s.design[:0], xall...)
						s.col = i
					}
					for rr := range m {
						s.design[rr*k+i] = s.buf[rr]
					}
					res := s.logit.fit(s.design, k, y.V, nil)
					st = res.beta[i] / res.se[i]
					ok = !res.singular
				}
				if !ok {
					st = math.NaN()
					failed.Add(1)
				}
				dist[i][r] = st
			}
		}
	}, percentProgress(tasks, o.Progress))
	if err != nil {
		return nil, 0, err
	}
	return dist, int(failed.Load()), nil
}

// percentProgress returns a done function for parallel that calls
// progress(done, total) about every 1% of the total items; nil when
// progress is nil.
func percentProgress(total int, progress func(done, total int)) func(int) {
	if progress == nil {
		return nil
	}
	step := max(1, total/100)
	done := 0
	return func(int) {
		done++
		if done%step == 0 || done == total {
			progress(done, total)
		}
	}
}

// otherColumns returns the columns of the row-major design x (k columns)
// other than i, over the given rows (every row when rows is nil).
func otherColumns(x []float64, k, i int, rows []int) *mat.Dense {
	m := len(x) / k
	nr := m
	if rows != nil {
		nr = len(rows)
	}
	z := mat.NewDense(nr, k-1, nil)
	for a := range nr {
		r := a
		if rows != nil {
			r = rows[a]
		}
		c := 0
		for j := range k {
			if j != i {
				z.Set(a, c, x[r*k+j])
				c++
			}
		}
	}
	return z
}

// qapyStats returns the statistics of every coefficient for the permuted
// outcome yp (NaN where missing) and whether the fit succeeded.
func qapyStats(yp, xall []float64, k int, model QAPModel, xp *projector, cdiag []float64, ls *logitScratch) ([]float64, bool) {
	stats := make([]float64, k)
	fail := func() ([]float64, bool) {
		for j := range stats {
			stats[j] = math.NaN()
		}
		return stats, false
	}
	if model == QAPLogistic {
		res := ls.fit(xall, k, yp, nil)
		if res.singular {
			return fail()
		}
		for j := range k {
			stats[j] = res.beta[j] / res.se[j]
		}
		return stats, true
	}
	if xp != nil { // no missing outcome: the design's projector
		c, b := make([]float64, k), make([]float64, k)
		xp.qty(yp, c)
		xp.coef(c, b)
		resvar := xp.residualSS(yp, c) / float64(len(yp)-k)
		for j := range k {
			stats[j] = b[j] / math.Sqrt(cdiag[j]*resvar)
		}
		return stats, true
	}
	var rows []int
	for r, v := range yp {
		if !math.IsNaN(v) {
			rows = append(rows, r)
		}
	}
	x := mat.NewDense(len(rows), k, nil)
	yo := make([]float64, len(rows))
	for a, r := range rows {
		x.SetRow(a, xall[r*k:(r+1)*k])
		yo[a] = yp[r]
	}
	var qr mat.QR
	qr.Factorize(x)
	res, err := olsSolve(&qr, x, yo)
	if err != nil {
		return fail()
	}
	for j := range k {
		stats[j] = res.beta[j] / res.se[j]
	}
	return stats, true
}

// sppLinearStat returns the t value of the permuted residual predictor ep
// (every dyad) in the least-squares fit of the outcome on it and the other
// predictors z (over the rows fitted, projector zp), by Frisch-Waugh-Lovell:
// with x̃ and ỹ the residuals of the predictor and the outcome (ytil) on
// z, β = x̃ᵀỹ / x̃ᵀx̃, RSS = ỹᵀỹ - β² x̃ᵀx̃ and SE = sqrt(RSS/(n-k) / x̃ᵀx̃).
func sppLinearStat(ep []float64, rows []int, zp *projector, ytil []float64) (float64, bool) {
	nr, kz := zp.n, zp.k
	xv := make([]float64, nr)
	for a, r := range rows {
		xv[a] = ep[r]
	}
	c := make([]float64, kz)
	zp.qty(xv, c)
	var xx, xy, yy float64
	for a := range nr {
		qa := zp.q[a*kz : (a+1)*kz]
		f := 0.0
		for j, q := range qa {
			f += q * c[j]
		}
		xt := xv[a] - f
		xx += xt * xt
		xy += xt * ytil[a]
		yy += ytil[a] * ytil[a]
	}
	if xx == 0 {
		return math.NaN(), false
	}
	beta := xy / xx
	rss := yy - beta*beta*xx
	df := float64(nr - kz - 1)
	return beta / math.Sqrt(rss/df/xx), true
}

// projector is the thin Q = X R⁻¹ and the R⁻¹ of a QR factorization of a
// full-rank design X (n×k), row-major: read-only, so that goroutines share
// it (a mat.QR cannot be shared: LAPACK's dormqr writes into the
// factorization while it applies Q). Qᵀy gives the least-squares
// coefficients R⁻¹Qᵀy and the fitted values QQᵀy in O(nk).
type projector struct {
	n, k    int
	q, rinv []float64
}

func newProjector(x *mat.Dense) (*projector, error) {
	n, k := x.Dims()
	var qr mat.QR
	qr.Factorize(x)
	var rm mat.Dense
	qr.RTo(&rm)
	rt := mat.NewTriDense(k, mat.Upper, nil)
	for i := range k {
		for j := i; j < k; j++ {
			rt.SetTri(i, j, rm.At(i, j))
		}
	}
	var ri mat.TriDense
	if err := ri.InverseTri(rt); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCollinear, err)
	}
	p := &projector{n: n, k: k, q: make([]float64, n*k), rinv: make([]float64, k*k)}
	for i := range k {
		for j := i; j < k; j++ {
			p.rinv[i*k+j] = ri.At(i, j)
		}
	}
	xr := x.RawMatrix()
	for a := range n {
		row := xr.Data[a*xr.Stride : a*xr.Stride+k]
		qa := p.q[a*k : (a+1)*k]
		for j := range k {
			v := 0.0
			for l := 0; l <= j; l++ {
				v += row[l] * p.rinv[l*k+j]
			}
			qa[j] = v
		}
	}
	return p, nil
}

// qty sets c = Qᵀy.
func (p *projector) qty(y, c []float64) {
	clear(c)
	for a, v := range y {
		qa := p.q[a*p.k : (a+1)*p.k]
		for j, q := range qa {
			c[j] += q * v
		}
	}
}

// residualSS returns the residual sum of squares of y after its projection
// QQᵀy, c = Qᵀy.
func (p *projector) residualSS(y, c []float64) float64 {
	rss := 0.0
	for a, v := range y {
		qa := p.q[a*p.k : (a+1)*p.k]
		f := 0.0
		for j, q := range qa {
			f += q * c[j]
		}
		e := v - f
		rss += e * e
	}
	return rss
}

// coef sets beta = R⁻¹c.
func (p *projector) coef(c, beta []float64) {
	for i := range p.k {
		v := 0.0
		for j := i; j < p.k; j++ {
			v += p.rinv[i*p.k+j] * c[j]
		}
		beta[i] = v
	}
}
