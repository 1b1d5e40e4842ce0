// Package typeset sets the text of sectornet's figures: the embedded
// DejaVu Sans fonts, text widths and glyph outlines, and right-to-left
// scripts (the Unicode bidirectional algorithm for one line, Arabic
// contextual shaping), so that Hebrew and Arabic names read correctly in
// PNG and PDF, where text is drawn as outlines in visual order.
package typeset

import (
	"sync"

	"codeberg.org/go-fonts/dejavu/dejavusans"
	"codeberg.org/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/vg"
)

// Family is the font family of every figure: DejaVu Sans (embedded from
// codeberg.org/go-fonts/dejavu, Bitstream Vera / DejaVu licence, see that
// module's LICENSE-DejaVu), which covers Latin, Hebrew and Arabic
// including the Arabic presentation forms. In PNG and PDF, text is drawn
// as glyph outlines in visual order, so the output needs no font and
// looks the same everywhere; in SVG it is text, which the viewer lays out
// right to left where needed.
const Family = "DejaVu Sans"

type fontSet struct {
	regular, bold *opentype.Font
}

var loadFonts = sync.OnceValue(func() fontSet {
	r, err := opentype.Parse(dejavusans.TTF)
	if err != nil {
		panic("typeset: embedded DejaVu Sans: " + err.Error())
	}
	b, err := opentype.Parse(dejavusansbold.TTF)
	if err != nil {
		panic("typeset: embedded DejaVu Sans Bold: " + err.Error())
	}
	return fontSet{r, b}
})

// Fonts returns the embedded regular and bold faces.
func Fonts() (regular, bold *opentype.Font) {
	fs := loadFonts()
	return fs.regular, fs.bold
}

func fontFor(bold bool) *opentype.Font {
	fs := loadFonts()
	if bold {
		return fs.bold
	}
	return fs.regular
}

// Width returns the advance width in points of s set at size points.
func Width(s string, size float64, bold bool) float64 {
	l := Set(s, bold)
	return l.Width * size / l.UnitsPerEm
}

// Outline returns the outline of s, set at size points with its
// baseline starting at (x, y) in a y-up coordinate system, as a path to
// fill. s is shaped and put in Visual order first.
func Outline(s string, size float64, bold bool, x, y float64) vg.Path {
	f := fontFor(bold)
	var buf sfnt.Buffer
	l := Set(s, bold)
	upem := fixed.Int26_6(l.UnitsPerEm)
	scale := size / l.UnitsPerEm / 64 // segments are in 26.6 font units
	var p vg.Path
	for _, g := range l.Glyphs {
		segs, err := f.LoadGlyph(&buf, g.ID, upem*64, nil)
		if err != nil {
			continue
		}
		ox := x + g.X*size/l.UnitsPerEm
		pt := func(a fixed.Point26_6) vg.Point {
			return vg.Point{X: vg.Length(ox + float64(a.X)*scale), Y: vg.Length(y - float64(a.Y)*scale)}
		}
		open := false
		for _, sg := range segs {
			switch sg.Op {
			case sfnt.SegmentOpMoveTo:
				if open {
					p.Close()
				}
				p.Move(pt(sg.Args[0]))
				open = true
			case sfnt.SegmentOpLineTo:
				p.Line(pt(sg.Args[0]))
			case sfnt.SegmentOpQuadTo:
				p.QuadTo(pt(sg.Args[0]), pt(sg.Args[1]))
			case sfnt.SegmentOpCubeTo:
				p.CubeTo(pt(sg.Args[0]), pt(sg.Args[1]), pt(sg.Args[2]))
			}
		}
		if open {
			p.Close()
		}
	}
	return p
}

// Ascent returns the ascent of the font at size points.
func Ascent(size float64) float64 {
	f := fontFor(false)
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	m, err := f.Metrics(&buf, upem, 0)
	if err != nil {
		return size * 0.76
	}
	return float64(m.Ascent) * size / float64(upem)
}
