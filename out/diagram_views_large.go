package out

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// The views of this file stay readable at any size because they draw
// aggregates (communities, forums, sectors, the top brokers) rather than
// every organization, and they are pinned (diagram_pinned.go): laid out in
// Go, drawn without Graphviz, in milliseconds.

// Sizes above which the views of a whole network switch to aggregates.
const (
	// LargeNetwork is the number of organizations above which the
	// network view becomes a community map.
	LargeNetwork = 500
	// LargeAffiliation is the number of forums above which the
	// affiliation view shows the largest forums only.
	LargeAffiliation = 40
	// LargeChange is the number of organizations named in the waves, and
	// LargeChangeTies the number of ties in them, above either of which
	// the change and waves views show sector pairs.
	LargeChange     = 250
	LargeChangeTies = 800
)

// sectorSlices returns the pie slices of sector counts.
func sectorSlices(counts []int, styles []Style) []Slice {
	total := 0
	for _, c := range counts {
		total += c
	}
	var s []Slice
	for k, c := range counts {
		if c > 0 && k < len(styles) {
			s = append(s, Slice{Share: float64(c) / float64(total), Color: styles[k].Color})
		}
	}
	return s
}

// mixText describes sector counts: "45% nonprofit, 30% business, ...".
func mixText(d *graph.Dataset, counts []int) string {
	total := 0
	for _, c := range counts {
		total += c
	}
	idx := make([]int, len(counts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return counts[b] - counts[a] })
	var parts []string
	for _, k := range idx {
		if counts[k] > 0 && total > 0 {
			parts = append(parts, fmt.Sprintf("%.0f%% %s", 100*float64(counts[k])/float64(total), d.Sectors[k].Name()))
		}
	}
	return strings.Join(parts, ", ")
}

// pieLegend lists the sectors as legend items (without counts) and a note
// on what the slices are.
func pieLegend(d *graph.Dataset, styles []Style) []LegendItem {
	var items []LegendItem
	for k, s := range d.Sectors {
		items = append(items, LegendItem{Label: s.Name(), Shape: ShapeSquare, Fill: styles[k].Color})
	}
	return items
}

// strongestLinks keeps, of ties between n nodes (weights w), those among
// each node's perNode heaviest, at most cap of them, heaviest first; ties
// by order.
func strongestLinks(n int, ends [][2]int, w []float64, perNode, limit int) []int {
	order := topIndices(w, len(w))
	count := make([]int, n)
	var keep []int
	for _, k := range order {
		a, b := ends[k][0], ends[k][1]
		if count[a] >= perNode && count[b] >= perNode {
			continue
		}
		count[a]++
		count[b]++
		keep = append(keep, k)
		if len(keep) >= limit {
			break
		}
	}
	slices.Sort(keep)
	return keep
}

// pinnedLayout positions for nodes of diameters size joined by links:
// stress majorization, then overlaps removed, then fitted in side points.
func layoutAggregate(size []float64, links [][2]int, side float64) []Point {
	unit := 0.0
	for _, s := range size {
		unit = math.Max(unit, s)
	}
	unit = math.Max(unit*0.9, 30)
	pos := stressLayout(len(size), links, nil, unit)
	separate(pos, size, 14)
	fitTo(pos, side)
	separate(pos, size, 10)
	out := make([]Point, len(pos))
	for i, q := range pos {
		out[i] = Point{q.X, q.Y}
	}
	return out
}

// CommunityMapDiagram draws the communities of g (comm, as `sectornet
// communities` numbers them) as nodes: area by organizations, a pie of
// their sectors, ties between communities of width by the ties between
// them (each community's three strongest links). The largest maxNodes
// communities of two or more organizations are drawn; the legend counts
// the rest.
func CommunityMapDiagram(d *graph.Dataset, g *graph.Network, comm graph.Groups, title, desc string, maxNodes int) *Diagram {
	styles := SectorStyles(d)
	comp := graph.Composition(comm, graph.SectorGroups(d))
	size := make([]float64, comm.K)
	for c, row := range comp {
		for _, x := range row {
			size[c] += float64(x)
		}
	}
	var big []float64
	for c := range size {
		if size[c] >= 2 {
			big = append(big, size[c])
		} else {
			big = append(big, 0)
		}
	}
	shown := topIndices(big, maxNodes)
	shown = slices.DeleteFunc(shown, func(c int) bool { return size[c] < 2 })
	slices.Sort(shown)
	at := make([]int, comm.K)
	for i := range at {
		at[i] = -1
	}
	for i, c := range shown {
		at[c] = i
	}
	mx := 0.0
	for _, c := range shown {
		mx = math.Max(mx, size[c])
	}
	dia := make([]float64, len(shown))
	// Top members by degree, for the tooltips.
	members := make([][]int, comm.K)
	for i, c := range comm.Label {
		if at[c] >= 0 {
			members[c] = append(members[c], i)
		}
	}
	dg := &Diagram{Title: title, Seed: 1}
	for i, c := range shown {
		dia[i] = 12 + 60*math.Sqrt(size[c]/mx)
		ms := members[c]
		slices.SortStableFunc(ms, func(a, b int) int { return g.Degree(b) - g.Degree(a) })
		var top []string
		for _, m := range ms[:min(5, len(ms))] {
			top = append(top, d.Orgs[m].Name)
		}
		dg.Nodes = append(dg.Nodes, DiagramNode{
			ID: "community-" + strconv.Itoa(c), Label: fmt.Sprintf("#%d · %s", c, FormatHuman(size[c])),
			Name: fmt.Sprintf("community %d: %d organizations", c, int(size[c])),
			Info: mixText(d, comp[c]) + "\nmost partners: " + strings.Join(top, "; "),
			Size: dia[i], Slices: sectorSlices(comp[c], styles), Class: "community"})
	}
	var ends [][2]int
	var ws []float64
	var qt []graph.GroupTie
	within := 0
	for _, q := range graph.QuotientTies(g, comm) {
		if q.A == q.B {
			within += q.Ties
			continue
		}
		if at[q.A] < 0 || at[q.B] < 0 {
			continue
		}
		ends = append(ends, [2]int{at[q.A], at[q.B]})
		ws = append(ws, float64(q.Ties))
		qt = append(qt, q)
	}
	keep := strongestLinks(len(shown), ends, ws, 3, 3*len(shown))
	var kw []float64
	var links [][2]int
	for _, k := range keep {
		kw = append(kw, ws[k])
		links = append(links, ends[k])
	}
	width := widthScale(kw, 0.5, 7)
	for _, k := range keep {
		q := qt[k]
		dg.Edges = append(dg.Edges, DiagramEdge{U: ends[k][0], V: ends[k][1], Width: width(ws[k]), Color: "#888888", Opacity: 0.6,
			Tip: fmt.Sprintf("communities %d – %d: %d ties", q.A, q.B, q.Ties)})
	}
	dg.Pos = layoutAggregate(dia, links, 900)
	drawnOrgs := 0
	for _, c := range shown {
		drawnOrgs += int(size[c])
	}
	rest, restOrgs, single := 0, 0, 0
	for c := range size {
		switch {
		case at[c] >= 0:
		case size[c] < 2:
			single++
		default:
			rest++
			restOrgs += int(size[c])
		}
	}
	dg.Legend.Heading = title
	dg.Legend.Items = pieLegend(d, styles)
	if len(kw) > 0 {
		lo, hi := slices.Min(kw), slices.Max(kw)
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: FormatHuman(lo) + " ties between", Line: "#888888", Width: width(lo)})
		if hi > lo {
			dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: FormatHuman(hi) + " ties between", Line: "#888888", Width: width(hi)})
		}
	}
	why := ""
	if len(d.Orgs) > LargeNetwork {
		why = fmt.Sprintf(" %d organizations are too many to draw one by one;", len(d.Orgs))
	}
	dg.Legend.Notes = append(dg.Legend.Notes,
		"View: community map."+why+" each node is a Louvain community (as sectornet communities numbers them: #number · organizations), its area the organizations in it, its slices their sectors.",
		"Ties: "+desc+".",
		fmt.Sprintf("Drawn: the %d largest communities (%d organizations); lines: each community's 3 strongest links to others, %d of %d linked pairs. %d ties lie within communities.",
			len(shown), drawnOrgs, len(keep), len(ends), within))
	var left []string
	if rest > 0 {
		left = append(left, fmt.Sprintf("%d smaller %s (%d organizations)", rest, plural(rest, "community", "communities"), restOrgs))
	}
	if single > 0 {
		left = append(left, fmt.Sprintf("%d %s in a community of %s own", single, plural(single, "organization", "organizations"), plural(single, "its", "their")))
	}
	if len(left) > 0 {
		dg.Legend.Notes = append(dg.Legend.Notes, "Left out: "+strings.Join(left, " and ")+".")
	}
	return dg
}

// ratioColor maps observed/expected to a diverging colour: blue below 1,
// white at 1, red above, saturating at 1/4 and 4 (log scale; ColorBrewer
// RdBu).
func ratioColor(r float64) string {
	if math.IsNaN(r) {
		return "#EEEEEE"
	}
	if r <= 0 {
		r = 1.0 / 16
	}
	t := math.Max(-1, math.Min(1, math.Log2(r)/2))
	lo, mid, hi := [3]float64{0x21, 0x66, 0xAC}, [3]float64{0xF7, 0xF7, 0xF7}, [3]float64{0xB2, 0x18, 0x2B}
	var c [3]float64
	for i := range c {
		if t < 0 {
			c[i] = mid[i] + (lo[i]-mid[i])*(-t)
		} else {
			c[i] = mid[i] + (hi[i]-mid[i])*t
		}
	}
	return fmt.Sprintf("#%02X%02X%02X", int(math.Round(c[0])), int(math.Round(c[1])), int(math.Round(c[2])))
}

// MixingDiagram draws the sector x sector mixing of g as a heat map:
// each cell (lower triangle and diagonal) the ties observed between two
// sectors and their ratio to the ties expected if ties were rewired at
// random keeping every organization's number of partners
// (graph.ExpectedMixing), coloured from blue (fewer than expected) to red
// (more). It reads the same at 10 or 200,000 organizations.
func MixingDiagram(d *graph.Dataset, g *graph.Network, title, desc string) *Diagram {
	p := graph.SectorGroups(d)
	obs := graph.MixingMatrix(g, p).Ties
	exp := graph.ExpectedMixing(g, p)
	K := len(d.Sectors)
	const cell = 64.0
	dg := &Diagram{Title: title}
	head := func(id, label string, x, y float64, w float64) {
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: id, Label: label, Name: label, Size: w, Height: 16, Inside: true, Plain: true, Bold: true, Class: "heading"})
		dg.Pos = append(dg.Pos, Point{x, y})
	}
	names := make([]string, K)
	for k, s := range d.Sectors {
		// Bilingual labels ("Business / עסקים"): the first language.
		names[k], _, _ = strings.Cut(s.Name(), " / ")
	}
	rows, cols := DistinctLabels(names, 18), DistinctLabels(names, 11)
	for k := range d.Sectors {
		head("row-"+d.Sectors[k].ID, rows[k], -cell/2-62, float64(k)*cell, 116)
		head("col-"+d.Sectors[k].ID, cols[k], float64(k)*cell, -cell/2-10, cell)
	}
	for k := range K {
		for l := 0; l <= k; l++ {
			o, e := float64(obs[k][l]), exp[k][l]
			r := math.NaN()
			if e > 0 {
				r = o / e
			}
			label := FormatHuman(o)
			if !math.IsNaN(r) {
				label += " · ×" + strconv.FormatFloat(r, 'f', 1, 64)
			}
			where := d.Sectors[k].Name() + " – " + d.Sectors[l].Name()
			if k == l {
				where = "within " + d.Sectors[k].Name()
			}
			dg.Nodes = append(dg.Nodes, DiagramNode{ID: "cell-" + d.Sectors[k].ID + "-" + d.Sectors[l].ID, Label: label,
				Name: where, Info: fmt.Sprintf("%d ties, %.1f expected", obs[k][l], e), Shape: ShapeBox, Fill: ratioColor(r),
				Size: cell - 2, Height: cell - 2, Inside: true, Class: "cell"})
			dg.Pos = append(dg.Pos, Point{float64(l) * cell, float64(k) * cell})
		}
	}
	dg.Legend.Heading = title
	for _, r := range []float64{0.25, 0.5, 1, 2, 4} {
		lab := "×" + strconv.FormatFloat(r, 'g', -1, 64) + " expected"
		switch r {
		case 0.25:
			lab = "×0.25 or fewer"
		case 4:
			lab = "×4 or more"
		}
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: lab, Shape: ShapeSquare, Fill: ratioColor(r)})
	}
	ei := graph.EIIndex(g, p)
	dg.Legend.Notes = append(dg.Legend.Notes,
		"View: sector mixing. Each cell: the ties between two sectors (the diagonal: within one) and how many times the number expected if the same organizations, keeping their numbers of partners, tied at random (Newman 2003).",
		"Ties: "+desc+".",
		fmt.Sprintf("E-I index %s: %d ties across sectors, %d inside.", FormatHuman(ei.Index), ei.External, ei.Internal))
	return dg
}

// BrokersDiagram draws the n organizations of largest betweenness (bet)
// with their own ties: each broker tied to the sectors of its partners
// (line width: partners in that sector), the ties among the brokers in
// grey. Sectors sit on an outer circle, each broker between the sectors it
// reaches.
func BrokersDiagram(d *graph.Dataset, g *graph.Network, bet []float64, n int, title, desc string) *Diagram {
	styles := SectorStyles(d)
	sec := d.OrgSectors()
	top := topIndices(bet, n)
	top = slices.DeleteFunc(top, func(i int) bool { return !(bet[i] > 0) })
	K := len(d.Sectors)
	counts := make([]int, K)
	for _, k := range sec {
		if k >= 0 {
			counts[k]++
		}
	}
	R := 260.0
	hub := circlePositions(K, R)
	dg := &Diagram{Title: title}
	for k, s := range d.Sectors {
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: "sector-" + s.ID, Label: s.Name(), Name: s.Name(),
			Info: fmt.Sprintf("%d organizations", counts[k]), Shape: styles[k].Shape, Fill: styles[k].Color, Size: 30, Class: s.ID, Bold: true})
	}
	// Each broker's partners per sector.
	per := make([][]int, len(top))
	var ws []float64
	pos := slices.Clone(hub)
	size := make([]float64, 0, K+len(top))
	for range K {
		size = append(size, 30)
	}
	mb := 0.0
	for _, i := range top {
		mb = math.Max(mb, bet[i])
	}
	for r, i := range top {
		per[r] = make([]int, K)
		for _, j := range g.Neighbors(i) {
			if k := sec[j]; k >= 0 {
				per[r][k]++
			}
		}
		var x, y, w float64
		for k, c := range per[r] {
			x += float64(c) * hub[k].X
			y += float64(c) * hub[k].Y
			w += float64(c)
			if c > 0 {
				ws = append(ws, float64(c))
			}
		}
		if w > 0 {
			x, y = x/w*0.55, y/w*0.55
		}
		pos = append(pos, pt{x, y})
		st := orgStyle(styles, sec[i])
		sz := 8 + 22*math.Sqrt(bet[i]/mb)
		size = append(size, sz)
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: d.Orgs[i].ID, Label: Abbreviate(d.Orgs[i].Name, MaxLabel), Name: d.Orgs[i].Name,
			Info:  fmt.Sprintf("%s, betweenness %s, %d partners", sectorName(d, sec[i]), FormatHuman(bet[i]), g.Degree(i)),
			Shape: st.Shape, Fill: st.Color, Size: sz, Class: d.Orgs[i].Sector})
	}
	// Brokers on an inner ring, in the angular order of the sectors they
	// lean to (their partners' barycentre), evenly spaced.
	brokers := pos[K:]
	order := make([]int, len(brokers))
	ang := make([]float64, len(brokers))
	for r := range brokers {
		order[r] = r
		ang[r] = math.Atan2(brokers[r].Y, brokers[r].X)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case ang[a] < ang[b]:
			return -1
		case ang[a] > ang[b]:
			return 1
		}
		return 0
	})
	if len(order) > 0 {
		start := ang[order[0]]
		for j, r := range order {
			a := start + 2*math.Pi*float64(j)/float64(len(order))
			brokers[r] = pt{0.5 * R * math.Cos(a), 0.5 * R * math.Sin(a)}
		}
	}
	for _, q := range pos {
		dg.Pos = append(dg.Pos, Point{q.X, q.Y})
	}
	width := widthScale(ws, 0.4, 6)
	for r := range top {
		for k, c := range per[r] {
			if c > 0 {
				dg.Edges = append(dg.Edges, DiagramEdge{U: K + r, V: k, Width: width(float64(c)), Color: styles[k].Color, Opacity: 0.55,
					Tip: fmt.Sprintf("%s: %d partners in %s", d.Orgs[top[r]].ID, c, d.Sectors[k].Name())})
			}
		}
	}
	among := 0
	for a := range top {
		for b := a + 1; b < len(top); b++ {
			if _, ok := g.TieWeight(top[a], top[b]); ok {
				among++
				dg.Edges = append(dg.Edges, DiagramEdge{U: K + a, V: K + b, Width: 0.7, Color: "#333333", Opacity: 0.45,
					Tip: d.Orgs[top[a]].ID + " – " + d.Orgs[top[b]].ID})
			}
		}
	}
	dg.Legend.Heading = title
	dg.Legend.Items = sectorLegend(d, styles, nil)
	dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: "tie between two brokers", Line: "#333333", Width: 0.7})
	if len(ws) > 0 {
		lo, hi := slices.Min(ws), slices.Max(ws)
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: FormatHuman(lo) + " partners in a sector", Line: "#888888", Width: width(lo)})
		if hi > lo {
			dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: FormatHuman(hi) + " partners in a sector", Line: "#888888", Width: width(hi)})
		}
	}
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: top brokers. The %d organizations of highest betweenness (node area) among %d, each placed between the sectors of its partners and tied to each sector by its partners there; %d ties among them.", len(top), len(d.Orgs), among),
		"Ties: "+desc+".")
	return dg
}

// ForumMapDiagram draws the n largest forums (by members) as pies of
// their members' sectors, area by members, tied by the organizations they
// share (each forum's three strongest overlaps). For affiliations too big
// to draw organization by organization.
func ForumMapDiagram(d *graph.Dataset, title string, n int) *Diagram {
	a := graph.ForumAffiliation(d)
	styles := SectorStyles(d)
	sec := d.OrgSectors()
	msize := make([]float64, len(d.Forums))
	for f, ms := range a.GroupMembers {
		msize[f] = float64(len(ms))
	}
	shown := topIndices(msize, n)
	shown = slices.DeleteFunc(shown, func(f int) bool { return msize[f] == 0 })
	slices.Sort(shown)
	at := make([]int, len(d.Forums))
	for i := range at {
		at[i] = -1
	}
	for i, f := range shown {
		at[f] = i
	}
	names := make([]string, len(shown))
	for i, f := range shown {
		names[i] = d.Forums[f].Name
	}
	names = DistinctLabels(names, MaxLabel)
	mx := 0.0
	for _, f := range shown {
		mx = math.Max(mx, msize[f])
	}
	dg := &Diagram{Title: title}
	dia := make([]float64, len(shown))
	prefix := forumPrefix(d)
	for i, f := range shown {
		counts := make([]int, len(d.Sectors))
		for _, o := range a.GroupMembers[f] {
			if k := sec[o]; k >= 0 {
				counts[k]++
			}
		}
		dia[i] = 14 + 46*math.Sqrt(msize[f]/mx)
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: prefix + d.Forums[f].ID, Label: names[i], Name: d.Forums[f].Name,
			Info: fmt.Sprintf("%s, %d members: %s", d.Forums[f].Kind, len(a.GroupMembers[f]), mixText(d, counts)),
			Size: dia[i], Slices: sectorSlices(counts, styles), Class: "forum"})
	}
	overlap := map[[2]int]int{}
	for _, gs := range a.OrgGroups {
		for x := 0; x < len(gs); x++ {
			for y := x + 1; y < len(gs); y++ {
				p, q := at[gs[x]], at[gs[y]]
				if p >= 0 && q >= 0 {
					overlap[[2]int{min(p, q), max(p, q)}]++
				}
			}
		}
	}
	var ends [][2]int
	var ws []float64
	for k, c := range overlap {
		ends = append(ends, k)
		ws = append(ws, float64(c))
	}
	order := make([]int, len(ends))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		if ends[x][0] != ends[y][0] {
			return ends[x][0] - ends[y][0]
		}
		return ends[x][1] - ends[y][1]
	})
	se, sw := make([][2]int, len(order)), make([]float64, len(order))
	for i, k := range order {
		se[i], sw[i] = ends[k], ws[k]
	}
	keep := strongestLinks(len(shown), se, sw, 3, 3*len(shown))
	var links [][2]int
	var kw []float64
	for _, k := range keep {
		links = append(links, se[k])
		kw = append(kw, sw[k])
	}
	width := widthScale(kw, 0.5, 6)
	for _, k := range keep {
		dg.Edges = append(dg.Edges, DiagramEdge{U: se[k][0], V: se[k][1], Width: width(sw[k]), Color: "#888888", Opacity: 0.6,
			Tip: fmt.Sprintf("%s – %s: %d organizations in both", d.Forums[shown[se[k][0]]].ID, d.Forums[shown[se[k][1]]].ID, int(sw[k]))})
	}
	dg.Pos = layoutAggregate(dia, links, 800)
	inForum := 0
	for _, gs := range a.OrgGroups {
		if len(gs) > 0 {
			inForum++
		}
	}
	dg.Legend.Heading = title
	dg.Legend.Items = pieLegend(d, styles)
	if len(kw) > 0 {
		lo, hi := slices.Min(kw), slices.Max(kw)
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: FormatHuman(lo) + " organizations in both", Line: "#888888", Width: width(lo)})
		if hi > lo {
			dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: FormatHuman(hi) + " organizations in both", Line: "#888888", Width: width(hi)})
		}
	}
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: the largest forums. The %d largest of %d forums (node area: members; slices: their sectors), of %d organizations in any forum.", len(shown), len(d.Forums), inForum),
		fmt.Sprintf("Lines: organizations in both forums, each forum's 3 largest overlaps (%d of %d overlapping pairs).", len(keep), len(ends)))
	return dg
}

// SectorChangeDiagram draws the change between two waves per pair of
// sectors: sectors on a circle, a line between two sectors (a loop within
// one) of width by its new ties, labelled "+new −dissolved", new
// cross-sector lines in vermillion. For networks too big to draw tie by
// tie.
func SectorChangeDiagram(d *graph.Dataset, from, to, typ, title string) *Diagram {
	a := graph.TieNetwork(d, from, typ)
	b := graph.TieNetwork(d, to, typ)
	sec := d.OrgSectors()
	K := len(d.Sectors)
	type cnt struct{ nw, gone, kept int }
	m := make([][]cnt, K)
	for k := range m {
		m[k] = make([]cnt, K)
	}
	pair := func(e graph.Edge) (int, int, bool) {
		x, y := sec[e.U], sec[e.V]
		if x < 0 || y < 0 {
			return 0, 0, false
		}
		return min(x, y), max(x, y), true
	}
	for _, e := range a.Edges() {
		if x, y, ok := pair(e); ok {
			if _, kept := b.TieWeight(e.U, e.V); kept {
				m[x][y].kept++
			} else {
				m[x][y].gone++
			}
		}
	}
	for _, e := range b.Edges() {
		if x, y, ok := pair(e); ok {
			if _, was := a.TieWeight(e.U, e.V); !was {
				m[x][y].nw++
			}
		}
	}
	styles := SectorStyles(d)
	counts := make([]int, K)
	for _, k := range sec {
		if k >= 0 {
			counts[k]++
		}
	}
	dg := &Diagram{Title: title}
	for k, s := range d.Sectors {
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: s.ID, Label: s.Name(), Name: s.Name(), Info: fmt.Sprintf("%d organizations", counts[k]),
			Shape: styles[k].Shape, Fill: styles[k].Color, Size: 34, Class: s.ID, Bold: true})
	}
	for _, q := range circlePositions(K, 190) {
		dg.Pos = append(dg.Pos, Point{q.X, q.Y})
	}
	var ws []float64
	for x := range K {
		for y := x; y < K; y++ {
			if m[x][y].nw > 0 {
				ws = append(ws, float64(m[x][y].nw))
			}
		}
	}
	width := widthScale(ws, 0.8, 9)
	totals := cnt{}
	for x := range K {
		for y := x; y < K; y++ {
			c := m[x][y]
			totals.nw += c.nw
			totals.gone += c.gone
			totals.kept += c.kept
			if c.nw+c.gone == 0 {
				continue
			}
			col := colorNewCross
			if x == y {
				col = colorNewWithin
			}
			w := 0.6
			if c.nw > 0 {
				w = width(float64(c.nw))
			}
			dg.Edges = append(dg.Edges, DiagramEdge{U: x, V: y, Width: w, Color: col, Opacity: 0.75,
				Label: fmt.Sprintf("+%d −%d", c.nw, c.gone),
				Tip:   fmt.Sprintf("%s – %s: %d new, %d dissolved, %d kept", d.Sectors[x].ID, d.Sectors[y].ID, c.nw, c.gone, c.kept)})
		}
	}
	what := "collaboration ties"
	if typ != "" {
		what = typ + " ties"
	}
	dg.Legend.Heading = title
	dg.Legend.Items = sectorLegend(d, styles, nil)
	dg.Legend.Items = append(dg.Legend.Items,
		LegendItem{Label: "new across sectors", Line: colorNewCross, Width: 3},
		LegendItem{Label: "new within a sector (loop)", Line: colorNewWithin, Width: 3})
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: change per sector pair (the change view's choice above %d organizations or %d ties): each line's label counts the new (+) and dissolved (−) %s between two sectors from wave %s to wave %s, its width the new ones.", LargeChange, LargeChangeTies, what, from, to),
		fmt.Sprintf("In all: %d new, %d dissolved, %d kept.", totals.nw, totals.gone, totals.kept))
	return dg
}

// StablePositions lays out the organizations that have a tie in any of
// the networks gs (the union of the waves) once, by stress majorization,
// so that every wave can be drawn on the same positions; unit is the
// length of one tie in points. It returns each
// organization's position (points, y down) and whether it has one.
func StablePositions(n int, gs []*graph.Network, size []float64, unit float64) ([]Point, []bool) {
	has := make([]bool, n)
	union := map[[2]int]bool{}
	for _, g := range gs {
		for _, e := range g.Edges() {
			has[e.U], has[e.V] = true, true
			union[[2]int{e.U, e.V}] = true
		}
	}
	idx := make([]int, n)
	var nodes []int
	for i := range n {
		idx[i] = -1
		if has[i] {
			idx[i] = len(nodes)
			nodes = append(nodes, i)
		}
	}
	var links [][2]int
	keys := make([][2]int, 0, len(union))
	for k := range union {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	for _, k := range keys {
		links = append(links, [2]int{idx[k[0]], idx[k[1]]})
	}
	sz := make([]float64, len(nodes))
	for i, o := range nodes {
		sz[i] = 10
		if size != nil {
			sz[i] = size[o]
		}
	}
	pos := stressLayout(len(nodes), links, nil, unit)
	separate(pos, sz, 6)
	out := make([]Point, n)
	for i, o := range nodes {
		out[o] = Point{pos[i].X, pos[i].Y}
	}
	return out, has
}

// WavesDiagram draws the collaboration ties of each wave as small
// multiples side by side on one stable layout (StablePositions over the
// union of the waves), so that what differs between panels is change, not
// layout noise (as visone and ndtv draw networks over time). Every
// organization with a tie in any wave appears in every panel, grey where
// it has no tie in that wave; the labels organizations with most partners
// over all waves are labelled in every panel.
func WavesDiagram(d *graph.Dataset, waves []string, typ, title string, labels int) *Diagram {
	styles := SectorStyles(d)
	sec := d.OrgSectors()
	gs := make([]*graph.Network, len(waves))
	for w, wave := range waves {
		gs[w] = graph.TieNetwork(d, wave, typ)
	}
	deg := make([]float64, len(d.Orgs))
	for _, g := range gs {
		for i := range deg {
			deg[i] += float64(g.Degree(i))
		}
	}
	named, ties := 0, 0
	for i := range deg {
		if deg[i] > 0 {
			named++
		}
	}
	for _, g := range gs {
		ties += g.M()
	}
	if named > LargeChange || ties > LargeChangeTies {
		return sectorWavesDiagram(d, waves, gs, title, named)
	}
	pos, has := StablePositions(len(d.Orgs), gs, nil, 34)
	x0, x1, y0 := math.Inf(1), math.Inf(-1), math.Inf(1)
	for i, p := range pos {
		if has[i] {
			x0, x1, y0 = math.Min(x0, p.X), math.Max(x1, p.X), math.Min(y0, p.Y)
		}
	}
	if math.IsInf(x0, 1) {
		x0, x1, y0 = 0, 0, 0
	}
	// Panels of at most 520 points wide.
	scale := 1.0
	if x1-x0 > 520 {
		scale = 520 / (x1 - x0)
	}
	panelW := (x1-x0)*scale + 60
	lab := map[int]bool{}
	for _, i := range topIndices(deg, labels) {
		if has[i] {
			lab[i] = true
		}
	}
	dg := &Diagram{Title: title}
	counts := make([]int, len(d.Sectors))
	for i := range d.Orgs {
		if has[i] && sec[i] >= 0 {
			counts[sec[i]]++
		}
	}
	for w, g := range gs {
		off := float64(w) * panelW
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: "wave-" + waves[w], Label: fmt.Sprintf("Wave %s: %d ties", waves[w], g.M()),
			Name: "wave " + waves[w], Size: panelW - 60, Height: 16, Inside: true, Plain: true, Bold: true, Class: "heading"})
		dg.Pos = append(dg.Pos, Point{off + (x1-x0)*scale/2, -30})
		at := make([]int, len(d.Orgs))
		for i, o := range d.Orgs {
			at[i] = -1
			if !has[i] {
				continue
			}
			st := orgStyle(styles, sec[i])
			n := DiagramNode{ID: waves[w] + "-" + o.ID, Name: o.Name, Info: fmt.Sprintf("%s, %d partners in %s", sectorName(d, sec[i]), g.Degree(i), waves[w]),
				Shape: st.Shape, Fill: st.Color, Size: 7, Class: o.Sector}
			if g.Degree(i) == 0 {
				n.Fill, n.Size = "#DDDDDD", 5
			}
			if lab[i] {
				n.Label = Abbreviate(o.Name, 20)
			}
			at[i] = len(dg.Nodes)
			dg.Nodes = append(dg.Nodes, n)
			dg.Pos = append(dg.Pos, Point{off + (pos[i].X-x0)*scale, (pos[i].Y - y0) * scale})
		}
		var prev *graph.Network
		if w > 0 {
			prev = gs[w-1]
		}
		for _, e := range g.Edges() {
			col, wd, op := "#9A9A9A", 0.5, 0.6
			if prev != nil {
				if _, ok := prev.TieWeight(e.U, e.V); !ok {
					if sec[e.U] != sec[e.V] {
						col, wd, op = colorNewCross, 1.1, 0.85
					} else {
						col, wd, op = colorNewWithin, 0.9, 0.8
					}
				}
			}
			dg.Edges = append(dg.Edges, DiagramEdge{U: at[e.U], V: at[e.V], Width: wd, Color: col, Opacity: op,
				Tip: d.Orgs[e.U].ID + " – " + d.Orgs[e.V].ID})
		}
	}
	dg.Legend.Heading = title
	for k, s := range d.Sectors {
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: s.Name(), Count: strconv.Itoa(counts[k]), Shape: styles[k].Shape, Fill: styles[k].Color})
	}
	dg.Legend.Items = append(dg.Legend.Items,
		LegendItem{Label: "no tie in this wave", Shape: ShapeCircle, Fill: "#DDDDDD"},
		LegendItem{Label: "tie", Line: "#9A9A9A", Width: 0.5},
		LegendItem{Label: "new across sectors", Line: colorNewCross, Width: 1.1},
		LegendItem{Label: "new within a sector", Line: colorNewWithin, Width: 0.9})
	what := "collaboration ties"
	if typ != "" {
		what = typ + " ties"
	}
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: waves on one layout. The %s of each survey wave, every organization at the same place in every panel (one layout of all waves together), so differences between panels are change.", what),
		"New: not reported in the wave before.")
	if len(lab) > 0 {
		dg.Legend.Notes = append(dg.Legend.Notes, fmt.Sprintf("Labels: the %d organizations with most partners over all waves.", len(lab)))
	}
	return dg
}

// sectorWavesDiagram is WavesDiagram for networks too big to draw tie by
// tie: each wave a panel of the sectors on one circle, a line between two
// sectors (a loop within one) of width by that wave's ties between them,
// labelled with their number.
func sectorWavesDiagram(d *graph.Dataset, waves []string, gs []*graph.Network, title string, named int) *Diagram {
	styles := SectorStyles(d)
	p := graph.SectorGroups(d)
	K := len(d.Sectors)
	circle := circlePositions(K, 150)
	var all []float64
	mx := make([]graph.Mixing, len(gs))
	for w, g := range gs {
		mx[w] = graph.MixingMatrix(g, p)
		for k := range K {
			for l := k; l < K; l++ {
				if x := mx[w].Ties[k][l]; x > 0 {
					all = append(all, float64(x))
				}
			}
		}
	}
	width := widthScale(all, 0.6, 10)
	dg := &Diagram{Title: title}
	const panel = 460.0
	for w, g := range gs {
		off := float64(w) * panel
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: "wave-" + waves[w], Label: fmt.Sprintf("Wave %s: %d ties", waves[w], g.M()),
			Name: "wave " + waves[w], Size: panel - 80, Height: 16, Inside: true, Plain: true, Bold: true, Class: "heading"})
		dg.Pos = append(dg.Pos, Point{off, -215})
		first := len(dg.Nodes)
		for k, s := range d.Sectors {
			dg.Nodes = append(dg.Nodes, DiagramNode{ID: waves[w] + "-" + s.ID, Label: s.Name(), Name: s.Name(), Shape: styles[k].Shape,
				Fill: styles[k].Color, Size: 26, Class: s.ID})
			dg.Pos = append(dg.Pos, Point{off + circle[k].X, circle[k].Y})
		}
		for k := range K {
			for l := k; l < K; l++ {
				x := mx[w].Ties[k][l]
				if x == 0 {
					continue
				}
				col := "#777777"
				if k == l {
					col = "#AAAAAA"
				}
				dg.Edges = append(dg.Edges, DiagramEdge{U: first + k, V: first + l, Width: width(float64(x)), Color: col, Opacity: 0.7,
					Label: FormatHuman(float64(x)), Tip: fmt.Sprintf("%s – %s in %s: %d ties", d.Sectors[k].ID, d.Sectors[l].ID, waves[w], x)})
			}
		}
	}
	dg.Legend.Heading = title
	dg.Legend.Items = sectorLegend(d, styles, nil)
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: waves per sector pair. %d organizations have ties, too many to draw one by one (the view's choice above %d organizations or %d ties); each panel is one wave, the sectors at the same places, a line's number and width the ties between two sectors (a loop's: within one).", named, LargeChange, LargeChangeTies))
	return dg
}
