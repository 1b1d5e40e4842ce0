package out

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/sectornet/sectornet/graph"
)

// mapTieBudget is the most ties the map draws: above it, the backbone.
const mapTieBudget = 10000

// exploreMeasures are the per-organization measures the profiles rank.
var exploreMeasures = []struct {
	id, name string
	isInt    bool
}{
	{"degree", "Partners (degree)", true},
	{"strength", "Strength", false},
	{"betweenness", "Betweenness", false},
	{"closeness", "Closeness", false},
	{"eigenvector", "Eigenvector", false},
	{"pagerank", "PageRank", false},
}

// explore gathers the map and the profiles of report.html.
func (b *reportBuild) explore() (*Explore, error) {
	d, g := b.d, b.g
	x := &Explore{Basis: b.spec.Basis.String(), Wave: b.spec.Wave}
	if ws := d.Waves(); len(ws) > 0 && x.Wave == "" {
		x.Wave = ws[len(ws)-1]
	}
	styles := SectorStyles(d)
	colors := SectorColors(d.Sectors)
	for k, s := range d.Sectors {
		x.Sectors = append(x.Sectors, ExploreSector{ID: s.ID, Label: s.Name(), Color: colors[k], Shape: styles[k].Shape})
	}
	fi := d.ForumIndex()
	for _, f := range d.Forums {
		x.Forums = append(x.Forums, ExploreForum{ID: f.ID, Name: f.Name, Kind: f.Kind})
	}
	for _, m := range d.Meetings {
		x.Meetings = append(x.Meetings, ExploreMeeting{ID: m.ID, Forum: fi[m.Forum], Date: m.Date.Format("2006-01-02")})
	}
	sec := d.OrgSectors()
	oi := d.OrgIndex()
	x.Orgs = make([]ExploreOrg, len(d.Orgs))
	for i, o := range d.Orgs {
		x.Orgs[i] = ExploreOrg{ID: o.ID, Name: o.Name, Sector: sec[i], Community: -1}
	}
	type membership struct {
		forum int
		role  string
	}
	mem := make([][]membership, len(d.Orgs))
	for _, m := range d.Memberships {
		i, f := oi[m.Org], fi[m.Forum]
		if k := slices.IndexFunc(mem[i], func(x membership) bool { return x.forum == f }); k >= 0 {
			if mem[i][k].role == "" {
				mem[i][k].role = m.Role
			}
			continue
		}
		mem[i] = append(mem[i], membership{f, m.Role})
	}
	for i, ms := range mem {
		slices.SortFunc(ms, func(a, b membership) int { return a.forum - b.forum })
		for _, m := range ms {
			x.Orgs[i].Forums = append(x.Orgs[i].Forums, m.forum)
			x.Orgs[i].Roles = append(x.Orgs[i].Roles, m.role)
		}
	}
	mi := d.MeetingIndex()
	attended := make([]map[int]bool, len(d.Orgs))
	for _, a := range d.Attendance {
		i, m := oi[a.Org], mi[a.Meeting]
		if attended[i] == nil {
			attended[i] = map[int]bool{}
		}
		if !attended[i][m] {
			attended[i][m] = true
			x.Orgs[i].Meetings = append(x.Orgs[i].Meetings, m)
		}
	}
	for i := range x.Orgs {
		ms := x.Orgs[i].Meetings
		slices.SortFunc(ms, func(a, c int) int {
			if c := d.Meetings[a].Date.Compare(d.Meetings[c].Date); c != 0 {
				return c
			}
			return a - c
		})
	}
	var want []string
	for _, m := range exploreMeasures {
		want = append(want, m.id)
	}
	cols, _, err := b.a.Measures(b.ctx, b.spec, want, MeasureOptions{Paths: graph.PathsHops, Seed: DefaultSeed, Resolution: DefaultResolution, PageRank: graph.PageRankConverged})
	if err != nil {
		return nil, err
	}
	for _, m := range exploreMeasures {
		k := slices.IndexFunc(cols, func(c Column) bool { return c.Name == m.id })
		if k < 0 {
			continue
		}
		v := make([]float64, len(cols[k].Values))
		for i, c := range cols[k].Values {
			switch c := c.(type) {
			case int:
				v[i] = float64(c)
			case float64:
				v[i] = c
			}
		}
		x.Measures = append(x.Measures, ExploreMeasure{ID: m.id, Name: m.name, Values: v, Int: m.isInt})
	}
	br, err := b.a.Brokerage(b.spec)
	if err != nil {
		return nil, err
	}
	x.Brokerage = br
	for _, w := range d.Waves() {
		tw := graph.TieNetwork(d, w, "")
		ew := ExploreWave{Name: w}
		for _, e := range tw.Edges() {
			ew.Ties = append(ew.Ties, [2]int32{int32(e.U), int32(e.V)})
		}
		x.Waves = append(x.Waves, ew)
	}
	if len(d.Waves()) > 0 {
		ss, _, err := graph.Suggest(d, graph.SuggestOptions{Org: -1, PerOrg: profileSuggestions})
		if err == nil {
			x.Suggestions = ss
		}
	}
	var comm graph.Groups
	if g.M() > 0 {
		comm, err = b.a.Communities(b.ctx, b.spec, DefaultCommunityMethod, DefaultResolution, DefaultSeed)
		if err != nil {
			return nil, err
		}
		x.Communities = comm.K
		for i := range x.Orgs {
			x.Orgs[i].Community = comm.Label[i]
		}
	}
	b.use("layout", Param{"seed", fmt.Sprint(DefaultSeed)})
	if len(d.Orgs) <= MapOrganizations {
		m, err := b.orgMap(comm)
		if err != nil {
			return nil, err
		}
		x.Map = m
	} else {
		m, err := b.communityMap(comm, x.Measures[2].Values)
		if err != nil {
			return nil, err
		}
		x.Map = m
	}
	return x, nil
}

// orgMap is the map of every organization at sectornet's layout, marks
// sized by degree.
func (b *reportBuild) orgMap(comm graph.Groups) (ExploreMap, error) {
	g := b.g
	m := ExploreMap{Title: "The network of organizations: " + b.networkWords()}
	xs, ys, err := b.a.MapLayout(b.ctx, b.spec, DefaultCommunityMethod, DefaultResolution, DefaultSeed)
	if err != nil {
		return m, err
	}
	xs, ys = slices.Clone(xs), slices.Clone(ys) // placeIsolates moves some
	maxDeg := 1
	for i := 0; i < g.N(); i++ {
		maxDeg = max(maxDeg, g.Degree(i))
	}
	sec := b.d.OrgSectors()
	placeIsolates(g, xs, ys, sec)
	for i := 0; i < g.N(); i++ {
		c := -1
		if comm.K > 0 {
			c = comm.Label[i]
		}
		m.Nodes = append(m.Nodes, MapNode{Org: i, X: xs[i], Y: ys[i], Size: 1 + 8*math.Sqrt(float64(g.Degree(i))/float64(maxDeg)), Sector: sec[i], Community: c})
	}
	m.AllTies = true
	var edges []graph.Edge
	if g.M() <= mapTieBudget {
		edges = g.Edges()
	} else {
		// A hairball of 100,000 ties says nothing and costs the browser
		// seconds a frame: the map draws the ties the network view's
		// backbone test keeps, at most mapTieBudget of them; the
		// profiles list every partner.
		t, err := b.a.TieTest(b.ctx, b.spec, DefaultBackboneTest)
		if err != nil {
			return m, err
		}
		kept := t.Strongest(mapTieBudget)
		edges = kept.Edges
		m.AllTies = false
		m.Note = fmt.Sprintf("The map draws %d of the %d ties: %s", len(edges), g.M(), BackboneNote(t))
		if len(t.Kept.Edges) > len(edges) {
			m.Note += fmt.Sprintf(" Drawn: the %d with the smallest p-values.", len(edges))
		}
		m.Note += " Each organization's profile lists all its partners."
	}
	for _, e := range edges {
		m.Edges = append(m.Edges, MapEdge{U: int32(e.U), V: int32(e.V), Weight: e.W})
	}
	return m, nil
}

// placeIsolates puts the organizations without ties in rows under the
// drawing of the others, by sector (then in dataset order), so that they
// are seen but do not push the network into a corner of the map.
func placeIsolates(g *graph.Network, xs, ys []float64, sec []int) {
	var iso []int
	x0, x1, y1 := math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range xs {
		if g.Degree(i) == 0 {
			iso = append(iso, i)
			continue
		}
		x0, x1, y1 = math.Min(x0, xs[i]), math.Max(x1, xs[i]), math.Max(y1, ys[i])
	}
	if len(iso) == 0 {
		return
	}
	if math.IsInf(x0, 0) { // no ties at all: one square grid
		x0, x1, y1 = 0, math.Sqrt(float64(len(iso))), 0
	}
	slices.SortStableFunc(iso, func(a, c int) int { return sec[a] - sec[c] })
	width := math.Max(x1-x0, 1)
	perRow := max(1, int(math.Ceil(math.Sqrt(float64(len(iso))*4))))
	step := width / float64(perRow)
	for k, i := range iso {
		xs[i] = x0 + step*(float64(k%perRow)+0.5)
		ys[i] = y1 + step*(2+float64(k/perRow))
	}
}

// communityMap is the map of a network too large to draw organization by
// organization: each community of two or more organizations is one mark
// (sized by its organizations, in its largest sector's colour), the
// organizations with the highest betweenness are marks of their own, and
// ties are summed between them.
func (b *reportBuild) communityMap(comm graph.Groups, bet []float64) (ExploreMap, error) {
	g, d := b.g, b.d
	n := g.N()
	node := make([]int, n) // map node of each organization; -1 for none (isolates)
	var m ExploreMap
	top := topK(bet, nil, mapTopOrgs)
	own := map[int]bool{}
	for _, i := range top {
		if g.Degree(i) > 0 {
			own[i] = true
		}
	}
	sec := d.OrgSectors()
	// A community's mark stands for its members not drawn on their own;
	// a community with fewer than two such members has none.
	sizes := make([]int, comm.K)
	comp := make([][]int, comm.K)
	for c := range comp {
		comp[c] = make([]int, len(d.Sectors))
	}
	for i, c := range comm.Label {
		if !own[i] && g.Degree(i) > 0 {
			sizes[c]++
			if sec[i] >= 0 {
				comp[c][sec[i]]++
			}
		}
	}
	groupNode := map[int]int{}
	for c := 0; c < comm.K; c++ {
		if sizes[c] < 2 {
			continue
		}
		lead, leadN := 0, -1
		for k, x := range comp[c] {
			if x > leadN {
				lead, leadN = k, x
			}
		}
		label := fmt.Sprintf("Community %d: %d organizations, %s of them from %s", c, sizes[c], share(float64(leadN)/float64(sizes[c])), d.Sectors[lead].Name())
		if drawn := comm.Sizes()[c] - sizes[c]; drawn > 0 {
			label += fmt.Sprintf(" (and %d drawn on %s own)", drawn, plural(drawn, "its", "their"))
		}
		groupNode[c] = len(m.Nodes)
		m.Nodes = append(m.Nodes, MapNode{Org: -1, Members: sizes[c], Sector: lead, Community: c, Label: label})
	}
	for i := range node {
		node[i] = -1
		if own[i] {
			node[i] = len(m.Nodes)
			m.Nodes = append(m.Nodes, MapNode{Org: i, Sector: sec[i], Community: comm.Label[i]})
		} else if k, ok := groupNode[comm.Label[i]]; ok {
			node[i] = k
		}
	}
	w := map[[2]int]float64{}
	for _, e := range g.Edges() {
		u, v := node[e.U], node[e.V]
		if u < 0 || v < 0 || u == v {
			continue
		}
		if u > v {
			u, v = v, u
		}
		w[[2]int{u, v}]++
	}
	keys := make([][2]int, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, c [2]int) int {
		if a[0] != c[0] {
			return a[0] - c[0]
		}
		return a[1] - c[1]
	})
	var es []graph.Edge
	for _, k := range keys {
		m.Edges = append(m.Edges, MapEdge{U: int32(k[0]), V: int32(k[1]), Weight: w[k]})
		es = append(es, graph.Edge{U: k[0], V: k[1], W: w[k]})
	}
	agg := graph.NewNetwork(len(m.Nodes), es)
	xs, ys, err := ForceLayout(b.ctx, agg, ForceOptions{Seed: DefaultSeed})
	if err != nil {
		return m, err
	}
	maxMembers := 1
	for _, nd := range m.Nodes {
		maxMembers = max(maxMembers, nd.Members)
	}
	for k := range m.Nodes {
		m.Nodes[k].X, m.Nodes[k].Y = xs[k], ys[k]
		if m.Nodes[k].Org < 0 {
			m.Nodes[k].Size = 2 + 14*math.Sqrt(float64(m.Nodes[k].Members)/float64(maxMembers))
		} else {
			m.Nodes[k].Size = 2
		}
	}
	isolates := graph.Isolates(g)
	m.Title = "Communities of the network: " + b.networkWords()
	m.Note = fmt.Sprintf("%d organizations are too many to draw one by one: each large mark is a community of two or more organizations (hover it for its size and largest sector; click it to show only that community's list), and the %d organizations with the highest betweenness are drawn on their own. Ties between marks are summed.", n, len(own))
	if isolates > 0 {
		m.Note += fmt.Sprintf(" %s without ties %s not drawn.", plural(isolates, "One organization", fmt.Sprintf("%d organizations", isolates)), plural(isolates, "is", "are"))
	}
	return m, nil
}

// paragraph is the methods paragraph to paste into a paper.
func (b *reportBuild) paragraph(doc *ReportDoc) string {
	d := b.d
	var phrases []string
	for _, m := range doc.Methods {
		if m.ID == "projection" || m.ID == "layout" {
			continue
		}
		phrases = append(phrases, m.Phrase)
	}
	var p strings.Builder
	fmt.Fprintf(&p, "We studied %d organizations in %d sectors", len(d.Orgs), len(d.Sectors))
	if len(d.Forums) > 0 {
		fmt.Fprintf(&p, ", %d forums", len(d.Forums))
	}
	if len(d.Meetings) > 0 {
		fmt.Fprintf(&p, " and %d meetings", len(d.Meetings))
	}
	if ws := d.Waves(); len(ws) > 0 {
		fmt.Fprintf(&p, ", with %s of collaboration ties (%s)", plural(len(ws), "one survey wave", fmt.Sprintf("%d survey waves", len(ws))), andList(ws))
	}
	p.WriteString(". ")
	if b.spec.Basis == graph.BasisForums || b.spec.Basis == graph.BasisMeetings {
		m, _ := graph.LookupMethod("projection")
		fmt.Fprintf(&p, "The network of organizations is %s: two organizations are tied by %s. ", m.Phrase, b.networkWords())
	} else {
		fmt.Fprintf(&p, "The network of organizations is %s. ", b.networkWords())
	}
	if len(phrases) > 0 {
		fmt.Fprintf(&p, "We computed %s. ", strings.Join(phrases, "; "))
	}
	p.WriteString("Each value equals that of the reference implementation named in the methods section (NetworkX, R sna, igraph or UCINET)")
	// The random procedures this report ran, with their draws.
	var draws []string
	seeded := false
	for _, m := range doc.Methods {
		for _, x := range m.Params {
			switch x.Name {
			case "seed":
				seeded = true
			case "permutations", "restarts":
				draws = append(draws, fmt.Sprintf("%s %s for the %s", x.Value, x.Name, lowerFirst(m.Name)))
			}
		}
	}
	if seeded {
		fmt.Fprintf(&p, "; random procedures used seed %d", DefaultSeed)
		if len(draws) > 0 {
			p.WriteString(", with " + andList(draws))
		}
	}
	p.WriteString(". The computations were made with sectornet.")
	return p.String()
}

// lowerFirst lowers the first letter of a method's name for a sentence,
// unless the name starts with an acronym or a proper name ("E-I index",
// "QAP regression", "Burt's constraint").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || !unicode.IsUpper(r[0]) || !unicode.IsLower(r[1]) || strings.Contains(s, "'") {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
