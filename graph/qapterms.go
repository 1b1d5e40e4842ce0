package graph

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ErrUnknownTerm is the cause of an error about a dyadic term that cannot
// be built: an unknown kind, wave or attribute column.
var ErrUnknownTerm = errors.New("unknown dyadic term")

// QAPOutcomeKinds and QAPPredictorKinds describe the dyadic terms a QAP
// model of a dataset can name (see QAPOutcome and QAPPredictors).
var (
	QAPOutcomeKinds = []string{
		"tie:W (1 when tied in wave W)",
		"new:W1:W2 (1 for a tie in W2 and not in W1, 0 for no tie in either, missing when tied in W1)",
		"weight:W (the tie's weight in W, 0 without a tie)",
		"trust:W, value:W (the tie's mean score in W, missing without a scored tie)",
	}
	QAPPredictorKinds = []string{
		"forums (number of forums shared)",
		"meetings, meetings:W1:W2 (meetings attended together; with waves, those between W1 and W2)",
		"newman (Newman's weight of the forums shared)",
		"coparticipation, coparticipation:W1:W2 (1 when sharing a forum or a meeting, of the window when waves are given)",
		"same-sector",
		"sector-pairs (one 0/1 term per pair of sectors, the first sector with itself as reference)",
		"tie:W, weight:W (a tie in wave W)",
		"degree-sum:W, degree-diff:W (sum and absolute difference of the two degrees in wave W)",
		"same:COLUMN (1 when both organizations have the same non-empty value)",
		"diff:COLUMN (absolute difference of a numeric column)",
	}
)

// TieSelection says which collaboration ties the tie-based dyadic terms
// read: those of one type (every type when Type is empty), the two reports
// of a pair combined by Rule, nonrespondents' ties treated by Missing (see
// TieNetworkRule; the zero value is TieNetwork's choice).
type TieSelection struct {
	Type    string
	Rule    Rule
	Missing Missing
}

func (s TieSelection) network(d *Dataset, wave string) *Network {
	return TieNetworkRule(d, wave, s.Type, s.Rule, s.Missing)
}

// QAPOutcome builds the dyadic outcome named by spec over every pair of
// d's organizations, from the ties sel selects:
//
//   - tie:W — 1 when the pair is tied in wave W, else 0;
//   - new:W1:W2 — 1 when tied in W2 and not in W1, 0 when tied in
//     neither, missing (NaN) when tied in W1: only pairs without a tie in
//     W1 are at risk of a new one;
//   - weight:W — the tie's weight in W (the two reports combined by
//     sel's rule; the larger by default), 0 for no tie;
//   - trust:W, value:W — the tie's score in W (the mean of its reports, as
//     TieScore), missing for pairs without a tie or without that score.
//
// Any predictor term (see QAPPredictors) that makes one term is accepted
// as well.
func QAPOutcome(d *Dataset, spec string, sel TieSelection) (QAPTerm, error) {
	kind, args := splitTerm(spec)
	n := len(d.Orgs)
	switch kind {
	case "new":
		if len(args) != 2 {
			return QAPTerm{}, termErr(spec, "want new:W1:W2, the earlier and the later wave")
		}
		if err := checkWaves(d, spec, args...); err != nil {
			return QAPTerm{}, err
		}
		if !WaveLess(args[0], args[1]) {
			return QAPTerm{}, termErr(spec, fmt.Sprintf("wave %q must come before wave %q", args[0], args[1]))
		}
		g1, g2 := sel.network(d, args[0]), sel.network(d, args[1])
		y := TieDyads(g2)
		for i := 0; i < n; i++ {
			for _, j := range g1.Neighbors(i) {
				if int(j) > i {
					y.Set(i, int(j), math.NaN())
				}
			}
		}
		return QAPTerm{Name: spec, X: y}, nil
	case "trust", "value":
		if len(args) != 1 {
			return QAPTerm{}, termErr(spec, "want "+kind+":W, a wave")
		}
		if err := checkWaves(d, spec, args...); err != nil {
			return QAPTerm{}, err
		}
		y := NewDyads(n)
		for i := range y.V {
			y.V[i] = math.NaN()
		}
		g := sel.network(d, args[0])
		for k, s := range tieScores(d, args[0], sel.Type) {
			if _, tied := g.TieWeight(int(k.U), int(k.V)); !tied {
				continue
			}
			v := s.Trust
			if kind == "value" {
				v = s.Value
			}
			y.Set(int(k.U), int(k.V), v)
		}
		return QAPTerm{Name: spec, X: y}, nil
	}
	ts, err := QAPPredictors(d, spec, sel)
	if err != nil {
		return QAPTerm{}, err
	}
	if len(ts) != 1 {
		return QAPTerm{}, termErr(spec, "makes several terms; an outcome is one")
	}
	return ts[0], nil
}

// QAPPredictors builds the dyadic predictor(s) named by spec over every
// pair of d's organizations, tie-based terms from the ties sel selects.
// Each is complete (no missing value):
//
//   - forums — the number of forums the two share (ForumAffiliation
//     projected with WeightCount);
//   - meetings — the number of meetings they attended together; with
//     meetings:W1:W2 only the meetings of Window(d, W1, W2);
//   - newman — Newman's collaboration weight of their shared forums,
//     Σ 1/(members - 1) (WeightNewman);
//   - coparticipation — 1 when they share a forum or attended a meeting
//     together (with coparticipation:W1:W2, a meeting of that window: the
//     co-participants of CompareWaves' attribution), else 0;
//   - same-sector — 1 for two organizations of one sector;
//   - sector-pairs — one 0/1 term "sector-pair:A-B" for each pair of
//     sectors (A before or equal to B in d.Sectors) that has pairs of
//     organizations, but the first (the first sector with itself), which
//     is the reference category;
//   - tie:W, weight:W — the tie in wave W (1/0, or its weight);
//   - degree-sum:W, degree-diff:W — d_i + d_j and |d_i - d_j|, the
//     degrees in wave W's tie network;
//   - same:COLUMN — 1 when both organizations have the same non-empty
//     value in the organizations.csv column, else 0;
//   - diff:COLUMN — |a - b| of a numeric column (every organization needs
//     a number).
func QAPPredictors(d *Dataset, spec string, sel TieSelection) ([]QAPTerm, error) {
	kind, args := splitTerm(spec)
	n := len(d.Orgs)
	one := func(x Dyads) ([]QAPTerm, error) { return []QAPTerm{{Name: spec, X: x}}, nil }
	noArgs := func() error {
		if len(args) != 0 {
			return termErr(spec, kind+" takes no argument")
		}
		return nil
	}
	switch kind {
	case "forums", "newman":
		if err := noArgs(); err != nil {
			return nil, err
		}
		w := WeightCount
		if kind == "newman" {
			w = WeightNewman
		}
		return one(WeightDyads(ForumAffiliation(d).Project(w)))
	case "meetings", "coparticipation":
		var meet *Affiliation
		switch len(args) {
		case 0:
			meet = MeetingAffiliation(d)
		case 2:
			if err := checkWaves(d, spec, args...); err != nil {
				return nil, err
			}
			meet = windowAffiliation(d, Window(d, args[0], args[1]))
		default:
			return nil, termErr(spec, "want "+kind+" or "+kind+":W1:W2")
		}
		mg := meet.Project(WeightCount)
		if kind == "meetings" {
			return one(WeightDyads(mg))
		}
		x := TieDyads(mg)
		fg := ForumAffiliation(d).Project(WeightCount)
		for i := 0; i < n; i++ {
			for _, j := range fg.Neighbors(i) {
				if int(j) > i {
					x.Set(i, int(j), 1)
				}
			}
		}
		return one(x)
	case "same-sector":
		if err := noArgs(); err != nil {
			return nil, err
		}
		sec := d.OrgSectors()
		x := NewDyads(n)
		fillPairs(x, func(i, j int) float64 { return b2f(sec[i] == sec[j]) })
		return one(x)
	case "sector-pairs":
		if err := noArgs(); err != nil {
			return nil, err
		}
		sec := d.OrgSectors()
		size := make([]int, len(d.Sectors))
		for _, s := range sec {
			if s >= 0 {
				size[s]++
			}
		}
		var ts []QAPTerm
		first := true
		for a := range d.Sectors {
			for b := a; b < len(d.Sectors); b++ {
				pairs := size[a] * size[b]
				if a == b {
					pairs = size[a] * (size[a] - 1) / 2
				}
				if pairs == 0 {
					continue
				}
				if first { // the reference category
					first = false
					continue
				}
				x := NewDyads(n)
				fillPairs(x, func(i, j int) float64 { return b2f(sectorPair(sec[i], sec[j]) == [2]int{a, b}) })
				ts = append(ts, QAPTerm{Name: "sector-pair:" + d.Sectors[a].ID + "-" + d.Sectors[b].ID, X: x})
			}
		}
		if len(ts) == 0 {
			return nil, termErr(spec, "the organizations make fewer than two pairs of sectors")
		}
		return ts, nil
	case "tie", "weight", "degree-sum", "degree-diff":
		if len(args) != 1 {
			return nil, termErr(spec, "want "+kind+":W, a wave")
		}
		if err := checkWaves(d, spec, args...); err != nil {
			return nil, err
		}
		g := sel.network(d, args[0])
		switch kind {
		case "tie":
			return one(TieDyads(g))
		case "weight":
			return one(WeightDyads(g))
		}
		x := NewDyads(n)
		if kind == "degree-sum" {
			fillPairs(x, func(i, j int) float64 { return float64(g.Degree(i) + g.Degree(j)) })
		} else {
			fillPairs(x, func(i, j int) float64 { return math.Abs(float64(g.Degree(i) - g.Degree(j))) })
		}
		return one(x)
	case "same", "diff":
		if len(args) != 1 || args[0] == "" {
			return nil, termErr(spec, "want "+kind+":COLUMN, a column of organizations.csv")
		}
		vals, err := orgColumn(d, spec, args[0])
		if err != nil {
			return nil, err
		}
		x := NewDyads(n)
		if kind == "same" {
			fillPairs(x, func(i, j int) float64 { return b2f(vals[i] != "" && vals[i] == vals[j]) })
			return one(x)
		}
		num := make([]float64, n)
		for i, v := range vals {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, termErr(spec, fmt.Sprintf("organization %q has %s %q, not a number (same:%s compares categories)", d.Orgs[i].ID, args[0], v, args[0]))
			}
			num[i] = f
		}
		fillPairs(x, func(i, j int) float64 { return math.Abs(num[i] - num[j]) })
		return one(x)
	}
	return nil, termErr(spec, "unknown kind "+strconv.Quote(kind))
}

// splitTerm splits "kind:a:b" at its colons.
func splitTerm(spec string) (string, []string) {
	parts := strings.Split(strings.TrimSpace(spec), ":")
	return parts[0], parts[1:]
}

func termErr(spec, msg string) error {
	return fmt.Errorf("%w %q: %s", ErrUnknownTerm, spec, msg)
}

func checkWaves(d *Dataset, spec string, ws ...string) error {
	waves := d.Waves()
	for _, w := range ws {
		if !slices.Contains(waves, w) {
			return termErr(spec, fmt.Sprintf("no ties in wave %q (waves: %s)", w, joinQuoted(waves)))
		}
	}
	return nil
}

// orgColumn returns every organization's value of the attribute column
// (matched case-insensitively), "" where the organization has none.
func orgColumn(d *Dataset, spec, col string) ([]string, error) {
	vals := make([]string, len(d.Orgs))
	found := false
	for i, o := range d.Orgs {
		for _, a := range o.Attrs {
			if strings.EqualFold(a.Key, col) {
				vals[i] = strings.TrimSpace(a.Value)
				found = true
				break
			}
		}
	}
	if !found {
		var cols []string
		for _, o := range d.Orgs {
			for _, a := range o.Attrs {
				if !slices.Contains(cols, a.Key) {
					cols = append(cols, a.Key)
				}
			}
		}
		return nil, termErr(spec, fmt.Sprintf("organizations.csv has no column %q (extra columns: %s)", col, joinQuoted(cols)))
	}
	return vals, nil
}

// fillPairs sets every pair {i, j}, i > j, of x to f(i, j).
func fillPairs(x Dyads, f func(i, j int) float64) {
	k := 0
	for j := 0; j < x.N; j++ {
		for i := j + 1; i < x.N; i++ {
			x.V[k] = f(i, j)
			k++
		}
	}
}

// QAPDesign builds the terms of a QAP model of d named by their specs, on
// the ties sel selects: the outcome (QAPOutcome) and the predictors
// (QAPPredictors, in the order given, a spec of several terms in its
// order). An error in a term is a *TermError.
func QAPDesign(d *Dataset, outcome string, predict []string, sel TieSelection) (QAPTerm, []QAPTerm, error) {
	y, err := QAPOutcome(d, outcome, sel)
	if err != nil {
		return QAPTerm{}, nil, &TermError{Outcome: true, Err: err}
	}
	var x []QAPTerm
	for _, p := range predict {
		ts, err := QAPPredictors(d, p, sel)
		if err != nil {
			return QAPTerm{}, nil, &TermError{Err: err}
		}
		x = append(x, ts...)
	}
	return y, x, nil
}

// TermError is an error in a term of a QAP model (QAPDesign): the
// outcome's, or a predictor's.
type TermError struct {
	Outcome bool // the outcome's; else a predictor's
	Err     error
}

func (e *TermError) Error() string { return e.Err.Error() }
func (e *TermError) Unwrap() error { return e.Err }
