package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

func newSectorsCmd(s *streams) *cobra.Command {
	var net networkFlags
	var permutations int
	var seed uint64
	var inf inferenceFlags
	cmd := viewCmd(s, "sectors [DIR]", "How sectors mix: E-I index with a permutation test, assortativity, modularity, mixing matrix", func(*cobra.Command, viewArgs) (view, error) {
		spec, err := net.spec()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.SectorsTables(ctx, a, spec, permutations, seed, inf.options())
		}, err
	})
	net.add(cmd)
	cmd.Flags().IntVar(&permutations, "permutations", out.DefaultEIPermutations, "random reassignments for the E-I permutation test (0 to skip)")
	cmd.Flags().Uint64Var(&seed, "seed", out.DefaultSeed, "random seed of the permutation test, --cug and --bootstrap")
	inf.add(cmd, &seed)
	return cmd
}
