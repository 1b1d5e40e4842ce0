package out

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// surveyDataset: sectors gov (A, B, F) and bus (C, D, E, G); wave 1
// answered by A, B, C, E; reports A->B, B->A, A->C, C->D, B->F, E->C, C->E.
func surveyDataset() *graph.Dataset {
	d := &graph.Dataset{Sectors: []graph.Sector{{ID: "gov", Label: "Government"}, {ID: "bus", Label: "Business"}}}
	for _, o := range [][2]string{{"A", "gov"}, {"B", "gov"}, {"C", "bus"}, {"D", "bus"}, {"E", "bus"}, {"F", "gov"}, {"G", "bus"}} {
		d.Orgs = append(d.Orgs, graph.Organization{ID: o[0], Name: "Org " + o[0], Sector: o[1]})
	}
	for _, o := range []string{"A", "B", "C", "E"} {
		d.Respondents = append(d.Respondents, graph.Respondent{Org: o, Wave: "1"})
	}
	for _, r := range [][2]string{{"A", "B"}, {"B", "A"}, {"A", "C"}, {"C", "D"}, {"B", "F"}, {"E", "C"}, {"C", "E"}} {
		d.Ties = append(d.Ties, graph.Tie{Source: r[0], Target: r[1], Wave: "1", Weight: 1, Trust: graph.NoScore, Value: graph.NoScore})
	}
	return d
}

// TestEISensitivity: the E-I index of wave 1 under each rule, by hand.
// max and union keep A-B, B-F, C-D, C-E (within) and A-C (across):
// (1-4)/5 = -0.6; min and reciprocated lose A-C: -1; respondent-only keeps
// A-B, C-E and A-C: (1-2)/3 = -0.33.
func TestEISensitivity(t *testing.T) {
	got := EISensitivity(surveyDataset(), "1", "", graph.RuleMax, graph.MissingReconstruct)
	want := "Under the other symmetrization rules: min -1.00, union -0.60, reciprocated -1.00, respondent-only -0.33."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	cs := []graph.ChangeUnderRule{{Rule: graph.RuleMax, New: 9}, {Rule: graph.RuleMin, New: 5, NewCrossSector: 2, NewAmongCoparticipants: 4, Ratio: 3.14159}}
	if line := ChangeSensitivityLine(cs, graph.RuleMax); line != "Under the other symmetrization rules: min 5 new (2 across sectors)." {
		t.Errorf("change line %q", line)
	}
	if line := ForumEffectSensitivityLine(cs, graph.RuleMax); line != "Under the other symmetrization rules: min 3.1 times (4 of 5 new ties among co-participants)." {
		t.Errorf("forum effect line %q", line)
	}
}

// TestSurveySectionMarkdown: the data-quality section and a headline's
// sensitivity line reach report.md.
func TestSurveySectionMarkdown(t *testing.T) {
	d := surveyDataset()
	q := graph.Quality(d, "", graph.MissingReconstruct)
	sec := SurveySection(d, q, graph.RuleMax, graph.MissingReconstruct, nil)
	if sec.Skipped != "" || len(sec.Lead) < 6 || !strings.HasPrefix(sec.Lead[2], "Response: 1: 4 of 7 organizations answered (57%") {
		t.Fatalf("section %+v", sec)
	}
	doc := &ReportDoc{Title: "t", Headline: []Headline{{Label: "E-I", Text: "-0.6", Section: sec.ID,
		Sensitivity: EISensitivity(d, "1", "", graph.RuleMax, graph.MissingReconstruct)}}, Sections: []DocSection{sec}}
	var b bytes.Buffer
	if err := WriteReportMarkdown(&b, doc); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"(see Survey data quality)  \n  *Under the other symmetrization rules: min -1.00", "## Survey data quality", "Boundary: the 7 organizations"} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q:\n%s", want, md)
		}
	}
}
