package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

func newChartCmd(s *streams) *cobra.Command {
	var co out.ChartOptions // the flags that are the chart's options as they are
	var sz out.ChartSize    // the flags that are the chart's size as they are
	var output, format, title string
	var width, height float64 // cm; 0 for the default
	var net networkFlags
	cmd := &cobra.Command{
		Use:     "chart [DIR]",
		Short:   "Draw a chart for a paper or a report (SVG, PNG or PDF)",
		Long:    helpLong("chart"),
		Example: helpExample("chart"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if co.Kind == "" {
				return usageErr(fmt.Errorf("give --view (%s)", strings.Join(out.ChartKinds, ", ")))
			}
			if !slices.Contains(out.ChartKinds, co.Kind) {
				return usageErr(fmt.Errorf("unknown chart kind %q (want %s)", co.Kind, strings.Join(out.ChartKinds, ", ")))
			}
			f, err := figureFormat(format, output, false)
			if err != nil {
				return err
			}
			if !slices.Contains(out.SizeMeasures, co.Measure) || co.Measure == "none" {
				return usageErr(fmt.Errorf("unknown measure %q (want betweenness, degree, strength, pagerank or eigenvector)", co.Measure))
			}
			if co.Network, err = net.spec(); err != nil {
				return err
			}
			ctx := cmd.Context()
			a, err := loadAnalysis(ctx, s, datasetDir(args))
			if err != nil {
				return err
			}
			c, err := out.BuildChart(ctx, a, co)
			if err != nil {
				return flagWaves(err)
			}
			size := out.DefaultChartSize(c)
			if width > 0 {
				size.Width = width * out.Centimetre
			}
			if height > 0 {
				size.Height = height * out.Centimetre
			}
			size.FontSize, size.DPI, size.PDFText = sz.FontSize, sz.DPI, sz.PDFText
			if title != "" {
				c.Title = title
			}
			return writeOutput(ctx, s, output, func(w io.Writer) error { return out.WriteChart(w, c, f, size) })
		},
	}
	f := cmd.Flags()
	f.StringVar(&co.Kind, "view", "", "what to draw: "+strings.Join(out.ChartKinds, ", ")+" (formerly --kind, which still works; --kind is a forums' kind elsewhere)")
	f.StringVarP(&output, "output", "o", "", "write to this file (its extension gives the format); standard output when --format is given without it")
	f.StringVar(&format, "format", "", "svg, png or pdf (default: from the file's extension)")
	f.Float64Var(&width, "width", 0, "width in cm (default 8.5, one journal column)")
	f.Float64Var(&height, "height", 0, "height in cm (default 6, taller for many bars)")
	f.Float64Var(&sz.FontSize, "font-size", 8, "text size in points")
	f.IntVar(&sz.DPI, "dpi", out.DefaultDPI, "PNG resolution in dots per inch at the chart's size (at most 4000 pixels a side)")
	addPDFText(f, &sz.PDFText)
	f.StringVar(&title, "title", "", "the chart's title (default: the kind's)")
	f.StringVar(&co.Measure, "measure", "betweenness", "centrality chart: betweenness, degree, strength, pagerank or eigenvector")
	f.IntVar(&co.Top, "top", out.DefaultChartTop, "centrality chart: organizations shown; balance chart: forums shown when there are more than 30 (the most unbalanced)")
	f.StringVar(&co.From, "from", "", "change chart: the earlier wave")
	f.StringVar(&co.To, "to", "", "change chart: the later wave")
	f.StringVar(&co.Unit, "unit", "meetings", "retention chart: time in meetings or days")
	f.StringVar(&co.Period, "period", "quarter", "trends chart: quarter, half, year, waves or all")
	f.StringVar(&co.Indicator, "indicator", "attendances", "trends chart: "+out.TrendIndicatorNames())
	net.add(cmd)
	renamedFlags(cmd, map[string]string{"kind": "view"})
	return cmd
}
