package out

import (
	"image/color"
	"io"
	"math"

	"github.com/sectornet/sectornet/out/internal/typeset"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// writeCanvas draws s with gonum/plot's PNG canvas, or as PDF with text
// in embedded fonts or as outlines (s.PDF).
func writeCanvas(w io.Writer, s *scene, f FigureFormat) error {
	width, height := vg.Length(s.W), vg.Length(s.H)
	var cw vg.CanvasWriterTo
	var c vg.Canvas
	switch f {
	case FigurePNG:
		im := vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(pngDPI(s.W, s.H, s.DPI)), vgimg.UseBackgroundColor(color.White))}
		cw, c = im, outlineCanvas{im}
	case FigurePDF:
		cw, c = pdfCanvas(width, height, s.PDF, s.Title)
	}
	drawScene(c, s)
	_, err := cw.WriteTo(w)
	return err
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
		if n.Plain {
			return
		}
		if len(n.Slices) > 0 {
			r := n.W / 2
			for _, w := range pieWedges(n) {
				var p vg.Path
				c0 := vg.Point{X: vg.Length(n.X), Y: fy(n.Y)}
				if w.full {
					p.Move(vg.Point{X: vg.Length(n.X + r), Y: fy(n.Y)})
					p.Arc(c0, vg.Length(r), 0, 2*math.Pi)
				} else {
					// vg angles run counter-clockwise from +x; ours
					// clockwise from the top.
					p.Move(c0)
					p.Line(vg.Point{X: vg.Length(n.X + r*math.Sin(w.a0)), Y: fy(n.Y - r*math.Cos(w.a0))})
					p.Arc(c0, vg.Length(r), math.Pi/2-w.a0, -(w.a1 - w.a0))
				}
				p.Close()
				c.SetColor(parseColor(w.color, 1))
				c.Fill(p)
				c.SetColor(parseColor("#333333", 1))
				c.SetLineWidth(0.4)
				c.Stroke(p)
			}
			return
		}
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
		if n.Focal {
			r := math.Max(n.W, n.H)/2 + 3
			var ring vg.Path
			ring.Move(vg.Point{X: vg.Length(n.X + r), Y: fy(n.Y)})
			ring.Arc(vg.Point{X: vg.Length(n.X), Y: fy(n.Y)}, vg.Length(r), 0, 2*math.Pi)
			ring.Close()
			c.SetColor(parseColor("#111111", 1))
			c.SetLineWidth(1.6)
			c.Stroke(ring)
		}
	}
	for _, n := range s.Nodes {
		node(n)
	}
	// Outside labels after every node, so no node covers one.
	for _, n := range s.Nodes {
		if n.Label == nil {
			continue
		}
		if len(n.Leader) == 2 {
			var l vg.Path
			l.Move(vg.Point{X: vg.Length(n.Leader[0].X), Y: fy(n.Leader[0].Y)})
			l.Line(vg.Point{X: vg.Length(n.Leader[1].X), Y: fy(n.Leader[1].Y)})
			c.SetColor(parseColor("#666666", 1))
			c.SetLineWidth(0.5)
			c.Stroke(l)
		}
		drawText(c, *n.Label, fy)
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

// drawText draws t's text on c (c's FillString sets it as text or as
// outlines), over a white outline of it when t has a halo.
func drawText(c vg.Canvas, t sceneText, fy func(float64) vg.Length) {
	w := typeset.Width(t.Text, t.Size, t.Bold)
	x := t.X
	switch t.Anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	if t.Halo {
		c.SetColor(color.White)
		c.SetLineWidth(2.2)
		c.Stroke(typeset.Outline(t.Text, t.Size, t.Bold, x, float64(fy(t.Y))))
	}
	c.SetColor(parseColor(t.Color, 1))
	c.FillString(textFace(t.Size, t.Bold), vg.Point{X: vg.Length(x), Y: fy(t.Y)}, t.Text)
}
