package graph

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// surveyData is a small survey worked by hand in the tests below.
//
//	sectors: gov (A, B, F), bus (C, D, E, G)
//	forums:  F1 {A, B, C}, F2 {C, D}
//	wave 1:  respondents A, B, C, E (respondents.csv); D, F, G did not answer
//	         reports A->B 2, B->A 3, A->C 1, C->D 2, B->F 1, E->C 3, C->E 1
//	wave 2:  no respondent rows (inferred): reports A->B 1, D->A 2
//
// Wave 1's dyads: A-B mutual, A-C asymmetric (both answered, C did not
// name A), C-D asymmetric (D did not answer), B-F asymmetric (F did not
// answer), C-E mutual; the other 16 of the 21 pairs are null.
func surveyData() *Dataset {
	nan := NoScore
	d := &Dataset{
		Sectors: []Sector{{ID: "gov"}, {ID: "bus"}},
		Forums:  []Forum{{ID: "F1", Name: "One"}, {ID: "F2", Name: "Two"}},
	}
	for _, o := range [][2]string{{"A", "gov"}, {"B", "gov"}, {"C", "bus"}, {"D", "bus"}, {"E", "bus"}, {"F", "gov"}, {"G", "bus"}} {
		d.Orgs = append(d.Orgs, Organization{ID: o[0], Name: "Org " + o[0], Sector: o[1]})
	}
	for _, m := range [][2]string{{"A", "F1"}, {"B", "F1"}, {"C", "F1"}, {"C", "F2"}, {"D", "F2"}} {
		d.Memberships = append(d.Memberships, Membership{Org: m[0], Forum: m[1]})
	}
	for _, o := range []string{"A", "B", "C", "E"} {
		d.Respondents = append(d.Respondents, Respondent{Org: o, Wave: "1"})
	}
	rep := func(s, t, w string, weight float64, p *PartnerReport) Tie {
		return Tie{Source: s, Target: t, Wave: w, Weight: weight, Trust: nan, Value: nan, Partner: p}
	}
	d.Ties = []Tie{
		rep("A", "B", "1", 2, &PartnerReport{4, 3, 2, 1, 2, 3}),
		rep("B", "A", "1", 3, &PartnerReport{3, 3, 3, nan, 4, 2}),
		rep("A", "C", "1", 1, nil),
		rep("C", "D", "1", 2, nil),
		rep("B", "F", "1", 1, nil),
		rep("E", "C", "1", 3, &PartnerReport{2, nan, nan, 1, 1, 1}),
		rep("C", "E", "1", 1, nil),
		rep("A", "B", "2", 1, nil),
		rep("D", "A", "2", 2, nil),
	}
	d.Ties[2].Trust = 2 // A's trust column about C
	return d
}

func edgesOf(g *Network) map[[2]int]float64 {
	m := map[[2]int]float64{}
	for i := 0; i < g.N(); i++ {
		for k, j := range g.Neighbors(i) {
			if int(j) > i {
				m[[2]int{i, int(j)}] = g.W[g.Off[i]+k]
			}
		}
	}
	return m
}

// TestSymmetrizeByHand checks every rule on wave 1, worked by hand from
// the reports (A=0, B=1, C=2, D=3, E=4, F=5, G=6).
func TestSymmetrizeByHand(t *testing.T) {
	d := surveyData()
	const A, B, C, D, E, F = 0, 1, 2, 3, 4, 5
	type ties = map[[2]int]float64
	for _, tc := range []struct {
		rule    Rule
		missing Missing
		want    ties
	}{
		// max: either side; the larger report. A-B max(2,3)=3, C-E max(3,1)=3.
		{RuleMax, MissingReconstruct, ties{{A, B}: 3, {A, C}: 1, {C, D}: 2, {B, F}: 1, {C, E}: 3}},
		// min: A-C needs C's report too (C answered) and has none; C-D and
		// B-F stand on the respondent's report (D, F reconstructed).
		{RuleMin, MissingReconstruct, ties{{A, B}: 2, {C, D}: 2, {B, F}: 1, {C, E}: 1}},
		// union: the mean of the reports that name it: A-B 2.5, C-E 2.
		{RuleUnion, MissingReconstruct, ties{{A, B}: 2.5, {A, C}: 1, {C, D}: 2, {B, F}: 1, {C, E}: 2}},
		// reciprocated: both named it.
		{RuleReciprocated, MissingReconstruct, ties{{A, B}: 2.5, {C, E}: 2}},
		// respondent-only: pairs of respondents A, B, C, E.
		{RuleRespondentOnly, MissingReconstruct, ties{{A, B}: 3, {A, C}: 1, {C, E}: 3}},
		// drop: every tie with D or F goes.
		{RuleMax, MissingDrop, ties{{A, B}: 3, {A, C}: 1, {C, E}: 3}},
		{RuleMin, MissingDrop, ties{{A, B}: 2, {C, E}: 1}},
		{RuleUnion, MissingDrop, ties{{A, B}: 2.5, {A, C}: 1, {C, E}: 2}},
		{RuleReciprocated, MissingDrop, ties{{A, B}: 2.5, {C, E}: 2}},
	} {
		t.Run(tc.rule.String()+"/"+tc.missing.String(), func(t *testing.T) {
			g := TieNetworkRule(d, "1", "", tc.rule, tc.missing)
			if g.N() != 7 {
				t.Fatalf("%d nodes, want 7 (every organization)", g.N())
			}
			got := edgesOf(g)
			if len(got) != len(tc.want) {
				t.Errorf("ties %v, want %v", got, tc.want)
			}
			for k, w := range tc.want {
				if got[k] != w {
					t.Errorf("tie %v: weight %v, want %v (all: %v)", k, got[k], w, got)
				}
			}
		})
	}
	// The default network is today's: the larger report of each pair.
	if a, b := edgesOf(TieNetwork(d, "1", "")), edgesOf(TieNetworkRule(d, "1", "", RuleMax, MissingReconstruct)); len(a) != len(b) {
		t.Errorf("TieNetwork %v differs from RuleMax %v", a, b)
	}
}

func TestParseRuleMissing(t *testing.T) {
	for _, r := range Rules {
		if got, err := ParseRule(r.String()); err != nil || got != r {
			t.Errorf("ParseRule(%q) = %v, %v", r.String(), got, err)
		}
	}
	if r, err := ParseRule(""); err != nil || r != RuleMax {
		t.Errorf("ParseRule(\"\") = %v, %v; want max", r, err)
	}
	if _, err := ParseRule("mean"); err == nil {
		t.Error("ParseRule(mean) accepted")
	}
	if m, err := ParseMissing("drop"); err != nil || m != MissingDrop {
		t.Errorf("ParseMissing(drop) = %v, %v", m, err)
	}
	if _, err := ParseMissing("impute"); err == nil {
		t.Error("ParseMissing(impute) accepted")
	}
}

func nearly(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-12
}

// TestReciprocityByHand: wave 1 has 7 arcs in 5 reported dyads, 2 of them
// mutual (A-B, C-E) and 3 asymmetric, and 21 - 5 = 16 null dyads.
//
//	arc    = 2*2 / (2*2 + 3) = 4/7
//	dyad   = 2 / (2 + 3)     = 2/5
//	dyadic = (2 + 16) / 21   = 6/7
//	confirmed: of the dyads where both answered (A-B, A-C, C-E), 2 mutual: 2/3
//
// In-degree (named by): A 1 (B), B 1 (A), C 2 (A, E), D 1, E 1, F 1, G 0.
// Out-degree: A 2, B 2, C 2, D 0, E 1, F 0, G 0.
func TestReciprocityByHand(t *testing.T) {
	r := DirectedReports(surveyData(), "1", "")
	x := r.Reciprocity()
	if x.Arcs != 7 || x.Mutual != 2 || x.Asym != 3 || x.Null != 16 || x.BothAnswered != 3 {
		t.Errorf("counts %+v", x)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"arc", x.Arc, 4.0 / 7}, {"dyad", x.Dyad, 2.0 / 5}, {"dyadic", x.Dyadic, 6.0 / 7}, {"confirmed", x.Confirmed, 2.0 / 3}} {
		if !nearly(c.got, c.want) {
			t.Errorf("%s reciprocity %v, want %v", c.name, c.got, c.want)
		}
	}
	in, out := r.Degrees()
	wantIn, wantOut := []int{1, 1, 2, 1, 1, 1, 0}, []int{2, 2, 2, 0, 1, 0, 0}
	for i := range in {
		if in[i] != wantIn[i] || out[i] != wantOut[i] {
			t.Errorf("in %v out %v, want %v %v", in, out, wantIn, wantOut)
			break
		}
	}
	if x.Respondents != 4 || x.RespondentsInferred {
		t.Errorf("respondents %d inferred %v, want 4 listed", x.Respondents, x.RespondentsInferred)
	}
	// Wave 2 lists no respondents: those who reported (A, D) answered.
	r2 := Responses(surveyData(), "2")
	if !r2.Inferred || r2.N != 2 || !r2.Responded[0] || !r2.Responded[3] {
		t.Errorf("wave 2 response %+v, want inferred A and D", r2)
	}
}

// TestResponseRatesByHand: wave 1, respondents A, B, C, E of 7.
//
//	all 4/7; gov {A, B, F} 2/3; bus {C, D, E, G} 2/4
//	F1 {A, B, C} 3/3; F2 {C, D} 1/2
//	in a forum {A, B, C, D} 3/4; in none {E, F, G} 1/3
//
// Wave 2 (inferred A, D): all 2/7, gov 1/3, bus 1/4, F1 1/3, F2 1/2.
func TestResponseRatesByHand(t *testing.T) {
	rs := ResponseRates(surveyData())
	if len(rs) != 2 {
		t.Fatalf("%d waves, want 2", len(rs))
	}
	check := func(what string, got ResponseCount, orgs, resp int) {
		t.Helper()
		if got.Orgs != orgs || got.Responded != resp || !nearly(got.Rate, float64(resp)/float64(orgs)) {
			t.Errorf("%s: %+v, want %d of %d", what, got, resp, orgs)
		}
	}
	w1, w2 := rs[0], rs[1]
	check("wave 1", w1.All, 7, 4)
	check("wave 1 gov", w1.Sectors[0], 3, 2)
	check("wave 1 bus", w1.Sectors[1], 4, 2)
	check("wave 1 F1", w1.Forums[0], 3, 3)
	check("wave 1 F2", w1.Forums[1], 2, 1)
	check("wave 1 in forums", w1.InForums, 4, 3)
	check("wave 1 in no forum", w1.NoForum, 3, 1)
	if w1.Inferred || !w2.Inferred {
		t.Errorf("inferred: wave 1 %v, wave 2 %v; want false, true", w1.Inferred, w2.Inferred)
	}
	check("wave 2", w2.All, 7, 2)
	check("wave 2 gov", w2.Sectors[0], 3, 1)
	check("wave 2 bus", w2.Sectors[1], 4, 1)
	check("wave 2 F1", w2.Forums[0], 3, 1)
	check("wave 2 F2", w2.Forums[1], 2, 1)
}

// TestObservedCellsByHand, wave 1. Respondents: gov A, B; bus C, E.
// Nonrespondents: gov F; bus D, G.
//
// max (reconstruct): a dyad is observed when at least one side answered:
// 21 pairs - 3 pairs of nonrespondents (D-F, D-G, F-G) = 18. Within gov:
// A-B, A-F, B-F = 3; within bus: C-D, C-E, C-G, D-E, E-G = 5 (D-G
// unobserved); cross 18 - 8 = 10. Ties A-B, B-F, C-D, C-E within, A-C
// across: T = 5, I = 4, E = 1.
//
//	density 5/18, all pairs 5/21, cross 1/10, within 4/8
//	EI (1-4)/5 = -0.6; expected (10-8)/18 = 1/9
//
// respondent-only: observed dyads are the 6 pairs of A, B, C, E (within
// A-B, C-E; cross 4). Ties A-B, C-E within, A-C across.
//
//	density 3/6, all pairs 3/21, cross 1/4, within 2/2
//	EI (1-2)/3 = -1/3; expected (4-2)/6 = 1/3
func TestObservedCellsByHand(t *testing.T) {
	d := surveyData()
	p := SectorGroups(d)
	resp := Responses(d, "1")
	for _, tc := range []struct {
		rule                              Rule
		dyads, cross, ties, ext, in       int
		dens, all, crossD, withinD, ei, x float64
	}{
		{RuleMax, 18, 10, 5, 1, 4, 5.0 / 18, 5.0 / 21, 1.0 / 10, 4.0 / 8, -0.6, 1.0 / 9},
		{RuleRespondentOnly, 6, 4, 3, 1, 2, 3.0 / 6, 3.0 / 21, 1.0 / 4, 1, -1.0 / 3, 1.0 / 3},
	} {
		g := TieNetworkRule(d, "1", "", tc.rule, MissingReconstruct)
		o := ObservedCellStats(g, p, resp, tc.rule, MissingReconstruct)
		if o.Dyads != tc.dyads || o.CrossDyads != tc.cross || o.Ties != tc.ties || o.External != tc.ext || o.Internal != tc.in {
			t.Errorf("%v: counts %+v", tc.rule, o)
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"density", o.Density, tc.dens}, {"all pairs", o.AllPairsDensity, tc.all}, {"cross", o.CrossDensity, tc.crossD},
			{"within", o.WithinDensity, tc.withinD}, {"ei", o.EI, tc.ei}, {"expected ei", o.ExpectedEI, tc.x}} {
			if !nearly(c.got, c.want) {
				t.Errorf("%v: %s %v, want %v", tc.rule, c.name, c.got, c.want)
			}
		}
	}
	// Sensitivity: the tie count under every rule (5, 4, 5, 2, 3).
	sens := Sensitivity(d, "1", "", MissingReconstruct, func(g *Network) float64 { return float64(len(g.Edges())) })
	want := []float64{5, 4, 5, 2, 3}
	for i, rv := range sens {
		if rv.Rule != Rules[i] || rv.Value != want[i] {
			t.Errorf("sensitivity %v = %v, want %v", rv.Rule, rv.Value, want[i])
		}
	}
}

// TestPartnerScoresByHand, wave 1:
//
//	A->B (4,3,2 | 1,2,3): trust (4+3+2)/3 = 3, value (1+2+3)/3 = 2
//	B->A (3,3,3 | -,4,2): trust 3, value (4+2)/2 = 3
//	E->C (2,-,- | 1,1,1): trust 2, value 1
//	tie A-B: trust (3+3)/2 = 3, value (2+3)/2 = 2.5, 2 reports
//	tie C-E: trust 2, value 1 (C->E has no PARTNER items)
//	wave: trust (3+2)/2 = 2.5, value (2.5+1)/2 = 1.75 over 2 of 5 ties
//	as rated by others: A (by B) 3, 3; B (by A) 3, 2; C (by E) 2, 1 and
//	the trust column of A's report about C, 2
func TestPartnerScoresByHand(t *testing.T) {
	d := surveyData()
	if !HasPartner(d, "") {
		t.Fatal("HasPartner false")
	}
	ws := PartnerScores(d, "")
	if len(ws) != 2 || ws[0].Wave != "1" {
		t.Fatalf("waves %+v", ws)
	}
	w := ws[0]
	if w.All.Ties != 5 || w.All.TrustN != 2 || !nearly(w.All.PartnerTrust, 2.5) || !nearly(w.All.PartnerValue, 1.75) {
		t.Errorf("wave 1 all %+v", w.All)
	}
	tie := func(a, b int) PartnerTie {
		for _, x := range w.Ties {
			if x.A == a && x.B == b {
				return x
			}
		}
		t.Fatalf("no tie %d-%d", a, b)
		return PartnerTie{}
	}
	if x := tie(0, 1); x.Reports != 2 || !nearly(x.PartnerTrust, 3) || !nearly(x.PartnerValue, 2.5) {
		t.Errorf("A-B %+v", x)
	}
	if x := tie(2, 4); x.Reports != 1 || !nearly(x.PartnerTrust, 2) || !nearly(x.PartnerValue, 1) {
		t.Errorf("C-E %+v", x)
	}
	if x := tie(0, 2); x.Reports != 0 || !math.IsNaN(x.PartnerTrust) || !nearly(x.Trust, 2) {
		t.Errorf("A-C %+v", x)
	}
	org := map[int]PartnerOrg{}
	for _, o := range w.Orgs {
		org[o.Org] = o
	}
	if o := org[0]; o.Raters != 1 || !nearly(o.PartnerTrust, 3) || !nearly(o.PartnerValue, 3) {
		t.Errorf("A as rated %+v", o)
	}
	if o := org[1]; !nearly(o.PartnerTrust, 3) || !nearly(o.PartnerValue, 2) {
		t.Errorf("B as rated %+v", o)
	}
	if o := org[2]; o.Raters != 1 || !nearly(o.PartnerTrust, 2) || !nearly(o.Trust, 2) {
		t.Errorf("C as rated %+v", o)
	}
	if len(w.SectorPairs) != 3 { // gov-gov (A-B, B-F), gov-bus (A-C), bus-bus (C-D, C-E)
		t.Errorf("sector pairs %+v", w.SectorPairs)
	}
	if sp := w.SectorPairs[0]; sp.A != 0 || sp.B != 0 || sp.Ties != 2 || !nearly(sp.PartnerTrust, 3) {
		t.Errorf("gov-gov %+v", sp)
	}
}

// TestPseudonymize: every id and name is replaced, people and free-text
// columns go, and the key is reused.
func TestPseudonymize(t *testing.T) {
	d := surveyData()
	d.Sectors[0].Label = "Government / ממשלה"
	d.Orgs[0].Attrs = []Attr{{"city", "Haifa"}, {"size", "large"}}
	d.Memberships[0].Person = "Dana Levi"
	p, key, added, err := Pseudonymize(d, nil, PseudonymOptions{Keep: []string{"Size"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if added != 7 || len(key) != 7 {
		t.Fatalf("added %d, key %d; want 7", added, len(key))
	}
	codeOf := map[string]string{}
	for _, e := range key {
		codeOf[e.ID] = e.Code
	}
	seen := map[string]bool{}
	for i, o := range d.Orgs {
		code := codeOf[o.ID]
		if seen[code] {
			t.Errorf("org %d: code %q twice", i, code)
		}
		seen[code] = true
		want := "bus "
		if o.Sector == "gov" {
			want = "Government "
		}
		if len(code) != len(want)+2 || code[:len(want)] != want {
			t.Errorf("code %q, want %q NN", code, want)
		}
	}
	// In code order: the government codes first (its sector comes first),
	// each code its own id and name.
	for i, o := range p.Orgs {
		if o.ID != o.Name || (i < 3) != strings.HasPrefix(o.ID, "Government ") || (i > 0 && compareCodes(p.Orgs[i-1].ID, o.ID) >= 0 && p.Orgs[i-1].Sector == o.Sector) {
			t.Errorf("org %d: %+v", i, o)
		}
	}
	a := p.Orgs[slices.IndexFunc(p.Orgs, func(o Organization) bool { return o.ID == codeOf["A"] })]
	if len(a.Attrs) != 1 || a.Attrs[0].Key != "size" {
		t.Errorf("attrs %v, want size only", a.Attrs)
	}
	if p.Memberships[0].Person != "" || p.Memberships[0].Org != codeOf["A"] {
		t.Errorf("membership %+v", p.Memberships[0])
	}
	if p.Ties[0].Source != codeOf["A"] || p.Respondents[0].Org != codeOf["A"] {
		t.Error("ties or respondents keep the original ids")
	}
	// The measures do not change.
	if a, b := edgesOf(TieNetwork(d, "1", "")), edgesOf(TieNetwork(p, "1", "")); len(a) != len(b) {
		t.Errorf("ties %v became %v", a, b)
	}
	// Reusing the key with a new organization: old codes stay, one added.
	d.Orgs = append(d.Orgs, Organization{ID: "H", Name: "Org H", Sector: "gov"})
	p2, key2, added2, err := Pseudonymize(d, key, PseudonymOptions{Seed: 99})
	if err != nil || added2 != 1 || len(key2) != 8 {
		t.Fatalf("reuse: added %d, key %d, %v", added2, len(key2), err)
	}
	for i, e := range key {
		if key2[i] != e {
			t.Errorf("key entry %d: %+v became %+v", i, e, key2[i])
		}
	}
	if got := key2[7]; got.ID != "H" || got.Code != "Government 04" {
		t.Errorf("new code %+v, want H as Government 04 (after 01-03)", got)
	}
	if len(p2.Orgs) != 8 || p2.Orgs[3].ID != "Government 04" {
		t.Errorf("orgs %v", p2.Orgs)
	}
	if _, _, _, err := Pseudonymize(d, append(key2, KeyEntry{Code: key2[0].Code, ID: "Z"}), PseudonymOptions{}); err == nil {
		t.Error("a key giving one code twice was accepted")
	}
}

// TestQualityByHand: wave 2's ties are A-B (also in wave 1) and A-D (new).
// D did not answer wave 1, so the one new tie joins a nonrespondent of
// the earlier wave. Wave 1's nonrespondents: D, F, G.
func TestQualityByHand(t *testing.T) {
	d := surveyData()
	q := Quality(d, "", MissingReconstruct)
	if len(q.Waves) != 2 || len(q.NewTies) != 1 {
		t.Fatalf("%d waves, %d pairs", len(q.Waves), len(q.NewTies))
	}
	n := q.NewTies[0]
	if n.New != 1 || n.Nonrespondent != 1 || len(n.Nonrespondents) != 1 || n.Nonrespondents[0] != 3 || n.NonrespondentsOf != 3 || n.FromInferred {
		t.Errorf("new ties %+v", n)
	}
	w := q.Waves[0]
	if w.Reciprocity.Mutual != 2 || len(w.Observed) != len(Rules) || w.Observed[0].Dyads != 18 || w.Observed[4].Dyads != 6 {
		t.Errorf("wave 1 %+v", w)
	}
}
