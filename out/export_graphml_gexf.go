package out

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xmlText escapes s for XML text or a double-quoted attribute: & < > " '
// as entities, tab, newline and carriage return as character references
// (so a newline in an attribute survives attribute-value normalization),
// and characters XML cannot hold as U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlIDs is every node's id of x escaped by xmlText, in node order.
func xmlIDs(x *Export) []string {
	ids := make([]string, len(x.Nodes))
	for i, n := range x.Nodes {
		ids[i] = xmlText(n.ID)
	}
	return ids
}

var graphmlKinds = [...]string{AttrString: "string", AttrInt: "int", AttrFloat: "double"}

// WriteGraphML writes x as GraphML (http://graphml.graphdrawing.org/,
// the GraphML 1.0 schema), as Gephi, yEd, Cytoscape and NetworkX
// read_graphml read it: an undirected graph whose nodes have the id of the
// organization (or forum, meeting), and data keys label, type (sector
// label), color (#RRGGBB) and every attribute of x; ties carry a weight
// (double).
func WriteGraphML(w io.Writer, x *Export) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	keys := append([]Attr{{"label", AttrString}, {"type", AttrString}, {"color", AttrString}}, x.Attrs...)
	for i, a := range keys {
		fmt.Fprintf(bw, "  <key id=\"n%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, xmlText(a.Name), graphmlKinds[a.Kind])
	}
	bw.WriteString(`  <key id="e0" for="edge" attr.name="weight" attr.type="double"/>` + "\n")
	bw.WriteString(`  <graph id="G" edgedefault="undirected">` + "\n")
	if x.Title != "" {
		fmt.Fprintf(bw, "    <desc>%s</desc>\n", xmlText(x.Title))
	}
	for _, n := range x.Nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", xmlText(n.ID))
		vals := append([]any{n.Label, n.Type, n.Color}, n.Values...)
		for i, v := range vals {
			if s, ok := formatValue(v); ok && !(i < 3 && s == "") {
				fmt.Fprintf(bw, "      <data key=\"n%d\">%s</data>\n", i, xmlText(s))
			}
		}
		bw.WriteString("    </node>\n")
	}
	// A dense projection has millions of ties: each id is escaped once,
	// and the edges are written without fmt.
	ids := xmlIDs(x)
	for _, t := range x.Ties {
		bw.WriteString("    <edge source=\"")
		bw.WriteString(ids[t.U])
		bw.WriteString("\" target=\"")
		bw.WriteString(ids[t.V])
		bw.WriteString("\"><data key=\"e0\">")
		bw.WriteString(FormatFloat(t.Weight))
		bw.WriteString("</data></edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

var gexfKinds = [...]string{AttrString: "string", AttrInt: "integer", AttrFloat: "double"}

// GEXF versions WriteGEXF writes.
const (
	// GEXF12 is GEXF 1.2draft, which every Gephi release since 0.8 and
	// NetworkX read_gexf (2.x and 3.x) read; the default.
	GEXF12 = "1.2draft"
	// GEXF13 is GEXF 1.3, read by Gephi 0.9.3 and later and NetworkX 3.x;
	// NetworkX 2.x and older Gephi refuse it ("No <graph> element").
	GEXF13 = "1.3"
)

// gexfHeader is the root element of each version, with its namespaces.
var gexfHeader = map[string]string{
	GEXF12: `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">`,
	GEXF13: `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`,
}

// WriteGEXF writes x as GEXF (https://gexf.net/) of the given version,
// GEXF12 (1.2draft) or GEXF13 (1.3), as Gephi and NetworkX read_gexf read
// it: nodes with their label, their type (sector label) and every
// attribute of x as attvalues, their colour as viz:color; weighted
// undirected edges.
//
// A network with waves is written as a dynamic graph (mode="dynamic",
// timeformat="integer"; in 1.3 also timerepresentation="interval"): each
// tie has one spell per wave it was reported in, and its weight in that
// wave as the dynamic edge attribute wave_weight; each node has the
// values of x.WaveAttrs in each wave as attvalues with start and end,
// declared in an attributes block of mode="dynamic" (the static ones in
// one of mode="static"), which is how Gephi and NetworkX tell them apart.
// Waves that are whole numbers (survey years) are their own times, other
// waves are numbered 1, 2, ... (named in the meta description); wave i's
// interval runs from its time to just before the next wave's (the last as
// long as the gap before it), closed at both ends, so Gephi's timeline
// shows one wave at a time.
func WriteGEXF(w io.Writer, x *Export, version string) error {
	header, ok := gexfHeader[version]
	if !ok {
		panic(fmt.Sprintf("out: GEXF version %q (want %q or %q)", version, GEXF12, GEXF13))
	}
	bw := bufio.NewWriter(w)
	dynamic := len(x.Waves) > 0
	start, end, numbered := waveTimes(x.Waves)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(header + "\n")
	desc := x.Title
	if dynamic && !numbered {
		var parts []string
		for i, wv := range x.Waves {
			parts = append(parts, fmt.Sprintf("%d = %s", start[i], wv))
		}
		desc += "; waves " + strings.Join(parts, ", ")
	}
	fmt.Fprintf(bw, "  <meta>\n    <creator>sectornet</creator>\n    <description>%s</description>\n  </meta>\n", xmlText(desc))
	switch {
	case dynamic && version == GEXF13:
		bw.WriteString(`  <graph mode="dynamic" defaultedgetype="undirected" timeformat="integer" timerepresentation="interval">` + "\n")
	case dynamic:
		bw.WriteString(`  <graph mode="dynamic" defaultedgetype="undirected" timeformat="integer">` + "\n")
	default:
		bw.WriteString(`  <graph mode="static" defaultedgetype="undirected">` + "\n")
	}
	attrs := append([]Attr{{"type", AttrString}}, x.Attrs...)
	nStatic := len(attrs)
	bw.WriteString(`    <attributes class="node" mode="static">` + "\n")
	for i, a := range attrs {
		fmt.Fprintf(bw, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, xmlText(a.Name), gexfKinds[a.Kind])
	}
	bw.WriteString("    </attributes>\n")
	if dynamic {
		// Ids follow the static ones: one numbering per class.
		bw.WriteString(`    <attributes class="node" mode="dynamic">` + "\n")
		for i, a := range x.WaveAttrs {
			fmt.Fprintf(bw, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", nStatic+i, xmlText(a.Name), gexfKinds[a.Kind])
		}
		bw.WriteString("    </attributes>\n")
		bw.WriteString(`    <attributes class="edge" mode="dynamic">` + "\n")
		bw.WriteString(`      <attribute id="0" title="wave_weight" type="double"/>` + "\n")
		bw.WriteString("    </attributes>\n")
	}
	bw.WriteString("    <nodes>\n")
	for _, n := range x.Nodes {
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n", xmlText(n.ID), xmlText(n.Label))
		bw.WriteString("        <attvalues>\n")
		for i, v := range append([]any{n.Type}, n.Values...) {
			if s, ok := formatValue(v); ok && !(i == 0 && s == "") {
				fmt.Fprintf(bw, "          <attvalue for=\"%d\" value=\"%s\"/>\n", i, xmlText(s))
			}
		}
		if dynamic {
			for k := range x.Waves {
				for a := range x.WaveAttrs {
					if s, ok := formatValue(n.Waves[k][a]); ok {
						fmt.Fprintf(bw, "          <attvalue for=\"%d\" value=\"%s\" start=\"%d\" end=\"%d\"/>\n", nStatic+a, xmlText(s), start[k], end[k])
					}
				}
			}
		}
		bw.WriteString("        </attvalues>\n")
		if r, g, b, ok := rgb(n.Color); ok {
			fmt.Fprintf(bw, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, g, b)
		}
		bw.WriteString("      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	ids := xmlIDs(x)
	var num []byte
	for i, t := range x.Ties {
		bw.WriteString("      <edge id=\"")
		num = strconv.AppendInt(num[:0], int64(i), 10)
		bw.Write(num)
		bw.WriteString("\" source=\"")
		bw.WriteString(ids[t.U])
		bw.WriteString("\" target=\"")
		bw.WriteString(ids[t.V])
		bw.WriteString("\" weight=\"")
		bw.WriteString(FormatFloat(t.Weight))
		bw.WriteString("\"")
		if !dynamic {
			bw.WriteString("/>\n")
			continue
		}
		bw.WriteString(">\n        <attvalues>\n")
		for k, wt := range t.Waves {
			if wt != 0 {
				fmt.Fprintf(bw, "          <attvalue for=\"0\" value=\"%s\" start=\"%d\" end=\"%d\"/>\n", FormatFloat(wt), start[k], end[k])
			}
		}
		bw.WriteString("        </attvalues>\n        <spells>\n")
		for k, wt := range t.Waves {
			if wt != 0 {
				fmt.Fprintf(bw, "          <spell start=\"%d\" end=\"%d\"/>\n", start[k], end[k])
			}
		}
		bw.WriteString("        </spells>\n      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// itoa is strconv.Itoa, short for the writers.
func itoa(i int) string { return strconv.Itoa(i) }
