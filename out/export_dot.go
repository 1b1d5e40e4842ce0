package out

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteDOT writes x in Graphviz's DOT language
// (https://graphviz.org/doc/info/lang.html) as an undirected graph, ready
// to lay out by hand (dot, neato, sfdp): nodes filled with their colour
// and labelled with their name (forums and meetings of a two-mode network
// as boxes), the node's sector and attributes as extra attributes that
// Graphviz keeps (see dotString); ties with their weight, and pen widths from 1 to 5 in
// proportion to it.
func WriteDOT(w io.Writer, x *Export) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "graph %s {\n", dotLabel(x.Title))
	bw.WriteString("\tgraph [overlap=false, outputorder=edgesfirst];\n")
	bw.WriteString("\tnode [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=10];\n")
	bw.WriteString("\tedge [color=\"#00000066\"];\n")
	ids := make([]string, len(x.Nodes))
	for i, n := range x.Nodes {
		ids[i] = dotID(n.ID, i)
		attrs := []string{"label=" + dotLabel(n.Label)}
		if x.FirstMode > 0 && i >= x.FirstMode {
			attrs = append(attrs, "shape=box")
		}
		if n.Color != "" {
			attrs = append(attrs, "fillcolor="+dotLabel(n.Color))
			if r, g, b, ok := rgb(n.Color); ok && 299*r+587*g+114*b < 128000 {
				attrs = append(attrs, `fontcolor="white"`)
			}
		}
		if ids[i] != `"`+n.ID+`"` {
			attrs = append(attrs, "orgid="+dotString(n.ID))
		}
		if n.Type != "" {
			attrs = append(attrs, "type="+dotString(n.Type))
		}
		for a, v := range n.Values {
			if s, ok := formatValue(v); ok {
				attrs = append(attrs, dotAttrName(x.Attrs[a].Name)+"="+dotString(s))
			}
		}
		fmt.Fprintf(bw, "\t%s [%s];\n", ids[i], strings.Join(attrs, ", "))
	}
	maxW := 0.0
	for _, t := range x.Ties {
		maxW = max(maxW, t.Weight)
	}
	// One line a tie, appended without fmt (a forum of 5,000 has 12.5
	// million); the weight's text is kept while the weight repeats.
	var line []byte
	lastW, wText := math.NaN(), ""
	for _, t := range x.Ties {
		if t.Weight != lastW {
			pen := 1.0
			if maxW > 0 {
				pen = 1 + 4*t.Weight/maxW
			}
			lastW, wText = t.Weight, " [weight="+FormatFloat(t.Weight)+", penwidth="+strconv.FormatFloat(pen, 'f', 2, 64)+"];\n"
		}
		line = append(line[:0], '\t')
		line = append(line, ids[t.U]...)
		line = append(line, " -- "...)
		line = append(line, ids[t.V]...)
		line = append(line, wText...)
		bw.Write(line)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
