package out

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

func pct(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

// lowestSector names the sector whose response rate in w is lowest, with
// its counts ("Business 16 of 38 (42%)").
func lowestSector(d *graph.Dataset, w graph.WaveResponse) (string, float64) {
	_, text, rate := lowestSectorIndex(d, w)
	return text, rate
}

func lowestSectorIndex(d *graph.Dataset, w graph.WaveResponse) (int, string, float64) {
	best, rate := -1, math.Inf(1)
	for k, c := range w.Sectors {
		if c.Orgs > 0 && c.Rate < rate {
			best, rate = k, c.Rate
		}
	}
	if best < 0 {
		return -1, "", math.NaN()
	}
	c := w.Sectors[best]
	return best, fmt.Sprintf("%s %d of %d (%s)", d.Sectors[best].Name(), c.Responded, c.Orgs, pct(c.Rate)), rate
}

// DataQuality returns the data-quality section's items for the survey
// waves of d, one line each, in the order reporting guidelines for
// network data ask for them (GRAND; SoNHR, PLOS ONE 2023,
// doi:10.1371/journal.pone.0285236): the boundary, the collection, the
// response, the ties and their direction, the symmetrization, the
// missing data and its treatment, and the sensitivity of the results.
// rule and missing are the analysis's choices.
func DataQuality(d *graph.Dataset, q graph.SurveyQuality, rule graph.Rule, missing graph.Missing) []string {
	if len(q.Waves) == 0 {
		return nil
	}
	var items []string
	waves := make([]string, len(q.Waves))
	for i, w := range q.Waves {
		waves[i] = w.Wave
	}
	items = append(items, fmt.Sprintf("Boundary: the %d organizations of organizations.csv (a roster: every respondent was asked about every other organization).", len(d.Orgs)))
	var coll []string
	for _, w := range q.Waves {
		first, last := "", ""
		for _, r := range d.Respondents {
			if r.Wave != w.Wave || r.Date.IsZero() {
				continue
			}
			s := r.Date.Format("2006-01-02")
			if first == "" || s < first {
				first = s
			}
			if s > last {
				last = s
			}
		}
		if first != "" {
			coll = append(coll, fmt.Sprintf("wave %s answered from %s to %s", w.Wave, first, last))
		}
	}
	when := "no answer dates (respondents.csv gives none)"
	if len(coll) > 0 {
		when = strings.Join(coll, "; ")
	}
	items = append(items, fmt.Sprintf("Collection: %d survey %s (%s); %s.", len(q.Waves), pluralWord(len(q.Waves), "wave", "waves"), strings.Join(waves, ", "), when))
	var resp []string
	for _, w := range q.Waves {
		r := w.Response
		s := fmt.Sprintf("%s: %d of %d organizations answered (%s", w.Wave, r.All.Responded, r.All.Orgs, pct(r.All.Rate))
		if r.InForums.Orgs > 0 && r.NoForum.Orgs > 0 {
			s += fmt.Sprintf("; %s of forum members, %s of the others", pct(r.InForums.Rate), pct(r.NoForum.Rate))
		}
		s += ")"
		if low, _ := lowestSector(d, r); low != "" {
			s += "; lowest: " + low
		}
		if r.Inferred {
			s += "; respondents inferred from the reports (no respondents.csv rows), so an organization that answered and named nobody counts as a nonrespondent"
		}
		resp = append(resp, s)
	}
	items = append(items, "Response: "+strings.Join(resp, ". ")+".")
	var ties []string
	for _, w := range q.Waves {
		x := w.Reciprocity
		ties = append(ties, fmt.Sprintf("%s: %d reports in %d pairs, %d named by both sides (dyad reciprocity %.2f, arc reciprocity %.2f); of the %d reported pairs where both answered, %s were confirmed by both",
			w.Wave, x.Arcs, x.Mutual+x.Asym, x.Mutual, x.Dyad, x.Arc, x.BothAnswered, pct(x.Confirmed)))
	}
	typ := ""
	if q.Type != "" {
		typ = fmt.Sprintf(" of type %q", q.Type)
	}
	items = append(items, fmt.Sprintf("Ties: each report%s is directed (an organization naming a partner, with a weight). %s.", typ, strings.Join(ties, "; ")))
	items = append(items, "Symmetrization: "+ruleSentence(rule)+".")
	var miss []string
	for _, w := range q.Waves {
		for _, c := range w.Observed {
			if c.Rule == rule {
				miss = append(miss, fmt.Sprintf("%s: %d of %d pairs observed; density %.4f over them against %.4f over all pairs", w.Wave, c.Dyads, c.Orgs*(c.Orgs-1)/2, c.Density, c.AllPairsDensity))
			}
		}
	}
	items = append(items, "Missing data: "+missingSentence(missing)+" "+strings.Join(miss, "; ")+".")
	var newt []string
	for _, n := range q.NewTies {
		if n.New > 0 {
			newt = append(newt, fmt.Sprintf("%d of the %d new ties from %s to %s (%s) join an organization that did not answer %s, so some may be old ties nobody reported", n.Nonrespondent, n.New, n.From, n.To, pct(ratioOf(n.Nonrespondent, n.New)), n.From))
		}
	}
	if len(newt) > 0 {
		items = append(items, "Change: "+strings.Join(newt, "; ")+".")
	}
	last := q.Waves[len(q.Waves)-1]
	var sens []string
	for _, c := range last.Observed {
		ei := "n/a"
		if !math.IsNaN(c.EI) {
			ei = fmt.Sprintf("%.3f", c.EI)
		}
		sens = append(sens, fmt.Sprintf("%s %d %s (E-I %s)", c.Rule, c.Ties, pluralWord(c.Ties, "tie", "ties"), ei))
	}
	items = append(items, fmt.Sprintf("Sensitivity (wave %s, each symmetrization rule): %s.", last.Wave, strings.Join(sens, ", ")))
	return items
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func ruleSentence(r graph.Rule) string {
	switch r {
	case graph.RuleMin:
		return "a tie where every organization that answered named the other (min), weighted by the smaller report"
	case graph.RuleUnion:
		return "a tie where either organization named the other (union), weighted by the mean of the reports"
	case graph.RuleReciprocated:
		return "a tie only where both organizations named each other (reciprocated), weighted by the mean of the two reports"
	case graph.RuleRespondentOnly:
		return "the ties among respondents only, where either named the other (respondent-only), weighted by the larger report"
	}
	return "a tie where either organization named the other (max), weighted by the larger of the two reports"
}

func missingSentence(m graph.Missing) string {
	if m == graph.MissingDrop {
		return "ties that involve a nonrespondent were dropped (the analysis covers the dyads of two respondents)."
	}
	return "a nonrespondent's ties were reconstructed from its partners' reports (Stork and Richards 1992); pairs of two nonrespondents are unobserved."
}

// MethodsParagraph returns a paragraph for a paper's methods section
// describing the survey data and its treatment.
func MethodsParagraph(d *graph.Dataset, q graph.SurveyQuality, rule graph.Rule, missing graph.Missing) string {
	if len(q.Waves) == 0 {
		return ""
	}
	var b strings.Builder
	var rates []string
	for _, w := range q.Waves {
		rates = append(rates, fmt.Sprintf("%d of %d in %s (%s)", w.Response.All.Responded, w.Response.All.Orgs, w.Wave, pct(w.Response.All.Rate)))
	}
	fmt.Fprintf(&b, "Collaboration ties were measured with a roster survey of the %d partner organizations in %d %s; %s answered. ",
		len(d.Orgs), len(q.Waves), pluralWord(len(q.Waves), "wave", "waves"), strings.Join(rates, " and "))
	lows := map[string]bool{}
	var lowNames []string
	for _, w := range q.Waves {
		if k, _, rate := lowestSectorIndex(d, w.Response); k >= 0 && rate < w.Response.All.Rate-0.1 {
			name := graph.SectorCodeLabel(d.Sectors[k])
			if !lows[name] {
				lows[name] = true
				lowNames = append(lowNames, name)
			}
		}
	}
	sort.Strings(lowNames)
	if len(lowNames) > 0 {
		fmt.Fprintf(&b, "Response was lowest among %s organizations, whose ties are therefore known mostly from their partners' reports. ", strings.Join(lowNames, " and "))
	}
	last := q.Waves[len(q.Waves)-1].Reciprocity
	fmt.Fprintf(&b, "Each respondent reported the organizations it had worked with; in the %s wave %s of the ties between two respondents were reported by both. ", last.Wave, pct(last.Confirmed))
	fmt.Fprintf(&b, "The reports were symmetrized by %s rule, %s; %s ", ruleName(rule), ruleSentence(rule), missingSentence(missing))
	b.WriteString("Densities are given over the observed dyads as well as over all pairs, and every headline result is repeated under the other symmetrization rules (max, min, union, reciprocated, respondent-only).")
	return b.String()
}

func ruleName(r graph.Rule) string {
	if r == graph.RuleMax {
		return "the maximum"
	}
	return "the " + r.String()
}
