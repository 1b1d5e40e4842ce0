package graph

// Statistics of counts and shares: diversity indices (Blau, IQV,
// entropy), goodness-of-fit tests (chi-square, exact multinomial), the
// hypergeometric distribution and the attribution test built on it, and
// unbiased random draws.

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Blau returns Blau's heterogeneity index of a composition given by its
// shares (summing to 1):
//
//	B = 1 - Σ_k p_k²
//
// the probability that two members drawn at random (with replacement)
// come from different categories (P. M. Blau, Inequality and
// Heterogeneity, Free Press, 1977; the Gini-Simpson index). It is 0 when
// every member is of one category and at most 1 - 1/k for k categories.
// It returns NaN for an empty composition (shares NaN).
func Blau(shares []float64) float64 {
	s := 0.0
	for _, p := range shares {
		s += p * p
	}
	return 1 - s
}

// IQV returns the index of qualitative variation, Blau's index divided by
// its maximum for k categories:
//
//	IQV = B / (1 - 1/k)
//
// (J. E. Mueller and K. F. Schuessler, Statistical Reasoning in Sociology,
// Houghton Mifflin, 1961; A. Agresti and B. F. Agresti, "Statistical
// analysis of qualitative variation", Sociological Methodology 9, 1978,
// 204-237). It is 1 when the members are spread evenly
// over all k categories, 0 when all are in one. k counts every category
// that could occur (every sector of the dataset), present or not. It
// returns NaN when k < 2 or for an empty composition.
func IQV(shares []float64, k int) float64 {
	if k < 2 {
		return math.NaN()
	}
	return Blau(shares) / (1 - 1/float64(k))
}

// Entropy returns the Shannon entropy of a composition in nats (natural
// logarithm):
//
//	H = -Σ_k p_k ln p_k,   with 0 ln 0 = 0
//
// (C. E. Shannon, Bell System Technical Journal 27 (1948),
// doi:10.1002/j.1538-7305.1948.tb01338.x). It is 0 when every member is of
// one category and ln k for an even spread over k; divide by ln 2 for
// bits. As R's vegan::diversity(x, "shannon") and scipy.stats.entropy(p).
// It returns NaN for an empty composition.
func Entropy(shares []float64) float64 {
	h := 0.0
	for _, p := range shares {
		if p > 0 || math.IsNaN(p) {
			h -= p * math.Log(p)
		}
	}
	return h
}

// TestMethod is the way a goodness-of-fit p-value was computed.
type TestMethod int

const (
	// TestNone: no test (no members, or no key).
	TestNone TestMethod = iota
	// TestChiSquare: Pearson's chi-square goodness-of-fit test, p from the
	// chi-square distribution with (categories - 1) degrees of freedom.
	TestChiSquare
	// TestExact: the exact multinomial test.
	TestExact
)

func (m TestMethod) String() string {
	switch m {
	case TestChiSquare:
		return "chi-square"
	case TestExact:
		return "exact multinomial"
	}
	return "none"
}

// MinExpected is the smallest expected count for which the chi-square
// approximation is trusted: below it (in any category) GoodnessOfFit uses
// the exact multinomial test. It is the threshold at which R's chisq.test
// warns "Chi-squared approximation may be incorrect" (W. G. Cochran,
// Annals of Mathematical Statistics 23 (1952), doi:10.1214/aoms/1177729380).
const MinExpected = 5

// ExactLimit is the largest number of possible outcomes (compositions of n
// members over the categories, C(n+k-1, k-1)) the exact multinomial test
// enumerates; beyond it GoodnessOfFit falls back to chi-square and says so.
// 20 members over 6 categories are 53,130 outcomes; 100 over 5 are
// 4,598,126.
const ExactLimit = 10_000_000

// FitTest is a goodness-of-fit test of observed counts against expected
// shares.
type FitTest struct {
	Method TestMethod
	// Statistic is Pearson's X² = Σ (O - E)² / E over the categories with
	// E > 0, whatever the method; +Inf when a category with E = 0 has
	// members. NaN when Method is TestNone.
	Statistic float64
	DF        int     // categories with a positive expected share, minus 1
	PValue    float64 // NaN when Method is TestNone
	// PObserved is the probability of the observed counts under the key
	// (exact test only; NaN otherwise).
	PObserved float64
	// MinExpected is the smallest expected count over the categories with
	// a positive expected share.
	MinExpected float64
	// TooLarge reports that the exact test was called for (an expected
	// count under MinExpected) but the outcomes exceed ExactLimit, so the
	// p-value is chi-square's.
	TooLarge bool
	// Impossible reports that a category whose expected share is 0 has
	// members: the counts cannot occur under the key, and p is 0.
	Impossible bool
}

// GoodnessOfFit tests observed counts against expected shares probs (one
// per category, non-negative, summing to 1 within 1e-9). With every
// expected count n·p_k of the categories with p_k > 0 at least MinExpected
// it is Pearson's chi-square test,
//
//	X² = Σ_k (O_k - n p_k)² / (n p_k),   p = P(χ²_{k-1} >= X²)
//
// as R's chisq.test(x, p = probs), else the exact multinomial test (see
// ExactMultinomial), as EMT::multinomial.test(x, probs). Categories with
// p_k = 0 and no members are left out (they cannot vary); one with p_k = 0
// and members makes the counts impossible under the key: X² = +Inf and
// p = 0, as chisq.test. With no members or no categories (nil, nil)
// there is no test (TestNone).
// It panics if probs and observed differ in length or probs do not sum
// to 1.
func GoodnessOfFit(observed []int, probs []float64) FitTest {
	t := FitTest{Statistic: math.NaN(), PValue: math.NaN(), PObserved: math.NaN(), MinExpected: math.NaN()}
	if len(probs) == 0 {
		return t
	}
	if len(observed) != len(probs) {
		panic(fmt.Sprintf("graph: %d counts for %d shares", len(observed), len(probs)))
	}
	sum, n := 0.0, 0
	for k, p := range probs {
		if p < 0 || math.IsNaN(p) || observed[k] < 0 {
			panic(fmt.Sprintf("graph: category %d has share %v and count %d", k, p, observed[k]))
		}
		sum += p
		n += observed[k]
	}
	if math.Abs(sum-1) > 1e-9 {
		panic(fmt.Sprintf("graph: expected shares sum to %v, not 1", sum))
	}
	if n == 0 {
		return t
	}
	t.Statistic, t.DF, t.PValue = ChiSquareTest(observed, probs)
	for _, p := range probs {
		if e := float64(n) * p; p > 0 && (math.IsNaN(t.MinExpected) || e < t.MinExpected) {
			t.MinExpected = e
		}
	}
	t.Impossible = math.IsInf(t.Statistic, 1)
	if t.MinExpected >= MinExpected && t.DF > 0 {
		t.Method = TestChiSquare
		return t
	}
	if t.Impossible {
		t.Method, t.PObserved = TestExact, 0
		return t
	}
	p, pObs, ok := ExactMultinomial(observed, probs)
	if !ok {
		t.Method = TestChiSquare
		t.TooLarge = true
		return t
	}
	t.Method = TestExact
	t.PValue, t.PObserved = p, pObs
	return t
}

// ChiSquareTest returns Pearson's chi-square goodness-of-fit test of
// observed counts against shares probs (summing to 1):
//
//	X² = Σ_k (O_k - n p_k)² / (n p_k),   df = K - 1,   p = P(χ²_df >= X²)
//
// over the K categories with p_k > 0 (K. Pearson, Philosophical Magazine
// 50 (1900), doi:10.1080/14786440009463897), the p-value from gonum's
// distuv.ChiSquared. As R's chisq.test(x, p = probs) and
// scipy.stats.chisquare(x, n * probs), except that categories with p_k = 0
// are left out of df (R counts them and gets NaN from 0/0 when they are
// empty); one with members makes X² = +Inf and p = 0. With fewer than two
// categories, or no members, p is NaN.
func ChiSquareTest(observed []int, probs []float64) (x2 float64, df int, p float64) {
	n := 0
	for _, x := range observed {
		n += x
	}
	cats := 0
	for k, pk := range probs {
		e := float64(n) * pk
		switch {
		case pk > 0:
			cats++
			d := float64(observed[k]) - e
			x2 += d * d / e
		case observed[k] > 0:
			x2 = math.Inf(1)
		}
	}
	df = cats - 1
	switch {
	case math.IsInf(x2, 1):
		return x2, df, 0
	case n == 0 || df < 1:
		return x2, df, math.NaN()
	}
	return x2, df, distuv.ChiSquared{K: float64(df)}.Survival(x2)
}

// RChiSquareTest is R's chisq.test(x, p = probs, rescale.p = TRUE) on
// the counts exactly as given, one category each, shares of 0 included:
//
//	X² = Σ_k (O_k - n p_k)² / (n p_k),   df = K - 1 over all K categories
//
// where an empty category of share 0 adds 0/0 = NaN (so X² and p are NaN,
// as R gives with a warning) and one with members +Inf (p = 0). It is
// what a reader who reruns a sector test in R on the raw counts gets;
// ChiSquareTest leaves categories of share 0 out of X² and df instead.
// probs must sum to 1. p is NaN with fewer than two categories or no
// members.
func RChiSquareTest(observed []int, probs []float64) (x2 float64, df int, p float64) {
	n := 0
	for _, x := range observed {
		n += x
	}
	for k, pk := range probs {
		e := float64(n) * pk
		d := float64(observed[k]) - e
		x2 += d * d / e // 0/0 = NaN, x/0 = +Inf, as in R
	}
	df = len(probs) - 1
	switch {
	case n == 0 || df < 1 || math.IsNaN(x2):
		return x2, df, math.NaN()
	case math.IsInf(x2, 1):
		return x2, df, 0
	}
	return x2, df, distuv.ChiSquared{K: float64(df)}.Survival(x2)
}

// ExactMultinomial returns the exact multinomial goodness-of-fit test of
// observed counts against shares probs (summing to 1): the probability,
// under the multinomial distribution with n = Σ observed and probs, of all
// outcomes no more likely than the observed one,
//
//	p = Σ_{x : P(x) <= P(obs)} P(x),   P(x) = n! Π_k p_k^{x_k} / x_k!
//
// with pObs = P(obs): the exact test of J. Radlow and E. F. Alf (Journal
// of the American Statistical Association 70 (1975) 811-813), as R's
// EMT::multinomial.test and XNomial::xmulti(statName = "Prob")
// (doi:10.32614/CRAN.package.XNomial). Like R's fisher.test, outcomes whose
// probability exceeds P(obs) by a relative 1e-7 or less count as no more
// likely, so rounding cannot split outcomes of equal probability (EMT
// compares without that margin). All C(n+k-1, k-1) outcomes are
// enumerated; ok is false (and nothing computed) when they are more than
// ExactLimit. Categories with p_k = 0 are left out; if one has members,
// p = pObs = 0.
func ExactMultinomial(observed []int, probs []float64) (p, pObs float64, ok bool) {
	var obs []int
	var lp []float64
	n := 0
	for k, x := range observed {
		n += x
		if probs[k] > 0 {
			obs = append(obs, x)
			lp = append(lp, math.Log(probs[k]))
		} else if x > 0 {
			return 0, 0, true
		}
	}
	m := len(obs)
	if m <= 1 {
		return 1, 1, true
	}
	if outcomes(n, m) > ExactLimit {
		return math.NaN(), math.NaN(), false
	}
	// f[k][x] = x ln p_k - ln x!, so ln P(x) = ln n! + Σ_k f[k][x_k].
	f := make([][]float64, m)
	lfact := make([]float64, n+1)
	for x := range lfact {
		lfact[x], _ = math.Lgamma(float64(x + 1))
	}
	for k := range f {
		f[k] = make([]float64, n+1)
		for x := range f[k] {
			f[k][x] = float64(x)*lp[k] - lfact[x]
		}
	}
	logObs := lfact[n]
	for k, x := range obs {
		logObs += f[k][x]
	}
	limit := logObs + math.Log1p(1e-7)
	// Neumaier's compensated sum: millions of terms add up without
	// losing digits.
	sum, comp := 0.0, 0.0
	var walk func(k, left int, acc float64)
	walk = func(k, left int, acc float64) {
		if k == m-1 {
			if l := acc + f[k][left]; l <= limit {
				v := math.Exp(l)
				t := sum + v
				if math.Abs(sum) >= v {
					comp += (sum - t) + v
				} else {
					comp += (v - t) + sum
				}
				sum = t
			}
			return
		}
		for x := 0; x <= left; x++ {
			walk(k+1, left-x, acc+f[k][x])
		}
	}
	walk(0, n, lfact[n])
	return min(sum+comp, 1), math.Exp(logObs), true
}

// outcomes returns C(n+m-1, m-1), the number of ways to spread n members
// over m categories, as a float (it may be huge).
func outcomes(n, m int) float64 {
	c := 1.0
	for i := 1; i < m; i++ {
		c = c * float64(n+i) / float64(i)
	}
	return c
}

// Attribute compares observed marked draws with random ones. Of
// candidates pairs, marked are marked (co-participants); new ties joined
// draws of the candidates, observed of them marked. It returns the
// observed share observed/draws, the expected share marked/candidates,
// their ratio, the permutation p-value of drawing at least observed marked
// pairs in permutations random sets of draws pairs (p = (k+1)/(R+1), B.
// Phipson and G. K. Smyth, Stat. Appl. Genet. Mol. Biol. 9(1) (2010),
// doi:10.2202/1544-6115.1585), and the exact hypergeometric tail
// P(X >= observed) it estimates.
//
// Each random set is drawn pair by pair without replacement, noting only
// whether each pair is marked; by the symmetries of the hypergeometric
// distribution (swapping draws and marked, or counting the complement) it
// draws min(draws, marked, candidates-draws, candidates-marked) pairs per
// set. The sets come from one PCG generator seeded with seed, so the same
// seed gives the same p-value on every machine. It returns ctx's error if
// ctx is cancelled, and panics when the counts are inconsistent (a
// programming error).
func Attribute(ctx context.Context, candidates, marked, draws, observed, permutations int, seed uint64) (Attribution, error) {
	if marked < 0 || marked > candidates || draws < 0 || draws > candidates || observed < 0 || observed > draws || observed > marked {
		panic(fmt.Sprintf("graph: inconsistent attribution counts: candidates %d marked %d draws %d observed %d", candidates, marked, draws, observed))
	}
	a := Attribution{
		Candidates: candidates, Coparticipants: marked, New: draws, NewCoparticipant: observed,
		ObservedShare: math.NaN(), ExpectedShare: math.NaN(), Ratio: math.NaN(), PValue: math.NaN(),
		Permutations: permutations, Seed: seed,
	}
	if draws > 0 {
		a.ObservedShare = float64(observed) / float64(draws)
	}
	if candidates > 0 {
		a.ExpectedShare = float64(marked) / float64(candidates)
	}
	if draws > 0 && marked > 0 {
		// (observed/draws) / (marked/candidates), rounded once.
		a.Ratio = float64(observed) * float64(candidates) / (float64(draws) * float64(marked))
	}
	a.PExact = HypergeomUpper(candidates, marked, draws, observed)
	if permutations > 0 {
		r := rand.New(rand.NewPCG(seed, 0x5ec7042e7))
		hits := 0
		for i := range permutations {
			if i%64 == 0 {
				if err := ctx.Err(); err != nil {
					return a, err
				}
			}
			if drawMarked(r, candidates, marked, draws) >= observed {
				hits++
			}
		}
		a.PValue = float64(hits+1) / float64(permutations+1)
	}
	return a, nil
}

// drawMarked returns the number of marked items among n drawn without
// replacement from N items of which K are marked: a hypergeometric
// variate. It reduces to the cheapest equivalent draw (X ~ H(N, K, n) has
// the law of H(N, n, K), of K - H(N, K, N-n) and of n - H(N, N-K, n)),
// then draws item by item.
func drawMarked(r *rand.Rand, N, K, n int) int {
	if n > N-n {
		return K - drawMarked(r, N, K, N-n)
	}
	if K > N-K {
		return n - drawMarked(r, N, N-K, n)
	}
	if K < n {
		n, K = K, n
	}
	got := 0
	remN, remK := uint64(N), uint64(K)
	for i := 0; i < n && remK > 0; i++ {
		if r.Uint64N(remN) < remK {
			got++
			remK--
		}
		remN--
	}
	return got
}

// HypergeomUpper returns P(X >= k) for X hypergeometric: the number of
// marked items among n drawn without replacement from N items of which K
// are marked. Terms are summed away from the mode from a first term
// computed as a product of ratios, so it stays accurate (about 1e-11
// relative) for N in the billions.
func HypergeomUpper(N, K, n, k int) float64 {
	lo, hi := max(0, n-(N-K)), min(n, K)
	if k <= lo {
		return 1
	}
	if k > hi {
		return 0
	}
	mode := int(math.Floor(float64(n+1) * float64(K+1) / float64(N+2)))
	if k > mode {
		// Upper terms decrease from k on.
		t := math.Exp(hypergeomLogPMF(N, K, n, k))
		s := 0.0
		for x := k; x <= hi && t > 0; x++ {
			s += t
			t *= float64(K-x) * float64(n-x) / (float64(x+1) * float64(N-K-n+x+1))
		}
		return min(s, 1)
	}
	// Lower terms decrease from k-1 down: P(X >= k) = 1 - P(X <= k-1).
	t := math.Exp(hypergeomLogPMF(N, K, n, k-1))
	s := 0.0
	for x := k - 1; x >= lo && t > 0; x-- {
		s += t
		t *= float64(x) * float64(N-K-n+x) / (float64(K-x+1) * float64(n-x+1))
	}
	return max(0, 1-s)
}

// hypergeomLogPMF returns log P(X = x) as
//
//	log C(n, x) + Σ_{i<x} log((K-i)/(N-i)) + Σ_{j<n-x} log((N-K-j)/(N-x-j)),
//
// each ratio computed directly, which avoids the cancellation of
// log-gamma differences when N is large.
func hypergeomLogPMF(N, K, n, x int) float64 {
	lc := lgamma(n+1) - lgamma(x+1) - lgamma(n-x+1)
	for i := 0; i < x; i++ {
		lc += math.Log(float64(K-i) / float64(N-i))
	}
	for j := 0; j < n-x; j++ {
		lc += math.Log(float64(N-K-j) / float64(N-x-j))
	}
	return lc
}

func lgamma(n int) float64 {
	v, _ := math.Lgamma(float64(n))
	return v
}

// boundedRand returns a uniform integer in [0, n) by Lemire's
// multiply-and-reject method on the generator's 64-bit output, so the
// sequence depends only on the PCG stream (whose output Go keeps stable).
func boundedRand(r *rand.Rand, n uint64) uint64 {
	for {
		hi, lo := bits.Mul64(r.Uint64(), n)
		if lo >= n || lo >= (-n)%n {
			return hi
		}
	}
}
