package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type sectorsOptions struct {
	dir          string
	format       string
	table        string // --table: print only this table
	net          networkFlags
	permutations int
	seed         uint64
	inf          inferenceFlags
}

func newSectorsCmd(s *streams) *cobra.Command {
	var o sectorsOptions
	cmd := &cobra.Command{
		Use:     "sectors [DIR]",
		Short:   "How sectors mix: E-I index with a permutation test, assortativity, modularity, mixing matrix",
		Long:    helpLong("sectors"),
		Example: helpExample("sectors"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSectors(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().IntVar(&o.permutations, "permutations", out.DefaultEIPermutations, "random reassignments for the E-I permutation test (0 to skip)")
	cmd.Flags().Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of the permutation test, --cug and --bootstrap")
	o.inf.add(cmd, &o.seed)
	return cmd
}

func runSectors(ctx context.Context, s *streams, o sectorsOptions) error {
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
	v, err := out.SectorsTables(ctx, a, spec, o.permutations, o.seed, o.inf.options())
	return writeView(s, f, o.table, v, err)
}
