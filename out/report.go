package out

import (
	"context"
	"fmt"
	"io"
	"math"
	"path"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// The defaults of the views: the commands' flags and the report use
// these, so a command run with its defaults prints what the report holds.
const (
	DefaultSeed               = 1    // every seed: Louvain, permutation tests, sampling, layouts
	DefaultResolution         = 1.0  // Louvain resolution γ
	DefaultChangePermutations = 9999 // random sets of new ties behind the forum effect's p-value
	DefaultEIPermutations     = 5000 // random reassignments behind the E-I test
	DefaultChangeTop          = 10   // top gainers of new partners listed
	DefaultFirstsTop          = 5    // meetings listed among those that introduced the most cross-sector pairs
	DefaultSuggestLimit       = 20   // introductions listed
	DefaultChartTop           = 15   // organizations in the centrality chart
	DefaultDepth              = 1    // ego view: neighbourhood depth
	DefaultQAPPermutations    = 1000 // permutations per coefficient of the forum-effect model
	DefaultCommunityMethod    = "leiden"
	DefaultCoreRestarts       = 10  // core/periphery searches from different starts
	DefaultCorePermutations   = 100 // random networks of the core/periphery test
)

// DefaultDiagram is the diagram of a view with the render command's
// defaults.
func DefaultDiagram(view string) DiagramOptions {
	return DiagramOptions{View: view, Seed: DefaultSeed, Labels: LabelsAuto, Size: "betweenness", Test: DefaultBackboneTest, Depth: DefaultDepth, Period: "quarter"}
}

// DefaultChart is the chart of a kind with the chart command's defaults.
func DefaultChart(kind string) ChartOptions {
	return ChartOptions{Kind: kind, Measure: "betweenness", Top: DefaultChartTop, Unit: "meetings", Period: "quarter", Indicator: "attendances"}
}

// DefaultChange is the wave comparison of the change command's defaults.
var DefaultChange = ChangeOptions{Universe: graph.UniverseAll, Permutations: DefaultChangePermutations, Seed: DefaultSeed, Top: DefaultChangeTop,
	QAPPermutations: DefaultQAPPermutations, Inference: DefaultInference}

// DefaultInference asks for no CUG test and no bootstrap, with the
// bootstrap's 95% intervals when asked.
var DefaultInference = Inference{Level: 0.95, Seed: DefaultSeed}

// ReportTable is one table part of the report: a view's tables with its
// command's defaults.
type ReportTable struct {
	Name, Title string
	Tables      func(ctx context.Context, a *Analysis) (*Tables, error)
}

// ReportFigure is one figure of the report: a diagram or a chart with its
// command's defaults.
type ReportFigure struct {
	Name, Title string
	Figure      func(ctx context.Context, a *Analysis) (*Figure, error)
}

// Figure is a diagram or a chart, ready to be written in any format.
type Figure struct {
	Diagram *Diagram
	Chart   *Chart
	Size    ChartSize // of a chart; DefaultChartSize when zero
}

// Write writes fig to w in format f, laying a diagram out through the
// analysis (once for every format).
func (a *Analysis) WriteFigure(ctx context.Context, w io.Writer, fig *Figure, f FigureFormat) error {
	if fig.Chart != nil {
		sz := fig.Size
		if sz == (ChartSize{}) {
			sz = DefaultChartSize(fig.Chart)
		}
		return WriteChart(w, fig.Chart, f, sz)
	}
	if f == FigureDOT {
		return WriteDiagramDOT(w, fig.Diagram)
	}
	l, err := a.Layout(ctx, fig.Diagram)
	if err != nil {
		return err
	}
	return l.Write(w, f)
}

func diagramFigure(view string) func(context.Context, *Analysis) (*Figure, error) {
	return func(ctx context.Context, a *Analysis) (*Figure, error) {
		d, err := BuildDiagram(ctx, a, DefaultDiagram(view))
		return &Figure{Diagram: d}, err
	}
}

func chartFigure(kind string) func(context.Context, *Analysis) (*Figure, error) {
	return func(ctx context.Context, a *Analysis) (*Figure, error) {
		c, err := BuildChart(ctx, a, DefaultChart(kind))
		return &Figure{Chart: c}, err
	}
}

// ReportTables are the report's tables, in the order of report.md. Adding
// a table to the report is one line here.
var ReportTables = []ReportTable{
	{"summary", "Dataset summary", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return SummaryTables(ctx, a, graph.NetworkSpec{}, SummaryOptions{Inference: DefaultInference})
	}},
	{"balance", "Sector balance of the forums", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return BalanceTables(a, nil)
	}},
	{"centrality", "Centrality of every organization", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return CentralityTable(ctx, a, graph.NetworkSpec{}, graph.PathsHops, graph.PageRankConverged, nil, DefaultSeed)
	}},
	{"sectors", "How sectors mix", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return SectorsTables(ctx, a, graph.NetworkSpec{}, DefaultEIPermutations, DefaultSeed, DefaultInference)
	}},
	{"brokers", "Brokers between sectors", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return BrokersTable(ctx, a, graph.NetworkSpec{}, false)
	}},
	{"core", "Core and periphery", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return CoreTables(ctx, a, graph.NetworkSpec{}, DefaultCoreRestarts, DefaultCorePermutations, DefaultSeed)
	}},
	{"communities", "Communities", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return CommunitiesTables(ctx, a, graph.NetworkSpec{}, DefaultCommunityMethod, DefaultResolution, DefaultSeed)
	}},
	{"change", "Change between survey waves", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return ChangeTables(ctx, a, DefaultChange)
	}},
	{"survey", "Survey data quality: response, reciprocity, observed cells, sensitivity to the symmetrization rule, PARTNER scores", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return SurveyView(ctx, a, SurveyOptions{})
	}},
	{"firsts", "Who met whom first", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return FirstsTables(ctx, a, DefaultFirstsTop, false)
	}},
	{"engagement", "Engagement: attendance, retention, trends and Collective Impact indicators", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return EngagementView(ctx, a, DefaultEngagementOptions)
	}},
	{"suggest", "Suggested introductions", func(ctx context.Context, a *Analysis) (*Tables, error) {
		return SuggestTable(ctx, a, SuggestOptions{Org: -1, Limit: DefaultSuggestLimit})
	}},
}

// ReportFigures are the report's diagrams and charts, each written as SVG
// and PNG, in the order of report.md.
var ReportFigures = []ReportFigure{
	{"network", "Network of organizations (shared forums)", diagramFigure("network")},
	{"affiliation", "Forum membership", diagramFigure("affiliation")},
	{"sectors", "Ties between sectors", diagramFigure("sectors")},
	{"change", "New, kept and dissolved collaboration ties", diagramFigure("change")},
	{"waves", "Collaboration ties in each wave, on one layout", diagramFigure("waves")},
	{"mixing", "Ties between sectors, observed against expected", diagramFigure("mixing")},
	{"brokers", "Top brokers between sectors", diagramFigure("brokers")},
	{"balance", "Sector shares of forum members against the key", chartFigure("balance")},
	{"balance-gaps", "Every forum's gap from the key, per sector", chartFigure("balance-gaps")},
	{"centrality", "Top organizations by betweenness", chartFigure("centrality")},
	{"degree", "Degree distribution", chartFigure("degree")},
	{"tie-change", "Tie change by sector pair", chartFigure("change")},
	{"firsts", "Who has met whom, over time", chartFigure("firsts")},
	{"attendance", "Attendance at forum meetings", diagramFigure("attendance")},
	{"retention", "Retention of forum members by sector", chartFigure("retention")},
	{"trend-voice", "Sector voice in attendance against the key, per quarter", func(ctx context.Context, a *Analysis) (*Figure, error) {
		o := DefaultChart("trends")
		o.Indicator = "voice_gap"
		c, err := BuildChart(ctx, a, o)
		return &Figure{Chart: c}, err
	}},
}

// ReportFolder receives the files of the report: the caller writes each
// one (atomically, into the report folder) with write. Names are
// slash-separated and relative to the folder.
type ReportFolder interface {
	WriteFile(name string, write func(io.Writer) error) error
}

// ReportPart is one written part of the report, or a skipped one.
type ReportPart struct {
	Name, Title string
	Files       []string // slash-separated, relative to the report folder
	Skipped     string   // why, when nothing was written
}

// Report is what WriteReport wrote.
type Report struct {
	Figures, Tables []ReportPart
}

// FigureFiles and TableFiles count the files written.
func (r *Report) FigureFiles() int { return countFiles(r.Figures) }

// TableFiles counts the table files written.
func (r *Report) TableFiles() int { return countFiles(r.Tables) }

func countFiles(ps []ReportPart) int {
	n := 0
	for _, p := range ps {
		n += len(p.Files)
	}
	return n
}

// ReportSteps is the number of steps WriteReport reports progress for.
func ReportSteps() int { return len(ReportFigures) + len(ReportTables) + 1 }

// WriteReport writes the report of a into folder: every figure of
// ReportFigures as figures/NAME.svg and .png, every table of ReportTables
// as tables/PART-TABLE.csv, .md and .tex, and report.md with the
// headlines, linking them all. Parts the dataset cannot give are listed
// as skipped with the reason. progress, when not nil, is called before
// each step with its number (from 1), the number of steps and the file.
func WriteReport(ctx context.Context, a *Analysis, folder ReportFolder, progress func(step, total int, what string)) (*Report, error) {
	total, step := ReportSteps(), 0
	prog := func(what string) {
		step++
		if progress != nil {
			progress(step, total, what)
		}
	}
	r := &Report{}
	for _, rf := range ReportFigures {
		prog("figures/" + rf.Name)
		p := ReportPart{Name: rf.Name, Title: rf.Title}
		fig, err := rf.Figure(ctx, a)
		for _, ext := range []FigureFormat{FigureSVG, FigurePNG} {
			if err == nil {
				name := "figures/" + rf.Name + "." + string(ext)
				err = folder.WriteFile(name, func(w io.Writer) error { return a.WriteFigure(ctx, w, fig, ext) })
				if err == nil {
					p.Files = append(p.Files, name)
				}
			}
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				p.Skipped = skipReason(err)
				break
			}
		}
		r.Figures = append(r.Figures, p)
	}
	for _, rt := range ReportTables {
		prog("tables/" + rt.Name)
		p := ReportPart{Name: rt.Name, Title: rt.Title}
		v, err := rt.Tables(ctx, a)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			p.Skipped = skipReason(err)
			r.Tables = append(r.Tables, p)
			continue
		}
		seen := map[string]int{}
		for _, tb := range v.Tables {
			base := rt.Name + "-" + tb.Name
			seen[base]++
			if seen[base] > 1 {
				base = fmt.Sprintf("%s-%d", base, seen[base])
			}
			for _, f := range []Format{FormatCSV, FormatMD, FormatTeX} {
				name := "tables/" + base + "." + string(f)
				if err := folder.WriteFile(name, func(w io.Writer) error { return tb.Write(w, f) }); err != nil {
					return nil, err
				}
				p.Files = append(p.Files, name)
			}
		}
		r.Tables = append(r.Tables, p)
	}
	prog("report.md")
	hs, err := Headlines(ctx, a)
	if err != nil {
		return nil, err
	}
	err = folder.WriteFile("report.md", func(w io.Writer) error { return writeReportMD(w, a, hs, r) })
	return r, err
}

// skipReason is the one-line reason a part could not be made.
func skipReason(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}

// writeReportMD writes report.md: the headline numbers, then every
// figure and table with links.
func writeReportMD(w io.Writer, a *Analysis, headlines []string, r *Report) error {
	d := a.Dataset
	var b strings.Builder
	source := "the embedded sample dataset (synthetic, modelled on Israel's cross-sector volunteering initiative)"
	if a.Source() != "" {
		source = "`" + a.Source() + "`"
	}
	b.WriteString("# Cross-sector network report\n\n")
	fmt.Fprintf(&b, "Made by `sectornet report` from %s: %d organizations in %d sectors, %d forums, %d meetings, %d survey %s.\n\n",
		source, len(d.Orgs), len(d.Sectors), len(d.Forums), len(d.Meetings), len(d.Waves()), plural(len(d.Waves()), "wave", "waves"))
	b.WriteString("## Headlines\n\n")
	for _, h := range headlines {
		b.WriteString("- " + h + "\n")
	}
	if len(d.Waves()) > 0 {
		// The data-quality section: the survey's response, the agreement
		// of its reports, the missing data and their treatment.
		q := a.Quality("", graph.MissingReconstruct)
		b.WriteString("\n## Survey data quality\n\n")
		for _, it := range DataQuality(d, q, graph.RuleMax, graph.MissingReconstruct) {
			b.WriteString("- " + MarkdownText(it) + "\n")
		}
		b.WriteString("\nFor the methods section: " + MarkdownText(MethodsParagraph(d, q, graph.RuleMax, graph.MissingReconstruct)) + "\n")
	}
	b.WriteString("\n## Figures\n\nEach figure is in SVG (for the web and for editing; hover a node for its full name) and PNG (for slides and documents).\n\n")
	for _, f := range r.Figures {
		if f.Skipped != "" {
			fmt.Fprintf(&b, "### %s\n\nSkipped: %s\n\n", f.Title, EscapeMarkdown(f.Skipped))
			continue
		}
		fmt.Fprintf(&b, "### %s\n\n![%s](%s)\n\n", f.Title, f.Title, f.Files[len(f.Files)-1])
		var links []string
		for _, p := range f.Files {
			links = append(links, fmt.Sprintf("[%s](%s)", strings.ToUpper(strings.TrimPrefix(path.Ext(p), ".")), p))
		}
		b.WriteString(strings.Join(links, " · ") + "\n\n")
	}
	b.WriteString("## Tables\n\nEvery table in CSV (for spreadsheets, R, pandas), Markdown and LaTeX (booktabs, for papers).\n\n")
	for _, t := range r.Tables {
		fmt.Fprintf(&b, "### %s\n\n", t.Title)
		if t.Skipped != "" {
			fmt.Fprintf(&b, "Skipped: %s\n\n", EscapeMarkdown(t.Skipped))
			continue
		}
		for i := 0; i+2 < len(t.Files); i += 3 {
			name := strings.TrimSuffix(path.Base(t.Files[i]), ".csv")
			fmt.Fprintf(&b, "- %s: [CSV](%s) · [Markdown](%s) · [LaTeX](%s)\n", name, t.Files[i], t.Files[i+1], t.Files[i+2])
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Headlines are report.md's first lines: what the backbone staff asked
// for (balance breaches, E-I index, top brokers, new cross-sector ties,
// the forum effect), each from the analysis with the commands' defaults.
func Headlines(ctx context.Context, a *Analysis) ([]string, error) {
	d := a.Dataset
	var hs []string
	if len(d.Forums) > 0 && len(d.Quotas) > 0 {
		bal := a.Balance(nil)
		bs := graph.Breaches(bal, graph.DefaultTolerance)
		forums := map[int]bool{}
		for _, x := range bs {
			forums[x.Forum] = true
		}
		points := fmt.Sprintf("%.0f", 100*graph.DefaultTolerance)
		if len(bs) == 0 {
			hs = append(hs, fmt.Sprintf("**Sector balance:** every forum is within %s points of its representation key (%d forums).", points, len(d.Forums)))
		} else {
			var ex []string
			for _, x := range bs[:min(3, len(bs))] {
				ex = append(ex, BreachMessage(d, bal, x))
			}
			hs = append(hs, fmt.Sprintf("**Sector balance:** %d %s of the representation key (%s-point tolerance) in %d of %d forums, e.g. %s. See `sectornet balance --check`.",
				len(bs), plural(len(bs), "breach", "breaches"), points, len(forums), len(d.Forums), strings.Join(ex, "; ")))
		}
	}
	spec := graph.NetworkSpec{}
	g, err := a.Network(spec)
	if err == nil && len(d.Sectors) > 1 {
		ei := graph.EIIndex(g, graph.SectorGroups(d))
		if !math.IsNaN(ei.Index) {
			hs = append(hs, fmt.Sprintf("**Mixing:** E-I index %.2f over shared forums: %d ties across sectors, %d within (-1: all within a sector, +1: all across).",
				ei.Index, ei.External, ei.Internal))
		}
		pc, err := a.Paths(ctx, spec, graph.PathsHops)
		if err != nil {
			return nil, err
		}
		br, err := a.Brokerage(spec)
		if err != nil {
			return nil, err
		}
		bet := pc.Betweenness
		var top []string
		for _, i := range topK(bet, nil, 3) {
			if bet[i] > 0 {
				top = append(top, fmt.Sprintf("%s (%s; betweenness %.3g, %d brokerage roles)", d.Orgs[i].Name, d.Orgs[i].Sector, bet[i], br[i].Total()))
			}
		}
		if len(top) > 0 {
			hs = append(hs, "**Top brokers:** "+strings.Join(top, "; ")+".")
		}
	}
	h, err := coreHeadline(ctx, a)
	if err != nil {
		return nil, err
	}
	if h != "" {
		hs = append(hs, h)
	}
	if h := engagementHeadline(d); h != "" {
		hs = append(hs, h)
	}
	ws := d.Waves()
	if len(ws) > 0 {
		last := ws[len(ws)-1]
		r := graph.ResponseRates(d)[len(ws)-1]
		h := fmt.Sprintf("**Survey response %s:** %d of %d organizations answered (%.0f%%; respondents from %s)", last, r.All.Responded, r.All.Orgs, 100*r.All.Rate, RespondentSource(r.Inferred))
		low, lowRate := -1, math.Inf(1)
		for k, c := range r.Sectors {
			if c.Orgs > 0 && c.Rate < lowRate {
				low, lowRate = k, c.Rate
			}
		}
		if low >= 0 && lowRate < r.All.Rate-0.1 {
			h += fmt.Sprintf("; least among %s, %d of %d (%.0f%%), whose ties are known mostly from their partners' reports", d.Sectors[low].Name(), r.Sectors[low].Responded, r.Sectors[low].Orgs, 100*lowRate)
		}
		hs = append(hs, h+". See the survey tables.")
	}
	if len(ws) >= 2 {
		from, to, _ := graph.WavePair(d, "", "")
		c, err := a.Change(ctx, graph.ChangeOptions{From: from, To: to, Universe: DefaultChange.Universe, Permutations: DefaultChange.Permutations, Seed: DefaultChange.Seed})
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err == nil {
			sens, sensEffect := "", ""
			if cs, err := a.ChangeSensitivity(ctx, graph.ChangeOptions{From: from, To: to}); err == nil {
				sens = "  \n  *" + MarkdownText(ChangeSensitivityLine(cs, graph.RuleMax)) + "*"
				sensEffect = "  \n  *" + MarkdownText(ForumEffectSensitivityLine(cs, graph.RuleMax)) + "*"
			} else if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			hs = append(hs, fmt.Sprintf("**New ties %s to %s:** %d new collaboration ties, %d of them across sectors; %d kept, %d dissolved.",
				from, to, c.All.New, c.NewCrossSector, c.All.Kept, c.All.Dissolved)+sens)
			n := graph.NonrespondentNewTies(d, from, to, "", graph.RuleMax, graph.MissingReconstruct)
			effect := "**Forum effect:** " + headline(c)
			if n.Nonrespondent > 0 {
				effect += fmt.Sprintf(" %d of the %d new ties join an organization that did not answer the %s survey: some may be old ties nobody reported.", n.Nonrespondent, n.New, from)
			}
			hs = append(hs, effect+sensEffect)
			if fit, err := a.ForumModelFit(ctx, c, graph.TieSelection{}, DefaultQAPPermutations, DefaultSeed); err == nil {
				hs = append(hs, "**Forum effect, dyadic model:** "+ForumModelHeadline(fit, from, to))
			} else if ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
	}
	return hs, nil
}

// coreHeadline is report.md's core/periphery line: the core's size and
// fit, whether it is more than chance, and the sectors with the smallest
// and largest shares in it. "" when the forum network has no split.
func coreHeadline(ctx context.Context, a *Analysis) (string, error) {
	d := a.Dataset
	spec := graph.NetworkSpec{}
	g, err := a.Network(spec)
	if err != nil || len(d.Sectors) < 2 {
		return "", nil
	}
	cp, err := a.CorePartition(ctx, spec, 0, DefaultSeed)
	if err != nil || cp.CoreSize == 0 {
		return "", ctx.Err()
	}
	test, err := a.CoreTest(ctx, spec, cp, 0, DefaultCorePermutations, DefaultSeed)
	if err != nil {
		return "", ctx.Err()
	}
	coreness, _ := graph.Coreness(g)
	by := graph.CoreBySector(graph.SectorGroups(d), cp.Core, coreness, graph.CoreNumbers(g))
	lo, hi := -1, -1
	for k, x := range by {
		if x.Orgs == 0 {
			continue
		}
		if lo < 0 || x.ShareInCore < by[lo].ShareInCore {
			lo = k
		}
		if hi < 0 || x.ShareInCore > by[hi].ShareInCore {
			hi = k
		}
	}
	chance := fmt.Sprintf("more than chance: p = %.2g against 100 random networks as dense", test.P)
	if test.P >= 0.05 {
		chance = fmt.Sprintf("no clearer than in random networks as dense (p = %.2g)", test.P)
	}
	share := func(k int) string {
		return fmt.Sprintf("%s, %d of %d (%.0f%%)", MarkdownText(d.Sectors[k].Name()), by[k].InCore, by[k].Orgs, 100*by[k].ShareInCore)
	}
	return fmt.Sprintf("**Core and periphery:** %d of %d organizations form the core of the forum network (fit %.2f, %s); the smallest share in it is %s, the largest %s. See `sectornet core`.",
		cp.CoreSize, g.N(), cp.Fit, chance, share(lo), share(hi)), nil
}

// engagementHeadline says who is drifting away: seats filled, lapsed
// members by name, and whether retention differs between sectors.
func engagementHeadline(d *graph.Dataset) string {
	if len(d.Meetings) == 0 || len(d.Memberships) == 0 {
		return ""
	}
	e := graph.Engage(d, graph.DefaultEngagement)
	var seats graph.AttendanceCounts
	var lapsed []string // the first lapsed member of up to three forums
	named := map[int]bool{}
	for _, w := range e.Watch {
		if w.Kind == graph.WatchLapsed && len(lapsed) < 3 && !named[w.Forum] {
			named[w.Forum] = true
			lapsed = append(lapsed, MarkdownText(d.Orgs[w.Org].Name)+" in "+MarkdownText(d.Forums[w.Forum].ID))
		}
	}
	n := 0
	for _, me := range e.Members {
		seats.Held += me.Held
		seats.Attended += me.Attended
		if me.Tier == graph.TierLapsed {
			n++
		}
	}
	if seats.Held == 0 {
		return ""
	}
	h := fmt.Sprintf("**Engagement:** members came to %.0f%% of the meetings they could attend; %d %s lapsed (none of their forum's last %d meetings)",
		100*seats.Rate(), n, plural(n, "member has", "members have"), e.Options.Recent)
	if len(lapsed) > 0 {
		h += ", e.g. " + strings.Join(lapsed, "; ")
	}
	r := graph.Retain(d, e, graph.RetentionMeetings)
	if lr := r.LogRank; !math.IsNaN(lr.P) {
		h += fmt.Sprintf(". Retention differs between sectors with log-rank p = %.2g", lr.P)
	}
	return h + ". See `sectornet engagement --check`."
}
