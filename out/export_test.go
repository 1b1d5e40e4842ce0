package out

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// hostile is a network whose names hold every character the formats
// escape: double and single quotes, <, >, &, a newline, a tab, a
// backslash (at the end too), commas, spaces, an equals sign and Hebrew.
func hostile() *Export {
	return &Export{
		Title:    `ties "between" <orgs> & more`,
		TieLabel: "shared forum",
		Attrs:    []Attr{{"sector", AttrString}, {"degree", AttrInt}, {"score", AttrFloat}, {"note", AttrString}},
		Nodes: []Node{
			{ID: `Q"1`, Label: `Say "hi" & <b>bold</b>`, Type: "Government / ממשלה", Color: "#000080", Values: []any{"gov", 2, 0.1, "a\nb"}},
			{ID: "שלום", Label: "עמותת שלום, תל אביב", Type: "<Non>profits & co", Color: "#009E73", Values: []any{"npo", 1, math.NaN(), `x\y`}},
			{ID: `back\slash`, Label: `ends with backslash\`, Values: []any{"bus", 0, 1e-7, nil}},
			{ID: "a b,c=d", Label: "Two\nlines\tand a tab", Type: "Academia", Color: "#CC79A7", Values: []any{"aca", 1, 1.0 / 3, "'single'"}},
		},
		Ties: []Tie{{0, 1, 0.5, nil}, {0, 2, 2, nil}, {1, 3, 1.0 / 3, nil}},
	}
}

func write(t *testing.T, f func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// want returns the text an attribute value must read back as, "" when
// missing.
func want(v any) string {
	s, _ := formatValue(v)
	return s
}

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Desc        string `xml:"desc"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []xmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []xmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

// TestGraphMLReadBack reads the GraphML of the hostile network back with
// encoding/xml and checks every id, label, attribute (by its declared
// type) and weight.
func TestGraphMLReadBack(t *testing.T) {
	x := hostile()
	var doc graphmlDoc
	if err := xml.Unmarshal([]byte(write(t, func(b *bytes.Buffer) error { return WriteGraphML(b, x) })), &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	types := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.Name
		types[k.Name] = k.Type
	}
	if doc.Graph.EdgeDefault != "undirected" || doc.Graph.Desc != x.Title {
		t.Errorf("graph: %q %q", doc.Graph.EdgeDefault, doc.Graph.Desc)
	}
	if types["degree"] != "int" || types["score"] != "double" || types["note"] != "string" {
		t.Errorf("key types %v", types)
	}
	if len(doc.Graph.Nodes) != len(x.Nodes) {
		t.Fatalf("%d nodes", len(doc.Graph.Nodes))
	}
	for i, n := range doc.Graph.Nodes {
		w := x.Nodes[i]
		got := map[string]string{}
		for _, d := range n.Data {
			got[keys[d.Key]] = d.Value
		}
		exp := map[string]string{"label": w.Label, "type": w.Type, "color": w.Color}
		for a, v := range w.Values {
			exp[x.Attrs[a].Name] = want(v)
		}
		for k, v := range exp {
			if v == "" {
				if _, ok := got[k]; ok {
					t.Errorf("node %d: %s present, want missing", i, k)
				}
				continue
			}
			if got[k] != v {
				t.Errorf("node %d %s = %q, want %q", i, k, got[k], v)
			}
		}
		if n.ID != w.ID {
			t.Errorf("node %d id %q, want %q", i, n.ID, w.ID)
		}
		if s, err := strconv.ParseFloat(got["score"], 64); got["score"] != "" && (err != nil || s != w.Values[2].(float64)) {
			t.Errorf("node %d score %q does not read back to %v", i, got["score"], w.Values[2])
		}
	}
	for i, e := range doc.Graph.Edges {
		w := x.Ties[i]
		wt, err := strconv.ParseFloat(e.Data[0].Value, 64)
		if e.Source != x.Nodes[w.U].ID || e.Target != x.Nodes[w.V].ID || err != nil || wt != w.Weight {
			t.Errorf("edge %d: %s-%s %s, want %s-%s %v", i, e.Source, e.Target, e.Data[0].Value, x.Nodes[w.U].ID, x.Nodes[w.V].ID, w.Weight)
		}
	}
}

type gexfDoc struct {
	XMLName xml.Name
	Version string `xml:"version,attr"`
	Meta    struct {
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		TimeRepr   string `xml:"timerepresentation,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Mode  string `xml:"mode,attr"`
			Attr  []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string `xml:"id,attr"`
			Label  string `xml:"label,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"attvalues>attvalue"`
			Color *struct {
				R int `xml:"r,attr"`
				G int `xml:"g,attr"`
				B int `xml:"b,attr"`
			} `xml:"color"` // viz:color, in either version's viz namespace
		} `xml:"nodes>node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Weight float64 `xml:"weight,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"attvalues>attvalue"`
			Spells []struct {
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"spells>spell"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

func readGEXF(t *testing.T, x *Export, version string) gexfDoc {
	t.Helper()
	var doc gexfDoc
	if err := xml.Unmarshal([]byte(write(t, func(b *bytes.Buffer) error { return WriteGEXF(b, x, version) })), &doc); err != nil {
		t.Fatal(err)
	}
	ns := map[string]string{GEXF12: "http://www.gexf.net/1.2draft", GEXF13: "http://gexf.net/1.3"}[version]
	if v := map[string]string{GEXF12: "1.2", GEXF13: "1.3"}[version]; doc.XMLName.Space != ns || doc.Version != v {
		t.Errorf("GEXF %s: namespace %q version %q, want %q %q", version, doc.XMLName.Space, doc.Version, ns, v)
	}
	return doc
}

// TestGEXFReadBack reads the GEXF of the hostile network back with
// encoding/xml: ids, labels, attribute values, colours and weights.
func TestGEXFReadBack(t *testing.T) {
	for _, v := range []string{GEXF12, GEXF13} {
		testGEXFReadBack(t, v)
	}
}

func testGEXFReadBack(t *testing.T, version string) {
	x := hostile()
	doc := readGEXF(t, x, version)
	if doc.Graph.Mode != "static" || doc.Meta.Description != x.Title || len(doc.Graph.Attributes) != 1 || doc.Graph.Attributes[0].Mode != "static" {
		t.Errorf("%s header: %q %q %+v", version, doc.Graph.Mode, doc.Meta.Description, doc.Graph.Attributes)
	}
	titles := map[string]string{}
	for _, a := range doc.Graph.Attributes[0].Attr {
		titles[a.ID] = a.Title
	}
	for i, n := range doc.Graph.Nodes {
		w := x.Nodes[i]
		if n.ID != w.ID || n.Label != w.Label {
			t.Errorf("node %d: %q %q, want %q %q", i, n.ID, n.Label, w.ID, w.Label)
		}
		got := map[string]string{}
		for _, v := range n.Values {
			got[titles[v.For]] = v.Value
		}
		for a, v := range w.Values {
			if got[x.Attrs[a].Name] != want(v) {
				t.Errorf("node %d %s = %q, want %q", i, x.Attrs[a].Name, got[x.Attrs[a].Name], want(v))
			}
		}
		if got["type"] != w.Type {
			t.Errorf("node %d type %q", i, got["type"])
		}
		if r, g, b, ok := rgb(w.Color); ok != (n.Color != nil) || ok && (n.Color.R != r || n.Color.G != g || n.Color.B != b) {
			t.Errorf("node %d colour %+v, want %s", i, n.Color, w.Color)
		}
	}
	// #000080 is navy: r 0, g 0, b 128.
	if c := doc.Graph.Nodes[0].Color; c == nil || c.R != 0 || c.G != 0 || c.B != 128 {
		t.Errorf("navy = %+v", c)
	}
	for i, e := range doc.Graph.Edges {
		w := x.Ties[i]
		if e.Source != x.Nodes[w.U].ID || e.Target != x.Nodes[w.V].ID || e.Weight != w.Weight {
			t.Errorf("edge %d: %+v", i, e)
		}
	}
}

// TestGEXFDynamic checks the spells of a dynamic network: survey years are
// their own times, each wave's interval ending just before the next
// (2012-2013, 2014-2015); other waves are numbered and named in the
// description.
func TestGEXFDynamic(t *testing.T) {
	for _, v := range []string{GEXF12, GEXF13} {
		testGEXFDynamic(t, v)
	}
}

func testGEXFDynamic(t *testing.T, version string) {
	x := hostile()
	x.Waves = []string{"2012", "2014"}
	x.WaveAttrs = []Attr{{"wdeg", AttrInt}}
	for i := range x.Nodes {
		x.Nodes[i].Waves = [][]any{{i}, {10 + i}}
	}
	x.Ties = []Tie{{0, 1, 3, []float64{2, 3}}, {1, 3, 1, []float64{1, 0}}}
	doc := readGEXF(t, x, version)
	// timerepresentation is GEXF 1.3's; 1.2draft has none.
	repr := map[string]string{GEXF12: "", GEXF13: "interval"}[version]
	if doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "integer" || doc.Graph.TimeRepr != repr {
		t.Errorf("%s graph %q %q %q", version, doc.Graph.Mode, doc.Graph.TimeFormat, doc.Graph.TimeRepr)
	}
	// Static node attributes, dynamic node attributes (wdeg, id 5 after
	// type and the four of x.Attrs), the dynamic edge weight.
	var blocks []string
	for _, a := range doc.Graph.Attributes {
		var ids []string
		for _, at := range a.Attr {
			ids = append(ids, at.ID+":"+at.Title)
		}
		blocks = append(blocks, a.Class+"/"+a.Mode+" "+strings.Join(ids, ","))
	}
	if got := strings.Join(blocks, "; "); !strings.HasSuffix(got, ",4:"+x.Attrs[3].Name+"; node/dynamic 5:wdeg; edge/dynamic 0:wave_weight") || !strings.HasPrefix(got, "node/static 0:type,") {
		t.Errorf("%s attributes: %s", version, got)
	}
	e := doc.Graph.Edges[0]
	if fmt.Sprint(e.Spells) != "[{2012 2013} {2014 2015}]" || fmt.Sprint(e.Values) != "[{0 2 2012 2013} {0 3 2014 2015}]" || e.Weight != 3 {
		t.Errorf("edge 0: %+v", e)
	}
	if e := doc.Graph.Edges[1]; fmt.Sprint(e.Spells) != "[{2012 2013}]" {
		t.Errorf("edge 1 spells %v", e.Spells)
	}
	var dyn []string
	for _, v := range doc.Graph.Nodes[3].Values {
		if v.Start != "" {
			dyn = append(dyn, fmt.Sprintf("%s=%s@%s-%s", v.For, v.Value, v.Start, v.End))
		}
	}
	// wdeg is attribute 5 (type, then the four of x.Attrs).
	if strings.Join(dyn, " ") != "5=3@2012-2013 5=13@2014-2015" {
		t.Errorf("node 3 dynamic values: %v", dyn)
	}
	x.Waves = []string{"before", "after", "later"}
	for i := range x.Nodes {
		x.Nodes[i].Waves = append(x.Nodes[i].Waves, []any{0})
	}
	x.Ties = []Tie{{0, 1, 3, []float64{0, 3, 1}}}
	doc = readGEXF(t, x, version)
	if got := fmt.Sprint(doc.Graph.Edges[0].Spells); got != "[{2 2} {3 3}]" {
		t.Errorf("numbered spells %s", got)
	}
	if !strings.HasSuffix(doc.Meta.Description, "; waves 1 = before, 2 = after, 3 = later") {
		t.Errorf("description %q", doc.Meta.Description)
	}
}

// pajekNet is a network read from a Pajek .net file.
type pajekNet struct {
	n, n1  int
	labels []string
	edges  [][3]float64
}

// readPajek parses the Pajek .net grammar of the Pajek manual (Batagelj
// and Mrvar, "Pajek: Program for Analysis and Visualization of Large
// Networks", section 2 "Network"): a "*Vertices n" line (with the size
// of the first mode, "*Vertices n n1", for two-mode networks), n lines
// "k label" numbered 1..n in order with the label between double quotes
// (no escape: the label ends at the next quote) or a single word, then
// "*Edges" and lines "u v w" with 1 <= u, v <= n.
func readPajek(s string) (*pajekNet, error) {
	sc := bufio.NewScanner(strings.NewReader(s))
	p := &pajekNet{}
	line, section := 0, ""
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "*") {
			f := strings.Fields(l)
			switch strings.ToLower(f[0]) {
			case "*vertices":
				if len(f) < 2 || len(f) > 3 {
					return nil, fmt.Errorf("line %d: %q", line, l)
				}
				p.n, _ = strconv.Atoi(f[1])
				if len(f) == 3 {
					p.n1, _ = strconv.Atoi(f[2])
				}
			case "*edges":
			default:
				return nil, fmt.Errorf("line %d: unknown section %q", line, f[0])
			}
			section = strings.ToLower(f[0])
			continue
		}
		switch section {
		case "*vertices":
			num, rest, _ := strings.Cut(l, " ")
			if k, err := strconv.Atoi(num); err != nil || k != len(p.labels)+1 {
				return nil, fmt.Errorf("line %d: vertex number %q, want %d", line, num, len(p.labels)+1)
			}
			rest = strings.TrimSpace(rest)
			var label string
			if strings.HasPrefix(rest, `"`) {
				end := strings.IndexByte(rest[1:], '"')
				if end < 0 {
					return nil, fmt.Errorf("line %d: label not closed", line)
				}
				label, rest = rest[1:1+end], strings.TrimSpace(rest[2+end:])
			} else {
				label, rest, _ = strings.Cut(rest, " ")
			}
			if rest != "" {
				return nil, fmt.Errorf("line %d: %q after the label", line, rest)
			}
			p.labels = append(p.labels, label)
		case "*edges":
			f := strings.Fields(l)
			if len(f) != 3 {
				return nil, fmt.Errorf("line %d: %q", line, l)
			}
			var e [3]float64
			for i := range f {
				v, err := strconv.ParseFloat(f[i], 64)
				if err != nil {
					return nil, fmt.Errorf("line %d: %v", line, err)
				}
				e[i] = v
			}
			if e[0] < 1 || e[1] < 1 || e[0] > float64(p.n) || e[1] > float64(p.n) {
				return nil, fmt.Errorf("line %d: vertex out of range", line)
			}
			p.edges = append(p.edges, e)
		default:
			return nil, fmt.Errorf("line %d: data before *Vertices", line)
		}
	}
	if len(p.labels) != p.n {
		return nil, fmt.Errorf("%d vertex lines for *Vertices %d", len(p.labels), p.n)
	}
	return p, nil
}

// TestPajekGrammar parses the hostile network's .net (one- and two-mode,
// by id and by name) with the documented grammar and checks each label is
// the node's, changed only as pajekLabel documents, and each edge and
// weight.
func TestPajekGrammar(t *testing.T) {
	for _, two := range []bool{false, true} {
		for _, lab := range []Labels{LabelID, LabelName} {
			x := hostile()
			if two {
				x.FirstMode = 2
				x.Ties = []Tie{{0, 2, 1, nil}, {0, 3, 1, nil}, {1, 3, 1, nil}}
			}
			text := write(t, func(b *bytes.Buffer) error { return WritePajek(b, x, lab, CellsLiteral) })
			p, err := readPajek(text)
			if err != nil {
				t.Fatalf("two=%v labels=%v: %v\n%s", two, lab, err, text)
			}
			if p.n != 4 || p.n1 != x.FirstMode {
				t.Errorf("n %d n1 %d", p.n, p.n1)
			}
			for i, n := range x.Nodes {
				if p.labels[i] != pajekLabel(lab.of(n)) {
					t.Errorf("label %d %q, want %q", i, p.labels[i], pajekLabel(lab.of(n)))
				}
			}
			for i, e := range p.edges {
				w := x.Ties[i]
				if e != [3]float64{float64(w.U + 1), float64(w.V + 1), w.Weight} {
					t.Errorf("edge %d %v, want %+v", i, e, w)
				}
			}
		}
	}
	// What pajekLabel changes, worked by hand.
	for in, out := range map[string]string{
		`Say "hi" & <b>bold</b>`: `Say 'hi' & <b>bold</b>`,
		"Two\nlines\tand a tab":  "Two lines and a tab",
		`ends with backslash\`:   `ends with backslash`,
		`x\y`:                    `x\y`,
		"עמותת שלום, תל אביב":    "עמותת שלום, תל אביב",
	} {
		if got := pajekLabel(in); got != out {
			t.Errorf("pajekLabel(%q) = %q, want %q", in, got, out)
		}
	}
}

// dlData is a network read from a UCINET DL file.
type dlData struct {
	format          string
	n, nr, nc       int
	rowLabels, cols []string
	cells           map[[2]int]float64 // (row, column) -> value, 1-based
}

// dlTokens splits DL text into tokens as the DL language separates them
// (UCINET help, "DL LANGUAGE": spaces, carriage returns, equal signs or
// commas; a label with embedded spaces between double quotes), keeping
// line breaks as "\n" tokens.
func dlTokens(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			toks = append(toks, "\n")
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == ',' || c == '=':
			i++
		case c == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 || strings.Contains(s[i+1:i+1+end], "\n") {
				return nil, fmt.Errorf("quote not closed at byte %d", i)
			}
			toks = append(toks, s[i:i+2+end])
			i += 2 + end
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\r\n,=\"", rune(s[j])) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, nil
}

func unquote(tok string) string {
	if len(tok) >= 2 && tok[0] == '"' {
		return tok[1 : len(tok)-1]
	}
	return tok
}

// readDL parses the DL language (UCINET help topic "DL"): the word dl
// first, then the dimensions n= (or nr= and nc=), format =, label lists
// after "labels:", "row labels:" and "column labels:", and the numbers
// after "data:" in the edgelist1 form (row, column, value per line) or the
// nodelist2 form (row, then the columns it is tied to).
func readDL(s string) (*dlData, error) {
	toks, err := dlTokens(s)
	if err != nil {
		return nil, err
	}
	d := &dlData{cells: map[[2]int]float64{}}
	if len(toks) == 0 || strings.ToLower(toks[0]) != "dl" {
		return nil, fmt.Errorf("does not start with dl")
	}
	i := 1
	labels := func(dst *[]string) {
		for i < len(toks) && !strings.HasSuffix(toks[i], ":") &&
			!(i+1 < len(toks) && strings.ToLower(toks[i+1]) == "labels:") {
			if toks[i] != "\n" {
				*dst = append(*dst, unquote(toks[i]))
			}
			i++
		}
	}
	for i < len(toks) {
		tok := strings.ToLower(toks[i])
		switch {
		case tok == "\n":
			i++
		case tok == "n" || tok == "nr" || tok == "nc":
			v, err := strconv.Atoi(toks[i+1])
			if err != nil {
				return nil, fmt.Errorf("%s = %q", tok, toks[i+1])
			}
			switch tok {
			case "n":
				d.n = v
			case "nr":
				d.nr = v
			default:
				d.nc = v
			}
			i += 2
		case tok == "format":
			d.format = strings.ToLower(toks[i+1])
			i += 2
		case tok == "labels:":
			i++
			labels(&d.rowLabels)
		case tok == "row" && i+1 < len(toks) && strings.ToLower(toks[i+1]) == "labels:":
			i += 2
			labels(&d.rowLabels)
		case tok == "column" && i+1 < len(toks) && strings.ToLower(toks[i+1]) == "labels:":
			i += 2
			labels(&d.cols)
		case tok == "data:":
			i++
			var line []float64
			flush := func() error {
				if len(line) == 0 {
					return nil
				}
				switch d.format {
				case "edgelist1":
					if len(line) < 2 || len(line) > 3 {
						return fmt.Errorf("edgelist1 line %v", line)
					}
					w := 1.0
					if len(line) == 3 {
						w = line[2]
					}
					d.cells[[2]int{int(line[0]), int(line[1])}] = w
				case "nodelist2":
					for _, c := range line[1:] {
						d.cells[[2]int{int(line[0]), int(c)}] = 1
					}
				default:
					return fmt.Errorf("format %q", d.format)
				}
				line = line[:0]
				return nil
			}
			for ; i < len(toks); i++ {
				if toks[i] == "\n" {
					if err := flush(); err != nil {
						return nil, err
					}
					continue
				}
				v, err := strconv.ParseFloat(toks[i], 64)
				if err != nil {
					return nil, fmt.Errorf("data %q: %v", toks[i], err)
				}
				line = append(line, v)
			}
			if err := flush(); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("unexpected %q", toks[i])
		}
	}
	return d, nil
}

// TestDLGrammar parses the hostile network's DL (edgelist1 one-mode,
// nodelist2 two-mode; by id and by name) with the DL language and checks
// the labels, changed only as dlLabel documents, and the matrix: symmetric
// weights for one mode, one cell per tie for two.
func TestDLGrammar(t *testing.T) {
	for _, lab := range []Labels{LabelID, LabelName} {
		x := hostile()
		text := write(t, func(b *bytes.Buffer) error { return WriteDL(b, x, lab, CellsLiteral) })
		d, err := readDL(text)
		if err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
		if d.format != "edgelist1" || d.n != 4 || len(d.rowLabels) != 4 {
			t.Fatalf("header: %+v", d)
		}
		for i, n := range x.Nodes {
			if w := unquote(dlLabel(lab.of(n))); d.rowLabels[i] != w {
				t.Errorf("label %d %q, want %q", i, d.rowLabels[i], w)
			}
		}
		want := map[[2]int]float64{}
		for _, tie := range x.Ties {
			want[[2]int{tie.U + 1, tie.V + 1}] = tie.Weight
			want[[2]int{tie.V + 1, tie.U + 1}] = tie.Weight
		}
		if fmt.Sprint(d.cells) != fmt.Sprint(want) {
			t.Errorf("cells %v, want %v", d.cells, want)
		}

		x.FirstMode = 2
		x.Ties = []Tie{{0, 2, 1, nil}, {0, 3, 1, nil}, {1, 3, 1, nil}}
		text = write(t, func(b *bytes.Buffer) error { return WriteDL(b, x, lab, CellsLiteral) })
		d, err = readDL(text)
		if err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
		if d.format != "nodelist2" || d.nr != 2 || d.nc != 2 || len(d.rowLabels) != 2 || len(d.cols) != 2 {
			t.Fatalf("two-mode header: %+v", d)
		}
		if unquote(dlLabel(lab.of(x.Nodes[3]))) != d.cols[1] {
			t.Errorf("column label %q", d.cols[1])
		}
		// Ties 0-2, 0-3, 1-3: rows 1 and 2, columns 1 and 2.
		if fmt.Sprint(d.cells) != "map[[1 1]:1 [1 2]:1 [2 2]:1]" {
			t.Errorf("two-mode cells %v", d.cells)
		}
	}
	for in, out := range map[string]string{
		"R01":                    "R01",
		"שלום":                   "שלום",
		"a b,c=d":                `"a b,c=d"`,
		`Say "hi" & <b>bold</b>`: `"Say 'hi' & <b>bold</b>"`,
		"Two\nlines\tand a tab":  `"Two lines and a tab"`,
		"":                       `""`,
		`back\slash`:             `back\slash`,
	} {
		if got := dlLabel(in); got != out {
			t.Errorf("dlLabel(%q) = %s, want %s", in, got, out)
		}
	}
}

// TestKumuReadBack decodes the blueprint with encoding/json and checks
// every element and connection.
func TestKumuReadBack(t *testing.T) {
	x := hostile()
	var bp struct {
		Elements    []map[string]any `json:"elements"`
		Connections []map[string]any `json:"connections"`
	}
	text := write(t, func(b *bytes.Buffer) error { return WriteKumu(b, x) })
	if err := json.Unmarshal([]byte(text), &bp); err != nil {
		t.Fatal(err)
	}
	for i, e := range bp.Elements {
		n := x.Nodes[i]
		if e["id"] != n.ID || e["label"] != n.Label || (n.Type != "" && e["type"] != n.Type) {
			t.Errorf("element %d: %v", i, e)
		}
		if e["degree"] != float64(n.Values[1].(int)) || e["sector"] != n.Values[0] {
			t.Errorf("element %d fields: %v", i, e)
		}
		if s, ok := n.Values[2].(float64); ok && !math.IsNaN(s) && e["score"] != s {
			t.Errorf("element %d score %v, want %v", i, e["score"], s)
		}
	}
	if _, ok := bp.Elements[1]["score"]; ok {
		t.Errorf("a NaN score was written")
	}
	for i, c := range bp.Connections {
		tie := x.Ties[i]
		if c["from"] != x.Nodes[tie.U].ID || c["to"] != x.Nodes[tie.V].ID || c["weight"] != tie.Weight || c["direction"] != "undirected" || c["type"] != "shared forum" {
			t.Errorf("connection %d: %v", i, c)
		}
	}
	if !strings.Contains(text, `"label": "Say \"hi\" & <b>bold</b>"`) {
		t.Errorf("markup escaped needlessly:\n%s", text)
	}
}

// TestDOTEscapes checks DOT names and labels against the DOT language
// (https://graphviz.org/doc/info/lang.html: in a quoted ID only \" is an
// escape; labels are escStrings where \\ is a backslash and \n a line
// break), worked by hand.
func TestDOTEscapes(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"R01", `"R01"`}, {"שלום", `"שלום"`}, {"a b,c=d", `"a b,c=d"`}, {`Q"1`, "n3"}, {`back\slash`, "n3"}, {"tab\there", "n3"},
	} {
		if got := dotID(c.id, 2); got != c.want {
			t.Errorf("dotID(%q) = %s, want %s", c.id, got, c.want)
		}
	}
	for in, out := range map[string]string{
		`Say "hi" & <b>bold</b>`: `"Say \"hi\" & <b>bold</b>"`,
		"Two\nlines\r\n":         `"Two\nlines\n"`,
		`ends with backslash\`:   `"ends with backslash\\"`,
	} {
		if got := dotLabel(in); got != out {
			t.Errorf("dotLabel(%q) = %s, want %s", in, got, out)
		}
	}
	for in, out := range map[string]string{
		`x\y`:          `"x\y"`,
		`x\"y`:         `"x\"y"`, // the odd backslash before the quote is dropped: x"y
		`a\\"b`:        `"a\\\"b"`,
		`end\`:         `"end"`,
		`two\\`:        `"two\\"`,
		"line\\\nnext": "\"line\nnext\"",
		`say "hi"`:     `"say \"hi\""`,
	} {
		if got := dotString(in); got != out {
			t.Errorf("dotString(%q) = %s, want %s", in, got, out)
		}
	}
	for in, out := range map[string]string{"degree": "degree", "size": "attr_size", "2nd": "_2nd", "a-b": "a_b", "עיר": "עיר"} {
		if got := dotAttrName(in); got != out {
			t.Errorf("dotAttrName(%q) = %s, want %s", in, got, out)
		}
	}
	text := write(t, func(b *bytes.Buffer) error { return WriteDOT(b, hostile()) })
	for _, want := range []string{
		`graph "ties \"between\" <orgs> & more" {`,
		`	n1 [label="Say \"hi\" & <b>bold</b>", fillcolor="#000080", fontcolor="white", orgid="Q\"1", type="Government / ממשלה", sector="gov", degree="2", score="0.1", note="a` + "\n" + `b"];`,
		`	"שלום" [label="עמותת שלום, תל אביב", fillcolor="#009E73", fontcolor="white", type="<Non>profits & co", sector="npo", degree="1", note="x\y"];`,
		`	n1 -- "שלום" [weight=0.5, penwidth=2.00];`,
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("DOT lacks\n%s\nin\n%s", want, text)
		}
	}
	if strings.IndexFunc(text, func(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }) >= 0 {
		t.Errorf("control character in DOT")
	}
}

func TestSectorColors(t *testing.T) {
	for in, out := range map[string]string{"navy": "#000080", "#abc": "#AABBCC", "#0072b2": "#0072B2", "NAVY": "#000080"} {
		if got, ok := ParseColor(in); !ok || got != out {
			t.Errorf("ParseColor(%q) = %q, want %q", in, got, out)
		}
	}
	if _, ok := ParseColor("blue!"); ok {
		t.Errorf("blue! parsed")
	}
}
