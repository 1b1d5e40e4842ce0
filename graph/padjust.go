package graph

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Correction is a multiple-test correction of p-values.
type Correction int

const (
	// CorrectNone leaves p-values as they are.
	CorrectNone Correction = iota
	// CorrectHolm is Holm's step-down correction (S. Holm, "A simple
	// sequentially rejective multiple test procedure", Scand. J. Statist.
	// 6, 65-70 (1979)), which controls the family-wise error rate.
	CorrectHolm
	// CorrectBH is the Benjamini-Hochberg step-up correction (Y. Benjamini
	// and Y. Hochberg, J. R. Statist. Soc. B 57, 289-300 (1995),
	// doi:10.1111/j.2517-6161.1995.tb02031.x), which controls the false
	// discovery rate.
	CorrectBH
)

// ParseCorrection reads "none", "holm" or "bh" (also "fdr", R's other name
// for it).
func ParseCorrection(s string) (Correction, error) {
	switch s {
	case "none", "":
		return CorrectNone, nil
	case "holm":
		return CorrectHolm, nil
	case "bh", "BH", "fdr":
		return CorrectBH, nil
	}
	return 0, fmt.Errorf("unknown correction %q (want none, holm or bh)", s)
}

func (c Correction) String() string {
	switch c {
	case CorrectNone:
		return "none"
	case CorrectHolm:
		return "holm"
	case CorrectBH:
		return "bh"
	}
	return "Correction(" + strconv.Itoa(int(c)) + ")"
}

// AdjustPValues returns the p-values p adjusted for the len(p) tests they
// come from, as R's p.adjust(p, method) with method "holm" or "BH":
//
//	Holm: p̃_(i) = min(1, max_{j <= i} (n - j + 1) p_(j))
//	BH:   p̃_(i) = min(1, min_{j >= i} n p_(j) / j)
//
// with p_(1) <= ... <= p_(n) the sorted values; equal p-values are ordered
// by position, which leaves the result unchanged. The values are in p's
// order. NaN values are not tests: they stay NaN and do not count in n.
func AdjustPValues(p []float64, c Correction) []float64 {
	out := slices.Clone(p)
	if c == CorrectNone {
		return out
	}
	var idx []int
	for i, x := range p {
		if !math.IsNaN(x) {
			idx = append(idx, i)
		}
	}
	n := float64(len(idx))
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case p[a] < p[b]:
			return -1
		case p[a] > p[b]:
			return 1
		}
		return 0
	})
	switch c {
	case CorrectHolm:
		run := 0.0
		for r, i := range idx {
			run = math.Max(run, (n-float64(r))*p[i])
			out[i] = math.Min(1, run)
		}
	case CorrectBH:
		run := math.Inf(1)
		for r := len(idx) - 1; r >= 0; r-- {
			i := idx[r]
			run = math.Min(run, n/float64(r+1)*p[i])
			out[i] = math.Min(1, run)
		}
	}
	return out
}

// SignificantBackbone keeps the ties of g whose p-value (one per tie in
// the order of g.Edges(), as SDSM or FDSM return them, possibly adjusted)
// is below alpha, as backbone's backbone.extract keeps Pupper < alpha.
func SignificantBackbone(g *Network, p []float64, alpha float64) Backbone {
	if len(p) != g.M() {
		panic(fmt.Sprintf("graph: %d p-values for %d ties", len(p), g.M()))
	}
	return newBackbone(g, func(k int, _ Edge) bool { return p[k] < alpha })
}
