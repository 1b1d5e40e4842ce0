package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"sync"
	"testing"
)

// benchAffiliation returns synthetic two-mode data shaped like
// ../shared/bench/gen.py: n organizations in five sectors, n·2.5/16
// forums of heavy-tailed (capped Pareto 1.6) popularity, each organization
// in 1 + min(12, Exp(mean 1.5)) forums.
func benchAffiliation(n int, seed uint64) (*Affiliation, Groups) {
	return shapedAffiliation(n, 2.5, 12, seed)
}

// shapedAffiliation is benchAffiliation with gen.py's --memberships m and
// --max-memberships c: n·m/16 forums, each organization in
// 1 + min(c, Exp(mean m-1)) forum draws.
func shapedAffiliation(n int, m float64, c int, seed uint64) (*Affiliation, Groups) {
	rng := rand.New(rand.NewPCG(seed, 7))
	nf := max(1, int(math.Round(float64(n)*m/16)))
	cum := make([]float64, nf)
	s := 0.0
	for f := range cum {
		s += min(8, math.Pow(1-rng.Float64(), -1/1.6))
		cum[f] = s
	}
	var pairs [][2]int
	lab := make([]int, n)
	shares := []float64{0.15, 0.25, 0.55, 0.90, 1}
	for i := 0; i < n; i++ {
		u := rng.Float64()
		lab[i] = sort.SearchFloat64s(shares, u)
		k := 1 + min(c, int(rng.ExpFloat64()*(m-1)))
		for ; k > 0; k-- {
			f := sort.SearchFloat64s(cum, rng.Float64()*s)
			pairs = append(pairs, [2]int{i, min(f, nf-1)})
		}
	}
	return NewAffiliation(n, nf, pairs), Groups{Label: lab, K: 5}
}

var bench5k struct {
	once sync.Once
	a    *Affiliation
	g    *Network
	p    Groups
}

// benchNetwork is the 5,000-organization projected network of the
// benchmarks: 106,035 ties, like gen.py --orgs 5000's 100,236.
func benchNetwork(b *testing.B) (*Network, Groups) {
	bench5k.once.Do(func() {
		bench5k.a, bench5k.p = benchAffiliation(5000, 1)
		bench5k.g = bench5k.a.Project(WeightCount)
	})
	return bench5k.g, bench5k.p
}

func BenchmarkProject(b *testing.B) {
	benchNetwork(b)
	for b.Loop() {
		bench5k.a.Project(WeightCount)
	}
}

func BenchmarkDegreeStrength(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		Degree(g)
		Strength(g)
	}
}

func benchPaths(b *testing.B, p Paths, workers int) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		if _, err := ShortestPathCentrality(context.Background(), g, PathOptions{Paths: p, Workers: workers}); err != nil {
			b.Fatal(err)
		}
	}
}

// Betweenness and closeness together, one Brandes pass per source.
func BenchmarkBetweennessCloseness(b *testing.B)         { benchPaths(b, PathsHops, 0) }
func BenchmarkBetweennessCloseness1Core(b *testing.B)    { benchPaths(b, PathsHops, 1) }
func BenchmarkBetweennessClosenessWeighted(b *testing.B) { benchPaths(b, PathsWeighted, 0) }

func BenchmarkEigenvector(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		if _, err := Eigenvector(g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageRank(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		if _, err := PageRank(g, PageRankOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTwoMode(b *testing.B) {
	benchNetwork(b)
	for b.Loop() {
		if _, err := TwoMode(context.Background(), bench5k.a, PathOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSectorMixing(b *testing.B) {
	g, p := benchNetwork(b)
	for b.Loop() {
		EIIndex(g, p)
		GroupEI(g, p)
		NodeEI(g, p)
		Assortativity(g, p)
		Modularity(g, p, 1)
		MixingMatrix(g, p)
	}
}

func BenchmarkEIPermutation1000(b *testing.B) {
	g, p := benchNetwork(b)
	for b.Loop() {
		EIPermutationTest(context.Background(), g, p, PermutationOptions{Reps: 1000, Seed: 1})
	}
}

func BenchmarkClusteringCentralization(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		AverageClustering(g)
		DegreeCentralization(g)
	}
}

func BenchmarkBrokerage(b *testing.B) {
	g, p := benchNetwork(b)
	for b.Loop() {
		BrokerageRoles(g, p)
	}
}

func BenchmarkConstraintEffectiveSize(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		Constraint(g)
		EffectiveSize(g)
	}
}

func BenchmarkLouvain(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		Louvain(g, 1, 1)
	}
}

func BenchmarkNMI(b *testing.B) {
	g, p := benchNetwork(b)
	c := Louvain(g, 1, 1)
	for b.Loop() {
		NMI(c, p)
	}
}

func BenchmarkFindTwins(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		findTwins(g, false)
	}
}

// Sampled betweenness with the default ε (166,000 paths on this network).
func BenchmarkApproxBetweenness(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		if _, err := ApproxBetweenness(context.Background(), g, ApproxOptions{Seed: 1, forceSampling: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// Sampled closeness with the default 500 sources.
func BenchmarkApproxCloseness(b *testing.B) {
	g, _ := benchNetwork(b)
	for b.Loop() {
		if _, err := ApproxCloseness(context.Background(), g, ApproxOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

var benchRegistry struct {
	once sync.Once
	g    *Network
}

// registryNetwork is a registry-shaped network a tenth of the 200,000
// organizations of issue 7 (gen.py --orgs 20000 --memberships 12
// --max-memberships 40): 20,000 organizations, about 2.6 million ties.
func registryNetwork(b *testing.B) *Network {
	benchRegistry.once.Do(func() {
		a, _ := shapedAffiliation(20000, 12, 40, 1)
		benchRegistry.g = a.Project(WeightCount)
	})
	return benchRegistry.g
}

func BenchmarkProjectRegistry20k(b *testing.B) {
	a, _ := shapedAffiliation(20000, 12, 40, 1)
	for b.Loop() {
		a.Project(WeightCount)
	}
}

func BenchmarkLouvainRegistry20k(b *testing.B) {
	g := registryNetwork(b)
	for b.Loop() {
		Louvain(g, 1, 1)
	}
}

func BenchmarkPageRankRegistry20k(b *testing.B) {
	g := registryNetwork(b)
	for b.Loop() {
		if _, err := PageRank(g, PageRankOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
