package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type summaryOptions struct {
	allPaths bool
	dir      string
	format   string
	table    string // --table: print only this table
	net      networkFlags
	inf      inferenceFlags
}

func newSummaryCmd(s *streams) *cobra.Command {
	var o summaryOptions
	cmd := &cobra.Command{
		Use:     "summary [DIR]",
		Short:   "Counts per sector, forum, meeting and wave, and the size of the network",
		Long:    helpLong("summary"),
		Example: helpExample("summary"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSummary(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().BoolVar(&o.allPaths, "all-paths", false, "find every shortest path (betweenness and closeness centralization, diameter, mean path length) even on a network where that takes long")
	o.inf.add(cmd, nil)
	return cmd
}

func runSummary(ctx context.Context, s *streams, o summaryOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	spec, err := o.net.spec()
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	v, err := out.SummaryTables(ctx, a, spec, out.SummaryOptions{Inference: o.inf.options(), AllPaths: o.allPaths})
	return writeView(s, f, o.table, v, err)
}
