package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type exportOptions struct {
	dir    string
	format string
	output string
	net    networkFlags
}

func newExportCmd(s *streams) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export [DIR]",
		Short: "Write the network for other tools",
		Long: `Write the one-mode network of organizations for other tools.

Formats:
  edgelist  CSV with the header source,target,weight, one row per undirected
            pair (source < target by id), sorted by source then target`,
		Example: `  sectornet export mydata --format edgelist > ties.csv
  sectornet export mydata --basis meetings --weight newman -o ties.csv`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runExport(cmd.Context(), s, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "edgelist", "export format: edgelist")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	o.net.add(cmd)
	return cmd
}

func runExport(ctx context.Context, s *streams, o exportOptions) error {
	var write func(io.Writer, *graph.Dataset, *graph.Network) error
	switch o.format {
	case "edgelist":
		write = func(w io.Writer, d *graph.Dataset, g *graph.Network) error {
			return out.WriteEdgeList(w, orgIDs(d), g)
		}
	default:
		return usageErr(fmt.Errorf("unknown export format %q (want edgelist)", o.format))
	}
	if _, err := o.net.spec(); err != nil {
		return err
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	g, _, err := o.net.build(d)
	if err != nil {
		return err
	}
	if o.output == "" {
		return write(s.Out, d, g)
	}
	return writeFileAtomic(o.output, func(w io.Writer) error { return write(w, d, g) })
}

func orgIDs(d *graph.Dataset) []string {
	ids := make([]string, len(d.Orgs))
	for i, o := range d.Orgs {
		ids[i] = o.ID
	}
	return ids
}
