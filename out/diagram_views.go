package out

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/sectornet/sectornet/out/internal/typeset"

	"github.com/sectornet/sectornet/graph"
)

// Per-view default layouts.
var DefaultLayout = map[string]string{
	"network":     "neato",
	"affiliation": "neato",
	"sectors":     "circo",
	"ego":         "twopi",
	"change":      "neato",
}

// NetworkView describes a one-mode network of organizations to draw.
type NetworkView struct {
	Title   string
	Network *graph.Network // the whole network, nodes = d.Orgs
	// Ties are the ties to draw (a backbone); all of Network's when nil.
	Ties     []graph.Edge
	TiesNote string // what was dropped, for the legend
	Desc     string // what the ties are, for the legend
	// Size is the measure nodes are sized by (area proportional to the
	// value), nil for equal sizes; SizeName names it.
	Size     []float64
	SizeName string
	// Labels is the number of organizations labelled, the largest by
	// Size first (ties by dataset order); negative labels every one.
	Labels int
	Layout string
	Seed   int
	// Only, when not nil, restricts the drawing to these organizations.
	Only []bool
	// Highlight marks organizations drawn larger, ringed and labelled
	// first (the ego view's focal organization).
	Highlight []bool
	// DropLoose leaves out the organizations without a drawn tie (the
	// legend says how many), for networks too big to show them usefully.
	DropLoose bool
}

// nodeSizes maps values to diameters in points, area proportional to the
// value: from 6 (zero) to 26 (the largest).
func nodeSizes(v []float64, n int) []float64 {
	out := make([]float64, n)
	mx := 0.0
	for _, x := range v {
		if x > mx && !math.IsNaN(x) {
			mx = x
		}
	}
	for i := range out {
		out[i] = 10
		if v != nil && mx > 0 {
			x := v[i]
			if math.IsNaN(x) || x < 0 {
				x = 0
			}
			out[i] = 6 + 20*math.Sqrt(x/mx)
		}
	}
	return out
}

// labelled returns which of the n nodes get a label: the k largest by
// size (all when k < 0 or k >= n), among those in only.
func labelled(size []float64, only []bool, k int) []bool {
	n := len(size)
	lab := make([]bool, n)
	var idx []int
	for i := range n {
		if only == nil || only[i] {
			idx = append(idx, i)
		}
	}
	if k < 0 || k >= len(idx) {
		for _, i := range idx {
			lab[i] = true
		}
		return lab
	}
	if k == 0 {
		return lab
	}
	idx = topK(size, idx, k)
	for _, i := range idx {
		lab[i] = true
	}
	return lab
}

func sectorLegend(d *graph.Dataset, styles []Style, only []bool) []LegendItem {
	counts := make([]int, len(d.Sectors))
	sec := d.OrgSectors()
	for i, k := range sec {
		if k >= 0 && (only == nil || only[i]) {
			counts[k]++
		}
	}
	var items []LegendItem
	for k, s := range d.Sectors {
		items = append(items, LegendItem{Label: s.Name(), Count: strconv.Itoa(counts[k]), Shape: styles[k].Shape, Fill: styles[k].Color})
	}
	return items
}

// widthScale maps tie weights in [lo, hi] to stroke widths.
func widthScale(ws []float64, min, max float64) func(float64) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, w := range ws {
		lo, hi = math.Min(lo, w), math.Max(hi, w)
	}
	return func(w float64) float64 {
		if !(hi > lo) {
			return (min + max) / 3
		}
		return min + (max-min)*(w-lo)/(hi-lo)
	}
}

// Network returns the diagram of v: organizations coloured and shaped by
// sector, sized by v.Size, ties of width by weight.
func (v NetworkView) Diagram(d *graph.Dataset) *Diagram {
	g := v.Network
	styles := SectorStyles(d)
	sec := d.OrgSectors()
	ties := v.Ties
	if ties == nil {
		ties = g.Edges()
	}
	size := nodeSizes(v.Size, len(d.Orgs))
	only := v.Only
	loose := 0
	if v.DropLoose {
		tied := make([]bool, len(d.Orgs))
		for _, e := range ties {
			tied[e.U], tied[e.V] = true, true
		}
		only = make([]bool, len(d.Orgs))
		for i := range only {
			only[i] = tied[i] && (v.Only == nil || v.Only[i])
			if !only[i] && (v.Only == nil || v.Only[i]) {
				loose++
			}
		}
	}
	lab := labelled(size, only, v.Labels)
	dg := &Diagram{Title: v.Title, Layout: v.Layout, Seed: v.Seed}
	index := make([]int, len(d.Orgs))
	for i, o := range d.Orgs {
		index[i] = -1
		if only != nil && !only[i] {
			continue
		}
		st := orgStyle(styles, sec[i])
		n := DiagramNode{ID: o.ID, Name: o.Name, Shape: st.Shape, Fill: st.Color, Size: size[i], Class: o.Sector}
		if lab[i] {
			n.Label = Abbreviate(o.Name, MaxLabel)
		}
		info := sectorName(d, sec[i])
		if v.Size != nil {
			info += ", " + v.SizeName + " " + FormatHuman(v.Size[i])
		}
		n.Info = info
		if v.Highlight != nil && v.Highlight[i] {
			n.Size += 6
			n.Focal = true
			n.Label = Abbreviate(o.Name, 2*MaxLabel)
		}
		index[i] = len(dg.Nodes)
		dg.Nodes = append(dg.Nodes, n)
	}
	var ws []float64
	for _, e := range ties {
		ws = append(ws, e.W)
	}
	width := widthScale(ws, 0.4, 3.2)
	for _, e := range ties {
		a, b := index[e.U], index[e.V]
		if a < 0 || b < 0 {
			continue
		}
		dg.Edges = append(dg.Edges, DiagramEdge{U: a, V: b, Width: width(e.W), Color: "#777777", Opacity: 0.55,
			Tip: d.Orgs[e.U].ID + " – " + d.Orgs[e.V].ID + ": " + FormatHuman(e.W)})
	}
	dg.Legend.Heading = v.Title
	dg.Legend.Items = sectorLegend(d, styles, only)
	if len(ws) > 0 {
		lo, hi := slices.Min(ws), slices.Max(ws)
		if hi > lo {
			dg.Legend.Items = append(dg.Legend.Items,
				LegendItem{Label: "tie weight " + FormatHuman(lo), Line: "#777777", Width: width(lo)},
				LegendItem{Label: "tie weight " + FormatHuman(hi), Line: "#777777", Width: width(hi)})
		}
	}
	if v.Desc != "" {
		dg.Legend.Notes = append(dg.Legend.Notes, "Ties: "+v.Desc+".")
	}
	if v.TiesNote != "" {
		dg.Legend.Notes = append(dg.Legend.Notes, v.TiesNote)
	}
	if loose > 0 {
		dg.Legend.Notes = append(dg.Legend.Notes, fmt.Sprintf("Left out: %d %s without a drawn tie.", loose, plural(loose, "organization", "organizations")))
	}
	if v.Size != nil {
		dg.Legend.Notes = append(dg.Legend.Notes, "Node area: "+v.SizeName+".")
	}
	nl, nn := 0, 0
	for i := range lab {
		if index[i] >= 0 {
			nn++
			if lab[i] {
				nl++
			}
		}
	}
	if nl < nn {
		by := ""
		if v.Size != nil {
			by = " by " + v.SizeName
		}
		dg.Legend.Notes = append(dg.Legend.Notes, fmt.Sprintf("Labels: the %d largest%s of %d organizations; every name is in the SVG's tooltips.", nl, by, nn))
	}
	return dg
}

func sectorName(d *graph.Dataset, k int) string {
	if k < 0 || k >= len(d.Sectors) {
		return "unknown sector"
	}
	return d.Sectors[k].Name()
}

// AffiliationDiagram draws the two-mode network: forums as boxes holding
// their names, organizations as sector-coloured marks tied to their
// forums. Organizations in no forum are left out (the legend says how
// many).
func AffiliationDiagram(d *graph.Dataset, title, layout string, seed, labels int) *Diagram {
	a := graph.ForumAffiliation(d)
	styles := SectorStyles(d)
	sec := d.OrgSectors()
	only := make([]bool, len(d.Orgs))
	size := make([]float64, len(d.Orgs))
	out := 0
	for i := range d.Orgs {
		only[i] = len(a.OrgGroups[i]) > 0
		size[i] = float64(len(a.OrgGroups[i]))
		if !only[i] {
			out++
		}
	}
	lab := labelled(size, only, labels)
	dg := &Diagram{Title: title, Layout: layout, Seed: seed}
	index := make([]int, len(d.Orgs))
	for i, o := range d.Orgs {
		index[i] = -1
		if !only[i] {
			continue
		}
		st := orgStyle(styles, sec[i])
		n := DiagramNode{ID: o.ID, Name: o.Name, Shape: st.Shape, Fill: st.Color, Size: 9, Class: o.Sector,
			Info: sectorName(d, sec[i]) + ", forums " + strconv.Itoa(len(a.OrgGroups[i]))}
		if lab[i] {
			n.Label = Abbreviate(o.Name, MaxLabel)
		}
		index[i] = len(dg.Nodes)
		dg.Nodes = append(dg.Nodes, n)
	}
	first := len(dg.Nodes)
	prefix := forumPrefix(d)
	for f, fo := range d.Forums {
		label := Abbreviate(fo.Name, 40)
		w := typeset.Width(label, labelFont, false) + 12
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: prefix + fo.ID, Label: label, Name: fo.Name, Shape: ShapeBox, Fill: "#F2F2F2",
			Size: w, Height: 18, Inside: true, Class: "forum",
			Info: fmt.Sprintf("%s, %d members", fo.Kind, len(a.GroupMembers[f]))})
	}
	for i, gs := range a.OrgGroups {
		for _, f := range gs {
			dg.Edges = append(dg.Edges, DiagramEdge{U: index[i], V: first + int(f), Width: 0.6, Color: "#888888", Opacity: 0.6})
		}
	}
	dg.Legend.Heading = title
	dg.Legend.Items = sectorLegend(d, styles, only)
	dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: "forum", Count: strconv.Itoa(len(d.Forums)), Shape: ShapeSquare, Fill: "#F2F2F2"})
	dg.Legend.Notes = append(dg.Legend.Notes, "Ties: membership of an organization in a forum.")
	if out > 0 {
		dg.Legend.Notes = append(dg.Legend.Notes, fmt.Sprintf("Left out: %d %s in no forum.", out, plural(out, "organization", "organizations")))
	}
	nl := 0
	for _, l := range lab {
		if l {
			nl++
		}
	}
	if nl < len(d.Orgs)-out {
		dg.Legend.Notes = append(dg.Legend.Notes, fmt.Sprintf("Labels: the %d organizations in the most forums; every name is in the SVG's tooltips.", nl))
	}
	return dg
}

// SectorsDiagram draws the mixing matrix of g by sector: one node per
// sector, its area proportional to its organizations, a tie between two
// sectors of width by the number of ties between them, labelled with
// that number, and a loop labelled with the ties inside each sector.
func SectorsDiagram(d *graph.Dataset, g *graph.Network, title, desc, layout string, seed int) *Diagram {
	p := graph.SectorGroups(d)
	mx := graph.MixingMatrix(g, p)
	sizes := p.Sizes()
	styles := SectorStyles(d)
	fs := make([]float64, len(sizes))
	for k, s := range sizes {
		fs[k] = float64(s)
	}
	dia := nodeSizes(fs, len(fs))
	dg := &Diagram{Title: title, Layout: layout, Seed: seed}
	for k, s := range d.Sectors {
		dg.Nodes = append(dg.Nodes, DiagramNode{ID: s.ID, Label: Abbreviate(s.Name(), 40), Name: s.Name(), Shape: styles[k].Shape,
			Fill: styles[k].Color, Size: 2 * dia[k], Class: s.ID,
			Info: fmt.Sprintf("%d organizations, %d ties inside", sizes[k], mx.Ties[k][k])})
	}
	var ws []float64
	for k := range mx.Ties {
		for l := k; l < len(mx.Ties); l++ {
			if mx.Ties[k][l] > 0 {
				ws = append(ws, float64(mx.Ties[k][l]))
			}
		}
	}
	width := widthScale(ws, 0.8, 8)
	for k := range mx.Ties {
		for l := k; l < len(mx.Ties); l++ {
			n := mx.Ties[k][l]
			if n == 0 {
				continue
			}
			e := DiagramEdge{U: k, V: l, Width: width(float64(n)), Color: "#777777", Opacity: 0.7, Label: strconv.Itoa(n),
				Tip: fmt.Sprintf("%s – %s: %d ties", d.Sectors[k].ID, d.Sectors[l].ID, n)}
			if k == l {
				e.Label = strconv.Itoa(n) + " inside"
			}
			dg.Edges = append(dg.Edges, e)
		}
	}
	ei := graph.EIIndex(g, p)
	dg.Legend.Heading = title
	dg.Legend.Items = sectorLegend(d, styles, nil)
	dg.Legend.Notes = append(dg.Legend.Notes,
		"Ties: "+desc+"; a line's number counts the ties between two sectors, a loop's the ties inside one.",
		fmt.Sprintf("E-I index %s: %d ties across sectors, %d inside (Krackhardt and Stern; -1 all inside, +1 all across).", FormatHuman(ei.Index), ei.External, ei.Internal),
		"Node area: organizations in the sector.")
	return dg
}

// heaviestTies returns the k heaviest of es (equal weights: the first in
// es's order), in es's order.
func heaviestTies(es []graph.Edge, k int) []graph.Edge {
	if len(es) <= k {
		return es
	}
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(es[b].W, es[a].W) })
	idx = idx[:k]
	slices.Sort(idx)
	out := make([]graph.Edge, k)
	for i, j := range idx {
		out[i] = es[j]
	}
	return out
}

// EgoDiagram draws organization ego's neighbourhood in g to depth 1 or 2:
// every organization within depth ties of ego and every tie among them.
func EgoDiagram(d *graph.Dataset, g *graph.Network, ego, depth int, title, desc, layout string, seed int, size []float64, sizeName string) *Diagram {
	only := make([]bool, g.N())
	only[ego] = true
	frontier := []int{ego}
	for step := 0; step < depth; step++ {
		var next []int
		for _, u := range frontier {
			for _, w := range g.Neighbors(u) {
				if !only[w] {
					only[w] = true
					next = append(next, int(w))
				}
			}
		}
		frontier = next
	}
	// The ego's own ties, and the ties among the others up to
	// DrawingBudget, the heaviest (then in order): a forum of 5,000 has
	// 12.5 million ties among one organization's partners.
	ties := []graph.Edge{}
	var among []graph.Edge
	amongAll := 0
	for u := 0; u < g.N(); u++ {
		if !only[u] {
			continue
		}
		ws := g.Weights(u)
		for k, v := range g.Neighbors(u) {
			switch {
			case int(v) <= u || !only[v]:
			case u == ego || int(v) == ego:
				ties = append(ties, graph.Edge{U: u, V: int(v), W: ws[k]})
			default:
				amongAll++
				among = append(among, graph.Edge{U: u, V: int(v), W: ws[k]})
				if len(among) > 4*DrawingBudget {
					among = heaviestTies(among, DrawingBudget)
				}
			}
		}
	}
	among = heaviestTies(among, DrawingBudget)
	ties = append(ties, among...)
	slices.SortFunc(ties, func(a, b graph.Edge) int {
		if a.U != b.U {
			return a.U - b.U
		}
		return a.V - b.V
	})
	hl := make([]bool, g.N())
	hl[ego] = true
	v := NetworkView{Title: title, Network: g, Ties: ties, Desc: desc, Size: size, SizeName: sizeName, Labels: -1,
		Layout: layout, Seed: seed, Only: only, Highlight: hl}
	n := 0
	for _, o := range only {
		if o {
			n++
		}
	}
	v.TiesNote = fmt.Sprintf("%s and the %d organizations within %d %s of it, with every tie among them.", d.Orgs[ego].ID, n-1, depth, plural(depth, "tie", "ties"))
	if amongAll > len(among) {
		v.TiesNote = fmt.Sprintf("%s and the %d organizations within %d %s of it: its own ties and the %d heaviest of the %d ties among the others.",
			d.Orgs[ego].ID, n-1, depth, plural(depth, "tie", "ties"), len(among), amongAll)
	}
	if n == 1 {
		v.TiesNote = d.Orgs[ego].ID + " has no tie in this network."
	}
	dg := v.Diagram(d)
	dg.Root = d.Orgs[ego].ID
	st := orgStyle(SectorStyles(d), d.OrgSectors()[ego])
	focal := LegendItem{Label: "focal organization (ringed)", Shape: st.Shape, Fill: st.Color, Focal: true}
	dg.Legend.Items = append([]LegendItem{focal}, dg.Legend.Items...)
	return dg
}

// Colours of the change view.
const (
	colorKept      = "#9A9A9A"
	colorNewCross  = "#D55E00"
	colorNewWithin = "#0072B2"
	colorDissolved = "#BBBBBB"
)

// ChangeDiagram draws the collaboration ties of the two waves c compares
// over the organizations named in either: ties kept grey, new ties
// coloured (new cross-sector ties in vermillion and thicker, new ties
// within a sector in blue), dissolved ties dashed (the classification of
// c.Ties), on one stable layout of the two waves' networks a and b.
func ChangeDiagram(d *graph.Dataset, c *graph.Change, a, b *graph.Network, title, layout string, seed, labels int) *Diagram {
	from, to, typ := c.From, c.To, c.Type
	only := make([]bool, len(d.Orgs))
	type tie struct {
		e    graph.Edge
		kind int // 0 kept, 1 new within, 2 new cross, 3 dissolved
	}
	var ts []tie
	counts := [4]int{}
	for _, t := range c.Ties {
		kind := 0
		switch {
		case t.Kind == graph.TieDissolved:
			kind = 3
		case t.Kind == graph.TieNew && t.CrossSector:
			kind = 2
		case t.Kind == graph.TieNew:
			kind = 1
		}
		ts = append(ts, tie{graph.Edge{U: t.U, V: t.V}, kind})
		counts[kind]++
		only[t.U], only[t.V] = true, true
	}
	// Size by degree in the later wave, so the organizations that gained
	// partners stand out.
	deg := make([]float64, len(d.Orgs))
	for _, o := range c.OrgChanges {
		deg[o.Org] = float64(o.After)
	}
	v := NetworkView{Title: title, Ties: []graph.Edge{}, Size: deg, SizeName: "partners in " + to, Labels: labels, Layout: layout, Seed: seed, Only: only}
	dg := v.Diagram(d)
	// One stable layout of both waves' ties (the same positions the
	// waves view gives), drawn without Graphviz.
	sp, has := StablePositions(len(d.Orgs), []*graph.Network{a, b}, nil, 60)
	pos := map[string]int{}
	for k, n := range dg.Nodes {
		pos[n.ID] = k
	}
	oi := d.OrgIndex()
	dg.Pos = make([]Point, len(dg.Nodes))
	for k, n := range dg.Nodes {
		if i, ok := oi[n.ID]; ok && has[i] {
			dg.Pos[k] = sp[i]
		}
	}
	sizes := make([]float64, len(dg.Nodes))
	ps := make([]pt, len(dg.Nodes))
	for k, n := range dg.Nodes {
		sizes[k], ps[k] = n.Size, pt{dg.Pos[k].X, dg.Pos[k].Y}
	}
	separate(ps, sizes, 6)
	for k := range ps {
		dg.Pos[k] = Point{ps[k].X, ps[k].Y}
	}
	for _, t := range ts {
		e := DiagramEdge{U: pos[d.Orgs[t.e.U].ID], V: pos[d.Orgs[t.e.V].ID], Tip: d.Orgs[t.e.U].ID + " – " + d.Orgs[t.e.V].ID}
		switch t.kind {
		case 0:
			e.Width, e.Color, e.Opacity, e.Tip = 0.7, colorKept, 0.8, e.Tip+": kept"
		case 1:
			e.Width, e.Color, e.Tip = 1.3, colorNewWithin, e.Tip+": new, within a sector"
		case 2:
			e.Width, e.Color, e.Tip = 2, colorNewCross, e.Tip+": new, across sectors"
		case 3:
			e.Width, e.Color, e.Style, e.Tip = 0.7, colorDissolved, EdgeDashed, e.Tip+": dissolved"
		}
		dg.Edges = append(dg.Edges, e)
	}
	what := "collaboration ties"
	if typ != "" {
		what = typ + " ties"
	}
	dg.Legend.Items = append(dg.Legend.Items[:len(d.Sectors)],
		LegendItem{Label: "new across sectors", Count: strconv.Itoa(counts[2]), Line: colorNewCross, Width: 2},
		LegendItem{Label: "new within a sector", Count: strconv.Itoa(counts[1]), Line: colorNewWithin, Width: 1.3},
		LegendItem{Label: "kept", Count: strconv.Itoa(counts[0]), Line: colorKept, Width: 0.7},
		LegendItem{Label: "dissolved", Count: strconv.Itoa(counts[3]), Line: colorDissolved, Width: 0.7, Style: EdgeDashed})
	notes := []string{fmt.Sprintf("Ties: %s reported in wave %s and wave %s, over the organizations named in either, on one layout of both waves.", what, from, to)}
	dg.Legend.Notes = append(notes, dg.Legend.Notes...)
	return dg
}
