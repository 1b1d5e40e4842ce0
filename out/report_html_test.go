package out

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/sectornet/sectornet/graph"
)

// hostileNames are organization names that try to become markup or script
// in a page: each must show as its own text and do nothing.
var hostileNames = []string{
	`<script>window.__pwned=1</script>`,
	`<img src=x onerror="window.__pwned=2">`,
	`"><svg onload=window.__pwned=3>`,
	`<a href="javascript:window.__pwned=4">click me</a>`,
	`javascript:window.__pwned=5`,
	`</script><script>window.__pwned=6</script>`,
	"\u202Eevil\u202C override & \u2067isolate\u2069",
	`{{.}} ${window.__pwned=7} '-alert(1)-'`,
	"Line one\nline two",
	"עמותת ידידים",
	`50% & Co_#1 {x}~^\`,
}

// testReportDoc builds a report document of n organizations in three
// sectors and four forums, with two survey waves, measures, suggestions, a
// table and a figure; with hostile, the first organizations carry
// hostileNames. Positions are on a spiral, as a layout would give.
func testReportDoc(n int, hostile bool) *ReportDoc {
	x := &Explore{Basis: "forums", Wave: "2014", Communities: 3}
	x.Sectors = []ExploreSector{
		{ID: "gov", Label: "Government <b>", Color: "#0072B2", Shape: ShapeCircle},
		{ID: "npo", Label: "עמותות & nonprofits", Color: "#E69F00", Shape: ShapeSquare},
		{ID: "bus", Label: "Business", Color: "#009E73", Shape: ShapeHexagon},
	}
	x.Forums = []ExploreForum{
		{ID: "F1", Name: `Forum "one" & <two>`, Kind: "forum"},
		{ID: "F2", Name: "פורום רווחה", Kind: "forum"},
		{ID: "F3", Name: "Education", Kind: "forum"},
		{ID: "B", Name: "Executive board", Kind: "board"},
	}
	for k := 0; k < 6; k++ {
		x.Meetings = append(x.Meetings, ExploreMeeting{ID: fmt.Sprintf("M%d", k+1), Forum: k % 3, Date: fmt.Sprintf("2013-%02d-01", k+1)})
	}
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("Organization %03d", i)
		if hostile && i < len(hostileNames) {
			names[i] = hostileNames[i]
		}
	}
	var mapEdges []MapEdge
	var w12, w14 [][2]int32
	for i := 0; i < n; i++ {
		o := ExploreOrg{ID: fmt.Sprintf("O%d", i), Name: names[i], Sector: i % 3, Community: i % 3}
		f := i % 3
		o.Forums = []int{f}
		o.Roles = []string{"member"}
		if i%7 == 0 {
			o.Forums = append(o.Forums, 3)
			o.Roles = append(o.Roles, "chair")
		}
		for k, m := range x.Meetings {
			if m.Forum == f && (i+k)%2 == 0 {
				o.Meetings = append(o.Meetings, k)
			}
		}
		x.Orgs = append(x.Orgs, o)
		a := 0.55 * float64(i)
		r := 3 * math.Sqrt(float64(i)+1)
		x.Map.Nodes = append(x.Map.Nodes, MapNode{Org: i, X: r * math.Cos(a), Y: r * math.Sin(a), Size: 1 + float64(i%5), Sector: i % 3, Community: i % 3})
		if i > 0 {
			mapEdges = append(mapEdges, MapEdge{U: int32(i - 1), V: int32(i), Weight: float64(1 + i%3)})
			w14 = append(w14, [2]int32{int32(i - 1), int32(i)})
		}
		if i > 2 {
			mapEdges = append(mapEdges, MapEdge{U: int32(i - 3), V: int32(i), Weight: 1})
			w12 = append(w12, [2]int32{int32(i - 3), int32(i)})
		}
	}
	x.Map.Title = "Shared forums"
	x.Map.AllTies = true
	x.Map.Edges = mapEdges
	x.Waves = []ExploreWave{{Name: "2012", Ties: w12}, {Name: "2014", Ties: w14}}
	deg := make([]float64, n)
	bet := make([]float64, n)
	for i := range deg {
		deg[i] = float64(1 + i%4)
		bet[i] = float64(i%10) / 37
	}
	bet[0] = math.NaN()
	x.Measures = []ExploreMeasure{{ID: "degree", Name: "Degree", Values: deg, Int: true}, {ID: "betweenness", Name: "Betweenness", Values: bet}}
	x.Brokerage = make([]graph.Brokerage, n)
	for i := range x.Brokerage {
		x.Brokerage[i] = graph.Brokerage{Liaison: i % 3, Gatekeeper: i % 2, Representative: i % 2}
	}
	for i := 0; i+5 < n && len(x.Suggestions) < n; i += 2 {
		x.Suggestions = append(x.Suggestions, graph.Suggestion{A: i, B: i + 5, Score: 1.5 / float64(i+1), SharedForums: []int{i % 3}, CommonPartners: []int{i + 1}, EarlierWaves: []string{"2012"}})
	}

	tbl := &Table{Name: "organizations", Title: "Organizations by betweenness", Columns: []string{"id", "name", "sector", "degree", "betweenness"}}
	for i := 0; i < n; i++ {
		tbl.Add(x.Orgs[i].ID, names[i], x.Sectors[i%3].ID, int(deg[i]), bet[i])
	}
	tbl.Notes = []string{"Betweenness as NetworkX betweenness_centrality(normalized=True)."}
	small := &Table{Name: "sectors", Title: "Sectors", Columns: []string{"sector", "orgs", "share"}}
	for k, s := range x.Sectors {
		small.Add(s.Label, n/3+k, Round(1/3.0+float64(k)/100, 3))
	}
	fig := DocFigure{Title: "Ties between sectors", Alt: "Three sectors, most ties within Government <b>.",
		SVG: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100" fill="#eee"/><circle cx="50" cy="50" r="20" fill="#0072B2"/><text x="80" y="55">&lt;b&gt; Government</text></svg>`)}
	ei, _ := graph.LookupMethod("ei-index")
	bw, _ := graph.LookupMethod("betweenness")
	return &ReportDoc{
		Title:   `Cross-sector network report: "test" <partnership>`,
		Made:    "2026-01-15",
		Period:  "January 2013 to June 2013",
		Source:  "a generated test dataset",
		Path:    "test`data/<dir>",
		Covers:  []string{fmt.Sprintf("%d organizations in 3 sectors, 4 forums, 6 meetings, 2 survey waves.", n)},
		Network: "shared forums",
		Tool:    "sectornet report",
		Headline: []Headline{
			{Label: "Sector balance", Text: "Forum \"one\" & <two> has 60% " + names[1] + " against a target of 34%.", Section: "balance"},
			{Label: "Brokers", Text: names[0] + " and " + names[2] + " connect sectors that would otherwise not be in touch.", Section: "brokers"},
		},
		Sections: []DocSection{
			{ID: "balance", Title: "Sector balance", Lead: []string{"Does every forum hear every sector?"},
				Measures: []MeasureNote{{Name: "Breaches", Value: "3", Meaning: "Gaps beyond 15 points."}},
				Figures:  []DocFigure{fig},
				Tables:   []DocTable{{Table: small}}},
			{ID: "brokers", Title: "Brokers", Lead: []string{"Who connects the sectors."},
				Measures: []MeasureNote{{Name: "E-I index", Value: "-0.12", Meaning: ei.Meaning}},
				Tables:   []DocTable{{Table: tbl, Inline: 10}}},
			{ID: "change", Title: "Change between waves", Skipped: "the dataset has <one> survey wave"},
		},
		Methods:   []MethodUse{{Method: bw, Params: []Param{{"paths", "hops"}}}, {Method: ei}},
		Paragraph: "We computed betweenness centrality (Freeman 1977).",
		Explore:   x,
	}
}

func writeTestReport(t testing.TB, doc *ReportDoc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteReportHTML(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReportHTMLStatic checks the page without a browser: it parses as
// HTML, holds exactly its four scripts (data, graphology, sigma, its own)
// whose hashes the Content-Security-Policy lists, forbids remote loads, and
// every hostile name is text: no element, attribute or URL comes from one.
func TestReportHTMLStatic(t *testing.T) {
	doc := testReportDoc(40, true)
	page := writeTestReport(t, doc)
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var scripts []*html.Node
	var csp string
	counts := map[string]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			counts[n.Data]++
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("element <%s> has an event attribute %s=%q", n.Data, a.Key, a.Val)
				}
				if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "data:") {
					t.Errorf("element <%s> links outside the page: %s=%q", n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" {
				scripts = append(scripts, n)
			}
			if n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy" {
				csp = attr(n, "content")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	// Links: the skip link, the contents (headlines, map, sections,
	// profiles, methods) and each headline's evidence.
	if want := 1 + 4 + len(doc.Sections) + len(doc.Headline); counts["a"] != want {
		t.Errorf("%d <a> elements, want %d", counts["a"], want)
	}
	for _, tag := range []string{"svg", "iframe", "object", "embed", "form", "base", "b"} {
		if counts[tag] > 0 {
			t.Errorf("the page has %d <%s> elements; names made them?", counts[tag], tag)
		}
	}
	if counts["img"] != 1 {
		t.Errorf("%d <img> elements, want the one figure", counts["img"])
	}
	if len(scripts) != 4 {
		t.Fatalf("%d scripts, want 4 (data, graphology, sigma, report)", len(scripts))
	}
	if attr(scripts[0], "type") != "application/json" {
		t.Errorf("first script is not the data")
	}
	for _, want := range []string{"default-src 'none'", "img-src data: blob:", "base-uri 'none'", "form-action 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "'unsafe-inline'") && strings.Contains(regexp.MustCompile(`script-src[^;]*`).FindString(csp), "unsafe") {
		t.Errorf("CSP lets inline scripts run: %q", csp)
	}
	for _, s := range scripts[1:] {
		sum := sha256.Sum256([]byte(s.FirstChild.Data))
		h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(csp, h) {
			t.Errorf("CSP lacks the hash of a script (%d bytes)", len(s.FirstChild.Data))
		}
	}
	// The data reads back exactly, hostile names included.
	var data struct {
		Title   string
		Explore struct {
			Orgs    [][]any
			Sectors [][]string
		}
	}
	if err := json.Unmarshal([]byte(scripts[0].FirstChild.Data), &data); err != nil {
		t.Fatal(err)
	}
	if data.Title != doc.Title {
		t.Errorf("title %q, want %q", data.Title, doc.Title)
	}
	for i, nm := range hostileNames {
		if got := data.Explore.Orgs[i][1]; got != nm {
			t.Errorf("org %d: name %q, want %q", i, got, nm)
		}
	}
	// Every hostile name appears as text in the table.
	text := textOf(root)
	for _, nm := range hostileNames {
		if !strings.Contains(text, nm) {
			t.Errorf("name %q is not shown as text", nm)
		}
	}
	for _, want := range []string{doc.Title, "Made on 2026-01-15", "January 2013 to June 2013", "test`data/<dir>", "Not in this report: the dataset has <one> survey wave", "Freeman, L. C. (1977)"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestReportHTMLDeterministic: the same document gives the same bytes.
func TestReportHTMLDeterministic(t *testing.T) {
	a := writeTestReport(t, testReportDoc(60, true))
	b := writeTestReport(t, testReportDoc(60, true))
	if !bytes.Equal(a, b) {
		t.Error("two writes of one document differ")
	}
}

func TestReportHTMLExactValues(t *testing.T) {
	page := string(writeTestReport(t, testReportDoc(12, false)))
	// 4/37 is shown rounded and kept exactly for sorting and CSV.
	if !strings.Contains(page, `<td class="n" data-v="0.10810810810810811">0.1081</td>`) {
		t.Error("a rounded cell does not carry its exact value")
	}
	if !strings.Contains(page, `<td class="n">3</td>`) {
		t.Error("an integer cell carries an exact value it does not need")
	}
}

func TestIsolate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Alpha", "Alpha"}, // nothing to isolate
		{"x\u2069y", "\u2068xy\u2069"},
		{"עמותת ידידים", "\u2068עמותת ידידים\u2069"},
		{"a\u202Eevil", "\u2068a\u202Eevil\u2069"},               // the PDI ends the override
		{"x\u2069\u202Ey", "\u2068x\u202Ey\u2069"},               // a stray PDI cannot end the isolate
		{"\u2067in\u2069 out", "\u2068\u2067in\u2069 out\u2069"}, // a balanced one stays
	} {
		if got := Isolate(c.in); got != c.want {
			t.Errorf("Isolate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestReportHTMLTableRows: the page holds a table's first 25 rows as HTML,
// with a line saying where the rest are, and every row in its data.
func TestReportHTMLTableRows(t *testing.T) {
	page := string(writeTestReport(t, testReportDoc(60, false)))
	if !strings.Contains(page, `<tr class="sn-rest"><td colspan="5">The first 25 of 60 rows; all of them are in the report's CSV files.</td></tr>`) {
		t.Error("no line for the rows beyond the first 25")
	}
	if strings.Contains(page, "<td>Organization 025</td>") {
		t.Error("row 26 is in the HTML")
	}
	if !strings.Contains(page, `["O59","Organization 059","bus","4",["0.2432",0.24324324324324326]]`) {
		t.Error("the last row is not in the page's data, with its exact value")
	}
}
