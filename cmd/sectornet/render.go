package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// renderFlags are the flags of render that choose the diagram.
type renderFlags struct {
	do          out.DiagramOptions // the flags that are the diagram's options as they are
	labels, org string
	net         networkFlags
	bb          backboneFlags
	given       func(name string) bool // the flag was given
}

func newRenderCmd(s *streams) *cobra.Command {
	var o renderFlags
	var output, format string
	var allTies bool // read as given("all-ties")
	var dpi int
	var pdfText out.PDFText
	cmd := &cobra.Command{
		Use:     "render [DIR]",
		Short:   "Draw the network as a diagram (SVG, PNG, PDF or Graphviz DOT)",
		Long:    helpLong("render"),
		Example: helpExample("render"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.given = cmd.Flags().Changed
			f, err := figureFormat(format, output, true)
			if err != nil {
				return err
			}
			if err := o.check(); err != nil {
				return err
			}
			ctx := cmd.Context()
			a, err := loadAnalysis(ctx, s, datasetDir(args))
			if err != nil {
				return err
			}
			do, err := o.diagram(a.Dataset)
			if err != nil {
				return err
			}
			dg, err := out.BuildDiagram(ctx, a, do)
			if err != nil {
				return flagWaves(err)
			}
			dg.DPI, dg.PDFText = dpi, pdfText
			if do.Title != "" {
				dg.Title, dg.Legend.Heading = do.Title, do.Title
			}
			fig := &out.Figure{Diagram: dg}
			return writeOutput(ctx, s, output, func(w io.Writer) error { return a.WriteFigure(ctx, w, fig, f) })
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.do.View, "view", "network", "what to draw: "+strings.Join(out.Views, ", "))
	f.StringVarP(&output, "output", "o", "", "write to this file (its extension gives the format); standard output when --format is given without it")
	f.StringVar(&format, "format", "", "svg, png, pdf or dot (default: from the file's extension)")
	f.StringVar(&o.do.Layout, "layout", "", "Graphviz layout: "+strings.Join(out.Layouts, ", ")+" (default: neato, sfdp above 1000 organizations; circo for sectors, twopi for ego)")
	f.IntVar(&o.do.Seed, "seed", out.DefaultSeed, "layout seed")
	f.StringVar(&o.labels, "labels", "auto", "organizations labelled: auto (all up to 60, else the 30 largest), all, none or a number")
	o.net.add(cmd)
	f.StringVar(&o.do.Size, "size", "betweenness", "size organizations by: "+strings.Join(out.SizeMeasures, ", "))
	o.bb.add(cmd, "backbone", "auto")
	f.Float64Var(&o.do.MinWeight, "min-weight", 0, "network view: draw only ties of at least this weight")
	f.IntVar(&o.do.Top, "top", 0, "network view: draw only the N heaviest ties; brokers: brokers drawn (15); forums: forums drawn (25)")
	f.BoolVar(&allTies, "all-ties", false, "network view: draw every tie")
	f.StringVar(&o.org, "org", "", "ego view: the organization's id")
	f.IntVar(&o.do.Depth, "depth", out.DefaultDepth, "ego view: neighbourhood depth, 1 or 2")
	f.StringVar(&o.do.From, "from", "", "change view: the earlier wave (default: the last but one)")
	f.StringVar(&o.do.Period, "period", "quarter", "attendance view above 300 seats: quarter, half, year, waves or all")
	f.StringVar(&o.do.To, "to", "", "change view: the later wave (default: the last)")
	f.StringVar(&o.do.Title, "title", "", "the diagram's title (default: the view's)")
	addPDFText(f, &pdfText)
	f.IntVar(&dpi, "dpi", out.DefaultDPI, "PNG resolution in dots per inch, at the diagram's drawn size or, when it is wider, printed 17.8 cm wide (at most 4000 pixels a side)")
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

// diagram turns the flags into the options of the diagram.
func (o *renderFlags) diagram(d *graph.Dataset) (out.DiagramOptions, error) {
	spec, err := o.net.spec()
	if err != nil {
		return out.DiagramOptions{}, err
	}
	labels, err := o.labelCount()
	if err != nil {
		return out.DiagramOptions{}, err
	}
	test, err := o.bb.spec()
	if err != nil {
		return out.DiagramOptions{}, err
	}
	do := o.do
	do.Labels, do.Network, do.Test, do.Org = labels, spec, test, -1
	do.FixedView = o.given("all-ties") || o.given("backbone") || o.given("min-weight") || o.given("top")
	if !o.given("top") {
		do.Top = 0
	}
	switch {
	case o.given("all-ties"):
		do.Backbone = out.BackboneAll
	case o.given("min-weight"):
		do.Backbone = out.BackboneMinWeight
	case o.given("top"):
		do.Backbone = out.BackboneTop
	case o.given("backbone") || o.given("alpha") || o.given("correction"):
		do.Backbone = out.BackboneTest
	}
	if do.View == "ego" {
		if do.Org, err = orgIndex(d, "--org", o.org); err != nil {
			return out.DiagramOptions{}, err
		}
	}
	return do, nil
}

// check validates the flags that need no dataset.
func (o *renderFlags) check() error {
	if !slices.Contains(out.Views, o.do.View) {
		return usageErr(fmt.Errorf("unknown view %q (want %s)", o.do.View, strings.Join(out.Views, ", ")))
	}
	if o.do.Layout != "" && !slices.Contains(out.Layouts, o.do.Layout) {
		return usageErr(fmt.Errorf("unknown layout %q (want %s)", o.do.Layout, strings.Join(out.Layouts, ", ")))
	}
	if !slices.Contains(out.SizeMeasures, o.do.Size) {
		return usageErr(fmt.Errorf("unknown size measure %q (want %s)", o.do.Size, strings.Join(out.SizeMeasures, ", ")))
	}
	if _, err := o.labelCount(); err != nil {
		return err
	}
	n := 0
	for _, k := range []string{"backbone", "min-weight", "top", "all-ties"} {
		if o.given(k) {
			n++
		}
	}
	testFlag := o.given("alpha") || o.given("correction") || o.given("trials") || o.given("backbone-seed")
	if n > 1 || testFlag && (o.given("min-weight") || o.given("top") || o.given("all-ties")) {
		return usageErr(errors.New("give at most one of --backbone (with --alpha, --correction), --min-weight, --top and --all-ties"))
	}
	if o.given("top") && (o.do.View == "brokers" || o.do.View == "forums") {
		n-- // --top is how many brokers or forums are drawn
	}
	if (n > 0 || testFlag) && o.do.View != "network" {
		return usageErr(errors.New("--backbone, --alpha, --correction, --min-weight, --top and --all-ties apply to --view network"))
	}
	if _, err := o.bb.spec(); err != nil {
		return err
	}
	if o.given("top") && o.do.Top < 1 {
		return usageErr(errors.New("--top must be 1 or more"))
	}
	if o.do.View == "ego" && o.org == "" {
		return usageErr(errors.New("--view ego needs --org ID"))
	}
	if o.do.View != "change" && o.do.View != "sector-change" && (o.do.From != "" || o.do.To != "") {
		return usageErr(errors.New("--from and --to apply to --view change"))
	}
	if (o.do.View == "change" || o.do.View == "sector-change" || o.do.View == "waves") && !o.net.survey.isDefault() {
		return usageErr(fmt.Errorf("--view %s draws every report by the max rule; --symmetrize and --missing apply to the views of one network (--basis ties), and sectornet change and survey compare the rules", o.do.View))
	}
	if (o.do.View == "change" || o.do.View == "sector-change" || o.do.View == "waves") && (o.given("basis") || o.given("wave") || o.given("weight")) {
		return usageErr(errors.New("--view change draws reported ties; give --from, --to and --type instead of --basis, --weight and --wave"))
	}
	_, err := o.net.spec()
	return err
}

// labelCount returns the organizations to label: a number, -1 for all,
// out.LabelsAuto.
func (o *renderFlags) labelCount() (int, error) {
	switch o.labels {
	case "auto", "":
		return out.LabelsAuto, nil
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
