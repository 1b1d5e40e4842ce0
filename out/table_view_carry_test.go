package out

import (
	"slices"
	"testing"
)

// TestCarryWarnings: the first table carries at most five of the
// dataset's warnings, then how many more; the view itself is unchanged.
func TestCarryWarnings(t *testing.T) {
	first := &Table{Name: "a", Title: "A", Notes: []string{"a note"}}
	v := &Tables{Tables: []*Table{first, {Name: "b", Title: "B"}}}
	ws := []string{"w1", "w2", "w3", "w4", "w5", "w6", "w7"}
	c := v.CarryWarnings(ws)
	want := []string{"a note", "w1", "w2", "w3", "w4", "w5", "... and 2 more warnings (sectornet validate lists them)."}
	if !slices.Equal(c.Tables[0].Notes, want) || len(c.Tables[1].Notes) != 0 {
		t.Errorf("notes %q, %q; want %q under the first table only", c.Tables[0].Notes, c.Tables[1].Notes, want)
	}
	if len(first.Notes) != 1 {
		t.Errorf("the view's own table changed: %q", first.Notes)
	}
	if one := v.CarryWarnings(ws[:6]).Tables[0].Notes; one[len(one)-1] != "... and 1 more warning (sectornet validate lists them)." {
		t.Errorf("six warnings: %q", one)
	}
	if v.CarryWarnings(nil) != v {
		t.Error("no warnings: want the view itself")
	}
	m := v.MarkSample()
	if m.Tables[0].Title != "A"+SampleMark || m.CSV != nil || first.Title != "A" {
		t.Errorf("MarkSample: %q, CSV %v, the view's own title %q", m.Tables[0].Title, m.CSV, first.Title)
	}
}
