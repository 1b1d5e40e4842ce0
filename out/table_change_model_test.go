package out

import (
	"context"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
)

// TestChangeModelMaxPairs: above ModelMaxPairs the forum-effect model is
// not fitted and its table says why and how to fit it. The sample's
// comparison covers its 169 organizations: 169*168/2 = 14,196 pairs.
func TestChangeModelMaxPairs(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalysis(d, AnalysisOptions{})
	o := DefaultChange
	o.ModelMaxPairs = 14195
	v, err := ChangeTables(context.Background(), a, o)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range v.Tables {
		names = append(names, tb.Name)
		if tb.Name == "forum_model" {
			var b strings.Builder
			if err := tb.Write(&b, FormatCSV); err != nil {
				t.Fatal(err)
			}
			want := "not fitted in the report: 169 organizations make 14196 pairs, more than the report's 14195 (its 1000 permutations"
			if !strings.Contains(b.String(), want) || !strings.Contains(b.String(), "sectornet change --from 2012 --to 2014 fits it") {
				t.Errorf("forum_model table:\n%s\nwant %q", b.String(), want)
			}
		}
		if tb.Name == "forum_model_fit" {
			t.Error("the model was fitted")
		}
	}
	if !strings.Contains(strings.Join(names, " "), "forum_model") {
		t.Errorf("no forum_model table in %v", names)
	}
}
