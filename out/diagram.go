package out

import (
	"context"
	"fmt"
	"io"
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
	// DPI is the resolution of a PNG (0 for DefaultDPI).
	DPI int
	// PDFText is how a PDF carries the text: PDFFonts ("" too) or
	// PDFOutlines.
	PDFText PDFText
	// Pos, when it has a position for every node, pins the nodes there
	// (points, y down) and the diagram is drawn without Graphviz, with
	// straight ties (diagram_pinned.go).
	Pos []Point
}

// Point is a position in points.
type Point struct{ X, Y float64 }

// Slice is one part of a pie node.
type Slice struct {
	Share float64
	Color string
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
	Focal  bool    // ringed and labelled first: the ego view's organization
	// Slices, when not empty, draw the node as a pie: shares (summing to
	// 1) in their colours, clockwise from the top.
	Slices []Slice
	// Plain draws no mark, only the label inside (headings of a grid).
	Plain bool
	Bold  bool   // the label in bold
	Class string // CSS class in SVG (the sector id)
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
	Focal bool // the mark is ringed, as the ego view's organization
}

// bigDrawing is the number of nodes or ties above which a diagram is laid
// out with cheaper settings.
const bigDrawing = 300

// WriteDiagram lays d out with run (see LayOut) and writes it to w in
// format f; see Layout.Write. DOT is written without a layout.
func WriteDiagram(ctx context.Context, w io.Writer, d *Diagram, f FigureFormat, run LayoutFunc) error {
	if f == FigureDOT {
		return WriteDiagramDOT(w, d)
	}
	l, err := LayOut(ctx, run, d)
	if err != nil {
		return err
	}
	return l.Write(w, f)
}

// Write writes the laid-out diagram to w in format f: SVG (text as text,
// every node with its full name as tooltip), PNG or PDF (drawn with
// gonum/plot's canvases; PDF text in embedded fonts or as outlines, see
// PDFText; PNG text as outlines), or DOT (the source).
func (l *Layout) Write(w io.Writer, f FigureFormat) error {
	if f == FigureDOT {
		return WriteDiagramDOT(w, l.Diagram)
	}
	s := buildScene(l.Diagram, l.placed)
	switch f {
	case FigureSVG:
		return writeSVG(w, s)
	case FigurePNG, FigurePDF:
		return writeCanvas(w, s, f)
	}
	return fmt.Errorf("unknown figure format %q", f)
}
