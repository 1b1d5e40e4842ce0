package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type chartOptions struct {
	dir, output, format string
	co                  out.ChartOptions // the flags that are the chart's options as they are
	width, height       float64          // cm; 0 for the default
	fontSize            float64          // pt
	dpi                 int
	pdfText             out.PDFText
	title               string
	net                 networkFlags
}

func newChartCmd(s *streams) *cobra.Command {
	var o chartOptions
	cmd := &cobra.Command{
		Use:     "chart [DIR]",
		Short:   "Draw a chart for a paper or a report (SVG, PNG or PDF)",
		Long:    helpLong("chart"),
		Example: helpExample("chart"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runChart(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.co.Kind, "view", "", "what to draw: "+strings.Join(out.ChartKinds, ", ")+" (formerly --kind, which still works; --kind is a forums' kind elsewhere)")
	f.StringVarP(&o.output, "output", "o", "", "write to this file (its extension gives the format); standard output when --format is given without it")
	f.StringVar(&o.format, "format", "", "svg, png or pdf (default: from the file's extension)")
	f.Float64Var(&o.width, "width", 0, "width in cm (default 8.5, one journal column)")
	f.Float64Var(&o.height, "height", 0, "height in cm (default 6, taller for many bars)")
	f.Float64Var(&o.fontSize, "font-size", 8, "text size in points")
	f.IntVar(&o.dpi, "dpi", out.DefaultDPI, "PNG resolution in dots per inch at the chart's size (at most 4000 pixels a side)")
	addPDFText(f, &o.pdfText)
	f.StringVar(&o.title, "title", "", "the chart's title (default: the kind's)")
	f.StringVar(&o.co.Measure, "measure", "betweenness", "centrality chart: betweenness, degree, strength, pagerank or eigenvector")
	f.IntVar(&o.co.Top, "top", out.DefaultChartTop, "centrality chart: organizations shown; balance chart: forums shown when there are more than 30 (the most unbalanced)")
	f.StringVar(&o.co.From, "from", "", "change chart: the earlier wave")
	f.StringVar(&o.co.To, "to", "", "change chart: the later wave")
	f.StringVar(&o.co.Unit, "unit", "meetings", "retention chart: time in meetings or days")
	f.StringVar(&o.co.Period, "period", "quarter", "trends chart: quarter, half, year, waves or all")
	f.StringVar(&o.co.Indicator, "indicator", "attendances", "trends chart: "+out.TrendIndicatorNames())
	o.net.add(cmd)
	renamedFlags(cmd, map[string]string{"kind": "view"})
	return cmd
}

func runChart(ctx context.Context, s *streams, o chartOptions) error {
	if o.co.Kind == "" {
		return usageErr(fmt.Errorf("give --view (%s)", strings.Join(out.ChartKinds, ", ")))
	}
	if !slices.Contains(out.ChartKinds, o.co.Kind) {
		return usageErr(fmt.Errorf("unknown chart kind %q (want %s)", o.co.Kind, strings.Join(out.ChartKinds, ", ")))
	}
	f, err := figureFormat(o.format, o.output, false)
	if err != nil {
		return err
	}
	if !slices.Contains(out.SizeMeasures, o.co.Measure) || o.co.Measure == "none" {
		return usageErr(fmt.Errorf("unknown measure %q (want betweenness, degree, strength, pagerank or eigenvector)", o.co.Measure))
	}
	spec, err := o.net.spec()
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	co := o.co
	co.Network = spec
	c, err := out.BuildChart(ctx, a, co)
	if err != nil {
		return flagWaves(err)
	}
	sz := out.DefaultChartSize(c)
	if o.width > 0 {
		sz.Width = o.width * out.Centimetre
	}
	if o.height > 0 {
		sz.Height = o.height * out.Centimetre
	}
	sz.FontSize = o.fontSize
	sz.DPI, sz.PDFText = o.dpi, o.pdfText
	if o.title != "" {
		c.Title = o.title
	}
	return writeOutput(ctx, s, o.output, func(w io.Writer) error { return out.WriteChart(w, c, f, sz) })
}
