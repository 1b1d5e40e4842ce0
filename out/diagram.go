package out

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Shape is the outline of a diagram node.
type Shape int

// Node shapes. The first five are the sector marks, so that sectors stay
// apart in greyscale print; Box holds a label (forums).
const (
	ShapeCircle Shape = iota
	ShapeSquare
	ShapeDiamond
	ShapeTriangle
	ShapeHexagon
	ShapeBox
)

var shapeNames = [...]string{"circle", "square", "diamond", "triangle", "hexagon", "box"}

func (s Shape) String() string { return shapeNames[s] }

// dotShape is the Graphviz shape drawn for s.
func (s Shape) dotShape() string {
	switch s {
	case ShapeSquare, ShapeBox:
		return "box"
	case ShapeDiamond:
		return "diamond"
	case ShapeTriangle:
		return "triangle"
	case ShapeHexagon:
		return "hexagon"
	}
	return "circle"
}

// Diagram is a network picture before layout: nodes, ties and a legend.
// Sizes are in points (1/72 inch).
type Diagram struct {
	Title  string
	Layout string // Graphviz engine: dot, neato, fdp, sfdp, circo or twopi
	Seed   int    // layout seed (neato, fdp, sfdp start positions)
	Root   string // centre node of twopi and circo, "" for Graphviz's choice
	// Overlap is Graphviz's overlap removal: "scale" (the default) keeps
	// the layout's shape, "prism" removes overlaps locally.
	Overlap string
	Nodes   []DiagramNode
	Edges   []DiagramEdge
	Legend  Legend
}

// DiagramNode is one node of a diagram.
type DiagramNode struct {
	ID     string // unique, shown in DOT and as the SVG element id
	Label  string // visible label, "" for none
	Name   string // full name; the SVG tooltip when the label is shorter
	Info   string // extra tooltip line (sector, measure), may be ""
	Shape  Shape
	Fill   string  // "#rrggbb"
	Size   float64 // diameter (width of a box)
	Height float64 // height of a box; Size when 0
	Inside bool    // label inside the node (boxes) rather than beside it
	Class  string  // CSS class in SVG (the sector id)
}

// EdgeStyle is how a tie is drawn.
type EdgeStyle int

// Edge styles.
const (
	EdgeSolid EdgeStyle = iota
	EdgeDashed
)

// DiagramEdge is one tie of a diagram, between Nodes[U] and Nodes[V]
// (U == V draws a loop).
type DiagramEdge struct {
	U, V    int
	Width   float64 // stroke width in points
	Color   string
	Opacity float64 // 0 means 1
	Style   EdgeStyle
	Label   string
	Tip     string
}

// Legend explains a diagram: swatches, a line per size or tie key, and
// notes such as what was left out.
type Legend struct {
	Heading string
	Items   []LegendItem
	Notes   []string
}

// LegendItem is one line of a legend: a node mark, a tie sample or text.
type LegendItem struct {
	Label string
	Count string // a number shown in its own column, "" for none
	Shape Shape
	Fill  string // a node mark in this fill when not ""
	Line  string // else a tie sample in this colour when not ""
	Width float64
	Style EdgeStyle
}

// bigDrawing is the number of nodes or ties above which a diagram is laid
// out with cheaper settings.
const bigDrawing = 300

// WriteDiagramDOT writes d in the Graphviz DOT language: an undirected graph with
// every node's and tie's drawing attributes and the legend as comments and
// as the graph label, ready for Graphviz's own tools.
func WriteDiagramDOT(w io.Writer, d *Diagram) error {
	bw := bufio.NewWriter(w)
	writeDOT(bw, d, true)
	return bw.Flush()
}

func writeDOT(w *bufio.Writer, d *Diagram, legend bool) {
	if legend {
		if d.Title != "" {
			fmt.Fprintf(w, "// %s\n", oneLine(d.Title))
		}
		for _, n := range d.Legend.Notes {
			fmt.Fprintf(w, "// %s\n", oneLine(n))
		}
	}
	w.WriteString("graph sectornet {\n")
	overlap := d.Overlap
	if overlap == "" || len(d.Nodes) > bigDrawing {
		overlap = "scale" // prism takes minutes on thousands of nodes
	}
	// Curved ties routed around nodes cost minutes on thousands of ties;
	// big drawings get straight lines.
	splines := "true"
	if len(d.Edges) > bigDrawing {
		splines = "false"
	}
	fmt.Fprintf(w, "\tgraph [layout=%s, start=%d, overlap=%s, splines=%s, outputorder=edgesfirst, forcelabels=true, pad=0.1, sep=\"+6\"", gvID(d.Layout), d.Seed, gvID(overlap), splines)
	if d.Layout == "sfdp" || d.Layout == "fdp" {
		w.WriteString(", K=0.6")
	}
	if d.Root != "" {
		fmt.Fprintf(w, ", root=%s", gvID(d.Root))
	}
	if d.Layout == "dot" {
		w.WriteString(", rankdir=LR, nodesep=0.15, ranksep=1.2")
	}
	if legend && d.Title != "" {
		var lab strings.Builder
		lab.WriteString(d.Title)
		for _, it := range d.Legend.Items {
			lab.WriteString("\n" + strings.TrimSpace(it.Label+" "+it.Count))
		}
		for _, n := range d.Legend.Notes {
			lab.WriteString("\n" + n)
		}
		fmt.Fprintf(w, ", label=%s, labelloc=b, labeljust=l, fontname=\"DejaVu Sans\", fontsize=10", gvString(lab.String()))
	}
	w.WriteString("];\n")
	fmt.Fprintf(w, "\tnode [fontname=\"Helvetica\", fontsize=%s, style=filled, penwidth=0.6, color=\"#333333\", fixedsize=true];\n", num(labelFont*1.1))
	w.WriteString("\tedge [color=\"#999999\"];\n")
	for _, n := range d.Nodes {
		h := n.Height
		if h == 0 {
			h = n.Size
		}
		attrs := []string{
			"shape=" + n.Shape.dotShape(),
			"width=" + num(n.Size/72), "height=" + num(h/72),
			"fillcolor=" + gvString(n.Fill),
		}
		if n.Inside {
			attrs = append(attrs, "label="+gvString(n.Label))
		} else {
			attrs = append(attrs, `label=""`)
			if n.Label != "" {
				attrs = append(attrs, "xlabel="+gvString(n.Label))
			}
		}
		if n.Name != "" && n.Name != n.Label {
			attrs = append(attrs, "tooltip="+gvString(n.Name))
		}
		fmt.Fprintf(w, "\t%s [%s];\n", gvID(n.ID), strings.Join(attrs, ", "))
	}
	for _, e := range d.Edges {
		attrs := []string{"penwidth=" + num(e.Width)}
		if e.Color != "" {
			attrs = append(attrs, "color="+gvString(e.Color))
		}
		if e.Style == EdgeDashed {
			attrs = append(attrs, "style=dashed")
		}
		if e.Label != "" {
			attrs = append(attrs, "label="+gvString(e.Label), "fontsize="+num(labelFont))
		}
		fmt.Fprintf(w, "\t%s -- %s [%s];\n", gvID(d.Nodes[e.U].ID), gvID(d.Nodes[e.V].ID), strings.Join(attrs, ", "))
	}
	w.WriteString("}\n")
}

// num formats a length for DOT and SVG: at most three decimals, no
// trailing zeros.
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// gvID quotes an identifier when DOT needs it.
func gvID(s string) string {
	if s == "" {
		return `""`
	}
	plain := true
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	switch strings.ToLower(s) {
	case "graph", "node", "edge", "digraph", "subgraph", "strict":
		plain = false
	}
	if plain {
		return s
	}
	return gvString(s)
}

// gvString quotes s as a DOT string: backslashes and quotes escaped, line
// breaks as \n, other control characters dropped.
func gvString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case isControl(r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
