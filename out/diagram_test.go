package out

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/sectornet/sectornet/graph"
)

// tiny is a small dataset with names a renderer can get wrong: markup
// characters, Hebrew, Arabic, a name long enough to abbreviate, and an
// isolate. Sector gov has its own colour; biz takes the palette's second.
func tiny() *graph.Dataset {
	return &graph.Dataset{
		Sectors: []graph.Sector{{ID: "gov", Label: "Government / ממשלה", Color: "#123456"}, {ID: "biz", Label: "Business"}},
		Orgs: []graph.Organization{
			{ID: "A", Name: `Alpha & <Co> "quoted"`, Sector: "gov"},
			{ID: "B", Name: "עמותת לב", Sector: "biz"},
			{ID: "C", Name: "Prime Minister's Office – Policy Planning Division", Sector: "gov"},
			{ID: "D", Name: "جمعية الأمل", Sector: "biz"},
			{ID: "E", Name: "Isolated Org", Sector: "gov"},
		},
		Forums: []graph.Forum{{ID: "F1", Name: "Education", Kind: "forum"}, {ID: "F2", Name: "Welfare", Kind: "forum"}},
		Memberships: []graph.Membership{
			{Org: "A", Forum: "F1"}, {Org: "B", Forum: "F1"}, {Org: "C", Forum: "F1"},
			{Org: "C", Forum: "F2"}, {Org: "D", Forum: "F2"}, {Org: "A", Forum: "F2"},
		},
		Ties: []graph.Tie{
			{Source: "A", Target: "B", Wave: "1", Weight: 1}, {Source: "A", Target: "C", Wave: "1", Weight: 1},
			{Source: "A", Target: "B", Wave: "2", Weight: 1}, {Source: "B", Target: "D", Wave: "2", Weight: 1},
			{Source: "C", Target: "D", Wave: "2", Weight: 1},
		},
	}
}

func tinyDiagrams(t *testing.T) map[string]*Diagram {
	d := tiny()
	g, err := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	if err != nil {
		t.Fatal(err)
	}
	deg := make([]float64, g.N())
	for i := range deg {
		deg[i] = float64(g.Degree(i))
	}
	return map[string]*Diagram{
		"network": NetworkView{Title: "Network", Network: g, Desc: "shared forums", Size: deg, SizeName: "degree",
			Labels: -1, Layout: "neato", Seed: 1}.Diagram(d),
		"affiliation": AffiliationDiagram(d, "Forums", "neato", 1, -1),
		"sectors":     SectorsDiagram(d, g, "Sectors", "shared forums", "circo", 1),
		"ego":         EgoDiagram(d, g, 0, 1, "Alpha", "shared forums", "twopi", 1, deg, "degree"),
		"change":      ChangeDiagram(d, mustChange(t, d, "1", "2"), graph.TieNetwork(d, "1", ""), graph.TieNetwork(d, "2", ""), "Change", "neato", 1, -1),
	}
}

func mustChange(t *testing.T, d *graph.Dataset, from, to string) *graph.Change {
	t.Helper()
	c, err := graph.CompareWaves(context.Background(), d, graph.ChangeOptions{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func render(t *testing.T, d *Diagram, f FigureFormat) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDiagram(context.Background(), &b, d, f, testLayout); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.Bytes()
}

// svgDoc is the SVG parsed into its elements.
type svgElem struct {
	name  string
	attrs map[string]string
	text  string // character data directly inside
	id    string // id of the enclosing node group
}

func parseSVG(t *testing.T, b []byte) []svgElem {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []int
	var els []svgElem
	group := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			e := svgElem{name: x.Name.Local, attrs: map[string]string{}}
			for _, a := range x.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			if e.name == "g" && e.attrs["id"] != "" {
				group = e.attrs["id"]
			}
			e.id = group
			stack = append(stack, len(els))
			els = append(els, e)
		case xml.EndElement:
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if els[i].name == "g" && els[i].attrs["id"] != "" {
				group = ""
			}
		case xml.CharData:
			if len(stack) > 0 {
				els[stack[len(stack)-1]].text += string(x)
			}
		}
	}
	return els
}

// TestDiagramSVG checks what a reader of each view's SVG would check: it
// is well-formed, every organization drawn is named exactly once (as its
// label or, when the label is abbreviated, its tooltip), and every
// organization's mark is filled with its sector's colour.
func TestDiagramSVG(t *testing.T) {
	d := tiny()
	want := map[string]string{"gov": "#123456", "biz": OkabeIto[1]}
	for view, dg := range tinyDiagrams(t) {
		t.Run(view, func(t *testing.T) {
			els := parseSVG(t, render(t, dg, FigureSVG))
			drawn := map[string]bool{}
			for _, n := range dg.Nodes {
				drawn[n.ID] = true
			}
			for _, o := range d.Orgs {
				if !drawn[o.ID] {
					continue
				}
				count := 0
				for _, e := range els {
					count += strings.Count(e.text, o.Name)
				}
				if count != 1 {
					t.Errorf("%s: name %q appears %d times", view, o.Name, count)
				}
				fill := ""
				for _, e := range els {
					if e.id == "n-"+o.ID && e.attrs["fill"] != "" && e.name != "text" {
						fill = e.attrs["fill"]
					}
				}
				if fill != want[o.Sector] {
					t.Errorf("%s: %s filled %q, want its sector's %q", view, o.ID, fill, want[o.Sector])
				}
			}
		})
	}
}

// TestDiagramSameBytes renders every view in every format twice.
func TestDiagramSameBytes(t *testing.T) {
	for view, dg := range tinyDiagrams(t) {
		for _, f := range []FigureFormat{FigureSVG, FigurePNG, FigurePDF, FigureDOT} {
			a, b := render(t, dg, f), render(t, dg, f)
			if !bytes.Equal(a, b) {
				t.Errorf("%s %s: two renderings differ", view, f)
			}
		}
	}
}

// TestDiagramDOT parses each view's DOT back (with gonum's DOT parser, not
// Graphviz) and finds every node and tie.
func TestDiagramDOT(t *testing.T) {
	for view, dg := range tinyDiagrams(t) {
		f, err := dot.ParseBytes(render(t, dg, FigureDOT))
		if err != nil {
			t.Fatalf("%s: DOT does not parse: %v", view, err)
		}
		if len(f.Graphs) != 1 || f.Graphs[0].Directed {
			t.Fatalf("%s: want one undirected graph", view)
		}
		nodes, edges := 0, 0
		for _, st := range f.Graphs[0].Stmts {
			switch st.(type) {
			case *ast.NodeStmt:
				nodes++
			case *ast.EdgeStmt:
				edges++
			}
		}
		if nodes != len(dg.Nodes) || edges != len(dg.Edges) {
			t.Errorf("%s: DOT has %d nodes and %d ties, want %d and %d", view, nodes, edges, len(dg.Nodes), len(dg.Edges))
		}
	}
}

// TestDiagramPNGPDF checks that the PNG decodes at 2 pixels per point and
// that the PDF carries the fixed creation date.
func TestDiagramPNGPDF(t *testing.T) {
	dg := tinyDiagrams(t)["network"]
	img, err := png.Decode(bytes.NewReader(render(t, dg, FigurePNG)))
	if err != nil {
		t.Fatal(err)
	}
	p, err := layout(context.Background(), testLayout, dg)
	if err != nil {
		t.Fatal(err)
	}
	s := buildScene(dg, p)
	f := float64(pngDPI(s.W, s.H, 0)) / 72
	if w := img.Bounds().Dx(); w < int(f*s.W)-1 || w > int(f*s.W)+1 {
		t.Errorf("PNG %d pixels wide, want %v x %v", w, f, s.W)
	}
	pdf := string(render(t, dg, FigurePDF))
	if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "/CreationDate (D:"+PDFDate.Format("20060102150405")) {
		t.Errorf("PDF lacks header or fixed date: %.200q", pdf)
	}
}

// TestLayoutTieOrder checks that ties come back from Graphviz in the order
// they were given: a path a-b-c-d laid out by dot left to right has its
// ties' end points at increasing x.
func TestLayoutTieOrder(t *testing.T) {
	dg := &Diagram{Layout: "dot"}
	for _, id := range []string{"a", "b", "c", "d"} {
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: id, Size: 10, Fill: "#ffffff"})
	}
	dg.Edges = []DiagramEdge{{U: 2, V: 3, Width: 1}, {U: 0, V: 1, Width: 1}, {U: 1, V: 2, Width: 1}}
	p, err := layout(context.Background(), testLayout, dg)
	if err != nil {
		t.Fatal(err)
	}
	for k, e := range dg.Edges {
		pts := p.Edges[k].Pts
		if len(pts) < 4 {
			t.Fatalf("tie %d: %d spline points", k, len(pts))
		}
		x0, x1 := p.Nodes[e.U].X, p.Nodes[e.V].X
		if near := func(a, b float64) bool { return a-b < 8 && b-a < 8 }; !near(pts[0].X, x0+5) && !near(pts[0].X, x0) {
			t.Errorf("tie %d (%s-%s) starts at x %v, its first node is at %v", k, dg.Nodes[e.U].ID, dg.Nodes[e.V].ID, pts[0].X, x0)
		}
		if pts[len(pts)-1].X < x1-8 || pts[len(pts)-1].X > x1+8 {
			t.Errorf("tie %d ends at x %v, its second node is at %v", k, pts[len(pts)-1].X, x1)
		}
	}
}

// TestBigDrawing checks the cheaper settings of big drawings: straight
// ties and overlap removal by scaling above 300 nodes or ties, and PNGs
// whose longer side stays within MaxPNGSide pixels.
func TestBigDrawing(t *testing.T) {
	dg := &Diagram{Layout: "sfdp", Overlap: "prism"}
	for i := 0; i <= bigDrawing+1; i++ {
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: "n" + strconv.Itoa(i), Size: 5})
		if i > 0 {
			dg.Edges = append(dg.Edges, DiagramEdge{U: i - 1, V: i, Width: 1})
		}
	}
	var b bytes.Buffer
	WriteDiagramDOT(&b, dg)
	if s := b.String(); !strings.Contains(s, "overlap=scale, splines=false") {
		t.Errorf("big DOT: %.300s", s)
	}
	if got := pngDPI(100, 200, 0); got != DefaultDPI {
		t.Errorf("small drawing at %d dpi", got)
	}
	if got := pngDPI(100, 200, 600); got != 600 {
		t.Errorf("small drawing at %d dpi, asked for 600", got)
	}
	// 10,000 points wide: 300 dpi at 17.8 cm (504.6 points) is 15 dpi
	// at the drawn size, 2,083 pixels.
	if got := pngDPI(10000, 3000, 0); got != 15 {
		t.Errorf("wide drawing at %d dpi, want 15", got)
	}
	// 400 wide, 20,000 high: 14 dpi keeps the height at 3,889 pixels.
	if got := pngDPI(400, 20000, 0); got != 14 {
		t.Errorf("tall drawing at %d dpi, want 14", got)
	}
}
