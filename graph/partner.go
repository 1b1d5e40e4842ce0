package graph

import (
	"fmt"
	"math"
	"slices"
)

// PartnerReport holds the six dimensions on which the PARTNER tool
// (Program to Analyze, Record, and Track Networks to Enhance
// Relationships; D. M. Varda and J. H. Retrum, An exploratory analysis of
// network characteristics and quality of interactions among public health
// collaboratives, J. Public Health Res. 1(2), 170-176 (2012),
// doi:10.4081/jphr.2012.e27) asks a respondent to rate a partner, each
// from 1 (not at all) to 4 (a great deal); NaN when left blank.
//
// Trust: reliability, support of the mission, openness to discussion.
// Value: power or influence, level of involvement, resource contribution.
type PartnerReport struct {
	Reliability, Mission, Openness float64 // trust
	Power, Involvement, Resources  float64 // value
}

// PartnerDimensions names the six dimensions in their column order:
// reliability, mission, openness (trust), power, involvement, resources
// (value).
var PartnerDimensions = []string{"reliability", "mission", "openness", "power", "involvement", "resources"}

// Dims returns the six dimensions in PartnerDimensions order.
func (p PartnerReport) Dims() [6]float64 {
	return [6]float64{p.Reliability, p.Mission, p.Openness, p.Power, p.Involvement, p.Resources}
}

// Trust is PARTNER's trust score of the report: the mean of reliability,
// support of the mission and openness to discussion, over the dimensions
// the respondent answered; NaN when it answered none.
func (p PartnerReport) Trust() float64 { return meanGiven(p.Reliability, p.Mission, p.Openness) }

// Value is PARTNER's value score of the report: the mean of power or
// influence, level of involvement and resource contribution, over the
// dimensions answered; NaN when none.
func (p PartnerReport) Value() float64 { return meanGiven(p.Power, p.Involvement, p.Resources) }

func meanGiven(xs ...float64) float64 {
	s, n := 0.0, 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			s += x
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return s / float64(n)
}

// HasPartner reports whether any report of d (of type typ when not empty)
// carries PARTNER dimensions.
func HasPartner(d *Dataset, typ string) bool {
	for _, t := range d.Ties {
		if t.Partner != nil && (typ == "" || t.Type == typ) {
			return true
		}
	}
	return false
}

// PartnerTie is one tie's scores in one wave: PARTNER trust and value
// (each report's mean of three dimensions, then the mean over the tie's
// reports) next to the trust and value columns of ties.csv (TieScore).
type PartnerTie struct {
	A, B                       int // organization indices, A < B
	Reports                    int // reports of the tie with PARTNER dimensions
	PartnerTrust, PartnerValue float64
	Trust, Value               float64
}

// PartnerOrg is one organization's scores as rated by others in one wave:
// the mean over the reports naming it (reports by the organization itself
// are not counted).
type PartnerOrg struct {
	Org                        int
	Raters                     int // reports about it with PARTNER dimensions
	PartnerTrust, PartnerValue float64
	Trust, Value               float64 // mean of the trust and value columns of the same reports
}

// PartnerMean is the mean PARTNER trust and value of a group of ties (each
// tie once, as in ScoreMean), next to the trust and value columns.
type PartnerMean struct {
	Ties                       int
	TrustN, ValueN             int
	PartnerTrust, PartnerValue float64
	Trust, Value               float64
}

// PartnerSectorPair is the PartnerMean of the ties between sectors A <= B.
type PartnerSectorPair struct {
	A, B int
	PartnerMean
}

// PartnerWave is every PARTNER score of one wave.
type PartnerWave struct {
	Wave        string
	All         PartnerMean
	SectorPairs []PartnerSectorPair // pairs with ties, by A then B
	Ties        []PartnerTie        // by A then B
	Orgs        []PartnerOrg        // organizations rated by someone, in dataset order
}

// PartnerScores returns, for every wave in order, PARTNER's trust and
// value per tie, per organization (as rated by others), per sector pair
// and overall, for the reports of type typ (every type when empty). A
// report's PARTNER trust is the mean of its three trust dimensions, its
// value the mean of its three value dimensions (PartnerReport.Trust,
// Value); a tie's score is the mean over its reports, and each tie counts
// once in the group means. Reports naming unknown organizations are
// skipped.
func PartnerScores(d *Dataset, typ string) []PartnerWave {
	oi := d.OrgIndex()
	sec := d.OrgSectors()
	var out []PartnerWave
	for _, w := range d.Waves() {
		type acc struct {
			pt, pv, t, v     float64
			npt, npv, nt, nv int
			reports          int
		}
		add := func(a *acc, t Tie) {
			if t.Partner != nil {
				a.reports++
				if x := t.Partner.Trust(); !math.IsNaN(x) {
					a.pt += x
					a.npt++
				}
				if x := t.Partner.Value(); !math.IsNaN(x) {
					a.pv += x
					a.npv++
				}
			}
			if !math.IsNaN(t.Trust) {
				a.t += t.Trust
				a.nt++
			}
			if !math.IsNaN(t.Value) {
				a.v += t.Value
				a.nv++
			}
		}
		mean := func(s float64, n int) float64 {
			if n == 0 {
				return math.NaN()
			}
			return s / float64(n)
		}
		ties := map[pairKey]*acc{}
		orgs := map[int]*acc{}
		for _, t := range d.Ties {
			if t.Wave != w || (typ != "" && t.Type != typ) {
				continue
			}
			u, ok1 := oi[t.Source]
			v, ok2 := oi[t.Target]
			if !ok1 || !ok2 || u == v {
				continue
			}
			k := newPairKey(u, v)
			if ties[k] == nil {
				ties[k] = &acc{}
			}
			add(ties[k], t)
			if orgs[v] == nil {
				orgs[v] = &acc{}
			}
			add(orgs[v], t)
		}
		pw := PartnerWave{Wave: w}
		type gacc struct{ pt, pv, t, v scoreAcc }
		var all gacc
		bySP := map[[2]int]*gacc{}
		for _, k := range sortedPairKeys(ties) {
			a := ties[k]
			pt := PartnerTie{A: int(k.U), B: int(k.V), Reports: a.reports,
				PartnerTrust: mean(a.pt, a.npt), PartnerValue: mean(a.pv, a.npv),
				Trust: mean(a.t, a.nt), Value: mean(a.v, a.nv)}
			pw.Ties = append(pw.Ties, pt)
			sp := sectorPair(sec[k.U], sec[k.V])
			g := bySP[sp]
			if g == nil {
				g = &gacc{}
				bySP[sp] = g
			}
			for _, x := range []*gacc{&all, g} {
				x.pt.add(TieScore{Trust: pt.PartnerTrust, Value: pt.PartnerValue})
				x.t.add(TieScore{Trust: pt.Trust, Value: pt.Value})
			}
		}
		group := func(g *gacc) PartnerMean {
			p, t := g.pt.mean(), g.t.mean()
			return PartnerMean{Ties: p.Ties, TrustN: p.TrustN, ValueN: p.ValueN,
				PartnerTrust: p.Trust, PartnerValue: p.Value, Trust: t.Trust, Value: t.Value}
		}
		pw.All = group(&all)
		sps := make([][2]int, 0, len(bySP))
		for sp := range bySP {
			sps = append(sps, sp)
		}
		slices.SortFunc(sps, cmpSectorPair)
		for _, sp := range sps {
			pw.SectorPairs = append(pw.SectorPairs, PartnerSectorPair{A: sp[0], B: sp[1], PartnerMean: group(bySP[sp])})
		}
		for i := range d.Orgs {
			a := orgs[i]
			if a == nil {
				continue
			}
			pw.Orgs = append(pw.Orgs, PartnerOrg{Org: i, Raters: a.reports,
				PartnerTrust: mean(a.pt, a.npt), PartnerValue: mean(a.pv, a.npv),
				Trust: mean(a.t, a.nt), Value: mean(a.v, a.nv)})
		}
		out = append(out, pw)
	}
	return out
}

// String lists the six dimensions, blanks as NaN.
func (p PartnerReport) String() string {
	return fmt.Sprint(p.Dims())
}
