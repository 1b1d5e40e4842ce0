package graph

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
)

// SuggestOptions chooses the ties and the organizations of Suggest.
type SuggestOptions struct {
	Wave  string // the wave whose ties count; the latest when empty
	Type  string // only ties of this type; every type when empty
	Org   int    // only pairs with this organization (index into Dataset.Orgs); -1 for every pair
	Limit int    // at most this many suggestions; 0 or less for all
	// PerOrg, when positive (and Org is -1), keeps each organization's
	// PerOrg best suggestions instead of the best pairs overall: every
	// pair that is among the best PerOrg of either of its organizations,
	// each once (Limit still caps the total). What a profile of every
	// organization lists.
	PerOrg  int
	Rule    Rule    // how the two reports of a pair combine (RuleMax when zero)
	Missing Missing // the ties of nonrespondents (MissingReconstruct when zero)
}

// Suggestion is a pair of organizations from different sectors with no
// tie in the wave, and what they have in common.
type Suggestion struct {
	A, B int // indices into Dataset.Orgs, A < B

	// Score is the Adamic-Adar index of A and B in the network that joins
	// the wave's collaboration ties with the organizations x forums
	// memberships (forums as nodes): the sum over the neighbours z they
	// share, partners and forums alike, of 1/log(degree(z)), where a
	// forum's degree is its number of members and an organization's is
	// its number of partners plus its number of forums. A shared small
	// forum or a shared partner with few ties counts for more than a
	// large forum or a hub. It matches networkx.adamic_adar_index on that
	// graph.
	Score          float64
	Common         int      // shared neighbours: len(SharedForums) + len(CommonPartners)
	ForumScore     float64  // the shared forums' part of Score
	PartnerScore   float64  // the common partners' part of Score
	SharedForums   []int    // indices into Dataset.Forums, ascending
	CommonPartners []int    // indices into Dataset.Orgs, ascending
	EarlierWaves   []string // earlier waves in which A and B had a tie
}

// Suggest ranks the introductions worth making: pairs of organizations
// from different sectors with no collaboration tie in the wave, ordered by
// how strongly the network predicts a tie between them, the Adamic-Adar
// index over shared forums and common partners (L. A. Adamic and E. Adar,
// Social Networks 25(3) 211-230 (2003), doi:10.1016/S0378-8733(03)00009-1,
// who weighted shared features, such as mailing lists, by 1/log of their
// frequency; as a link predictor, D. Liben-Nowell and J. Kleinberg, JASIST
// 58(7) 1019-1031 (2007), doi:10.1002/asi.20591). See Suggestion.Score.
// Ties in the score are broken by the number of shared forums and common
// partners, then by A and B. Pairs with nothing in common are not
// suggested. It returns the suggestions and the wave used.
func Suggest(d *Dataset, o SuggestOptions) ([]Suggestion, string, error) {
	waves := d.Waves()
	wave := o.Wave
	if wave == "" {
		if len(waves) == 0 {
			return nil, "", fmt.Errorf("the dataset has no collaboration ties (ties.csv); suggestions use forums only when there is a wave to compare with")
		}
		wave = waves[len(waves)-1]
	} else if !slices.Contains(waves, wave) {
		return nil, "", fmt.Errorf("no ties in wave %q (waves: %s)", wave, joinQuoted(waves))
	}
	if o.Type != "" && !slices.Contains(d.TieTypes(), o.Type) {
		return nil, "", fmt.Errorf("no ties of type %q (types: %s)", o.Type, joinQuoted(d.TieTypes()))
	}
	n := len(d.Orgs)
	if o.Org >= n {
		panic(fmt.Sprintf("graph: organization %d out of range [0,%d)", o.Org, n))
	}
	g := TieNetworkRule(d, wave, o.Type, o.Rule, o.Missing)
	fa := ForumAffiliation(d)
	sec := d.OrgSectors()
	logDeg := func(z int) float64 { return math.Log(float64(g.Degree(z) + len(fa.OrgGroups[z]))) }

	h := &suggestionHeap{}
	var all []Suggestion
	perOrg := o.PerOrg > 0 && o.Org < 0
	own := &suggestionHeap{} // with perOrg, the best of the organization being scored
	keep := func(s Suggestion) {
		if perOrg {
			if own.Len() < o.PerOrg {
				heap.Push(own, s)
			} else if suggestionLess(s, (*own)[0]) {
				(*own)[0] = s
				heap.Fix(own, 0)
			}
			return
		}
		if o.Limit <= 0 {
			all = append(all, s)
			return
		}
		if h.Len() < o.Limit {
			heap.Push(h, s)
		} else if suggestionLess(s, (*h)[0]) {
			(*h)[0] = s
			heap.Fix(h, 0)
		}
	}

	pScore := make([]float64, n)
	fScore := make([]float64, n)
	cnt := make([]int32, n)
	var touched []int
	score := func(i int) {
		touched = touched[:0]
		visit := func(j int) {
			if cnt[j] == 0 {
				touched = append(touched, j)
			}
			cnt[j]++
		}
		for _, z := range g.Neighbors(i) {
			w := 1 / logDeg(int(z))
			for _, j := range g.Neighbors(int(z)) {
				if int(j) != i {
					visit(int(j))
					pScore[j] += w
				}
			}
		}
		for _, f := range fa.OrgGroups[i] {
			members := fa.GroupMembers[f]
			w := 1 / math.Log(float64(len(members)))
			for _, j := range members {
				if int(j) != i {
					visit(int(j))
					fScore[j] += w
				}
			}
		}
		slices.Sort(touched)
		for _, j := range touched {
			_, tied := g.TieWeight(i, j)
			if (o.Org >= 0 || perOrg || j > i) && !tied && sec[i] != sec[j] {
				a, b := i, j
				if a > b {
					a, b = b, a
				}
				// The lists are filled in for the kept pairs only.
				keep(Suggestion{A: a, B: b, Score: pScore[j] + fScore[j], Common: int(cnt[j]), ForumScore: fScore[j], PartnerScore: pScore[j]})
			}
			pScore[j], fScore[j], cnt[j] = 0, 0, 0
		}
	}
	switch {
	case o.Org >= 0:
		score(o.Org)
	case perOrg:
		seen := map[[2]int]bool{}
		for i := range n {
			*own = (*own)[:0]
			score(i)
			for _, s := range *own {
				if !seen[[2]int{s.A, s.B}] {
					seen[[2]int{s.A, s.B}] = true
					all = append(all, s)
				}
			}
		}
	default:
		for i := range n {
			score(i)
		}
	}
	if o.Limit > 0 && !perOrg {
		all = []Suggestion(*h)
	}
	slices.SortFunc(all, func(a, b Suggestion) int {
		if suggestionLess(a, b) {
			return -1
		}
		if suggestionLess(b, a) {
			return 1
		}
		return 0
	})
	if perOrg && o.Limit > 0 && len(all) > o.Limit {
		all = all[:o.Limit]
	}

	var earlier []*Network
	var earlierWaves []string
	for _, w := range waves {
		if w == wave {
			break
		}
		earlier = append(earlier, TieNetworkRule(d, w, o.Type, o.Rule, o.Missing))
		earlierWaves = append(earlierWaves, w)
	}
	for k := range all {
		s := &all[k]
		s.SharedForums = intersect(fa.OrgGroups[s.A], fa.OrgGroups[s.B])
		s.CommonPartners = intersect(g.Neighbors(s.A), g.Neighbors(s.B))
		for x, e := range earlier {
			if _, ok := e.TieWeight(s.A, s.B); ok {
				s.EarlierWaves = append(s.EarlierWaves, earlierWaves[x])
			}
		}
	}
	return all, wave, nil
}

// suggestionLess orders suggestions best first: by score, then by the
// number of shared neighbours, then by A and B.
func suggestionLess(a, b Suggestion) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Common != b.Common {
		return a.Common > b.Common
	}
	if a.A != b.A {
		return a.A < b.A
	}
	return a.B < b.B
}

// suggestionHeap keeps the best Limit suggestions with the worst on top.
type suggestionHeap []Suggestion

func (h suggestionHeap) Len() int           { return len(h) }
func (h suggestionHeap) Less(i, j int) bool { return suggestionLess(h[j], h[i]) }
func (h suggestionHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *suggestionHeap) Push(x any)        { *h = append(*h, x.(Suggestion)) }
func (h *suggestionHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// intersect returns the common elements of two ascending lists.
func intersect(a, b []int32) []int {
	var out []int
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case b[j] < a[i]:
			j++
		default:
			out = append(out, int(a[i]))
			i++
			j++
		}
	}
	return out
}
