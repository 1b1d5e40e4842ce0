package graph

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// Respondent says that an organization answered one survey wave.
type Respondent struct {
	Org, Wave string
	Date      time.Time // zero when not given
	Person    string    // who answered; empty when not given
}

// Response is who answered one survey wave.
type Response struct {
	Wave string
	// Inferred is true when the dataset lists no respondents for the wave
	// (no rows of respondents.csv): the organizations that reported at
	// least one tie are taken as its respondents, so an organization that
	// answered and named no partner counts as a nonrespondent.
	Inferred  bool
	Responded []bool // by organization index
	N         int    // organizations that responded
}

// Rate is the share of organizations that responded.
func (r Response) Rate() float64 {
	if len(r.Responded) == 0 {
		return math.NaN()
	}
	return float64(r.N) / float64(len(r.Responded))
}

// Responses returns who answered wave: the organizations listed for it in
// d.Respondents, or, when none is listed, those that reported a tie in
// it. An organization that reported a tie always counts as a respondent
// (data.Load rejects a report from an organization missing from a
// respondent list). Unknown organizations are skipped.
func Responses(d *Dataset, wave string) Response {
	oi := d.OrgIndex()
	r := Response{Wave: wave, Responded: make([]bool, len(d.Orgs)), Inferred: true}
	for _, x := range d.Respondents {
		if x.Wave != wave {
			continue
		}
		r.Inferred = false
		if i, ok := oi[x.Org]; ok {
			r.Responded[i] = true
		}
	}
	for _, t := range d.Ties {
		if t.Wave != wave {
			continue
		}
		if i, ok := oi[t.Source]; ok {
			r.Responded[i] = true
		}
	}
	for _, b := range r.Responded {
		if b {
			r.N++
		}
	}
	return r
}

// Rule says how the two reports of a pair of organizations (A about B and
// B about A) become one undirected tie. A report is a weight when the
// organization named the other, nothing when it answered and did not, and
// missing when it did not answer the wave (see Missing).
type Rule int

const (
	// RuleMax: a tie when either side names it, weighted by the larger
	// report (the default; R sna symmetrize(rule="weak") on valued data).
	RuleMax Rule = iota
	// RuleMin: a tie when every side that answered names it, weighted by
	// the smaller report: between two respondents both must name it
	// (sna symmetrize(rule="strong")); with a nonrespondent, the
	// respondent's report stands (under MissingReconstruct).
	RuleMin
	// RuleUnion: a tie when either side names it, weighted by the mean of
	// the reports that name it.
	RuleUnion
	// RuleReciprocated: a tie only when both sides name it, weighted by
	// the mean of the two reports. A nonrespondent can confirm nothing,
	// so its ties are left out whatever Missing says.
	RuleReciprocated
	// RuleRespondentOnly: the ties among respondents, weighted by the
	// larger report; ties with a nonrespondent are left out.
	RuleRespondentOnly
)

// Rules lists every rule in the order tables show them.
var Rules = []Rule{RuleMax, RuleMin, RuleUnion, RuleReciprocated, RuleRespondentOnly}

// ParseRule reads "max", "min", "union", "reciprocated" or
// "respondent-only".
func ParseRule(s string) (Rule, error) {
	for _, r := range Rules {
		if r.String() == s {
			return r, nil
		}
	}
	if s == "" {
		return RuleMax, nil
	}
	return 0, fmt.Errorf("unknown symmetrization rule %q (want max, min, union, reciprocated or respondent-only)", s)
}

func (r Rule) String() string {
	switch r {
	case RuleMax:
		return "max"
	case RuleMin:
		return "min"
	case RuleUnion:
		return "union"
	case RuleReciprocated:
		return "reciprocated"
	case RuleRespondentOnly:
		return "respondent-only"
	}
	return "Rule(" + strconv.Itoa(int(r)) + ")"
}

// Missing says what becomes of the ties of organizations that did not
// answer a wave.
type Missing int

const (
	// MissingReconstruct fills a nonrespondent's missing report of a pair
	// with its partner's report of it (reconstruction: D. Stork and W. D.
	// Richards, Nonrespondents in communication network studies, Group &
	// Organization Management 17(2), 193-209 (1992); M. Huisman,
	// Imputation of missing network data: some simple procedures, Journal
	// of Social Structure 10 (2009)). The default; under RuleMax it
	// changes nothing.
	MissingReconstruct Missing = iota
	// MissingDrop leaves out every tie that involves a nonrespondent:
	// only the dyads of two respondents are observed.
	MissingDrop
)

// ParseMissing reads "reconstruct" or "drop".
func ParseMissing(s string) (Missing, error) {
	switch s {
	case "reconstruct", "":
		return MissingReconstruct, nil
	case "drop":
		return MissingDrop, nil
	}
	return 0, fmt.Errorf("unknown missing-data treatment %q (want reconstruct or drop)", s)
}

func (m Missing) String() string {
	switch m {
	case MissingReconstruct:
		return "reconstruct"
	case MissingDrop:
		return "drop"
	}
	return "Missing(" + strconv.Itoa(int(m)) + ")"
}

// Arc is one directed report: From named To with weight W.
type Arc struct {
	From, To int
	W        float64
}

// Reports is one wave's directed survey reports over d.Orgs: an arc i->j
// when organization i reported a tie with j (of one type when Type is
// not empty). Several reports of the same arc (of different types) are
// one arc weighted by the largest.
type Reports struct {
	Wave, Type string
	N          int
	Arcs       []Arc // sorted by From, then To
	Response   Response
}

// DirectedReports returns the reports of wave (of type typ when not
// empty), with who answered it. Reports naming unknown organizations, and
// self-reports, are skipped.
func DirectedReports(d *Dataset, wave, typ string) Reports {
	oi := d.OrgIndex()
	best := map[[2]int]float64{}
	for _, t := range d.Ties {
		if t.Wave != wave || (typ != "" && t.Type != typ) {
			continue
		}
		u, ok1 := oi[t.Source]
		v, ok2 := oi[t.Target]
		if !ok1 || !ok2 || u == v {
			continue
		}
		k := [2]int{u, v}
		if w, ok := best[k]; !ok || t.Weight > w {
			best[k] = t.Weight
		}
	}
	arcs := make([]Arc, 0, len(best))
	for k, w := range best {
		arcs = append(arcs, Arc{From: k[0], To: k[1], W: w})
	}
	slices.SortFunc(arcs, func(a, b Arc) int {
		if a.From != b.From {
			return a.From - b.From
		}
		return a.To - b.To
	})
	return Reports{Wave: wave, Type: typ, N: len(d.Orgs), Arcs: arcs, Response: Responses(d, wave)}
}

// dyadReports is the pair of reports of one unordered pair U < V: AB is
// U's report of V, BA is V's of U (0 with has false when not named).
type dyadReports struct {
	U, V         int
	AB, BA       float64
	HasAB, HasBA bool
}

// dyads groups the arcs into unordered pairs, sorted by U then V.
func (r Reports) dyads() []dyadReports {
	m := map[[2]int]*dyadReports{}
	var keys [][2]int
	for _, a := range r.Arcs {
		u, v := a.From, a.To
		if u > v {
			u, v = v, u
		}
		k := [2]int{u, v}
		p := m[k]
		if p == nil {
			p = &dyadReports{U: u, V: v}
			m[k] = p
			keys = append(keys, k)
		}
		if a.From == u {
			p.AB, p.HasAB = a.W, true
		} else {
			p.BA, p.HasBA = a.W, true
		}
	}
	slices.SortFunc(keys, cmpSectorPair)
	out := make([]dyadReports, len(keys))
	for i, k := range keys {
		out[i] = *m[k]
	}
	return out
}

// Observable reports whether, under rule and missing, the dyad of two
// organizations can carry a tie given who answered: both answered, or
// (for max, min and union under MissingReconstruct) at least one.
func Observable(rule Rule, missing Missing, uAnswered, vAnswered bool) bool {
	if uAnswered && vAnswered {
		return true
	}
	if !uAnswered && !vAnswered {
		return false
	}
	return missing == MissingReconstruct && rule != RuleReciprocated && rule != RuleRespondentOnly
}

// Symmetrize returns the undirected network of the reports under rule and
// missing (see Rule and Missing). Node i is d.Orgs[i]; every organization
// stays, those without a tie as isolates.
func (r Reports) Symmetrize(rule Rule, missing Missing) *Network {
	resp := r.Response.Responded
	var es []Edge
	for _, p := range r.dyads() {
		if !Observable(rule, missing, resp[p.U], resp[p.V]) {
			continue
		}
		ab, ba, hasAB, hasBA := p.AB, p.BA, p.HasAB, p.HasBA
		if missing == MissingReconstruct {
			// A nonrespondent's report is its partner's.
			if !resp[p.U] {
				ab, hasAB = ba, hasBA
			}
			if !resp[p.V] {
				ba, hasBA = ab, hasAB
			}
		}
		var w float64
		switch rule {
		case RuleMax, RuleRespondentOnly:
			w = max(ab, ba)
		case RuleUnion:
			w = meanOfNamed(ab, ba, hasAB, hasBA)
		case RuleMin:
			if !hasAB || !hasBA {
				continue
			}
			w = min(ab, ba)
		case RuleReciprocated:
			if !hasAB || !hasBA || !resp[p.U] || !resp[p.V] {
				continue
			}
			w = (ab + ba) / 2
		default:
			panic("graph: unknown rule " + rule.String())
		}
		es = append(es, Edge{U: p.U, V: p.V, W: w})
	}
	return NewNetwork(r.N, es)
}

func meanOfNamed(ab, ba float64, hasAB, hasBA bool) float64 {
	switch {
	case hasAB && hasBA:
		return (ab + ba) / 2
	case hasAB:
		return ab
	}
	return ba
}

// TieNetworkRule returns the network of collaboration ties reported in
// one wave (of one type when typ is not empty), the two reports of each
// pair combined by rule, the ties of nonrespondents treated by missing.
// TieNetwork is TieNetworkRule with RuleMax and MissingReconstruct.
func TieNetworkRule(d *Dataset, wave, typ string, rule Rule, missing Missing) *Network {
	return DirectedReports(d, wave, typ).Symmetrize(rule, missing)
}

// Reciprocity is the reciprocity of one wave's directed reports.
//
// With M mutual dyads (both sides named the other), A asymmetric dyads
// (one side did) and N null dyads among n organizations:
//
//	Arc     = 2M / (2M + A)   share of arcs that are reciprocated
//	Dyad    = M / (M + A)     share of reported pairs named by both sides
//	Dyadic  = (M + N) / (n(n-1)/2)   share of all pairs that are symmetric
//
// Arc is NetworkX reciprocity(G) and R sna grecip(g, measure="edgewise");
// Dyad is sna grecip(g, measure="dyadic.nonnull"); Dyadic is sna
// grecip(g, measure="dyadic"), sna's default (Wasserman and Faust 1994,
// section 13.2). Confirmed is the share of ties between two respondents
// that both named: the ties where confirmation was possible. NaN when the
// denominator is 0.
type Reciprocity struct {
	Wave                string
	Arcs                int
	Mutual, Asym, Null  int
	Arc, Dyad, Dyadic   float64
	BothAnswered        int // reported pairs whose two organizations both answered
	Confirmed           float64
	Respondents, Orgs   int
	RespondentsInferred bool
}

// Reciprocity measures the reciprocity of the reports.
func (r Reports) Reciprocity() Reciprocity {
	x := Reciprocity{Wave: r.Wave, Arcs: len(r.Arcs), Respondents: r.Response.N, Orgs: r.N,
		RespondentsInferred: r.Response.Inferred}
	resp := r.Response.Responded
	for _, p := range r.dyads() {
		mutual := p.HasAB && p.HasBA
		if mutual {
			x.Mutual++
		} else {
			x.Asym++
		}
		if resp[p.U] && resp[p.V] {
			x.BothAnswered++
		}
	}
	pairs := r.N * (r.N - 1) / 2
	x.Null = pairs - x.Mutual - x.Asym
	x.Arc = intRatio(2*x.Mutual, 2*x.Mutual+x.Asym)
	x.Dyad = intRatio(x.Mutual, x.Mutual+x.Asym)
	x.Dyadic = intRatio(x.Mutual+x.Null, pairs)
	x.Confirmed = intRatio(x.Mutual, x.BothAnswered)
	return x
}

func intRatio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Degrees returns each organization's out-degree (partners it named) and
// in-degree (organizations that named it), by organization index, as R
// sna degree(g, cmode="outdegree"/"indegree") and NetworkX
// out_degree/in_degree on the binary report digraph.
func (r Reports) Degrees() (in, out []int) {
	in, out = make([]int, r.N), make([]int, r.N)
	for _, a := range r.Arcs {
		out[a.From]++
		in[a.To]++
	}
	return in, out
}
