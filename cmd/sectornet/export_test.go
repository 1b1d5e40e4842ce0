package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

var update = flag.Bool("update", false, "rewrite the export files in testdata/export (then run testdata/export/readback.sh)")

const hostileDir = "testdata/hostile"

// exportFiles are the files in testdata/export that the reference readers
// read back (testdata/export/readback.sh); each must still be what export
// writes.
var exportFiles = []struct {
	file string
	args []string
}{
	{"hostile.graphml", []string{"export", hostileDir, "--format", "graphml"}},
	{"hostile-two.graphml", []string{"export", hostileDir, "--format", "graphml", "--mode", "two"}},
	{"hostile.gexf", []string{"export", hostileDir, "--format", "gexf"}},
	{"hostile-waves.gexf", []string{"export", hostileDir, "--format", "gexf", "--waves"}},
	{"hostile-13.gexf", []string{"export", hostileDir, "--format", "gexf", "--gexf-version", "1.3"}},
	{"hostile-waves-13.gexf", []string{"export", hostileDir, "--format", "gexf", "--waves", "--gexf-version", "1.3"}},
	{"hostile.net", []string{"export", hostileDir, "--format", "pajek"}},
	{"hostile-names.net", []string{"export", hostileDir, "--format", "pajek", "--labels", "name", "--basis", "ties", "--wave", "2014"}},
	{"hostile-two.net", []string{"export", hostileDir, "--format", "pajek", "--mode", "two"}},
	{"hostile.dl", []string{"export", hostileDir, "--format", "dl", "--labels", "name"}},
	{"hostile-two.dl", []string{"export", hostileDir, "--format", "dl", "--mode", "two"}},
	{"hostile.json", []string{"export", hostileDir, "--format", "kumu"}},
	{"hostile.dot", []string{"export", hostileDir, "--format", "dot"}},
	{"good.dl", []string{"export", good, "--format", "dl", "--weight", "newman"}},
	{"good-waves.gexf", []string{"export", good, "--format", "gexf", "--waves"}},
}

// TestExportFiles checks that export still writes, byte for byte, the
// files the reference readers read back; with -update it rewrites them.
func TestExportFiles(t *testing.T) {
	for _, ef := range exportFiles {
		code, out, errs := sectornet(t, ef.args...)
		if code != 0 {
			t.Fatalf("%v: %s", ef.args, errs)
		}
		path := filepath.Join("testdata/export", ef.file)
		if *update {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != out {
			t.Errorf("%s: export writes something else now; check it, rerun with -update and then testdata/export/readback.sh", ef.file)
		}
	}
}

// readRef reads a read-back reference: a '#' header line naming the tools,
// then JSON.
func readRef(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/export", name))
	if err != nil {
		t.Fatal(err)
	}
	header, body, _ := strings.Cut(string(b), "\n")
	if !strings.HasPrefix(header, "# ") {
		t.Fatalf("%s: no header line", name)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// orgExpect is what a reader must see for one organization.
type orgExpect struct {
	id, name, sector, sectorLabel, color string
	attrs                                map[string]string
	measures                             map[string]float64
}

// expectOrgs computes, from the dataset and the graph package, what every
// organization of the one-mode network g carries.
func expectOrgs(t *testing.T, d *graph.Dataset, g *graph.Network) []orgExpect {
	t.Helper()
	pc, err := graph.ShortestPathCentrality(context.Background(), g, graph.PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	eig, err := graph.Eigenvector(g)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := graph.PageRank(g, graph.PageRankOptions{})
	if err != nil {
		t.Fatal(err)
	}
	comm := graph.Louvain(g, 1, 1)
	colors := out.SectorColors(d.Sectors)
	si := d.SectorIndex()
	var exp []orgExpect
	for i, o := range d.Orgs {
		k := si[o.Sector]
		e := orgExpect{id: o.ID, name: o.Name, sector: o.Sector, sectorLabel: d.Sectors[k].Name(), color: colors[k], attrs: map[string]string{},
			measures: map[string]float64{"degree": float64(g.Degree(i)), "strength": g.Strength(i), "betweenness": pc.Betweenness[i],
				"closeness": pc.Closeness[i], "eigenvector": eig[i], "pagerank": pr[i], "community": float64(comm.Label[i])}}
		for _, a := range o.Attrs {
			e.attrs[a.Key] = a.Value
		}
		exp = append(exp, e)
	}
	return exp
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

func num(t *testing.T, v any) float64 {
	t.Helper()
	switch x := v.(type) {
	case float64:
		return x
	case string:
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			t.Errorf("not a number: %q", x)
		}
		return f
	}
	t.Errorf("not a number: %v (%T)", v, v)
	return math.NaN()
}

// tieSet is a network's ties as "a|b" (a < b) -> weight.
func tieSet(ids []string, g *graph.Network) map[string]float64 {
	m := map[string]float64{}
	for _, e := range g.Edges() {
		m[pairKey(ids[e.U], ids[e.V])] = e.W
	}
	return m
}

func pairKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "|" + b
}

// checkTies compares ties read back ([u, v, attrs or weight]) with want.
func checkTies(t *testing.T, what string, edges []any, want map[string]float64, weightOf func(any) float64) {
	t.Helper()
	got := map[string]float64{}
	for _, e := range edges {
		e := e.([]any)
		got[pairKey(fmt.Sprint(e[0]), fmt.Sprint(e[1]))] = weightOf(e[2])
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d ties, want %d: %v", what, len(got), len(want), got)
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || !near(g, w) {
			t.Errorf("%s: tie %s = %v (present %v), want %v", what, k, g, ok, w)
		}
	}
}

// TestExportReadBack checks what NetworkX, igraph and Graphviz read back
// from the export files (testdata/export/readback-*.txt, made by
// readback.sh) against the dataset: the same nodes with the same names
// (hostile ones: quotes, <, &, a newline, backslashes, Hebrew, commas,
// spaces), sectors, colours, extra columns and measures, and the same ties
// with the same weights. Where a format cannot hold a character, the
// change is the documented one (pajekLabel, dlLabel, dotString).
func TestExportReadBack(t *testing.T) {
	nx := readRef(t, "readback-networkx.txt")
	nx2 := readRef(t, "readback-networkx2.txt") // Debian's NetworkX 2.8.8: GEXF only
	igr := readRef(t, "readback-igraph.txt")
	d, err := data.Load(os.DirFS(hostileDir))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := graph.OneMode(d, graph.NetworkSpec{})
	exp := expectOrgs(t, d, g)
	ids := out.OrgIDs(d)
	forumTies := tieSet(ids, g)
	weightAttr := func(a any) float64 { return num(t, a.(map[string]any)["weight"]) }

	// NetworkX read_graphml and read_gexf: every attribute, typed. GEXF
	// 1.2draft (the default) is read by NetworkX 3 and 2.8.8, GEXF 1.3 by
	// NetworkX 3 only: 2.8.8 finds no graph in it.
	for _, f := range []string{"hostile-13.gexf", "hostile-waves-13.gexf"} {
		if e, _ := nx2[f].(map[string]any)["error"].(string); !strings.Contains(e, "No <graph> element") {
			t.Errorf("NetworkX 2.8.8 on GEXF 1.3 %s: %v, want its error", f, nx2[f])
		}
	}
	for _, rf := range []struct {
		reader string
		ref    map[string]any
		f      string
	}{{"networkx", nx, "hostile.graphml"}, {"networkx", nx, "hostile.gexf"}, {"networkx", nx, "hostile-13.gexf"}, {"networkx 2.8.8", nx2, "hostile.gexf"}} {
		f := rf.reader + " " + rf.f
		r := rf.ref[rf.f].(map[string]any)
		nodes := r["nodes"].(map[string]any)
		if len(nodes) != len(exp) || r["directed"] != false {
			t.Errorf("%s: %d nodes, directed %v", f, len(nodes), r["directed"])
		}
		for _, e := range exp {
			n, ok := nodes[e.id].(map[string]any)
			if !ok {
				t.Errorf("%s: no node %q", f, e.id)
				continue
			}
			if n["label"] != e.name || n["type"] != e.sectorLabel || n["sector"] != e.sector || n["sector_label"] != e.sectorLabel {
				t.Errorf("%s: node %q: %v", f, e.id, n)
			}
			for k, v := range e.attrs {
				if n[k] != v {
					t.Errorf("%s: node %q %s = %q, want %q", f, e.id, k, n[k], v)
				}
			}
			for k, v := range e.measures {
				if !near(num(t, n[k]), v) {
					t.Errorf("%s: node %q %s = %v, want %v", f, e.id, k, n[k], v)
				}
			}
			if rf.f == "hostile.graphml" && n["color"] != e.color {
				t.Errorf("%s: node %q colour %v, want %s", f, e.id, n["color"], e.color)
			}
			if strings.HasSuffix(rf.f, ".gexf") {
				c := n["viz"].(map[string]any)["color"].(map[string]any)
				if hex := fmt.Sprintf("#%02X%02X%02X", int(num(t, c["r"])), int(num(t, c["g"])), int(num(t, c["b"]))); hex != e.color {
					t.Errorf("%s: node %q viz colour %s, want %s", f, e.id, hex, e.color)
				}
			}
		}
		checkTies(t, f, r["edges"].([]any), forumTies, weightAttr)
	}

	// igraph Read_GraphML: ids and weights.
	ir := igr["hostile.graphml"].(map[string]any)
	var igIDs []string
	for i, v := range ir["vertices"].([]any) {
		v := v.(map[string]any)
		igIDs = append(igIDs, v["id"].(string))
		if v["id"] != exp[i].id || v["label"] != exp[i].name || !near(num(t, v["betweenness"]), exp[i].measures["betweenness"]) {
			t.Errorf("igraph graphml vertex %d: %v", i, v)
		}
	}
	checkTies(t, "igraph hostile.graphml", indexEdges(ir["edges"].([]any), igIDs), forumTies, weightAttr)

	// Pajek, by id (NetworkX and igraph) and by name (NetworkX).
	pajekIDs := make([]string, len(ids))
	for i, id := range ids {
		pajekIDs[i] = pajekLike(id)
	}
	checkTies(t, "networkx hostile.net", nx["hostile.net"].(map[string]any)["edges"].([]any), tieSet(pajekIDs, g), weightAttr)
	var igPajek []string
	for _, v := range igr["hostile.net"].(map[string]any)["vertices"].([]any) {
		igPajek = append(igPajek, v.(map[string]any)["name"].(string))
	}
	if fmt.Sprint(igPajek) != fmt.Sprint(pajekIDs) {
		t.Errorf("igraph pajek names %q, want %q", igPajek, pajekIDs)
	}
	checkTies(t, "igraph hostile.net", indexEdges(igr["hostile.net"].(map[string]any)["edges"].([]any), igPajek), tieSet(pajekIDs, g), weightAttr)
	names := make([]string, len(d.Orgs))
	for i, o := range d.Orgs {
		names[i] = pajekLike(o.Name)
	}
	// "Two\nlines" becomes "Two lines"; `ends with backslash\` loses the backslash.
	if names[3] != "Two lines" || names[2] != "ends with backslash" {
		t.Errorf("pajek names %q", names)
	}
	checkTies(t, "networkx hostile-names.net", nx["hostile-names.net"].(map[string]any)["edges"].([]any), tieSet(names, graph.TieNetwork(d, "2014", "")), weightAttr)

	// Pajek two-mode (igraph marks the second mode with type true) and
	// GraphML two-mode (NetworkX: bipartite attribute).
	tm := igr["hostile-two.net"].(map[string]any)
	var tmNames []string
	for i, v := range tm["vertices"].([]any) {
		v := v.(map[string]any)
		tmNames = append(tmNames, v["name"].(string))
		if v["type"] != (i >= len(d.Orgs)) {
			t.Errorf("igraph two-mode vertex %d type %v", i, v["type"])
		}
	}
	memberTies := map[string]float64{}
	for _, m := range d.Memberships {
		memberTies[pairKey(pajekLike(m.Org), "forum:"+m.Forum)] = 1
	}
	checkTies(t, "igraph hostile-two.net", indexEdges(tm["edges"].([]any), tmNames), memberTies, weightAttr)
	two := nx["hostile-two.graphml"].(map[string]any)
	if two["bipartite_sets_ok"] != true {
		t.Errorf("networkx: the bipartite attribute does not split the two-mode network")
	}
	memberTies = map[string]float64{}
	for _, m := range d.Memberships {
		memberTies[pairKey(m.Org, "forum:"+m.Forum)] = 1
	}
	checkTies(t, "networkx hostile-two.graphml", two["edges"].([]any), memberTies, weightAttr)
	c, err := graph.TwoMode(context.Background(), graph.ForumAffiliation(d), graph.PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	nodes2 := two["nodes"].(map[string]any)
	for v := range c.Degree {
		id, kind := "", "organization"
		if v < c.Orgs {
			id = d.Orgs[v].ID
		} else {
			id, kind = "forum:"+d.Forums[v-c.Orgs].ID, "forum"
		}
		n := nodes2[id].(map[string]any)
		if n["kind"] != kind || !near(num(t, n["degree"]), c.Degree[v]) || !near(num(t, n["betweenness"]), c.Betweenness[v]) || !near(num(t, n["closeness"]), c.Closeness[v]) {
			t.Errorf("two-mode node %q: %v", id, n)
		}
	}

	// GEXF with waves: one spell per wave a tie was reported in, its
	// weight that wave, and each organization's measures per wave.
	for _, set := range []struct {
		reader string
		ref    map[string]any
		file   string
		dir    string
	}{{"networkx", nx, "hostile-waves.gexf", hostileDir}, {"networkx", nx, "hostile-waves-13.gexf", hostileDir}, {"networkx", nx, "good-waves.gexf", good},
		{"networkx 2.8.8", nx2, "hostile-waves.gexf", hostileDir}, {"networkx 2.8.8", nx2, "good-waves.gexf", good}} {
		dd, err := data.Load(os.DirFS(set.dir))
		if err != nil {
			t.Fatal(err)
		}
		r := set.ref[set.file].(map[string]any)
		set.file = set.reader + " " + set.file
		if r["mode"] != "dynamic" {
			t.Errorf("%s: mode %v", set.file, r["mode"])
		}
		waves := dd.Waves()
		spells := map[string]string{}
		for k, w := range waves {
			wg := graph.TieNetwork(dd, w, "")
			for key := range tieSet(out.OrgIDs(dd), wg) {
				spells[key] += fmt.Sprintf("[%s %d]", w, wavePlusGap(waves, k))
			}
			exp := expectOrgs(t, dd, wg)
			dyn := r["dynamic_values"].(map[string]any)
			for _, e := range exp {
				got := map[string]float64{}
				for _, v := range dyn[e.id].([]any) {
					v := v.([]any)
					if fmt.Sprint(v[2]) == w {
						got[v[0].(string)] = num(t, v[1])
					}
				}
				for _, m := range []string{"degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank"} {
					if !near(got[m], e.measures[m]) {
						t.Errorf("%s: %q %s in wave %s = %v, want %v", set.file, e.id, m, w, got[m], e.measures[m])
					}
				}
			}
		}
		gotSpells := map[string]string{}
		for _, e := range r["edges"].([]any) {
			e := e.([]any)
			s := ""
			for _, sp := range e[2].(map[string]any)["spells"].([]any) {
				sp := sp.([]any)
				s += fmt.Sprintf("[%v %v]", sp[0], sp[1])
			}
			gotSpells[pairKey(e[0].(string), e[1].(string))] = s
		}
		if fmt.Sprint(gotSpells) != fmt.Sprint(spells) {
			t.Errorf("%s spells:\n got %v\nwant %v", set.file, gotSpells, spells)
		}
	}

	// igraph Read_DL of good.dl: the newman projection, both directions.
	gg, err := data.Load(os.DirFS(good))
	if err != nil {
		t.Fatal(err)
	}
	gn, _ := graph.OneMode(gg, graph.NetworkSpec{Weighting: graph.WeightNewman})
	dl := igr["good.dl"].(map[string]any)
	var dlNames []string
	for _, v := range dl["vertices"].([]any) {
		dlNames = append(dlNames, v.(map[string]any)["name"].(string))
	}
	arcs := map[string]float64{}
	for _, e := range dl["edges"].([]any) {
		e := e.([]any)
		arcs[dlNames[int(num(t, e[0]))]+">"+dlNames[int(num(t, e[1]))]] = weightAttr(e[2])
	}
	wantArcs := map[string]float64{}
	for _, e := range gn.Edges() {
		wantArcs[gg.Orgs[e.U].ID+">"+gg.Orgs[e.V].ID] = e.W
		wantArcs[gg.Orgs[e.V].ID+">"+gg.Orgs[e.U].ID] = e.W
	}
	if fmt.Sprint(arcs) != fmt.Sprint(wantArcs) {
		t.Errorf("igraph DL arcs %v, want %v", arcs, wantArcs)
	}

	// Kumu, by json.load.
	bp := nx["hostile.json"].(map[string]any)
	for i, el := range bp["elements"].([]any) {
		el := el.(map[string]any)
		e := exp[i]
		if el["id"] != e.id || el["label"] != e.name || el["type"] != e.sectorLabel || el["City"] != e.attrs["City"] || !near(num(t, el["pagerank"]), e.measures["pagerank"]) {
			t.Errorf("kumu element %d: %v", i, el)
		}
	}
	var conns []any
	for _, c := range bp["connections"].([]any) {
		c := c.(map[string]any)
		conns = append(conns, []any{c["from"], c["to"], c})
	}
	checkTies(t, "kumu", conns, forumTies, weightAttr)

	// Graphviz dot -Tjson: labels are escStrings (\\ a backslash, \n a
	// line break), other attributes as written (dotString).
	dot := nx["hostile.dot"].(map[string]any)
	unesc := strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\"`, `"`)
	var dotNames []string
	for i, n := range dot["nodes"].([]any) {
		n := n.(map[string]any)
		e := exp[i]
		dotNames = append(dotNames, n["name"].(string))
		if unesc.Replace(n["label"].(string)) != e.name || n["fillcolor"] != e.color || n["type"] != e.sectorLabel || n["degree"] != strconv.Itoa(int(e.measures["degree"])) {
			t.Errorf("dot node %d: %v", i, n)
		}
		if id, ok := n["orgid"]; (ok && id != e.id) || (!ok && n["name"] != e.id) {
			t.Errorf("dot node %d: name %v, orgid %v, want id %q", i, n["name"], n["orgid"], e.id)
		}
		if city, ok := n["City"]; (ok || e.attrs["City"] != "") && city != strings.TrimSuffix(e.attrs["City"], `\`) {
			t.Errorf("dot node %d City %q, want %q", i, city, e.attrs["City"])
		}
	}
	checkTies(t, "dot", dot["edges"].([]any), tieSet(dotNames, g), func(a any) float64 { return num(t, a) })
}

// pajekLike is what Pajek can hold of a label (out.pajekLabel): a double
// quote as a single one, line breaks and tabs as spaces, no trailing
// backslash; worked out here independently.
func pajekLike(s string) string {
	s = strings.NewReplacer(`"`, `'`, "\n", " ", "\r", " ", "\t", " ").Replace(s)
	return strings.TrimRight(s, `\`)
}

// indexEdges turns igraph's [source index, target index, attrs] into
// [source name, target name, attrs].
func indexEdges(edges []any, names []string) []any {
	var out []any
	for _, e := range edges {
		e := e.([]any)
		out = append(out, []any{names[int(e[0].(float64))], names[int(e[1].(float64))], e[2]})
	}
	return out
}

// wavePlusGap is the end of wave k's interval for waves that are years:
// the next wave's year minus one, or for the last the year plus the
// previous gap minus one.
func wavePlusGap(waves []string, k int) int {
	y := func(i int) int { v, _ := strconv.Atoi(waves[i]); return v }
	if k+1 < len(waves) {
		return y(k+1) - 1
	}
	if k > 0 {
		return y(k) + y(k) - y(k-1) - 1
	}
	return y(k)
}

func TestExportUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"export", good, "--format", "xml"}, "unknown export format \"xml\" (want edgelist, graphml, gexf, pajek, dl, kumu, dot)"},
		{[]string{"export", good, "--format", "pajek", "--labels", "both"}, "unknown --label-by \"both\" (want id or name)"},
		{[]string{"export", good, "--format", "graphml", "--waves"}, "--waves writes a dynamic graph, which only --format gexf holds"},
		{[]string{"export", good, "--format", "gexf", "--waves", "--wave", "2012"}, "--waves exports every wave; leave out --wave"},
		{[]string{"export", good, "--format", "gexf", "--waves", "--basis", "meetings"}, "--waves exports the collaboration ties (--basis ties)"},
		{[]string{"export", good, "--format", "gexf", "--waves", "--mode", "two"}, "--waves exports the collaboration ties, a one-mode network"},
		{[]string{"export", good, "--mode", "two"}, "--format edgelist writes the one-mode network; use graphml, gexf, pajek, dl, kumu or dot for --mode two"},
		{[]string{"export", good, "--format", "dl", "--mode", "two", "--basis", "ties"}, "--mode two needs --basis forums or meetings: reported ties are one-mode"},
		{[]string{"export", good, "--format", "dl", "--mode", "two", "--weight", "newman"}, "--weight applies to one-mode networks; the two-mode network is unweighted"},
		{[]string{"export", good, "--format", "dl", "--mode", "three"}, "unknown mode \"three\" (want one or two)"},
		{[]string{"export", good, "--format", "kumu", "--measures", "degree,fame"}, "unknown measure \"fame\" (want degree, strength, betweenness, closeness, eigenvector, pagerank, community, kcore, coreness, core, harmonic, eccentricity, clustering, weighted_clustering, constraint, effective_size, efficiency, hierarchy, partner_blau, partner_iqv, ssi)"},
	} {
		code, out, errs := sectornet(t, tt.args...)
		if code != exitUsage || out != "" || errs != "sectornet: "+tt.msg+"\n" {
			t.Errorf("%v: code %d, stderr %q, want %q", tt.args, code, errs, tt.msg)
		}
	}
	// --measures chooses the attributes.
	code, out, _ := sectornet(t, "export", good, "--format", "kumu", "--measures", "degree")
	if code != 0 || !strings.Contains(out, `"sector_label": "Government", "degree": 3, "City": "Jerusalem"}`) || strings.Contains(out, "pagerank") {
		t.Errorf("--measures degree:\n%s", out)
	}
}
