package graph

import (
	"context"
	"strconv"
	"testing"
)

// BenchmarkSDSM is the SDSM p-values of every tie of the 5,000 and 20,000
// organization forum projections shaped like gen.py (106,035 and about
// 430,000 ties).
func BenchmarkSDSM(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		a, _ := benchAffiliation(n, 1)
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			for b.Loop() {
				SDSM(a)
			}
		})
	}
}

// BenchmarkFDSM is 100 FDSM trials on the 5,000-organization projection.
func BenchmarkFDSM(b *testing.B) {
	a, _ := benchAffiliation(5000, 1)
	for b.Loop() {
		if _, err := FDSM(context.Background(), a, FDSMOptions{Trials: 100, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
