package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

// maxCoreRuns bounds --restarts and --permutations: each is a full search.
const maxCoreRuns = 100000

func newCoreCmd(s *streams) *cobra.Command {
	var net networkFlags
	var restarts, permutations int
	var seed uint64
	cmd := viewCmd(s, "core [DIR]", "Who is in the core of the partnership and who is on its edge: core/periphery, coreness, k-cores, per sector", func(*cobra.Command, viewArgs) (view, error) {
		spec, err := net.spec()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.CoreTables(ctx, a, spec, restarts, permutations, seed)
		}, err
	})
	net.add(cmd)
	cmd.Flags().IntVar(&restarts, "restarts", out.DefaultCoreRestarts, "local searches from different starts (the best fit wins)")
	cmd.Flags().IntVar(&permutations, "permutations", out.DefaultCorePermutations, "random networks for the permutation test of the fit (0 to skip)")
	cmd.Flags().Uint64Var(&seed, "seed", out.DefaultSeed, "random seed of the searches and of the permutation test")
	return cmd
}
