package out

import (
	"strings"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// TestBackboneNoteNoneKept: when SDSM or FDSM keeps no tie of a network
// in which every organization with a tie is tied to every other (the one
// forum of 5,000 members: 5000*4999/2 = 12497500 ties, every pair sharing
// exactly the forum the degrees predict), the note says why the map has no
// ties instead of "5000 organizations lost every tie"; otherwise (another
// network, the disparity filter) it counts the organizations left without
// one.
func TestBackboneNoteNoneKept(t *testing.T) {
	none := &graph.TieTest{Method: graph.BackboneSDSM, Alpha: 0.05, Kept: graph.Backbone{Total: 12497500, Orphans: 5000}}
	want := "Kept: the SDSM backbone (Neal 2014): ties sharing more forums or meetings than the organizations' and groups' degrees make likely, at α = 0.05, no correction; 0 of 12497500 ties (0%). Every organization with a tie is tied to every other, as in one forum, so no tie is stronger than the degrees make likely and none is drawn."
	if got := BackboneNote(none); got != want {
		t.Errorf("none kept:\n got %s\nwant %s", got, want)
	}
	some := &graph.TieTest{Method: graph.BackboneDisparity, Alpha: 0.05, Kept: graph.Backbone{Edges: []graph.Edge{{U: 0, V: 1, W: 1}}, Total: 4, Orphans: 2}}
	want = "Kept: the disparity-filter backbone (Serrano, Boguñá and Vespignani 2009), at α = 0.05, no correction; 1 of 4 ties (25%). 2 organizations lost every tie."
	if got := BackboneNote(some); got != want {
		t.Errorf("some kept:\n got %s\nwant %s", got, want)
	}
	for _, tt := range []*graph.TieTest{
		{Method: graph.BackboneDisparity, Alpha: 0.05, Kept: graph.Backbone{Total: 3, Orphans: 3}},
		{Method: graph.BackboneSDSM, Alpha: 0.05, Kept: graph.Backbone{Total: 458, Orphans: 85}},
	} {
		if got := BackboneNote(tt); !strings.HasSuffix(got, " organizations lost every tie.") {
			t.Errorf("%v none kept of a network that is not complete: %s", tt.Method, got)
		}
	}
}
