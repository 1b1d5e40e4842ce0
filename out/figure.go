package out

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// FigureFormat is an output format of a diagram or chart.
type FigureFormat string

// Figure formats. DOT applies to diagrams only.
const (
	FigureSVG FigureFormat = "svg"
	FigurePNG FigureFormat = "png"
	FigurePDF FigureFormat = "pdf"
	FigureDOT FigureFormat = "dot"
)

// ParseFigureFormat reads svg, png, pdf or dot.
func ParseFigureFormat(s string) (FigureFormat, error) {
	switch f := FigureFormat(strings.ToLower(s)); f {
	case FigureSVG, FigurePNG, FigurePDF, FigureDOT:
		return f, nil
	}
	return "", fmt.Errorf("unknown figure format %q (want svg, png, pdf or dot)", s)
}

// DefaultDPI is the resolution of PNG figures when none is asked for:
// 300 dots per inch at the figure's drawn size, which for charts is one
// journal column (8.5 cm) wide.
const DefaultDPI = 300

// JournalWidth is the width of a two-column journal figure, 17.8 cm in
// points: a diagram wider than that is drawn in PNG at DefaultDPI (or the
// asked resolution) as if printed at this width.
const JournalWidth = 17.8 * 72 / 2.54

// MaxPNGSide is the longest side of a PNG figure, in pixels: a figure that
// would be larger at the asked resolution is drawn at a lower one.
const MaxPNGSide = 4000

// pngDPI returns the resolution of a PNG of w x h points at dpi (0 for
// DefaultDPI) at the journal width: lowered for figures wider than
// JournalWidth so that they are dpi dots per inch when printed that wide,
// and so that neither side passes MaxPNGSide pixels.
func pngDPI(w, h float64, dpi int) int {
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	if w > JournalWidth {
		dpi = max(1, int(float64(dpi)*JournalWidth/w))
	}
	side := math.Max(w, h) // points
	if side*float64(dpi)/72 <= MaxPNGSide {
		return dpi
	}
	return max(1, int(MaxPNGSide*72/side))
}

// PDFDate is the creation date written into every PDF, so that the same
// input gives the same bytes.
var PDFDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// parseColor reads "#rrggbb" (or "#rgb"); black when it cannot.
func parseColor(s string, alpha float64) color.Color {
	s = strings.TrimPrefix(s, "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if len(s) != 6 || err != nil {
		v = 0
	}
	a := uint8(255)
	if alpha > 0 && alpha < 1 {
		a = uint8(math.Round(alpha * 255))
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: a}
}

// pdfMu guards fpdf's package-level default dates.
var pdfMu sync.Mutex

// newPDFCanvas returns a PDF canvas whose document dates are PDFDate.
func newPDFCanvas(w, h vg.Length) *vgpdf.Canvas {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	fpdf.SetDefaultCreationDate(PDFDate)
	fpdf.SetDefaultModificationDate(PDFDate)
	c := vgpdf.New(w, h)
	c.EmbedFonts(false) // text is drawn as outlines: no font is used
	return c
}
