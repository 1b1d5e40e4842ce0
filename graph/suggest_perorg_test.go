package graph

import (
	"slices"
	"testing"
)

// TestSuggestPerOrg: PerOrg keeps exactly the pairs that are among the
// best k of either organization, each pair once, in Suggest's order.
// Worked by hand on wavePair (see TestSuggestByHand): with k = 1, A's best
// is A-C, B's B-E, C's A-C, D's A-D, E's B-E, F's E-F: A-C, B-E, E-F, A-D.
func TestSuggestPerOrg(t *testing.T) {
	d := wavePair()
	all, _, _ := Suggest(d, SuggestOptions{Org: -1})
	got, _, err := Suggest(d, SuggestOptions{Org: -1, PerOrg: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkSuggestions(t, got, all) // every pair is some organization's best
	got, _, _ = Suggest(d, SuggestOptions{Org: -1, PerOrg: 1, Limit: 2})
	checkSuggestions(t, got, all[:2])

	// On a larger random dataset: the union over organizations of each
	// one's Suggest(Org: i, Limit: k).
	d = randomDataset(t)
	for _, k := range []int{1, 3} {
		got, _, err := Suggest(d, SuggestOptions{Org: -1, PerOrg: k})
		if err != nil {
			t.Fatal(err)
		}
		want := map[[2]int]Suggestion{}
		for i := range d.Orgs {
			ss, _, _ := Suggest(d, SuggestOptions{Org: i, Limit: k})
			for _, s := range ss {
				want[[2]int{s.A, s.B}] = s
			}
		}
		if len(got) != len(want) {
			t.Fatalf("k=%d: %d suggestions, want %d", k, len(got), len(want))
		}
		for x, s := range got {
			w, ok := want[[2]int{s.A, s.B}]
			if !ok || w.Score != s.Score || !slices.Equal(w.CommonPartners, s.CommonPartners) || !slices.Equal(w.SharedForums, s.SharedForums) {
				t.Errorf("k=%d: %+v is not some organization's best", k, s)
			}
			if x > 0 && suggestionLess(s, got[x-1]) {
				t.Errorf("k=%d: out of order at %d", k, x)
			}
		}
	}
}
