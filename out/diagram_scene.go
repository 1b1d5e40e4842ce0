package out

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

// Text sizes of diagrams, in points.
const (
	labelFont   = 8.0
	legendFont  = 9.0
	headingFont = 10.5
	noteFont    = 8.0
	margin      = 12.0
)

// scene is a laid-out figure in points, origin top left, y down.
type scene struct {
	W, H  float64
	DPI   int // PNG resolution, 0 for DefaultDPI
	PDF   PDFText
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
	Leader           []pt // from the node to its label, when set apart
	Focal            bool // ringed: the ego view's organization
	Slices           []Slice
	Plain            bool
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
	Halo   bool // a white outline keeps it readable over ties
}

// baselineFor returns the baseline that centres text of size vertically
// on y.
func baselineFor(y, size float64) float64 { return y + typeset.Ascent(size)*0.5 - size*0.07 }

func buildScene(d *Diagram, p *placed) *scene {
	s := &scene{Title: d.Title, DPI: d.DPI, PDF: d.PDFText}
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
		sn.Focal, sn.Slices, sn.Plain = n.Focal, n.Slices, n.Plain
		if n.Label != "" && n.Inside {
			sn.Label = &sceneText{X: x, Y: baselineFor(y, labelFont), Size: labelFont, Anchor: "middle", Text: n.Label, Color: "#111111", Bold: n.Bold}
		}
		s.Nodes = append(s.Nodes, sn)
	}
	gw, gh, dropped := placeNodeLabels(s, d, gw, gh)
	notes := d.Legend.Notes
	if dropped > 0 {
		notes = append(slices.Clone(notes), fmt.Sprintf("%d %s left out where %s would overlap; every name is in the SVG's tooltips.",
			dropped, plural(dropped, "label", "labels"), plural(dropped, "it", "they")))
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
		lw = typeset.Width(d.Legend.Heading, headingFont, true)
		ly += 8
	}
	const row = 15.0
	labelW, countW := 0.0, 0.0
	for _, it := range d.Legend.Items {
		labelW = math.Max(labelW, typeset.Width(it.Label, legendFont, false))
		countW = math.Max(countW, typeset.Width(it.Count, legendFont, false))
	}
	for _, it := range d.Legend.Items {
		cy := ly + row/2
		tx := lx + 24
		switch {
		case it.Fill != "":
			s.Marks = append(s.Marks, sceneNode{X: lx + 8, Y: cy, W: 10, H: 10, Shape: it.Shape, Fill: it.Fill, Focal: it.Focal})
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
	if len(notes) > 0 {
		ly += 6
	}
	for _, n := range notes {
		for _, line := range wrap(n, 52) {
			ly += noteFont + 3
			s.Texts = append(s.Texts, sceneText{X: lx, Y: ly, Size: noteFont, Anchor: "start", Text: line, Color: "#444444"})
			lw = math.Max(lw, typeset.Width(line, noteFont, false))
		}
		ly += 3
	}
	s.W = lx + lw + margin
	s.H = math.Max(margin+gh, ly) + margin
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

// placeNodeLabels places the outside labels of d's nodes on s (largest
// nodes first, then in diagram order) with placeLabels, within 60 points
// of the drawing, and moves everything so that labels past the drawing's
// left or top edge fit. It returns the drawing's new size and the number
// of labels dropped.
func placeNodeLabels(s *scene, d *Diagram, gw, gh float64) (float64, float64, int) {
	var reqs []labelRequest
	for i, n := range d.Nodes {
		if n.Label != "" && !n.Inside {
			reqs = append(reqs, labelRequest{Node: i, Text: n.Label, Size: labelFont, Bold: n.Focal || n.Bold})
		}
	}
	if len(reqs) == 0 {
		return gw, gh, 0
	}
	slices.SortStableFunc(reqs, func(a, b labelRequest) int {
		fa, fb := d.Nodes[a.Node].Focal, d.Nodes[b.Node].Focal
		switch {
		case fa != fb:
			if fa {
				return -1
			}
			return 1
		case d.Nodes[a.Node].Size > d.Nodes[b.Node].Size:
			return -1
		case d.Nodes[a.Node].Size < d.Nodes[b.Node].Size:
			return 1
		}
		return 0
	})
	const slack = 60.0
	area := box{margin - slack, margin - slack, margin + gw + slack, margin + gh + slack}
	placed, dropped := placeLabels(s, reqs, area)
	bb := box{margin, margin, margin + gw, margin + gh}
	for k, q := range reqs {
		if !placed[k].OK {
			continue
		}
		t := placed[k].Text
		w := typeset.Width(t.Text, t.Size, t.Bold)
		bb.x0 = math.Min(bb.x0, t.X-w/2)
		bb.x1 = math.Max(bb.x1, t.X+w/2)
		bb.y0 = math.Min(bb.y0, t.Y-t.Size)
		bb.y1 = math.Max(bb.y1, t.Y+t.Size*0.3)
		s.Nodes[q.Node].Label = &placed[k].Text
		s.Nodes[q.Node].Leader = placed[k].Leader
	}
	dx, dy := margin-bb.x0, margin-bb.y0
	if dx != 0 || dy != 0 {
		s.shift(dx, dy)
	}
	return bb.x1 - bb.x0, bb.y1 - bb.y0, dropped
}

// shift moves the drawing (ties, nodes, their labels) by dx, dy.
func (s *scene) shift(dx, dy float64) {
	mv := func(t *sceneText) {
		if t != nil {
			t.X += dx
			t.Y += dy
		}
	}
	for i := range s.Edges {
		e := &s.Edges[i]
		for k := range e.Pts {
			e.Pts[k].X += dx
			e.Pts[k].Y += dy
		}
		mv(e.Label)
	}
	for i := range s.Nodes {
		n := &s.Nodes[i]
		n.X += dx
		n.Y += dy
		mv(n.Label)
		for k := range n.Leader {
			n.Leader[k].X += dx
			n.Leader[k].Y += dy
		}
	}
}

// wedge is one slice of a pie, angles clockwise from the top in radians.
type wedge struct {
	a0, a1 float64
	color  string
	full   bool
}

// pieWedges returns the wedges of a pie node, leaving out empty slices.
func pieWedges(n sceneNode) []wedge {
	total := 0.0
	for _, s := range n.Slices {
		total += math.Max(0, s.Share)
	}
	var ws []wedge
	a := 0.0
	for _, s := range n.Slices {
		if s.Share <= 0 || total <= 0 {
			continue
		}
		da := 2 * math.Pi * s.Share / total
		ws = append(ws, wedge{a0: a, a1: a + da, color: s.Color, full: da > 2*math.Pi-1e-9})
		a += da
	}
	return ws
}
