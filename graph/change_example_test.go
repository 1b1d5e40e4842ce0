package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// twoWaves is a dataset of five organizations in two sectors: forum F1
// seats A, B and C, forum F2 C and D; in 2012 A-B collaborated; in 2014
// A-B, A-C and B-D.
func twoWaves() *graph.Dataset {
	return &graph.Dataset{
		Sectors: []graph.Sector{{ID: "gov"}, {ID: "npo"}},
		Orgs: []graph.Organization{{ID: "A", Sector: "gov"}, {ID: "B", Sector: "npo"}, {ID: "C", Sector: "npo"},
			{ID: "D", Sector: "gov"}, {ID: "E", Sector: "npo"}},
		Forums: []graph.Forum{{ID: "F1", Name: "Education"}, {ID: "F2", Name: "Welfare"}},
		Memberships: []graph.Membership{{Org: "A", Forum: "F1"}, {Org: "B", Forum: "F1"}, {Org: "C", Forum: "F1"},
			{Org: "C", Forum: "F2"}, {Org: "D", Forum: "F2"}},
		Ties: []graph.Tie{
			{Source: "A", Target: "B", Wave: "2012", Weight: 1, Trust: graph.NoScore, Value: graph.NoScore},
			{Source: "B", Target: "A", Wave: "2014", Weight: 1, Trust: graph.NoScore, Value: graph.NoScore},
			{Source: "A", Target: "C", Wave: "2014", Weight: 1, Trust: graph.NoScore, Value: graph.NoScore},
			{Source: "B", Target: "D", Wave: "2014", Weight: 1, Trust: graph.NoScore, Value: graph.NoScore},
		},
	}
}

func ExampleCompareWaves() {
	c, err := graph.CompareWaves(context.Background(), twoWaves(), graph.ChangeOptions{From: "2012", To: "2014"})
	if err != nil {
		panic(err)
	}
	// 10 pairs: A-B kept, A-C and B-D new; Jaccard 1/3.
	fmt.Println(c.All.NoTie, c.All.New, c.All.Dissolved, c.All.Kept, c.All.Hamming(), c.All.Jaccard())
	// Candidates: the 9 pairs without a 2012 tie; co-participants among
	// them A-C, B-C (forum F1) and C-D (F2). One of the two new ties (A-C)
	// joined co-participants: 1/2 against 3/9, a ratio of 1.5.
	a := c.Attribution
	fmt.Println(a.Candidates, a.Coparticipants, a.ObservedShare, a.ExpectedShare, a.Ratio)
	// Output:
	// 7 2 0 1 2 0.3333333333333333
	// 9 3 0.5 0.3333333333333333 1.5
}

func ExampleSuggest() {
	d := twoWaves()
	ss, wave, _ := graph.Suggest(d, graph.SuggestOptions{Org: -1})
	for _, s := range ss {
		fmt.Printf("%s %s-%s %.4f forums %v partners %v\n", wave, d.Orgs[s.A].ID, d.Orgs[s.B].ID, s.Score, s.SharedForums, s.CommonPartners)
	}
	// The cross-sector pairs without a 2014 tie are A-E, C-D and D-E.
	// Only C and D have something in common: forum F2, of two members,
	// 1/ln 2 = 1.4427. (A and D share partner B, but both are gov.)

	// Output:
	// 2014 C-D 1.4427 forums [1] partners []
}

var bench struct {
	once sync.Once
	d    *graph.Dataset
}

// benchDataset is a generated 5,000-organization dataset (two waves of
// 10,000 and 15,000 ties, about 2,000 meetings).
func benchDataset(b *testing.B) *graph.Dataset {
	bench.once.Do(func() {
		d, err := data.Generate(data.GenerateOptions{Orgs: 5000, Seed: 1})
		if err != nil {
			panic(err)
		}
		bench.d = d
	})
	return bench.d
}

func BenchmarkCompareWaves(b *testing.B) {
	d := benchDataset(b)
	for b.Loop() {
		if _, err := graph.CompareWaves(context.Background(), d, graph.ChangeOptions{From: "2012", To: "2014", Permutations: 999, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	d := benchDataset(b)
	for b.Loop() {
		graph.Suggest(d, graph.SuggestOptions{Org: -1, Limit: 20})
	}
}

func BenchmarkFirstMeetings(b *testing.B) {
	d := benchDataset(b)
	for b.Loop() {
		graph.FirstMeetings(d)
	}
}
