package out

import (
	"fmt"
	"math"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// SurveySection is the report's data-quality section for the survey waves
// of d: the data-quality items (DataQuality) as its lead, the response
// rate, reciprocity and observed density of the latest wave as measures,
// and tables, the survey tables of SurveyTables with the files the report
// wrote them to (the caller's). Skipped when d has no survey wave.
func SurveySection(d *graph.Dataset, q graph.SurveyQuality, rule graph.Rule, missing graph.Missing, tables []DocTable) DocSection {
	s := DocSection{ID: "data-quality", Title: "Survey data quality"}
	if len(q.Waves) == 0 {
		s.Skipped = "the dataset has no survey wave (ties.csv or respondents.csv)"
		return s
	}
	s.Lead = DataQuality(d, q, rule, missing)
	w := q.Waves[len(q.Waves)-1]
	s.Measures = []MeasureNote{
		{Name: "response rate " + w.Wave, Value: pct(w.Response.All.Rate),
			Meaning: "the share of the organizations that answered the survey (" + RespondentSource(w.Response.Inferred) + "); the ties of the others are known only from their partners' reports"},
		{Name: "dyad reciprocity " + w.Wave, Value: fmt.Sprintf("%.2f", w.Reciprocity.Dyad),
			Meaning: "the share of reported pairs that both sides named; low values are usual in partner surveys, and say that a tie one side reports is often not recalled by the other"},
		{Name: "confirmed " + w.Wave, Value: pct(w.Reciprocity.Confirmed),
			Meaning: "of the reported pairs where both organizations answered, the share both named"},
	}
	for _, c := range w.Observed {
		if c.Rule == rule {
			s.Measures = append(s.Measures, MeasureNote{Name: "observed-cell density " + w.Wave, Value: fmt.Sprintf("%.4f", c.Density),
				Meaning: fmt.Sprintf("ties over the %d pairs the survey could observe, against %.4f over all pairs", c.Dyads, c.AllPairsDensity)})
		}
	}
	s.Tables = tables
	return s
}

// EISensitivity is the sensitivity line under an E-I headline about the
// tie network of wave: the E-I index under the rules other than rule.
func EISensitivity(d *graph.Dataset, wave, typ string, rule graph.Rule, missing graph.Missing) string {
	p := graph.SectorGroups(d)
	vs := graph.Sensitivity(d, wave, typ, missing, func(g *graph.Network) float64 { return graph.EIIndex(g, p).Index })
	return SensitivityLine(vs, rule, func(x float64) string { return fmt.Sprintf("%.2f", x) })
}

// ChangeSensitivityLine is the sensitivity line under a headline about new
// ties between two waves: the new ties and the new cross-sector ties under
// the rules other than rule.
func ChangeSensitivityLine(cs []graph.ChangeUnderRule, rule graph.Rule) string {
	var parts []string
	for _, c := range cs {
		if c.Rule != rule {
			parts = append(parts, fmt.Sprintf("%s %d new (%d across sectors)", c.Rule, c.New, c.NewCrossSector))
		}
	}
	return "Under the other symmetrization rules: " + strings.Join(parts, ", ") + "."
}

// ForumEffectSensitivityLine is the sensitivity line under the forum
// effect headline: the ratio of observed to expected new ties among
// co-participants under the rules other than rule.
func ForumEffectSensitivityLine(cs []graph.ChangeUnderRule, rule graph.Rule) string {
	var parts []string
	for _, c := range cs {
		if c.Rule == rule {
			continue
		}
		effect := "n/a"
		if !math.IsNaN(c.Ratio) && !math.IsInf(c.Ratio, 0) {
			effect = fmt.Sprintf("%.1f times", c.Ratio)
		}
		parts = append(parts, fmt.Sprintf("%s %s (%d of %d new ties among co-participants)", c.Rule, effect, c.NewAmongCoparticipants, c.New))
	}
	return "Under the other symmetrization rules: " + strings.Join(parts, ", ") + "."
}
