package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type exportOptions struct {
	dir, format, output string
	formatSet           bool // --format given explicitly
	net                 networkFlags
	weightSet           bool // --weight given explicitly
	mode                string
	xo                  out.ExportOptions // the flags that are the export's options as they are
	labels, paths       string
	bb                  backboneFlags
	backbone            bool // --backbone given: export the backbone's ties only
	pagerank            string
	gexf                string // --gexf-version
}

func newExportCmd(s *streams) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:     "export [DIR]",
		Short:   "Write the network for other tools: edge list, GraphML, GEXF, Pajek, UCINET DL, Kumu, DOT",
		Long:    helpLong("export"),
		Example: helpExample("export"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.weightSet = cmd.Flags().Changed("weight")
			o.formatSet = cmd.Flags().Changed("format")
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
	f.StringVar(&o.format, "format", "edgelist", "export format: "+strings.Join(out.ExportFormats, ", ")+" (default: from -o's extension, "+out.ExportExtensionList()+"; edgelist on standard output)")
	f.StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	o.net.add(cmd)
	f.StringVar(&o.mode, "mode", "one", "one (organizations) or two (organizations and forums, or meetings with --basis meetings)")
	f.BoolVar(&o.xo.Waves, "waves", false, "gexf: every wave's collaboration ties as a dynamic graph")
	f.StringVar(&o.labels, "label-by", "id", "pajek and dl: label vertices by id or name (formerly --labels, which still works; --labels is how many render labels)")
	f.StringVar(&o.paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	f.StringSliceVar(&o.xo.Measures, "measures", out.OrgMeasures, "measures to attach to organizations, comma-separated; also "+strings.Join(out.StructureMeasures, ", "))
	f.StringVar(&o.xo.Method, "method", "louvain", "community method for the community attribute: louvain or leiden")
	f.Float64Var(&o.xo.Resolution, "resolution", out.DefaultResolution, "Louvain resolution γ for the community attribute")
	f.Uint64Var(&o.xo.Seed, "seed", out.DefaultSeed, "Louvain random seed for the community attribute")
	o.bb.add(cmd, "backbone", "auto")
	pagerankFlag(cmd, &o.pagerank)
	f.StringVar(&o.gexf, "gexf-version", out.GEXF12, "gexf: GEXF version, 1.2draft (Gephi 0.8+, NetworkX 2 and 3) or 1.3 (Gephi 0.9.3+, NetworkX 3)")
	renamedFlags(cmd, map[string]string{"labels": "label-by"})
	return cmd
}

// exportFormat returns the format of an export: --format when given (and
// not at odds with -o's extension), else the one -o's extension names,
// else the edge list.
func exportFormat(format string, formatSet bool, output string) (string, error) {
	ext := strings.ToLower(filepath.Ext(output))
	byExt := out.ExportFormatOf(ext)
	switch {
	case formatSet && !slices.Contains(out.ExportFormats, format):
		return "", usageErr(fmt.Errorf("unknown export format %q (want %s)", format, strings.Join(out.ExportFormats, ", ")))
	case !formatSet && output == "":
		return format, nil
	case !formatSet && byExt != "":
		return byExt, nil
	case !formatSet && ext == "":
		return "", usageErr(fmt.Errorf("-o %s: no file extension to tell the format by; give --format (%s) or an extension (%s)", output, strings.Join(out.ExportFormats, ", "), out.ExportExtensionList()))
	case !formatSet:
		return "", usageErr(fmt.Errorf("-o %s: cannot tell the format from %q; give --format (%s) or an extension (%s)", output, ext, strings.Join(out.ExportFormats, ", "), out.ExportExtensionList()))
	case byExt != "" && byExt != format:
		return "", usageErr(fmt.Errorf("-o %s: a %s file is %s, not %s; give --format %s, or a %s file name", output, ext, byExt, format, byExt, out.ExportExtensions[format][0]))
	}
	return format, nil
}

func runExport(ctx context.Context, s *streams, o exportOptions) error {
	f, err := exportFormat(o.format, o.formatSet, o.output)
	if err != nil {
		return err
	}
	o.format = f
	var labels out.Labels
	switch o.labels {
	case "id":
	case "name":
		labels = out.LabelName
	default:
		return usageErr(fmt.Errorf("unknown --label-by %q (want id or name)", o.labels))
	}
	paths, err := graph.ParsePaths(o.paths)
	if err != nil {
		return usageErr(err)
	}
	stop, err := parsePagerank(o.pagerank)
	if err != nil {
		return err
	}
	if err := out.CheckMethod(o.xo.Method); err != nil {
		return usageErr(err)
	}
	if err := out.CheckMeasures(o.xo.Measures); err != nil {
		return usageErr(err)
	}
	switch o.gexf {
	case out.GEXF12, "1.2":
		o.gexf = out.GEXF12
	case out.GEXF13:
	default:
		return usageErr(fmt.Errorf("unknown --gexf-version %q (want 1.2draft or 1.3)", o.gexf))
	}
	if o.xo.Waves {
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
	if o.backbone && (o.mode != "one" || o.xo.Waves) {
		return usageErr(errors.New("--backbone applies to one-mode networks without --waves"))
	}
	var backbone *graph.BackboneSpec
	if o.backbone {
		backbone = &bspec
	}
	if o.mode == "two" && o.format == "edgelist" {
		return usageErr(errors.New("--format edgelist writes the one-mode network; use graphml, gexf, pajek, dl, kumu or dot for --mode two"))
	}
	twoMode, err := parseMode(o.weightSet, o.mode, spec)
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	var write func(io.Writer) error
	var warnings []string
	if o.format == "edgelist" {
		var g *graph.Network
		g, warnings, err = out.ExportNetwork(ctx, a, spec, backbone)
		write = func(w io.Writer) error { return out.WriteEdgeList(w, out.OrgIDs(a.Dataset), g, s.cells()) }
	} else {
		xo := o.xo
		xo.Network, xo.TwoMode, xo.Paths, xo.PageRank, xo.Backbone = spec, twoMode, paths, stop, backbone
		var x *out.Export
		x, warnings, err = out.BuildExport(ctx, a, xo)
		write = func(w io.Writer) error { return out.WriteExport(w, x, o.format, o.gexf, labels, s.cells()) }
	}
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(s.Err, "sectornet: %s\n", w)
	}
	return writeOutput(ctx, s, o.output, write)
}
