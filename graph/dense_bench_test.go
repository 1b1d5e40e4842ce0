package graph

import (
	"context"
	"sync"
	"testing"
)

// The dense network of issue 20: one forum of 5,000 members, a complete
// network of 12,497,500 ties, organizations in five sectors by turn.

// denseForum returns the affiliation of n organizations all in one forum
// and their sectors (organization i in sector i mod 5).
func denseForum(n int) (*Affiliation, Groups) {
	pairs := make([][2]int, n)
	lab := make([]int, n)
	for i := range pairs {
		pairs[i] = [2]int{i, 0}
		lab[i] = i % 5
	}
	return NewAffiliation(n, 1, pairs), Groups{Label: lab, K: 5}
}

var benchDense struct {
	once sync.Once
	a    *Affiliation
	g    *Network
	p    Groups
}

func denseNetwork(b *testing.B) (*Network, Groups) {
	benchDense.once.Do(func() {
		benchDense.a, benchDense.p = denseForum(5000)
		benchDense.g = benchDense.a.Project(WeightCount)
	})
	return benchDense.g, benchDense.p
}

func BenchmarkDenseProject(b *testing.B) {
	denseNetwork(b)
	for b.Loop() {
		benchDense.a.Project(WeightCount)
	}
}

func BenchmarkDenseClustering(b *testing.B) {
	g, _ := denseNetwork(b)
	for b.Loop() {
		AverageClustering(g)
	}
}

func BenchmarkDenseBrokerage(b *testing.B) {
	g, p := denseNetwork(b)
	for b.Loop() {
		BrokerageRoles(g, p)
	}
}

func BenchmarkDenseBurt(b *testing.B) {
	g, _ := denseNetwork(b)
	for b.Loop() {
		BurtMeasures(g)
	}
}

func BenchmarkDenseEIPermutation1000(b *testing.B) {
	g, p := denseNetwork(b)
	for b.Loop() {
		EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 1000, Seed: 1})
	}
}

// The same two kernels by their ties, as before the non-tie kernels.
func BenchmarkDenseClusteringByTies(b *testing.B) {
	complementMode = 1
	defer func() { complementMode = 0 }()
	BenchmarkDenseClustering(b)
}

func BenchmarkDenseBrokerageByTies(b *testing.B) {
	complementMode = 1
	defer func() { complementMode = 0 }()
	BenchmarkDenseBrokerage(b)
}

func BenchmarkDenseTwins(b *testing.B) {
	g, _ := denseNetwork(b)
	for b.Loop() {
		findTwins(g, true)
	}
}
