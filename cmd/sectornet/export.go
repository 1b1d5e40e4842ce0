package main

import (
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

func newExportCmd(s *streams) *cobra.Command {
	var xo out.ExportOptions // the flags that are the export's options as they are
	var format, output, mode, labelBy, paths, pagerank, gexf string
	var net networkFlags
	var bb backboneFlags
	cmd := &cobra.Command{
		Use:     "export [DIR]",
		Short:   "Write the network for other tools: edge list, GraphML, GEXF, Pajek, UCINET DL, Kumu, DOT",
		Long:    helpLong("export"),
		Example: helpExample("export"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			given := cmd.Flags().Changed
			backbone := given("backbone") // export the backbone's ties only
			for _, k := range []string{"alpha", "correction", "trials", "backbone-seed"} {
				if given(k) && !backbone {
					return usageErr(fmt.Errorf("--%s applies with --backbone", k))
				}
			}
			xf, err := exportFormat(format, given("format"), output) // the format written
			if err != nil {
				return err
			}
			var labels out.Labels
			switch labelBy {
			case "id":
			case "name":
				labels = out.LabelName
			default:
				return usageErr(fmt.Errorf("unknown --label-by %q (want id or name)", labelBy))
			}
			if xo.Paths, err = usage(graph.ParsePaths(paths)); err != nil {
				return err
			}
			if xo.PageRank, err = usage(graph.ParsePageRankStop(pagerank)); err != nil {
				return err
			}
			if err := out.CheckMethod(xo.Method); err != nil {
				return usageErr(err)
			}
			if err := out.CheckMeasures(xo.Measures); err != nil {
				return usageErr(err)
			}
			switch gexf {
			case out.GEXF12, "1.2":
				gexf = out.GEXF12
			case out.GEXF13:
			default:
				return usageErr(fmt.Errorf("unknown --gexf-version %q (want 1.2draft or 1.3)", gexf))
			}
			if xo.Waves {
				switch {
				case xf != "gexf":
					return usageErr(errors.New("--waves writes a dynamic graph, which only --format gexf holds"))
				case mode != "one":
					return usageErr(errors.New("--waves exports the collaboration ties, a one-mode network"))
				case net.wave != "":
					return usageErr(errors.New("--waves exports every wave; leave out --wave"))
				case net.basis != "forums" && net.basis != "ties":
					return usageErr(errors.New("--waves exports the collaboration ties (--basis ties)"))
				case !net.survey.isDefault():
					return usageErr(errors.New("--waves exports every report by the max rule; --symmetrize and --missing apply to a one-wave export (--basis ties --wave W)"))
				}
				net.basis = "ties"
			}
			if xo.Network, err = net.spec(); err != nil {
				return err
			}
			bspec, err := bb.spec()
			if err != nil {
				return err
			}
			if backbone && (mode != "one" || xo.Waves) {
				return usageErr(errors.New("--backbone applies to one-mode networks without --waves"))
			}
			if backbone {
				xo.Backbone = &bspec
			}
			if mode == "two" && xf == "edgelist" {
				return usageErr(errors.New("--format edgelist writes the one-mode network; use graphml, gexf, pajek, dl, kumu or dot for --mode two"))
			}
			if xo.TwoMode, err = parseMode(given("weight"), mode, xo.Network); err != nil {
				return err
			}
			ctx := cmd.Context()
			a, err := loadAnalysis(ctx, s, datasetDir(args))
			if err != nil {
				return err
			}
			var write func(io.Writer) error
			var warnings []string
			if xf == "edgelist" {
				var g *graph.Network
				g, warnings, err = out.ExportNetwork(ctx, a, xo.Network, xo.Backbone)
				write = func(w io.Writer) error { return out.WriteEdgeList(w, out.OrgIDs(a.Dataset), g, s.cells()) }
			} else {
				var x *out.Export
				x, warnings, err = out.BuildExport(ctx, a, xo)
				write = func(w io.Writer) error { return out.WriteExport(w, x, xf, gexf, labels, s.cells()) }
			}
			if err != nil {
				return err
			}
			for _, w := range warnings {
				fmt.Fprintf(s.Err, "sectornet: %s\n", w)
			}
			return writeOutput(ctx, s, output, write)
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "edgelist", "export format: "+strings.Join(out.ExportFormats, ", ")+" (default: from -o's extension, "+out.ExportExtensionList()+"; edgelist on standard output)")
	f.StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	net.add(cmd)
	f.StringVar(&mode, "mode", "one", "one (organizations) or two (organizations and forums, or meetings with --basis meetings)")
	f.BoolVar(&xo.Waves, "waves", false, "gexf: every wave's collaboration ties as a dynamic graph")
	f.StringVar(&labelBy, "label-by", "id", "pajek and dl: label vertices by id or name (formerly --labels, which still works; --labels is how many render labels)")
	f.StringVar(&paths, "paths", "hops", "path length for betweenness and closeness: hops, or weighted (1/weight)")
	f.StringSliceVar(&xo.Measures, "measures", out.OrgMeasures, "measures to attach to organizations, comma-separated; also "+strings.Join(out.StructureMeasures, ", "))
	f.StringVar(&xo.Method, "method", "louvain", "community method for the community attribute: louvain or leiden")
	f.Float64Var(&xo.Resolution, "resolution", out.DefaultResolution, "Louvain resolution γ for the community attribute")
	f.Uint64Var(&xo.Seed, "seed", out.DefaultSeed, "Louvain random seed for the community attribute")
	bb.add(cmd, "backbone", "auto")
	pagerankFlag(cmd, &pagerank)
	f.StringVar(&gexf, "gexf-version", out.GEXF12, "gexf: GEXF version, 1.2draft (Gephi 0.8+, NetworkX 2 and 3) or 1.3 (Gephi 0.9.3+, NetworkX 3)")
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
