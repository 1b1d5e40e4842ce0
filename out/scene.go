package out

import (
	"bufio"
	"context"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// Text sizes of diagrams, in points.
const (
	labelFont   = 8.0
	legendFont  = 9.0
	headingFont = 10.5
	noteFont    = 8.0
	margin      = 12.0
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

// PNGDPI is the resolution of PNG figures: 2 pixels per point, less for
// drawings so big that their longer side would pass MaxPNGSide pixels.
const PNGDPI = 144

// MaxPNGSide is the longest side of a PNG diagram, in pixels.
const MaxPNGSide = 6000

func pngDPI(w, h float64) int {
	side := math.Max(w, h) // points
	if side*PNGDPI/72 <= MaxPNGSide {
		return PNGDPI
	}
	return max(1, int(MaxPNGSide*72/side))
}

// PDFDate is the creation date written into every PDF, so that the same
// input gives the same bytes.
var PDFDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteDiagram lays d out with Graphviz and writes it to w in format f:
// SVG (text as text, every node with its full name as tooltip), PNG or
// PDF (drawn with gonum/plot's canvases, text as outlines), or DOT (the
// source, not laid out).
func WriteDiagram(ctx context.Context, w io.Writer, d *Diagram, f FigureFormat) error {
	if f == FigureDOT {
		return WriteDiagramDOT(w, d)
	}
	p, err := layout(ctx, d)
	if err != nil {
		return err
	}
	s := buildScene(d, p)
	switch f {
	case FigureSVG:
		return writeSVG(w, s)
	case FigurePNG, FigurePDF:
		return writeCanvas(w, s, f)
	}
	return fmt.Errorf("unknown figure format %q", f)
}

// scene is a laid-out figure in points, origin top left, y down.
type scene struct {
	W, H  float64
	Title string
	Edges []sceneEdge
	Nodes []sceneNode
	Marks []sceneNode // legend marks
	Lines []sceneEdge // legend tie samples
	Texts []sceneText
}

type sceneNode struct {
	ID, Class, Title string
	X, Y, W, H       float64
	Shape            Shape
	Fill             string
	Label            *sceneText
}

type sceneEdge struct {
	Pts     []pt // p0 then three points per cubic segment
	Width   float64
	Color   string
	Opacity float64
	Dashed  bool
	Title   string
	Label   *sceneText
}

type sceneText struct {
	X, Y   float64 // baseline point
	Size   float64
	Bold   bool
	Anchor string // start, middle or end
	Text   string
	Color  string
}

// baselineFor returns the baseline that centres text of size vertically
// on y.
func baselineFor(y, size float64) float64 { return y + fontAscent(size)*0.5 - size*0.07 }

func buildScene(d *Diagram, p *placed) *scene {
	s := &scene{Title: d.Title}
	x0, y1 := p.BB[0], p.BB[3]
	gw, gh := p.BB[2]-p.BB[0], p.BB[3]-p.BB[1]
	tr := func(x, y float64) (float64, float64) { return margin + x - x0, margin + y1 - y }
	for k, e := range d.Edges {
		pe := p.Edges[k]
		se := sceneEdge{Width: e.Width, Color: e.Color, Opacity: e.Opacity, Dashed: e.Style == EdgeDashed, Title: e.Tip}
		for _, q := range pe.Pts {
			x, y := tr(q.X, q.Y)
			se.Pts = append(se.Pts, pt{x, y})
		}
		if e.Label != "" && pe.HasL {
			x, y := tr(pe.LX, pe.LY)
			se.Label = &sceneText{X: x, Y: baselineFor(y, labelFont), Size: labelFont, Anchor: "middle", Text: e.Label, Color: "#333333"}
		}
		s.Edges = append(s.Edges, se)
	}
	for i, n := range d.Nodes {
		pn := p.Nodes[i]
		x, y := tr(pn.X, pn.Y)
		h := n.Height
		if h == 0 {
			h = n.Size
		}
		sn := sceneNode{ID: n.ID, Class: n.Class, X: x, Y: y, W: n.Size, H: h, Shape: n.Shape, Fill: n.Fill}
		var tip []string
		if n.Name != "" && n.Name != n.Label {
			tip = append(tip, n.Name)
		}
		if n.Info != "" {
			tip = append(tip, n.Info)
		}
		sn.Title = strings.Join(tip, "\n")
		if n.Label != "" {
			switch {
			case n.Inside:
				sn.Label = &sceneText{X: x, Y: baselineFor(y, labelFont), Size: labelFont, Anchor: "middle", Text: n.Label, Color: "#111111"}
			case pn.HasL:
				lx, ly := tr(pn.LX, pn.LY)
				sn.Label = &sceneText{X: lx, Y: baselineFor(ly, labelFont), Size: labelFont, Anchor: "middle", Text: n.Label, Color: "#111111"}
			default:
				sn.Label = &sceneText{X: x, Y: y + h/2 + labelFont + 1, Size: labelFont, Anchor: "middle", Text: n.Label, Color: "#111111"}
			}
		}
		s.Nodes = append(s.Nodes, sn)
	}
	// The legend, right of the drawing.
	lx := margin + gw + 24
	if len(d.Nodes) == 0 {
		lx = margin
	}
	ly := margin
	lw := 0.0
	if d.Legend.Heading != "" {
		ly += headingFont
		s.Texts = append(s.Texts, sceneText{X: lx, Y: ly, Size: headingFont, Bold: true, Anchor: "start", Text: d.Legend.Heading, Color: "#111111"})
		lw = textWidth(d.Legend.Heading, headingFont, true)
		ly += 8
	}
	const row = 15.0
	labelW, countW := 0.0, 0.0
	for _, it := range d.Legend.Items {
		labelW = math.Max(labelW, textWidth(it.Label, legendFont, false))
		countW = math.Max(countW, textWidth(it.Count, legendFont, false))
	}
	for _, it := range d.Legend.Items {
		cy := ly + row/2
		tx := lx + 24
		switch {
		case it.Fill != "":
			s.Marks = append(s.Marks, sceneNode{X: lx + 8, Y: cy, W: 10, H: 10, Shape: it.Shape, Fill: it.Fill})
		case it.Line != "":
			wd := it.Width
			if wd == 0 {
				wd = 1
			}
			s.Lines = append(s.Lines, sceneEdge{Pts: []pt{{lx, cy}, {lx + 6, cy}, {lx + 12, cy}, {lx + 18, cy}}, Width: wd, Color: it.Line, Dashed: it.Style == EdgeDashed})
		}
		s.Texts = append(s.Texts, sceneText{X: tx, Y: baselineFor(cy, legendFont), Size: legendFont, Anchor: "start", Text: it.Label, Color: "#111111"})
		w := tx - lx + labelW
		if it.Count != "" {
			cx := tx + labelW + 10 + countW
			s.Texts = append(s.Texts, sceneText{X: cx, Y: baselineFor(cy, legendFont), Size: legendFont, Anchor: "end", Text: it.Count, Color: "#111111"})
			w = cx - lx
		}
		lw = math.Max(lw, w)
		ly += row
	}
	if len(d.Legend.Notes) > 0 {
		ly += 6
	}
	for _, n := range d.Legend.Notes {
		for _, line := range wrap(n, 52) {
			ly += noteFont + 3
			s.Texts = append(s.Texts, sceneText{X: lx, Y: ly, Size: noteFont, Anchor: "start", Text: line, Color: "#444444"})
			lw = math.Max(lw, textWidth(line, noteFont, false))
		}
		ly += 3
	}
	s.W = lx + lw + margin
	s.H = math.Max(margin+gh, ly) + margin
	// Node labels may stick out of Graphviz's box: widen to fit them.
	for _, n := range s.Nodes {
		if n.Label != nil {
			w := textWidth(n.Label.Text, n.Label.Size, false)
			if n.Label.X-w/2 < 2 || n.Label.Y+3 > s.H {
				// Rare; shift everything would be costlier than clipping a
				// few points, so just extend the page downwards.
				s.H = math.Max(s.H, n.Label.Y+4)
			}
		}
	}
	return s
}

// wrap breaks s into lines of at most n characters at spaces.
func wrap(s string, n int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && len([]rune(cur.String()))+1+len([]rune(w)) > n {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// shapePoints returns the polygon of a shape centred on (x, y), y down;
// nil for circles.
func shapePoints(sh Shape, x, y, w, h float64) []pt {
	switch sh {
	case ShapeSquare, ShapeBox:
		return []pt{{x - w/2, y - h/2}, {x + w/2, y - h/2}, {x + w/2, y + h/2}, {x - w/2, y + h/2}}
	case ShapeDiamond:
		return []pt{{x, y - h/2 - 1}, {x + w/2 + 1, y}, {x, y + h/2 + 1}, {x - w/2 - 1, y}}
	case ShapeTriangle:
		return []pt{{x, y - h/2 - 1}, {x + w/2 + 1, y + h/2 - 0.5}, {x - w/2 - 1, y + h/2 - 0.5}}
	case ShapeHexagon:
		var ps []pt
		for k := 0; k < 6; k++ {
			a := math.Pi / 3 * float64(k)
			ps = append(ps, pt{x + w/2*math.Cos(a), y + h/2*math.Sin(a)})
		}
		return ps
	}
	return nil
}

// writeSVG writes s as a standalone SVG 1.1 document.
func writeSVG(w io.Writer, s *scene) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\">\n", num(s.W), num(s.H), num(s.W), num(s.H))
	if s.Title != "" {
		fmt.Fprintf(b, "<title>%s</title>\n", svgEscape(s.Title))
	}
	fmt.Fprintf(b, "<rect x=\"0\" y=\"0\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", num(s.W), num(s.H))
	b.WriteString("<g class=\"ties\" fill=\"none\" stroke-linecap=\"round\">\n")
	for _, e := range s.Edges {
		svgEdge(b, e)
	}
	b.WriteString("</g>\n<g class=\"nodes\" stroke=\"#333333\" stroke-width=\"0.6\">\n")
	for _, n := range s.Nodes {
		fmt.Fprintf(b, "<g class=\"node %s\" id=\"%s\">", svgAttr(n.Class), svgAttr("n-"+n.ID))
		if n.Title != "" {
			fmt.Fprintf(b, "<title>%s</title>", svgEscape(n.Title))
		}
		svgShape(b, n)
		if n.Label != nil {
			svgText(b, *n.Label)
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n<g class=\"legend\" stroke=\"#333333\" stroke-width=\"0.6\">\n")
	for _, m := range s.Marks {
		svgShape(b, m)
		b.WriteString("\n")
	}
	for _, e := range s.Lines {
		svgEdge(b, e)
	}
	for _, t := range s.Texts {
		svgText(b, t)
		b.WriteString("\n")
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Flush()
}

func svgEdge(b *bufio.Writer, e sceneEdge) {
	if len(e.Pts) < 2 {
		return
	}
	var d strings.Builder
	fmt.Fprintf(&d, "M%s,%s", num(e.Pts[0].X), num(e.Pts[0].Y))
	for i := 1; i+2 < len(e.Pts); i += 3 {
		fmt.Fprintf(&d, " C%s,%s %s,%s %s,%s", num(e.Pts[i].X), num(e.Pts[i].Y), num(e.Pts[i+1].X), num(e.Pts[i+1].Y), num(e.Pts[i+2].X), num(e.Pts[i+2].Y))
	}
	fmt.Fprintf(b, "<path d=\"%s\" stroke=\"%s\" stroke-width=\"%s\"", d.String(), svgAttr(e.Color), num(e.Width))
	if e.Opacity > 0 && e.Opacity < 1 {
		fmt.Fprintf(b, " stroke-opacity=\"%s\"", num(e.Opacity))
	}
	if e.Dashed {
		fmt.Fprintf(b, " stroke-dasharray=\"%s %s\"", num(3*math.Max(1, e.Width)), num(2*math.Max(1, e.Width)))
	}
	if e.Title != "" {
		fmt.Fprintf(b, "><title>%s</title></path>", svgEscape(e.Title))
	} else {
		b.WriteString("/>")
	}
	if e.Label != nil {
		svgText(b, *e.Label)
	}
	b.WriteString("\n")
}

func svgShape(b *bufio.Writer, n sceneNode) {
	if n.Shape == ShapeCircle {
		if n.W == n.H {
			fmt.Fprintf(b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>", num(n.X), num(n.Y), num(n.W/2), svgAttr(n.Fill))
		} else {
			fmt.Fprintf(b, "<ellipse cx=\"%s\" cy=\"%s\" rx=\"%s\" ry=\"%s\" fill=\"%s\"/>", num(n.X), num(n.Y), num(n.W/2), num(n.H/2), svgAttr(n.Fill))
		}
		return
	}
	if n.Shape == ShapeBox {
		fmt.Fprintf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"3\" fill=\"%s\"/>", num(n.X-n.W/2), num(n.Y-n.H/2), num(n.W), num(n.H), svgAttr(n.Fill))
		return
	}
	var ps []string
	for _, q := range shapePoints(n.Shape, n.X, n.Y, n.W, n.H) {
		ps = append(ps, num(q.X)+","+num(q.Y))
	}
	fmt.Fprintf(b, "<polygon points=\"%s\" fill=\"%s\"/>", strings.Join(ps, " "), svgAttr(n.Fill))
}

func svgText(b *bufio.Writer, t sceneText) {
	anchor := t.Anchor
	dir := ""
	if isRTL(t.Text) {
		// In a right-to-left text the start is its right end.
		dir = " direction=\"rtl\" unicode-bidi=\"embed\""
		switch anchor {
		case "start":
			anchor = "end"
		case "end":
			anchor = "start"
		}
	}
	weight := ""
	if t.Bold {
		weight = " font-weight=\"bold\""
	}
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\" fill=\"%s\" stroke=\"none\"%s%s>%s</text>",
		num(t.X), num(t.Y), num(t.Size), anchor, svgAttr(t.Color), weight, dir, svgEscape(t.Text))
}

// svgEscape escapes s as XML character data, dropping characters XML 1.0
// does not allow.
func svgEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func svgAttr(s string) string {
	return strings.NewReplacer(`"`, "&quot;", "\n", "&#10;").Replace(svgEscape(s))
}

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

// writeCanvas draws s with gonum/plot's PNG or PDF canvas.
func writeCanvas(w io.Writer, s *scene, f FigureFormat) error {
	width, height := vg.Length(s.W), vg.Length(s.H)
	var c vg.CanvasWriterTo
	switch f {
	case FigurePNG:
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(pngDPI(s.W, s.H)), vgimg.UseBackgroundColor(color.White))}
	case FigurePDF:
		c = newPDFCanvas(width, height)
	}
	drawScene(c, s)
	_, err := c.WriteTo(w)
	return err
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

// drawScene draws s on c (y up, so every y is flipped).
func drawScene(c vg.Canvas, s *scene) {
	fy := func(y float64) vg.Length { return vg.Length(s.H - y) }
	c.SetColor(color.White)
	var bg vg.Path
	bg.Move(vg.Point{X: 0, Y: 0})
	bg.Line(vg.Point{X: vg.Length(s.W), Y: 0})
	bg.Line(vg.Point{X: vg.Length(s.W), Y: vg.Length(s.H)})
	bg.Line(vg.Point{X: 0, Y: vg.Length(s.H)})
	bg.Close()
	c.Fill(bg)
	edge := func(e sceneEdge) {
		if len(e.Pts) < 2 {
			return
		}
		var p vg.Path
		p.Move(vg.Point{X: vg.Length(e.Pts[0].X), Y: fy(e.Pts[0].Y)})
		for i := 1; i+2 < len(e.Pts); i += 3 {
			p.CubeTo(vg.Point{X: vg.Length(e.Pts[i].X), Y: fy(e.Pts[i].Y)},
				vg.Point{X: vg.Length(e.Pts[i+1].X), Y: fy(e.Pts[i+1].Y)},
				vg.Point{X: vg.Length(e.Pts[i+2].X), Y: fy(e.Pts[i+2].Y)})
		}
		c.SetColor(parseColor(e.Color, e.Opacity))
		c.SetLineWidth(vg.Length(e.Width))
		if e.Dashed {
			c.SetLineDash([]vg.Length{vg.Length(3 * math.Max(1, e.Width)), vg.Length(2 * math.Max(1, e.Width))}, 0)
		} else {
			c.SetLineDash(nil, 0)
		}
		c.Stroke(p)
		if e.Label != nil {
			drawText(c, *e.Label, fy)
		}
	}
	for _, e := range s.Edges {
		edge(e)
	}
	c.SetLineDash(nil, 0)
	node := func(n sceneNode) {
		var p vg.Path
		if n.Shape == ShapeCircle {
			// Four cubic arcs (kappa 0.5523) approximate the ellipse.
			const k = 0.5522847498
			rx, ry := n.W/2, n.H/2
			x, y := n.X, n.Y
			p.Move(vg.Point{X: vg.Length(x + rx), Y: fy(y)})
			p.CubeTo(vg.Point{X: vg.Length(x + rx), Y: fy(y - k*ry)}, vg.Point{X: vg.Length(x + k*rx), Y: fy(y - ry)}, vg.Point{X: vg.Length(x), Y: fy(y - ry)})
			p.CubeTo(vg.Point{X: vg.Length(x - k*rx), Y: fy(y - ry)}, vg.Point{X: vg.Length(x - rx), Y: fy(y - k*ry)}, vg.Point{X: vg.Length(x - rx), Y: fy(y)})
			p.CubeTo(vg.Point{X: vg.Length(x - rx), Y: fy(y + k*ry)}, vg.Point{X: vg.Length(x - k*rx), Y: fy(y + ry)}, vg.Point{X: vg.Length(x), Y: fy(y + ry)})
			p.CubeTo(vg.Point{X: vg.Length(x + k*rx), Y: fy(y + ry)}, vg.Point{X: vg.Length(x + rx), Y: fy(y + k*ry)}, vg.Point{X: vg.Length(x + rx), Y: fy(y)})
			p.Close()
		} else {
			for i, q := range shapePoints(n.Shape, n.X, n.Y, n.W, n.H) {
				if i == 0 {
					p.Move(vg.Point{X: vg.Length(q.X), Y: fy(q.Y)})
				} else {
					p.Line(vg.Point{X: vg.Length(q.X), Y: fy(q.Y)})
				}
			}
			p.Close()
		}
		c.SetColor(parseColor(n.Fill, 1))
		c.Fill(p)
		c.SetColor(parseColor("#333333", 1))
		c.SetLineWidth(0.6)
		c.Stroke(p)
		if n.Label != nil {
			drawText(c, *n.Label, fy)
		}
	}
	for _, n := range s.Nodes {
		node(n)
	}
	for _, m := range s.Marks {
		node(m)
	}
	for _, e := range s.Lines {
		edge(e)
	}
	c.SetLineDash(nil, 0)
	for _, t := range s.Texts {
		drawText(c, t, fy)
	}
}

// drawText fills the outline of t's text on c.
func drawText(c vg.Canvas, t sceneText, fy func(float64) vg.Length) {
	w := textWidth(t.Text, t.Size, t.Bold)
	x := t.X
	switch t.Anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	p := textOutline(t.Text, t.Size, t.Bold, x, float64(fy(t.Y)))
	c.SetColor(parseColor(t.Color, 1))
	c.Fill(p)
}
