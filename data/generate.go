package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/sectornet/sectornet/graph"
)

// GenerateOptions shape a synthetic dataset.
type GenerateOptions struct {
	Orgs           int     // number of organizations
	ForumSize      float64 // mean members per forum (default 16)
	Memberships    float64 // mean forums per organization (default 2.5)
	MaxMemberships int     // cap on forums per organization, minus one (default 12)
	Seed           uint64
}

// Limits on a generated dataset, so an absurd size is an error at once
// rather than an out-of-memory crash: 5 million organizations (about 40
// million rows in all), 10 million forums, 100 million memberships.
const (
	MaxGenerateOrgs        = 5_000_000
	maxGenerateForums      = 10_000_000
	maxGenerateMemberships = 100_000_000
)

// check refuses options that are not finite or would make a dataset too
// large to hold in memory.
func (o GenerateOptions) check() error {
	for _, v := range []struct {
		flag string
		v    float64
	}{{"--forum-size", o.ForumSize}, {"--memberships", o.Memberships}} {
		if math.IsNaN(v.v) || math.IsInf(v.v, 0) {
			return fmt.Errorf("%s %v: want a finite number", v.flag, v.v)
		}
	}
	if o.Orgs > MaxGenerateOrgs {
		return fmt.Errorf("--orgs %d: at most %d organizations", o.Orgs, MaxGenerateOrgs)
	}
	if forums := float64(o.Orgs) * o.Memberships / o.ForumSize; forums > maxGenerateForums {
		return fmt.Errorf("--orgs %d with --memberships %g and --forum-size %g make %.3g forums, more than %d", o.Orgs, o.Memberships, o.ForumSize, forums, maxGenerateForums)
	}
	if m := float64(o.Orgs) * float64(min(o.MaxMemberships+1, 1<<30)); m > maxGenerateMemberships && float64(o.Orgs)*o.Memberships > maxGenerateMemberships {
		return fmt.Errorf("--orgs %d with --memberships %g make about %.3g memberships, more than %d", o.Orgs, o.Memberships, float64(o.Orgs)*o.Memberships, maxGenerateMemberships)
	}
	if o.MaxMemberships > 10_000 {
		return fmt.Errorf("--max-memberships %d: at most 10000", o.MaxMemberships)
	}
	return nil
}

// generatedSectors are the sectors of generated data with their shares of
// organizations and Okabe-Ito colours.
var generatedSectors = []struct {
	id, label, color string
	share            float64
}{
	{"government", "Government", "#0072B2", 0.15},
	{"local", "Local authorities", "#56B4E9", 0.10},
	{"business", "Business", "#E69F00", 0.30},
	{"nonprofit", "Nonprofits", "#009E73", 0.35},
	{"academia", "Academia", "#CC79A7", 0.10},
}

// Generate returns a synthetic dataset shaped like the benchmark generator
// of the project (shared/bench/gen.py): sectors drawn with fixed shares;
// about Orgs×Memberships/ForumSize forums whose popularity is heavy-tailed
// (Pareto, shape 1.6, capped at 8 times the least popular); each
// organization in 1 + min(MaxMemberships, Exp(mean Memberships-1)) forum
// draws; one to four meetings per forum attended by each member with
// probability 0.7; and two survey waves (2012 with 2×Orgs ties, 2014 with
// 3×Orgs), 60% of ties drawn within a forum and the rest at random. The
// same options give the same dataset on every machine (PCG seeded with
// Seed); it is not gen.py's exact output, whose random stream is Python's.
func Generate(o GenerateOptions) (*graph.Dataset, error) {
	if o.Orgs < 2 {
		return nil, fmt.Errorf("--orgs must be at least 2, got %d", o.Orgs)
	}
	if o.ForumSize == 0 {
		o.ForumSize = 16
	}
	if o.Memberships == 0 {
		o.Memberships = 2.5
	}
	if o.MaxMemberships == 0 {
		o.MaxMemberships = 12
	}
	if o.ForumSize < 2 || o.Memberships < 1 || o.MaxMemberships < 0 {
		return nil, fmt.Errorf("need a forum size of at least 2 and at least 1 membership per organization")
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5ec7042e7))
	n := o.Orgs
	d := &graph.Dataset{}
	cum := make([]float64, len(generatedSectors))
	acc := 0.0
	for i, s := range generatedSectors {
		d.Sectors = append(d.Sectors, graph.Sector{ID: s.id, Label: s.label, Color: s.color})
		acc += s.share
		cum[i] = acc
	}
	d.Orgs = make([]graph.Organization, n)
	for i := range d.Orgs {
		k := sort.SearchFloat64s(cum, rng.Float64()*acc)
		d.Orgs[i] = graph.Organization{ID: fmt.Sprintf("O%06d", i), Name: fmt.Sprintf("Organization %d", i), Sector: generatedSectors[min(k, len(cum)-1)].id}
	}
	nf := max(1, int(math.Round(float64(n)*o.Memberships/o.ForumSize)))
	d.Forums = make([]graph.Forum, nf)
	pop := make([]float64, nf)
	acc = 0
	for j := range d.Forums {
		d.Forums[j] = graph.Forum{ID: fmt.Sprintf("F%05d", j), Name: fmt.Sprintf("Forum %d", j), Kind: "forum"}
		acc += min(8.0, math.Pow(1-rng.Float64(), -1/1.6)) // Pareto(1.6) on [1, inf)
		pop[j] = acc
	}
	pick := func() int { return min(sort.SearchFloat64s(pop, rng.Float64()*acc), nf-1) }
	members := make([][]int32, nf)
	var fs []int
	for i := 0; i < n; i++ {
		k := 1
		if o.Memberships > 1 {
			k += min(o.MaxMemberships, int(rng.ExpFloat64()*(o.Memberships-1)))
		}
		fs = fs[:0]
		for range k {
			fs = append(fs, pick())
		}
		slices.Sort(fs)
		fs = slices.Compact(fs)
		for _, f := range fs {
			members[f] = append(members[f], int32(i))
		}
	}
	for f, ms := range members {
		for _, i := range ms {
			d.Memberships = append(d.Memberships, graph.Membership{Org: d.Orgs[i].ID, Forum: d.Forums[f].ID})
		}
	}
	sort.SliceStable(d.Memberships, func(a, b int) bool { return d.Memberships[a].Org < d.Memberships[b].Org })
	for f, ms := range members {
		if len(ms) == 0 {
			continue
		}
		for m := range 1 + rng.IntN(4) {
			id := fmt.Sprintf("M%05d-%d", f, m)
			d.Meetings = append(d.Meetings, graph.Meeting{ID: id, Forum: d.Forums[f].ID, Date: time.Date(2013, time.Month(1+3*m), 15, 0, 0, 0, 0, time.UTC)})
			for _, i := range ms {
				if rng.Float64() < 0.7 {
					d.Attendance = append(d.Attendance, graph.Attendance{Meeting: id, Org: d.Orgs[i].ID})
				}
			}
		}
	}
	for _, wave := range []struct {
		name  string
		count int
	}{{"2012", 2 * n}, {"2014", 3 * n}} {
		wave.count = min(wave.count, n*(n-1)/2)
		seen := make(map[[2]int32]bool, wave.count)
		pairs := make([][2]int32, 0, wave.count)
		for len(pairs) < wave.count {
			var x, y int32
			if rng.Float64() < 0.6 {
				ms := members[rng.IntN(nf)]
				if len(ms) < 2 {
					continue
				}
				a := rng.IntN(len(ms))
				b := rng.IntN(len(ms) - 1)
				if b >= a {
					b++
				}
				x, y = ms[a], ms[b]
			} else {
				x, y = int32(rng.IntN(n)), int32(rng.IntN(n))
				if x == y {
					continue
				}
			}
			if x > y {
				x, y = y, x
			}
			k := [2]int32{x, y}
			if !seen[k] {
				seen[k] = true
				pairs = append(pairs, k)
			}
		}
		slices.SortFunc(pairs, func(a, b [2]int32) int {
			if a[0] != b[0] {
				return int(a[0] - b[0])
			}
			return int(a[1] - b[1])
		})
		for _, p := range pairs {
			d.Ties = append(d.Ties, graph.Tie{Source: d.Orgs[p[0]].ID, Target: d.Orgs[p[1]].ID, Wave: wave.name, Weight: 1, Trust: math.NaN(), Value: math.NaN()})
		}
	}
	return d, nil
}
