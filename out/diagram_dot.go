package out

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

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
	names := make([]string, len(d.Nodes))
	root := ""
	for i, n := range d.Nodes {
		names[i] = dotBareID(n.ID, i)
		if n.ID == d.Root {
			root = names[i]
		}
	}
	fmt.Fprintf(w, "\tgraph [layout=%s, start=%d, overlap=%s, splines=%s, outputorder=edgesfirst, forcelabels=true, pad=0.1, sep=\"+6\"", dotValue(d.Layout), d.Seed, dotValue(overlap), splines)
	if d.Layout == "sfdp" || d.Layout == "fdp" {
		w.WriteString(", K=0.6")
	}
	if root != "" {
		fmt.Fprintf(w, ", root=%s", root)
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
		fmt.Fprintf(w, ", label=%s, labelloc=b, labeljust=l, fontname=\"DejaVu Sans\", fontsize=10", dotLabel(lab.String()))
	}
	w.WriteString("];\n")
	fmt.Fprintf(w, "\tnode [fontname=\"Helvetica\", fontsize=%s, style=filled, penwidth=0.6, color=\"#333333\", fixedsize=true];\n", num(labelFont*1.1))
	w.WriteString("\tedge [color=\"#999999\"];\n")
	for i, n := range d.Nodes {
		h := n.Height
		if h == 0 {
			h = n.Size
		}
		attrs := []string{
			"shape=" + n.Shape.dotShape(),
			"width=" + num(n.Size/72), "height=" + num(h/72),
			"fillcolor=" + dotLabel(n.Fill),
		}
		if n.Inside {
			attrs = append(attrs, "label="+dotLabel(n.Label))
		} else {
			attrs = append(attrs, `label=""`)
			// sectornet places outside labels itself after the layout
			// (diagram_labels.go); the DOT source keeps them for
			// Graphviz's own tools.
			if n.Label != "" && legend {
				attrs = append(attrs, "xlabel="+dotLabel(n.Label))
			}
		}
		if n.Name != "" && n.Name != n.Label {
			attrs = append(attrs, "tooltip="+dotLabel(n.Name))
		}
		fmt.Fprintf(w, "\t%s [%s];\n", names[i], strings.Join(attrs, ", "))
	}
	for _, e := range d.Edges {
		attrs := []string{"penwidth=" + num(e.Width)}
		if e.Color != "" {
			attrs = append(attrs, "color="+dotLabel(e.Color))
		}
		if e.Style == EdgeDashed {
			attrs = append(attrs, "style=dashed")
		}
		if e.Label != "" {
			attrs = append(attrs, "label="+dotLabel(e.Label), "fontsize="+num(labelFont))
		}
		fmt.Fprintf(w, "\t%s -- %s [%s];\n", names[e.U], names[e.V], strings.Join(attrs, ", "))
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
