package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type coreOptions struct {
	dir          string
	format       string
	table        string // --table: print only this table
	net          networkFlags
	restarts     int
	permutations int
	seed         uint64
}

// maxCoreRuns bounds --restarts and --permutations: each is a full search.
const maxCoreRuns = 100000

func newCoreCmd(s *streams) *cobra.Command {
	var o coreOptions
	cmd := &cobra.Command{
		Use:     "core [DIR]",
		Short:   "Who is in the core of the partnership and who is on its edge: core/periphery, coreness, k-cores, per sector",
		Long:    helpLong("core"),
		Example: helpExample("core"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runCore(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().IntVar(&o.restarts, "restarts", out.DefaultCoreRestarts, "local searches from different starts (the best fit wins)")
	cmd.Flags().IntVar(&o.permutations, "permutations", out.DefaultCorePermutations, "random networks for the permutation test of the fit (0 to skip)")
	cmd.Flags().Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of the searches and of the permutation test")
	return cmd
}

func runCore(ctx context.Context, s *streams, o coreOptions) error {
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
	v, err := out.CoreTables(ctx, a, spec, o.restarts, o.permutations, o.seed)
	return writeView(s, f, o.table, v, err)
}
