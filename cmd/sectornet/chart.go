package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type chartOptions struct {
	dir      string
	kind     string
	output   string
	format   string
	width    float64 // cm; 0 for the default
	height   float64 // cm; 0 for the default
	fontSize float64 // pt
	dpi      int
	title    string
	measure  string
	top      int
	from, to string
	// retention and trends charts
	unit, period, indicator string
	net                     networkFlags
	set                     map[string]bool
}

func newChartCmd(s *streams) *cobra.Command {
	var o chartOptions
	cmd := &cobra.Command{
		Use:   "chart [DIR]",
		Short: "Draw a chart for a paper or a report (SVG, PNG or PDF)",
		Long: `Draw a chart with gonum/plot. Kinds:

  balance     each forum's sector shares as a stacked bar, with black marks
              where the representation key's cumulative target shares end;
              above 30 forums, the --top most unbalanced (largest gap of a
              sector from its target, or from its share of all seats)
  balance-gaps  a dot plot of every forum's gap per sector, for any number
              of forums
  centrality  the top --top organizations by --measure, coloured by sector
  degree      the degree distribution: organizations per number of partners
  change      new, dissolved and kept collaboration ties per sector pair
              between two waves (--from, --to; default the last two)
  firsts      cumulative pairs of organizations that have met at a meeting,
              and of those from different sectors, over meeting dates
  retention   Kaplan-Meier curves per sector of forum members still coming
              (see 'sectornet engagement'), in --unit meetings or days
  trends      one --indicator per --period (see 'sectornet engagement')

The format comes from the file's extension or --format. Charts fit a journal
column (8.5 cm wide, 8 pt text) unless --width, --height (cm) or --font-size
(pt) say otherwise; PDF and PNG carry their text as outlines and a fixed PDF
date, so the same input gives the same bytes.`,
		Example: `  sectornet chart --kind balance -o balance.pdf
  sectornet chart mydata --kind centrality --measure pagerank --top 20 -o top.svg
  sectornet chart mydata --kind degree --basis meetings -o degree.png --width 12 --font-size 10`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.set = map[string]bool{}
			cmd.Flags().Visit(func(f *pflag.Flag) { o.set[f.Name] = true })
			return runChart(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.kind, "kind", "", "what to draw: "+strings.Join(out.ChartKinds, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write to this file (its extension gives the format); standard output when --format is given without it")
	f.StringVar(&o.format, "format", "", "svg, png or pdf (default: from the file's extension)")
	f.Float64Var(&o.width, "width", 0, "width in cm (default 8.5, one journal column)")
	f.Float64Var(&o.height, "height", 0, "height in cm (default 6, taller for many bars)")
	f.Float64Var(&o.fontSize, "font-size", 8, "text size in points")
	f.IntVar(&o.dpi, "dpi", out.DefaultDPI, "PNG resolution in dots per inch at the chart's size (at most 4000 pixels a side)")
	f.StringVar(&o.title, "title", "", "the chart's title (default: the kind's)")
	f.StringVar(&o.measure, "measure", "betweenness", "centrality chart: betweenness, degree, strength, pagerank or eigenvector")
	f.IntVar(&o.top, "top", 15, "centrality chart: organizations shown; balance chart: forums shown when there are more than 30 (the most unbalanced)")
	f.StringVar(&o.from, "from", "", "change chart: the earlier wave")
	f.StringVar(&o.to, "to", "", "change chart: the later wave")
	f.StringVar(&o.unit, "unit", "meetings", "retention chart: time in meetings or days")
	f.StringVar(&o.period, "period", "quarter", "trends chart: quarter, half, year, waves or all")
	f.StringVar(&o.indicator, "indicator", "attendances", "trends chart: "+trendIndicatorNames())
	o.net.add(cmd)
	return cmd
}

func runChart(ctx context.Context, s *streams, o chartOptions) error {
	if o.kind == "" {
		return usageErr(fmt.Errorf("give --kind (%s)", strings.Join(out.ChartKinds, ", ")))
	}
	if !slices.Contains(out.ChartKinds, o.kind) {
		return usageErr(fmt.Errorf("unknown chart kind %q (want %s)", o.kind, strings.Join(out.ChartKinds, ", ")))
	}
	f, err := figureFormat(o.format, o.output, false)
	if err != nil {
		return err
	}
	if o.width < 0 || o.height < 0 || o.fontSize <= 0 {
		return usageErr(errors.New("--width and --height must be positive (cm), --font-size positive (pt)"))
	}
	if !slices.Contains(sizeMeasures, o.measure) || o.measure == "none" {
		return usageErr(fmt.Errorf("unknown measure %q (want betweenness, degree, strength, pagerank or eigenvector)", o.measure))
	}
	if o.top < 1 {
		return usageErr(errors.New("--top must be 1 or more"))
	}
	if o.dpi < 10 || o.dpi > 2400 {
		return usageErr(fmt.Errorf("--dpi %d: want 10 to 2400", o.dpi))
	}
	if _, err := o.net.spec(); err != nil {
		return err
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	c, err := buildChart(ctx, d, o)
	if err != nil {
		return err
	}
	sz := out.DefaultChartSize(c)
	if o.width > 0 {
		sz.Width = o.width * out.Centimetre
	}
	if o.height > 0 {
		sz.Height = o.height * out.Centimetre
	}
	sz.FontSize = o.fontSize
	sz.DPI = o.dpi
	if o.title != "" {
		c.Title = o.title
	}
	return writeOutput(s, o.output, func(w io.Writer) error { return out.WriteChart(w, c, f, sz) })
}

// buildChart computes what chart o asks for.
func buildChart(ctx context.Context, d *graph.Dataset, o chartOptions) (*out.Chart, error) {
	switch o.kind {
	case "balance":
		if len(d.Quotas) == 0 && len(d.Forums) == 0 {
			return nil, usageErr(errors.New("the balance chart needs forums.csv and participation.csv"))
		}
		b := graph.SectorBalances(d, nil)
		if len(b.Forums) > out.ManyForums {
			return out.BalanceTopChart(d, b, o.top), nil
		}
		return out.BalanceChart(d, b), nil
	case "balance-gaps":
		if len(d.Forums) == 0 {
			return nil, usageErr(errors.New("the balance-gaps chart needs forums.csv and participation.csv"))
		}
		return out.BalanceGapsChart(d, graph.SectorBalances(d, nil)), nil
	case "retention", "trends":
		if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
			return nil, usageErr(fmt.Errorf("the %s chart needs forums with members and meetings (participation.csv, meetings.csv, attendance.csv)", o.kind))
		}
		if o.kind == "retention" {
			unit, err := graph.ParseRetentionUnit(o.unit)
			if err != nil {
				return nil, usageErr(fmt.Errorf("--unit %q: want meetings or days", o.unit))
			}
			return out.RetentionChart(d, graph.Retain(d, graph.Engage(d, graph.DefaultEngagement), unit)), nil
		}
		period, err := graph.ParsePeriod(o.period)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--period %q: want quarter, half, year, waves or all", o.period))
		}
		trends, err := graph.Trends(d, period)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--period waves: %v", err))
		}
		c, err := out.TrendChart(d, trends, o.indicator)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--indicator %q: want %s", o.indicator, trendIndicatorNames()))
		}
		return c, nil
	case "firsts":
		if len(d.Meetings) == 0 {
			return nil, usageErr(errors.New("the firsts chart needs meetings.csv and attendance.csv"))
		}
		return out.FirstsChart(d, graph.FirstMeetings(d)), nil
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
		rule, missing, err := o.net.survey.parse()
		if err != nil {
			return nil, err
		}
		c, err := graph.CompareWaves(ctx, d, graph.ChangeOptions{From: pairs[0][0], To: pairs[0][1], Type: o.net.tieType, Rule: rule, Missing: missing})
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			return nil, usageErr(err)
		}
		return out.ChangeChart(d, c), nil
	}
	g, _, err := o.net.build(d)
	if err != nil {
		return nil, err
	}
	if o.kind == "degree" {
		return out.DegreeChart(g), nil
	}
	if o.measure == "betweenness" && g.N() > 2000 {
		// For the top organizations, sampled betweenness ranks them as
		// the exact one does, far faster (see BENCHMARKS.md).
		v, err := brokerBetweenness(ctx, g)
		if err != nil {
			return nil, err
		}
		c := out.CentralityChart(d, v, "betweenness", o.top)
		note := fmt.Sprintf("Betweenness sampled (Riondato and Kornaropoulos; each value within ±%g with probability 0.9) for %d organizations.", rankEpsilon, g.N())
		if c.Note != "" {
			note = c.Note + " " + note
		}
		c.Note = note
		return c, nil
	}
	v, name, err := sizeBy(g, o.measure)
	if err != nil {
		return nil, err
	}
	return out.CentralityChart(d, v, name, o.top), nil
}

func trendIndicatorNames() string {
	var ns []string
	for _, t := range out.TrendIndicators {
		ns = append(ns, t.Name)
	}
	return strings.Join(ns, ", ")
}
