// Package pdfcanvas is a gonum/plot canvas (vg.CanvasWriterTo) that
// writes a one-page PDF whose text is text: DejaVu Sans regular and bold
// embedded as subset TrueType fonts (CIDFontType2, Identity-H, subset
// names such as ABCDEF+DejaVuSans), set by typeset exactly as its
// outlines are (Visual order, Arabic presentation forms, kerning), with a
// ToUnicode map from each glyph to the letters it shows, so that a reader
// can select, search and copy the names.
//
// gonum/plot's own PDF canvas (vgpdf) embeds fonts in the cp1252 code
// page only, and codeberg.org/go-pdf/fpdf's UTF-8 fonts map runes through
// the font's cmap with an identity ToUnicode (a copied Arabic name comes
// out as presentation forms) under a name no reader takes for a subset;
// neither can show the glyphs typeset chose at the places it chose. So
// this package writes the PDF itself: one page, paths, colours with
// opacity, images, and the fonts.
//
// The same drawing gives the same bytes: objects, fonts and resources
// are numbered in the order of first use, the subset's tag is a hash of
// its glyphs, and the document dates are the ones given.
package pdfcanvas

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

// Canvas is a one-page PDF of a given size, in points, origin bottom
// left.
type Canvas struct {
	w, h  vg.Length
	date  time.Time
	title string

	content bytes.Buffer
	stack   []state

	fonts   []*fontUse // in order of first use
	alphas  []float64  // ExtGState /GSi has opacity alphas[i-1]
	images  []image.Image
	started bool // a path has a current point
}

// state is what Push saves besides the PDF graphics state: what the
// canvas needs to know of it.
type state struct {
	width vg.Length
	alpha float64
}

// New returns a canvas of w x h points whose document dates are date.
func New(w, h vg.Length, date time.Time) *Canvas {
	c := &Canvas{w: w, h: h, date: date, stack: []state{{width: 1, alpha: 1}}}
	vg.Initialize(c)
	return c
}

// SetTitle sets the document's title (its Info dictionary).
func (c *Canvas) SetTitle(s string) { c.title = s }

func (c *Canvas) top() *state { return &c.stack[len(c.stack)-1] }

// Size returns the page size.
func (c *Canvas) Size() (w, h vg.Length) { return c.w, c.h }

// SetLineWidth sets the width of stroked paths; lines of width 0 or less
// are not drawn.
func (c *Canvas) SetLineWidth(w vg.Length) {
	c.top().width = w
	if w > 0 {
		c.op(float64(w), "w")
	}
}

// SetLineDash sets the dash pattern of stroked paths.
func (c *Canvas) SetLineDash(pattern []vg.Length, offset vg.Length) {
	c.content.WriteByte('[')
	for i, d := range pattern {
		if i > 0 {
			c.content.WriteByte(' ')
		}
		c.content.WriteString(num(float64(d)))
	}
	c.content.WriteString("] ")
	c.op(float64(offset), "d")
}

// SetColor sets the colour of strokes, fills and text, with its opacity.
func (c *Canvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	n := color.NRGBAModel.Convert(col).(color.NRGBA)
	r, g, b := float64(n.R)/255, float64(n.G)/255, float64(n.B)/255
	c.op(r, g, b, "rg")
	c.op(r, g, b, "RG")
	if a := float64(n.A) / 255; a != c.top().alpha {
		c.top().alpha = a
		c.content.WriteString("/GS" + strconv.Itoa(c.alphaState(a)) + " gs\n")
	}
}

func (c *Canvas) alphaState(a float64) int {
	for i, x := range c.alphas {
		if x == a {
			return i + 1
		}
	}
	c.alphas = append(c.alphas, a)
	return len(c.alphas)
}

// Rotate turns the coordinates counter-clockwise by rad radians.
func (c *Canvas) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	c.op(co, s, -s, co, 0, 0, "cm")
}

// Translate moves the origin to pt.
func (c *Canvas) Translate(pt vg.Point) {
	c.op(1, 0, 0, 1, float64(pt.X), float64(pt.Y), "cm")
}

// Scale scales the coordinates.
func (c *Canvas) Scale(x, y float64) {
	c.op(x, 0, 0, y, 0, 0, "cm")
}

// Push saves the graphics state (PDF's q).
func (c *Canvas) Push() {
	c.stack = append(c.stack, *c.top())
	c.content.WriteString("q\n")
}

// Pop restores the state saved by the matching Push (PDF's Q).
func (c *Canvas) Pop() {
	if len(c.stack) < 2 {
		return
	}
	c.stack = c.stack[:len(c.stack)-1]
	c.content.WriteString("Q\n")
}

// Stroke strokes p.
func (c *Canvas) Stroke(p vg.Path) {
	if c.top().width <= 0 || !c.path(p) {
		return
	}
	c.content.WriteString("S\n")
}

// Fill fills p by the nonzero winding rule.
func (c *Canvas) Fill(p vg.Path) {
	if c.path(p) {
		c.content.WriteString("f\n")
	}
}

// path writes p's construction operators; false when it has none.
func (c *Canvas) path(p vg.Path) bool {
	if len(p) == 0 {
		return false
	}
	var cur, start vg.Point
	c.started = false
	for _, pc := range p {
		switch pc.Type {
		case vg.MoveComp:
			c.op(float64(pc.Pos.X), float64(pc.Pos.Y), "m")
			cur, start, c.started = pc.Pos, pc.Pos, true
		case vg.LineComp:
			c.lineTo(pc.Pos)
			cur = pc.Pos
		case vg.ArcComp:
			var begin vg.Point
			wasStarted := c.started
			begin, cur = c.arc(pc)
			if !wasStarted {
				start = begin
			}
		case vg.CurveComp:
			var c1, c2 vg.Point
			switch len(pc.Control) {
			case 1: // quadratic, as the cubic through the same points
				q := pc.Control[0]
				c1 = vg.Point{X: cur.X + 2*(q.X-cur.X)/3, Y: cur.Y + 2*(q.Y-cur.Y)/3}
				c2 = vg.Point{X: pc.Pos.X + 2*(q.X-pc.Pos.X)/3, Y: pc.Pos.Y + 2*(q.Y-pc.Pos.Y)/3}
			case 2:
				c1, c2 = pc.Control[0], pc.Control[1]
			default:
				panic("pdfcanvas: a curve with " + strconv.Itoa(len(pc.Control)) + " control points")
			}
			if !c.started {
				c.op(float64(cur.X), float64(cur.Y), "m")
				c.started = true
			}
			c.op(float64(c1.X), float64(c1.Y), float64(c2.X), float64(c2.Y), float64(pc.Pos.X), float64(pc.Pos.Y), "c")
			cur = pc.Pos
		case vg.CloseComp:
			if c.started {
				c.content.WriteString("h\n")
			}
			cur = start
		default:
			panic("pdfcanvas: unknown path component " + strconv.Itoa(pc.Type))
		}
	}
	return c.started
}

func (c *Canvas) lineTo(p vg.Point) {
	if c.started {
		c.op(float64(p.X), float64(p.Y), "l")
	} else {
		c.op(float64(p.X), float64(p.Y), "m")
		c.started = true
	}
}

// arc writes an arc as cubic Béziers of at most a quarter turn each,
// after a line from the current point to its start (as vgimg and vgsvg
// draw it), and returns its start and end.
func (c *Canvas) arc(pc vg.PathComp) (begin, end vg.Point) {
	cx, cy, r := float64(pc.Pos.X), float64(pc.Pos.Y), float64(pc.Radius)
	at := func(a float64) (float64, float64) { return cx + r*math.Cos(a), cy + r*math.Sin(a) }
	x0, y0 := at(pc.Start)
	begin = vg.Point{X: vg.Length(x0), Y: vg.Length(y0)}
	c.lineTo(begin)
	n := int(math.Ceil(math.Abs(pc.Angle) / (math.Pi / 2)))
	if n > 0 {
		d := pc.Angle / float64(n)
		k := 4.0 / 3 * math.Tan(d/4)
		for i := range n {
			a0 := pc.Start + float64(i)*d
			a1 := a0 + d
			xa, ya := at(a0)
			xb, yb := at(a1)
			c.op(xa-k*r*math.Sin(a0), ya+k*r*math.Cos(a0), xb+k*r*math.Sin(a1), yb-k*r*math.Cos(a1), xb, yb, "c")
		}
	}
	x1, y1 := at(pc.Start + pc.Angle)
	return begin, vg.Point{X: vg.Length(x1), Y: vg.Length(y1)}
}

// FillString shows text with its baseline starting at pt, in DejaVu Sans
// (bold for weights from bold up) at the face's size, set by typeset.Set.
func (c *Canvas) FillString(f font.Face, pt vg.Point, text string) {
	size := f.Font.Size.Points()
	if size == 0 {
		return
	}
	bold := f.Font.Weight >= xfont.WeightBold
	c.ShowText(text, size, bold, pt.X.Points(), pt.Y.Points())
}

// ShowText shows s at size points in the regular or bold face, its
// baseline starting at (x, y).
func (c *Canvas) ShowText(s string, size float64, bold bool, x, y float64) {
	l := typeset.Set(s, bold)
	if len(l.Glyphs) == 0 {
		return
	}
	fu := c.font(bold)
	scale := 1000 / l.UnitsPerEm // glyph space: thousandths of the size
	b := &c.content
	b.WriteString("BT\n/F" + strconv.Itoa(fu.res) + " ")
	c.op(size, "Tf")
	c.op(x, y, "Td")
	b.WriteString("[<")
	end := 0.0 // where the previous glyph's advance left the pen
	for i, g := range l.Glyphs {
		fu.use(g)
		if i > 0 && g.X != end {
			// TJ's numbers move the pen back by thousandths of the size.
			b.WriteString("> " + num(-(g.X-end)*scale) + " <")
		}
		fmt.Fprintf(b, "%04X", int(g.ID))
		end = g.X + g.Advance
	}
	b.WriteString(">] TJ\nET\n")
}

// DrawImage draws img scaled into rect.
func (c *Canvas) DrawImage(rect vg.Rectangle, img image.Image) {
	c.images = append(c.images, img)
	sz := rect.Size()
	c.content.WriteString("q\n")
	c.op(float64(sz.X), 0, 0, float64(sz.Y), float64(rect.Min.X), float64(rect.Min.Y), "cm")
	c.content.WriteString("/Im" + strconv.Itoa(len(c.images)) + " Do\nQ\n")
}

// op writes the operands and the operator.
func (c *Canvas) op(args ...any) {
	for i, a := range args {
		if i > 0 {
			c.content.WriteByte(' ')
		}
		switch v := a.(type) {
		case float64:
			c.content.WriteString(num(v))
		case string:
			c.content.WriteString(v)
		}
	}
	c.content.WriteByte('\n')
}

// num writes x with at most 4 decimals (1/10,000 point), no exponent.
func num(x float64) string {
	x = math.Round(x*1e4) / 1e4
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
