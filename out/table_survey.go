package out

import (
	"fmt"
	"math"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// RespondentSource says where a wave's respondents come from, as every
// survey table says it.
func RespondentSource(inferred bool) string {
	if inferred {
		return "inferred from the reports"
	}
	return "respondents.csv"
}

func respondentNote(q graph.SurveyQuality) string {
	var listed, inferred []string
	for _, w := range q.Waves {
		if w.Response.Inferred {
			inferred = append(inferred, w.Wave)
		} else {
			listed = append(listed, w.Wave)
		}
	}
	var parts []string
	if len(listed) > 0 {
		parts = append(parts, "respondents of "+strings.Join(listed, ", ")+" from respondents.csv")
	}
	if len(inferred) > 0 {
		parts = append(parts, "respondents of "+strings.Join(inferred, ", ")+" inferred: the organizations that reported a tie (one that answered and named no partner counts as a nonrespondent)")
	}
	return "Respondents: " + strings.Join(parts, "; ") + "."
}

// SurveyTableOptions choose the survey tables.
type SurveyTableOptions struct {
	Directed bool   // add each organization's in- and out-degree per wave
	Ties     bool   // add every tie's PARTNER scores
	Wave     string // only this wave (every wave when empty)
}

// SurveyTables lays out the survey waves of d: response per wave, sector
// and forum; reciprocity of the reports; observed-cell statistics under
// every rule; new ties that join a nonrespondent of the earlier wave; and
// PARTNER's trust and value when the reports carry them.
func SurveyTables(d *graph.Dataset, q graph.SurveyQuality, o SurveyTableOptions) []*Table {
	note := respondentNote(q)
	keep := func(w string) bool { return o.Wave == "" || w == o.Wave }
	resp := &Table{Name: "response", Title: "Response per wave",
		Columns: []string{"wave", "organizations", "respondents", "rate", "in_forums", "in_forums_responded", "no_forum", "no_forum_responded", "respondents_from"}}
	sect := &Table{Name: "response_sectors", Title: "Response per sector",
		Columns: []string{"wave", "sector", "organizations", "respondents", "rate", "respondents_from"}}
	forums := &Table{Name: "response_forums", Title: "Response per forum (its members)",
		Columns: []string{"wave", "forum", "members", "respondents", "rate", "respondents_from"}}
	recip := &Table{Name: "reciprocity", Title: "Directed reports: reciprocity",
		Columns: []string{"wave", "reports", "mutual", "asymmetric", "null", "arc_reciprocity", "dyad_reciprocity", "dyadic", "both_answered", "confirmed", "respondents_from"}}
	obs := &Table{Name: "observed", Title: "Observed cells: density and E-I over the dyads each rule observes",
		Columns: []string{"wave", "rule", "missing", "observed_dyads", "ties", "density", "all_pairs_density", "cross_density", "within_density", "ei_index", "expected_ei", "respondents_from"}}
	for _, w := range q.Waves {
		if !keep(w.Wave) {
			continue
		}
		src := RespondentSource(w.Response.Inferred)
		r := w.Response
		resp.Add(w.Wave, r.All.Orgs, r.All.Responded, Round(r.All.Rate, 3), r.InForums.Orgs, r.InForums.Responded, r.NoForum.Orgs, r.NoForum.Responded, src)
		for k, s := range d.Sectors {
			c := r.Sectors[k]
			sect.Add(w.Wave, s.Name(), c.Orgs, c.Responded, Round(c.Rate, 3), src)
		}
		for k, f := range d.Forums {
			c := r.Forums[k]
			forums.Add(w.Wave, f.ID, c.Orgs, c.Responded, Round(c.Rate, 3), src)
		}
		x := w.Reciprocity
		recip.Add(w.Wave, x.Arcs, x.Mutual, x.Asym, x.Null, Round(x.Arc, 3), Round(x.Dyad, 3), Round(x.Dyadic, 4), x.BothAnswered, Round(x.Confirmed, 3), src)
		for _, c := range w.Observed {
			obs.Add(w.Wave, c.Rule.String(), c.Missing.String(), c.Dyads, c.Ties, Round(c.Density, 4), Round(c.AllPairsDensity, 4),
				Round(c.CrossDensity, 4), Round(c.WithinDensity, 4), Round(c.EI, 3), Round(c.ExpectedEI, 3), src)
		}
	}
	resp.Notes = []string{note}
	sect.Notes = []string{note}
	forums.Notes = []string{note}
	recip.Notes = []string{"arc_reciprocity: share of reports named back, 2M/(2M+A) (NetworkX reciprocity, sna grecip edgewise); dyad_reciprocity: share of reported pairs named by both sides, M/(M+A) (sna dyadic.nonnull); dyadic: share of all pairs that are symmetric, null ones included (sna grecip's default).",
		"confirmed: of the reported pairs whose two organizations both answered, the share both named: the ties that could be confirmed and were.", note}
	obs.Notes = []string{"An observed dyad is one the rule can see: at least one side answered (max, min, union with --missing reconstruct), else both. expected_ei: the E-I index if the ties fell at random on the observed dyads.", note}
	ts := []*Table{resp, sect, forums, recip, obs}
	if len(q.NewTies) > 0 {
		nt := &Table{Name: "new_ties_nonrespondents", Title: "New ties that join a nonrespondent of the earlier wave",
			Columns: []string{"from", "to", "new", "joining_nonrespondent", "share", "nonrespondents_of_from", "respondents_from"}}
		for _, n := range q.NewTies {
			nt.Add(n.From, n.To, n.New, n.Nonrespondent, Round(ratioOf(n.Nonrespondent, n.New), 3), n.NonrespondentsOf, RespondentSource(n.FromInferred))
		}
		nt.Notes = []string{"Such a tie may be an old one nobody reported in the earlier wave, not a new one."}
		ts = append(ts, nt)
	}
	if o.Directed {
		deg := &Table{Name: "degrees", Title: "Directed reports per organization: out-degree (partners it named) and in-degree (organizations that named it)",
			Columns: []string{"wave", "org", "name", "sector", "responded", "out_degree", "in_degree"}}
		for _, w := range d.Waves() {
			if !keep(w) {
				continue
			}
			r := graph.DirectedReports(d, w, q.Type)
			in, outd := r.Degrees()
			for i, org := range d.Orgs {
				deg.Add(w, org.ID, org.Name, org.Sector, r.Response.Responded[i], outd[i], in[i])
			}
		}
		deg.Notes = []string{"As sna degree(g, cmode=\"outdegree\"/\"indegree\") and NetworkX out_degree/in_degree on the report digraph.", note}
		ts = append(ts, deg)
	}
	if graph.HasPartner(d, q.Type) {
		ts = append(ts, PartnerTables(d, graph.PartnerScores(d, q.Type), o)...)
	}
	return ts
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// PartnerTables lays out PARTNER's trust and value per wave, sector pair,
// organization (as rated by others) and, with o.Ties, tie, each next to
// the trust and value columns of ties.csv.
func PartnerTables(d *graph.Dataset, ws []graph.PartnerWave, o SurveyTableOptions) []*Table {
	keep := func(w string) bool { return o.Wave == "" || w == o.Wave }
	waves := &Table{Name: "partner_waves", Title: "PARTNER trust and value per wave",
		Columns: []string{"wave", "ties", "ties_scored", "partner_trust", "partner_value", "trust", "value"}}
	pairs := &Table{Name: "partner_sectors", Title: "PARTNER trust and value per sector pair",
		Columns: []string{"wave", "sector_a", "sector_b", "ties", "ties_scored", "partner_trust", "partner_value", "trust", "value"}}
	orgs := &Table{Name: "partner_orgs", Title: "PARTNER trust and value per organization, as rated by others",
		Columns: []string{"wave", "org", "name", "sector", "raters", "partner_trust", "partner_value", "trust", "value"}}
	ties := &Table{Name: "partner_ties", Title: "PARTNER trust and value per tie",
		Columns: []string{"wave", "org_a", "org_b", "reports", "partner_trust", "partner_value", "trust", "value"}}
	for _, w := range ws {
		if !keep(w.Wave) || w.All.TrustN+w.All.ValueN == 0 {
			continue
		}
		waves.Add(w.Wave, w.All.Ties, max(w.All.TrustN, w.All.ValueN), Round(w.All.PartnerTrust, 2), Round(w.All.PartnerValue, 2), Round(w.All.Trust, 2), Round(w.All.Value, 2))
		for _, sp := range w.SectorPairs {
			pairs.Add(w.Wave, d.Sectors[sp.A].Name(), d.Sectors[sp.B].Name(), sp.Ties, max(sp.TrustN, sp.ValueN), Round(sp.PartnerTrust, 2), Round(sp.PartnerValue, 2), Round(sp.Trust, 2), Round(sp.Value, 2))
		}
		for _, x := range w.Orgs {
			if x.Raters == 0 {
				continue
			}
			org := d.Orgs[x.Org]
			orgs.Add(w.Wave, org.ID, org.Name, org.Sector, x.Raters, Round(x.PartnerTrust, 2), Round(x.PartnerValue, 2), Round(x.Trust, 2), Round(x.Value, 2))
		}
		for _, x := range w.Ties {
			ties.Add(w.Wave, d.Orgs[x.A].ID, d.Orgs[x.B].ID, x.Reports, Round(x.PartnerTrust, 2), Round(x.PartnerValue, 2), Round(x.Trust, 2), Round(x.Value, 2))
		}
	}
	def := "PARTNER trust is the mean of reliability, support of the mission and openness to discussion; value the mean of power or influence, involvement and resource contribution (each 1-4, over the items answered). A tie's score is the mean of its reports; trust and value are the ties.csv columns of the same ties."
	waves.Notes = []string{def}
	pairs.Notes = []string{def}
	orgs.Notes = []string{"raters: reports about the organization with PARTNER items (its own reports are not counted). " + def}
	ts := []*Table{waves, pairs, orgs}
	if o.Ties {
		ties.Notes = []string{def}
		ts = append(ts, ties)
	}
	return ts
}

// Headline measures whose sensitivity to the rule SensitivityTable shows.
var sensitivityMeasures = []struct {
	name string
	f    func(g *graph.Network, p graph.Groups) float64
}{
	{"ties", func(g *graph.Network, _ graph.Groups) float64 { return float64(len(g.Edges())) }},
	{"density", func(g *graph.Network, _ graph.Groups) float64 { return g.Density() }},
	{"mean degree", func(g *graph.Network, _ graph.Groups) float64 {
		if g.N() == 0 {
			return math.NaN()
		}
		return 2 * float64(len(g.Edges())) / float64(g.N())
	}},
	{"E-I index", func(g *graph.Network, p graph.Groups) float64 { return graph.EIIndex(g, p).Index }},
	{"cross-sector ties", func(g *graph.Network, p graph.Groups) float64 { return float64(graph.EIIndex(g, p).External) }},
}

// SensitivityTable shows each headline number of a wave's tie network
// under every symmetrization rule, with missing.
func SensitivityTable(d *graph.Dataset, wave, typ string, missing graph.Missing) *Table {
	t := &Table{Name: "sensitivity", Title: fmt.Sprintf("Wave %s under each symmetrization rule (--missing %s)", wave, missing),
		Columns: []string{"measure"}}
	for _, r := range graph.Rules {
		t.Columns = append(t.Columns, r.String())
	}
	p := graph.SectorGroups(d)
	for _, m := range sensitivityMeasures {
		row := []any{m.name}
		for _, rv := range graph.Sensitivity(d, wave, typ, missing, func(g *graph.Network) float64 { return m.f(g, p) }) {
			places := 3
			if m.name == "ties" || m.name == "cross-sector ties" {
				row = append(row, int(rv.Value))
				continue
			}
			if m.name == "density" {
				places = 4
			}
			row = append(row, Round(rv.Value, places))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Notes = []string{"max: either side's report, the larger weight (the default); min: every side that answered must name the tie; union: either side, the mean weight; reciprocated: both sides; respondent-only: ties among respondents."}
	return t
}

// SensitivityLine is the line under a headline: the number under the
// other rules than current, formatted by format ("under the other rules:
// min -0.28, union -0.21, ...").
func SensitivityLine(values []graph.RuleValue, current graph.Rule, format func(float64) string) string {
	var parts []string
	for _, rv := range values {
		if rv.Rule != current {
			parts = append(parts, rv.Rule.String()+" "+format(rv.Value))
		}
	}
	return "Under the other symmetrization rules: " + strings.Join(parts, ", ") + "."
}
