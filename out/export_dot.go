package out

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// dotID returns a node's name in DOT: its id, double-quoted, when DOT can
// hold it exactly (no double quote, backslash or control character: in a
// DOT ID only \" is an escape, so those cannot survive), else n1, n2, ...
// by position; the label carries the text either way.
func dotID(id string, i int) string {
	if id != "" && !strings.ContainsAny(id, "\"\\") && !strings.ContainsFunc(id, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return `"` + id + `"`
	}
	return "n" + strconv.Itoa(i+1)
}

// dotLabel returns s as a DOT escString in double quotes, as Graphviz
// reads labels: a backslash doubled, a double quote escaped, a line break
// as \n (a centred line), carriage returns dropped.
func dotLabel(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			if r < ' ' {
				r = ' '
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotString returns s as a double-quoted DOT string for an attribute that
// is not a label, which Graphviz keeps as written. In a quoted DOT string
// \" is the only escape and the lexer takes backslashes in pairs, so a
// double quote is written as \", carriage returns are dropped, and a run
// of backslashes of odd length just before a double quote, a line break or
// the end loses one backslash (it would escape the quote, join the lines
// or escape the closing quote).
func dotString(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	var b strings.Builder
	b.WriteByte('"')
	run := 0 // backslashes pending
	flush := func(before byte) {
		if run%2 == 1 && (before == '"' || before == '\n' || before == 0) {
			run--
		}
		b.WriteString(strings.Repeat(`\`, run))
		run = 0
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			run++
		case '"':
			flush(c)
			b.WriteString(`\"`)
		default:
			flush(c)
			b.WriteByte(c)
		}
	}
	flush(0)
	b.WriteByte('"')
	return b.String()
}

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
	for _, t := range x.Ties {
		pen := 1.0
		if maxW > 0 {
			pen = 1 + 4*t.Weight/maxW
		}
		fmt.Fprintf(bw, "\t%s -- %s [weight=%s, penwidth=%s];\n", ids[t.U], ids[t.V], FormatFloat(t.Weight), strconv.FormatFloat(pen, 'f', 2, 64))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// graphvizAttrs are Graphviz's own node attribute names (and a few of
// graph level), which an exported attribute must not take.
var graphvizAttrs = map[string]bool{
	"area": true, "class": true, "color": true, "colorscheme": true, "comment": true, "distortion": true, "fillcolor": true,
	"fixedsize": true, "fontcolor": true, "fontname": true, "fontsize": true, "gradientangle": true, "group": true, "height": true,
	"href": true, "id": true, "image": true, "imagepos": true, "imagescale": true, "label": true, "labelloc": true, "layer": true,
	"margin": true, "nojustify": true, "ordering": true, "orientation": true, "penwidth": true, "peripheries": true, "pin": true,
	"pos": true, "rects": true, "regular": true, "root": true, "samplepoints": true, "shape": true, "shapefile": true,
	"showboxes": true, "sides": true, "skew": true, "sortv": true, "style": true, "target": true, "tooltip": true, "url": true,
	"vertices": true, "width": true, "xlabel": true, "xlp": true, "z": true, "size": true, "weight": true, "orgid": true, "type": true,
}

// dotAttrName makes an attribute name a DOT ID: letters, digits and
// underscores, not starting with a digit, and prefixed with attr_ when it
// is one of Graphviz's own attributes.
func dotAttrName(s string) string {
	if graphvizAttrs[strings.ToLower(s)] {
		s = "attr_" + s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80:
			b.WriteRune(r)
		case r >= '0' && r <= '9':
			if i == 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}
