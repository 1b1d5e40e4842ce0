package out

import (
	"context"
	"fmt"
	"math"

	"github.com/sectornet/sectornet/graph"
)

// ChangeOptions choose the wave comparisons ChangeTables shows.
type ChangeOptions struct {
	From, To     string // the waves; with neither, every consecutive pair (see graph.WavePairs)
	Type         string
	Universe     graph.Universe
	Permutations int
	Seed         uint64
	Top          int // top gainers listed; 0 for all
	Rule         graph.Rule
	Missing      graph.Missing
	// QAPPermutations are the permutations per coefficient of the
	// forum-effect model (logistic QAP); 0 fits it without the test.
	QAPPermutations int
	// ModelMaxPairs, when > 0, leaves the forum-effect model out (its
	// table says why) when the comparison has more pairs of organizations:
	// the report's bound (ReportModelMaxPairs).
	ModelMaxPairs int
	// ModelUnasked says that QAPPermutations is the default rather than
	// the user's: the note then says how to ask for the model.
	ModelUnasked bool
	Inference    Inference
}

// ChangeTables compare the collaboration ties of survey waves (see
// graph.CompareWaves), one set of tables per pair of waves: tie change,
// tie change per sector pair, attribution to the forums, each wave's
// network, trust and value scores when ties have them, top gainers and
// every organization's partners; in JSON one object per pair (an array
// for several pairs).
func ChangeTables(ctx context.Context, a *Analysis, o ChangeOptions) (*Tables, error) {
	d := a.Dataset
	pairs, err := graph.WavePairs(d, o.From, o.To)
	if err != nil {
		return nil, &RequestError{err}
	}
	v := &Tables{}
	var objs []any
	for _, p := range pairs {
		c, err := a.Change(ctx, graph.ChangeOptions{From: p[0], To: p[1], Type: o.Type, Universe: o.Universe, Permutations: o.Permutations, Seed: o.Seed, Rule: o.Rule, Missing: o.Missing})
		if err != nil {
			return nil, err
		}
		// The forum effect as a dyadic model, and the CUG tests and
		// bootstrap intervals of the two waves.
		sel := graph.TieSelection{Type: c.Type, Rule: o.Rule, Missing: o.Missing}
		extra, err := a.forumModel(ctx, c, sel, o)
		if err != nil {
			return nil, err
		}
		inf, err := a.changeInference(ctx, c, sel, o.Inference)
		if err != nil {
			return nil, err
		}
		extra = append(extra, inf...)
		v.Tables = append(v.Tables, withAfter(changeTables(d, c, o.Top), "attribution", extra)...)
		obj := changeJSON(d, c, o.Top)
		for _, t := range extra {
			if t.Columns[0] == "measure" {
				obj = append(obj, KV(t.Name, t.Object()))
			} else {
				obj = append(obj, KV(t.Name, t.JSONRows()))
			}
		}
		objs = append(objs, obj)
	}
	// New ties that join an organization that did not answer the earlier
	// wave may be old ties nobody reported.
	for _, p := range pairs {
		n := graph.NonrespondentNewTies(d, p[0], p[1], o.Type, o.Rule, o.Missing)
		if n.Nonrespondent > 0 {
			v.Warnings = append(v.Warnings, fmt.Sprintf("%d of the %d new ties from %s to %s join an organization that did not answer the %s survey (%s); they may be old ties nobody reported (see sectornet survey)",
				n.Nonrespondent, n.New, p[0], p[1], p[0], RespondentSource(n.FromInferred)))
		}
	}
	if len(v.Tables) > 0 {
		for _, w := range v.Warnings {
			v.Tables[0].Notes = append(v.Tables[0].Notes, "Warning: "+w+".")
		}
	}
	v.JSON = objs
	if len(objs) == 1 {
		v.JSON = objs[0]
	}
	return v, nil
}

// jaccardNote says how to read a Jaccard index of tie stability, as the
// RSiena manual does, or "" when it needs no comment.
func jaccardNote(j float64) string {
	switch graph.JaccardStability(j) {
	case graph.StabilityQuestionable:
		return "Jaccard under 0.2: the RSiena manual calls such low stability questionable for modelling change between these waves"
	case graph.StabilityBorderline:
		return "Jaccard between 0.2 and 0.3: under the 0.3 the RSiena manual calls good; stability is borderline"
	}
	return ""
}

func universeNote(c *graph.Change) string {
	if c.Universe == graph.UniversePresent {
		return fmt.Sprintf("Pairs of the %d organizations named in a tie in both waves (--universe present).", c.Orgs)
	}
	return fmt.Sprintf("Pairs of all %d organizations in organizations.csv; an organization with no tie in %s and some in %s is a newcomer (e.g. it joined later, or did not answer the first survey), and its ties count as new.", c.Orgs, c.From, c.To)
}

func windowNote(c *graph.Change) string {
	w := c.Window
	if w.Timed {
		return fmt.Sprintf("Co-participants: organizations that share a forum, or attended one of the %d meetings dated after %s and up to %s.",
			len(w.Meetings), w.After.Format("2006-01-02"), w.Until.Format("2006-01-02"))
	}
	return fmt.Sprintf("Co-participants: organizations that share a forum, or attended any of the %d meetings together (waves %q and %q are not years or dates, so meetings cannot be placed between them).",
		len(w.Meetings), c.From, c.To)
}

// headline says the forum effect in one sentence.
func headline(c *graph.Change) string {
	a := c.Attribution
	if a.New == 0 {
		return fmt.Sprintf("No new tie between %s and %s.", c.From, c.To)
	}
	s := fmt.Sprintf("%d of the %d new ties (%s) joined co-participants, against %s expected if new ties formed at random",
		a.NewCoparticipant, a.New, sharePercent(a.ObservedShare), sharePercent(a.ExpectedShare))
	if !math.IsNaN(a.Ratio) {
		s += fmt.Sprintf(": %.3g times as many", a.Ratio)
	}
	switch {
	case math.IsNaN(a.PValue):
		s += " (exact p = " + pString(a.PExact) + ")"
	case a.PValue == 1/float64(a.Permutations+1):
		s += fmt.Sprintf(" (p = %.2g: none of %d random sets did as well)", a.PValue, a.Permutations)
	default:
		s += fmt.Sprintf(" (p = %.2g)", a.PValue)
	}
	x := c.CrossAttribution
	if x.New > 0 {
		s += fmt.Sprintf("; across sectors %d of %d (%s, expected %s)", x.NewCoparticipant, x.New, sharePercent(x.ObservedShare), sharePercent(x.ExpectedShare))
	}
	return s + "."
}

func pString(p float64) string {
	if p == 0 {
		return "below 1e-308"
	}
	return fmt.Sprintf("%.2g", p)
}

func sharePercent(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	if v > 0 && v < 0.01 {
		return fmt.Sprintf("%.2g%%", 100*v)
	}
	return fmt.Sprintf("%.0f%%", 100*v)
}

func permutationNote(a graph.Attribution, from string) string {
	if a.Permutations == 0 {
		return "p_value: no permutations run (--permutations 0); p_exact is the hypergeometric tail."
	}
	return fmt.Sprintf("p_value: the share of %d random sets of new ties (each as many pairs, drawn from the pairs with no tie in %s) with at least as many co-participant pairs, (k+1)/(R+1); seed %d (--seed). p_exact is the hypergeometric tail it estimates.",
		a.Permutations, from, a.Seed)
}

// changeTables lays out one wave comparison as tables for people.
func changeTables(d *graph.Dataset, c *graph.Change, top int) []*Table {
	pre := c.From + " to " + c.To
	if c.Type != "" {
		pre += " (type " + c.Type + ")"
	}
	pre += ": "
	ct := &Table{Name: "change", Title: pre + "tie change", Columns: []string{"measure", "value"}}
	ct.Add("organizations", c.Orgs)
	ct.Add("pairs", c.All.Pairs)
	ct.Add("ties in "+c.From, c.All.Before())
	ct.Add("ties in "+c.To, c.All.After())
	ct.Add("no tie in either (N00)", c.All.NoTie)
	ct.Add("new (N01)", c.All.New)
	ct.Add("dissolved (N10)", c.All.Dissolved)
	ct.Add("kept (N11)", c.All.Kept)
	ct.Add("Hamming distance", c.All.Hamming())
	ct.Add("Jaccard index", c.All.Jaccard())
	ct.Add("new cross-sector ties", c.NewCrossSector)
	ct.Add("new ties among co-participants", c.NewAmongCoparticipants)
	ct.Add("new ties between forum co-members", c.NewAmongForumMembers)
	ct.Add("new ties between meeting co-attendees", c.NewAmongMeetingAttendees)
	ct.Add("new cross-sector ties among co-participants", c.NewCrossAmongCoparticipants)
	ct.Add("newcomers", c.Newcomers)
	ct.Add("new ties involving a newcomer", c.NewWithNewcomer)
	if n := jaccardNote(c.All.Jaccard()); n != "" {
		ct.Notes = append(ct.Notes, n+".")
	}
	ct.Notes = append(ct.Notes, universeNote(c))

	st := &Table{Name: "sector_pairs", Title: pre + "tie change by sector pair",
		Columns: []string{"sector_a", "sector_b", "pairs", "no_tie", "new", "dissolved", "kept", "hamming", "jaccard"}}
	addCounts := func(a, b string, t graph.TieCounts) {
		st.Add(a, b, t.Pairs, t.NoTie, t.New, t.Dissolved, t.Kept, t.Hamming(), t.Jaccard())
	}
	addCounts("all", "all", c.All)
	addCounts("cross-sector", "cross-sector", c.CrossSector)
	addCounts("within-sector", "within-sector", c.WithinSector)
	for _, sp := range c.SectorPairs {
		addCounts(sectorID(d, sp.A), sectorID(d, sp.B), sp.TieCounts)
	}

	at := &Table{Name: "attribution", Title: pre + "new ties among co-participants (the forum effect)",
		Columns: []string{"pairs", "new", "new_among_coparticipants", "observed_share", "candidates", "coparticipant_candidates", "expected_share", "ratio", "p_value", "p_exact"}}
	for _, x := range []struct {
		name string
		a    graph.Attribution
	}{{"all", c.Attribution}, {"cross-sector", c.CrossAttribution}} {
		a := x.a
		at.Add(x.name, a.New, a.NewCoparticipant, a.ObservedShare, a.Candidates, a.Coparticipants, a.ExpectedShare, a.Ratio, a.PValue, a.PExact)
	}
	at.Notes = append(at.Notes, headline(c), windowNote(c),
		"observed_share = new ties among co-participants / new ties; expected_share = co-participant pairs / pairs with no tie in "+c.From+" (the share if new ties formed at random); ratio = observed / expected.",
		permutationNote(c.Attribution, c.From))
	if c.Attribution.PExact == 0 || c.CrossAttribution.PExact == 0 {
		at.Notes = append(at.Notes, "p_exact 0: the tail is below about 1e-308 and underflows double precision.")
	}

	wt := &Table{Name: "waves", Title: pre + "the network in each wave", Columns: []string{"measure", c.From, c.To, "change"}}
	b, a := c.Before, c.After
	wt.Add("ties", b.Ties, a.Ties, a.Ties-b.Ties)
	wt.Add("cross-sector ties", b.External, a.External, a.External-b.External)
	wt.Add("within-sector ties", b.Internal, a.Internal, a.Internal-b.Internal)
	wt.Add("density", b.Density, a.Density, a.Density-b.Density)
	wt.Add("mean degree", b.MeanDegree, a.MeanDegree, a.MeanDegree-b.MeanDegree)
	wt.Add("E-I index", b.EI, a.EI, a.EI-b.EI)
	wt.Notes = append(wt.Notes, "E-I index: (cross-sector - within-sector ties) / ties (Krackhardt and Stern 1988); -1 all within sectors, +1 all across.")

	ts := []*Table{ct, st, at, wt}
	if c.Scores != nil {
		ts = append(ts, changeScoresTable(d, c, pre))
	}

	gt := &Table{Name: "top_gainers", Title: pre + "top gainers of new partners",
		Columns: []string{"org", "name", "sector", "new", "new_cross_sector", "dissolved", "kept", "new_partners"}}
	for _, o := range c.TopGainers(top) {
		org := d.Orgs[o.Org]
		gt.Add(org.ID, org.Name, org.Sector, o.New, o.NewCrossSector, o.Dissolved, o.Kept, orgNameList(d, o.NewPartners, 6))
	}

	ot := &Table{Name: "orgs", Title: pre + "organizations",
		Columns: []string{"org", "name", "sector", "partners_before", "partners_after", "new", "dissolved", "kept", "new_cross_sector", "newcomer"}}
	quiet := 0
	for _, o := range c.OrgChanges {
		if o.Before == 0 && o.After == 0 {
			quiet++
			continue
		}
		org := d.Orgs[o.Org]
		ot.Add(org.ID, org.Name, org.Sector, o.Before, o.After, o.New, o.Dissolved, o.Kept, o.NewCrossSector, o.Newcomer)
	}
	if quiet > 0 {
		ot.Notes = append(ot.Notes, fmt.Sprintf("%d %s with no tie in either wave not listed.", quiet, plural(quiet, "organization", "organizations")))
	}
	return append(ts, gt, ot)
}

func changeScoresTable(d *graph.Dataset, c *graph.Change, pre string) *Table {
	t := &Table{Name: "scores", Title: pre + "trust and value of the ties",
		Columns: []string{"ties", "sector_a", "sector_b", "wave", "count", "trust_n", "trust_mean", "value_n", "value_mean"}}
	add := func(group, a, b, wave string, m graph.ScoreMean) {
		t.Add(group, a, b, wave, m.Ties, m.TrustN, m.Trust, m.ValueN, m.Value)
	}
	s := c.Scores
	add("all", "all", "all", c.From, s.Before.All)
	add("all", "all", "all", c.To, s.After.All)
	add("new", "all", "all", c.To, s.New)
	add("kept", "all", "all", c.From, s.KeptBefore)
	add("kept", "all", "all", c.To, s.KeptAfter)
	add("dissolved", "all", "all", c.From, s.DissolvedBefore)
	for _, w := range []graph.WaveScores{s.Before, s.After} {
		for _, sp := range w.SectorPairs {
			add("all", sectorID(d, sp.A), sectorID(d, sp.B), w.Wave, sp.ScoreMean)
		}
	}
	t.Notes = append(t.Notes, "A tie's score is the mean of its reports' scores (A about B and B about A); each tie counts once; trust_n and value_n count the ties with a score.")
	return t
}

func tieCountsJSON(t graph.TieCounts) Object {
	return Object{
		KV("pairs", t.Pairs), KV("no_tie", t.NoTie), KV("new", t.New), KV("dissolved", t.Dissolved),
		KV("kept", t.Kept), KV("hamming", t.Hamming()), KV("jaccard", t.Jaccard()),
	}
}

func attributionJSON(a graph.Attribution) Object {
	return Object{
		KV("new", a.New), KV("new_among_coparticipants", a.NewCoparticipant), KV("observed_share", a.ObservedShare),
		KV("candidates", a.Candidates), KV("coparticipant_candidates", a.Coparticipants),
		KV("expected_share", a.ExpectedShare), KV("ratio", a.Ratio), KV("p_value", a.PValue), KV("p_exact", a.PExact),
		KV("permutations", a.Permutations), KV("seed", a.Seed),
	}
}

func scoreJSON(m graph.ScoreMean) Object {
	return Object{KV("ties", m.Ties), KV("trust_n", m.TrustN), KV("trust_mean", m.Trust), KV("value_n", m.ValueN), KV("value_mean", m.Value)}
}

// sectorPairJSON prefixes fields with the sector pair they are of.
func sectorPairJSON(d *graph.Dataset, a, b int, fields Object) Object {
	return append(Object{KV("sector_a", sectorID(d, a)), KV("sector_b", sectorID(d, b))}, fields...)
}

func waveScoresJSON(d *graph.Dataset, w graph.WaveScores) Object {
	sps := []Object{}
	for _, sp := range w.SectorPairs {
		sps = append(sps, sectorPairJSON(d, sp.A, sp.B, scoreJSON(sp.ScoreMean)))
	}
	return Object{KV("wave", w.Wave), KV("all", scoreJSON(w.All)), KV("sector_pairs", sps)}
}

// changeJSON is one wave comparison as a JSON object (keys documented in
// README.md).
func changeJSON(d *graph.Dataset, c *graph.Change, top int) Object {
	sps := []Object{}
	for _, sp := range c.SectorPairs {
		sps = append(sps, sectorPairJSON(d, sp.A, sp.B, tieCountsJSON(sp.TieCounts)))
	}
	waves := []Object{}
	for _, w := range []graph.WaveStats{c.Before, c.After} {
		waves = append(waves, Object{
			KV("wave", w.Wave), KV("ties", w.Ties), KV("cross_sector_ties", w.External), KV("within_sector_ties", w.Internal),
			KV("density", w.Density), KV("mean_degree", w.MeanDegree), KV("ei_index", w.EI),
		})
	}
	var scores any
	if s := c.Scores; s != nil {
		scores = Object{
			KV("before", waveScoresJSON(d, s.Before)), KV("after", waveScoresJSON(d, s.After)), KV("new", scoreJSON(s.New)),
			KV("kept_before", scoreJSON(s.KeptBefore)), KV("kept_after", scoreJSON(s.KeptAfter)), KV("dissolved_before", scoreJSON(s.DissolvedBefore)),
		}
	}
	orgRow := func(o graph.OrgChange) Object {
		org := d.Orgs[o.Org]
		ids := make([]string, len(o.NewPartners))
		for k, j := range o.NewPartners {
			ids[k] = d.Orgs[j].ID
		}
		return Object{
			KV("org", org.ID), KV("name", org.Name), KV("sector", org.Sector), KV("partners_before", o.Before), KV("partners_after", o.After),
			KV("new", o.New), KV("dissolved", o.Dissolved), KV("kept", o.Kept), KV("new_cross_sector", o.NewCrossSector),
			KV("newcomer", o.Newcomer), KV("new_partners", ids),
		}
	}
	gainers := []Object{}
	for _, o := range c.TopGainers(top) {
		gainers = append(gainers, orgRow(o))
	}
	orgs := []Object{}
	for _, o := range c.OrgChanges {
		if o.Before > 0 || o.After > 0 {
			orgs = append(orgs, orgRow(o))
		}
	}
	w := c.Window
	var after, until any
	if w.Timed {
		after, until = w.After.Format("2006-01-02"), w.Until.Format("2006-01-02")
	}
	meetings := make([]string, len(w.Meetings))
	for k, m := range w.Meetings {
		meetings[k] = d.Meetings[m].ID
	}
	return Object{
		KV("from", c.From), KV("to", c.To), KV("type", c.Type), KV("universe", c.Universe.String()),
		KV("organizations", c.Orgs), KV("pairs", c.All.Pairs),
		KV("ties_before", c.All.Before()), KV("ties_after", c.All.After()), KV("no_tie", c.All.NoTie),
		KV("new", c.All.New), KV("dissolved", c.All.Dissolved), KV("kept", c.All.Kept),
		KV("hamming", c.All.Hamming()), KV("jaccard", c.All.Jaccard()), KV("jaccard_note", jaccardNote(c.All.Jaccard())),
		KV("new_cross_sector", c.NewCrossSector), KV("new_among_coparticipants", c.NewAmongCoparticipants),
		KV("new_among_forum_members", c.NewAmongForumMembers), KV("new_among_meeting_attendees", c.NewAmongMeetingAttendees),
		KV("new_cross_sector_among_coparticipants", c.NewCrossAmongCoparticipants),
		KV("newcomers", c.Newcomers), KV("new_involving_newcomers", c.NewWithNewcomer),
		KV("meeting_window", Object{KV("timed", w.Timed), KV("after", after), KV("until", until), KV("meetings", meetings)}),
		KV("cross_sector", tieCountsJSON(c.CrossSector)), KV("within_sector", tieCountsJSON(c.WithinSector)), KV("sector_pairs", sps),
		KV("attribution", attributionJSON(c.Attribution)), KV("attribution_cross_sector", attributionJSON(c.CrossAttribution)),
		KV("waves", waves), KV("scores", scores), KV("top_gainers", gainers), KV("orgs", orgs),
	}
}
