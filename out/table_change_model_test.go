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
			if !strings.Contains(b.String(), want) || !strings.Contains(b.String(), "sectornet change --from 2012 --to 2014 --qap-permutations N fits it") {
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

// TestChangeModelUnasked: change's own bound (its default permutations,
// not the user's) says how to ask for the model; more organizations than
// QAPMaxOrgs are never fitted (every pair is a row in memory).
func TestChangeModelUnasked(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalysis(d, AnalysisOptions{})
	o := DefaultChange
	o.ModelMaxPairs, o.ModelUnasked = 14195, true
	v, err := ChangeTables(context.Background(), a, o)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tb := range v.Tables {
		if tb.Name != "forum_model" {
			continue
		}
		found = true
		var b strings.Builder
		if err := tb.Write(&b, FormatCSV); err != nil {
			t.Fatal(err)
		}
		want := "not fitted: 169 organizations make 14196 pairs, more than 14195, and 1000 permutations per coefficient would take hours; give --qap-permutations N to fit it"
		if !strings.Contains(b.String(), want) {
			t.Errorf("forum_model table:\n%s\nwant %q", b.String(), want)
		}
	}
	if !found {
		t.Error("no forum_model table")
	}
	// 4001 organizations make 8,002,000 pairs (4001*4000/2).
	if err := QAPTooLarge(4001); err == nil || !strings.Contains(err.Error(), "4001 organizations make 8002000 pairs; it is limited to 4000") {
		t.Errorf("QAPTooLarge(4001) = %v", err)
	}
	if err := QAPTooLarge(4000); err != nil {
		t.Errorf("QAPTooLarge(4000) = %v", err)
	}
}
