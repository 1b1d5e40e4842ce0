package out

import (
	"github.com/sectornet/sectornet/graph"
)

// OkabeIto is the colour-blind-safe palette of M. Okabe and K. Ito, "Color
// Universal Design" (2008), in the order sectors take it when sectors.csv
// gives no colour; its black is replaced by grey so labels stay readable.
var OkabeIto = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#999999"}

// sectorShapes mark sectors in greyscale: the k-th sector gets the k-th
// shape (cycling).
var sectorShapes = []Shape{ShapeCircle, ShapeSquare, ShapeDiamond, ShapeTriangle, ShapeHexagon}

// Style is how a sector is drawn.
type Style struct {
	Color string
	Shape Shape
}

// SectorStyles returns the colour and shape of each sector of d, in the
// order of d.Sectors: the colour from sectors.csv, else the k-th
// Okabe-Ito colour.
func SectorStyles(d *graph.Dataset) []Style {
	st := make([]Style, len(d.Sectors))
	for k, s := range d.Sectors {
		st[k] = Style{Color: s.Color, Shape: sectorShapes[k%len(sectorShapes)]}
		if st[k].Color == "" {
			st[k].Color = OkabeIto[k%len(OkabeIto)]
		}
	}
	return st
}

// orgStyle returns the style of organization sector index k (-1 for an
// unlisted sector: grey circle).
func orgStyle(styles []Style, k int) Style {
	if k < 0 || k >= len(styles) {
		return Style{Color: "#BBBBBB", Shape: ShapeCircle}
	}
	return styles[k]
}
