package graph

import (
	"slices"
	"testing"
)

// TestForumKinds: each kind once, in the order of the forums that first
// have it (as balance --kind lists them), none for no forums.
func TestForumKinds(t *testing.T) {
	d := &Dataset{Forums: []Forum{{ID: "F1", Kind: "board"}, {ID: "F2", Kind: "forum"}, {ID: "F3", Kind: "board"}, {ID: "F4", Kind: "national"}, {ID: "F5", Kind: "forum"}}}
	if got, want := d.ForumKinds(), []string{"board", "forum", "national"}; !slices.Equal(got, want) {
		t.Errorf("ForumKinds() = %v, want %v", got, want)
	}
	if got := (&Dataset{}).ForumKinds(); got != nil {
		t.Errorf("no forums: ForumKinds() = %v, want none", got)
	}
}
