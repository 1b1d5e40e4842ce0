package graph

import "context"

// NewTiesOfNonrespondents counts the ties that are new in wave to
// (present there, absent from wave from) and join an organization that did
// not answer wave from: such a tie may be an old one that nobody reported,
// not a new one. Both networks are built with rule and missing, of type
// typ when not empty.
type NewTiesOfNonrespondents struct {
	From, To         string
	FromInferred     bool  // wave from's respondents are inferred (see Response)
	New              int   // new ties
	Nonrespondent    int   // of which joining an organization that did not answer from
	Nonrespondents   []int // those organizations, in dataset order
	NonrespondentsOf int   // organizations that did not answer from
}

// NonrespondentNewTies counts the new ties of wave to that join a
// nonrespondent of wave from.
func NonrespondentNewTies(d *Dataset, from, to, typ string, rule Rule, missing Missing) NewTiesOfNonrespondents {
	r := Responses(d, from)
	g1 := TieNetworkRule(d, from, typ, rule, missing)
	g2 := TieNetworkRule(d, to, typ, rule, missing)
	x := NewTiesOfNonrespondents{From: from, To: to, FromInferred: r.Inferred, NonrespondentsOf: len(r.Responded) - r.N}
	seen := make([]bool, g2.N())
	for i := 0; i < g2.N(); i++ {
		for _, j := range g2.Neighbors(i) {
			if int(j) <= i || g1.HasEdgeBetween(int64(i), int64(j)) {
				continue
			}
			x.New++
			if !r.Responded[i] || !r.Responded[j] {
				x.Nonrespondent++
				for _, k := range []int{i, int(j)} {
					if !r.Responded[k] {
						seen[k] = true
					}
				}
			}
		}
	}
	for i, s := range seen {
		if s {
			x.Nonrespondents = append(x.Nonrespondents, i)
		}
	}
	return x
}

// WaveQuality is what a data-quality section says about one survey wave:
// who answered, how far the reports agree, and the network's density and
// E-I index over the observed dyads under each rule.
type WaveQuality struct {
	Wave        string
	Response    WaveResponse
	Reciprocity Reciprocity
	Observed    []ObservedCells // one per rule, in Rules order
}

// SurveyQuality is the data quality of every survey wave of d (reports of
// type typ when not empty), the ties of nonrespondents treated by missing:
// the numbers behind the reporting items of the GRAND checklist for
// network data (response rate, treatment of missing data, tie
// definition and symmetrization).
type SurveyQuality struct {
	Type    string
	Missing Missing
	Waves   []WaveQuality
	// NewTies is, for each consecutive pair of waves, the new ties that
	// join a nonrespondent of the earlier wave (under RuleMax).
	NewTies []NewTiesOfNonrespondents
}

// Quality measures the survey waves of d.
func Quality(d *Dataset, typ string, missing Missing) SurveyQuality {
	q := SurveyQuality{Type: typ, Missing: missing}
	p := SectorGroups(d)
	rates := ResponseRates(d)
	for i, w := range d.Waves() {
		r := DirectedReports(d, w, typ)
		wq := WaveQuality{Wave: w, Response: rates[i], Reciprocity: r.Reciprocity()}
		for _, rule := range Rules {
			wq.Observed = append(wq.Observed, ObservedCellStats(r.Symmetrize(rule, missing), p, r.Response, rule, missing))
		}
		q.Waves = append(q.Waves, wq)
	}
	ws := d.Waves()
	for i := 1; i < len(ws); i++ {
		q.NewTies = append(q.NewTies, NonrespondentNewTies(d, ws[i-1], ws[i], typ, RuleMax, missing))
	}
	return q
}

// ChangeUnderRule is the headline numbers of a comparison of two waves
// under one symmetrization rule.
type ChangeUnderRule struct {
	Rule                   Rule
	New, NewCrossSector    int
	NewAmongCoparticipants int
	Ratio                  float64 // the forum effect, Attribution.Ratio
}

// ChangeSensitivity compares the waves of o under every rule in Rules
// (with o.Missing; without the permutation test), so a headline about new
// ties can say how much it depends on how the reports were combined.
func ChangeSensitivity(ctx context.Context, d *Dataset, o ChangeOptions) ([]ChangeUnderRule, error) {
	o.Permutations = 0
	var out []ChangeUnderRule
	for _, r := range Rules {
		o.Rule = r
		c, err := CompareWaves(ctx, d, o)
		if err != nil {
			return nil, err
		}
		out = append(out, ChangeUnderRule{Rule: r, New: c.All.New, NewCrossSector: c.NewCrossSector,
			NewAmongCoparticipants: c.NewAmongCoparticipants, Ratio: c.Attribution.Ratio})
	}
	return out, nil
}
