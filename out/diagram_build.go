package out

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// Views lists the diagrams BuildDiagram draws.
var Views = []string{"network", "affiliation", "sectors", "ego", "change", "communities", "mixing", "brokers", "forums", "waves", "sector-change", "attendance"}

// LabelsAuto labels every organization of a network of at most 60, else
// the 30 largest.
const LabelsAuto = -2

// DrawingBudget is the number of ties the network view draws in full by
// default; above it, it draws the ties a backbone test keeps, at most
// DrawingBudget of them.
const DrawingBudget = 1000

// DefaultAlpha is the significance level of backbone tests.
const DefaultAlpha = 0.05

// DefaultBackboneTest is the backbone test of the network view and of the
// backbone command by default: SDSM on projections, the disparity filter
// on reported ties, at DefaultAlpha, no correction, FDSM's 1000 trials
// seeded with DefaultSeed.
var DefaultBackboneTest = graph.BackboneSpec{Method: graph.BackboneAuto, Alpha: DefaultAlpha, Correction: graph.CorrectNone, Trials: 1000, Seed: DefaultSeed}

// dropLoose is the number of organizations above which the network view
// leaves out those without a drawn tie.
const dropLoose = 300

// largeNetwork is the number of organizations above which the default
// layout is sfdp: neato's stress majorization grows with the square of
// the number of nodes.
const largeNetwork = 1000

// BackboneKind chooses which ties the network view draws.
type BackboneKind int

// Backbones of the network view.
const (
	BackboneAuto      BackboneKind = iota // every tie up to DrawingBudget, else the ties Test keeps
	BackboneAll                           // every tie
	BackboneMinWeight                     // ties of at least MinWeight
	BackboneTop                           // the Top heaviest ties
	BackboneTest                          // the ties Test keeps (at most DrawingBudget, the most significant)
)

// DiagramOptions choose a diagram: the flags of the render command.
type DiagramOptions struct {
	View   string // one of Views
	Layout string // Graphviz engine; "" for the view's default
	Seed   int
	Labels int // organizations labelled: the largest N, -1 all, LabelsAuto
	// Network is the network drawn by the network, sectors and ego views;
	// its Type restricts the ties of the change view.
	Network graph.NetworkSpec
	Size    string // what sizes organizations: one of SizeMeasures

	Backbone  BackboneKind
	Test      graph.BackboneSpec // the test of BackboneTest and BackboneAuto
	MinWeight float64
	Top       int

	Org      int // ego view: the organization (index into Dataset.Orgs)
	Depth    int // ego view: 1 or 2
	From, To string
	Title    string // the diagram's title; "" for the view's
	Period   string // attendance view above 300 seats: quarter, half, year, waves or all
	// FixedView draws View even where the network's size would choose
	// another (the community map above LargeNetwork organizations); set
	// when the ties to draw were chosen (all, a backbone, a minimum
	// weight, the heaviest).
	FixedView bool
}

// labels returns how many of n organizations to label (-1 all).
func (o DiagramOptions) labels(n int) int {
	if o.Labels == LabelsAuto {
		if n <= 60 {
			return -1
		}
		return 30
	}
	return o.Labels
}

func (o DiagramOptions) layoutFor(view string, n int) string {
	if o.Layout != "" {
		return o.Layout
	}
	l := DefaultLayout[view]
	if l == "neato" && n > largeNetwork {
		return "sfdp"
	}
	return l
}

// BuildDiagram builds the diagram o asks for. Views are chosen by size
// (the legends say so): above LargeNetwork organizations the network view
// draws the community map, above LargeAffiliation forums the affiliation
// view draws the largest forums, and above LargeChange organizations (or
// ten times as many ties) in the two waves the change view draws sector
// pairs.
func BuildDiagram(ctx context.Context, a *Analysis, o DiagramOptions) (*Diagram, error) {
	dg, err := buildDiagram(ctx, a, o)
	if err == nil && a.Source() == "" {
		// The title is the SVG's <title>; the legend is what shows.
		dg.Title += SampleMark
		dg.Legend.Notes = append([]string{SampleNote}, dg.Legend.Notes...)
	}
	return dg, err
}

func buildDiagram(ctx context.Context, a *Analysis, o DiagramOptions) (*Diagram, error) {
	d := a.Dataset
	view := o.View
	switch {
	case view == "network" && len(d.Orgs) > LargeNetwork && !o.FixedView:
		view = "communities"
	case view == "affiliation" && len(d.Forums) > LargeAffiliation:
		view = "forums"
	}
	title := func(def string) string {
		if o.Title != "" {
			return o.Title
		}
		return def
	}
	top := func(def int) int {
		if o.Top > 0 {
			return o.Top
		}
		return def
	}
	layout := o.layoutFor(view, len(d.Orgs))
	ties := func(wave string) graph.NetworkSpec {
		return graph.NetworkSpec{Basis: graph.BasisTies, Wave: wave, Type: o.Network.Type, Rule: o.Network.Rule, Missing: o.Network.Missing}
	}
	if (view == "affiliation" || view == "forums") && len(d.Memberships) == 0 {
		// An affiliation of forums and no members is no figure (survey-only
		// data): say so rather than draw the forums alone.
		return nil, &RequestError{errors.New("the " + view + " view needs forum memberships (participation.csv is empty)")}
	}
	switch view {
	case "forums":
		return ForumMapDiagram(d, title("The largest forums"), top(25)), nil
	case "waves", "change", "sector-change":
		waves := d.Waves()
		if len(waves) == 0 {
			return nil, &RequestError{errors.New("the dataset has no collaboration ties (ties.csv)")}
		}
		if view == "waves" {
			labels := o.labels(len(d.Orgs))
			if labels < 0 || labels > 12 {
				labels = 12
			}
			return WavesDiagram(d, waves, o.Network.Type, title("Collaboration ties in each wave"), labels), nil
		}
		from, to, err := graph.WavePair(d, o.From, o.To)
		if err != nil {
			return nil, &RequestError{err}
		}
		if view == "sector-change" {
			return SectorChangeDiagram(d, from, to, o.Network.Type, title("Tie change by sector pair, "+from+" to "+to)), nil
		}
		before, err := a.Network(ties(from))
		if err != nil {
			return nil, err
		}
		after, err := a.Network(ties(to))
		if err != nil {
			return nil, err
		}
		named := 0
		for i := range d.Orgs {
			if before.Degree(i) > 0 || after.Degree(i) > 0 {
				named++
			}
		}
		if named > LargeChange || before.M()+after.M() > LargeChangeTies {
			return SectorChangeDiagram(d, from, to, o.Network.Type, title("Tie change by sector pair, "+from+" to "+to)), nil
		}
		c, err := a.Change(ctx, graph.ChangeOptions{From: from, To: to, Type: o.Network.Type, Rule: o.Network.Rule, Missing: o.Network.Missing})
		if err != nil {
			return nil, err
		}
		return ChangeDiagram(d, c, before, after, title("Collaboration ties, "+from+" to "+to), layout, o.Seed, o.labels(len(d.Orgs))), nil
	case "attendance":
		if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
			return nil, &RequestError{errors.New("the attendance view needs forums with members and meetings (participation.csv, meetings.csv, attendance.csv)")}
		}
		period, err := graph.ParsePeriod(o.Period)
		if err != nil {
			return nil, &RequestError{fmt.Errorf("--period %q: want quarter, half, year, waves or all", o.Period)}
		}
		trends, err := a.Trends(period)
		if err != nil {
			return nil, &RequestError{fmt.Errorf("--period waves: %v", err)}
		}
		return AttendanceDiagram(d, a.Engagement(graph.DefaultEngagement), trends, title("Attendance at forum meetings")), nil
	case "affiliation":
		dg := AffiliationDiagram(d, title("Forum membership"), layout, o.Seed, o.labels(len(d.Orgs)))
		if o.Layout == "" && len(dg.Nodes) > largeNetwork {
			if err := pinForce(ctx, dg, o.Seed); err != nil {
				return nil, err
			}
		}
		return dg, nil
	}
	g, err := a.Network(o.Network)
	if err != nil {
		return nil, err
	}
	desc := a.Describe(o.Network)
	switch view {
	case "communities":
		comm, err := a.Communities(ctx, o.Network, "louvain", 1, 1)
		if err != nil {
			return nil, err
		}
		return CommunityMapDiagram(d, g, comm, title("Communities of organizations"), desc, 40), nil
	case "mixing":
		return MixingDiagram(d, g, title("Ties between sectors, observed against expected"), desc), nil
	case "brokers":
		bet, err := a.brokerBetweenness(ctx, o.Network, g)
		if err != nil {
			return nil, err
		}
		return BrokersDiagram(d, g, bet, top(15), title("Top brokers between sectors"), desc), nil
	case "sectors":
		return SectorsDiagram(d, g, title("Ties between sectors"), desc, layout, o.Seed), nil
	case "ego":
		size, name, err := a.Measure(ctx, o.Network, o.Size)
		if err != nil {
			return nil, err
		}
		dg := EgoDiagram(d, g, o.Org, o.Depth, title(d.Orgs[o.Org].Name), desc, layout, o.Seed, size, name)
		if o.Layout == "" && len(dg.Nodes) > largeNetwork {
			if err := pinForce(ctx, dg, o.Seed); err != nil {
				return nil, err
			}
		}
		return dg, nil
	}
	size, name, err := a.Measure(ctx, o.Network, o.Size)
	if err != nil {
		return nil, err
	}
	b, note, err := o.backbone(ctx, a, g)
	if err != nil {
		return nil, err
	}
	v := NetworkView{Title: title("Network of organizations"), Network: g, Ties: b.Edges, TiesNote: note, Desc: desc,
		Size: size, SizeName: name, Labels: o.labels(len(d.Orgs)), Layout: layout, Seed: o.Seed, DropLoose: len(d.Orgs) > dropLoose}
	if v.Ties == nil {
		v.Ties = []graph.Edge{}
	}
	return v.Diagram(d), ctx.Err()
}

// brokerBetweenness is betweenness for ranking brokers: exact up to 2,000
// organizations, else sampled (graph.ApproxBetweenness, seed 1), which
// ranks the top organizations about the same way, far faster.
func (a *Analysis) brokerBetweenness(ctx context.Context, spec graph.NetworkSpec, g *graph.Network) ([]float64, error) {
	if g.N() <= 2000 {
		pc, err := a.Paths(ctx, spec, graph.PathsHops)
		return pc.Betweenness, err
	}
	pm, err := a.PathMeasures(ctx, spec, graph.PathsHops, &Approx{Epsilon: RankEpsilon}, 1, true, false)
	return pm.Betweenness, err
}

// RankEpsilon is the error bound of the sampled betweenness that ranks
// the top organizations of large networks (brokers view, centrality
// chart): coarser than centrality --approx's 0.004, since only the
// leaders' order matters.
const RankEpsilon = 0.01

// backbone chooses the ties the network view draws and says what it left
// out: every tie up to DrawingBudget, else the significant ties of a
// backbone test (SDSM on projections, the disparity filter on reported
// ties), at most DrawingBudget of them (the most significant).
func (o DiagramOptions) backbone(ctx context.Context, a *Analysis, g *graph.Network) (graph.Backbone, string, error) {
	var b graph.Backbone
	var how string
	switch {
	case o.Backbone == BackboneAll:
		return graph.TopBackbone(g, 0), fmt.Sprintf("All %d ties drawn.", g.M()), nil
	case o.Backbone == BackboneMinWeight:
		b = graph.MinWeightBackbone(g, o.MinWeight)
		how = "ties of weight " + FormatHuman(o.MinWeight) + " or more"
	case o.Backbone == BackboneTop:
		b = graph.TopBackbone(g, o.Top)
		how = fmt.Sprintf("the %d heaviest ties", o.Top)
	case o.Backbone == BackboneTest || g.M() > DrawingBudget:
		t, err := a.TieTest(ctx, o.Network, o.Test)
		if err != nil {
			return b, "", err
		}
		note := BackboneNote(t)
		b = t.Kept
		if len(b.Edges) > DrawingBudget {
			b = t.Strongest(DrawingBudget)
			note += fmt.Sprintf(" Drawn: the %d with the smallest p-values.", DrawingBudget)
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

// BackboneNote says in one sentence what a backbone test kept.
func BackboneNote(t *graph.TieTest) string {
	how := ""
	switch t.Method {
	case graph.BackboneSDSM:
		how = "the SDSM backbone (Neal 2014): ties sharing more forums or meetings than the organizations' and groups' degrees make likely"
	case graph.BackboneFDSM:
		how = fmt.Sprintf("the FDSM backbone (%d random affiliations with the same degrees)", t.Trials)
	case graph.BackboneDisparity:
		how = "the disparity-filter backbone (Serrano, Boguñá and Vespignani 2009)"
	}
	corr := "no correction"
	switch t.Correction {
	case graph.CorrectHolm:
		corr = "Holm-corrected"
	case graph.CorrectBH:
		corr = "Benjamini-Hochberg-corrected"
	}
	s := fmt.Sprintf("Kept: %s, at α = %s, %s; %d of %d ties (%s).", how, strconv.FormatFloat(t.Alpha, 'g', -1, 64), corr,
		len(t.Kept.Edges), t.Kept.Total, percentOf(len(t.Kept.Edges), t.Kept.Total))
	switch o := t.Kept.Orphans; {
	case len(t.Kept.Edges) == 0 && t.Method != graph.BackboneDisparity && o > 1 && t.Kept.Total == o*(o-1)/2:
		// Every organization with a tie is tied to every other (one
		// forum): each pair shares what the degrees predict.
		s += " Every organization with a tie is tied to every other, as in one forum, so no tie is stronger than the degrees make likely and none is drawn."
	case o > 0:
		s += fmt.Sprintf(" %d %s lost every tie.", t.Kept.Orphans, plural(t.Kept.Orphans, "organization", "organizations"))
	}
	return s
}

func percentOf(a, b int) string {
	if b == 0 {
		return "0%"
	}
	return strconv.FormatFloat(100*float64(a)/float64(b), 'f', 0, 64) + "%"
}

// ChartOptions choose a chart: the flags of the chart command.
type ChartOptions struct {
	Kind     string // one of ChartKinds
	Network  graph.NetworkSpec
	Measure  string // centrality chart: one of SizeMeasures but none
	Top      int    // centrality chart: organizations shown
	From, To string // change chart
	// Unit (meetings or days) of the retention chart; Period (quarter,
	// half, year, waves or all) and Indicator of the trends chart.
	Unit, Period, Indicator string
}

// BuildChart builds the chart o asks for.
func BuildChart(ctx context.Context, a *Analysis, o ChartOptions) (*Chart, error) {
	c, err := buildChart(ctx, a, o)
	if err == nil && a.Source() == "" {
		// On a line of its own: a chart's title is not wrapped, and
		// the mark would push it past the plot's edges.
		c.Title += "\n" + strings.TrimSpace(SampleMark)
	}
	return c, err
}

func buildChart(ctx context.Context, a *Analysis, o ChartOptions) (*Chart, error) {
	d := a.Dataset
	switch o.Kind {
	case "balance":
		if len(d.Quotas) == 0 && len(d.Forums) == 0 {
			return nil, &RequestError{fmt.Errorf("the balance chart needs forums.csv and participation.csv")}
		}
		b := a.Balance(nil)
		if len(b.Forums) > ManyForums {
			return BalanceTopChart(d, b, o.Top), nil
		}
		return BalanceChart(d, b), nil
	case "balance-gaps":
		if len(d.Forums) == 0 {
			return nil, &RequestError{fmt.Errorf("the balance-gaps chart needs forums.csv and participation.csv")}
		}
		return BalanceGapsChart(d, a.Balance(nil)), nil
	case "retention", "trends":
		if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
			return nil, &RequestError{fmt.Errorf("the %s chart needs forums with members and meetings (participation.csv, meetings.csv, attendance.csv)", o.Kind)}
		}
		if o.Kind == "retention" {
			unit, err := graph.ParseRetentionUnit(o.Unit)
			if err != nil {
				return nil, &RequestError{fmt.Errorf("--unit %q: want meetings or days", o.Unit)}
			}
			return RetentionChart(d, graph.Retain(d, a.Engagement(graph.DefaultEngagement), unit)), nil
		}
		period, err := graph.ParsePeriod(o.Period)
		if err != nil {
			return nil, &RequestError{fmt.Errorf("--period %q: want quarter, half, year, waves or all", o.Period)}
		}
		trends, err := a.Trends(period)
		if err != nil {
			return nil, &RequestError{fmt.Errorf("--period waves: %v", err)}
		}
		c, err := TrendChart(d, trends, o.Indicator)
		if err != nil {
			return nil, &RequestError{fmt.Errorf("--indicator %q: want %s", o.Indicator, TrendIndicatorNames())}
		}
		return c, nil
	case "firsts":
		if len(d.Meetings) == 0 {
			return nil, &RequestError{fmt.Errorf("the firsts chart needs meetings.csv and attendance.csv")}
		}
		return FirstsChart(d, a.Firsts()), nil
	case "change":
		from, to, err := graph.WavePair(d, o.From, o.To)
		if err != nil {
			return nil, &RequestError{err}
		}
		c, err := a.Change(ctx, graph.ChangeOptions{From: from, To: to, Type: o.Network.Type, Rule: o.Network.Rule, Missing: o.Network.Missing})
		if err != nil {
			return nil, err
		}
		return ChangeChart(d, c), nil
	}
	g, err := a.Network(o.Network)
	if err != nil {
		return nil, err
	}
	if o.Kind == "degree" {
		return DegreeChart(g), nil
	}
	if o.Measure == "betweenness" && g.N() > 2000 {
		// For the top organizations, sampled betweenness ranks them as
		// the exact one does, far faster (see BENCHMARKS.md).
		v, err := a.brokerBetweenness(ctx, o.Network, g)
		if err != nil {
			return nil, err
		}
		c := CentralityChart(d, v, "betweenness", o.Top)
		note := fmt.Sprintf("Betweenness sampled (Riondato and Kornaropoulos; each value within ±%g with probability 0.9) for %d organizations.", RankEpsilon, g.N())
		if c.Note != "" {
			note = c.Note + " " + note
		}
		c.Note = note
		return c, nil
	}
	v, name, err := a.Measure(ctx, o.Network, o.Measure)
	if err != nil {
		return nil, err
	}
	return CentralityChart(d, v, name, o.Top), nil
}

// TrendIndicatorNames lists the trends chart's indicators, for help and
// errors.
func TrendIndicatorNames() string {
	var ns []string
	for _, t := range TrendIndicators {
		ns = append(ns, t.Name)
	}
	return strings.Join(ns, ", ")
}
