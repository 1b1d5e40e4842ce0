package graph

import (
	"context"
	"path/filepath"
	"testing"
)

// qapBenchModel builds a model of testdata/qapsample or qap300.
func qapBenchModel(b *testing.B, dir, outcome string, specs ...string) (Dyads, []QAPTerm) {
	b.Helper()
	d := loadCSVDataset(b, filepath.Join("testdata", dir))
	y, err := QAPOutcome(d, outcome, TieSelection{})
	if err != nil {
		b.Fatal(err)
	}
	var terms []QAPTerm
	for _, s := range specs {
		ts, err := QAPPredictors(d, s, TieSelection{})
		if err != nil {
			b.Fatal(err)
		}
		terms = append(terms, ts...)
	}
	return y.X, terms
}

// BenchmarkQAPForumModel: the forum-effect model of the sample (169
// organizations, 14,011 pairs at risk, 4 coefficients), logistic,
// semi-partialling, 1000 permutations per coefficient: the grouped fits.
func BenchmarkQAPForumModel(b *testing.B) {
	y, terms := qapBenchModel(b, "qapsample", "new:2012:2014", "coparticipation:2012:2014", "same-sector", "degree-sum:2012")
	for b.Loop() {
		if _, err := QAP(context.Background(), y, terms, QAPOptions{Model: QAPLogistic, Null: QAPSemiPartial, Permutations: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQAPContinuous: a logistic model of qap300 (44,850 pairs) with a
// continuous predictor (diff:staff), so that every permutation is a fit
// over all pairs; 5 coefficients, semi-partialling, 100 permutations each.
func BenchmarkQAPContinuous(b *testing.B) {
	y, terms := qapBenchModel(b, "qap300", "tie:2014", "forums", "diff:staff", "same:region", "tie:2012")
	for b.Loop() {
		if _, err := QAP(context.Background(), y, terms, QAPOptions{Model: QAPLogistic, Null: QAPSemiPartial, Permutations: 100, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQAPLinear: a least-squares model of qap300 with 6 coefficients,
// 1000 permutations of each kind.
func BenchmarkQAPLinear(b *testing.B) {
	y, terms := qapBenchModel(b, "qap300", "tie:2014", "forums", "meetings:2012:2014", "same:region", "diff:staff", "degree-sum:2012")
	for _, null := range []QAPNull{QAPY, QAPSemiPartial} {
		b.Run(null.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := QAP(context.Background(), y, terms, QAPOptions{Model: QAPLinear, Null: null, Permutations: 1000, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCUGAndBootstrap: 1000 random graphs (five statistics) and 1000
// bootstrap samples of qap300's 2014 ties.
func BenchmarkCUGAndBootstrap(b *testing.B) {
	d := loadCSVDataset(b, filepath.Join("testdata", "qap300"))
	g, p := TieNetwork(d, "2014", ""), SectorGroups(d)
	b.Run("cug", func(b *testing.B) {
		for b.Loop() {
			if _, err := CUGTest(context.Background(), g, SectorStatistics(p), CUGOptions{Reps: 1000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bootstrap", func(b *testing.B) {
		for b.Loop() {
			if _, err := VertexBootstrap(context.Background(), []*Network{g}, p, BootstrapOptions{Reps: 1000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
