package out

import (
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// The usual sectors keep their colour and shape in any order and with any
// of their ids; other sectors take the colours left, in palette order; a
// colour from sectors.csv wins.
func TestSectorStylesFixed(t *testing.T) {
	a := sectorStyles([]graph.Sector{{ID: "government"}, {ID: "local"}, {ID: "business"}, {ID: "nonprofit"}, {ID: "academia"}})
	b := sectorStyles([]graph.Sector{{ID: "NPO"}, {ID: "aca"}, {ID: "media"}, {ID: "gov"}, {ID: "Business"}, {ID: "local"}})
	want := map[string]Style{
		"government": {"#0072B2", ShapeCircle}, "local": {"#56B4E9", ShapeSquare}, "business": {"#E69F00", ShapeDiamond},
		"nonprofit": {"#009E73", ShapeTriangle}, "academia": {"#CC79A7", ShapeHexagon},
	}
	for k, id := range []string{"government", "local", "business", "nonprofit", "academia"} {
		if a[k] != want[id] {
			t.Errorf("%s: %v, want %v", id, a[k], want[id])
		}
	}
	for k, id := range []string{"nonprofit", "academia", "", "government", "business", "local"} {
		if id != "" && b[k] != want[id] {
			t.Errorf("reordered %s: %v, want %v", id, b[k], want[id])
		}
	}
	if b[2].Color != "#D55E00" {
		t.Errorf("media: %v, want the first colour no usual sector has, #D55E00", b[2])
	}
	// Only two usual sectors: the others' colours go to the rest in order.
	c := sectorStyles([]graph.Sector{{ID: "x"}, {ID: "business"}, {ID: "y", Color: "#123456"}, {ID: "z"}})
	if c[0].Color != "#0072B2" || c[1].Color != "#E69F00" || c[2].Color != "#123456" || c[3].Color != "#56B4E9" {
		t.Errorf("mixed: %v", c)
	}
	if c[0].Shape != ShapeCircle || c[1].Shape != ShapeDiamond || c[3].Shape != ShapeTriangle {
		t.Errorf("mixed shapes: %v", c)
	}
}
