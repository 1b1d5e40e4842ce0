package out

import (
	"fmt"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"github.com/sectornet/sectornet/out/internal/pdfcanvas"
	"github.com/sectornet/sectornet/out/internal/typeset"
)

// PDFText is how a PDF figure carries its text.
type PDFText string

// The ways of PDF text. PDFFonts, the default (also for ""), is text set
// in DejaVu Sans, regular and bold embedded as subset TrueType fonts
// (out/internal/pdfcanvas): selectable, searchable, copied as the names'
// letters, as journals ask of figures ("fonts embedded, not outlined").
// PDFOutlines is every text as filled glyph outlines, drawn through
// gonum/plot's PDF canvas: no font at all in the file, for a printer or
// pipeline that mishandles embedded fonts. Both draw the same glyphs at
// the same places: Hebrew and Arabic in Visual order, Arabic in its
// joining forms (out/internal/typeset).
const (
	PDFFonts    PDFText = "fonts"
	PDFOutlines PDFText = "outlines"
)

// PDFTexts lists the ways of PDF text, the default first.
var PDFTexts = []string{string(PDFFonts), string(PDFOutlines)}

// ParsePDFText reads fonts or outlines.
func ParsePDFText(s string) (PDFText, error) {
	switch t := PDFText(strings.ToLower(s)); t {
	case PDFFonts, PDFOutlines:
		return t, nil
	}
	return "", fmt.Errorf("unknown PDF text %q (want %s)", s, strings.Join(PDFTexts, " or "))
}

// pdfCanvas returns a PDF canvas of w x h points (dated PDFDate) and the
// canvas to draw on: the same one with text as fonts, a wrapper drawing
// text as outlines otherwise.
func pdfCanvas(w, h vg.Length, text PDFText, title string) (vg.CanvasWriterTo, vg.CanvasSizer) {
	if text == PDFOutlines {
		pc := newPDFCanvas(w, h)
		return pc, outlineCanvas{pc}
	}
	pc := pdfcanvas.New(w, h, PDFDate)
	pc.SetTitle(title)
	return pc, pc
}

// textFace is the face of figure text of size points.
func textFace(size float64, bold bool) font.Face {
	f := font.Font{Typeface: typeset.Family, Size: font.Length(size)}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return font.Face{Font: f}
}
