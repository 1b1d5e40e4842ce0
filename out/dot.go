package out

import (
	"strconv"
	"strings"
)

// The one quoting scheme of the Graphviz DOT language
// (https://graphviz.org/doc/info/lang.html), for exports (export_dot.go)
// and diagrams (diagram_dot.go): node names (dotID, dotBareID), labels
// (dotLabel, escStrings that Graphviz interprets), other attribute values
// kept as written (dotString) and attribute names (dotAttrName).

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

// dotValue returns an attribute value as written when it is a plain DOT
// identifier, else as a quoted label ("" for none).
func dotValue(s string) string {
	if s != "" && dotBareID(s, 0) == s {
		return s
	}
	return dotLabel(s)
}

// dotBareID returns a node name or keyword value as written when it is a
// plain DOT identifier (letters, digits and underscores, not starting with
// a digit, not a DOT keyword), else as dotID does.
func dotBareID(s string, i int) string {
	if s == "" {
		return dotID(s, i)
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
	return dotID(s, i)
}
