package out

import (
	"context"
	"sync"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// The dense network of issue 20: one forum of 5,000 members, a complete
// network of 12,497,500 ties.
//
//	go test ./out -run XXX -bench Dense -benchtime 1x

var benchDense struct {
	once sync.Once
	g    *graph.Network
}

func denseNetwork() *graph.Network {
	benchDense.once.Do(func() {
		const n = 5000
		pairs := make([][2]int, n)
		for i := range pairs {
			pairs[i] = [2]int{i, 0}
		}
		benchDense.g = graph.NewAffiliation(n, 1, pairs).Project(graph.WeightCount)
	})
	return benchDense.g
}

// BenchmarkDenseForceLayout is the map of report.html on the complete
// network, from one community (what Leiden finds there).
func BenchmarkDenseForceLayout(b *testing.B) {
	benchForce(b, ForceOptions{Seed: DefaultSeed})
}

// BenchmarkDenseForceLayoutAllTies is the same on every tie, as before
// the sample.
func BenchmarkDenseForceLayoutAllTies(b *testing.B) {
	benchForce(b, ForceOptions{Seed: DefaultSeed, TieSample: -1})
}

func benchForce(b *testing.B, o ForceOptions) {
	g := denseNetwork()
	o.Groups = make([]int, g.N())
	for b.Loop() {
		if _, _, err := ForceLayout(context.Background(), g, o); err != nil {
			b.Fatal(err)
		}
	}
}
