package out

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// The report's page, style sheet and script, and the vendored map library
// (see web/vendor/README.md for where each file comes from).
//
//go:embed web/report.html.tmpl web/report.css web/report.js web/vendor/*.js web/vendor/*.txt
var webFiles embed.FS

// Software is a library embedded in report.html, with its licence.
type Software struct {
	Name, Version, Licence, Text string
}

// embeddedSoftware lists the libraries report.html carries.
var embeddedSoftware = []struct{ name, version, licence, file string }{
	{"sigma.js", "4.0.4", "MIT", "web/vendor/sigma.LICENSE.txt"},
	{"graphology", "0.26.0", "MIT", "web/vendor/graphology.LICENSE.txt"},
	{"graphology-utils (in sigma.js)", "2.5.2", "MIT", "web/vendor/graphology-utils.LICENSE.txt"},
	{"events (in sigma.js)", "3.3.0", "MIT", "web/vendor/events.LICENSE.txt"},
}

var reportTemplate = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"shapeName": func(s Shape) string { return s.String() },
}).ParseFS(webFiles, "web/report.html.tmpl"))

func webFile(name string) string {
	b, err := webFiles.ReadFile(name)
	if err != nil {
		panic("out: missing embedded file " + name)
	}
	return string(b)
}

// inlineScript returns a vendored script ready to sit inside <script>:
// without its trailing source-map comment (the map file is not embedded,
// and developer tools would look for it next to the report).
func inlineScript(name string) string {
	s := strings.TrimRight(webFile(name), "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 && strings.HasPrefix(s[i+1:], "//# sourceMappingURL=") {
		s = s[:i]
	}
	if strings.Contains(strings.ToLower(s), "</script") {
		panic("out: " + name + " contains </script and cannot be inlined")
	}
	return s
}

// htmlPage is what the template sees.
type htmlPage struct {
	Doc      *ReportDoc
	CSP      string
	CSS      template.CSS
	Scripts  []template.JS // run in order: graphology, sigma, the report's own
	Data     template.JS   // JSON, every < > & escaped
	Sections []htmlSection
	Methods  []htmlMethod
	BibTeX   string
	Software []Software
	HasMap   bool
	Groups   bool // the map's marks include groups of organizations
	Orgs     int
}

type htmlSection struct {
	DocSection
	Figures []htmlFigure
	Tables  []htmlTable
}

type htmlFigure struct {
	Title string
	Img   template.HTML // <img src="data:image/svg+xml,..." alt="...">
}

type htmlTable struct {
	Name, Title string
	Columns     []string
	Numeric     []bool
	Rows        [][]htmlCell // the first htmlRows; the page's data holds them all
	Total       int          // rows in all
	Index       int          // the table's rows in the page's data: tables[Index]
	Notes       []string
}

// htmlRows is how many rows of a table the page holds as HTML (for
// readers without JavaScript, and for print); the script draws the rest
// from the page's data when a reader asks. It is report.js's ROWS_SHOWN.
const htmlRows = 25

type htmlCell struct {
	Text  string // rounded for people
	Exact string // the exact value when it differs from Text ("" otherwise)
	Num   bool
	Dir   bool // dir="auto": text beyond ASCII, which may read right to left
}

type htmlMethod struct {
	MethodUse
	Refs []htmlRef
}

type htmlRef struct{ Text, DOI string }

// WriteReportHTML writes doc as one self-contained HTML page: every style,
// script, figure and datum inline, nothing loaded from anywhere (a
// Content-Security-Policy forbids it), every name escaped by html/template.
// The map (sigma.js) and the profiles are drawn by the page's script from
// doc.Explore.
func WriteReportHTML(w io.Writer, doc *ReportDoc) error {
	p := htmlPage{Doc: doc, CSS: template.CSS(webFile("web/report.css"))}
	scripts := []string{
		inlineScript("web/vendor/graphology.umd.min.js"),
		inlineScript("web/vendor/sigma.min.js"),
		inlineScript("web/report.js"),
	}
	hashes := make([]string, len(scripts))
	for i, s := range scripts {
		p.Scripts = append(p.Scripts, template.JS(s))
		sum := sha256.Sum256([]byte(s))
		hashes[i] = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	// No default source: the page may run only its own three scripts,
	// show only images inline in it, and connect nowhere.
	p.CSP = "default-src 'none'; script-src " + strings.Join(hashes, " ") +
		"; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'"
	var tables []*Table
	for _, s := range doc.Sections {
		for _, t := range s.Tables {
			tables = append(tables, t.Table)
		}
	}
	data, err := exploreJSON(doc, tables)
	if err != nil {
		return err
	}
	p.Data = template.JS(data)
	if doc.Explore != nil {
		p.HasMap = len(doc.Explore.Map.Nodes) > 0
		for _, n := range doc.Explore.Map.Nodes {
			p.Groups = p.Groups || n.Org < 0
		}
		p.Orgs = len(doc.Explore.Orgs)
	}
	nTables := 0
	for _, s := range doc.Sections {
		hs := htmlSection{DocSection: s}
		for _, f := range s.Figures {
			hs.Figures = append(hs.Figures, htmlFigure{Title: f.Title, Img: figureImg(f)})
		}
		for _, t := range s.Tables {
			ht := newHTMLTable(t.Table)
			ht.Index = nTables
			nTables++
			if len(t.Files) > 0 {
				// The name of its files: unique in the report, and the
				// name of the CSV the page downloads.
				ht.Name = strings.TrimSuffix(path.Base(t.Files[0]), path.Ext(t.Files[0]))
			}
			hs.Tables = append(hs.Tables, ht)
		}
		p.Sections = append(p.Sections, hs)
	}
	var ms []graph.Method
	for _, m := range doc.Methods {
		hm := htmlMethod{MethodUse: m}
		for _, r := range m.Refs {
			hm.Refs = append(hm.Refs, htmlRef{Text: FormatReference(r), DOI: r.DOI})
		}
		p.Methods = append(p.Methods, hm)
		ms = append(ms, m.Method)
	}
	var bib bytes.Buffer
	if err := WriteBibTeX(&bib, graph.References(ms)); err != nil {
		return err
	}
	p.BibTeX = bib.String()
	for _, s := range embeddedSoftware {
		p.Software = append(p.Software, Software{Name: s.name, Version: s.version, Licence: s.licence, Text: webFile(s.file)})
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := reportTemplate.Execute(bw, p); err != nil {
		return err
	}
	return bw.Flush()
}

func newHTMLTable(t *Table) htmlTable {
	h := htmlTable{Name: t.Name, Title: t.Title, Columns: t.Columns, Numeric: numericColumns(t), Notes: t.Notes, Total: len(t.Rows)}
	h.Rows = make([][]htmlCell, min(htmlRows, len(t.Rows)))
	for i, r := range t.Rows[:len(h.Rows)] {
		cells := make([]htmlCell, len(t.Columns))
		for j := range cells {
			var c any
			if j < len(r) {
				c = r[j]
			}
			text, exact := cellString(c, true), cellString(c, false)
			cells[j] = htmlCell{Text: text, Num: isNumber(c), Dir: !isASCII(text)}
			if exact != text {
				cells[j].Exact = exact
			}
		}
		h.Rows[i] = cells
	}
	return h
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// figureImg is a figure as an <img> whose source is the SVG itself: an
// image cannot run script or make elements of the page, whatever its
// text says. The SVG is percent-encoded where a URL or an attribute needs
// it (% # & " < > and line breaks), a twentieth larger than the SVG where
// base64 is a third larger.
func figureImg(f DocFigure) template.HTML {
	var b strings.Builder
	b.Grow(len(f.SVG) + len(f.SVG)/16 + len(f.Alt) + 64)
	b.WriteString(`<img src="data:image/svg+xml,`)
	for _, c := range f.SVG {
		switch {
		case c == '%' || c == '#' || c == '&' || c == '"' || c == '<' || c == '>' || c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString(`" alt="`)
	b.WriteString(template.HTMLEscapeString(f.Alt))
	b.WriteString(`">`)
	return template.HTML(b.String())
}

// exploreJSON encodes doc.Explore compactly for the page's script: arrays
// rather than objects where there are thousands of items, NaN as null,
// every string through encoding/json (which escapes < > & and the line
// separators, so the data cannot end its <script> element).
func exploreJSON(doc *ReportDoc, tables []*Table) ([]byte, error) {
	x := doc.Explore
	var b bytes.Buffer
	b.WriteString(`{"title":`)
	jstr(&b, doc.Title)
	// Every table's rows: a cell is its text, or [text, exact] when the
	// text is rounded (see report.js).
	b.WriteString(`,"tables":[`)
	for k, t := range tables {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for i, r := range t.Rows {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			for j := range t.Columns {
				if j > 0 {
					b.WriteByte(',')
				}
				var c any
				if j < len(r) {
					c = r[j]
				}
				text, exact := cellString(c, true), cellString(c, false)
				if text == exact {
					jstr(&b, text)
					continue
				}
				b.WriteByte('[')
				jstr(&b, text)
				b.WriteByte(',')
				if f, ok := numberOf(c); ok {
					b.WriteString(jnum(f))
				} else {
					jstr(&b, exact)
				}
				b.WriteByte(']')
			}
			b.WriteByte(']')
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	b.WriteString(`,"methods":{`)
	for i, m := range doc.Methods {
		if i > 0 {
			b.WriteByte(',')
		}
		jstr(&b, m.ID)
		b.WriteString(`:{"name":`)
		jstr(&b, m.Name)
		b.WriteString(`,"meaning":`)
		jstr(&b, m.Meaning)
		b.WriteByte('}')
	}
	b.WriteByte('}')
	if x == nil {
		b.WriteString(`,"explore":null}`)
		return b.Bytes(), nil
	}
	b.WriteString(`,"explore":{"basis":`)
	jstr(&b, x.Basis)
	b.WriteString(`,"wave":`)
	jstr(&b, x.Wave)
	b.WriteString(`,"sectors":[`)
	for i, s := range x.Sectors {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		jstr(&b, s.ID)
		b.WriteByte(',')
		jstr(&b, s.Label)
		b.WriteByte(',')
		jstr(&b, s.Color)
		b.WriteByte(',')
		jstr(&b, s.Shape.String())
		b.WriteByte(']')
	}
	b.WriteString(`],"forums":[`)
	for i, f := range x.Forums {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		jstr(&b, f.ID)
		b.WriteByte(',')
		jstr(&b, f.Name)
		b.WriteByte(',')
		jstr(&b, f.Kind)
		b.WriteByte(']')
	}
	b.WriteString(`],"meetings":[`)
	for i, m := range x.Meetings {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		jstr(&b, m.ID)
		b.WriteString("," + strconv.Itoa(m.Forum) + ",")
		jstr(&b, m.Date)
		b.WriteByte(']')
	}
	b.WriteString(`],"orgs":[`)
	for i, o := range x.Orgs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		jstr(&b, o.ID)
		b.WriteByte(',')
		jstr(&b, o.Name)
		b.WriteString("," + strconv.Itoa(o.Sector) + "," + strconv.Itoa(o.Community) + ",")
		jints(&b, o.Forums)
		b.WriteByte(',')
		roles := false
		for _, r := range o.Roles {
			roles = roles || r != ""
		}
		if roles {
			jstrs(&b, o.Roles)
		} else {
			b.WriteString("0")
		}
		b.WriteByte(',')
		jints(&b, o.Meetings)
		b.WriteByte(']')
	}
	b.WriteString(`],"measures":[`)
	for i, m := range x.Measures {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		jstr(&b, m.ID)
		b.WriteByte(',')
		jstr(&b, m.Name)
		b.WriteString("," + strconv.FormatBool(m.Int) + ",")
		jfloats(&b, m.Values, -1)
		b.WriteByte(']')
	}
	b.WriteString(`],"brokerage":`)
	if x.Brokerage == nil {
		b.WriteString("null")
	} else {
		b.WriteByte('[')
		for i, r := range x.Brokerage {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "[%d,%d,%d,%d,%d]", r.Coordinator, r.Itinerant, r.Gatekeeper, r.Representative, r.Liaison)
		}
		b.WriteByte(']')
	}
	b.WriteString(`,"waves":[`)
	for i, wv := range x.Waves {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		jstr(&b, wv.Name)
		b.WriteString(",[")
		for k, t := range wv.Ties {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(t[0])) + "," + strconv.Itoa(int(t[1])))
		}
		b.WriteString("]]")
	}
	b.WriteString(`],"suggestions":[`)
	for i, s := range x.Suggestions {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d,%d,%s,", s.A, s.B, jnum(s.Score))
		jints(&b, s.SharedForums)
		b.WriteByte(',')
		jints(&b, s.CommonPartners)
		b.WriteByte(',')
		jstrs(&b, s.EarlierWaves)
		b.WriteByte(']')
	}
	b.WriteString(`],"communities":` + strconv.Itoa(x.Communities))
	m := x.Map
	b.WriteString(`,"map":{"title":`)
	jstr(&b, m.Title)
	b.WriteString(`,"note":`)
	jstr(&b, m.Note)
	b.WriteString(`,"all":` + strconv.FormatBool(m.AllTies))
	// Positions are rescaled to 0..1000 and kept to 0.1: far finer than a
	// screen, and a fifth of the bytes.
	xs, ys := make([]float64, len(m.Nodes)), make([]float64, len(m.Nodes))
	for i, n := range m.Nodes {
		xs[i], ys[i] = n.X, n.Y
	}
	rescale(xs, ys)
	col := func(name string, f func(n MapNode) int) {
		b.WriteString(`,"` + name + `":[`)
		for i, n := range m.Nodes {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(f(n)))
		}
		b.WriteByte(']')
	}
	col("org", func(n MapNode) int { return n.Org })
	col("sector", func(n MapNode) int { return n.Sector })
	col("community", func(n MapNode) int { return n.Community })
	col("members", func(n MapNode) int { return n.Members })
	b.WriteString(`,"x":`)
	jfloats(&b, xs, 1)
	b.WriteString(`,"y":`)
	jfloats(&b, ys, 1)
	sz := make([]float64, len(m.Nodes))
	labels := make([]string, len(m.Nodes))
	for i, n := range m.Nodes {
		sz[i], labels[i] = n.Size, n.Label
	}
	b.WriteString(`,"size":`)
	jfloats(&b, sz, 2)
	b.WriteString(`,"label":`)
	jstrs(&b, labels)
	b.WriteString(`,"edges":[`)
	for i, e := range m.Edges {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(int(e.U)) + "," + strconv.Itoa(int(e.V)))
	}
	b.WriteString(`],"weights":[`)
	for i, e := range m.Edges {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jnum(e.Weight))
	}
	b.WriteString("]}}}")
	return b.Bytes(), nil
}

// numberOf is a cell's number, for the exact values of the page's data.
func numberOf(c any) (float64, bool) {
	switch v := c.(type) {
	case float64:
		return v, !math.IsNaN(v) && !math.IsInf(v, 0)
	case Rounded:
		return v.V, !math.IsNaN(v.V) && !math.IsInf(v.V, 0)
	}
	return 0, false
}

// rescale maps the points into 0..1000 on their longer side, keeping the
// aspect ratio.
func rescale(xs, ys []float64) {
	if len(xs) == 0 {
		return
	}
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range xs {
		x0, x1 = math.Min(x0, xs[i]), math.Max(x1, xs[i])
		y0, y1 = math.Min(y0, ys[i]), math.Max(y1, ys[i])
	}
	span := math.Max(x1-x0, y1-y0)
	if span == 0 || math.IsInf(span, 0) || math.IsNaN(span) {
		span = 1
	}
	for i := range xs {
		xs[i] = (xs[i] - x0) / span * 1000
		ys[i] = (ys[i] - y0) / span * 1000
	}
}

func jstr(b *bytes.Buffer, s string) {
	j, _ := json.Marshal(s) // a string always marshals
	b.Write(j)
}

func jstrs(b *bytes.Buffer, ss []string) {
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		jstr(b, s)
	}
	b.WriteByte(']')
}

func jints(b *bytes.Buffer, xs []int) {
	b.WriteByte('[')
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	b.WriteByte(']')
}

// jfloats writes xs rounded to places decimals (-1: exactly).
func jfloats(b *bytes.Buffer, xs []float64, places int) {
	b.WriteByte('[')
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		if places >= 0 && !math.IsNaN(x) && !math.IsInf(x, 0) {
			s := strconv.FormatFloat(x, 'f', places, 64)
			if strings.Contains(s, ".") {
				s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			}
			if s == "-0" {
				s = "0"
			}
			b.WriteString(s)
			continue
		}
		b.WriteString(jnum(x))
	}
	b.WriteByte(']')
}

// jnum is a float for JSON: the shortest exact form, null for NaN and
// infinities.
func jnum(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "null"
	}
	return FormatFloat(x)
}
