package graph

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// KMStep is one row of a Kaplan-Meier curve: a distinct observed time.
type KMStep struct {
	Time     float64
	AtRisk   int     // subjects whose time is Time or later
	Events   int     // events at Time
	Censored int     // subjects censored at Time
	Survival float64 // S(Time), the estimate just after Time
	StdErr   float64 // Greenwood standard error of S(Time); NaN where S is 0
	Lower    float64 // confidence limits of S(Time); NaN where S is 0
	Upper    float64
}

// KMCurve is a Kaplan-Meier estimate with its confidence band and median.
type KMCurve struct {
	Subjects, Events int
	Steps            []KMStep // by time; every distinct time, events or not
	// Median is the smallest time with S <= 1/2 (where S is exactly 1/2
	// over an interval, its midpoint); MedianLower and MedianUpper are the
	// same read off the lower and upper confidence curves. NaN where the
	// curve does not fall to 1/2.
	Median, MedianLower, MedianUpper float64
	Level                            float64 // confidence level, 0.95
}

// KaplanMeier estimates the survival function of subjects observed for
// times[i], ending in an event when events[i] is true and censored
// otherwise (E. L. Kaplan and P. Meier, "Nonparametric estimation from
// incomplete observations", JASA 53 (1958) 457-481,
// doi:10.1080/01621459.1958.10501452):
//
//	S(t) = Π_{t_j <= t} (1 - d_j / n_j)
//
// with d_j events among the n_j subjects at risk at t_j. The standard
// error is Greenwood's, se(S) = S √(Σ d_j / (n_j (n_j - d_j))), and the
// confidence band at level (0.95 when 0) is built on log S, as R's
// survival::survfit does by default (conf.type "log"):
//
//	S exp(± z √(Σ d_j / (n_j (n_j - d_j))))   (upper limit at most 1)
//
// The median and its limits follow print.survfit (survival 3.5,
// survival:::survmean): the first time each curve is at or below 1/2
// (within 1.5e-8), the midpoint to the next lower step when it is exactly
// 1/2. Checked against survfit in graph/testdata/survival_ref.R.
func KaplanMeier(times []float64, events []bool, level float64) KMCurve {
	if len(times) != len(events) {
		panic("graph: KaplanMeier: times and events differ in length")
	}
	if level == 0 {
		level = 0.95
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	idx := make([]int, len(times))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(times[a], times[b]) })
	c := KMCurve{Subjects: len(times), Level: level}
	atRisk := len(times)
	s, h := 1.0, 0.0 // survival, Greenwood's sum
	for i := 0; i < len(idx); {
		t := times[idx[i]]
		st := KMStep{Time: t, AtRisk: atRisk}
		for ; i < len(idx) && times[idx[i]] == t; i++ {
			if events[idx[i]] {
				st.Events++
			} else {
				st.Censored++
			}
		}
		if d, n := float64(st.Events), float64(atRisk); st.Events > 0 {
			s *= 1 - d/n
			if n > d {
				h += d / (n * (n - d))
			} else {
				h = math.Inf(1)
			}
		}
		c.Events += st.Events
		st.Survival = s
		if s > 0 {
			se := math.Sqrt(h)
			st.StdErr = s * se
			st.Lower = s * math.Exp(-z*se)
			st.Upper = math.Min(1, s*math.Exp(z*se))
		} else {
			st.StdErr, st.Lower, st.Upper = math.NaN(), math.NaN(), math.NaN()
		}
		c.Steps = append(c.Steps, st)
		atRisk -= st.Events + st.Censored
	}
	col := func(f func(KMStep) float64) []float64 {
		v := make([]float64, len(c.Steps))
		for i, st := range c.Steps {
			v[i] = f(st)
		}
		return v
	}
	ts := col(func(s KMStep) float64 { return s.Time })
	c.Median = kmMedian(col(func(s KMStep) float64 { return s.Survival }), ts)
	c.MedianLower = kmMedian(col(func(s KMStep) float64 { return s.Lower }), ts)
	c.MedianUpper = kmMedian(col(func(s KMStep) float64 { return s.Upper }), ts)
	return c
}

// kmMedian is survival:::survmean's minmin: the first time y is below
// 1/2 (within a tolerance), or the midpoint to the next lower value when
// it is 1/2 there. NaN values of y (a band where S is 0) are skipped.
func kmMedian(y, x []float64) float64 {
	tol := math.Sqrt(2.220446049250313e-16)
	var ky, kx []float64
	for i, v := range y {
		if !math.IsNaN(v) && v < 0.5+tol {
			ky, kx = append(ky, v), append(kx, x[i])
		}
	}
	if len(ky) == 0 {
		return math.NaN()
	}
	if math.Abs(ky[0]-0.5) < tol {
		for i, v := range ky {
			if v < ky[0] {
				return (kx[0] + kx[i]) / 2
			}
		}
	}
	return kx[0]
}

// LogRank is the log-rank test of equal survival in several groups.
type LogRank struct {
	Groups    int       // groups with at least one subject
	N         []int     // subjects per group (all groups, by index)
	Observed  []float64 // events per group
	Expected  []float64 // expected events under equal survival
	Statistic float64   // chi-square
	DF        int
	P         float64 // upper tail of chi-square with DF degrees of freedom; NaN when DF is 0
}

// LogRankTest compares the survival of groups (group[i] in 0..k-1, a
// negative value leaves subject i out) with the log-rank test (N. Mantel,
// "Evaluation of survival data and two new rank order statistics arising
// in its consideration", Cancer Chemotherapy Reports 50 (1966) 163-170;
// R. Peto and J. Peto, JRSS A 135 (1972) 185-207,
// doi:10.2307/2344317). At each distinct event time t with d events among
// n at risk, group g's expected events are d n_g / n and the covariance of
// the observed-minus-expected counts is
//
//	V_gh = d (n - d) / (n - 1) · n_g / n · (δ_gh - n_h / n)
//
// The statistic is (O - E)ᵀ V⁻ (O - E) over the groups with subjects, the
// last of them dropped (V is singular), with that many minus one degrees
// of freedom: R's survival::survdiff(rho = 0), checked in
// graph/testdata/survival_ref.R.
func LogRankTest(times []float64, events []bool, group []int, k int) LogRank {
	lr := LogRank{N: make([]int, k), Observed: make([]float64, k), Expected: make([]float64, k)}
	var idx []int
	for i, g := range group {
		if g >= 0 {
			idx = append(idx, i)
			lr.N[g]++
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(times[a], times[b]) })
	v := make([][]float64, k)
	for g := range v {
		v[g] = make([]float64, k)
	}
	atRisk := slices.Clone(lr.N)
	n := len(idx)
	dg := make([]float64, k)
	for i := 0; i < len(idx); {
		t := times[idx[i]]
		clear(dg)
		d, left := 0.0, make([]int, 0, 4)
		for ; i < len(idx) && times[idx[i]] == t; i++ {
			s := idx[i]
			if events[s] {
				dg[group[s]]++
				d++
			}
			left = append(left, group[s])
		}
		if d > 0 {
			nf := float64(n)
			for g := range k {
				lr.Observed[g] += dg[g]
				lr.Expected[g] += d * float64(atRisk[g]) / nf
			}
			if n > 1 {
				f := d * (nf - d) / (nf - 1)
				for g := range k {
					pg := float64(atRisk[g]) / nf
					for h := range k {
						delta := 0.0
						if g == h {
							delta = 1
						}
						v[g][h] += f * pg * (delta - float64(atRisk[h])/nf)
					}
				}
			}
		}
		for _, g := range left {
			atRisk[g]--
			n--
		}
	}
	var present []int
	for g := range k {
		if lr.N[g] > 0 {
			present = append(present, g)
		}
	}
	lr.Groups = len(present)
	lr.DF = len(present) - 1
	if lr.DF < 1 {
		lr.Statistic, lr.P = math.NaN(), math.NaN()
		return lr
	}
	use := present[:lr.DF]
	m := mat.NewSymDense(lr.DF, nil)
	diff := mat.NewVecDense(lr.DF, nil)
	for a, g := range use {
		diff.SetVec(a, lr.Observed[g]-lr.Expected[g])
		for b, h := range use {
			m.SetSym(a, b, v[g][h])
		}
	}
	// (O - E)ᵀ V⁻ (O - E) through the eigenvectors of V: its generalized
	// inverse when V is singular (a group whose subjects all left before
	// the first event), as survdiff's Cholesky with a tolerance gives.
	var eig mat.EigenSym
	if !eig.Factorize(m, true) {
		lr.Statistic, lr.P = math.NaN(), math.NaN()
		return lr
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	top := slices.Max(vals)
	lr.DF, lr.Statistic = 0, 0
	for r, val := range vals {
		if val <= 1e-9*top {
			continue
		}
		lr.DF++
		dot := mat.Dot(vecs.ColView(r), diff)
		lr.Statistic += dot * dot / val
	}
	if lr.DF == 0 {
		lr.Statistic, lr.P = math.NaN(), math.NaN()
		return lr
	}
	lr.P = distuv.ChiSquared{K: float64(lr.DF)}.Survival(lr.Statistic)
	return lr
}
