package graph

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// BackboneMethod is a test of which ties of a network stand out.
type BackboneMethod int

const (
	// BackboneAuto is SDSM for projections of forums or meetings and the
	// disparity filter for reported ties.
	BackboneAuto BackboneMethod = iota
	// BackboneSDSM is the stochastic degree sequence model (SDSM).
	BackboneSDSM
	// BackboneFDSM is the fixed degree sequence model (FDSM).
	BackboneFDSM
	// BackboneDisparity is the disparity filter (DisparityPValues).
	BackboneDisparity
)

// ParseBackboneMethod reads "auto", "sdsm", "fdsm" or "disparity".
func ParseBackboneMethod(s string) (BackboneMethod, error) {
	switch s {
	case "auto", "":
		return BackboneAuto, nil
	case "sdsm":
		return BackboneSDSM, nil
	case "fdsm":
		return BackboneFDSM, nil
	case "disparity":
		return BackboneDisparity, nil
	}
	return 0, fmt.Errorf("unknown backbone %q (want auto, sdsm, fdsm or disparity)", s)
}

func (m BackboneMethod) String() string {
	switch m {
	case BackboneAuto:
		return "auto"
	case BackboneSDSM:
		return "sdsm"
	case BackboneFDSM:
		return "fdsm"
	case BackboneDisparity:
		return "disparity"
	}
	return "BackboneMethod(" + strconv.Itoa(int(m)) + ")"
}

// BackboneSpec chooses a backbone test.
type BackboneSpec struct {
	Method     BackboneMethod
	Alpha      float64    // significance level; 0.05 when 0
	Correction Correction // multiple-test correction over the tested ties
	Trials     int        // FDSM: random affiliations (1000 when 0)
	Seed       uint64     // FDSM: the random stream
}

// TieTest is the outcome of a backbone test on one network: every tie
// with its p-value, and the ties kept.
type TieTest struct {
	Method     BackboneMethod // the method used (never BackboneAuto)
	Alpha      float64
	Correction Correction
	Trials     int       // FDSM's
	Ties       []Edge    // every tie of the network, in g.Edges() order
	Shared     []int     // SDSM, FDSM: groups each tie's two share; nil for the disparity filter
	Expected   []float64 // SDSM: expected shared groups under the model; nil otherwise
	P          []float64 // p-values
	Adjusted   []float64 // p-values after the correction
	Kept       Backbone  // the ties with Adjusted < Alpha
	Network    *Network  // the network tested
}

// TestTies runs the backbone test spec on the one-mode network of d that
// net describes: SDSM or FDSM on the forum or meeting affiliation that the
// network projects (the tie's test counts shared groups, whatever net's
// weighting), the disparity filter on the network's weights. SDSM and FDSM
// test projections only: on reported ties they are an error.
func TestTies(ctx context.Context, d *Dataset, net NetworkSpec, spec BackboneSpec) (*TieTest, error) {
	g, err := OneMode(d, net)
	if err != nil {
		return nil, err
	}
	return TestTiesOn(ctx, d, g, net, spec)
}

// TestTiesOn is TestTies on g, the network OneMode(d, net) returns, when
// the caller has it already (a projection of 12.5 million ties takes a
// third of a second).
func TestTiesOn(ctx context.Context, d *Dataset, g *Network, net NetworkSpec, spec BackboneSpec) (*TieTest, error) {
	var err error
	m := spec.Method
	if m == BackboneAuto {
		m = BackboneSDSM
		if net.Basis == BasisTies {
			m = BackboneDisparity
		}
	}
	alpha := spec.Alpha
	if alpha == 0 {
		alpha = 0.05
	}
	t := &TieTest{Method: m, Alpha: alpha, Correction: spec.Correction, Ties: g.Edges(), Network: g}
	var a *Affiliation
	var counts *Network // the shared groups of every tie
	if m == BackboneSDSM || m == BackboneFDSM {
		switch net.Basis {
		case BasisForums:
			a = ForumAffiliation(d)
		case BasisMeetings:
			a = MeetingAffiliation(d)
		default:
			return nil, fmt.Errorf("the %s backbone tests projections of forums or meetings, not reported ties; use the disparity filter", m)
		}
		counts = a.Project(WeightCount)
		t.Shared = make([]int, 0, counts.M())
		forEachTie(counts, func(_, _ int, w float64) { t.Shared = append(t.Shared, int(w)) })
	}
	switch m {
	case BackboneSDSM:
		t.P, t.Expected = sdsmExpected(a, counts)
	case BackboneFDSM:
		t.Trials = spec.Trials
		if t.Trials <= 0 {
			t.Trials = 1000
		}
		t.P, err = FDSM(ctx, a, FDSMOptions{Trials: t.Trials, Seed: spec.Seed})
		if err != nil {
			return nil, err
		}
	default:
		t.P = DisparityPValues(g)
	}
	t.Adjusted = AdjustPValues(t.P, spec.Correction)
	t.Kept = SignificantBackbone(g, t.Adjusted, alpha)
	return t, ctx.Err()
}

// Strongest returns the n kept ties with the smallest corrected p-values
// (equal ones: the heavier first, then in network order), or every kept
// tie when there are at most n.
func (t *TieTest) Strongest(n int) Backbone {
	if len(t.Kept.Edges) <= n {
		return t.Kept
	}
	var idx []int
	for k := range t.Ties {
		if t.Adjusted[k] < t.Alpha {
			idx = append(idx, k)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case t.Adjusted[a] < t.Adjusted[b]:
			return -1
		case t.Adjusted[a] > t.Adjusted[b]:
			return 1
		case t.Ties[a].W > t.Ties[b].W:
			return -1
		case t.Ties[a].W < t.Ties[b].W:
			return 1
		}
		return 0
	})
	keep := make([]bool, len(t.Ties))
	for _, k := range idx[:n] {
		keep[k] = true
	}
	return newBackbone(t.Network, func(k int, _ Edge) bool { return keep[k] })
}
