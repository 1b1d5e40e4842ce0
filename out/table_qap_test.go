package out

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestQAPView: with no outcome the view fits the forum effect of the
// sample's last two waves (2012 and 2014) by logistic QAP, its terms
// those of ForumModelTerms; an outcome that is no tie is fitted by least
// squares; what the request gets wrong is a *RequestError naming the
// flag at fault. It checks the defaults and the routing only: the
// expected tables come from the same QAPTables and graph.QAP, whose
// numbers graph's tests check against R's sna (graph/testdata/qap_ref.R).
func TestQAPView(t *testing.T) {
	ctx := context.Background()
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalysis(d, AnalysisOptions{})
	fit := func(outcome string, predict []string, model graph.QAPModel) *graph.QAPFit {
		t.Helper()
		y, x, err := graph.QAPDesign(d, outcome, predict, graph.TieSelection{})
		if err != nil {
			t.Fatal(err)
		}
		f, err := graph.QAP(ctx, y.X, x, graph.QAPOptions{Model: model, Permutations: 0})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, c := range []struct {
		name             string
		outcome, want    string
		predict, wantPre []string
		model            graph.QAPModel
	}{
		{"default", "", "new:2012:2014", nil, []string{"coparticipation:2012:2014", "same-sector", "degree-sum:2012"}, graph.QAPLogistic},
		{"tie", "tie:2014", "tie:2014", []string{"same-sector"}, []string{"same-sector"}, graph.QAPLogistic},
		{"weight", "coparticipation", "coparticipation", []string{"same-sector"}, []string{"same-sector"}, graph.QAPLinear},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, err := QAPView(ctx, a, QAPRequest{Outcome: c.outcome, Predict: c.predict, AutoModel: true})
			if err != nil {
				t.Fatal(err)
			}
			want := QAPTables("qap", "QAP regression of "+c.want, c.want, fit(c.want, c.wantPre, c.model))
			if got, want := tablesText(t, v.Tables), tablesText(t, want); got != want {
				t.Errorf("got\n%s\nwant the %v fit of %s on %v:\n%s", got, c.model, c.want, c.wantPre, want)
			}
		})
	}
	for _, c := range []struct {
		name string
		r    QAPRequest
		want string
	}{
		{"predictor", QAPRequest{Outcome: "tie:2014", Predict: []string{"nonsense"}}, "--predict: "},
		{"outcome", QAPRequest{Outcome: "nonsense", Predict: []string{"same-sector"}}, "--outcome: "},
		{"type", QAPRequest{Selection: graph.TieSelection{Type: "nonsense"}}, "nonsense"},
		{"collinear", QAPRequest{Outcome: "tie:2014", Predict: []string{"same-sector", "same-sector"}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := QAPView(ctx, a, c.r)
			var re *RequestError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want a *RequestError with %q", err, c.want)
			}
		})
	}
	one := *d
	one.Ties, one.Respondents = nil, nil
	if _, err := QAPView(ctx, NewAnalysis(&one, AnalysisOptions{}), QAPRequest{AutoModel: true}); err == nil || !strings.Contains(err.Error(), "needs ties in two waves; ties.csv has 0") {
		t.Errorf("no waves: error %v", err)
	}
}

// tablesText is ts as CSV.
func tablesText(t *testing.T, ts []*Table) string {
	t.Helper()
	var b strings.Builder
	for _, tb := range ts {
		if err := tb.Write(&b, FormatCSV); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}
