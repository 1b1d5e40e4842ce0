package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type changeOptions struct {
	survey       surveyFlags
	dir          string
	format       string
	table        string // --table: print only this table
	from, to     string
	tieType      string
	universe     string
	permutations int
	seed         uint64
	top          int
	qapPerms     int
	qapPermsSet  bool // --qap-permutations given: fit the model at any size
	inf          inferenceFlags
}

func newChangeCmd(s *streams) *cobra.Command {
	var o changeOptions
	cmd := &cobra.Command{
		Use:     "change [DIR]",
		Short:   "What changed in the collaboration ties between survey waves, and how much of it the forums can claim",
		Long:    helpLong("change"),
		Example: helpExample("change"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.qapPermsSet = cmd.Flags().Changed("qap-permutations")
			return runChange(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	f := cmd.Flags()
	f.StringVar(&o.from, "from", "", "the earlier wave (default: each wave but the last)")
	f.StringVar(&o.to, "to", "", "the later wave (default: the wave after --from)")
	f.StringVar(&o.tieType, "type", "", "compare only ties of this type")
	f.StringVar(&o.universe, "universe", "all", "whose pairs count: all (every organization) or present (organizations named in both waves)")
	f.IntVar(&o.permutations, "permutations", out.DefaultChangePermutations, "random sets of new ties for the attribution p-value (0 to skip)")
	f.Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of the permutation test")
	f.IntVar(&o.top, "top", out.DefaultChangeTop, "top gainers to list (0 for all)")
	o.survey.add(cmd)
	f.IntVar(&o.qapPerms, "qap-permutations", out.DefaultQAPPermutations, "permutations per coefficient of the forum-effect model (logistic QAP, semi-partialling; 0 to fit it without the test)")
	o.inf.add(cmd, &o.seed)
	return cmd
}

func runChange(ctx context.Context, s *streams, o changeOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	u, err := graph.ParseUniverse(o.universe)
	if err != nil {
		return usageErr(err)
	}
	rule, missing, err := o.survey.parse()
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	co := out.ChangeOptions{From: o.from, To: o.to, Type: o.tieType, Universe: u, Permutations: o.permutations, Seed: o.seed, Top: o.top, Rule: rule, Missing: missing,
		QAPPermutations: o.qapPerms, Inference: o.inf.options()}
	if !o.qapPermsSet {
		// The default 1000 permutations per coefficient take hours on
		// millions of pairs: above the report's bound the model waits
		// for --qap-permutations.
		co.ModelMaxPairs, co.ModelUnasked = out.ReportModelMaxPairs, true
	}
	v, err := out.ChangeTables(ctx, a, co)
	return writeView(s, f, o.table, v, flagWaves(err))
}
