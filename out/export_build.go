package out

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// ExportFormats are the formats the export command writes, in help order.
var ExportFormats = []string{"edgelist", "graphml", "gexf", "pajek", "dl", "kumu", "dot"}

// ExportExtensions are the file extensions of each export format, the
// first its usual one.
var ExportExtensions = map[string][]string{
	"edgelist": {".csv"}, "graphml": {".graphml"}, "gexf": {".gexf"}, "pajek": {".net", ".paj"},
	"dl": {".dl"}, "kumu": {".json"}, "dot": {".dot", ".gv"},
}

// ExportFormatOf returns the export format whose extension ext is (as
// filepath.Ext gives it, in lower case), "" for none.
func ExportFormatOf(ext string) string {
	for _, f := range ExportFormats {
		if slices.Contains(ExportExtensions[f], ext) {
			return f
		}
	}
	return ""
}

// ExportExtensionList lists the extensions of ExportExtensions in the
// order of ExportFormats, for messages.
func ExportExtensionList() string {
	var l []string
	for _, f := range ExportFormats {
		l = append(l, ExportExtensions[f]...)
	}
	return strings.Join(l, " ")
}

// WriteExport writes x in format, one of ExportFormats but edgelist
// (WriteEdgeList), with labels and cells for Pajek and DL and the GEXF
// version gexf.
func WriteExport(w io.Writer, x *Export, format, gexf string, labels Labels, cells Cells) error {
	switch format {
	case "graphml":
		return WriteGraphML(w, x)
	case "gexf":
		return WriteGEXF(w, x, gexf)
	case "pajek":
		return WritePajek(w, x, labels, cells)
	case "dl":
		return WriteDL(w, x, labels, cells)
	case "kumu":
		return WriteKumu(w, x)
	}
	return WriteDOT(w, x)
}

// ExportOptions choose the network an Export holds.
type ExportOptions struct {
	Network graph.NetworkSpec
	// TwoMode exports organizations and forums (meetings with
	// graph.BasisMeetings) instead of the one-mode network.
	TwoMode bool
	// Waves exports the collaboration ties of every wave (of
	// Network.Type) as a dynamic network.
	Waves    bool
	Measures []string // per-organization measures (names from OrgMeasures) of a one-mode export
	MeasureOptions
	// Backbone, when not nil, keeps only the ties this backbone test
	// finds significant (one-mode exports); the measures stay those of
	// the whole network.
	Backbone *graph.BackboneSpec
}

// BuildExport returns the network o asks for, with every organization's
// name, sector, measures and extra columns of organizations.csv. Warnings
// are sentences for people about how the export was written.
func BuildExport(ctx context.Context, a *Analysis, o ExportOptions) (x *Export, warnings []string, err error) {
	x, warnings, err = buildExport(ctx, a, o)
	if err == nil && a.Source() == "" {
		x.Title += SampleMark
	}
	return x, warnings, err
}

func buildExport(ctx context.Context, a *Analysis, o ExportOptions) (x *Export, warnings []string, err error) {
	switch {
	case o.Waves:
		x, err = dynamicExport(ctx, a, o)
	case o.TwoMode:
		x, warnings, err = twoModeExport(ctx, a, o.Network.Basis)
	default:
		var t *graph.TieTest
		if o.Backbone != nil {
			if t, err = a.TieTest(ctx, o.Network, *o.Backbone); err != nil {
				return nil, nil, err
			}
			warnings = append(warnings, BackboneNote(t))
		}
		if x, err = oneModeExport(ctx, a, o); err != nil || t == nil {
			break
		}
		x.Ties = x.Ties[:0]
		for _, e := range t.Kept.Edges {
			x.Ties = append(x.Ties, Tie{U: e.U, V: e.V, Weight: e.W})
		}
		x.Title += "; " + strings.TrimSuffix(strings.TrimPrefix(BackboneNote(t), "Kept: "), ".")
	}
	return x, warnings, err
}

// ExportNetwork returns the one-mode network spec describes for an edge
// list, or with backbone only the ties the test keeps, with the sentence
// saying what it kept.
func ExportNetwork(ctx context.Context, a *Analysis, spec graph.NetworkSpec, backbone *graph.BackboneSpec) (*graph.Network, []string, error) {
	g, err := a.Network(spec)
	if err != nil || backbone == nil {
		return g, nil, err
	}
	t, err := a.TieTest(ctx, spec, *backbone)
	if err != nil {
		return nil, nil, err
	}
	return t.Kept.Network(len(a.Dataset.Orgs)), []string{BackboneNote(t)}, nil
}

// OrgIDs returns the organizations' ids in dataset order.
func OrgIDs(d *graph.Dataset) []string {
	ids := make([]string, len(d.Orgs))
	for i, o := range d.Orgs {
		ids[i] = o.ID
	}
	return ids
}

// orgNodes returns the organizations as export nodes with their sector
// (id and label) as the first attributes and the extra columns of
// organizations.csv as the last; reserved names the extra columns cannot
// take are prefixed with attr_.
func orgNodes(d *graph.Dataset, middle []Attr, reserved ...string) ([]Node, []Attr, func(i int, vals ...any)) {
	colors := SectorColors(d.Sectors)
	si := d.SectorIndex()
	attrs := []Attr{{Name: "sector", Kind: AttrString}, {Name: "sector_label", Kind: AttrString}}
	attrs = append(attrs, middle...)
	taken := map[string]bool{"id": true, "label": true, "type": true, "color": true}
	for _, a := range attrs {
		taken[strings.ToLower(a.Name)] = true
	}
	for _, r := range reserved {
		taken[r] = true
	}
	var keys []string
	seen := map[string]bool{}
	for _, org := range d.Orgs {
		for _, a := range org.Attrs {
			if !seen[a.Key] {
				seen[a.Key] = true
				keys = append(keys, a.Key)
			}
		}
	}
	for _, k := range keys {
		name := k
		for taken[strings.ToLower(name)] {
			name = "attr_" + name
		}
		taken[strings.ToLower(name)] = true
		attrs = append(attrs, Attr{Name: name, Kind: AttrString})
	}
	nodes := make([]Node, len(d.Orgs))
	for i, org := range d.Orgs {
		n := Node{ID: org.ID, Label: org.Name, Values: make([]any, len(attrs))}
		n.Values[0] = org.Sector
		if k, ok := si[org.Sector]; ok {
			n.Type = d.Sectors[k].Name()
			n.Color = colors[k]
			n.Values[1] = n.Type
		}
		for _, a := range org.Attrs {
			n.Values[2+len(middle)+slices.Index(keys, a.Key)] = a.Value
		}
		nodes[i] = n
	}
	set := func(i int, vals ...any) { copy(nodes[i].Values[2:], vals) }
	return nodes, attrs, set
}

func kindOf(c Column) AttrKind {
	if c.Int {
		return AttrInt
	}
	return AttrFloat
}

func tieLabel(b graph.Basis) string {
	switch b {
	case graph.BasisMeetings:
		return "met"
	case graph.BasisTies:
		return "collaboration"
	}
	return "shared forum"
}

// oneModeExport returns the one-mode network with every organization's
// measures.
func oneModeExport(ctx context.Context, a *Analysis, o ExportOptions) (*Export, error) {
	d := a.Dataset
	g, err := a.Network(o.Network)
	if err != nil {
		return nil, err
	}
	cols, _, err := a.Measures(ctx, o.Network, o.Measures, o.MeasureOptions)
	if err != nil {
		return nil, err
	}
	var middle []Attr
	for _, c := range cols {
		middle = append(middle, Attr{Name: c.Name, Kind: kindOf(c)})
	}
	nodes, attrs, set := orgNodes(d, middle)
	for i := range nodes {
		vals := make([]any, len(cols))
		for k, c := range cols {
			vals[k] = c.Values[i]
		}
		set(i, vals...)
	}
	x := &Export{Title: a.Describe(o.Network), TieLabel: tieLabel(o.Network.Basis), Attrs: attrs, Nodes: nodes}
	edges := g.Edges()
	x.Ties = make([]Tie, len(edges))
	for i, e := range edges {
		x.Ties[i] = Tie{U: e.U, V: e.V, Weight: e.W}
	}
	return x, nil
}

// twoModeExport returns the two-mode network of organizations and forums
// (or meetings) with each node's two-mode centralities.
func twoModeExport(ctx context.Context, a *Analysis, basis graph.Basis) (*Export, []string, error) {
	d := a.Dataset
	aff, kind := a.affiliation(basis), "forum"
	if basis == graph.BasisMeetings {
		kind = "meeting"
	}
	c, err := a.TwoMode(ctx, basis)
	if err != nil {
		return nil, nil, err
	}
	middle := []Attr{{Name: "kind", Kind: AttrString}, {Name: "bipartite", Kind: AttrInt}, {Name: "ties", Kind: AttrInt},
		{Name: "degree", Kind: AttrFloat}, {Name: "betweenness", Kind: AttrFloat}, {Name: "closeness", Kind: AttrFloat}}
	nodes, attrs, set := orgNodes(d, middle)
	for i := range nodes {
		set(i, "organization", 0, len(aff.OrgGroups[i]), c.Degree[i], c.Betweenness[i], c.Closeness[i])
	}
	// Groups after the organizations, with a prefix when an id is also an
	// organization's.
	var ids, labels []string
	if kind == "forum" {
		for _, f := range d.Forums {
			ids, labels = append(ids, f.ID), append(labels, f.Name)
		}
	} else {
		fi := d.ForumIndex()
		for _, m := range d.Meetings {
			label := m.ID
			if k, ok := fi[m.Forum]; ok {
				label = d.Forums[k].Name
			}
			ids, labels = append(ids, m.ID), append(labels, label+" "+m.Date.Format("2006-01-02"))
		}
	}
	orgSet := map[string]bool{}
	for _, org := range d.Orgs {
		orgSet[org.ID] = true
	}
	prefix := ""
	var warnings []string
	for _, id := range ids {
		if orgSet[id] {
			prefix = twoModePrefix(kind, ids, orgSet)
			warnings = append(warnings, fmt.Sprintf("%s id %q is also an organization's; %s ids are written as %s%s", kind, id, kind, prefix, "ID"))
			break
		}
	}
	n := len(d.Orgs)
	for k, id := range ids {
		v := n + k
		vals := make([]any, len(attrs))
		copy(vals[2:], []any{kind, 1, len(aff.GroupMembers[k]), c.Degree[v], c.Betweenness[v], c.Closeness[v]})
		nodes = append(nodes, Node{ID: prefix + id, Label: labels[k], Type: kind, Color: "#BBBBBB", Values: vals})
	}
	x := &Export{Title: "organizations and the " + kind + "s they belong to (two-mode)", TieLabel: "member", Attrs: attrs, Nodes: nodes, FirstMode: n}
	for o, gs := range aff.OrgGroups {
		for _, g := range gs {
			x.Ties = append(x.Ties, Tie{U: o, V: n + int(g), Weight: 1})
		}
	}
	return x, warnings, nil
}

// twoModePrefix is the prefix of the group ids of a two-mode export when
// one is also an organization's: "forum:", or "forum2:", "forum3:", ...
// when an organization's id is "forum:" and a group's id (an organization
// forum:F1 beside a forum F1 gave two nodes of one id in GraphML, GEXF and
// Kumu, and merged them in DOT).
func twoModePrefix(kind string, ids []string, orgs map[string]bool) string {
	for k := 1; ; k++ {
		p := kind + ":"
		if k > 1 {
			p = fmt.Sprintf("%s%d:", kind, k)
		}
		clash := false
		for _, id := range ids {
			clash = clash || orgs[p+id]
		}
		if !clash {
			return p
		}
	}
}

// forumPrefix is the prefix of the forums' node ids in a diagram of
// organizations and forums: "forum:", or the first of "forum2:", ... that
// makes no forum's node id an organization's.
func forumPrefix(d *graph.Dataset) string {
	ids := make([]string, len(d.Forums))
	for i, f := range d.Forums {
		ids[i] = f.ID
	}
	orgs := make(map[string]bool, len(d.Orgs))
	for _, o := range d.Orgs {
		orgs[o.ID] = true
	}
	return twoModePrefix("forum", ids, orgs)
}

// dynamicExport returns the collaboration ties of every wave as one
// network whose ties carry their weight in each wave and whose
// organizations carry their measures in each wave (all but community,
// whose labels mean nothing from one wave to the next).
func dynamicExport(ctx context.Context, a *Analysis, o ExportOptions) (*Export, error) {
	d := a.Dataset
	typ := o.Network.Type
	waves := d.Waves()
	if len(waves) == 0 {
		return nil, &RequestError{errors.New("--waves needs collaboration ties (ties.csv)")}
	}
	want := slices.DeleteFunc(slices.Clone(o.Measures), func(m string) bool { return m == "community" })
	nodes, attrs, _ := orgNodes(d, nil)
	x := &Export{Title: "collaboration ties reported in each wave", TieLabel: "collaboration", Attrs: attrs, Nodes: nodes, Waves: waves}
	if typ != "" {
		x.Title += " (type " + typ + ")"
	}
	for i := range x.Nodes {
		x.Nodes[i].Waves = make([][]any, len(waves))
	}
	ties := map[[2]int]*Tie{}
	for k, w := range waves {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		spec := graph.NetworkSpec{Basis: graph.BasisTies, Wave: w, Type: typ}
		g, err := a.Network(spec)
		if err != nil {
			return nil, err
		}
		cols, _, err := a.Measures(ctx, spec, want, o.MeasureOptions)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			for _, c := range cols {
				x.WaveAttrs = append(x.WaveAttrs, Attr{Name: c.Name, Kind: kindOf(c)})
			}
		}
		for i := range x.Nodes {
			vals := make([]any, len(cols))
			for a, c := range cols {
				vals[a] = c.Values[i]
			}
			x.Nodes[i].Waves[k] = vals
		}
		for _, e := range g.Edges() {
			key := [2]int{e.U, e.V}
			t := ties[key]
			if t == nil {
				t = &Tie{U: e.U, V: e.V, Waves: make([]float64, len(waves))}
				ties[key] = t
			}
			t.Waves[k] = e.W
			t.Weight = e.W // the weight in the latest wave reporting the tie
		}
	}
	for _, t := range ties {
		x.Ties = append(x.Ties, *t)
	}
	slices.SortFunc(x.Ties, func(a, b Tie) int {
		if a.U != b.U {
			return a.U - b.U
		}
		return a.V - b.V
	})
	return x, nil
}
