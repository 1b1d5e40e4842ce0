package out

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

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
		svgRing(b, n)
		svgShape(b, n)
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n<g class=\"labels\">\n")
	for _, n := range s.Nodes {
		if n.Label == nil {
			continue
		}
		if len(n.Leader) == 2 {
			fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#666666\" stroke-width=\"0.5\"/>",
				num(n.Leader[0].X), num(n.Leader[0].Y), num(n.Leader[1].X), num(n.Leader[1].Y))
		}
		svgText(b, *n.Label)
		b.WriteString("\n")
	}
	b.WriteString("</g>\n<g class=\"legend\" stroke=\"#333333\" stroke-width=\"0.6\">\n")
	for _, m := range s.Marks {
		svgRing(b, m)
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

// svgRing rings a focal node.
func svgRing(b *bufio.Writer, n sceneNode) {
	if n.Focal {
		fmt.Fprintf(b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"none\" stroke=\"#111111\" stroke-width=\"1.6\"/>", num(n.X), num(n.Y), num(math.Max(n.W, n.H)/2+3))
	}
}

func svgShape(b *bufio.Writer, n sceneNode) {
	if n.Plain {
		return
	}
	if len(n.Slices) > 0 {
		svgPie(b, n)
		return
	}
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
	if typeset.IsRTL(t.Text) {
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
	stroke := "stroke=\"none\""
	if t.Halo {
		stroke = "stroke=\"#ffffff\" stroke-width=\"2.2\" stroke-linejoin=\"round\" paint-order=\"stroke\""
	}
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\" fill=\"%s\" %s%s%s>%s</text>",
		num(t.X), num(t.Y), num(t.Size), anchor, svgAttr(t.Color), stroke, weight, dir, svgEscape(t.Text))
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

// svgPie draws a pie node: one wedge per slice, clockwise from the top.
func svgPie(b *bufio.Writer, n sceneNode) {
	r := n.W / 2
	for _, w := range pieWedges(n) {
		if w.full {
			fmt.Fprintf(b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>", num(n.X), num(n.Y), num(r), svgAttr(w.color))
			continue
		}
		large := 0
		if w.a1-w.a0 > math.Pi {
			large = 1
		}
		fmt.Fprintf(b, "<path d=\"M%s,%s L%s,%s A%s,%s 0 %d 1 %s,%s Z\" fill=\"%s\" stroke-width=\"0.4\"/>",
			num(n.X), num(n.Y), num(n.X+r*math.Sin(w.a0)), num(n.Y-r*math.Cos(w.a0)), num(r), num(r), large,
			num(n.X+r*math.Sin(w.a1)), num(n.Y-r*math.Cos(w.a1)), svgAttr(w.color))
	}
}
