package graph

import (
	"context"
	"errors"
	"math"
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
