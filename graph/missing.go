package graph

import (
	"math"
)

// ResponseCount is how many of a group's organizations answered a wave.
type ResponseCount struct {
	Orgs, Responded int
	Rate            float64 // Responded / Orgs; NaN for an empty group
}

func newResponseCount(orgs, responded int) ResponseCount {
	return ResponseCount{Orgs: orgs, Responded: responded, Rate: intRatio(responded, orgs)}
}

// WaveResponse is the response to one wave: overall, per sector (in the
// order of d.Sectors) and per forum (in the order of d.Forums; a forum's
// distinct members).
type WaveResponse struct {
	Wave     string
	Inferred bool // respondents inferred from the reports (see Response)
	All      ResponseCount
	Sectors  []ResponseCount
	Forums   []ResponseCount
	// InForums and NoForum split the organizations by whether they sit in
	// any forum.
	InForums, NoForum ResponseCount
}

// ResponseRates returns the response rate of every wave of d, overall,
// per sector and per forum.
func ResponseRates(d *Dataset) []WaveResponse {
	sec := d.OrgSectors()
	fa := ForumAffiliation(d)
	var out []WaveResponse
	for _, w := range d.Waves() {
		r := Responses(d, w)
		wr := WaveResponse{Wave: w, Inferred: r.Inferred, All: newResponseCount(len(d.Orgs), r.N)}
		so, sr := make([]int, len(d.Sectors)), make([]int, len(d.Sectors))
		var in, inR, no, noR int
		for i := range d.Orgs {
			if k := sec[i]; k >= 0 {
				so[k]++
				if r.Responded[i] {
					sr[k]++
				}
			}
			if len(fa.OrgGroups[i]) > 0 {
				in++
				if r.Responded[i] {
					inR++
				}
			} else {
				no++
				if r.Responded[i] {
					noR++
				}
			}
		}
		for k := range d.Sectors {
			wr.Sectors = append(wr.Sectors, newResponseCount(so[k], sr[k]))
		}
		for _, ms := range fa.GroupMembers {
			n := 0
			for _, o := range ms {
				if r.Responded[o] {
					n++
				}
			}
			wr.Forums = append(wr.Forums, newResponseCount(len(ms), n))
		}
		wr.InForums, wr.NoForum = newResponseCount(in, inR), newResponseCount(no, noR)
		out = append(out, wr)
	}
	return out
}

// ObservedCells are the statistics of a tie network restricted to the
// dyads its rule can observe (Observable): for max, min and union under
// MissingReconstruct, the pairs where at least one organization
// answered; otherwise the pairs where both did. Nonresponse shrinks the
// dyads that can show a tie, so the density over all pairs understates
// the density of what was observed.
//
//	Density         = T / D          T ties in observed dyads, D observed dyads
//	CrossDensity    = E / D_cross    E ties across sectors, D_cross observed cross-sector dyads
//	WithinDensity   = I / D_within
//	EI              = (E - I) / (E + I)                  Krackhardt and Stern, over the observed ties
//	ExpectedEI      = (D_cross - D_within) / D           the E-I index if the ties fell at random on the observed dyads
//
// AllPairsDensity is T over every pair, as the density of the whole
// network. Values are NaN when their denominator is 0.
type ObservedCells struct {
	Rule                        Rule
	Missing                     Missing
	Respondents, Orgs           int
	Dyads, CrossDyads           int // observed dyads, and those across sectors
	Ties, External, Internal    int // ties in observed dyads, across and within sectors
	Density, AllPairsDensity    float64
	CrossDensity, WithinDensity float64
	EI, ExpectedEI              float64
}

// ObservedCellStats measures g, a tie network built by rule and missing
// from a wave whose answers are resp, over its observed dyads; p gives the
// sectors.
func ObservedCellStats(g *Network, p Groups, resp Response, rule Rule, missing Missing) ObservedCells {
	n := g.N()
	p.check(n)
	if len(resp.Responded) != n {
		panic("graph: response and network differ in size")
	}
	// Observed dyads by counting respondents and nonrespondents per sector:
	// pairs of two respondents always, pairs of one respondent and one
	// nonrespondent when the rule reconstructs.
	rk, nk := make([]int, p.K), make([]int, p.K)
	for i := 0; i < n; i++ {
		if resp.Responded[i] {
			rk[p.Label[i]]++
		} else {
			nk[p.Label[i]]++
		}
	}
	half := Observable(rule, missing, true, false)
	R, N := 0, 0
	for k := range rk {
		R += rk[k]
		N += nk[k]
	}
	within := 0
	for k := range rk {
		within += rk[k] * (rk[k] - 1) / 2
		if half {
			within += rk[k] * nk[k]
		}
	}
	all := R * (R - 1) / 2
	if half {
		all += R * N
	}
	x := ObservedCells{Rule: rule, Missing: missing, Respondents: resp.N, Orgs: n, Dyads: all, CrossDyads: all - within}
	for i := 0; i < n; i++ {
		for _, j := range g.Neighbors(i) {
			if int(j) <= i || !Observable(rule, missing, resp.Responded[i], resp.Responded[j]) {
				continue
			}
			x.Ties++
			if p.Label[i] == p.Label[j] {
				x.Internal++
			} else {
				x.External++
			}
		}
	}
	x.Density = intRatio(x.Ties, x.Dyads)
	x.AllPairsDensity = intRatio(x.Ties, n*(n-1)/2)
	x.CrossDensity = intRatio(x.External, x.CrossDyads)
	x.WithinDensity = intRatio(x.Internal, within)
	x.EI = newEI(x.External, x.Internal).Index
	x.ExpectedEI = math.NaN()
	if all > 0 {
		x.ExpectedEI = float64(x.CrossDyads-within) / float64(all)
	}
	return x
}

// RuleValue is one number computed under one rule.
type RuleValue struct {
	Rule  Rule
	Value float64
}

// Sensitivity computes measure on the tie network of wave (of type typ)
// under every rule in Rules, with missing, so a headline can say how much
// it depends on how the reports were combined.
func Sensitivity(d *Dataset, wave, typ string, missing Missing, measure func(*Network) float64) []RuleValue {
	r := DirectedReports(d, wave, typ)
	out := make([]RuleValue, 0, len(Rules))
	for _, rule := range Rules {
		out = append(out, RuleValue{Rule: rule, Value: measure(r.Symmetrize(rule, missing))})
	}
	return out
}
