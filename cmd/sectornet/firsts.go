package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type firstsOptions struct {
	dir    string
	format string
	table  string // --table: print only this table
	top    int
	pairs  bool
}

func newFirstsCmd(s *streams) *cobra.Command {
	var o firstsOptions
	cmd := &cobra.Command{
		Use:     "firsts [DIR]",
		Short:   "Who met whom for the first time, meeting by meeting (from attendance alone)",
		Long:    helpLong("firsts"),
		Example: helpExample("firsts"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runFirsts(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	cmd.Flags().IntVar(&o.top, "top", out.DefaultFirstsTop, "meetings to list among those that introduced the most cross-sector pairs (0 for all)")
	cmd.Flags().BoolVar(&o.pairs, "pairs", false, "also list every pair with the date of its first meeting together")
	return cmd
}

func runFirsts(ctx context.Context, s *streams, o firstsOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	v, err := out.FirstsTables(ctx, a, o.top, o.pairs)
	return writeView(s, f, o.table, v, err)
}
