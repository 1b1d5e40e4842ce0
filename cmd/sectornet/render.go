package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// views lists the diagrams render draws.
var viewNames = []string{"network", "affiliation", "sectors", "ego", "change", "communities", "mixing", "brokers", "forums", "waves", "sector-change", "attendance"}

// sizeMeasures lists what --size can size organizations by.
var sizeMeasures = []string{"betweenness", "degree", "strength", "pagerank", "eigenvector", "none"}

// drawingBudget is the number of ties drawn in full by default; above it
// the network view draws the disparity backbone.
const drawingBudget = 1000

type renderOptions struct {
	dir    string
	view   string
	output string
	format string
	layout string
	seed   int
	labels string
	net    networkFlags

	size      string
	bb        backboneFlags
	minWeight float64
	top       int
	allTies   bool
	set       map[string]bool // flags given explicitly

	org      string
	depth    int
	from, to string
	title    string
	period   string // attendance view, above 300 seats
	dpi      int
}

func newRenderCmd(s *streams) *cobra.Command {
	var o renderOptions
	cmd := &cobra.Command{
		Use:   "render [DIR]",
		Short: "Draw the network as a diagram (SVG, PNG, PDF or Graphviz DOT)",
		Long: `Draw a diagram of the partnership with Graphviz's layouts. Views:

  network      organizations coloured and shaped by sector, sized by --size,
               ties of width by weight (--basis, --weight, --wave choose the
               network)
  affiliation  forums as boxes, organizations tied to the forums they sit in
  sectors      one node per sector sized by its organizations; a line's
               number counts the ties between two sectors, a loop's the ties
               inside one: the mixing matrix as a picture
  ego          one organization's neighbourhood (--org, --depth 1 or 2)
  change       collaboration ties of two waves (--from, --to) on one layout
               of both: new ties in colour (across sectors in vermillion),
               kept grey, dissolved dashed
  communities  Louvain communities as nodes (area: organizations, slices:
               sectors), tied by the ties between them
  mixing       sector x sector heat map of the ties observed against those
               expected if organizations tied at random keeping their
               numbers of partners
  brokers      the --top organizations (15) of highest betweenness, each
               tied to the sectors of its partners
  forums       the --top largest forums (25) as pies of their members'
               sectors, tied by the members they share
  waves        every survey wave side by side on one stable layout
  sector-change  new and dissolved ties per pair of sectors (--from, --to)
  attendance   every forum member's attendance as a heat map (a row per
               member, a column per meeting), or above 300 seats the share
               of each sector's seats filled per --period

Views are chosen by size and the legend says so: above 500 organizations
the network view draws the community map, above 40 forums the affiliation
view draws the largest forums, and above 250 organizations (or 800 ties)
in the waves the change and waves views draw sector pairs. These views, change and
waves are laid out by sectornet itself (stress majorization), the others by
Graphviz.

The format comes from the file's extension or --format: svg (text, with each
organization's full name as tooltip), png and pdf (drawn with the fonts
embedded, same bytes on every machine), or dot (the Graphviz source).

A projection of forum membership is dense (every forum a clique). The
network view draws every tie when there are at most 1000, else the ties a
backbone test keeps (see sectornet backbone): on projections of forums or
meetings the stochastic degree sequence model (SDSM; Neal 2014,
doi:10.1016/j.socnet.2014.06.001), on reported ties the disparity filter
(Serrano, Boguñá and Vespignani 2009, doi:10.1073/pnas.0808904106), at
--alpha 0.05 with --correction none, holm or bh, at most the 1000 most
significant; --backbone sdsm, fdsm or disparity chooses the test, --min-weight
or --top another selection, --all-ties draws everything. The legend says what was
left out. Sectors take their colours from sectors.csv, else the Okabe-Ito
colour-blind-safe palette, and a shape each, so they stay apart in
greyscale print.`,
		Example: `  sectornet render -o network.svg                     # the embedded sample
  sectornet render mydata --view affiliation -o forums.pdf
  sectornet render mydata --basis meetings --backbone sdsm --size pagerank -o backbone.png
  sectornet render mydata --view ego --org G03 --depth 2 -o g03.svg
  sectornet render mydata --view change --from 2012 --to 2014 -o change.png
  sectornet render mydata --view sectors --format dot > sectors.dot`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.set = map[string]bool{}
			cmd.Flags().Visit(func(f *pflag.Flag) { o.set[f.Name] = true })
			return runRender(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.view, "view", "network", "what to draw: "+strings.Join(viewNames, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write to this file (its extension gives the format); standard output when --format is given without it")
	f.StringVar(&o.format, "format", "", "svg, png, pdf or dot (default: from the file's extension)")
	f.StringVar(&o.layout, "layout", "", "Graphviz layout: "+strings.Join(out.Layouts, ", ")+" (default: neato, sfdp above 1000 organizations; circo for sectors, twopi for ego)")
	f.IntVar(&o.seed, "seed", 1, "layout seed")
	f.StringVar(&o.labels, "labels", "auto", "organizations labelled: auto (all up to 60, else the 30 largest), all, none or a number")
	o.net.add(cmd)
	f.StringVar(&o.size, "size", "betweenness", "size organizations by: "+strings.Join(sizeMeasures, ", "))
	o.bb.add(cmd, "backbone", "auto")
	f.Float64Var(&o.minWeight, "min-weight", 0, "network view: draw only ties of at least this weight")
	f.IntVar(&o.top, "top", 0, "network view: draw only the N heaviest ties; brokers: brokers drawn (15); forums: forums drawn (25)")
	f.BoolVar(&o.allTies, "all-ties", false, "network view: draw every tie")
	f.StringVar(&o.org, "org", "", "ego view: the organization's id")
	f.IntVar(&o.depth, "depth", 1, "ego view: neighbourhood depth, 1 or 2")
	f.StringVar(&o.from, "from", "", "change view: the earlier wave (default: the last but one)")
	f.StringVar(&o.period, "period", "quarter", "attendance view above 300 seats: quarter, half, year, waves or all")
	f.StringVar(&o.to, "to", "", "change view: the later wave (default: the last)")
	f.StringVar(&o.title, "title", "", "the diagram's title (default: the view's)")
	f.IntVar(&o.dpi, "dpi", out.DefaultDPI, "PNG resolution in dots per inch, at the diagram's drawn size or, when it is wider, printed 17.8 cm wide (at most 4000 pixels a side)")
	return cmd
}

// figureFormat returns the format of a figure from --format or the file's
// extension.
func figureFormat(format, output string, dot bool) (out.FigureFormat, error) {
	if format == "" {
		if output == "" {
			return "", usageErr(errors.New("give -o FILE (.svg, .png, .pdf or .dot) or --format"))
		}
		ext := strings.TrimPrefix(filepath.Ext(output), ".")
		if ext == "" {
			return "", usageErr(fmt.Errorf("%s: no extension; give --format svg, png, pdf or dot", output))
		}
		format = ext
	}
	f, err := out.ParseFigureFormat(format)
	if err == nil && f == out.FigureDOT && !dot {
		err = errors.New("dot is a diagram format; charts are svg, png or pdf")
	}
	if err != nil {
		return "", usageErr(err)
	}
	return f, nil
}

// writeOutput writes with write to the file output, or to standard output
// when output is "".
func writeOutput(s *streams, output string, write func(io.Writer) error) error {
	if output == "" {
		return write(s.Out)
	}
	return writeFileAtomic(output, write)
}

func runRender(ctx context.Context, s *streams, o renderOptions) error {
	f, err := figureFormat(o.format, o.output, true)
	if err != nil {
		return err
	}
	if err := o.check(); err != nil {
		return err
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	dg, err := buildDiagram(ctx, d, o)
	if err != nil {
		return err
	}
	dg.DPI = o.dpi
	if o.title != "" {
		dg.Title, dg.Legend.Heading = o.title, o.title
	}
	return writeOutput(s, o.output, func(w io.Writer) error { return out.WriteDiagram(ctx, w, dg, f) })
}

// check validates the flags that need no dataset.
func (o *renderOptions) check() error {
	if !slices.Contains(viewNames, o.view) {
		return usageErr(fmt.Errorf("unknown view %q (want %s)", o.view, strings.Join(viewNames, ", ")))
	}
	if o.layout != "" && !slices.Contains(out.Layouts, o.layout) {
		return usageErr(fmt.Errorf("unknown layout %q (want %s)", o.layout, strings.Join(out.Layouts, ", ")))
	}
	if !slices.Contains(sizeMeasures, o.size) {
		return usageErr(fmt.Errorf("unknown size measure %q (want %s)", o.size, strings.Join(sizeMeasures, ", ")))
	}
	if _, err := o.labelCount(0); err != nil {
		return err
	}
	n := 0
	for _, k := range []string{"backbone", "min-weight", "top", "all-ties"} {
		if o.set[k] {
			n++
		}
	}
	testFlag := o.set["alpha"] || o.set["correction"] || o.set["trials"] || o.set["backbone-seed"]
	if n > 1 || testFlag && (o.set["min-weight"] || o.set["top"] || o.set["all-ties"]) {
		return usageErr(errors.New("give at most one of --backbone (with --alpha, --correction), --min-weight, --top and --all-ties"))
	}
	if o.view == "brokers" || o.view == "forums" {
		n -= b2i(o.set["top"])
	}
	if (n > 0 || testFlag) && o.view != "network" {
		return usageErr(errors.New("--backbone, --alpha, --correction, --min-weight, --top and --all-ties apply to --view network"))
	}
	if _, err := o.bb.spec(); err != nil {
		return err
	}
	if o.set["top"] && o.top < 1 {
		return usageErr(errors.New("--top must be 1 or more"))
	}
	if o.dpi < 10 || o.dpi > 2400 {
		return usageErr(fmt.Errorf("--dpi %d: want 10 to 2400", o.dpi))
	}
	if o.view == "ego" && o.org == "" {
		return usageErr(errors.New("--view ego needs --org ID"))
	}
	if o.depth != 1 && o.depth != 2 {
		return usageErr(fmt.Errorf("--depth %d: want 1 or 2", o.depth))
	}
	if o.view != "change" && o.view != "sector-change" && (o.from != "" || o.to != "") {
		return usageErr(errors.New("--from and --to apply to --view change"))
	}
	if (o.view == "change" || o.view == "sector-change" || o.view == "waves") && !o.net.survey.isDefault() {
		return usageErr(fmt.Errorf("--view %s draws every report by the max rule; --symmetrize and --missing apply to the views of one network (--basis ties), and sectornet change and survey compare the rules", o.view))
	}
	if (o.view == "change" || o.view == "sector-change" || o.view == "waves") && (o.set["basis"] || o.set["wave"] || o.set["weight"]) {
		return usageErr(errors.New("--view change draws reported ties; give --from, --to and --type instead of --basis, --weight and --wave"))
	}
	_, err := o.net.spec()
	return err
}

// labelCount returns how many of n organizations to label (-1 all).
func (o *renderOptions) labelCount(n int) (int, error) {
	switch o.labels {
	case "auto", "":
		if n <= 60 {
			return -1, nil
		}
		return 30, nil
	case "all":
		return -1, nil
	case "none":
		return 0, nil
	}
	k, err := strconv.Atoi(o.labels)
	if err != nil || k < 0 {
		return 0, usageErr(fmt.Errorf("--labels %q: want auto, all, none or a number", o.labels))
	}
	return k, nil
}

// dropLoose is the number of organizations above which the network view
// leaves out those without a drawn tie.
const dropLoose = 300

// largeNetwork is the number of organizations above which the default
// layout is sfdp: neato's stress majorization grows with the square of
// the number of nodes.
const largeNetwork = 1000

func (o *renderOptions) layoutFor(view string, n int) string {
	if o.layout != "" {
		return o.layout
	}
	l := out.DefaultLayout[view]
	if l == "neato" && n > largeNetwork {
		return "sfdp"
	}
	return l
}

// sizeBy returns the measure organizations are sized by and its name.
func sizeBy(g *graph.Network, measure string) ([]float64, string, error) {
	switch measure {
	case "none":
		return nil, "", nil
	case "degree":
		deg := graph.Degree(g)
		v := make([]float64, len(deg))
		for i, x := range deg {
			v[i] = float64(x)
		}
		return v, "degree", nil
	case "strength":
		return graph.Strength(g), "strength", nil
	case "betweenness":
		return graph.Betweenness(g, graph.PathsHops), "betweenness", nil
	case "pagerank":
		v, err := graph.PageRank(g, graph.PageRankOptions{})
		return v, "PageRank", err
	case "eigenvector":
		v, err := graph.Eigenvector(g)
		return v, "eigenvector centrality", err
	}
	return nil, "", usageErr(fmt.Errorf("unknown size measure %q", measure))
}

// backbone chooses the ties the network view draws and says what it left
// out: every tie up to drawingBudget, else the significant ties of a
// backbone test (SDSM on projections, the disparity filter on reported
// ties), at most drawingBudget of them (the most significant).
func (o *renderOptions) backbone(ctx context.Context, d *graph.Dataset, g *graph.Network) (graph.Backbone, string, error) {
	var b graph.Backbone
	var how string
	switch {
	case o.set["all-ties"]:
		return graph.TopBackbone(g, 0), fmt.Sprintf("All %d ties drawn.", g.M()), nil
	case o.set["min-weight"]:
		b = graph.MinWeightBackbone(g, o.minWeight)
		how = "ties of weight " + out.FormatHuman(o.minWeight) + " or more"
	case o.set["top"]:
		b = graph.TopBackbone(g, o.top)
		how = fmt.Sprintf("the %d heaviest ties", o.top)
	case o.set["backbone"] || o.set["alpha"] || o.set["correction"] || g.M() > drawingBudget:
		ns, _ := o.net.spec()
		bs, _ := o.bb.spec()
		t, err := graph.TestTies(ctx, d, ns, bs)
		if err != nil {
			if ctx.Err() != nil {
				return b, "", ctx.Err()
			}
			return b, "", usageErr(err)
		}
		note := backboneNote(t)
		b = t.Kept
		if len(b.Edges) > drawingBudget {
			b = t.Strongest(drawingBudget)
			note += fmt.Sprintf(" Drawn: the %d with the smallest p-values.", drawingBudget)
		}
		if len(b.Edges) == 0 {
			note += " No tie is significant, so none is drawn: try --correction none, a larger --alpha, or --all-ties."
		}
		return b, note, nil
	default:
		return graph.TopBackbone(g, 0), fmt.Sprintf("All %d ties drawn.", g.M()), nil
	}
	note := fmt.Sprintf("Drawn: %s, %d of %d ties (%s); %d left out.", how, len(b.Edges), b.Total, percentOf(len(b.Edges), b.Total), b.Total-len(b.Edges))
	if b.Orphans > 0 {
		note += fmt.Sprintf(" %d %s lost every drawn tie.", b.Orphans, plural(b.Orphans, "organization", "organizations"))
	}
	return b, note, nil
}

func percentOf(a, b int) string {
	if b == 0 {
		return "0%"
	}
	return strconv.FormatFloat(100*float64(a)/float64(b), 'f', 0, 64) + "%"
}

// buildDiagram builds the diagram o asks for.
func buildDiagram(ctx context.Context, d *graph.Dataset, o renderOptions) (*out.Diagram, error) {
	view := o.view
	// Views chosen by size (the legends say so).
	switch {
	case view == "network" && len(d.Orgs) > out.LargeNetwork && !o.set["all-ties"] && !o.set["backbone"] && !o.set["min-weight"] && !o.set["top"]:
		view = "communities"
	case view == "affiliation" && len(d.Forums) > out.LargeAffiliation:
		view = "forums"
	}
	title := func(def string) string {
		if o.title != "" {
			return o.title
		}
		return def
	}
	layout := o.layoutFor(view, len(d.Orgs))
	top := func(def int) int {
		if o.set["top"] {
			return o.top
		}
		return def
	}
	switch view {
	case "forums":
		return out.ForumMapDiagram(d, title("The largest forums"), top(25)), nil
	case "waves", "change", "sector-change":
		waves := d.Waves()
		if len(waves) == 0 {
			return nil, usageErr(errors.New("the dataset has no collaboration ties (ties.csv)"))
		}
		if view == "waves" {
			labels, _ := o.labelCount(len(d.Orgs))
			if labels < 0 || labels > 12 {
				labels = 12
			}
			return out.WavesDiagram(d, waves, o.net.tieType, title("Collaboration ties in each wave"), labels), nil
		}
		from, to := o.from, o.to
		if from == "" && to == "" && len(waves) >= 2 {
			from, to = waves[len(waves)-2], waves[len(waves)-1]
		}
		pairs, err := graph.WavePairs(d, from, to)
		if err != nil {
			return nil, usageErr(err)
		}
		from, to = pairs[0][0], pairs[0][1]
		if view == "change" {
			a, b := graph.TieNetwork(d, from, o.net.tieType), graph.TieNetwork(d, to, o.net.tieType)
			named := 0
			for i := range d.Orgs {
				if a.Degree(i) > 0 || b.Degree(i) > 0 {
					named++
				}
			}
			if named > out.LargeChange || a.M()+b.M() > out.LargeChangeTies {
				view = "sector-change"
			}
		}
		if view == "sector-change" {
			return out.SectorChangeDiagram(d, from, to, o.net.tieType, title("Tie change by sector pair, "+from+" to "+to)), nil
		}
	}
	switch view {
	case "attendance":
		if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
			return nil, usageErr(errors.New("the attendance view needs forums with members and meetings (participation.csv, meetings.csv, attendance.csv)"))
		}
		period, err := graph.ParsePeriod(o.period)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--period %q: want quarter, half, year, waves or all", o.period))
		}
		trends, err := graph.Trends(d, period)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--period waves: %v", err))
		}
		return out.AttendanceDiagram(d, graph.Engage(d, graph.DefaultEngagement), trends, title("Attendance at forum meetings")), nil
	case "affiliation":
		labels, _ := o.labelCount(len(d.Orgs))
		return out.AffiliationDiagram(d, title("Forum membership"), layout, o.seed, labels), nil
	case "change":
		waves := d.Waves()
		from, to := o.from, o.to
		if from == "" && to == "" && len(waves) >= 2 {
			from, to = waves[len(waves)-2], waves[len(waves)-1]
		}
		pairs, err := graph.WavePairs(d, from, to)
		if err != nil {
			return nil, usageErr(err)
		}
		from, to = pairs[0][0], pairs[0][1]
		labels, _ := o.labelCount(len(d.Orgs))
		return out.ChangeDiagram(d, from, to, o.net.tieType, title("Collaboration ties, "+from+" to "+to), layout, o.seed, labels), nil
	}
	g, desc, err := o.net.build(d)
	if err != nil {
		return nil, err
	}
	switch view {
	case "communities":
		comm, err := graph.LouvainContext(ctx, g, 1, 1, nil)
		if err != nil {
			return nil, err
		}
		return out.CommunityMapDiagram(d, g, comm, title("Communities of organizations"), desc, 40), nil
	case "mixing":
		return out.MixingDiagram(d, g, title("Ties between sectors, observed against expected"), desc), nil
	case "brokers":
		bet, err := brokerBetweenness(ctx, g)
		if err != nil {
			return nil, err
		}
		return out.BrokersDiagram(d, g, bet, top(15), title("Top brokers between sectors"), desc), nil
	case "sectors":
		return out.SectorsDiagram(d, g, title("Ties between sectors"), desc, layout, o.seed), nil
	case "ego":
		idx, ok := d.OrgIndex()[o.org]
		if !ok {
			ids := make([]string, len(d.Orgs))
			for i, x := range d.Orgs {
				ids[i] = x.ID
			}
			msg := fmt.Sprintf("--org %q: unknown organization", o.org)
			if s := data.DidYouMean(o.org, ids); s != "" {
				msg += " (" + s + ")"
			}
			return nil, usageErr(errors.New(msg))
		}
		size, name, err := sizeBy(g, o.size)
		if err != nil {
			return nil, err
		}
		return out.EgoDiagram(d, g, idx, o.depth, title(d.Orgs[idx].Name), desc, layout, o.seed, size, name), nil
	}
	size, name, err := sizeBy(g, o.size)
	if err != nil {
		return nil, err
	}
	b, note, err := o.backbone(ctx, d, g)
	if err != nil {
		return nil, err
	}
	labels, _ := o.labelCount(len(d.Orgs))
	v := out.NetworkView{Title: title("Network of organizations"), Network: g, Ties: b.Edges, TiesNote: note, Desc: desc,
		Size: size, SizeName: name, Labels: labels, Layout: layout, Seed: o.seed, DropLoose: len(d.Orgs) > dropLoose}
	if v.Ties == nil {
		v.Ties = []graph.Edge{}
	}
	return v.Diagram(d), ctx.Err()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// brokerBetweenness is betweenness for ranking brokers: exact up to 2,000
// organizations, else sampled (graph.ApproxBetweenness, seed 1), which
// ranks the top organizations about the same way, far faster.
func brokerBetweenness(ctx context.Context, g *graph.Network) ([]float64, error) {
	if g.N() <= 2000 {
		return graph.Betweenness(g, graph.PathsHops), ctx.Err()
	}
	est, err := graph.ApproxBetweenness(ctx, g, graph.ApproxOptions{Seed: 1, Epsilon: rankEpsilon})
	return est.Betweenness, err
}

// rankEpsilon is the error bound of the sampled betweenness that ranks
// the top organizations of large networks (brokers view, centrality
// chart): coarser than centrality --approx's 0.004, since only the
// leaders' order matters.
const rankEpsilon = 0.01
