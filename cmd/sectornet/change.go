package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newChangeCmd(s *streams) *cobra.Command {
	var co out.ChangeOptions
	var universe string
	var survey surveyFlags
	var inf inferenceFlags
	cmd := viewCmd(s, "change [DIR]", "What changed in the collaboration ties between survey waves, and how much of it the forums can claim", func(cmd *cobra.Command, _ viewArgs) (view, error) {
		var err error
		if co.Universe, err = usage(graph.ParseUniverse(universe)); err != nil {
			return nil, err
		}
		if co.Rule, co.Missing, err = survey.parse(); err != nil {
			return nil, err
		}
		co.Inference = inf.options()
		if !cmd.Flags().Changed("qap-permutations") {
			// The default 1000 permutations per coefficient take hours on
			// millions of pairs: above the report's bound the model waits
			// for --qap-permutations.
			co.ModelMaxPairs, co.ModelUnasked = out.ReportModelMaxPairs, true
		}
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			v, err := out.ChangeTables(ctx, a, co)
			return v, flagWaves(err)
		}, nil
	})
	f := cmd.Flags()
	f.StringVar(&co.From, "from", "", "the earlier wave (default: each wave but the last)")
	f.StringVar(&co.To, "to", "", "the later wave (default: the wave after --from)")
	f.StringVar(&co.Type, "type", "", "compare only ties of this type")
	f.StringVar(&universe, "universe", "all", "whose pairs count: all (every organization) or present (organizations named in both waves)")
	f.IntVar(&co.Permutations, "permutations", out.DefaultChangePermutations, "random sets of new ties for the attribution p-value (0 to skip)")
	f.Uint64Var(&co.Seed, "seed", out.DefaultSeed, "random seed of the permutation test")
	f.IntVar(&co.Top, "top", out.DefaultChangeTop, "top gainers to list (0 for all)")
	survey.add(cmd)
	f.IntVar(&co.QAPPermutations, "qap-permutations", out.DefaultQAPPermutations, "permutations per coefficient of the forum-effect model (logistic QAP, semi-partialling; 0 to fit it without the test)")
	inf.add(cmd, &co.Seed)
	return cmd
}
