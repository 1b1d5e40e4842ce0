package out

import (
	"bytes"
	"context"
	"io"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

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
	// ReportModelMaxPairs bounds the pairs of organizations over which the
	// report fits the forum-effect model (logistic QAP, 1000 permutations
	// per coefficient): 44,850 pairs (300 organizations) take about 8 s of
	// CPU (BENCHMARKS.md), 12.5 million (5,000) about 100 s for the fit
	// alone and 10 s a permutation, hours in all. Above it the report says
	// so and names the command that fits it.
	ReportModelMaxPairs     = 50_000
	DefaultCommunityMethod  = "leiden"
	DefaultCoreRestarts     = 10  // core/periphery searches from different starts
	DefaultCorePermutations = 100 // random networks of the core/periphery test
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

// ReportFigure is one figure of the report: a diagram or a chart with its
// command's defaults, drawn of the report's network, in the section it
// belongs to.
type ReportFigure struct {
	Name, Title string
	Section     string // the ID of the report's section that shows it
	Figure      func(ctx context.Context, a *Analysis, spec graph.NetworkSpec) (*Figure, error)
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

func diagramFigure(view string) func(context.Context, *Analysis, graph.NetworkSpec) (*Figure, error) {
	return func(ctx context.Context, a *Analysis, spec graph.NetworkSpec) (*Figure, error) {
		o := DefaultDiagram(view)
		o.Network = spec
		d, err := BuildDiagram(ctx, a, o)
		return &Figure{Diagram: d}, err
	}
}

func chartFigure(kind string) func(context.Context, *Analysis, graph.NetworkSpec) (*Figure, error) {
	return func(ctx context.Context, a *Analysis, spec graph.NetworkSpec) (*Figure, error) {
		o := DefaultChart(kind)
		o.Network = spec
		c, err := BuildChart(ctx, a, o)
		return &Figure{Chart: c}, err
	}
}

// ReportFigures are the report's diagrams and charts, each shown in its
// section of report.html and report.md and written as SVG and PNG. Adding
// a figure to the report is one line here.
var ReportFigures = []ReportFigure{
	{"network", "The network of organizations", "network", diagramFigure("network")},
	{"affiliation", "Who sits in which forum", "network", diagramFigure("affiliation")},
	{"degree", "How many partners organizations have", "network", chartFigure("degree")},
	{"balance", "Sector shares of forum members against the key", "balance", chartFigure("balance")},
	{"balance-gaps", "Every forum's gap from the key, per sector", "balance", chartFigure("balance-gaps")},
	{"sectors", "Ties between sectors", "mixing", diagramFigure("sectors")},
	{"mixing", "Ties between sectors, observed against expected", "mixing", diagramFigure("mixing")},
	{"brokers", "Top brokers between sectors", "brokers", diagramFigure("brokers")},
	{"centrality", "The organizations with the highest betweenness", "brokers", chartFigure("centrality")},
	{"change", "New, kept and dissolved collaboration ties", "change", diagramFigure("change")},
	{"waves", "Collaboration ties in each wave, on one layout", "change", diagramFigure("waves")},
	{"tie-change", "Tie change by sector pair", "change", chartFigure("change")},
	{"firsts", "Who has met whom, over time", "firsts", chartFigure("firsts")},
	{"attendance", "Attendance at forum meetings", "engagement", diagramFigure("attendance")},
	{"retention", "Retention of forum members by sector", "engagement", chartFigure("retention")},
	{"trend-voice", "Sector voice in attendance against the key, per quarter", "engagement", func(ctx context.Context, a *Analysis, spec graph.NetworkSpec) (*Figure, error) {
		o := DefaultChart("trends")
		o.Network = spec
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
	Doc             *ReportDoc
}

// FigureFiles counts the figure files written.
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

// WriteReport builds the report of a (BuildReport) and writes it into
// folder: report.html (everything in one file), report.md, references.bib,
// every figure as figures/NAME.svg and .png and every table as
// tables/PART-TABLE.csv, .md and .tex. progress, when not nil, is called
// before each step with its number (from 1), the number of steps and the
// file (total is 0 while the report is being built and its figures drawn).
func WriteReport(ctx context.Context, a *Analysis, o ReportOptions, folder ReportFolder, progress func(step, total int, what string)) (*Report, error) {
	drawn := 0
	if progress != nil {
		// While the report is built its length is not known: total 0.
		o.Progress = func(what string) { drawn++; progress(drawn, 0, what) }
	}
	doc, err := BuildReport(ctx, a, o)
	if err != nil {
		return nil, err
	}
	total, step := 3, 0
	for _, s := range doc.Sections {
		total += len(s.Figures) + len(s.Tables)
	}
	prog := func(what string) {
		step++
		if progress != nil {
			progress(step, total, what)
		}
	}
	r := &Report{Doc: doc}
	pngs := drawPNGs(ctx, a, doc)
	for _, s := range doc.Sections {
		for _, f := range s.Figures {
			prog("figures/" + f.name)
			p := ReportPart{Name: f.name, Title: f.Title}
			for _, name := range f.Files {
				var write func(io.Writer) error
				switch {
				case strings.HasSuffix(name, ".svg"):
					write = func(w io.Writer) error { _, err := w.Write(f.SVG); return err }
				case f.figure != nil && strings.HasSuffix(name, ".png"):
					p := pngs[f.figure]
					write = func(w io.Writer) error {
						if p.err != nil {
							return p.err
						}
						_, err := w.Write(p.b)
						return err
					}
				default:
					continue
				}
				if err := folder.WriteFile(name, write); err != nil {
					if ctx.Err() != nil {
						return nil, ctx.Err()
					}
					return nil, err
				}
				p.Files = append(p.Files, name)
			}
			r.Figures = append(r.Figures, p)
		}
		for _, t := range s.Tables {
			prog(t.Files[0])
			p := ReportPart{Name: t.Name, Title: t.Title}
			for _, name := range t.Files {
				f := Format(strings.TrimPrefix(path.Ext(name), "."))
				if f == FormatCSV && a.opts.LiteralCSV {
					f = FormatCSVLiteral
				}
				write := func(w io.Writer) error { return t.Write(w, f) }
				if f == "xlsx" {
					write = func(w io.Writer) error { return WriteTableXLSX(w, t.Table) }
				}
				if err := folder.WriteFile(name, write); err != nil {
					return nil, err
				}
				p.Files = append(p.Files, name)
			}
			r.Tables = append(r.Tables, p)
		}
		if s.Skipped != "" {
			r.Tables = append(r.Tables, ReportPart{Name: s.ID, Title: s.Title, Skipped: s.Skipped})
		}
	}
	prog("report.html")
	if err := folder.WriteFile("report.html", func(w io.Writer) error { return WriteReportHTML(w, doc) }); err != nil {
		return nil, err
	}
	prog("report.md")
	if err := folder.WriteFile("report.md", func(w io.Writer) error { return WriteReportMarkdown(w, doc) }); err != nil {
		return nil, err
	}
	prog("references.bib")
	var ms []graph.Method
	for _, m := range doc.Methods {
		ms = append(ms, m.Method)
	}
	if err := folder.WriteFile("references.bib", func(w io.Writer) error { return WriteBibTeX(w, graph.References(ms)) }); err != nil {
		return nil, err
	}
	return r, nil
}

// drawnPNG is a figure drawn as PNG, or the error of drawing it.
type drawnPNG struct {
	b   []byte
	err error
}

// drawPNGs draws the PNG of every figure of doc on GOMAXPROCS goroutines
// (rasterizing and compressing took 3 s of the dense forum's report on
// one core), ahead of writing them in the report's order. Each figure's
// bytes are its own, so they do not depend on the number of goroutines.
func drawPNGs(ctx context.Context, a *Analysis, doc *ReportDoc) map[*Figure]drawnPNG {
	var figs []*Figure
	for _, s := range doc.Sections {
		for _, f := range s.Figures {
			if f.figure != nil {
				figs = append(figs, f.figure)
			}
		}
	}
	drawn := make([]drawnPNG, len(figs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(figs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(figs) {
					return
				}
				if err := ctx.Err(); err != nil {
					drawn[k].err = err
					continue
				}
				var buf bytes.Buffer
				drawn[k].err = a.WriteFigure(ctx, &buf, figs[k], FigurePNG)
				drawn[k].b = buf.Bytes()
			}
		}()
	}
	wg.Wait()
	m := make(map[*Figure]drawnPNG, len(figs))
	for k, f := range figs {
		m[f] = drawn[k]
	}
	return m
}

// skipReason is the one-line reason a part could not be made.
func skipReason(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
