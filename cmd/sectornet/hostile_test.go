package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/sectornet/sectornet/out"
)

// hostile8 holds organizations named to break every output format
// (issue 8): DOT injection, an HTML script tag, every LaTeX special
// character, a line break, a right-to-left name with a left-to-right mark,
// and an emoji.
const hostile8 = "testdata/hostile8"

var hostile8Names = []string{
	`"; rankdir=LR; x [label="owned"]`,
	`<script>alert(1)</script>`,
	`50% & Co_#1 {x}~^\`,
	"Line one\nline two",
	"\u200eעמותת ידידים",
	"Partners 🤝 Together",
}

// csvCells returns every cell of a CSV document (ignoring "# title" lines
// between tables).
func csvCells(t *testing.T, b []byte) []string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.Comment = '#'
	var cells []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return cells
		}
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		cells = append(cells, rec...)
	}
}

// jsonStrings returns every string value in a JSON document.
func jsonStrings(t *testing.T, b []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out = append(out, x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// xmlTexts checks that b is well-formed XML and returns its character data
// and attribute values, decoded; it also returns the element names.
func xmlTexts(t *testing.T, b []byte) (texts, elements []string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts, elements
		}
		if err != nil {
			t.Fatalf("XML is not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			elements = append(elements, x.Name.Local)
			for _, a := range x.Attr {
				texts = append(texts, a.Value)
			}
		case xml.CharData:
			texts = append(texts, string(x))
		}
	}
}

// dotLabels parses DOT with gonum's parser (not Graphviz) and returns the
// values of every label and tooltip attribute, unquoted as Graphviz reads
// them: \" is a quote, \\ a backslash, \n a line break.
func dotLabels(t *testing.T, b []byte) []string {
	t.Helper()
	f, err := dot.ParseBytes(b)
	if err != nil {
		t.Fatalf("DOT does not parse: %v", err)
	}
	var out []string
	unq := func(s string) string {
		if len(s) < 2 || s[0] != '"' {
			return s
		}
		s = s[1 : len(s)-1]
		var sb strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
				switch s[i] {
				case 'n', 'l', 'r':
					sb.WriteByte('\n')
				default:
					sb.WriteByte(s[i])
				}
				continue
			}
			sb.WriteByte(s[i])
		}
		return sb.String()
	}
	for _, g := range f.Graphs {
		for _, st := range g.Stmts {
			var attrs []*ast.Attr
			switch x := st.(type) {
			case *ast.NodeStmt:
				attrs = x.Attrs
			case *ast.EdgeStmt:
				attrs = x.Attrs
			case *ast.AttrStmt:
				attrs = x.Attrs
			case *ast.Attr:
				attrs = []*ast.Attr{x}
			}
			for _, a := range attrs {
				out = append(out, unq(a.Val))
			}
		}
	}
	return out
}

// TestHostileNamesEverywhere runs the hostile names through every writer:
// each must come out as that literal text, and no name may break its
// format or inject anything into it.
func TestHostileNamesEverywhere(t *testing.T) {
	type check func(t *testing.T, b []byte) []string
	tables := []string{"centrality", "analyze"}
	var runs []struct {
		args  []string
		check check
	}
	add := func(c check, args ...string) {
		runs = append(runs, struct {
			args  []string
			check check
		}{args, c})
	}
	for _, cmd := range tables {
		add(csvCells, cmd, hostile8, "--format", "csv")
		add(jsonStrings, cmd, hostile8, "--format", "json")
		add(func(t *testing.T, b []byte) []string { return escapedIn(b, out.EscapeMarkdown) }, cmd, hostile8, "--format", "md")
		add(func(t *testing.T, b []byte) []string { return escapedIn(b, out.EscapeTeX) }, cmd, hostile8, "--format", "tex")
	}
	add(func(t *testing.T, b []byte) []string { x, _ := xmlTexts(t, b); return x }, "export", hostile8, "--format", "graphml")
	add(func(t *testing.T, b []byte) []string { x, _ := xmlTexts(t, b); return x }, "export", hostile8, "--format", "gexf")
	add(jsonStrings, "export", hostile8, "--format", "kumu")
	add(dotLabels, "export", hostile8, "--format", "dot")
	for _, r := range runs {
		t.Run(strings.Join(r.args[:1], "")+" "+strings.Join(r.args[2:], " "), func(t *testing.T) {
			code, stdout, errs := sectornet(t, r.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			got := r.check(t, []byte(stdout))
			for _, n := range hostile8Names {
				if !slices.Contains(got, n) {
					t.Errorf("%q does not come out literally", n)
				}
			}
		})
	}
	// Diagrams: SVG is well-formed, injects no element, and holds each
	// full name (in a tooltip when the label is abbreviated); DOT parses
	// back to the same labels.
	for _, view := range []string{"network", "affiliation", "ego"} {
		t.Run("render "+view, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"render", hostile8, "--view", view}
			if view == "ego" {
				args = append(args, "--org", "O4")
			}
			svg := filepath.Join(dir, "x.svg")
			if code, _, errs := sectornet(t, append(args, "-o", svg)...); code != 0 {
				t.Fatalf("svg: %s", errs)
			}
			b, _ := os.ReadFile(svg)
			texts, elements := xmlTexts(t, b)
			if slices.Contains(elements, "script") {
				t.Error("a name injected a <script> element")
			}
			for _, n := range hostile8Names {
				if view == "ego" && n != hostile8Names[3] && !strings.Contains(string(b), "O4") {
					continue
				}
				// A label or a tooltip's first line (the tooltip goes on
				// with the sector and the size measure).
				if !slices.ContainsFunc(texts, func(x string) bool { return x == n || strings.HasPrefix(x, n+"\n") }) {
					t.Errorf("SVG: %q does not come out literally", n)
				}
			}
			dotPath := filepath.Join(dir, "x.dot")
			if code, _, errs := sectornet(t, append(args, "-o", dotPath)...); code != 0 {
				t.Fatalf("dot: %s", errs)
			}
			b, _ = os.ReadFile(dotPath)
			labels := dotLabels(t, b)
			for _, n := range hostile8Names {
				if view == "ego" {
					break
				}
				if !slices.Contains(labels, n) {
					t.Errorf("DOT: %q does not come out literally", n)
				}
			}
		})
	}
}

// TestHostileNamesChart: a chart that names organizations (the top N by a
// measure) is well-formed SVG, injects no element, and shows each name as
// text, whole or shortened.
func TestHostileNamesChart(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "top.svg")
	if code, _, errs := sectornet(t, "chart", hostile8, "--kind", "centrality", "--measure", "degree", "--top", "10", "-o", svg); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(svg)
	texts, elements := xmlTexts(t, b)
	if slices.Contains(elements, "script") {
		t.Error("a name injected a <script> element")
	}
	// A name is a text (a two-line name as two texts), or shortened with
	// "…" to a prefix of itself.
	for _, n := range hostile8Names {
		lines := strings.Split(n, "\n")
		shown := !slices.ContainsFunc(lines, func(l string) bool { return !slices.Contains(texts, l) }) || slices.ContainsFunc(texts, func(x string) bool {
			p, ok := strings.CutSuffix(x, "…")
			return ok && len(p) >= 5 && strings.HasPrefix(n, p)
		})
		if !shown {
			t.Errorf("chart: %q is not shown", n)
		}
	}
}

// escapedIn returns the names whose escaped form appears in b.
func escapedIn(b []byte, esc func(string) string) []string {
	var out []string
	for _, n := range hostile8Names {
		if bytes.Contains(b, []byte(esc(n))) {
			out = append(out, n)
		}
	}
	return out
}
