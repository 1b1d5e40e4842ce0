package graph

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestQAPErrors: a constant term, a collinear pair and a non-binary
// logistic outcome are errors naming the term; "qap" is ambiguous.
func TestQAPErrors(t *testing.T) {
	n := 6
	y := NewDyads(n)
	a, b, c := NewDyads(n), NewDyads(n), NewDyads(n)
	for k := range y.V {
		y.V[k] = float64(k % 2)
		a.V[k] = float64(k % 3)
		b.V[k] = 2 * a.V[k]
		c.V[k] = 1
	}
	ctx := context.Background()
	_, err := QAP(ctx, y, []QAPTerm{{"a", a}, {"b", b}}, QAPOptions{})
	if !errors.Is(err, ErrCollinear) || !strings.Contains(err.Error(), `"b" is a linear combination of the intercept and "a"`) {
		t.Errorf("collinear: %v", err)
	}
	_, err = QAP(ctx, y, []QAPTerm{{"c", c}}, QAPOptions{})
	if !errors.Is(err, ErrCollinear) || !strings.Contains(err.Error(), `"c" has the same value for every dyad`) {
		t.Errorf("constant: %v", err)
	}
	_, err = QAP(ctx, a, []QAPTerm{{"y", y}}, QAPOptions{Model: QAPLogistic})
	if !errors.Is(err, ErrNotBinary) {
		t.Errorf("not binary: %v", err)
	}
	if _, err := ParseQAPNull("qap"); !errors.Is(err, ErrAmbiguousNull) {
		t.Errorf("qap: %v", err)
	}
}

// relNear reports whether a and b agree to tol relative to the larger of
// 1 and their magnitudes (both NaN agree).
func relNear(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TestQAPSameOnAnyCores: every model kind and scheme gives the same fit on
// one goroutine and on four (the linear fits once shared a QR
// factorization, which LAPACK writes into while it applies Q).
func TestQAPSameOnAnyCores(t *testing.T) {
	d := loadCSVDataset(t, filepath.Join("testdata", "qapsample"))
	models := []struct {
		model   QAPModel
		outcome string
		specs   []string
	}{
		{QAPLinear, "tie:2014", []string{"forums", "tie:2012", "same-sector"}},
		{QAPLinear, "trust:2014", []string{"forums", "same-sector"}},
		{QAPLogistic, "new:2012:2014", []string{"coparticipation:2012:2014", "same-sector", "degree-sum:2012"}},
		{QAPLogistic, "tie:2014", []string{"newman", "tie:2012"}},
	}
	for _, m := range models {
		y, terms, err := QAPDesign(d, m.outcome, m.specs, TieSelection{})
		if err != nil {
			t.Fatal(err)
		}
		for _, null := range []QAPNull{QAPY, QAPSemiPartial} {
			run := func(procs int) *QAPFit {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				f, err := QAP(context.Background(), y.X, terms, QAPOptions{Model: m.model, Null: null, Permutations: 60, Seed: 4})
				if err != nil {
					t.Fatal(err)
				}
				return f
			}
			if a, b := run(1), run(4); !reflect.DeepEqual(a, b) {
				t.Errorf("%s %s %s: one goroutine and four differ", m.model, m.outcome, null)
			}
		}
	}
}

// TestQAPDesign: the terms are QAPOutcome's and QAPPredictors' in order
// (sector-pairs makes several), and an error says whether the outcome or
// a predictor is at fault.
func TestQAPDesign(t *testing.T) {
	d := loadCSVDataset(t, filepath.Join("testdata", "qapsample"))
	y, x, err := QAPDesign(d, "tie:2014", []string{"forums", "sector-pairs", "same-sector"}, TieSelection{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := QAPOutcome(d, "tie:2014", TieSelection{})
	pairs, _ := QAPPredictors(d, "sector-pairs", TieSelection{})
	if !reflect.DeepEqual(y, want) || len(x) != 2+len(pairs) || x[0].Name != "forums" || x[1].Name != pairs[0].Name || x[len(x)-1].Name != "same-sector" {
		t.Errorf("outcome %s, predictors %d (want %d)", y.Name, len(x), 2+len(pairs))
	}
	for _, tt := range []struct {
		outcome string
		predict []string
		isOut   bool
	}{
		{"tie:1999", []string{"forums"}, true},
		{"tie:2014", []string{"forums", "nonsense"}, false},
	} {
		_, _, err := QAPDesign(d, tt.outcome, tt.predict, TieSelection{})
		var te *TermError
		if !errors.As(err, &te) || te.Outcome != tt.isOut || !errors.Is(err, ErrUnknownTerm) {
			t.Errorf("QAPDesign(%s, %v) = %v, want a *TermError of the outcome: %v", tt.outcome, tt.predict, err, tt.isOut)
		}
	}
}
