package out

import (
	"math"
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
func baselineFor(y, size float64) float64 { return y + typeset.Ascent(size)*0.5 - size*0.07 }

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
			lw = math.Max(lw, typeset.Width(line, noteFont, false))
		}
		ly += 3
	}
	s.W = lx + lw + margin
	s.H = math.Max(margin+gh, ly) + margin
	// Node labels may stick out of Graphviz's box: widen to fit them.
	for _, n := range s.Nodes {
		if n.Label != nil {
			w := typeset.Width(n.Label.Text, n.Label.Size, false)
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
