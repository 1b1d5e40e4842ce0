package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type changeOptions struct {
	survey       surveyFlags
	dir          string
	format       string
	from, to     string
	tieType      string
	universe     string
	permutations int
	seed         uint64
	top          int
	qapPerms     int
	inf          inferenceFlags
}

func newChangeCmd(s *streams) *cobra.Command {
	var o changeOptions
	cmd := &cobra.Command{
		Use:   "change [DIR]",
		Short: "What changed in the collaboration ties between survey waves, and how much of it the forums can claim",
		Long: `Compare the collaboration ties (ties.csv) of two survey waves:

  tie change     pairs with no tie in either wave (N00), new ties (N01),
                 dissolved (N10), kept (N11), the Hamming distance N01+N10
                 and the Jaccard index N11/(N01+N10+N11), as RSiena reports
                 them (0.3 or more good, under 0.2 questionable); over all
                 pairs, cross-sector pairs, within-sector pairs and each
                 pair of sectors
  attribution    of the new ties, the share between co-participants
                 (organizations that share a forum, or attended a meeting
                 together dated after the first wave and up to the second)
                 against the share of co-participants among the pairs that
                 had no tie, which random new ties would have; the ratio is
                 the forum effect; the p-value is the share of --permutations
                 random sets of as many pairs (seeded with --seed) with at
                 least as many co-participant pairs, (k+1)/(R+1)
  waves          ties, density, mean degree and E-I index by sector in each
                 wave and their change
  organizations  new, dissolved and kept partners and new cross-sector
                 partners of each organization, and the top gainers
  scores         mean trust and value, when ties.csv has them

The pairs counted are those of every organization in organizations.csv
(--universe all): one with no tie in the earlier wave, e.g. one that joined
later, is a newcomer and its ties are new. --universe present counts only
organizations named in both waves. With no --from and --to, every
consecutive pair of waves is compared.`,
		Example: `  sectornet change                          # the embedded sample
  sectornet change mydata --from 2012 --to 2014
  sectornet change mydata --type "joint project" --format json
  sectornet change mydata --seed 7 --permutations 99999`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runChange(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	f := cmd.Flags()
	f.StringVar(&o.from, "from", "", "the earlier wave (default: each wave but the last)")
	f.StringVar(&o.to, "to", "", "the later wave (default: the wave after --from)")
	f.StringVar(&o.tieType, "type", "", "compare only ties of this type")
	f.StringVar(&o.universe, "universe", "all", "whose pairs count: all (every organization) or present (organizations named in both waves)")
	f.IntVar(&o.permutations, "permutations", 9999, "random sets of new ties for the attribution p-value (0 to skip)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed of the permutation test")
	f.IntVar(&o.top, "top", 10, "top gainers to list (0 for all)")
	o.survey.add(cmd)
	f.IntVar(&o.qapPerms, "qap-permutations", 1000, "permutations per coefficient of the forum-effect model (logistic QAP, semi-partialling; 0 to fit it without the test)")
	o.inf.add(cmd, &o.seed)
	return cmd
}

func runChange(ctx context.Context, s *streams, o changeOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	u, err := graph.ParseUniverse(o.universe)
	if err != nil {
		return usageErr(err)
	}
	if o.permutations < 0 {
		return usageErr(errors.New("--permutations must be 0 or more"))
	}
	if o.top < 0 {
		return usageErr(errors.New("--top must be 0 or more"))
	}
	rule, missing, err := o.survey.parse()
	if err != nil {
		return err
	}
	if o.qapPerms < 0 {
		return usageErr(errors.New("--qap-permutations must be 0 or more"))
	}
	if err := o.inf.check(); err != nil {
		return err
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	pairs, err := graph.WavePairs(d, o.from, o.to)
	if err != nil {
		return usageErr(err)
	}
	var changes []*graph.Change
	for _, p := range pairs {
		c, err := graph.CompareWaves(ctx, d, graph.ChangeOptions{From: p[0], To: p[1], Type: o.tieType, Universe: u, Permutations: o.permutations, Seed: o.seed, Rule: rule, Missing: missing})
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			return usageErr(err)
		}
		changes = append(changes, c)
	}
	// New ties that join an organization that did not answer the earlier
	// wave may be old ties nobody reported.
	var warnings []string
	for _, p := range pairs {
		n := graph.NonrespondentNewTies(d, p[0], p[1], o.tieType, rule, missing)
		if n.Nonrespondent > 0 {
			w := fmt.Sprintf("%d of the %d new ties from %s to %s join an organization that did not answer the %s survey (%s); they may be old ties nobody reported (see sectornet survey)",
				n.Nonrespondent, n.New, p[0], p[1], p[0], out.RespondentSource(n.FromInferred))
			warnings = append(warnings, w)
			fmt.Fprintln(s.Err, "sectornet: warning: "+w)
		}
	}
	// The forum effect as a dyadic model, and the CUG tests and bootstrap
	// intervals of the two waves, per comparison.
	extra := make([][]*out.Table, len(changes))
	for i, c := range changes {
		ts, err := forumModel(ctx, s, d, c, graph.TieSelection{Type: c.Type, Rule: rule, Missing: missing}, o.qapPerms, o.seed)
		if err != nil {
			return err
		}
		inf, err := changeInference(ctx, s, d, c, graph.TieSelection{Type: c.Type, Rule: rule, Missing: missing}, &o.inf)
		if err != nil {
			return err
		}
		extra[i] = append(ts, inf...)
	}
	if f == out.FormatJSON {
		objs := make([]any, len(changes))
		for i, c := range changes {
			obj := changeJSON(d, c, o.top)
			for _, t := range extra[i] {
				obj.Keys = append(obj.Keys, t.Name)
				if t.Columns[0] == "measure" {
					obj.Values = append(obj.Values, rowsToObject(t))
				} else {
					obj.Values = append(obj.Values, t.JSONRows())
				}
			}
			objs[i] = obj
		}
		if len(objs) == 1 {
			return out.WriteJSON(s.Out, objs[0])
		}
		return out.WriteJSON(s.Out, objs)
	}
	var ts []*out.Table
	for i, c := range changes {
		ts = append(ts, withAfter(changeTables(d, c, o.top), "attribution", extra[i])...)
	}
	if len(ts) > 0 {
		for _, w := range warnings {
			ts[0].Notes = append(ts[0].Notes, "Warning: "+w+".")
		}
	}
	return writeTables(s, f, ts...)
}

// sectorIDAt returns the id of sector k, "?" for an unlisted sector.
func sectorIDAt(d *graph.Dataset, k int) string {
	if k < 0 || k >= len(d.Sectors) {
		return "?"
	}
	return d.Sectors[k].ID
}

// orgNameList names organizations by name (their id when unnamed), at
// most limit of them, then "and N more".
func orgNameList(d *graph.Dataset, idx []int, limit int) string {
	var names []string
	for k, i := range idx {
		if limit > 0 && k == limit {
			names = append(names, fmt.Sprintf("and %d more", len(idx)-limit))
			break
		}
		o := d.Orgs[i]
		if o.Name != "" {
			names = append(names, o.Name)
		} else {
			names = append(names, o.ID)
		}
	}
	return strings.Join(names, ", ")
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
		a.NewCoparticipant, a.New, percent(a.ObservedShare), percent(a.ExpectedShare))
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
		s += fmt.Sprintf("; across sectors %d of %d (%s, expected %s)", x.NewCoparticipant, x.New, percent(x.ObservedShare), percent(x.ExpectedShare))
	}
	return s + "."
}

func pString(p float64) string {
	if p == 0 {
		return "below 1e-308"
	}
	return fmt.Sprintf("%.2g", p)
}

func percent(v float64) string {
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
func changeTables(d *graph.Dataset, c *graph.Change, top int) []*out.Table {
	pre := c.From + " to " + c.To
	if c.Type != "" {
		pre += " (type " + c.Type + ")"
	}
	pre += ": "
	ct := &out.Table{Name: "change", Title: pre + "tie change", Columns: []string{"measure", "value"}}
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
	if n := graph.JaccardNote(c.All.Jaccard()); n != "" {
		ct.Notes = append(ct.Notes, n+".")
	}
	ct.Notes = append(ct.Notes, universeNote(c))

	st := &out.Table{Name: "sector_pairs", Title: pre + "tie change by sector pair",
		Columns: []string{"sector_a", "sector_b", "pairs", "no_tie", "new", "dissolved", "kept", "hamming", "jaccard"}}
	addCounts := func(a, b string, t graph.TieCounts) {
		st.Add(a, b, t.Pairs, t.NoTie, t.New, t.Dissolved, t.Kept, t.Hamming(), t.Jaccard())
	}
	addCounts("all", "all", c.All)
	addCounts("cross-sector", "cross-sector", c.CrossSector)
	addCounts("within-sector", "within-sector", c.WithinSector)
	for _, sp := range c.SectorPairs {
		addCounts(sectorIDAt(d, sp.A), sectorIDAt(d, sp.B), sp.TieCounts)
	}

	at := &out.Table{Name: "attribution", Title: pre + "new ties among co-participants (the forum effect)",
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

	wt := &out.Table{Name: "waves", Title: pre + "the network in each wave", Columns: []string{"measure", c.From, c.To, "change"}}
	b, a := c.Before, c.After
	wt.Add("ties", b.Ties, a.Ties, a.Ties-b.Ties)
	wt.Add("cross-sector ties", b.External, a.External, a.External-b.External)
	wt.Add("within-sector ties", b.Internal, a.Internal, a.Internal-b.Internal)
	wt.Add("density", b.Density, a.Density, a.Density-b.Density)
	wt.Add("mean degree", b.MeanDegree, a.MeanDegree, a.MeanDegree-b.MeanDegree)
	wt.Add("E-I index", b.EI, a.EI, a.EI-b.EI)
	wt.Notes = append(wt.Notes, "E-I index: (cross-sector - within-sector ties) / ties (Krackhardt and Stern 1988); -1 all within sectors, +1 all across.")

	ts := []*out.Table{ct, st, at, wt}
	if c.Scores != nil {
		ts = append(ts, changeScoresTable(d, c, pre))
	}

	gt := &out.Table{Name: "top_gainers", Title: pre + "top gainers of new partners",
		Columns: []string{"org", "name", "sector", "new", "new_cross_sector", "dissolved", "kept", "new_partners"}}
	for _, o := range c.TopGainers(top) {
		org := d.Orgs[o.Org]
		gt.Add(org.ID, org.Name, org.Sector, o.New, o.NewCrossSector, o.Dissolved, o.Kept, orgNameList(d, o.NewPartners, 6))
	}

	ot := &out.Table{Name: "orgs", Title: pre + "organizations",
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

func changeScoresTable(d *graph.Dataset, c *graph.Change, pre string) *out.Table {
	t := &out.Table{Name: "scores", Title: pre + "trust and value of the ties",
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
			add("all", sectorIDAt(d, sp.A), sectorIDAt(d, sp.B), w.Wave, sp.ScoreMean)
		}
	}
	t.Notes = append(t.Notes, "A tie's score is the mean of its reports' scores (A about B and B about A); each tie counts once; trust_n and value_n count the ties with a score.")
	return t
}

func tieCountsJSON(t graph.TieCounts) out.Row {
	return out.Row{
		Keys:   []string{"pairs", "no_tie", "new", "dissolved", "kept", "hamming", "jaccard"},
		Values: []any{t.Pairs, t.NoTie, t.New, t.Dissolved, t.Kept, t.Hamming(), t.Jaccard()},
	}
}

func attributionJSON(a graph.Attribution) out.Row {
	return out.Row{
		Keys: []string{"new", "new_among_coparticipants", "observed_share", "candidates", "coparticipant_candidates",
			"expected_share", "ratio", "p_value", "p_exact", "permutations", "seed"},
		Values: []any{a.New, a.NewCoparticipant, a.ObservedShare, a.Candidates, a.Coparticipants,
			a.ExpectedShare, a.Ratio, a.PValue, a.PExact, a.Permutations, a.Seed},
	}
}

func scoreJSON(m graph.ScoreMean) out.Row {
	return out.Row{
		Keys:   []string{"ties", "trust_n", "trust_mean", "value_n", "value_mean"},
		Values: []any{m.Ties, m.TrustN, m.Trust, m.ValueN, m.Value},
	}
}

func waveScoresJSON(d *graph.Dataset, w graph.WaveScores) out.Row {
	sps := []out.Row{}
	for _, sp := range w.SectorPairs {
		r := scoreJSON(sp.ScoreMean)
		r.Keys = append([]string{"sector_a", "sector_b"}, r.Keys...)
		r.Values = append([]any{sectorIDAt(d, sp.A), sectorIDAt(d, sp.B)}, r.Values...)
		sps = append(sps, r)
	}
	return out.Row{Keys: []string{"wave", "all", "sector_pairs"}, Values: []any{w.Wave, scoreJSON(w.All), sps}}
}

// changeJSON is one wave comparison as a JSON object (keys documented in
// README.md).
func changeJSON(d *graph.Dataset, c *graph.Change, top int) out.Row {
	sps := []out.Row{}
	for _, sp := range c.SectorPairs {
		r := tieCountsJSON(sp.TieCounts)
		r.Keys = append([]string{"sector_a", "sector_b"}, r.Keys...)
		r.Values = append([]any{sectorIDAt(d, sp.A), sectorIDAt(d, sp.B)}, r.Values...)
		sps = append(sps, r)
	}
	waves := []out.Row{}
	for _, w := range []graph.WaveStats{c.Before, c.After} {
		waves = append(waves, out.Row{
			Keys:   []string{"wave", "ties", "cross_sector_ties", "within_sector_ties", "density", "mean_degree", "ei_index"},
			Values: []any{w.Wave, w.Ties, w.External, w.Internal, w.Density, w.MeanDegree, w.EI},
		})
	}
	var scores any
	if s := c.Scores; s != nil {
		scores = out.Row{
			Keys: []string{"before", "after", "new", "kept_before", "kept_after", "dissolved_before"},
			Values: []any{waveScoresJSON(d, s.Before), waveScoresJSON(d, s.After), scoreJSON(s.New),
				scoreJSON(s.KeptBefore), scoreJSON(s.KeptAfter), scoreJSON(s.DissolvedBefore)},
		}
	}
	orgRow := func(o graph.OrgChange) out.Row {
		org := d.Orgs[o.Org]
		ids := make([]string, len(o.NewPartners))
		for k, j := range o.NewPartners {
			ids[k] = d.Orgs[j].ID
		}
		return out.Row{
			Keys:   []string{"org", "name", "sector", "partners_before", "partners_after", "new", "dissolved", "kept", "new_cross_sector", "newcomer", "new_partners"},
			Values: []any{org.ID, org.Name, org.Sector, o.Before, o.After, o.New, o.Dissolved, o.Kept, o.NewCrossSector, o.Newcomer, ids},
		}
	}
	gainers := []out.Row{}
	for _, o := range c.TopGainers(top) {
		gainers = append(gainers, orgRow(o))
	}
	orgs := []out.Row{}
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
	return out.Row{
		Keys: []string{"from", "to", "type", "universe", "organizations", "pairs",
			"ties_before", "ties_after", "no_tie", "new", "dissolved", "kept", "hamming", "jaccard", "jaccard_note",
			"new_cross_sector", "new_among_coparticipants", "new_among_forum_members", "new_among_meeting_attendees",
			"new_cross_sector_among_coparticipants", "newcomers", "new_involving_newcomers",
			"meeting_window", "cross_sector", "within_sector", "sector_pairs",
			"attribution", "attribution_cross_sector", "waves", "scores", "top_gainers", "orgs"},
		Values: []any{c.From, c.To, c.Type, c.Universe.String(), c.Orgs, c.All.Pairs,
			c.All.Before(), c.All.After(), c.All.NoTie, c.All.New, c.All.Dissolved, c.All.Kept, c.All.Hamming(), c.All.Jaccard(), graph.JaccardNote(c.All.Jaccard()),
			c.NewCrossSector, c.NewAmongCoparticipants, c.NewAmongForumMembers, c.NewAmongMeetingAttendees,
			c.NewCrossAmongCoparticipants, c.Newcomers, c.NewWithNewcomer,
			out.Row{Keys: []string{"timed", "after", "until", "meetings"}, Values: []any{w.Timed, after, until, meetings}},
			tieCountsJSON(c.CrossSector), tieCountsJSON(c.WithinSector), sps,
			attributionJSON(c.Attribution), attributionJSON(c.CrossAttribution), waves, scores, gainers, orgs},
	}
}

// tieScoresTable lists the mean trust and value of each wave's ties (of
// type typ when not empty), overall and per sector pair (for summary).
func tieScoresTable(d *graph.Dataset, typ string) *out.Table {
	t := &out.Table{Name: "tie_scores", Title: "Trust and value of the ties per wave",
		Columns: []string{"wave", "sector_a", "sector_b", "ties", "trust_n", "trust_mean", "value_n", "value_mean"}}
	add := func(wave, a, b string, m graph.ScoreMean) {
		t.Add(wave, a, b, m.Ties, m.TrustN, m.Trust, m.ValueN, m.Value)
	}
	for _, w := range graph.ScoresByWave(d, typ) {
		add(w.Wave, "all", "all", w.All)
		for _, sp := range w.SectorPairs {
			add(w.Wave, sectorIDAt(d, sp.A), sectorIDAt(d, sp.B), sp.ScoreMean)
		}
	}
	what := "Ties of every type."
	if typ != "" {
		what = "Ties of type " + typ + "."
		t.Title += " (type " + typ + ")"
	}
	t.Notes = append(t.Notes, what+" A tie's score is the mean of its reports' scores (A about B and B about A); each tie counts once; trust_n and value_n count the ties with a score.")
	return t
}
