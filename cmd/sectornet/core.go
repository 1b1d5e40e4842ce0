package main

import (
	"context"
	"fmt"

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
		Use:   "core [DIR]",
		Short: "Who is in the core of the partnership and who is on its edge: core/periphery, coreness, k-cores, per sector",
		Long: `Split the one-mode network (--basis, --weight, --wave) into a core and a
periphery (Borgatti and Everett 1999, as UCINET's categorical core/periphery):
the partition whose pattern is closest to a complete core and an empty
periphery, by the correlation between the ties and that ideal pattern over the
pairs within the core and within the periphery (UCINET's default leaves the
core-periphery pairs out). The best of --restarts local searches wins; the
same --seed gives the same split on every machine. Weights are ignored.

  core           the fit (the correlation: 1 is a perfect core/periphery
                 pattern), the core size, the densities of the three blocks,
                 how many restarts reached the best fit (many: a clear split),
                 and a permutation test: the same search on --permutations
                 random networks with as many ties; p is the share of them
                 that fit at least as well (with the observed one counted)
  sectors        per sector its organizations in the core, their share, the
                 mean continuous coreness and k-core number: is any sector
                 stuck at the edge?
  organizations  each organization's block (core or periphery), continuous
                 coreness (Borgatti and Everett's c with c_i c_j closest to
                 the ties, unit length) and k-core number (NetworkX
                 core_number, igraph coreness)

A network without ties, or with every pair tied, has no core/periphery split:
the fit is empty and everyone is in the periphery.`,
		Example: `  sectornet core mydata
  sectornet core mydata --basis ties --wave 2014 --format md
  sectornet core mydata --restarts 50 --permutations 1000 --seed 7`,
		Args: dirArg,
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
	if o.restarts < 1 || o.restarts > maxCoreRuns {
		return usageErr(fmt.Errorf("--restarts %d: want 1 to %d", o.restarts, maxCoreRuns))
	}
	if o.permutations < 0 || o.permutations > maxCoreRuns {
		return usageErr(fmt.Errorf("--permutations %d: want 0 to %d", o.permutations, maxCoreRuns))
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
