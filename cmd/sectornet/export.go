package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type exportOptions struct {
	dir        string
	format     string
	output     string
	net        networkFlags
	weightSet  bool // --weight given explicitly
	mode       string
	waves      bool
	labels     string
	paths      string
	measures   []string
	method     string
	resolution float64
	seed       uint64
	bb         backboneFlags
	backbone   bool // --backbone given: export the backbone's ties only
	pagerank   string
	gexf       string // --gexf-version
}

// exportFormats are the formats export writes, in help order.
var exportFormats = []string{"edgelist", "graphml", "gexf", "pajek", "dl", "kumu", "dot"}

func newExportCmd(s *streams) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export [DIR]",
		Short: "Write the network for other tools: edge list, GraphML, GEXF, Pajek, UCINET DL, Kumu, DOT",
		Long: `Write a network of the dataset for other tools. The network is the one-mode
network of organizations (--basis, --weight, --wave, --type choose which), or
with --mode two the two-mode network of organizations and forums (meetings
with --basis meetings).

Formats:
  edgelist  CSV with the header source,target,weight, one row per undirected
            pair (source < target by id), sorted by source then target
  graphml   GraphML for Gephi, yEd, Cytoscape, NetworkX, igraph
  gexf      GEXF for Gephi, with sector colours: 1.2draft by default, which
            every Gephi release and NetworkX 2.x and 3.x read; --gexf-version
            1.3 for GEXF 1.3 (Gephi 0.9.3+, NetworkX 3.x only); --waves
            writes the collaboration ties of every wave as a dynamic graph
            (one spell per wave, measures per wave) for Gephi's timeline
  pajek     Pajek .net; with --mode two, Pajek's two-mode form
  dl        UCINET DL: edgelist1 (one-mode), nodelist2 (--mode two)
  kumu      Kumu JSON blueprint (elements typed by sector, connections)
  dot       Graphviz DOT, to lay out by hand

GraphML, GEXF, Kumu and DOT carry each organization's name, sector and
measures (degree, strength, betweenness, closeness, eigenvector, PageRank and
Louvain community, as 'analyze' computes them; --measures chooses) and the
extra columns of organizations.csv. Two-mode exports carry each node's kind,
its side (bipartite 0 for organizations, 1 for forums or meetings), its number
of ties and its two-mode degree, betweenness and closeness (as 'centrality
--mode two'). Pajek and DL label vertices by id, or by name with --labels name.

--backbone keeps only the ties a backbone test finds significant (see
sectornet backbone: sdsm or fdsm on projections of forums or meetings,
disparity on reported ties, auto for whichever fits; --alpha, --correction);
the organizations' measures stay those of the whole network.`,
		Example: `  sectornet export mydata --format graphml -o network.graphml
  sectornet export mydata --format gexf --waves -o waves.gexf
  sectornet export mydata --format pajek --mode two -o affiliation.net
  sectornet export mydata --format dl --basis ties --wave 2014 -o ties2014.dl
  sectornet export mydata --format kumu -o kumu.json
  sectornet export mydata --format dot | neato -Tsvg > network.svg
  sectornet export mydata --backbone sdsm --format graphml -o backbone.graphml`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.weightSet = cmd.Flags().Changed("weight")
			o.backbone = cmd.Flags().Changed("backbone")
			for _, k := range []string{"alpha", "correction", "trials", "backbone-seed"} {
				if cmd.Flags().Changed(k) && !o.backbone {
					return usageErr(fmt.Errorf("--%s applies with --backbone", k))
				}
			}
			return runExport(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "edgelist", "export format: "+strings.Join(exportFormats, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	o.net.add(cmd)
	f.StringVar(&o.mode, "mode", "one", "one (organizations) or two (organizations and forums, or meetings with --basis meetings)")
	f.BoolVar(&o.waves, "waves", false, "gexf: every wave's collaboration ties as a dynamic graph")
	f.StringVar(&o.labels, "labels", "id", "pajek and dl: label vertices by id or name")
	f.StringVar(&o.paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	f.StringSliceVar(&o.measures, "measures", orgMeasures, "measures to attach to organizations, comma-separated; also "+strings.Join(structureMeasures, ", "))
	f.StringVar(&o.method, "method", "louvain", "community method for the community attribute: louvain or leiden")
	f.Float64Var(&o.resolution, "resolution", 1, "Louvain resolution γ for the community attribute")
	f.Uint64Var(&o.seed, "seed", 1, "Louvain random seed for the community attribute")
	o.bb.add(cmd, "backbone", "auto")
	pagerankFlag(cmd, &o.pagerank)
	f.StringVar(&o.gexf, "gexf-version", out.GEXF12, "gexf: GEXF version, 1.2draft (every Gephi and NetworkX) or 1.3 (Gephi 0.9.3+, NetworkX 3)")
	return cmd
}

func runExport(ctx context.Context, s *streams, o exportOptions) error {
	if !slices.Contains(exportFormats, o.format) {
		return usageErr(fmt.Errorf("unknown export format %q (want %s)", o.format, strings.Join(exportFormats, ", ")))
	}
	var labels out.Labels
	switch o.labels {
	case "id":
	case "name":
		labels = out.LabelName
	default:
		return usageErr(fmt.Errorf("unknown --labels %q (want id or name)", o.labels))
	}
	paths, err := graph.ParsePaths(o.paths)
	if err != nil {
		return usageErr(err)
	}
	stop, err := parsePagerank(o.pagerank)
	if err != nil {
		return err
	}
	if err := checkMethod(o.method); err != nil {
		return err
	}
	if err := checkMeasures(o.measures); err != nil {
		return err
	}
	switch o.gexf {
	case out.GEXF12, "1.2":
		o.gexf = out.GEXF12
	case out.GEXF13:
	default:
		return usageErr(fmt.Errorf("unknown --gexf-version %q (want 1.2draft or 1.3)", o.gexf))
	}
	if o.waves {
		switch {
		case o.format != "gexf":
			return usageErr(errors.New("--waves writes a dynamic graph, which only --format gexf holds"))
		case o.mode != "one":
			return usageErr(errors.New("--waves exports the collaboration ties, a one-mode network"))
		case o.net.wave != "":
			return usageErr(errors.New("--waves exports every wave; leave out --wave"))
		case o.net.basis != "forums" && o.net.basis != "ties":
			return usageErr(errors.New("--waves exports the collaboration ties (--basis ties)"))
		case !o.net.survey.isDefault():
			return usageErr(errors.New("--waves exports every report by the max rule; --symmetrize and --missing apply to a one-wave export (--basis ties --wave W)"))
		}
		o.net.basis = "ties"
	}
	spec, err := o.net.spec()
	if err != nil {
		return err
	}
	bspec, err := o.bb.spec()
	if err != nil {
		return err
	}
	if o.backbone && (o.mode != "one" || o.waves) {
		return usageErr(errors.New("--backbone applies to one-mode networks without --waves"))
	}
	switch o.mode {
	case "one":
	case "two":
		switch {
		case o.format == "edgelist":
			return usageErr(errors.New("--format edgelist writes the one-mode network; use graphml, gexf, pajek, dl, kumu or dot for --mode two"))
		case spec.Basis == graph.BasisTies:
			return usageErr(errors.New("--mode two needs --basis forums or meetings: reported ties are one-mode"))
		case o.weightSet:
			return usageErr(errors.New("--weight applies to one-mode networks; the two-mode network is unweighted"))
		}
	default:
		return usageErr(fmt.Errorf("unknown mode %q (want one or two)", o.mode))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	var write func(io.Writer) error
	var kept *graph.TieTest
	if o.backbone {
		if _, err := graph.OneMode(d, spec); err != nil {
			return usageErr(err)
		}
		kept, err = graph.TestTies(ctx, d, spec, bspec)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return usageErr(err)
		}
		fmt.Fprintln(s.Err, "sectornet: "+backboneNote(kept))
	}
	if o.format == "edgelist" {
		g, _, err := o.net.build(d)
		if err != nil {
			return err
		}
		if kept != nil {
			g = kept.Kept.Network(len(d.Orgs))
		}
		write = func(w io.Writer) error { return out.WriteEdgeList(w, orgIDs(d), g) }
	} else {
		var x *out.Export
		switch {
		case o.waves:
			x, err = dynamicExport(ctx, s, d, spec.Type, measureOptions{want: o.measures, paths: paths, resolution: o.resolution, seed: o.seed, pagerank: stop,
				sectors: graph.SectorGroups(d), method: o.method})
		case o.mode == "two":
			x, err = twoModeExport(ctx, s, d, spec.Basis)
		default:
			x, err = oneModeExport(ctx, s, d, &o.net, measureOptions{want: o.measures, paths: paths, resolution: o.resolution, seed: o.seed, pagerank: stop, progress: "betweenness and closeness",
				sectors: graph.SectorGroups(d), method: o.method})
		}
		if err != nil {
			return err
		}
		if kept != nil {
			x.Ties = x.Ties[:0]
			for _, e := range kept.Kept.Edges {
				x.Ties = append(x.Ties, out.Tie{U: e.U, V: e.V, Weight: e.W})
			}
			x.Title += "; " + strings.TrimSuffix(strings.TrimPrefix(backboneNote(kept), "Kept: "), ".")
		}
		write = func(w io.Writer) error {
			switch o.format {
			case "graphml":
				return out.WriteGraphML(w, x)
			case "gexf":
				return out.WriteGEXF(w, x, o.gexf)
			case "pajek":
				return out.WritePajek(w, x, labels)
			case "dl":
				return out.WriteDL(w, x, labels)
			case "kumu":
				return out.WriteKumu(w, x)
			}
			return out.WriteDOT(w, x)
		}
	}
	if o.output == "" {
		return write(s.Out)
	}
	return writeFileAtomic(o.output, write)
}

func orgIDs(d *graph.Dataset) []string {
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
func orgNodes(d *graph.Dataset, middle []out.Attr, reserved ...string) ([]out.Node, []out.Attr, func(i int, vals ...any)) {
	colors := out.SectorColors(d.Sectors)
	si := d.SectorIndex()
	attrs := []out.Attr{{Name: "sector", Kind: out.AttrString}, {Name: "sector_label", Kind: out.AttrString}}
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
		attrs = append(attrs, out.Attr{Name: name, Kind: out.AttrString})
	}
	nodes := make([]out.Node, len(d.Orgs))
	for i, org := range d.Orgs {
		n := out.Node{ID: org.ID, Label: org.Name, Values: make([]any, len(attrs))}
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

// oneModeExport returns the one-mode network with every organization's
// measures.
func oneModeExport(ctx context.Context, s *streams, d *graph.Dataset, nf *networkFlags, mo measureOptions) (*out.Export, error) {
	g, desc, err := nf.build(d)
	if err != nil {
		return nil, err
	}
	cols, _, err := computeMeasures(ctx, s, g, mo)
	if err != nil {
		return nil, err
	}
	var middle []out.Attr
	for _, c := range cols {
		middle = append(middle, out.Attr{Name: c.name, Kind: kindOf(c)})
	}
	nodes, attrs, set := orgNodes(d, middle)
	for i := range nodes {
		vals := make([]any, len(cols))
		for k, c := range cols {
			vals[k] = c.values[i]
		}
		set(i, vals...)
	}
	x := &out.Export{Title: desc, TieLabel: tieLabel(nf), Attrs: attrs, Nodes: nodes}
	for _, e := range g.Edges() {
		x.Ties = append(x.Ties, out.Tie{U: e.U, V: e.V, Weight: e.W})
	}
	return x, nil
}

func kindOf(c measureColumn) out.AttrKind {
	if c.isInt {
		return out.AttrInt
	}
	return out.AttrFloat
}

func tieLabel(nf *networkFlags) string {
	switch nf.basis {
	case "meetings":
		return "met"
	case "ties":
		return "collaboration"
	}
	return "shared forum"
}

// twoModeExport returns the two-mode network of organizations and forums
// (or meetings) with each node's two-mode centralities.
func twoModeExport(ctx context.Context, s *streams, d *graph.Dataset, basis graph.Basis) (*out.Export, error) {
	a, kind := graph.ForumAffiliation(d), "forum"
	if basis == graph.BasisMeetings {
		a, kind = graph.MeetingAffiliation(d), "meeting"
	}
	c, err := graph.TwoMode(ctx, a, graph.PathOptions{Progress: progress(s, "betweenness and closeness")})
	if err != nil {
		return nil, err
	}
	middle := []out.Attr{{Name: "kind", Kind: out.AttrString}, {Name: "bipartite", Kind: out.AttrInt}, {Name: "ties", Kind: out.AttrInt},
		{Name: "degree", Kind: out.AttrFloat}, {Name: "betweenness", Kind: out.AttrFloat}, {Name: "closeness", Kind: out.AttrFloat}}
	nodes, attrs, set := orgNodes(d, middle)
	for i := range nodes {
		set(i, "organization", 0, len(a.OrgGroups[i]), c.Degree[i], c.Betweenness[i], c.Closeness[i])
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
	for _, id := range ids {
		if orgSet[id] {
			prefix = kind + ":"
			fmt.Fprintf(s.Err, "sectornet: %s id %q is also an organization's; %s ids are written as %s%s\n", kind, id, kind, prefix, "ID")
			break
		}
	}
	n := len(d.Orgs)
	for k, id := range ids {
		v := n + k
		vals := make([]any, len(attrs))
		copy(vals[2:], []any{kind, 1, len(a.GroupMembers[k]), c.Degree[v], c.Betweenness[v], c.Closeness[v]})
		nodes = append(nodes, out.Node{ID: prefix + id, Label: labels[k], Type: kind, Color: "#BBBBBB", Values: vals})
	}
	x := &out.Export{Title: "organizations and the " + kind + "s they belong to (two-mode)", TieLabel: "member", Attrs: attrs, Nodes: nodes, FirstMode: n}
	for o, gs := range a.OrgGroups {
		for _, g := range gs {
			x.Ties = append(x.Ties, out.Tie{U: o, V: n + int(g), Weight: 1})
		}
	}
	return x, nil
}

// dynamicExport returns the collaboration ties of every wave as one
// network whose ties carry their weight in each wave and whose
// organizations carry their measures in each wave (all but community,
// whose labels mean nothing from one wave to the next).
func dynamicExport(ctx context.Context, s *streams, d *graph.Dataset, typ string, mo measureOptions) (*out.Export, error) {
	waves := d.Waves()
	if len(waves) == 0 {
		return nil, usageErr(errors.New("--waves needs collaboration ties (ties.csv)"))
	}
	mo.want = slices.DeleteFunc(slices.Clone(mo.want), func(m string) bool { return m == "community" })
	nodes, attrs, _ := orgNodes(d, nil)
	x := &out.Export{Title: "collaboration ties reported in each wave", TieLabel: "collaboration", Attrs: attrs, Nodes: nodes, Waves: waves}
	if typ != "" {
		x.Title += " (type " + typ + ")"
	}
	for i := range x.Nodes {
		x.Nodes[i].Waves = make([][]any, len(waves))
	}
	ties := map[[2]int]*out.Tie{}
	for k, w := range waves {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g := graph.TieNetwork(d, w, typ)
		cols, _, err := computeMeasures(ctx, s, g, mo)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			for _, c := range cols {
				x.WaveAttrs = append(x.WaveAttrs, out.Attr{Name: c.name, Kind: kindOf(c)})
			}
		}
		for i := range x.Nodes {
			vals := make([]any, len(cols))
			for a, c := range cols {
				vals[a] = c.values[i]
			}
			x.Nodes[i].Waves[k] = vals
		}
		for _, e := range g.Edges() {
			key := [2]int{e.U, e.V}
			t := ties[key]
			if t == nil {
				t = &out.Tie{U: e.U, V: e.V, Waves: make([]float64, len(waves))}
				ties[key] = t
			}
			t.Waves[k] = e.W
			t.Weight = e.W // the weight in the latest wave reporting the tie
		}
	}
	for _, t := range ties {
		x.Ties = append(x.Ties, *t)
	}
	slices.SortFunc(x.Ties, func(a, b out.Tie) int {
		if a.U != b.U {
			return a.U - b.U
		}
		return a.V - b.V
	})
	return x, nil
}
